//! Stage 2: lower the body into a control-flow graph of blocks whose edges are
//! split at every `.await` and at every join of control flow that contains one.
//!
//! Input:
//!
//! ```text
//! let mut total = 0;
//! for n in names {
//!     total += double(n).await;
//! }
//! total
//! ```
//!
//! Output (one entry per block; `goto` carries the values the target needs):
//!
//! ```text
//! Start:   let mut total = 0; let __iter = IntoIterator::into_iter(names); goto Head
//! Head:    match Iterator::next(&mut __iter) { Some(__item) => goto Body, None => goto Exit }
//! Body:    let n = __item; await double(n) -> Resume0
//! Resume0: total += __awaited0; goto Head
//! Exit:    return total
//! ```
//!
//! Code without `.await` is copied verbatim into a block (statements, nested
//! loops and matches alike); only `return`, `?`, and `break`/`continue` that
//! leave a lowered loop are rewritten, since they must run the machine's exit
//! path or jump to another block. Each user statement is emitted exactly once.

use std::collections::{BTreeMap, BTreeSet};

use proc_macro2::{Span, TokenStream, TokenTree};
use quote::{ToTokens, format_ident, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::visit_mut::VisitMut;
use syn::{Expr, Ident, Stmt};

use crate::captures::{self, Captures};
use crate::scan::{self, is_comparison, is_compound_assignment};

pub(crate) type LocalId = usize;
pub(crate) type BlockId = usize;
pub(crate) type ScopeId = usize;
pub(crate) type GotoId = usize;

/// A value with a name in the body: a user local, a parameter, or a temporary
/// the lowering introduced to keep rustc's evaluation order across an await.
pub(crate) struct Local {
    /// The name user code refers to it by (a hygienic name for temporaries).
    pub name: Ident,
    /// Its field name in the generated enums, unique within the function.
    pub field: Ident,
    pub mutable: bool,
    /// Known to have no drop glue (a reference): stored only while live.
    pub droppless: bool,
    pub scope: ScopeId,
    /// Stored in place in the machine's slots for its whole scope (borrowed
    /// across an await, or large and live across several) instead of being
    /// moved from block to block.
    pub slot: bool,
    /// A slot filled from its declaration to the end of its scope: nothing
    /// moves out of it or assigns it (a `for` loop's iterator, a buffer only
    /// borrowed), so it needs no drop flag.
    pub always_filled: bool,
    /// A slot user code never names (a `for` loop's iterator): its uses are
    /// the macro's own, so the borrow checker needs no copy of the body.
    pub internal_slot: bool,
    /// The block its declaration is in (its slot pointer is bound there too).
    pub declared_in: BlockId,
    /// A temporary of the lowering, whose uses in later blocks are the
    /// macro's own code (not all of them recorded as uses).
    pub temporary: bool,
    /// A temporary the macro's code no longer uses, held only for its drop
    /// (a `match` scrutinee once its arms are chosen): liveness may treat
    /// it as a user local, held in a `Dead` once dead.
    pub only_dropped: bool,
    /// Can hold no borrow of the body's own data (a parameter, or a `let`
    /// that [`crate::owned`] proves so): safe to move into a state even when
    /// dead, as its references cannot dangle.
    pub owns_no_borrows: bool,
    /// `owns_no_borrows` was proved by trusting what a name is (a method
    /// named `clone`, see [`crate::owned::RestsOnNames`]): the never-run
    /// copy checks it (see [`crate::dead_moves`]).
    pub owned_by_names: bool,
    /// Declared by `let x;`: initialized only where the machine sees an
    /// assignment (see `Rewriter::refuse_assignments_in_macros`).
    pub declared_without_value: bool,
    /// Moved out whole by a `let` of a condition (`if c && let t = x`, a
    /// `while let`) on the path where it matches.
    pub taken_by_a_condition: bool,
    /// Declared as `let x = Vec::new()` (or `None`, `Default::default()`,
    /// ...) without a type: later code may fix its type, and code written
    /// before that code cannot call its methods (see `BlockData::loop_exit`).
    pub type_open: bool,
    /// The `let` or the arm's (or `let` condition's) pattern that declared
    /// it, counting in lowering order, so that a second lowering can keep it
    /// in place (see [`Builder::keep_in_place`]).
    pub declaration: Option<usize>,
}

/// Names the generated code uses for its own state; all mixed-site, so they
/// can neither capture nor be captured by user identifiers.
pub(crate) struct Names {
    /// The step function's `Frame`: where the state and slots are.
    pub frame: Ident,
    /// The token that says the body runs (`__private::Running`): assigned
    /// where the body starts or resumes, and consumed where it suspends or
    /// returns (the runtime poisons the machine if the body unwinds).
    pub running: Ident,
    pub state_enum: Ident,
    pub block_enum: Ident,
    pub next: Ident,
    pub dispatch: syn::Lifetime,
    pub resume: syn::Lifetime,
    /// Leaves the state `match` for the dispatch loop.
    pub entry: syn::Lifetime,
    /// Leaves a block for the successor written right after it.
    pub goto: syn::Lifetime,
    /// The loop a dispatch arm runs in when its block's own code jumps back
    /// to it, and the values that jump carries.
    pub looped: syn::Lifetime,
    /// Around the user's code in each arm when a macro the macro cannot see
    /// into may hold a `break` or `continue` (see `scan::opaque_control_flow`).
    pub user: syn::Lifetime,
    pub carried: Ident,
    pub cx: Ident,
    pub self_: Ident,
}

impl Names {
    /// `self_span`: the span of the receiver's `self`, so the renamed receiver
    /// resolves like the user's own `self` (also inside format strings).
    pub(crate) fn new(self_span: Span) -> Self {
        let ident = |name: &str| Ident::new(name, Span::mixed_site());
        let label = |name: &str| syn::Lifetime {
            apostrophe: Span::mixed_site(),
            ident: Ident::new(name, Span::mixed_site()),
        };
        Names {
            frame: ident("__frame"),
            running: ident("__running"),
            state_enum: ident("__State"),
            block_enum: ident("__Block"),
            next: ident("__next"),
            dispatch: label("__dispatch"),
            resume: label("__resume"),
            entry: label("__entry"),
            goto: label("__goto"),
            looped: label("__loop"),
            user: label("__user"),
            carried: ident("__carried"),
            cx: ident("__cx"),
            self_: Ident::new("__self", self_span),
        }
    }
}

/// `return value` in the body: leaves the step function's loop with the
/// value, which ends the body's scopes on the way (their drops run while the
/// machine is still running, so a panicking one poisons it, as in rustc);
/// the machine completes after the loop.
/// The value is checked against the function's return type (the loop's
/// result is typed), and its temporaries drop before the locals, as in a
/// `return`.
pub(crate) fn return_tokens(names: &Names, value: TokenStream) -> TokenStream {
    let resume = &names.resume;
    // `break 'l ::path` reads as a label declaration to syn (and to
    // `cargo expand`).
    match value.clone().into_iter().next() {
        Some(proc_macro2::TokenTree::Punct(_)) => quote!(break #resume (#value)),
        _ => quote!(break #resume #value),
    }
}

/// The rendered code of one block, as nested Rust scopes mirroring the user's.
pub(crate) struct Frame {
    pub scope: Option<ScopeId>,
    pub brace: Span,
    /// Opened at the block's entry: the block's parameters of this scope are
    /// bound at its top.
    pub entry: bool,
    pub is_unsafe: bool,
    /// Written before the braces (`let x =` when the scope has a value).
    pub prefix: TokenStream,
    pub suffix: TokenStream,
    pub items: Vec<Item>,
}

impl Frame {
    fn new(scope: Option<ScopeId>, brace: Span, entry: bool, is_unsafe: bool) -> Self {
        Frame {
            scope,
            brace,
            entry,
            is_unsafe,
            prefix: TokenStream::new(),
            suffix: TokenStream::new(),
            items: Vec::new(),
        }
    }
}

pub(crate) enum Item {
    Tokens(TokenStream),
    /// Locals just declared by the preceding code: where an alias for a local
    /// that is shadowed at some edge is defined.
    Decl(Vec<LocalId>),
    /// `let x;` without an initializer: emitted only in a block that mentions
    /// one of the locals (elsewhere its type could not be inferred).
    Uninit(TokenStream, Vec<LocalId>),
    Frame(Frame),
    Term(Term),
}

/// How a block ends.
pub(crate) enum Term {
    Goto(GotoId),
    If {
        cond: TokenStream,
        then: GotoId,
        otherwise: GotoId,
    },
    Match {
        scrutinee: TokenStream,
        arms: Vec<(TokenStream, GotoId)>,
    },
    Await {
        index: usize,
        awaitee: TokenStream,
        resume: GotoId,
    },
    Return(TokenStream),
    /// The block's code already left it (`return`, `break`, ...).
    Diverged,
}

/// What a block did to a local since its entry, last event first.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Event {
    Moved,
    Assigned,
    /// A pattern moved part of it out (`let (a, _) = pair;`): it is kept,
    /// since what is left still drops at the end of its scope. If that part
    /// has drop glue, keeping it across an await is rustc's E0382 ("use of
    /// partially moved value"); if it is `Copy`, it is simply kept.
    PartlyMoved,
}

/// An edge between blocks.
pub(crate) struct Goto {
    pub from: BlockId,
    pub to: BlockId,
    /// What happened to locals in the source block before the edge.
    pub events: BTreeMap<LocalId, Event>,
    /// Values the edge itself provides (pattern bindings, a join's value).
    pub extra: Vec<(LocalId, TokenStream)>,
    /// Locals in scope at the edge, in declaration order.
    pub visible: Vec<LocalId>,
    /// Names bound between the source block's scope and the edge inside
    /// verbatim code; a stored local with one of these names is shadowed here.
    pub shadowing: Vec<String>,
    pub span: Span,
    /// Locals certainly alive at this edge as far as the borrow checker is
    /// concerned: it leaves a condition whose own or later `let` uses them
    /// (`if c && let t = pair`, missing at `c`), so their borrows held then
    /// too, just before the branch. A value moved at this edge for its drop
    /// cannot hold a reference that dangles (see `crate::dead_moves`).
    pub borrows_held: BTreeSet<LocalId>,
}

pub(crate) enum BlockKind {
    Start,
    Resume(usize),
    Plain,
}

pub(crate) struct BlockData {
    pub kind: BlockKind,
    /// Locals in scope at entry, in declaration order.
    pub in_scope: Vec<LocalId>,
    /// Locals whose values arrive with the edge rather than from scope.
    pub entry_defs: Vec<LocalId>,
    pub code: Option<Frame>,
    /// Locals read before being assigned in this block.
    pub uses: BTreeSet<LocalId>,
    /// Locals mentioned anywhere in the block (they must be declared in it).
    pub mentions: BTreeSet<LocalId>,
    pub out: Vec<GotoId>,
    /// When the block was started: blocks are emitted in this order, so a
    /// value's type is known (from where it was created) before it is used.
    pub order: usize,
    /// Where a loop or a labeled block with an await in it exits to: code
    /// after the loop may need types that only its body's code fixes
    /// (`results.push(f().await)`), so when it names a local whose type is
    /// open (`Local::type_open`) it is written after that code.
    pub loop_exit: bool,
}

/// One `.await` in the body.
pub(crate) struct AwaitPoint {
    pub span: Span,
    /// The awaited expression's source text, for docs on its variant.
    pub text: String,
    /// What it waits on, in CamelCase (`read` for `r.read(&mut b).await`),
    /// for the variant's name; empty when nothing fits.
    pub role: String,
    pub resume: BlockId,
    /// The local that receives the awaited value in the resume block.
    pub value: LocalId,
}

pub(crate) struct LoweredBody {
    pub locals: Vec<Local>,
    pub blocks: Vec<BlockData>,
    pub gotos: Vec<Goto>,
    pub awaits: Vec<AwaitPoint>,
    pub params: Vec<LocalId>,
    pub errors: Vec<syn::Error>,
    /// The scope each scope is nested in (`None` for the body's): scopes
    /// in different branches of this tree are never open at once.
    pub scope_parents: Vec<Option<ScopeId>>,
}

impl LoweredBody {
    /// Whether scope `outer` is `inner` or encloses it.
    pub(crate) fn encloses(&self, outer: ScopeId, inner: ScopeId) -> bool {
        let mut scope = Some(inner);
        while let Some(s) = scope {
            if s == outer {
                return true;
            }
            scope = self.scope_parents[s];
        }
        false
    }
}

struct ScopeInfo {
    id: ScopeId,
    locals: Vec<LocalId>,
    is_unsafe: bool,
    /// Span of the user's braces: the edition of the user's code decides when
    /// a block's tail temporaries drop, so the block keeps their span.
    brace: Span,
}

struct LoopCtx {
    label: Option<String>,
    break_to: BlockId,
    continue_to: Option<BlockId>,
    value: Option<LocalId>,
}

pub(crate) struct Builder<'n> {
    pub body: LoweredBody,
    names: &'n Names,
    /// The body calls a macro that may bind names the macro does not see
    /// (see `scan::calls_user_macros`, `owned::RestsOnNames`).
    names_may_be_macro_bound: bool,
    scopes: Vec<ScopeInfo>,
    next_scope: ScopeId,
    frames: Vec<Frame>,
    cur: BlockId,
    events: BTreeMap<LocalId, Event>,
    loops: Vec<LoopCtx>,
    field_names: BTreeMap<String, usize>,
    /// While lowering an awaited call: a temporary it borrows (`&g()`) goes
    /// into a slot, as the future may hold the borrow across the await.
    borrowed_temporaries_in_place: bool,
    /// Lowering an operand that a later await of the statement follows
    /// (`a.await + D("t").touch().len()` in `.. + b.await`): every operand
    /// inside it is evaluated before that await, so its temporaries are
    /// kept to the end of the statement too.
    before_later_await: bool,
    /// The operands of the statement being lowered evaluated before a later
    /// await of it (`D("a")` in `(D("a"), f(D("t").touch()).await)`). rustc
    /// drops such an operand before the statement's temporaries (`D("t")`)
    /// when the future is dropped at the await, so a temporary made after
    /// one is listed before it (see [`Self::bind`]).
    operand_spills: Vec<LocalId>,
    /// Lowering the root of a terminating scope (a block's tail, a
    /// condition, the right of `&&`), whose own operands rustc drops in the
    /// same scope as its temporaries, in reverse order of creation: the
    /// next [`Self::lower_operands`] takes it and does not list them in
    /// [`Self::operand_spills`].
    terminating_root: bool,
    /// Lowering the scrutinee of a `match` or `if let` whose arms await, an
    /// awaited expression, or the iterator expression of a `for` loop whose
    /// body awaits: a temporary that `&` borrows goes into a slot, since the
    /// arms' bindings, the future or the iterator may hold that borrow
    /// across the await (a kept method receiver goes into one in any
    /// statement, see [`Self::lower_now`]), and a method's receiver may
    /// await (`for x in f().await.iter()`).
    temporaries_in_place: bool,
    /// The user's `let`s and arm patterns seen so far (see
    /// `Local::declaration`); the macro's own `let`s are not counted where
    /// only a second lowering writes them.
    declarations_seen: usize,
    /// The declarations (by `Local::declaration`) kept in place because a first
    /// lowering found them dead at an await and not provably free of borrows.
    dead_in_place: BTreeSet<usize>,
    /// The `if`s and `match`es (by address) whose value a `let` annotates
    /// or the body returns, with that type (see [`Self::expect_type`]).
    expected: BTreeMap<usize, syn::Type>,
    /// Join values whose branches' values are coerced to a type.
    join_types: BTreeMap<LocalId, syn::Type>,
}

/// An expression for a value, valid at the current point of the current block.
type Operand = TokenStream;

const UNBOUND: ScopeId = usize::MAX;

impl<'n> Builder<'n> {
    pub(crate) fn new(names: &'n Names) -> Self {
        let mut builder = Builder {
            body: LoweredBody {
                locals: Vec::new(),
                blocks: Vec::new(),
                gotos: Vec::new(),
                awaits: Vec::new(),
                params: Vec::new(),
                errors: Vec::new(),
                scope_parents: vec![None],
            },
            names,
            names_may_be_macro_bound: false,
            scopes: Vec::new(),
            next_scope: 0,
            frames: Vec::new(),
            cur: 0,
            events: BTreeMap::new(),
            loops: Vec::new(),
            field_names: BTreeMap::new(),
            borrowed_temporaries_in_place: false,
            before_later_await: false,
            operand_spills: Vec::new(),
            terminating_root: false,
            temporaries_in_place: false,
            declarations_seen: 0,
            dead_in_place: BTreeSet::new(),
            expected: BTreeMap::new(),
            join_types: BTreeMap::new(),
        };
        builder.scopes.push(ScopeInfo {
            id: 0,
            locals: Vec::new(),
            is_unsafe: false,
            brace: Span::call_site(),
        });
        builder.next_scope = 1;
        builder.cur = builder.new_block(BlockKind::Start, Vec::new());
        builder.start_block(builder.cur);
        builder
    }

    /// Keeps these declarations (by `Local::declaration`) in place, when they are
    /// used only in ways a slot allows: a first lowering found each dead at
    /// an await, still owing its drop, and not provably free of borrows
    /// (see [`crate::owned`]).
    pub(crate) fn keep_in_place(&mut self, lets: BTreeSet<usize>) {
        self.dead_in_place = lets;
    }

    // ---- locals and scopes -------------------------------------------------

    fn unique_field(&mut self, base: &str) -> Ident {
        let base = base.trim_start_matches("r#").trim_start_matches('_');
        let base = if base.is_empty() { "value" } else { base };
        let count = self.field_names.entry(base.to_owned()).or_insert(0);
        *count += 1;
        let mut name = if *count == 1 {
            base.to_owned()
        } else {
            format!("{base}_{}", *count - 1)
        };
        // `self`, or a raw identifier such as `r#type`, is not a field name.
        if syn::parse_str::<Ident>(&name).is_err() {
            name.push('_');
        }
        Ident::new(&name, Span::call_site())
    }

    /// Creates a local that is not yet in any scope (see [`Self::bind`]).
    fn reserve(&mut self, name: Ident, mutable: bool, droppless: bool) -> LocalId {
        let field = self.unique_field(&name.to_string());
        let id = self.body.locals.len();
        self.body.locals.push(Local {
            name,
            field,
            mutable,
            droppless,
            scope: UNBOUND,
            slot: false,
            always_filled: false,
            internal_slot: false,
            declared_in: self.cur,
            temporary: false,
            only_dropped: false,
            owns_no_borrows: false,
            owned_by_names: false,
            declared_without_value: false,
            taken_by_a_condition: false,
            type_open: false,
            declaration: None,
        });
        id
    }

    fn reserve_temp(&mut self, base: &str) -> LocalId {
        self.reserve_temp_as(&format!("__{base}"))
    }

    /// A temporary named `{prefix}{n}`: mixed-site, so no user name can
    /// capture it, whatever the prefix (`shared_receiver4`, which rustc's
    /// messages may show).
    fn reserve_temp_as(&mut self, prefix: &str) -> LocalId {
        let n = self.body.locals.len();
        let name = Ident::new(&format!("{prefix}{n}"), Span::mixed_site());
        let id = self.reserve(name, true, false);
        self.body.locals[id].temporary = true;
        id
    }

    /// Puts a reserved local into the innermost scope: it is declared here.
    /// Puts local `id` in the innermost scope. Its place in the scope's list
    /// is its drop order at an await (last dropped first): a temporary
    /// goes before the statement's operands evaluated ahead of a later
    /// await, which rustc drops first.
    fn bind(&mut self, id: LocalId) {
        let scope = self.scopes.last_mut().expect("a scope is open");
        self.body.locals[id].scope = scope.id;
        let first_operand = (self.body.locals[id].temporary && !self.operand_spills.contains(&id))
            .then(|| {
                scope
                    .locals
                    .iter()
                    .position(|l| self.operand_spills.contains(l))
            })
            .flatten();
        match first_operand {
            Some(at) => scope.locals.insert(at, id),
            None => scope.locals.push(id),
        }
        self.events.remove(&id);
    }

    fn declare(&mut self, name: Ident, mutable: bool, droppless: bool) -> LocalId {
        let id = self.reserve(name, mutable, droppless);
        self.bind(id);
        id
    }

    /// Declares a parameter of the function (bound from its argument at the start).
    pub(crate) fn declare_param(
        &mut self,
        pat: &syn::Pat,
        param: &crate::input::Param,
    ) -> Vec<LocalId> {
        // A reference parameter bound whole has no drop glue.
        let droppless = param.droppless && matches!(pat, syn::Pat::Ident(_));
        let ids = self.declare_pattern(pat, droppless);
        self.body.params.extend(&ids);
        // Its references point outside the body, and outlive the future;
        // unless through a `&mut` the body can change what they point to,
        // which a type's name may hide (an alias): values taken from any
        // type but a plainly owned one are checked in the never-run copy.
        for &id in &ids {
            self.body.locals[id].owns_no_borrows = !param.mutable_reference;
            self.body.locals[id].owned_by_names = !param.plainly_owned;
        }
        ids
    }

    fn declare_pattern(&mut self, pat: &syn::Pat, droppless: bool) -> Vec<LocalId> {
        scan::pattern_bindings(pat)
            .into_iter()
            .map(|b| self.declare(b.ident, b.mutable, droppless || b.by_ref))
            .collect()
    }

    fn reserve_pattern(&mut self, pat: &syn::Pat) -> Vec<LocalId> {
        scan::pattern_bindings(pat)
            .into_iter()
            .map(|b| self.reserve(b.ident, b.mutable, b.by_ref))
            .collect()
    }

    /// Bindings of a pattern matched on `&x` (or another value without drop
    /// glue) are references or copies: none has drop glue, so none is
    /// stored once dead (as with rustc, and without a use at the await in
    /// the never-run copy, see `expand::dead_values_used_at_awaits`).
    fn bindings_of(&mut self, ids: Vec<LocalId>, scrutinee: &Expr) -> Vec<LocalId> {
        if scan::is_droppless_value(scan::peel_parens(scrutinee)) {
            for &id in &ids {
                self.body.locals[id].droppless = true;
            }
        }
        ids
    }

    fn in_scope(&self) -> Vec<LocalId> {
        self.scopes
            .iter()
            .flat_map(|s| s.locals.iter().copied())
            .collect()
    }

    fn resolve(&self, name: &str) -> Option<LocalId> {
        self.scopes
            .iter()
            .rev()
            .flat_map(|s| s.locals.iter().rev())
            .copied()
            .find(|&id| self.body.locals[id].name == name)
    }

    fn push_scope(&mut self, is_unsafe: bool) {
        self.push_scope_at(is_unsafe, Span::call_site());
    }

    fn push_scope_at(&mut self, is_unsafe: bool, brace: Span) {
        let id = self.next_scope;
        self.next_scope += 1;
        let parent = self.scopes.last().map(|s| s.id);
        self.body.scope_parents.push(parent);
        debug_assert_eq!(self.body.scope_parents.len(), self.next_scope);
        self.scopes.push(ScopeInfo {
            id,
            locals: Vec::new(),
            is_unsafe,
            brace,
        });
        self.frames
            .push(Frame::new(Some(id), brace, false, is_unsafe));
    }

    /// Closes the innermost scope in the current block. With `value`, the
    /// scope's code becomes the initializer of `#binding { ...; value }`.
    fn pop_scope(&mut self, value: Option<(TokenStream, Operand)>) {
        let scope = self.scopes.pop().expect("a scope is open");
        let mut frame = self.frames.pop().expect("a frame is open");
        debug_assert_eq!(frame.scope, Some(scope.id));
        for id in &scope.locals {
            self.events.remove(id);
        }
        if let Some((binding, operand)) = value {
            // The operand is evaluated here (a place kept for later reads
            // its locals only now).
            self.note_uses(operand.clone(), None);
            frame.prefix = binding;
            frame.suffix = quote!(;);
            frame.items.push(Item::Tokens(operand));
        }
        self.frames
            .last_mut()
            .expect("root frame")
            .items
            .push(Item::Frame(frame));
    }

    /// Leaves scopes down to `depth` at a point where the current block has
    /// just started (their frames hold no code yet).
    fn truncate_scopes(&mut self, depth: usize) {
        self.scopes.truncate(depth);
        let cur = self.cur;
        self.start_block(cur);
    }

    // ---- blocks ------------------------------------------------------------

    fn new_block(&mut self, kind: BlockKind, entry_defs: Vec<LocalId>) -> BlockId {
        let id = self.body.blocks.len();
        self.body.blocks.push(BlockData {
            kind,
            in_scope: Vec::new(),
            entry_defs,
            code: None,
            uses: BTreeSet::new(),
            mentions: BTreeSet::new(),
            out: Vec::new(),
            order: usize::MAX,
            loop_exit: false,
        });
        id
    }

    /// Makes `block` current: one frame per open scope, nothing emitted yet.
    fn start_block(&mut self, block: BlockId) {
        self.cur = block;
        self.frames.clear();
        self.frames
            .push(Frame::new(None, Span::call_site(), true, false));
        for scope in &self.scopes {
            self.frames.push(Frame::new(
                Some(scope.id),
                scope.brace,
                true,
                scope.is_unsafe,
            ));
        }
        self.events.clear();
        let in_scope = self.in_scope();
        let started = self
            .body
            .blocks
            .iter()
            .filter(|b| b.order != usize::MAX)
            .count();
        let data = &mut self.body.blocks[block];
        data.in_scope = in_scope;
        if data.order == usize::MAX {
            data.order = started;
        }
    }

    fn emit(&mut self, tokens: TokenStream) {
        self.note_uses(tokens.clone(), None);
        self.frames
            .last_mut()
            .expect("a frame is open")
            .items
            .push(Item::Tokens(tokens));
    }

    /// Ends the current block with `term` and starts `next` (or an unreachable
    /// block if `None`, which is pruned later).
    fn terminate(&mut self, term: Term, next: Option<BlockId>) {
        self.frames
            .last_mut()
            .expect("a frame is open")
            .items
            .push(Item::Term(term));
        let mut frames = std::mem::take(&mut self.frames);
        let mut code = frames.pop().expect("a frame is open");
        while let Some(mut parent) = frames.pop() {
            parent.items.push(Item::Frame(code));
            code = parent;
        }
        self.body.blocks[self.cur].code = Some(code);
        let next = match next {
            Some(block) => block,
            None => self.new_block(BlockKind::Plain, Vec::new()),
        };
        self.start_block(next);
    }

    fn goto(&mut self, to: BlockId, extra: Vec<(LocalId, TokenStream)>, span: Span) -> GotoId {
        self.goto_shadowed(to, extra, Vec::new(), span)
    }

    fn goto_shadowed(
        &mut self,
        to: BlockId,
        extra: Vec<(LocalId, TokenStream)>,
        shadowing: Vec<String>,
        span: Span,
    ) -> GotoId {
        for (_, tokens) in &extra {
            self.note_uses(tokens.clone(), None);
        }
        let id = self.body.gotos.len();
        self.body.gotos.push(Goto {
            from: self.cur,
            to,
            events: self.events.clone(),
            visible: self.in_scope(),
            extra,
            shadowing,
            span,
            borrows_held: BTreeSet::new(),
        });
        self.body.blocks[self.cur].out.push(id);
        id
    }

    /// Records the locals `tokens` mention; those not assigned earlier in the
    /// block are read from the block's entry.
    fn note_uses(&mut self, tokens: TokenStream, assigned: Option<LocalId>) {
        let mut idents = Vec::new();
        scan::mentioned_idents(tokens, &mut idents);
        for ident in idents {
            let Some(id) = self.resolve(&ident.to_string()) else {
                continue;
            };
            let block = &mut self.body.blocks[self.cur];
            block.mentions.insert(id);
            if Some(id) != assigned && self.events.get(&id) != Some(&Event::Assigned) {
                block.uses.insert(id);
            }
        }
    }

    /// Emits verbatim user code, recording what it reads, moves and assigns.
    fn emit_user(&mut self, tokens: TokenStream, moved_by: Option<&Expr>) {
        self.emit_user_reading(tokens.clone(), tokens, moved_by);
    }

    /// [`Self::emit_user`] for code whose reads are only in `reads`: a
    /// `let`'s names are bindings, not uses of the locals they shadow (which
    /// would then be kept alive, dead references included, until there).
    fn emit_user_reading(
        &mut self,
        tokens: TokenStream,
        reads: TokenStream,
        moved_by: Option<&Expr>,
    ) {
        let writes: Vec<LocalId> = moved_by
            .map(scan::assignment_targets)
            .unwrap_or_default()
            .iter()
            .filter_map(|name| self.resolve(&name.to_string()))
            .collect();
        self.note_reads(reads, &writes);
        let mut moves = Vec::new();
        let mut assigned = Vec::new();
        if let Some(expr) = moved_by {
            scan::certain_moves(expr, &mut moves);
            assigned = scan::definitely_assigned(expr);
        }
        for ident in &moves {
            if let Some(id) = self.resolve(&ident.to_string()) {
                self.events.insert(id, Event::Moved);
            }
        }
        // Assigned and moved in one expression (`f({ a = v; 1 }, a)`): the
        // order between them is not tracked, so the move stands.
        for ident in assigned.iter().filter(|name| !moves.contains(name)) {
            if let Some(id) = self.resolve(&ident.to_string()) {
                self.events.insert(id, Event::Assigned);
            }
        }
        if let Some(expr) = moved_by {
            for (ident, pat) in scan::partial_moves(expr) {
                let local = self.resolve(&ident.to_string());
                self.note_pattern_move(local, pat);
            }
            // `st = match st { Some(job) => .. }`: the place is assigned
            // after its value is evaluated, whatever that moved.
            if let Expr::Assign(a) = expr
                && let Some(id) = self.path_local(&a.left)
            {
                self.events.insert(id, Event::Assigned);
            }
        }
        if !tokens.is_empty() {
            self.frames
                .last_mut()
                .expect("a frame is open")
                .items
                .push(Item::Tokens(tokens));
        }
    }

    /// Like [`Self::note_uses`], but mentions that are targets of assignments
    /// (`writes`, one entry per occurrence) are not reads.
    fn note_reads(&mut self, tokens: TokenStream, writes: &[LocalId]) {
        let mut idents = Vec::new();
        scan::mentioned_idents(tokens, &mut idents);
        let mut writes = writes.to_vec();
        for ident in idents {
            let Some(id) = self.resolve(&ident.to_string()) else {
                continue;
            };
            let block = &mut self.body.blocks[self.cur];
            block.mentions.insert(id);
            if let Some(pos) = writes.iter().position(|&w| w == id) {
                writes.swap_remove(pos);
                continue;
            }
            if self.events.get(&id) != Some(&Event::Assigned) {
                block.uses.insert(id);
            }
        }
    }

    /// Must `expr` be split into blocks? When it awaits; when it is control
    /// flow whose branches move a local of an enclosing scope (each path's
    /// moves then become a drop flag at the join); or when it assigns a
    /// local declared without a value inside it (`if c { a = v }`, `{ a =
    /// v; 0 }..n`), so that each path's assignment is seen.
    fn needs_lowering(&self, expr: &Expr) -> bool {
        scan::has_await(expr)
            || scan::branches_move(expr, &|name| self.resolve(&name.to_string()).is_some())
            || scan::assigns_inside(expr, &|name| {
                self.resolve(&name.to_string())
                    .is_some_and(|l| self.body.locals[l].declared_without_value)
            })
    }

    fn decl(&mut self, ids: Vec<LocalId>) {
        if !ids.is_empty() {
            self.frames
                .last_mut()
                .expect("a frame is open")
                .items
                .push(Item::Decl(ids));
        }
    }

    // ---- statements --------------------------------------------------------

    /// Lowers the function body: the tail value (or `()`) is returned.
    pub(crate) fn lower_body(mut self, block: &syn::Block, output: &syn::Type) -> LoweredBody {
        self.names_may_be_macro_bound = scan::calls_user_macros(block);
        if let Some(Stmt::Expr(tail, None)) = block.stmts.last() {
            self.expect_type(tail, output);
        }
        let value = self.lower_stmts(&block.stmts).unwrap_or_else(|| quote!(()));
        self.terminate(Term::Return(value), None);
        self.body
    }

    /// `expr`, if it is an `if` or a `match`, has the value of a `let`
    /// annotated with `ty` or of the body, whose output is `ty`: its
    /// branches' values are coerced to `ty` where they join (`&String` to
    /// `&str`, `Box<T>` to `Box<dyn Trait>`), as rustc coerces each branch
    /// to the expected type; the join would take the first branch's type.
    fn expect_type(&mut self, expr: &Expr, ty: &syn::Type) -> Option<usize> {
        if !scan::may_be_coerced_to(ty) {
            return None;
        }
        let at = join_address(scan::peel_parens(expr))?;
        self.expected.insert(at, ty.clone());
        Some(at)
    }

    /// Records `value`, the join of the `if` or `match` at `at`, as coerced
    /// to the type [`Self::expect_type`] gave it.
    fn join_expected(&mut self, at: usize, value: LocalId) {
        if let Some(ty) = self.expected.remove(&at) {
            self.join_types.insert(value, ty);
        }
    }

    /// A branch's value passed to `value`'s join.
    ///
    /// Input: `&s`, the join of `let label: &str = if .. { &s } else { .. };`.
    /// Output: `::core::convert::identity::<&str>(&s)`.
    fn branch_value(&self, value: LocalId, tail: Operand) -> Operand {
        match self.join_types.get(&value) {
            Some(ty) => scan::coerced(ty, tail),
            None => tail,
        }
    }

    /// Emits the call that starts the body once the arguments are taken: the
    /// state holds nothing from then on, and an unwind poisons it.
    pub(crate) fn start_body(&mut self) {
        let Names { frame, running, .. } = &self.names;
        // SAFETY (of the generated code): every argument was taken.
        self.emit(quote!(#running = unsafe { #frame.start() };));
    }

    /// Emits `let PAT = ARG;` for a parameter at the start of the body.
    pub(crate) fn bind_param(
        &mut self,
        pat: &syn::Pat,
        param: &crate::input::Param,
        body: &[Stmt],
    ) {
        let arg = &param.field;
        // SAFETY (of the generated code): `#arg` is the `Unresumed` variant's
        // field, taken once as the body starts.
        let frame = &self.names.frame;
        let read = quote!(unsafe { #frame.take(#arg) });
        if param.bound_by_name() {
            self.emit(quote!(let #pat = #read;));
        } else {
            // Input: `async fn f((a, _): (D, D))`
            // Output: `let __arg0 = read(__arg0); let (a, _) = __arg0;`
            // The argument is a local of its own, as in rustc's desugaring:
            // what the pattern leaves in it (`_`) drops with it, last.
            let holder: syn::Pat = syn::parse_quote!(#arg);
            self.emit(quote!(let #holder = #read;));
            let holder_id = self.declare_param(&holder, param);
            self.decl(holder_id.clone());
            self.emit(quote!(let #pat = #arg;));
            self.note_pattern_move(holder_id.first().copied(), pat);
        }
        let ids = self.declare_param(pat, param);
        // A parameter stays in place only when borrowed across an await; a
        // shared reference only when an awaited future reborrows through it
        // (`let x = r.get(0)` borrows the referent, for the reference's own
        // lifetime, and moving a copy of `r` leaves it valid); a `&mut` one
        // also when a reborrow through it is held (`let x = &mut *r;` or
        // `r.get_mut(0)`: moving `r` then would be E0505).
        let kind = match (param.reference, param.unique_reference) {
            (true, false) => ParamKind::Reference,
            (true, true) => ParamKind::MutableReference,
            (false, _) => ParamKind::Owned,
        };
        self.maybe_slot(pat, None, Some(kind), body, false);
        self.decl(ids);
    }

    /// Lowers statements in the current scope; returns the tail expression's
    /// operand if the last statement is an expression without `;`.
    fn lower_stmts(&mut self, stmts: &[Stmt]) -> Option<Operand> {
        // A block's statements are temporary scopes of their own.
        let outer_later_await = std::mem::replace(&mut self.before_later_await, false);
        let tail = self.lower_stmts_in_block(stmts);
        self.before_later_await = outer_later_await;
        tail
    }

    fn lower_stmts_in_block(&mut self, stmts: &[Stmt]) -> Option<Operand> {
        let mut tail = None;
        let outer_operands = std::mem::take(&mut self.operand_spills);
        for (index, stmt) in stmts.iter().enumerate() {
            let is_last = index + 1 == stmts.len();
            self.operand_spills.clear();
            match stmt {
                Stmt::Item(_) => {} // hoisted by `expand`
                Stmt::Local(local) => self.lower_let(local, &stmts[index + 1..]),
                Stmt::Macro(mac)
                    if scan::eager_format_args(&mac.mac)
                        .is_some_and(|args| args.iter().any(scan::has_await)) =>
                {
                    // `println!("{}", x.await);`: an expression statement.
                    let expr = Expr::Macro(syn::ExprMacro {
                        attrs: mac.attrs.clone(),
                        mac: mac.mac.clone(),
                    });
                    self.push_scope(false);
                    let operand = self.lower_expr(&expr);
                    self.emit(quote!(#operand;));
                    self.pop_scope(None);
                }
                Stmt::Macro(mac) => {
                    if let Some(span) = scan::tokens_have_await(&mac.mac.tokens) {
                        self.error_macro_await(span, &mac.mac.path);
                    }
                    let tokens = self.rewrite_stmt(stmt.clone());
                    self.emit_user(tokens, None);
                    // `panic!("..");` ends the block: what follows, the
                    // block's value included, is unreachable.
                    if scan::diverging_macro(&mac.mac) {
                        self.terminate(Term::Diverged, None);
                    }
                }
                Stmt::Expr(expr, semi) => {
                    if is_last && semi.is_none() {
                        tail = Some(self.lower_terminating_value(expr));
                    } else if self.needs_lowering(expr) {
                        // A statement owns the temporaries its expression creates.
                        self.push_scope(false);
                        let operand = self.lower_expr(expr);
                        self.emit(quote!(#operand;));
                        self.pop_scope(None);
                    } else {
                        let tokens = self.rewrite_stmt(stmt.clone());
                        self.emit_user(tokens, Some(expr));
                        if scan::diverges(expr) {
                            self.terminate(Term::Diverged, None);
                        }
                    }
                }
            }
        }
        self.operand_spills = outer_operands;
        tail
    }

    /// Lowers an expression whose value is used afterwards (a block's tail).
    /// When it awaits, its temporaries get a scope of their own and the value
    /// is bound to a temporary of the enclosing scope.
    /// [`Self::lower_value`] of the root of a terminating scope (see
    /// [`Self::terminating_root`]).
    fn lower_terminating_value(&mut self, expr: &Expr) -> Operand {
        let outer = std::mem::replace(&mut self.terminating_root, has_own_operands(expr));
        let value = self.lower_value(expr);
        self.terminating_root = outer;
        value
    }

    fn lower_value(&mut self, expr: &Expr) -> Operand {
        if !self.needs_lowering(expr) {
            let tokens = self.rewrite_expr(expr.clone());
            // Its reads before its assignments: `acc = acc.rotate_left(3)`
            // reads `acc` from the block's entry.
            self.emit_user_reading(TokenStream::new(), tokens.clone(), Some(expr));
            return tokens;
        }
        let value = self.reserve_temp("value");
        let name = self.body.locals[value].name.clone();
        self.push_scope(false);
        let operand = self.lower_expr(expr);
        self.pop_scope(Some((quote!(let #name =), operand)));
        self.bind(value);
        quote!(#name)
    }

    fn lower_let(&mut self, local: &syn::Local, rest: &[Stmt]) {
        if let Some(rebound) = ref_binding_as_borrow(local) {
            return self.lower_let(&rebound, rest);
        }
        if let Some((temp, rebound)) = self.extended_temporary(local, rest) {
            let mut rest_after_temp = vec![Stmt::Local(rebound.clone())];
            rest_after_temp.extend_from_slice(rest);
            self.lower_let(&temp, &rest_after_temp);
            return self.lower_let(&rebound, rest);
        }
        let in_place = wants_in_place(local);
        let local = &strip_in_place(local);
        if let Some(init) = &local.init
            && let Some((_, diverge)) = &init.diverge
            && scan::has_await(diverge)
        {
            return self.lower_let_else_awaiting(local, &init.expr, diverge, rest);
        }
        let init_awaits = local
            .init
            .as_ref()
            .is_some_and(|init| self.needs_lowering(&init.expr));
        let droppless = match &local.pat {
            syn::Pat::Type(typed) => scan::is_droppless_type(&typed.ty),
            _ => false,
        } || local
            .init
            .as_ref()
            .is_some_and(|init| scan::is_droppless_value(&init.expr));
        if !init_awaits {
            let tokens = self.rewrite_stmt(Stmt::Local(local.clone()));
            if let Some(init) = &local.init {
                let reads = match syn::parse2::<Stmt>(tokens.clone()) {
                    Ok(Stmt::Local(syn::Local {
                        init: Some(init), ..
                    })) => {
                        let (value, diverge) = (init.expr, init.diverge.map(|(_, d)| d));
                        quote!(#value #diverge)
                    }
                    _ => tokens.clone(),
                };
                // `let PAT = x;` moves what the pattern binds, not `x` itself.
                match self.path_local(&init.expr) {
                    Some(matched) => {
                        self.emit_user_reading(tokens.clone(), reads, None);
                        self.note_pattern_move(Some(matched), &local.pat);
                    }
                    None => self.emit_user_reading(tokens.clone(), reads, Some(&init.expr)),
                }
            }
            let ids = self.declare_pattern(&local.pat, droppless);
            if let (syn::Pat::Ident(_), Some(init)) = (&local.pat, &local.init) {
                for &id in &ids {
                    self.body.locals[id].type_open = scan::leaves_type_open(&init.expr);
                }
            }
            if local.init.is_some() {
                self.maybe_slot(
                    &local.pat,
                    local.init.as_ref().map(|i| &*i.expr),
                    None,
                    rest,
                    in_place,
                );
            }
            if local.init.is_none() {
                self.frames
                    .last_mut()
                    .expect("a frame is open")
                    .items
                    .push(Item::Uninit(tokens, ids.clone()));
                for &id in &ids {
                    self.events.insert(id, Event::Moved);
                    self.body.locals[id].declared_without_value = true;
                }
                self.decl(ids.clone());
                self.maybe_empty_slot(&local.pat, rest, in_place);
                return;
            }
            self.decl(ids);
            return;
        }
        let init = local.init.as_ref().expect("checked above");
        let pat = &local.pat;
        let attrs = &local.attrs;
        let expected = match pat {
            syn::Pat::Type(typed) => self.expect_type(&init.expr, &typed.ty),
            _ => None,
        };
        self.push_scope(false);
        let operand = self.lower_expr(&init.expr);
        // Not lowered into a join: no later expression may take it (the
        // address may be reused once this copy of the `let` is dropped).
        if let Some(at) = expected {
            self.expected.remove(&at);
        }
        // Input: `let (_, status) = f().await;`
        // Output: `let (_, status) = { __p3 };`
        // The awaited value is a temporary of the statement in rustc: what
        // the pattern leaves drops at the end of the `let`. Matched in
        // place, the lowering's local would keep it to the end of the arm,
        // past the next await.
        let mut bindings = scan::pattern_bindings(pat);
        let leaves_parts = self.operand_local(&operand).is_some_and(|id| {
            self.body.locals[id].temporary
                && scan::pattern_move(pat) != scan::PatternMove::Whole
                && bindings.iter().all(|b| !b.by_ref)
        });
        let operand = if leaves_parts {
            quote!({ #operand })
        } else {
            operand
        };
        match &init.diverge {
            // Input: `let _ = f(D("t").touch()).await;`
            // Output: `{ let __t1 = D("t"); ..; let _ = { __p3 }; };`
            // A pattern that binds nothing matches inside the statement's
            // scope, so what it leaves drops before the statement's other
            // temporaries, as the newest one does in rustc.
            None if leaves_parts && bindings.is_empty() => {
                let matched = quote!(#(#attrs)* let #pat = #operand;);
                self.pop_scope(Some((TokenStream::new(), matched)));
            }
            // Input: `let (_, mut x) = f(D("t").touch()).await;`
            // Output: `let (mut x,) = { let __t1 = D("t"); ..;
            // let (_, mut x) = { __p3 }; (x,) };`
            // The same with bindings: they leave the scope in a tuple.
            None if leaves_parts && !matches!(pat, syn::Pat::Or(_)) => {
                // A name bound in each alternative of a nested or-pattern.
                let mut seen = BTreeSet::new();
                bindings.retain(|b| seen.insert(b.ident.to_string()));
                let names = bindings.iter().map(|b| &b.ident);
                let rebound = bindings.iter().map(|b| {
                    let (ident, mutability) = (&b.ident, b.mutable.then(|| quote!(mut)));
                    quote!(#mutability #ident)
                });
                let matched = quote!(#(#attrs)* let #pat = #operand; (#(#names,)*));
                self.pop_scope(Some((quote!(let (#(#rebound,)*) =), matched)));
            }
            None => self.pop_scope(Some((quote!(#(#attrs)* let #pat =), operand))),
            Some((else_token, diverge)) => {
                // `let PAT = { .. } else` is not valid Rust: bind the value
                // first, then match it as the temporary rustc would.
                let value = Ident::new("__let_else", Span::mixed_site());
                self.pop_scope(Some((quote!(let #value =), operand)));
                let diverge = self.rewrite_expr((**diverge).clone());
                self.note_uses(diverge.clone(), None);
                let tokens = quote!(#(#attrs)* let #pat = ::core::convert::identity(#value) #else_token #diverge;);
                self.frames
                    .last_mut()
                    .expect("frame")
                    .items
                    .push(Item::Tokens(tokens));
            }
        }
        let ids = self.declare_pattern(pat, droppless);
        self.maybe_slot(pat, Some(&init.expr), None, rest, in_place);
        self.decl(ids);
    }

    /// A `let` that borrows a temporary (`let r = &(a + b);`, `&f().await`),
    /// with an await in it or after it: rustc extends the temporary to the
    /// end of the block, which the machine's arms are not, so it becomes a
    /// local of its own, kept in place as the reference may live across an
    /// await. It is declared just before the binding, so it drops just after
    /// it, as rustc drops it.
    ///
    /// The extension reaches through derefs and fields, as rustc's does:
    /// `&*f().await` and `&make().field` extend the value they start from.
    ///
    /// Input: `let r = &(a + b); f().await; *r`
    /// Output: `#[in_place] let __extended = (a + b); let r = &__extended; ..`
    fn extended_temporary(
        &mut self,
        local: &syn::Local,
        rest: &[Stmt],
    ) -> Option<(syn::Local, syn::Local)> {
        let init = local.init.as_ref()?;
        let Expr::Reference(r) = &*init.expr else {
            return None;
        };
        let mut borrowed = (*r.expr).clone();
        let value = extended_operand(&mut borrowed);
        // An initializer that awaits is split at the await, so even without
        // a later await its value would be a local of the split statement.
        let awaits = self.needs_lowering(value) || scan::awaits_after(rest) > 0;
        if init.diverge.is_some()
            || scan::is_place_like(value)
            || scan::is_constant(value)
            || !awaits
        {
            return None;
        }
        let n = self.body.locals.len();
        let temp = Ident::new(&format!("__extended{n}"), Span::mixed_site());
        let mutability = &r.mutability;
        let Stmt::Local(hoisted) = syn::parse_quote!(#[in_place] let #mutability #temp = #value;)
        else {
            unreachable!("a `let` statement")
        };
        *value = syn::parse_quote!(#temp);
        let mut rebound = local.clone();
        let and = &r.and_token;
        rebound.init = Some(syn::LocalInit {
            eq_token: init.eq_token,
            expr: Box::new(syn::parse_quote!(#and #mutability #borrowed)),
            diverge: None,
        });
        Some((hoisted, rebound))
    }

    /// `let ... else` whose `else` block awaits.
    ///
    /// Input: `let Ok(v) = init else { log(x.await); return; };`
    ///
    /// Output (blocks):
    ///
    /// ```text
    /// { let __t = init; match __t { Ok(v) => goto Rest(v), _ => goto Else } }
    /// Else: { log(x.await); return; }
    /// Rest(v): the statements after the `let`
    /// ```
    ///
    /// The value and the initializer's temporaries live in a scope that ends
    /// on both edges: as in rustc, they drop before the `else` block runs, and
    /// before the next statement.
    fn lower_let_else_awaiting(
        &mut self,
        local: &syn::Local,
        init: &Expr,
        diverge: &Expr,
        rest_stmts: &[Stmt],
    ) {
        let span = local.span();
        let depth = self.scopes.len();
        self.push_scope(false);
        let value = self.lower_operand(init);
        let temp = self.spill_moving(value);
        let name = self.body.locals[temp].name.clone();
        let ids = self.reserve_pattern(&local.pat);
        let ids = self.bindings_of(ids, init);
        let rest = self.new_block(BlockKind::Plain, Vec::new());
        let otherwise = self.new_block(BlockKind::Plain, Vec::new());
        let (pat, extra) = self.hygienic_bindings(&local.pat, &ids);
        let saved = self.events.clone();
        self.note_pattern_move(Some(temp), &local.pat);
        let on_match = self.goto(rest, extra, span);
        self.events = saved;
        let on_miss = self.goto(otherwise, Vec::new(), span);
        let arms = vec![(quote!(#pat), on_match), (quote!(_), on_miss)];
        self.terminate(
            Term::Match {
                scrutinee: quote!(#name),
                arms,
            },
            None,
        );
        self.scopes.truncate(depth);
        self.start_block(otherwise);
        // The `else` block's value (it diverges) stays inside it.
        self.push_scope(false);
        let tail = self.lower_value(diverge);
        self.emit(quote!(#tail;));
        self.terminate(Term::Diverged, None);
        self.scopes.truncate(depth);
        self.body.blocks[rest].entry_defs.extend(&ids);
        for &id in &ids {
            self.bind(id);
        }
        self.start_block(rest);
        if scan::bindings_borrowed_across_await(&local.pat, rest_stmts) {
            // The bindings arrive as the block's values; one kept in a slot
            // must be declared by a `let` here. All are, in order, so they
            // still drop in the pattern's order.
            for (binding, &old) in scan::pattern_bindings(&local.pat).iter().zip(&ids) {
                let name = &binding.ident;
                let mutability = binding.mutable.then(|| quote!(mut));
                self.emit(quote!(let #mutability #name = #name;));
                self.events.insert(old, Event::Moved);
                let id = self.declare(name.clone(), binding.mutable, binding.by_ref);
                self.decl(vec![id]);
            }
            self.slot_borrowed_bindings(&local.pat, rest_stmts);
        }
    }

    /// Decides whether the local a simple `let x = ..` (or parameter) just
    /// declared is stored in place, and if so moves it into its slot and
    /// declares the guard that drops it when its scope ends.
    ///
    /// A local goes into a slot when it is in scope across an await and
    /// either borrowed where the borrow may be held across it, or large by
    /// construction and live across several awaits with only uses that work on
    /// a place; or when the user asked with `#[in_place]`. Everything else is
    /// moved between blocks, which works for every use (see the design notes).
    fn maybe_slot(
        &mut self,
        pat: &syn::Pat,
        init: Option<&Expr>,
        param: Option<ParamKind>,
        rest: &[Stmt],
        in_place: bool,
    ) {
        let declaration = param.is_none().then(|| self.next_declaration());
        let binding = match pat {
            syn::Pat::Ident(p) if p.by_ref.is_none() && p.subpat.is_none() => p,
            syn::Pat::Type(t) => match &*t.pat {
                syn::Pat::Ident(p) if p.by_ref.is_none() && p.subpat.is_none() => p,
                other => return self.destructured_let(other, init, rest, declaration),
            },
            _ => {
                if in_place {
                    self.error(
                        pat.span(),
                        "`#[in_place]` applies to a `let` that binds a single name",
                    );
                }
                return self.destructured_let(pat, init, rest, declaration);
            }
        };
        let ident = &binding.ident;
        let Some(id) = self.resolve(&ident.to_string()) else {
            return;
        };
        // Proved even with no await after it in its block: a later edge
        // (a loop's, a branch's) may still move it while dead.
        if let Some(index) = declaration {
            // Resolved in the initializer, `ident` is this new local, which
            // is not proved yet: `let x = x.clone();` is taken to borrow.
            let holds_no_borrows = |name: &Ident| self.holds_no_borrows(name);
            let owns_no_borrows = init
                .is_some_and(|init| crate::owned::init_owns_no_borrows(init, &holds_no_borrows))
                && crate::owned::only_used_by_value(&ident.to_string(), rest, &holds_no_borrows);
            let by_names = owns_no_borrows
                && (init.is_some_and(|init| self.rests_on_names(init))
                    || self.uses_rest_on_names(&ident.to_string(), rest));
            let local = &mut self.body.locals[id];
            local.declaration = Some(index);
            local.owns_no_borrows = owns_no_borrows;
            local.owned_by_names = by_names;
        }
        let awaits = scan::awaits_after(rest);
        if awaits == 0 {
            return;
        }
        let uses = scan::uses_of(&ident.to_string(), rest);
        let large = init.is_some_and(scan::is_large_literal)
            || matches!(pat, syn::Pat::Type(t) if matches!(&*t.ty, syn::Type::Array(_)));
        let place_only = uses.place_only();
        let borrowed = match param {
            Some(ParamKind::Reference) => uses.borrowed_in_await,
            _ => uses.borrowed,
        };
        // Live across several transitions and only ever used in place (indexed,
        // borrowed, a receiver of a method known to borrow): kept in place
        // rather than moved at every transition, as rustc's coroutine does.
        let stays =
            param.is_none() && awaits >= 2 && scan::only_place_uses(&ident.to_string(), rest);
        // Dead at an await while it may hold a dangling borrow: moving it
        // would be undefined behaviour (see `crate::owned`).
        let dead =
            declaration.is_some_and(|i| self.dead_in_place.contains(&i)) && uses.slot_allows_dead();
        let slot = in_place
            || borrowed
            || (param.is_none() && large && awaits >= 2 && place_only)
            || stays
            || dead;
        if !slot {
            return;
        }
        self.declare_slot(id, Some(ident));
    }

    /// `let x;` whose value `rest` borrows across an await (or marked
    /// `#[in_place]`): kept in a slot, empty until an assignment fills it
    /// (`slot.assign(v)`, which drops an old value), as a `let x = v` is.
    ///
    /// Input: `let a; a = vec![d]; for x in a.iter() { f().await; }`
    /// Output: `let a; let __guard1 = __slot1.guard();` then
    /// `__slot1.assign(vec![d]);` and `a` used through its place.
    fn maybe_empty_slot(&mut self, pat: &syn::Pat, rest: &[Stmt], in_place: bool) {
        let ident = match pat {
            syn::Pat::Ident(p) if p.by_ref.is_none() && p.subpat.is_none() => &p.ident,
            syn::Pat::Type(t) => match &*t.pat {
                syn::Pat::Ident(p) if p.by_ref.is_none() && p.subpat.is_none() => &p.ident,
                _ => return,
            },
            _ => return,
        };
        if scan::awaits_after(rest) == 0
            || !(in_place || scan::uses_of(&ident.to_string(), rest).borrowed)
        {
            return;
        }
        if let Some(id) = self.resolve(&ident.to_string()) {
            self.declare_slot(id, None);
        }
    }

    /// The bindings of a destructuring `let` or a `for` loop's pattern (or a
    /// parameter's pattern, with no `declaration`): in slots when `rest`
    /// borrows one across an await (see [`Self::slot_borrowed_bindings`]);
    /// and numbered like a single name (see `Local::declaration`), so that
    /// all its bindings by value are kept in place, in order, when a first
    /// lowering found one dead at an await (none is proved free of borrows
    /// from `source`, the value matched) and each is used only in ways a
    /// slot allows.
    fn destructured_let(
        &mut self,
        pat: &syn::Pat,
        source: Option<&Expr>,
        rest: &[Stmt],
        declaration: Option<usize>,
    ) {
        self.slot_borrowed_bindings(pat, rest);
        let Some(index) = declaration else {
            return;
        };
        let bindings = self.number_bindings(pat, index);
        if let Some(source) = source {
            self.prove_bindings_own_no_borrows(source, &bindings, rest);
        }
        let slot_allows_dead =
            |name: &Ident| scan::uses_of(&name.to_string(), rest).slot_allows_dead();
        if self.dead_in_place.contains(&index)
            && scan::awaits_after(rest) > 0
            && bindings.iter().all(|(name, _)| slot_allows_dead(name))
        {
            for (name, id) in bindings {
                if !self.body.locals[id].slot {
                    self.declare_slot(id, Some(&name));
                }
            }
        }
    }

    /// Each binding of `pat` (a destructuring `let`, a loop's pattern, a
    /// `let ... else`) that `rest` borrows across an await (by a `&`, a
    /// borrowing method, or a guard that awaits) goes into a slot, as a
    /// `let x` would.
    ///
    /// Input: `let (tx, mut rx) = channel(); rx.recv().await;`
    /// Output: `let (tx, mut rx) = channel(); let __guard2 = __slot2.init(rx);`
    /// and `rx` used through its place from there on.
    ///
    /// When one is, every binding by value goes into a slot, in the pattern's
    /// order: their guards then drop them in reverse order, as rustc drops
    /// the bindings.
    fn slot_borrowed_bindings(&mut self, pat: &syn::Pat, rest: &[Stmt]) {
        if !scan::bindings_borrowed_across_await(pat, rest) {
            return;
        }
        for binding in scan::pattern_bindings(pat)
            .into_iter()
            .filter(|b| !b.by_ref)
        {
            if let Some(id) = self.resolve(&binding.ident.to_string()) {
                self.declare_slot(id, Some(&binding.ident));
            }
        }
    }

    /// The bindings by value of a `match` arm's or a `let` condition's
    /// pattern, when the body borrows one across an await: moved into locals
    /// of the same scope first (in pattern order, so they drop in the same
    /// order), which go into slots as a `let`'s bindings would. A binding
    /// arrives at its block by value, as a block parameter, and could not
    /// stay in place.
    ///
    /// Input: `Some(s) => len_of(&s).await`
    /// Output: `Some(s) => ` (same scope) `let s = s; /* in a slot */ len_of(&s).await`
    ///
    /// The same when a first lowering found one of them dead at an await
    /// (none is proved free of borrows: see [`crate::owned`]) and each is
    /// used only in ways a slot allows.
    fn keep_borrowed_bindings(
        &mut self,
        pat: &syn::Pat,
        scrutinee: &Expr,
        body: &[Stmt],
        chained: bool,
    ) {
        let index = self.next_declaration();
        // On `&x`, the bindings are references or copies already.
        if matches!(scan::peel_parens(scrutinee), Expr::Reference(_)) {
            return;
        }
        let bindings: Vec<scan::Binding> = scan::pattern_bindings(pat)
            .into_iter()
            .filter(|b| !b.by_ref)
            .collect();
        let ids = self.number_bindings(pat, index);
        // In a `let` chain, the later conditions (not in `body`) use them too.
        if !chained {
            self.prove_bindings_own_no_borrows(scrutinee, &ids, body);
        }
        let borrowed = scan::bindings_borrowed_across_await(pat, body);
        let dead = self.dead_in_place.contains(&index)
            && scan::awaits_after(body) > 0
            && bindings
                .iter()
                .all(|b| scan::uses_of(&b.ident.to_string(), body).slot_allows_dead());
        if !borrowed && !dead {
            return;
        }
        // The `let`s below are the macro's: a first lowering may not have
        // written them, so they must not shift the numbers of later ones.
        // They count as the pattern, whose number they take.
        let counted = self.declarations_seen;
        let in_place = dead.then(|| quote!(#[in_place]));
        for binding in &bindings {
            let name = &binding.ident;
            let mutability = binding.mutable.then(|| quote!(mut));
            let Stmt::Local(rebind) = syn::parse_quote!(#in_place let #mutability #name = #name;)
            else {
                unreachable!("a `let` statement")
            };
            let (proved, by_names) = self
                .resolve(&name.to_string())
                .map(|id| &self.body.locals[id])
                .map_or((false, false), |l| (l.owns_no_borrows, l.owned_by_names));
            self.lower_let(&rebind, body);
            if let Some(id) = self.resolve(&name.to_string()) {
                let local = &mut self.body.locals[id];
                local.declaration = Some(index);
                local.owns_no_borrows = proved;
                local.owned_by_names = by_names;
            }
        }
        self.declarations_seen = counted;
    }

    /// Once a scrutinee is matched, the macro's code no longer uses its
    /// temporary: it is only dropped, held in a `Dead` from the arms' entry,
    /// before their code can leave a borrow in it dangling.
    fn only_dropped_from_here(&mut self, scrutinee: Option<LocalId>) {
        if let Some(temp) = scrutinee.filter(|&l| self.body.locals[l].temporary) {
            self.body.locals[temp].only_dropped = true;
        }
    }

    /// Bindings taken from a value that owns no borrow of the body's data
    /// own none either (an iterator without borrows yields items without
    /// them), unless a borrow is stored into one later (see [`crate::owned`]).
    fn prove_bindings_own_no_borrows(
        &mut self,
        source: &Expr,
        bindings: &[(Ident, LocalId)],
        rest: &[Stmt],
    ) {
        let holds_no_borrows = |name: &Ident| self.holds_no_borrows(name);
        if !crate::owned::init_owns_no_borrows(source, &holds_no_borrows) {
            return;
        }
        let proved: Vec<LocalId> = bindings
            .iter()
            .filter(|(name, _)| {
                crate::owned::only_used_by_value(&name.to_string(), rest, &holds_no_borrows)
            })
            .map(|&(_, id)| id)
            .collect();
        let source_rests_on_names = self.rests_on_names(source);
        for id in proved {
            let name = self.body.locals[id].name.to_string();
            let by_names = source_rests_on_names || self.uses_rest_on_names(&name, rest);
            self.body.locals[id].owns_no_borrows = true;
            self.body.locals[id].owned_by_names = by_names;
        }
    }

    /// The bindings by value of `pat`, just declared, marked as declared by
    /// declaration `index`.
    fn number_bindings(&mut self, pat: &syn::Pat, index: usize) -> Vec<(Ident, LocalId)> {
        let bindings: Vec<(Ident, LocalId)> = scan::pattern_bindings(pat)
            .into_iter()
            .filter(|b| !b.by_ref)
            .filter_map(|b| Some((b.ident.clone(), self.resolve(&b.ident.to_string())?)))
            .collect();
        for &(_, id) in &bindings {
            self.body.locals[id].declaration = Some(index);
        }
        bindings
    }

    fn next_declaration(&mut self) -> usize {
        self.declarations_seen += 1;
        self.declarations_seen - 1
    }

    /// Stores local `id`, just declared as `value`, in its slot for the rest
    /// of its scope, with the guard that drops it when the scope ends; a
    /// local declared without a value (`None`) leaves the slot empty until
    /// an assignment fills it.
    fn declare_slot(&mut self, id: LocalId, value: Option<&Ident>) {
        let local = &mut self.body.locals[id];
        local.slot = true;
        // Until a move out of it or an assignment is written (`slot_take`,
        // `slot_assign`), the value stays in its slot for its whole scope.
        local.always_filled = value.is_some();
        local.declared_in = self.cur;
        let (slot, guard) = (slot_var(id), guard_var(id));
        // In the block's `unsafe`: the slot is empty until its scope starts
        // here, and lives in the pinned machine for all of it.
        let guard = match value {
            Some(value) => quote!(let #guard = #slot.init(#value);),
            None => quote!(let #guard = #slot.guard();),
        };
        self.frames
            .last_mut()
            .expect("a frame is open")
            .items
            .push(Item::Tokens(guard));
    }

    /// Binds `pat`, known to match the value in slot `id` and to take it
    /// whole, from the value taken out of the slot.
    ///
    /// Input: `Some(v)` on `s` in a slot (its test done with `Some(_)`)
    /// Output: `let (Some(v)) = __slot1.take() else { unreachable!() };`
    fn take_into_pattern(&mut self, id: LocalId, pat: &syn::Pat, span: Span) {
        let take = self.slot_take(id, span);
        self.emit(quote! {
            #[allow(irrefutable_let_patterns, unused_parens)]
            let (#pat) = #take else { ::core::unreachable!() };
        });
        let ids = self.declare_pattern(pat, false);
        self.decl(ids);
    }

    /// Moves local `id`'s value out of its slot, which then needs a flag.
    fn slot_take(&mut self, id: LocalId, span: Span) -> TokenStream {
        self.body.locals[id].always_filled = false;
        let slot = slot_var(id);
        quote_spanned!(span=> #slot.take())
    }

    /// `x = value` on a slot local, which then needs a flag.
    fn slot_assign(&mut self, id: LocalId, value: &dyn ToTokens) -> TokenStream {
        self.body.locals[id].always_filled = false;
        let slot = slot_var(id);
        quote!(#slot.assign(#value))
    }

    // ---- expressions -------------------------------------------------------

    /// Lowers an expression into blocks, returning an operand for its value
    /// at the current point. Operands evaluated before a later await are
    /// spilled into temporaries, in rustc's order.
    fn lower_expr(&mut self, expr: &Expr) -> Operand {
        if !self.needs_lowering(expr) {
            let tokens = self.rewrite_expr(expr.clone());
            // The operand is evaluated where it is used; record its reads now
            // (they happen before anything the block does later).
            self.note_uses(tokens.clone(), None);
            return tokens;
        }
        match expr {
            Expr::Await(a) => {
                let awaitee = self.lower_awaited(&a.base);
                self.suspend(a, awaitee)
            }
            Expr::Macro(m) if scan::eager_format_args(&m.mac).is_some() => {
                self.lower_format_macro(m)
            }
            Expr::Paren(p) => {
                let inner = self.lower_expr(&p.expr);
                quote!((#inner))
            }
            Expr::Group(g) => self.lower_expr(&g.expr),
            Expr::Cast(c) => {
                let inner = self.lower_expr(&c.expr);
                let ty = &c.ty;
                quote!((#inner as #ty))
            }
            Expr::Unary(u) => {
                let inner = self.lower_expr(&u.expr);
                let op = &u.op;
                quote!((#op #inner))
            }
            Expr::Reference(r) => {
                let inner = self.lower_expr(&r.expr);
                let and = &r.and_token;
                let mutability = &r.mutability;
                quote!(#and #mutability #inner)
            }
            Expr::Field(f) => {
                let base = self.lower_expr(&f.base);
                let member = &f.member;
                quote!(#base.#member)
            }
            Expr::Binary(b) if matches!(b.op, syn::BinOp::And(_) | syn::BinOp::Or(_)) => {
                self.lower_short_circuit(b)
            }
            Expr::Binary(b) if is_compound_assignment(&b.op) => {
                // `place op= value`: rustc evaluates the value first for
                // primitive operands and the place first for overloaded
                // operators; the two agree when the place is a plain local
                // path. The machine takes the first order, which the
                // never-run copy checks where the order shows and the value
                // awaits (`v[i] += f().await`, see
                // `scan::compound_assignment_checked_in_shadow`).
                let checked =
                    scan::compound_assignment_checked_in_shadow(b) && !self.needs_lowering(&b.left);
                if !scan::is_pure_place(&b.left) && !checked {
                    self.error(b.left.span(), "#[state_machine] cannot keep rustc's evaluation order for a compound assignment to this place (it depends on the type) where the place awaits or the value branches: await into a local first");
                }
                let right = self.lower_operand(&b.right);
                let left = self.rewrite_place((*b.left).clone());
                self.note_uses(left.clone(), None);
                let op = &b.op;
                quote!(#left #op #right)
            }
            Expr::Binary(b) => {
                let mut ops = self.lower_operands(
                    &[&b.left, &b.right],
                    if is_comparison(&b.op) {
                        Places::All
                    } else {
                        Places::None
                    },
                );
                let right = ops.pop().unwrap_or_default();
                let left = ops.pop().unwrap_or_default();
                let op = &b.op;
                quote!((#left #op #right))
            }
            Expr::Assign(a) => {
                // rustc evaluates the right operand first, then the place.
                if self.needs_lowering(&a.left) {
                    // `*m.lock().await = v`, `v[i().await] = x`: the value is
                    // held while the place awaits; the place's temporaries
                    // live to the end of the statement.
                    let right = self.lower_now(&a.right);
                    let right = self.spill(right);
                    let left = self
                        .lower_operands(&[&a.left], Places::All)
                        .pop()
                        .unwrap_or_default();
                    return quote!(#left = #right);
                }
                let right = self.lower_expr(&a.right);
                self.emit_user(TokenStream::new(), Some(expr));
                if let Some(id) = self.slot_named_expr(&a.left) {
                    return self.slot_assign(id, &right);
                }
                let left = self.rewrite_place((*a.left).clone());
                let right = self.assigned_value(&a.left, right);
                quote!(#left = #right)
            }
            Expr::Call(call) => {
                // The callee is a place: calling a local closure borrows it
                // (`Fn`), as a method call borrows its receiver.
                let mut all = vec![&*call.func];
                all.extend(call.args.iter());
                let mut ops = self.lower_operands(&all, Places::First);
                let func = ops.remove(0);
                quote!(#func(#(#ops),*))
            }
            Expr::MethodCall(call) => {
                let mut all = vec![&*call.receiver];
                all.extend(call.args.iter());
                let held = scan::held_receiver(call);
                let taken = scan::takes_receiver(call);
                let local_taken = scan::consumes_receiver(&call.method)
                    && self
                        .path_local(&call.receiver)
                        .is_some_and(|l| !self.body.locals[l].temporary);
                let places = Places::Receiver(held, taken, local_taken);
                let mut ops = self.lower_operands(&all, places);
                let mut receiver = ops.remove(0);
                let receiver_moved_first = local_taken
                    && self
                        .operand_local(&receiver)
                        .is_some_and(|l| self.body.locals[l].temporary);
                // `f().await.map(..)` takes the awaited value, and
                // `s.into_bytes(..)` moves `s` out of its slot. A user's
                // local is taken only by `into_*`, `unwrap*`, `expect*` and
                // the adaptor names the never-run copy checks: a
                // `count(&self)` of its own must not drop it early.
                if let Some(moved) = self.operand_local(&receiver) {
                    let taken = if self.body.locals[moved].temporary {
                        taken
                    } else {
                        local_taken
                    };
                    if taken {
                        self.events.insert(moved, Event::Moved);
                    }
                } else if let Some(id) = self.slot_named_expr(&call.receiver)
                    && local_taken
                    && !receiver_moved_first
                {
                    receiver = self.slot_take(id, call.receiver.span());
                }
                let method = &call.method;
                let turbofish = &call.turbofish;
                quote!(#receiver.#method #turbofish(#(#ops),*))
            }
            Expr::Tuple(t) => {
                let ops = self.lower_operands(&t.elems.iter().collect::<Vec<_>>(), Places::None);
                if ops.len() == 1 {
                    quote!((#(#ops),*,))
                } else {
                    quote!((#(#ops),*))
                }
            }
            Expr::Array(a) => {
                let ops = self.lower_operands(&a.elems.iter().collect::<Vec<_>>(), Places::None);
                quote!([#(#ops),*])
            }
            Expr::Index(i) => {
                let mut ops = self.lower_operands(&[&i.expr, &i.index], Places::First);
                let index = ops.pop().unwrap_or_default();
                let base = ops.pop().unwrap_or_default();
                quote!(#base[#index])
            }
            Expr::Struct(s) => {
                let mut exprs: Vec<&Expr> = s.fields.iter().map(|f| &f.expr).collect();
                // `..base` moves only the fields not written: it is a place.
                let places = match &s.rest {
                    Some(rest) => {
                        exprs.push(rest);
                        Places::At(exprs.len() - 1)
                    }
                    None => Places::None,
                };
                let mut ops = self.lower_operands(&exprs, places);
                let rest = s.rest.as_ref().map(|_| {
                    let rest = ops.pop().unwrap_or_default();
                    quote!(.. #rest)
                });
                let fields = s.fields.iter().zip(&ops).map(|(f, op)| {
                    let member = &f.member;
                    quote!(#member: #op)
                });
                let path = &s.path;
                quote!(#path { #(#fields,)* #rest })
            }
            Expr::Repeat(r) => {
                let value = self.lower_expr(&r.expr);
                let len = &r.len;
                quote!([#value; #len])
            }
            Expr::Range(r) => {
                let exprs: Vec<&Expr> = r.start.iter().chain(r.end.iter()).map(|e| &**e).collect();
                let mut ops = self.lower_operands(&exprs, Places::None).into_iter();
                let start = r.start.as_ref().map(|_| ops.next().unwrap_or_default());
                let end = r.end.as_ref().map(|_| ops.next().unwrap_or_default());
                let limits = &r.limits;
                quote!((#start #limits #end))
            }
            Expr::Try(t) => {
                let inner = self.lower_expr(&t.expr);
                // `f().await?`: `branch` takes the awaited value, which then
                // is not carried past a later await (`a.await? + b.await?`).
                if let Some(moved) = self.operand_local(&inner) {
                    self.events.insert(moved, Event::Moved);
                }
                self.try_branch(inner, t.question_token.span)
            }
            Expr::Return(r) => {
                let value = match &r.expr {
                    Some(e) => self.lower_operand(e),
                    None => quote!(()),
                };
                self.terminate(Term::Return(value), None);
                quote!(loop {})
            }
            Expr::Break(b) => {
                let value = b.expr.as_ref().map(|e| self.lower_operand(e));
                self.lower_break(b.label.as_ref(), value, b.span());
                quote!(loop {})
            }
            Expr::Block(b) if b.label.is_some() => self.lower_labeled_block(b),
            Expr::Block(b) => self.lower_scoped_block(&b.block, false),
            Expr::Unsafe(u) => self.lower_scoped_block(&u.block, true),
            Expr::If(i) => self.lower_if(i),
            Expr::Match(m) => self.lower_match(m),
            Expr::Loop(l) => self.lower_loop(l.label.as_ref(), LoopHead::Loop, &l.body, l.span()),
            Expr::While(w) => self.lower_loop(
                w.label.as_ref(),
                LoopHead::While(&w.cond),
                &w.body,
                w.span(),
            ),
            Expr::ForLoop(f) => self.lower_for(f),
            Expr::Let(l) => {
                self.error(
                    l.span(),
                    "`let` is only allowed in the condition of `if` or `while`",
                );
                quote!(false)
            }
            other => {
                self.error(
                    other.span(),
                    "#[state_machine] does not support `.await` inside this kind of expression yet",
                );
                quote!(loop {})
            }
        }
    }

    /// Lowers an operand used by value: an await-free one moves the locals it
    /// names when the enclosing expression runs, later in this block.
    fn lower_operand(&mut self, expr: &Expr) -> Operand {
        let op = self.lower_expr(expr);
        if !self.needs_lowering(expr) {
            self.emit_user(TokenStream::new(), Some(expr));
        }
        op
    }

    /// Lowers sibling operands in evaluation order. Every operand evaluated
    /// before the last one that awaits is spilled into a temporary, except
    /// constants and (with `places`, for receivers and index bases) pure places,
    /// whose evaluation has no effect and may happen later.
    ///
    /// The operands of an awaited call ([`Self::lower_awaited`]) that borrow
    /// a temporary put it in a slot: the future may hold the borrow across
    /// the await. The operands before such a borrow are spilled as if an
    /// await followed, so evaluation order is kept.
    ///
    /// Input: `g(&f().await, &h()).await`
    /// Output: `let __t1 = __awaited0; /* slot */ let __t2 = h(); /* slot */
    /// g(&(*__place1), &(*__place2))`, awaited
    fn lower_operands(&mut self, exprs: &[&Expr], places: Places) -> Vec<Operand> {
        // Only this call's own operands are the awaited call's.
        let in_place = std::mem::replace(&mut self.borrowed_temporaries_in_place, false);
        let borrows_in_place = |e: &&Expr| in_place && borrows_temporary(e);
        let last_await = exprs
            .iter()
            .rposition(|e| self.needs_lowering(e) || borrows_in_place(e));
        let mut ops = Vec::with_capacity(exprs.len());
        // Places read at the point of use, after the awaits: their locals are
        // used there too, so they live across the awaits (`*r > f().await`).
        let mut read_later = Vec::new();
        let outer_later_await = self.before_later_await;
        // The root's own operands share its temporaries' scope; those of
        // the expressions inside it are in scopes of their own.
        let at_terminating_root = std::mem::take(&mut self.terminating_root);
        for (index, expr) in exprs.iter().enumerate() {
            let later_await = outer_later_await || last_await.is_some_and(|last| index < last);
            let outer = std::mem::replace(&mut self.before_later_await, later_await);
            let is_place = places.includes(index);
            let keep = scan::is_constant(expr) || (is_place && scan::is_pure_place(expr));
            if borrows_in_place(expr)
                && let Expr::Reference(r) = expr
            {
                ops.push(self.borrow_kept_in_place(r));
            } else if borrows_in_place(expr) {
                // A call whose own arguments borrow temporaries (`h(&f().await)`).
                self.borrowed_temporaries_in_place = true;
                let op = if later_await {
                    let op = self.lower_now(expr);
                    self.spill(op)
                } else {
                    self.lower_operand(expr)
                };
                self.borrowed_temporaries_in_place = false;
                ops.push(op);
            } else if let (true, false, Expr::Reference(r)) = (later_await, keep, expr)
                && scan::is_place_like(&r.expr)
                && !scan::is_pure_place(&r.expr)
            {
                // `g(&mut v[i], f().await)`: an indexed place is borrowed
                // now, as rustc borrows it (calling `index_mut` before the
                // await), and the borrow is held across the await.
                let borrow = self.borrow_place_now(&r.expr, r.mutability.is_some(), "__t");
                let name = &self.body.locals[borrow].name;
                ops.push(quote!(#name));
            } else if let (true, false, Expr::Reference(r)) = (later_await, keep, expr) {
                // `&temp()` before an await: keep the temporary, borrow it at
                // the point of use (a borrow of a plain place is taken there too).
                let (and, mutability) = (&r.and_token, &r.mutability);
                let inner = if scan::is_pure_place(&r.expr) {
                    let place = self.rewrite_place((*r.expr).clone());
                    read_later.push(place.clone());
                    place
                } else {
                    let op = self.lower_operand(&r.expr);
                    self.spill(op)
                };
                ops.push(quote!(#and #mutability #inner));
            } else if let (0, Places::Receiver(Some(held), ..)) = (index, places) {
                ops.push(self.held_receiver(expr, held));
            } else if later_await
                && !keep
                && index == 0
                && matches!(places, Places::Receiver(_, false, _))
                && scan::is_place_like(expr)
            {
                // Input: `f().await.0.len() + g().await`
                // Output: `__awaited2.0.len()`, as the left operand
                // A place in a value (`.0` of an awaited tuple, `*` of a box,
                // an indexed element) borrowed by its method: its value is
                // evaluated now and kept as a temporary of the statement,
                // the place read where the method borrows it, right away.
                // Moving the place out would move out of that temporary, or
                // an index. (A compared or formatted place is read after the
                // statement's later operands: copied out first, as before.)
                let op = self.lower_now(expr);
                read_later.push(op.clone());
                ops.push(op);
            } else if later_await && !keep {
                let op = self.lower_now(expr);
                let temp = self.reserve_temp_as("__t");
                // Listed as an operand before it is bound (see `Self::bind`).
                // A value in a place's position (a receiver its method
                // borrows, a callee, an index base, a compared value) is a
                // temporary of the statement in rustc, not an operand.
                let moved_in = !is_place || matches!(places, Places::Receiver(_, true, _));
                if !at_terminating_root && moved_in {
                    self.operand_spills.push(temp);
                }
                self.spill_into(temp, op);
                let name = &self.body.locals[temp].name;
                ops.push(quote!(#name));
            } else if let (true, 0, Places::Receiver(_, _, true)) = (later_await, index, places) {
                // Input: `o.map_or(f().await, g)`, `o` a local the method takes
                // Output: `let mut __t1 = o;` before the argument's await, then
                // `__t1.map_or(__awaited2, g)`: rustc moves the receiver into
                // the call before it evaluates the arguments, so a future
                // dropped at their await drops it with the statement's
                // temporaries, before the locals declared after it.
                let local = self.path_local(expr).expect("a local receiver");
                let value = if self.body.locals[local].slot {
                    self.slot_take(local, expr.span())
                } else {
                    self.events.insert(local, Event::Moved);
                    self.rewrite_place((*expr).clone())
                };
                let temp = self.reserve_temp_as("__t");
                if !at_terminating_root {
                    self.operand_spills.push(temp);
                }
                self.spill_into(temp, value);
                let name = &self.body.locals[temp].name;
                ops.push(quote!(#name));
            } else if later_await {
                // A place kept for later: its reads happen at the point of use,
                // but a scalar a later operand may change is copied first.
                let place = self.rewrite_place((*expr).clone());
                read_later.push(place.clone());
                let changed_later = matches!(places, Places::All)
                    && !scan::is_constant(expr)
                    && exprs[index + 1..]
                        .iter()
                        .any(|later| scan::may_change_place(later, expr));
                // A receiver that a later argument changes is taken by
                // value: rustc would refuse the change to a borrowed one
                // (`x.max(bump(&mut x).await)` copies `x` first).
                let receiver_changed_later = matches!(places, Places::Receiver(..))
                    && exprs[1..].iter().any(|later| scan::may_mutate(later, expr));
                if changed_later {
                    ops.push(self.hold_operand(place, HeldAs::ReadLater));
                } else if receiver_changed_later {
                    ops.push(self.spill(place));
                } else {
                    ops.push(place);
                }
            } else if is_place && !self.needs_lowering(expr) {
                ops.push(self.rewrite_place((*expr).clone()));
            } else if is_place {
                ops.push(self.lower_expr(expr));
            } else {
                ops.push(self.lower_operand(expr));
            }
            self.before_later_await = outer;
        }
        for place in read_later {
            self.note_uses(place, None);
        }
        ops
    }

    /// A method's receiver that is an indexed place (or a place in a
    /// temporary, see [`scan::held_receiver`]), before an argument that
    /// awaits, borrowed as rustc borrows it (see [`scan::HeldReceiver`])
    /// and called through the borrow. Copying it out would move out of the
    /// index (E0507), or let a `&mut self` method change a copy of a `Copy`
    /// element. The borrow is the machine's, where rustc's comes from the
    /// method's type: the never-run copy holds the same one across the
    /// arguments (see `expand::held_receivers_in_shadow`), so a use that
    /// conflicts with it fails to build.
    ///
    /// Input: `v[i].push(f().await)`
    /// Output: `let __t1 = &mut v[i];` then `(*__t1).push(__awaited2)`;
    /// for a method borrowing `&`, `let shared_receiver1 = &v[i];` then
    /// `(*shared_receiver1).m(__awaited2)`
    fn held_receiver(&mut self, receiver: &Expr, held: scan::HeldReceiver) -> Operand {
        let unique = held == scan::HeldReceiver::Unique;
        // Named for rustc's message on a method that needs `&mut self`:
        // "cannot borrow `*shared_receiver4` as mutable".
        let prefix = if unique { "__t" } else { "shared_receiver" };
        let temp = self.borrow_place_now(receiver, unique, prefix);
        let name = &self.body.locals[temp].name;
        quote_spanned!(receiver.span()=> (*#name))
    }

    /// `&place` or `&mut place`, evaluated now (see [`Self::place_now`])
    /// into a temporary named `prefix..` and located at the place, where
    /// rustc reports a conflict with it. The borrows of its bases the new
    /// one reborrows are then used up, so they are not carried, and so not
    /// moved, while it is held.
    fn borrow_place_now(&mut self, place: &Expr, unique: bool, prefix: &str) -> LocalId {
        let mut bases = Vec::new();
        let evaluated = self.place_now(place, unique, &mut bases);
        let span = place.span();
        let borrow = if unique {
            quote_spanned!(span=> &mut #evaluated)
        } else {
            quote_spanned!(span=> &#evaluated)
        };
        let temp = self.spill_local_named(borrow, span, prefix);
        for base in bases {
            self.events.insert(base, Event::Moved);
        }
        temp
    }

    /// A place evaluated now, for a borrow (`&mut` if `unique`) taken now
    /// and held across a later await, in rustc's order: a base is indexed
    /// before the index operand after it is evaluated (`l[a()][b()]` calls
    /// `index_mut` with `a()` before it calls `b()`), each index operand is
    /// evaluated into a temporary, its own temporaries kept to the end of
    /// the statement (an await in one lowered), and a place in a temporary
    /// (`*make()`, `make().0`) keeps the temporary in place to the end of
    /// the statement.
    ///
    /// Input: `v[i][D("t").k()].0`
    /// Output: `let __t1 = &mut v[i]; let __t2 = D("t"); let __t3 = __t2.k();`
    /// then `(*__t1)[__t3].0`
    fn place_now(&mut self, place: &Expr, unique: bool, bases: &mut Vec<LocalId>) -> Operand {
        match place {
            _ if scan::is_pure_place(place) => self.rewrite_place(place.clone()),
            Expr::Paren(p) => {
                let inner = self.place_now(&p.expr, unique, bases);
                quote!((#inner))
            }
            Expr::Index(i) => {
                let base = self.place_now(&i.expr, unique, bases);
                if scan::is_constant(&i.index) || scan::is_pure_place(&i.index) {
                    let index = self.rewrite_place((*i.index).clone());
                    return quote!(#base[#index]);
                }
                let base = if scan::is_pure_place(&i.expr) {
                    base
                } else {
                    let mutability = unique.then(|| quote!(mut));
                    let borrowed = self.spill_local(quote!(&#mutability #base));
                    bases.push(borrowed);
                    let name = &self.body.locals[borrowed].name;
                    quote!((*#name))
                };
                let op = self.lower_now(&i.index);
                let index = self.spill(op);
                quote!(#base[#index])
            }
            Expr::Field(f) => {
                let base = self.place_now(&f.base, unique, bases);
                let member = &f.member;
                quote!(#base.#member)
            }
            Expr::Unary(u) if matches!(u.op, syn::UnOp::Deref(_)) => {
                let inner = self.place_now(&u.expr, unique, bases);
                quote!((*#inner))
            }
            // A value whose place is borrowed: in place to the end of the
            // statement, as rustc keeps it.
            _ => {
                let op = self.lower_now(place);
                let temp = self.spill_local_at(op, place.span());
                self.kept_temporary(temp, true)
            }
        }
    }

    /// Lowers an await-free operand that is evaluated now, before an await
    /// later in the statement: the temporaries it creates become locals of
    /// the statement's scope, so they live across the await as in rustc.
    fn lower_now(&mut self, expr: &Expr) -> Operand {
        // A `for` loop's iterator may be a method of an awaited value
        // (`f().await.iter()`): the receiver is lowered first, then kept.
        let only_receiver_awaits = self.temporaries_in_place
            && matches!(expr, Expr::MethodCall(c) if !c.args.iter().any(|a| self.needs_lowering(a)));
        if (self.needs_lowering(expr) && !only_receiver_awaits) || !scan::creates_temporary(expr) {
            return self.lower_operand(expr);
        }
        let rvalue = |e: &Expr| !scan::is_place_expr(e) && !matches!(e, Expr::Lit(_));
        match expr {
            // A local's place whose index makes temporaries (`v[g()].k`,
            // `l[a()][b()]`): each base indexed before the next index runs,
            // the index's temporaries kept (see `Self::place_now`). The
            // shared borrows of its bases may be moved while reborrowed:
            // nothing needs to mark them used up.
            _ if scan::is_place_like(expr) && scan::root_name(expr).is_some() => {
                self.place_now(expr, false, &mut Vec::new())
            }
            Expr::MethodCall(call) => {
                // `make().0.touch()`: the receiver is a place in a temporary
                // that `lower_now` keeps, lent where it is, as rustc does
                // (spilled, it would be moved out of that temporary).
                let peeled = scan::peel_parens(&call.receiver);
                let place_in_temporary = matches!(peeled, Expr::Field(_) | Expr::Index(_))
                    || matches!(peeled, Expr::Unary(u) if matches!(u.op, syn::UnOp::Deref(_)));
                let receiver = if rvalue(&call.receiver) && place_in_temporary {
                    let place = self.lower_now(peeled);
                    quote!((#place))
                } else if let Expr::Reference(r) = peeled
                    && rvalue(&r.expr)
                    && !scan::is_place_like(&r.expr)
                {
                    // `(&D("t")).touch()`: the referenced temporary lives to
                    // the end of the statement, in place, as the result may
                    // borrow it (the reference was kept and the value moved),
                    // and so do temporaries it borrows (`&(&D("t"))`).
                    let outer = std::mem::replace(&mut self.borrowed_temporaries_in_place, true);
                    let op = self.lower_now(&r.expr);
                    self.borrowed_temporaries_in_place = outer;
                    let temp = self.spill_local(op);
                    let place = self.declare_internal_slot(temp);
                    let (and, mutability) = (&r.and_token, &r.mutability);
                    quote!((#and #mutability #place))
                } else if rvalue(&call.receiver) {
                    let op = self.lower_now(&call.receiver);
                    let temp = self.spill_local_at(op, call.receiver.span());
                    // A method known to take its receiver, or any method on
                    // a block (`{ b.bind(x) }.send()`, the way to say so).
                    let taken =
                        scan::takes_receiver(call) || matches!(&*call.receiver, Expr::Block(_));
                    if taken {
                        self.events.insert(temp, Event::Moved);
                    }
                    // Kept to the end of the statement, across its await: in
                    // place when what is held across it (the operand's value,
                    // the future, an arm's bindings, the loop's iterator) may
                    // borrow it, or when it may hold a borrow itself, which
                    // may dangle by then (see `crate::owned`).
                    let may_be_borrowed = !scan::result_owns_no_borrow(&call.method);
                    let in_place =
                        !taken && (may_be_borrowed || self.may_hold_borrow(&call.receiver));
                    self.kept_temporary(temp, in_place)
                } else {
                    self.rewrite_place((*call.receiver).clone())
                };
                let args = self.lower_now_all(&call.args.iter().collect::<Vec<_>>());
                let (dot, method, turbofish) = (&call.dot_token, &call.method, &call.turbofish);
                // The user's `.` and parentheses: a move by the call is
                // reported on it.
                let mut call_tokens = quote!(#receiver #dot #method #turbofish);
                call.paren_token
                    .surround(&mut call_tokens, |t| t.extend(quote!(#(#args),*)));
                call_tokens
            }
            Expr::Call(call) => {
                let func = self.rewrite_expr((*call.func).clone());
                self.note_uses(func.clone(), None);
                let args = self.lower_now_all(&call.args.iter().collect::<Vec<_>>());
                quote!(#func(#(#args),*))
            }
            Expr::Reference(r) => {
                let in_place = self.borrowed_temporaries_in_place || self.temporaries_in_place;
                let inner = if matches!(&*r.expr, Expr::Index(_)) {
                    // A place, maybe unsized (`&v()[1..]`): borrowed where it
                    // is, its base's temporaries dropping with the statement
                    // that computes it.
                    self.lower_operand(&r.expr)
                } else if rvalue(&r.expr) && in_place {
                    let op = self.lower_now(&r.expr);
                    let temp = self.spill_local(op);
                    self.declare_internal_slot(temp)
                } else if rvalue(&r.expr) {
                    let op = self.lower_now(&r.expr);
                    self.spill(op)
                } else {
                    self.rewrite_place((*r.expr).clone())
                };
                let (and, mutability) = (&r.and_token, &r.mutability);
                quote!(#and #mutability #inner)
            }
            Expr::Field(f) => {
                let base = if rvalue(&f.base) {
                    // Kept to the end of the statement: in place when it may
                    // hold a borrow that dangles by the await.
                    let op = self.lower_now(&f.base);
                    let temp = self.spill_local_at(op, f.base.span());
                    let in_place = self.may_hold_borrow(&f.base);
                    self.kept_temporary(temp, in_place)
                } else {
                    self.rewrite_place((*f.base).clone())
                };
                let member = &f.member;
                quote!(#base.#member)
            }
            Expr::Paren(p) => {
                let inner = self.lower_now(&p.expr);
                quote!((#inner))
            }
            Expr::Array(a) => {
                let elems = self.lower_now_all(&a.elems.iter().collect::<Vec<_>>());
                quote!([#(#elems),*])
            }
            Expr::Tuple(t) => {
                let elems = self.lower_now_all(&t.elems.iter().collect::<Vec<_>>());
                let comma = (elems.len() == 1).then(|| quote!(,));
                quote!((#(#elems),* #comma))
            }
            Expr::Cast(c) => {
                let inner = self.lower_now(&c.expr);
                let ty = &c.ty;
                quote!((#inner as #ty))
            }
            // Input: `f(D("l") == D("r")).await`
            // Output: `let __t1 = D("l"); let __t2 = D("r");` then
            // `f((__t1 == __t2))` awaited: a comparison borrows its operands,
            // so a temporary one lives to the end of the statement, as in
            // rustc; a place is borrowed where it is.
            Expr::Binary(b) if is_comparison(&b.op) => {
                let left = if scan::may_change_place(&b.right, &b.left) {
                    self.compared_first(&b.left)
                } else {
                    self.kept_operand(&b.left)
                };
                let right = self.kept_operand(&b.right);
                let op = &b.op;
                quote!((#left #op #right))
            }
            // `*Rc::new(5)`, `make()[0]`: the dereferenced or indexed
            // temporary lives to the end of the statement.
            Expr::Unary(u) if matches!(u.op, syn::UnOp::Deref(_)) && rvalue(&u.expr) => {
                let inner = self.kept_operand(&u.expr);
                let star = &u.op;
                quote!((#star #inner))
            }
            Expr::Index(i) if rvalue(&i.expr) && !self.needs_lowering(&i.index) => {
                let base = self.kept_operand(&i.expr);
                let index = self.lower_now(&i.index);
                quote!(#base[#index])
            }
            // `v[g()..]`, `v[!g() & 1]`: operands evaluated in order, their
            // temporaries kept.
            Expr::Range(r) => {
                let start = r.start.as_ref().map(|start| self.lower_now(start));
                let end = r.end.as_ref().map(|end| self.lower_now(end));
                let limits = &r.limits;
                quote!((#start #limits #end))
            }
            Expr::Unary(u) if !matches!(u.op, syn::UnOp::Deref(_)) => {
                let inner = self.lower_now(&u.expr);
                let op = &u.op;
                quote!((#op #inner))
            }
            Expr::Binary(b) if !matches!(b.op, syn::BinOp::And(_) | syn::BinOp::Or(_)) => {
                let mut ops = self.lower_now_all(&[&b.left, &b.right]);
                let right = ops.pop().unwrap_or_default();
                let left = ops.pop().unwrap_or_default();
                let op = &b.op;
                quote!((#left #op #right))
            }
            _ => self.lower_operand(expr),
        }
    }

    /// The left operand of a comparison, evaluated before its right operand,
    /// which runs code that may change it and is lowered into statements
    /// before the comparison: a value is spilled, and a place is copied if a
    /// scalar, as rustc reads it (see [`Self::hold_operand`]).
    ///
    /// Input: `(arr[idx(0)] < { arr[0] = 0; 5 })`, in a statement that awaits
    /// Output: `let __t1 = /* arr[idx(0)], copied or borrowed */;`
    /// `let __t2 = { arr[0] = 0; 5 };` then `(*compared(&__t1) < __t2)`
    fn compared_first(&mut self, left: &Expr) -> Operand {
        if scan::is_constant(left) {
            return self.rewrite_place(left.clone());
        }
        if scan::is_place_like(left) {
            let place = if scan::is_pure_place(left) {
                self.rewrite_place(left.clone())
            } else {
                // `v[idx()]`, `*make()`: the temporaries and the index it makes.
                self.lower_now(left)
            };
            return self.hold_operand(place, HeldAs::Borrow);
        }
        let op = self.kept_operand(left);
        if self
            .operand_local(&op)
            .is_some_and(|l| self.body.locals[l].temporary)
        {
            return op;
        }
        self.spill(op)
    }

    /// A place operand read before later operands that may change it, as
    /// rustc reads it: a scalar (an integer, a float, `bool`, `char`, a
    /// pointer) is copied now; any other type is borrowed by rustc's
    /// comparison or method, so a later change is a borrow error there and
    /// the place reads the same later. Which, the type decides (see
    /// `statemachine_runtime::__private::ComparedPlace`). Returns the
    /// operand to use in its place.
    ///
    /// Input: `x < bump(&mut x).await`
    /// Output: `let __t1 = { .. (&ComparedPlace(&x)).__statemachine_copy_or_later() };`
    /// then the await, then `(*compared_or(&__t1, &x) < __awaited2)`
    fn hold_operand(&mut self, place: Operand, held_as: HeldAs) -> Operand {
        let private = quote!(::statemachine_runtime::__private);
        let method = match held_as {
            HeldAs::Borrow => quote!(__statemachine_copy_or_borrow),
            HeldAs::ReadLater => quote!(__statemachine_copy_or_later),
        };
        let temp = self.spill_local(quote!({
            use #private::{BorrowedPlace as _, CopiedScalar as _};
            (&#private::ComparedPlace(&#place)).#method()
        }));
        // A borrow is used before the next await, and not carried past it
        // (a temporary is carried while initialized, as its uses in later
        // blocks are not all recorded).
        self.body.locals[temp].droppless = matches!(held_as, HeldAs::Borrow);
        let held = &self.body.locals[temp].name;
        match held_as {
            HeldAs::Borrow => quote!((*#private::compared(&#held))),
            HeldAs::ReadLater => quote!((*#private::compared_or(&#held, &#place))),
        }
    }

    /// An operand of a comparison, `*` or an index, evaluated now: a place
    /// is used where it is; a temporary is kept to the end of the statement
    /// (in place when it may hold a borrow), except a value without drop
    /// glue, which rustc does not keep either (a literal, a borrow, `len()`).
    fn kept_operand(&mut self, expr: &Expr) -> Operand {
        if scan::is_pure_place(expr) || scan::is_constant(expr) {
            return self.rewrite_place(expr.clone());
        }
        // A place in a temporary (`*Box::new(d)`, `make()[0]`) is used where
        // it is: `lower_now` keeps the temporary.
        let place_in_temporary = matches!(expr, Expr::Index(_) | Expr::Field(_))
            || matches!(expr, Expr::Unary(u) if matches!(u.op, syn::UnOp::Deref(_)));
        if place_in_temporary
            || scan::is_droppless_value(expr)
            || scan::returns_a_number_or_bool(expr)
        {
            return self.lower_now(expr);
        }
        let op = self.lower_now(expr);
        let temp = self.spill_local_at(op, expr.span());
        let in_place = self.may_hold_borrow(expr);
        self.kept_temporary(temp, in_place)
    }

    /// Whether the value of `expr` may hold a borrow of the body's data
    /// (see `crate::owned`): kept across an await after its last use, it
    /// stays in place, as its reference may dangle by then.
    ///
    /// A temporary has no name the never-run copy could check (see
    /// `dead_moves::checked_in_shadow`), so a proof that trusts what a name
    /// is (`x.clone()`, see [`crate::owned::RestsOnNames`]) is not trusted
    /// here.
    fn may_hold_borrow(&self, expr: &Expr) -> bool {
        !crate::owned::init_owns_no_borrows(expr, &|name| self.holds_no_borrows(name))
            || self.rests_on_names(expr)
    }

    /// Whether the proof that `expr` owns no borrow trusts what a name is
    /// (see [`crate::owned::RestsOnNames`]).
    fn rests_on_names(&self, expr: &Expr) -> bool {
        let mut rests = self.names_rested_on();
        syn::visit::Visit::visit_expr(&mut rests, expr);
        rests.found
    }

    /// Whether a statement of `rest` that uses local `name` trusts what a
    /// name is: the proof that nothing stores a borrow into `name` later
    /// (`x.1 = Some(v.len())`) rests on it then.
    fn uses_rest_on_names(&self, name: &str, rest: &[Stmt]) -> bool {
        rest.iter().any(|stmt| {
            let mut rests = self.names_rested_on();
            if scan::mentions(stmt.to_token_stream(), name) {
                syn::visit::Visit::visit_stmt(&mut rests, stmt);
            }
            rests.found
        })
    }

    fn names_rested_on(&self) -> crate::owned::RestsOnNames<'_> {
        crate::owned::RestsOnNames {
            local: Box::new(|name| {
                self.resolve(&name.to_string())
                    .map(|l| self.body.locals[l].owned_by_names)
            }),
            names_may_be_macro_bound: self.names_may_be_macro_bound,
            found: false,
        }
    }

    /// Whether local `name` is proved to hold no borrow of the body's data;
    /// `None` when `name` is not a local (see `crate::owned`).
    fn holds_no_borrows(&self, name: &Ident) -> Option<bool> {
        self.resolve(&name.to_string())
            .map(|l| self.body.locals[l].owns_no_borrows)
    }

    /// A spilled temporary kept to the end of its statement: in a slot
    /// when `in_place`, else the local itself.
    fn kept_temporary(&mut self, temp: LocalId, in_place: bool) -> Operand {
        if in_place {
            self.declare_internal_slot(temp)
        } else {
            let name = &self.body.locals[temp].name;
            quote!(#name)
        }
    }

    /// [`Self::lower_now`] where what is held across the await may borrow
    /// the temporaries (see `temporaries_in_place`).
    fn lower_now_in_place(&mut self, expr: &Expr) -> Operand {
        let outer = std::mem::replace(&mut self.temporaries_in_place, true);
        let op = self.lower_now(expr);
        self.temporaries_in_place = outer;
        op
    }

    /// The future an `.await` polls. A temporary its call borrows as an
    /// argument lives to the end of the statement, as in rustc, so across the
    /// await, while the future may hold the borrow: the call is lowered as an
    /// operand evaluated now ([`Self::lower_now`], which keeps the order),
    /// with each borrowed temporary in a slot of its own.
    ///
    /// Input: `len_of(&name(), n).await`
    /// Output: `let __t = name(); /* in a slot */ len_of(&(*__place), n)`, awaited
    fn lower_awaited(&mut self, expr: &Expr) -> Operand {
        if !borrows_temporary(expr) {
            if self.needs_lowering(expr) {
                // Its operands after its own awaits are evaluated before
                // this await: their temporaries are kept across it.
                let outer = std::mem::replace(&mut self.before_later_await, true);
                let op = self.lower_operand(expr);
                self.before_later_await = outer;
                return op;
            }
            if !scan::creates_temporary(expr) {
                return self.lower_operand(expr);
            }
            // Input: `send(D("t").touch().len()).await`
            // Output: `let __t1 = D("t"); let __t2 = __t1.touch();` then
            // `send(__t2.len())` awaited: the temporaries are locals of the
            // statement's scope, dropped at its end, after the await, as
            // rustc drops them; one the future may borrow
            // (`f(name().as_str()).await`) is in a slot.
            return self.lower_now_in_place(expr);
        }
        let outer = std::mem::replace(&mut self.borrowed_temporaries_in_place, true);
        // With an await among the operands, `lower_operands` slots them.
        let op = if self.needs_lowering(expr) {
            self.lower_operand(expr)
        } else {
            self.lower_now(expr)
        };
        self.borrowed_temporaries_in_place = outer;
        op
    }

    /// [`Self::lower_now`] on siblings, in order: an operand before one that
    /// spills a temporary is spilled too, so evaluation order is unchanged.
    fn lower_now_all(&mut self, exprs: &[&Expr]) -> Vec<Operand> {
        // An operand that keeps temporaries, or runs code of its own (a
        // block, an assignment), is evaluated into statements now: an
        // earlier operand left in the final expression would be read after
        // it, where rustc reads it first (`*v.first().unwrap() + { v[0] =
        // n; 0 }`).
        let last = exprs.iter().rposition(|e| {
            scan::creates_temporary(e) || !(scan::is_constant(e) || scan::is_pure_place(e))
        });
        let mut ops = Vec::with_capacity(exprs.len());
        for (index, expr) in exprs.iter().enumerate() {
            let before_temp = last.is_some_and(|last| index < last);
            // `&g()` is evaluated by spilling `g()`; what is left, a borrow
            // of that temporary, does nothing and may wait.
            let borrows_rvalue =
                matches!(expr, Expr::Reference(r) if !scan::is_place_expr(&r.expr));
            if before_temp && !scan::is_constant(expr) && !borrows_rvalue {
                let op = self.lower_now(expr);
                ops.push(self.spill(op));
            } else {
                ops.push(self.lower_now(expr));
            }
        }
        ops
    }

    /// The scrutinee of a lowered `match` / `if let`: it and its temporaries
    /// live until the end of the construct (its scope is open), as in rustc,
    /// so an rvalue is bound to a temporary of that scope.
    fn lower_scrutinee(&mut self, expr: &Expr) -> Operand {
        if !self.needs_lowering(expr) && scan::is_pure_place(expr) {
            // Matched in place, as rustc does.
            return self.rewrite_place(expr.clone());
        }
        if let Expr::Reference(r) = scan::peel_parens(expr)
            && awaited_value(scan::peel_parens(&r.expr))
        {
            // Input: `match &f().await { v => g(v).await }`
            // Output: `let __t3 = __awaited2; /* in a slot */`
            // `match &(*__place3) { v => .. }`
            // The awaited value is a temporary of the `match`, which the
            // bindings borrow across the arms' awaits: kept in place.
            return self.borrow_kept_in_place(r);
        }
        let op = if self.needs_lowering(expr) {
            self.lower_expr(expr)
        } else {
            // Input: `match m.lock().unwrap().get(0) { Some(x) => f(*x).await, .. }`
            // Output: `let __t1 = m.lock().unwrap(); /* in a slot */`
            // `let __t2 = (*__place1).get(0); match __t2 { .. }`
            self.lower_now_in_place(expr)
        };
        match syn::parse2::<Expr>(op.clone()) {
            Ok(parsed) if scan::is_pure_place(&parsed) || scan::is_constant(&parsed) => op,
            Ok(Expr::Reference(r)) if scan::is_pure_place(&r.expr) => op,
            _ => self.spill(op),
        }
    }

    /// Evaluates `op` now into a temporary of the innermost scope.
    fn spill(&mut self, op: Operand) -> Operand {
        let temp = self.spill_local(op);
        let name = &self.body.locals[temp].name;
        quote!(#name)
    }

    /// Evaluates `op` into a new temporary. A temporary of the lowering
    /// that `op` names (a block's value, an awaited value) is used once, so
    /// it is moved: nothing carries it across a later await.
    fn spill_local(&mut self, op: Operand) -> LocalId {
        self.spill_local_at(op, Span::mixed_site())
    }

    /// [`Self::spill_local`], with the temporary's name located at `at`: a
    /// borrow error on the temporary points at the user's expression.
    fn spill_local_at(&mut self, op: Operand, at: Span) -> LocalId {
        self.spill_local_named(op, at, "__t")
    }

    /// [`Self::spill_local_at`], with the temporary's name starting with
    /// `prefix` (see [`Self::reserve_temp_as`]).
    fn spill_local_named(&mut self, op: Operand, at: Span, prefix: &str) -> LocalId {
        let temp = self.reserve_temp_as(prefix);
        let located = Span::mixed_site().located_at(at);
        self.body.locals[temp].name.set_span(located);
        self.spill_into(temp, op)
    }

    /// Evaluates `op` into the reserved temporary `temp`, bound in the
    /// innermost scope; the lowering's temporaries that `op` takes (itself,
    /// or the parts of a tuple, array, struct or call: `(__t3, __awaited4)`)
    /// are moved.
    fn spill_into(&mut self, temp: LocalId, op: Operand) -> LocalId {
        let name = self.body.locals[temp].name.clone();
        // `mut`: a method may take the temporary by `&mut self`, as it may
        // a temporary in rustc (`s.chars().next()`).
        self.emit(quote!(let mut #name = #op;));
        self.bind(temp);
        self.note_moved_temporaries(&op);
        temp
    }

    fn note_moved_temporaries(&mut self, op: &Operand) {
        let mut taken = Vec::new();
        if let Ok(expr) = syn::parse2::<Expr>(op.clone()) {
            scan::certain_moves(&expr, &mut taken);
        }
        let moved: Vec<LocalId> = taken
            .iter()
            .filter_map(|name| self.resolve(&name.to_string()))
            .filter(|&l| self.body.locals[l].temporary)
            .collect();
        for moved in moved {
            self.events.insert(moved, Event::Moved);
        }
    }

    /// `operand.await`: suspend in a new state; the resume block receives the value.
    fn suspend(&mut self, a: &syn::ExprAwait, awaitee: Operand) -> Operand {
        let index = self.body.awaits.len();
        let span = a.await_token.span;
        let value = self.reserve_temp("awaited");
        let resume = self.new_block(BlockKind::Resume(index), vec![value]);
        let (text, role) = crate::pinning::awaited_as_written(span).unwrap_or_else(|| {
            let text = source_like(a.base.to_token_stream());
            (text, scan::awaited_role(&a.base))
        });
        self.body.awaits.push(AwaitPoint {
            span,
            text,
            role,
            resume,
            value,
        });
        let goto = self.goto(resume, Vec::new(), span);
        // Located at the user's `.await` but resolved as generated code: the
        // `poll` of the resume arm carries the same span, so awaiting a
        // non-future is reported once (see `Emitter::machine`).
        let frame = &self.names.frame;
        let at_await = span.resolved_at(Span::call_site());
        let awaitee = quote_spanned!(at_await=> #frame.into_future(#awaitee));
        self.bind(value);
        self.terminate(
            Term::Await {
                index,
                awaitee,
                resume: goto,
            },
            Some(resume),
        );
        let name = self.body.locals[value].name.clone();
        quote!(#name)
    }

    fn try_branch(&mut self, operand: Operand, span: Span) -> Operand {
        let residual = Ident::new("__residual", Span::mixed_site());
        let output = Ident::new("__output", Span::mixed_site());
        let ret = self.return_tokens(quote_spanned!(span=> ::statemachine_runtime::__private::FromResidual::from_residual(#residual)));
        // Parenthesized: `x? as u64` and `x? + 1` must stay one expression.
        quote_spanned! {span=>
            (match ::statemachine_runtime::__private::Branch::branch(#operand) {
                ::core::ops::ControlFlow::Continue(#output) => #output,
                ::core::ops::ControlFlow::Break(#residual) => #ret,
            })
        }
    }

    /// `return value` from inside a block: mark the machine returned, then leave.
    fn return_tokens(&self, value: TokenStream) -> TokenStream {
        return_tokens(self.names, value)
    }

    /// The pattern with its bindings renamed to hygienic names, and the edge
    /// values that pass them on.
    fn hygienic_bindings(
        &self,
        pat: &syn::Pat,
        ids: &[LocalId],
    ) -> (syn::Pat, Vec<(LocalId, TokenStream)>) {
        // Hygienic, but located at the user's binding, for rustc's notes.
        let names: Vec<Ident> = ids
            .iter()
            .map(|&id| {
                let at = self.body.locals[id].name.span();
                format_ident!("__bind{}", id, span = Span::mixed_site().located_at(at))
            })
            .collect();
        let pat = scan::rename_bindings(pat, &names);
        let extra = ids
            .iter()
            .zip(&names)
            .map(|(&id, name)| (id, quote!(#name)))
            .collect();
        (pat, extra)
    }

    /// The local `expr` names, if it is just a local's name.
    fn path_local(&self, expr: &Expr) -> Option<LocalId> {
        scan::plain_name(expr).and_then(|i| self.resolve(&i.to_string()))
    }

    /// Records what `pat`, matching `local` in place, moves out of it.
    fn note_pattern_move(&mut self, local: Option<LocalId>, pat: &syn::Pat) {
        let Some(local) = local else { return };
        match scan::pattern_move(pat) {
            scan::PatternMove::Whole => {
                self.events.insert(local, Event::Moved);
            }
            scan::PatternMove::Part => {
                self.events.insert(local, Event::PartlyMoved);
            }
            scan::PatternMove::Nothing => {}
        }
    }

    /// The local an operand names, if it is just a name.
    fn operand_local(&self, operand: &Operand) -> Option<LocalId> {
        let expr: Expr = syn::parse2(operand.clone()).ok()?;
        match expr {
            Expr::Path(p) => p
                .path
                .get_ident()
                .and_then(|i| self.resolve(&i.to_string())),
            _ => None,
        }
    }

    /// `a && b` / `a || b` where `b` awaits: a branch and a join.
    fn lower_short_circuit(&mut self, b: &syn::ExprBinary) -> Operand {
        let span = b.span();
        // The left operand is a terminating scope, as the right one is: its
        // temporaries drop before the right operand runs.
        let left = self.lower_terminating_value(&b.left);
        let value = self.reserve_temp("value");
        let join = self.new_block(BlockKind::Plain, vec![value]);
        let rhs = self.new_block(BlockKind::Plain, Vec::new());
        let is_and = matches!(b.op, syn::BinOp::And(_));
        let short = if is_and { quote!(false) } else { quote!(true) };
        let to_rhs = self.goto(rhs, Vec::new(), span);
        let to_join = self.goto(join, vec![(value, short)], span);
        let (then, otherwise) = if is_and {
            (to_rhs, to_join)
        } else {
            (to_join, to_rhs)
        };
        self.terminate(
            Term::If {
                cond: left,
                then,
                otherwise,
            },
            Some(rhs),
        );
        let depth = self.scopes.len();
        self.push_scope(false);
        let outer = std::mem::replace(&mut self.terminating_root, has_own_operands(&b.right));
        let right = self.lower_expr(&b.right);
        self.terminating_root = outer;
        let to_join = self.goto(join, vec![(value, quote!(#right))], span);
        self.terminate(Term::Goto(to_join), Some(join));
        self.enter_join(depth, join, &[value])
    }

    /// Starts a join block at scope depth `depth`, binding its values.
    fn enter_join(&mut self, depth: usize, join: BlockId, values: &[LocalId]) -> Operand {
        self.scopes.truncate(depth);
        for &value in values {
            self.bind(value);
        }
        self.start_block(join);
        match values.first() {
            Some(&value) => {
                let name = self.body.locals[value].name.clone();
                quote!(#name)
            }
            None => quote!(()),
        }
    }

    /// `{ stmts; tail }`: a scope whose value is bound to a temporary of the
    /// enclosing scope.
    fn lower_scoped_block(&mut self, block: &syn::Block, is_unsafe: bool) -> Operand {
        let value = self.reserve_temp("value");
        let name = self.body.locals[value].name.clone();
        self.push_scope_at(is_unsafe, block.brace_token.span.join());
        let tail = self.lower_stmts(&block.stmts).unwrap_or_else(|| quote!(()));
        self.pop_scope(Some((quote!(let #name =), tail)));
        self.bind(value);
        quote!(#name)
    }

    fn lower_labeled_block(&mut self, b: &syn::ExprBlock) -> Operand {
        let span = b.span();
        let depth = self.scopes.len();
        let value = self.reserve_temp("value");
        let exit = self.new_block(BlockKind::Plain, vec![value]);
        self.body.blocks[exit].loop_exit = true;
        self.loops.push(LoopCtx {
            label: b.label.as_ref().map(|l| l.name.ident.to_string()),
            break_to: exit,
            continue_to: None,
            value: Some(value),
        });
        self.push_scope(false);
        let tail = self
            .lower_stmts(&b.block.stmts)
            .unwrap_or_else(|| quote!(()));
        let goto = self.goto(exit, vec![(value, tail)], span);
        self.terminate(Term::Goto(goto), Some(exit));
        self.loops.pop();
        self.enter_join(depth, exit, &[value])
    }

    fn lower_if(&mut self, i: &syn::ExprIf) -> Operand {
        let value = self.reserve_temp("value");
        self.join_expected(address(i), value);
        let join = self.new_block(BlockKind::Plain, vec![value]);
        let depth = self.scopes.len();
        self.lower_if_chain(i, value, join);
        self.enter_join(depth, join, &[value])
    }

    /// Lowers `if cond { then } else ...` ending every branch with a jump to
    /// `join` carrying the branch's value.
    fn lower_if_chain(&mut self, i: &syn::ExprIf, value: LocalId, join: BlockId) {
        let span = i.span();
        let depth = self.scopes.len();
        let then = self.new_block(BlockKind::Plain, Vec::new());
        let otherwise = self.new_block(BlockKind::Plain, Vec::new());
        // The condition's temporaries and bindings live through the then branch.
        self.push_scope(false);
        self.lower_condition(&i.cond, then, otherwise, Vec::new(), span);
        let chained = matches!(&*i.cond, Expr::Binary(_));
        for (pat, scrutinee) in let_patterns(&i.cond) {
            self.keep_borrowed_bindings(pat, scrutinee, &i.then_branch.stmts, chained);
        }
        let then_block = Expr::Block(syn::ExprBlock {
            attrs: Vec::new(),
            label: None,
            block: i.then_branch.clone(),
        });
        // Its moves do not reach the join either, so only an await needs
        // the branch lowered; `{ return 0; }` ends its block when lowered.
        if !scan::has_await(&then_block) && scan::tail_diverges(&then_block) {
            // `if n > 3 { return 0 } else { .. }`: as for such an `else`
            // below (in edition 2021 the join's value would fall back to
            // `()` from the `return`'s `!`).
            self.emit_leaving(&then_block, Some(otherwise));
        } else {
            // A scope with the user's braces, so its tail temporaries drop
            // as the user's edition says.
            let tail = self.lower_scoped_block(&i.then_branch, false);
            let tail = self.branch_value(value, tail);
            let goto = self.goto(join, vec![(value, tail)], span);
            self.terminate(Term::Goto(goto), Some(otherwise));
        }
        self.truncate_scopes(depth);
        match &i.else_branch {
            None => {
                let goto = self.goto(join, vec![(value, quote!(()))], span);
                self.terminate(Term::Goto(goto), None);
            }
            Some((_, else_expr)) => match &**else_expr {
                Expr::If(nested) => self.lower_if_chain(nested, value, join),
                // `else { return 0 }`: the branch never reaches the join,
                // which must not take its value's type from it.
                other
                    if (!self.needs_lowering(other) && scan::value_diverges(other))
                        || (!scan::has_await(other) && scan::tail_diverges(other)) =>
                {
                    self.emit_leaving(other, None);
                }
                other => {
                    self.push_scope(false);
                    let tail = self.lower_value(other);
                    let tail = self.branch_value(value, tail);
                    let goto = self.goto(join, vec![(value, tail)], span);
                    self.terminate(Term::Goto(goto), None);
                }
            },
        }
    }

    /// Lowers a condition (a `let` chain or a boolean) into a branch to `then`
    /// (with the chain's bindings in the innermost scope) or to `otherwise`.
    /// Ends with `then` as the current block.
    fn lower_condition(
        &mut self,
        cond: &Expr,
        then: BlockId,
        otherwise: BlockId,
        miss_extra: Vec<(LocalId, TokenStream)>,
        span: Span,
    ) {
        let mut conjuncts = Vec::new();
        flatten_and(cond, &mut conjuncts, &|e| self.needs_lowering(e));
        // Per conjunct, the locals it or a later conjunct uses: alive, as far
        // as the borrow checker is concerned, where the chain misses there.
        let mut used_from = vec![BTreeSet::new(); conjuncts.len()];
        let mut used = BTreeSet::new();
        for (index, conjunct) in conjuncts.iter().enumerate().rev() {
            let mut names = Vec::new();
            scan::mentioned_idents(conjunct.to_token_stream(), &mut names);
            used.extend(
                names
                    .iter()
                    .filter_map(|name| self.resolve(&name.to_string())),
            );
            used_from[index] = used.clone();
        }
        for (index, conjunct) in conjuncts.iter().enumerate() {
            let next = if index + 1 == conjuncts.len() {
                then
            } else {
                self.new_block(BlockKind::Plain, Vec::new())
            };
            match conjunct {
                // A slot local bound whole by value: tested in place with the
                // bindings made `_`, and taken out of its slot once matched.
                Expr::Let(l)
                    if scan::takes_whole(&l.pat)
                        && let Some(id) = self.slot_named_expr(&l.expr) =>
                {
                    let scrutinee = self.lower_scrutinee(&l.expr);
                    let on_miss = self.goto(otherwise, miss_extra.clone(), span);
                    self.body.gotos[on_miss].borrows_held = used_from[index].clone();
                    let on_match = self.goto(next, Vec::new(), span);
                    let tested = scan::without_bindings(&l.pat);
                    let arms = vec![(quote!(#tested), on_match), (quote!(_), on_miss)];
                    self.terminate(Term::Match { scrutinee, arms }, Some(next));
                    self.take_into_pattern(id, &l.pat, span);
                }
                Expr::Let(l) => {
                    let scrutinee = self.lower_scrutinee(&l.expr);
                    let ids = self.reserve_pattern(&l.pat);
                    let ids = self.bindings_of(ids, &l.expr);
                    let (pat, extra) = self.hygienic_bindings(&l.pat, &ids);
                    let matched = self.path_local(&l.expr).or(self.operand_local(&scrutinee));
                    let on_miss = self.goto(otherwise, miss_extra.clone(), span);
                    self.body.gotos[on_miss].borrows_held = used_from[index].clone();
                    let saved = self.events.clone();
                    self.note_pattern_move(matched, &l.pat);
                    if let Some(matched) = matched
                        && self.events.get(&matched) == Some(&Event::Moved)
                    {
                        self.body.locals[matched].taken_by_a_condition = true;
                    }
                    let on_match = self.goto(next, extra, span);
                    self.events = saved;
                    self.body.blocks[next].entry_defs.extend(&ids);
                    for &id in &ids {
                        self.bind(id);
                    }
                    let arms = vec![(quote!(#pat), on_match), (quote!(_), on_miss)];
                    let temp = self.operand_local(&scrutinee);
                    self.terminate(Term::Match { scrutinee, arms }, Some(next));
                    self.only_dropped_from_here(temp);
                }
                // A boolean condition (and each operand of `&&`) is a
                // terminating scope: its temporaries drop before a branch
                // runs, even a `pin!`'s or a borrowed one held across its
                // own awaits.
                //
                // Input: `if f(&D("t")).await { g().await }`
                // Output: `let __value1 = { /* slot for D("t") */ f(..)..await };`
                // then the branch on `__value1`.
                other => {
                    let cond = if self.needs_lowering(other) {
                        // In a scope of its own, into a temporary.
                        let cond = self.lower_terminating_value(other);
                        if let Some(held) = self.operand_local(&cond) {
                            // A `bool`, read by the branch only.
                            self.body.locals[held].droppless = true;
                        }
                        cond
                    } else {
                        // Emitted as the `if`'s own condition, whose
                        // temporaries drop before the branch.
                        self.lower_expr(other)
                    };
                    let on_true = self.goto(next, Vec::new(), span);
                    let on_false = self.goto(otherwise, miss_extra.clone(), span);
                    self.body.gotos[on_false].borrows_held = used_from[index].clone();
                    self.terminate(
                        Term::If {
                            cond,
                            then: on_true,
                            otherwise: on_false,
                        },
                        Some(next),
                    );
                }
            }
        }
    }

    fn lower_match(&mut self, m: &syn::ExprMatch) -> Operand {
        let span = m.span();
        let depth = self.scopes.len();
        let value = self.reserve_temp("value");
        self.join_expected(address(m), value);
        let join = self.new_block(BlockKind::Plain, vec![value]);
        // The scrutinee and its temporaries are locals of the enclosing
        // scope: they live to the end of the statement, as in rustc, where
        // the `match`'s value may still borrow them
        // (`use_it(match &D("t") { d => { f().await; d } })`). The arms'
        // scopes are inside the `match`'s own.
        if m.arms.iter().any(scan::guard_awaits) {
            // `match &x`, `match &mut x`: the arms bind references already,
            // by the default binding mode.
            let on_reference = matches!(&*m.expr, Expr::Reference(_));
            let (operand, slot) = match &*m.expr {
                // `&(acc % 3)` borrows a temporary: the temporary stays in
                // place instead, and each test borrows it anew.
                // (The reference to a place, `&v[..]` or `&mut self.items`,
                // is what stays.)
                Expr::Reference(r) if !scan::is_place_like(&r.expr) => {
                    let (referent, slot) = self.lower_scrutinee_in_place(&r.expr);
                    let mutability = &r.mutability;
                    (quote!(&#mutability #referent), slot)
                }
                // Each test and the arm reborrow through a kept `&mut`, so a
                // binding of the whole reference does not move it out.
                Expr::Reference(r) if r.mutability.is_some() => {
                    let (kept, slot) = self.lower_scrutinee_in_place(&m.expr);
                    (quote!(&mut *#kept), slot)
                }
                _ => self.lower_scrutinee_in_place(&m.expr),
            };
            let scrutinee = InPlaceScrutinee {
                operand,
                slot,
                on_reference,
            };
            self.push_scope(false);
            return self.lower_match_awaiting_guards(m, scrutinee, depth, join, value);
        }
        let scrutinee = self.lower_scrutinee(&m.expr);
        let scrutinee_local = self.operand_local(&scrutinee);
        self.push_scope(false);
        // A slot local that an arm binds whole by value is tested in place
        // (through `ref` bindings in its guard, if any) and taken out of its
        // slot in that arm.
        let slot = self.slot_named_expr(&m.expr);
        let taken = |arm: &syn::Arm| slot.is_some() && scan::takes_whole(&arm.pat);
        let mut arms = Vec::new();
        let mut arm_blocks = Vec::new();
        for arm in &m.arms {
            let mut guard = arm.guard.clone();
            let tested = taken(arm).then(|| tested_in_place(&arm.pat, &mut guard));
            let guard = guard.map(|(if_token, guard)| {
                let guard = self.rewrite_expr(*guard);
                // The guard runs in this block: it reads the locals it
                // names, except the arm's own bindings.
                let own: Vec<String> = scan::pattern_bindings(&arm.pat)
                    .iter()
                    .map(|b| b.ident.to_string())
                    .collect();
                let mut names = Vec::new();
                scan::mentioned_idents(guard.clone(), &mut names);
                let reads = names.into_iter().filter(|n| !own.contains(&n.to_string()));
                self.note_uses(reads.map(TokenTree::Ident).collect(), None);
                quote!(#if_token #guard)
            });
            if let Some(tested) = tested {
                let block = self.new_block(BlockKind::Plain, Vec::new());
                let goto = self.goto(block, Vec::new(), span);
                arms.push((quote!(#tested #guard), goto));
                arm_blocks.push((block, Vec::new()));
                continue;
            }
            let ids = self.reserve_pattern(&arm.pat);
            let ids = self.bindings_of(ids, &m.expr);
            let block = self.new_block(BlockKind::Plain, ids.clone());
            // A guard reads the bindings by their names; without one they get
            // hygienic names so they cannot shadow what the edge carries.
            let (pat, extra, shadowing) = if guard.is_some() {
                let extra = ids
                    .iter()
                    .map(|&id| {
                        let name = &self.body.locals[id].name;
                        (id, quote!(#name))
                    })
                    .collect();
                let names = ids
                    .iter()
                    .map(|&id| self.body.locals[id].name.to_string())
                    .collect();
                (arm.pat.clone(), extra, names)
            } else {
                let (pat, extra) = self.hygienic_bindings(&arm.pat, &ids);
                (pat, extra, Vec::new())
            };
            let saved = self.events.clone();
            self.note_pattern_move(self.path_local(&m.expr).or(scrutinee_local), &arm.pat);
            let goto = self.goto_shadowed(block, extra, shadowing, span);
            self.events = saved;
            arms.push((quote!(#pat #guard), goto));
            arm_blocks.push((block, ids));
        }
        self.terminate(Term::Match { scrutinee, arms }, None);
        self.only_dropped_from_here(scrutinee_local);
        for ((block, ids), arm) in arm_blocks.into_iter().zip(&m.arms) {
            for &id in &ids {
                self.bind(id);
            }
            self.start_block(block);
            self.push_scope(false);
            if let Some(id) = slot.filter(|_| taken(arm)) {
                self.take_into_pattern(id, &arm.pat, span);
            }
            let body = [Stmt::Expr((*arm.body).clone(), None)];
            self.keep_borrowed_bindings(&arm.pat, &m.expr, &body, false);
            self.arm_to_join(&arm.body, value, join, span);
            self.scopes.truncate(depth + 1);
            self.scopes
                .last_mut()
                .expect("scope")
                .locals
                .retain(|l| !ids.contains(l));
        }
        self.enter_join(depth, join, &[value])
    }

    /// Writes `expr`, whose value always leaves (`return 0`), as a
    /// statement ending the current block; `next` becomes current.
    fn emit_leaving(&mut self, expr: &Expr, next: Option<BlockId>) {
        let tokens = self.rewrite_expr(expr.clone());
        self.emit_user(quote!(#tokens;), Some(expr));
        self.terminate(Term::Diverged, next);
    }

    /// Ends a `match` arm with a jump to `join` carrying its value. An arm
    /// whose value always leaves (`None => return 0`) is written as a
    /// statement ending its block: it never reaches the join, which must
    /// not take its value's type from it (in edition 2021 the `!` of a
    /// `return` falls back to `()` there).
    fn arm_to_join(&mut self, body: &Expr, value: LocalId, join: BlockId, span: Span) {
        if !scan::has_await(body) && scan::tail_diverges(body) {
            self.emit_leaving(body, None);
        } else {
            let tail = self.lower_value(body);
            let tail = self.branch_value(value, tail);
            let goto = self.goto(join, vec![(value, tail)], span);
            self.terminate(Term::Goto(goto), None);
        }
    }

    /// The scrutinee of a `match` whose guards await: a place that stays
    /// put while the guards borrow it across their awaits, and the slot it
    /// is (if it is one: a local the guards borrow is, see `scan::uses_of`).
    fn lower_scrutinee_in_place(&mut self, expr: &Expr) -> (Operand, Option<LocalId>) {
        if !self.needs_lowering(expr) && scan::is_pure_place(expr) {
            let slot = self.path_local(expr).filter(|&l| self.body.locals[l].slot);
            return (self.rewrite_place(expr.clone()), slot);
        }
        // Its temporaries live to the end of the statement too
        // (`match D("t").touch().len() { k if f(k).await => .. }`).
        let op = if self.needs_lowering(expr) {
            self.lower_operand(expr)
        } else {
            self.lower_now_in_place(expr)
        };
        let temp = self.spill_moving(op);
        (self.declare_internal_slot(temp), Some(temp))
    }

    /// `&value` (or `&mut value`) whose value is evaluated into a temporary
    /// kept in place for the rest of the scope, so that the borrow may be
    /// held across awaits and the jumps between blocks.
    fn borrow_kept_in_place(&mut self, r: &syn::ExprReference) -> Operand {
        let op = self.lower_operand(scan::peel_parens(&r.expr));
        let temp = self.spill_moving(op);
        let place = self.declare_internal_slot(temp);
        let (and, mutability) = (&r.and_token, &r.mutability);
        quote!(#and #mutability #place)
    }

    /// Evaluates `op` into a new temporary; if `op` names a local (an awaited
    /// value's temporary), that local is moved.
    fn spill_moving(&mut self, op: Operand) -> LocalId {
        let moved = self.operand_local(&op);
        let temp = self.spill_local(op);
        if let Some(moved) = moved {
            self.events.insert(moved, Event::Moved);
        }
        temp
    }

    /// Puts the temporary `temp`, just declared, in a slot of its own for the
    /// rest of its scope; returns its place, `(*__placeN)`.
    fn declare_internal_slot(&mut self, temp: LocalId) -> Operand {
        let name = self.body.locals[temp].name.clone();
        self.declare_slot(temp, Some(&name));
        self.body.locals[temp].internal_slot = true;
        // Located where the temporary's name is (a receiver's, say): an
        // error using the place points at the user's expression.
        let at = name.span();
        let mut place = place_var(temp);
        place.set_span(place.span().located_at(at));
        quote_spanned!(at=> (*#place))
    }

    /// A `match` with arms whose guards await.
    ///
    /// Input:
    ///
    /// ```text
    /// match x { A(a) => e1, B(b) if g(b).await => e2, C(c) => e3 }
    /// ```
    ///
    /// Output (blocks):
    ///
    /// ```text
    /// match x { A(ref a) => goto BindA, B(ref b) => goto Guard(b), _ => goto Rest }
    /// Guard(b): if g(*b).await { goto BindB } else { goto Rest }
    /// Rest: match x { C(ref c) => goto BindC, _ => unreachable!() }
    /// BindB: let B(b) = x else { unreachable!() }; ..e2..      (and BindA, BindC)
    /// ```
    ///
    /// On `match &x` and `match &mut x` the patterns are tested as written:
    /// the default binding mode already makes every binding a reference (or
    /// a copy, under `&`). A guard that would mutate through one is rejected
    /// by the shadow body, as rustc rejects it.
    ///
    /// As in rustc, patterns are tested and guards run with the bindings as
    /// shared references into the scrutinee, which stays in place (in a slot)
    /// while a guard awaits; an arm binds by value (taking the value out of
    /// its slot when the pattern takes all of it) once it is chosen.
    fn lower_match_awaiting_guards(
        &mut self,
        m: &syn::ExprMatch,
        scrutinee: InPlaceScrutinee,
        depth: usize,
        join: BlockId,
        value: LocalId,
    ) -> Operand {
        let InPlaceScrutinee {
            operand: scrutinee,
            slot,
            on_reference,
        } = scrutinee;
        let span = m.span();
        let mut decisions: Vec<(TokenStream, GotoId)> = Vec::new();
        let mut chosen = Vec::new();
        for arm in &m.arms {
            let bind = self.new_block(BlockKind::Plain, Vec::new());
            chosen.push((bind, arm));
            // On a reference the pattern binds references or copies, in the
            // guard as in the arm: it is tested as written.
            let by_ref = if on_reference {
                arm.pat.clone()
            } else {
                scan::bind_by_ref(&arm.pat)
            };
            // Bindings by value are references during the guard; `ref` ones
            // are references already.
            let names: Vec<String> = scan::pattern_bindings(&arm.pat)
                .iter()
                .filter(|b| !b.by_ref && !on_reference)
                .map(|b| b.ident.to_string())
                .collect();
            // The test's bindings hide the locals of the same names that
            // its edge carries.
            let bound: Vec<String> = scan::pattern_bindings(&arm.pat)
                .iter()
                .map(|b| b.ident.to_string())
                .collect();
            let Some((_, guard)) = &arm.guard else {
                let goto = self.goto_shadowed(bind, Vec::new(), bound, span);
                decisions.push((quote!(#by_ref), goto));
                continue;
            };
            let guard = scan::deref_names(guard, &names);
            if !scan::has_await(&guard) {
                let guard = self.rewrite_expr(guard);
                let goto = self.goto_shadowed(bind, Vec::new(), bound, span);
                decisions.push((quote!(#by_ref if #guard), goto));
                continue;
            }
            // The guard's references, carried into its blocks.
            let refs: Vec<LocalId> = scan::pattern_bindings(&arm.pat)
                .into_iter()
                .map(|b| self.reserve(b.ident, false, true))
                .collect();
            let guard_block = self.new_block(BlockKind::Plain, Vec::new());
            let rest = self.new_block(BlockKind::Plain, Vec::new());
            let (by_ref, extra) = self.hygienic_bindings(&by_ref, &refs);
            let on_match = self.goto(guard_block, extra, span);
            let on_miss = self.goto(rest, Vec::new(), span);
            decisions.push((quote!(#by_ref), on_match));
            decisions.push((quote!(_), on_miss));
            self.push_scope(false);
            self.body.blocks[guard_block].entry_defs.extend(&refs);
            for &id in &refs {
                self.bind(id);
            }
            self.terminate(
                Term::Match {
                    scrutinee: scrutinee.clone(),
                    arms: std::mem::take(&mut decisions),
                },
                Some(guard_block),
            );
            self.lower_condition(&guard, bind, rest, Vec::new(), span);
            // The references end with the guard.
            self.scopes.truncate(depth + 1);
            self.start_block(rest);
            self.note_uses(scrutinee.clone(), None);
        }
        // Arms before an awaiting guard were decided by an earlier `match`.
        let unreachable = self.new_block(BlockKind::Plain, Vec::new());
        let goto = self.goto(unreachable, Vec::new(), span);
        decisions.push((quote!(_), goto));
        self.terminate(
            Term::Match {
                scrutinee: scrutinee.clone(),
                arms: decisions,
            },
            None,
        );
        for (bind, arm) in chosen {
            self.start_block(bind);
            self.note_uses(scrutinee.clone(), None);
            self.push_scope(false);
            let source = match slot {
                // Nothing moves out through a reference: the arm binds
                // through the one kept in place, as the tests did.
                _ if on_reference => scrutinee.clone(),
                Some(id) if scan::pattern_moves(&arm.pat) => self.slot_take(id, span),
                // A temporary is taken whole, its rest dropping with the arm.
                Some(id) if self.body.locals[id].internal_slot => {
                    let take = self.slot_take(id, span);
                    let whole = self.spill_local(take);
                    let name = &self.body.locals[whole].name;
                    quote!(#name)
                }
                _ => scrutinee.clone(),
            };
            let pat = &arm.pat;
            self.emit(quote! {
                #[allow(irrefutable_let_patterns, unused_parens)]
                let (#pat) = #source else { ::core::unreachable!() };
            });
            if slot.is_none() {
                self.note_pattern_move(self.path_local(&m.expr), &arm.pat);
            }
            let ids = self.declare_pattern(&arm.pat, false);
            let ids = self.bindings_of(ids, &m.expr);
            self.decl(ids);
            let body = [Stmt::Expr((*arm.body).clone(), None)];
            self.keep_borrowed_bindings(&arm.pat, &m.expr, &body, false);
            self.arm_to_join(&arm.body, value, join, span);
            self.scopes.truncate(depth + 1);
        }
        self.enter_join(depth, join, &[value])
    }

    fn lower_loop(
        &mut self,
        label: Option<&syn::Label>,
        head: LoopHead<'_>,
        body: &syn::Block,
        span: Span,
    ) -> Operand {
        let depth = self.scopes.len();
        let value = self.reserve_temp("value");
        let exit = self.new_block(BlockKind::Plain, vec![value]);
        self.body.blocks[exit].loop_exit = true;
        let head_block = self.new_block(BlockKind::Plain, Vec::new());
        let goto = self.goto(head_block, Vec::new(), span);
        self.terminate(Term::Goto(goto), Some(head_block));
        self.loops.push(LoopCtx {
            label: label.map(|l| l.name.ident.to_string()),
            break_to: exit,
            continue_to: Some(head_block),
            value: Some(value),
        });
        match head {
            LoopHead::Loop => {}
            LoopHead::While(cond) => {
                let body_block = self.new_block(BlockKind::Plain, Vec::new());
                self.push_scope(false);
                self.lower_condition(cond, body_block, exit, vec![(value, quote!(()))], span);
                let chained = matches!(cond, Expr::Binary(_));
                for (pat, scrutinee) in let_patterns(cond) {
                    self.keep_borrowed_bindings(pat, scrutinee, &body.stmts, chained);
                }
            }
            LoopHead::For { pat, iter, source } => {
                let item = self.reserve_temp("item");
                let item_name = self.body.locals[item].name.clone();
                let body_block = self.new_block(BlockKind::Plain, vec![item]);
                let next = quote_spanned!(span=> ::core::iter::Iterator::next(&mut #iter));
                self.note_uses(iter.clone(), None);
                let on_some = self.goto(body_block, vec![(item, quote!(#item_name))], span);
                let on_none = self.goto(exit, vec![(value, quote!(()))], span);
                let arms = vec![
                    (quote!(::core::option::Option::Some(#item_name)), on_some),
                    (quote!(::core::option::Option::None), on_none),
                ];
                // The pattern's scope is open when the body block starts.
                self.push_scope(false);
                self.bind(item);
                self.terminate(
                    Term::Match {
                        scrutinee: next,
                        arms,
                    },
                    Some(body_block),
                );
                // A top-level or-pattern needs parentheses in a `let`.
                let bound = match pat {
                    syn::Pat::Or(_) => quote!((#pat)),
                    _ => quote!(#pat),
                };
                self.emit(quote!(let #bound = #item_name;));
                // What the pattern leaves of the item (`_`, `(a, _)`) stays
                // in rustc's `match` scrutinee to the end of the iteration:
                // the item is kept for its drop across the body's awaits.
                // A part moved out by value is refused by the never-run copy
                // (see `expand::check_for_items_in_shadow`).
                let keeps_the_rest =
                    scan::for_item(pat, source, &body.stmts) == scan::ForItem::Kept;
                if !keeps_the_rest {
                    self.events.insert(item, Event::Moved);
                }
                let ids = self.declare_pattern(pat, false);
                // Numbered like a `let`'s pattern: a `break` after an await
                // can end the iterator's borrows while the bindings are dead.
                let declaration = self.next_declaration();
                self.destructured_let(pat, Some(source), &body.stmts, Some(declaration));
                self.decl(ids);
            }
        }
        self.push_scope(false);
        if let Some(tail) = self.lower_stmts(&body.stmts) {
            self.emit(quote!(#tail;));
        }
        // The body's locals drop at the end of each iteration.
        while self.scopes.len() > depth {
            self.pop_scope(None);
        }
        let goto = self.goto(head_block, Vec::new(), span);
        self.terminate(Term::Goto(goto), Some(exit));
        self.loops.pop();
        self.enter_join(depth, exit, &[value])
    }

    fn lower_for(&mut self, f: &syn::ExprForLoop) -> Operand {
        let span = f.span();
        // `for` desugars to a `match` on the iterator, which lives until the
        // loop ends: a scope around the loop holds it.
        self.push_scope(false);
        let body_awaits = scan::awaits_after(&f.body.stmts) > 0;
        let source = scan::peel_parens(&f.expr);
        // A value made by awaiting (`f().await`, `{ f().await }`, a branch
        // that awaits) is moved into `into_iter`, not borrowed by it.
        let awaited = awaited_value(source);
        let iter_expr = if awaited {
            self.lower_operand(source)
        } else if let Expr::Reference(r) = source
            && awaited_value(scan::peel_parens(&r.expr))
        {
            // Input: `for x in &f().await { g(x).await; }`
            // Output: `let __t3 = __awaited2; /* in a slot */`
            // `let mut __iter4 = IntoIterator::into_iter(&(*__place3));`
            // The awaited value is a temporary of the loop, which the
            // iterator borrows across the body's awaits and the jumps
            // between the loop's blocks: kept in place, and dropped after
            // the iterator when the loop ends, as in rustc.
            self.borrow_kept_in_place(r)
        } else if body_awaits {
            // Input: `for c in name().chars() { f(c).await; }`
            // Output: `let __t3 = name(); /* in a slot */`
            // `let mut __iter4 = IntoIterator::into_iter((*__place3).chars());`
            // The expression's temporaries live until the loop ends, as in
            // rustc, and the iterator may borrow them across the body's
            // awaits, so those it may borrow are kept in place.
            self.lower_now_in_place(&f.expr)
        } else {
            self.lower_operand(&f.expr)
        };
        if awaited && let Some(value) = self.operand_local(&iter_expr) {
            self.events.insert(value, Event::Moved);
        }
        let iter = self.reserve_temp("iter");
        let iter_name = self.body.locals[iter].name.clone();
        self.emit(quote_spanned!(span=> let mut #iter_name = ::core::iter::IntoIterator::into_iter(#iter_expr);));
        self.bind(iter);
        // Live across every await of the body and only borrowed by `next`:
        // kept in place rather than moved at each transition, like rustc's
        // coroutine keeps it.
        let iter_place = if body_awaits {
            self.declare_internal_slot(iter)
        } else {
            iter_name.to_token_stream()
        };
        let value = self.lower_loop(
            f.label.as_ref(),
            LoopHead::For {
                pat: &f.pat,
                iter: &iter_place,
                source: &f.expr,
            },
            &f.body,
            span,
        );
        self.pop_scope(Some((TokenStream::new(), quote!(#value))));
        quote!(())
    }

    fn lower_break(&mut self, label: Option<&syn::Lifetime>, value: Option<Operand>, span: Span) {
        let Some(target) = self.find_loop(label, false, span) else {
            return;
        };
        let LoopCtx {
            break_to,
            value: slot,
            ..
        } = self.loops[target];
        let value = value.unwrap_or_else(|| quote!(()));
        let extra = slot.map(|slot| vec![(slot, value)]).unwrap_or_default();
        let goto = self.goto(break_to, extra, span);
        self.terminate(Term::Goto(goto), None);
    }

    fn find_loop(
        &mut self,
        label: Option<&syn::Lifetime>,
        is_continue: bool,
        span: Span,
    ) -> Option<usize> {
        let found = match label {
            None => self.loops.iter().rposition(|l| l.continue_to.is_some()),
            Some(label) => {
                let name = label.ident.to_string();
                self.loops
                    .iter()
                    .rposition(|l| l.label.as_deref() == Some(&*name))
            }
        };
        match found {
            None => self.error(span, "this `break` or `continue` has no enclosing loop"),
            Some(index) if is_continue && self.loops[index].continue_to.is_none() => {
                self.error(span, "`continue` cannot target a labeled block");
                return None;
            }
            Some(_) => {}
        }
        found
    }

    // ---- verbatim code -----------------------------------------------------

    fn rewrite_stmt(&mut self, mut stmt: Stmt) -> TokenStream {
        let mut rewriter = Rewriter::new(self);
        rewriter.visit_stmt_mut(&mut stmt);
        stmt.into_token_stream()
    }

    /// Rewrites verbatim code that is used as a place (a receiver, a borrow
    /// operand, an assignment target, a scrutinee): a slot local there stays
    /// in its slot instead of being moved out.
    fn rewrite_place(&mut self, mut expr: Expr) -> TokenStream {
        let mut rewriter = Rewriter::new(self);
        rewriter.visit_place(&mut expr);
        let tokens = expr.into_token_stream();
        self.note_uses(tokens.clone(), None);
        tokens
    }

    /// The slot local `expr` is just the name of.
    /// The value of `local = value` for a local carried between blocks.
    ///
    /// Input: `s = D("new")`
    /// Output: `s = __statemachine_assign_3(D("new"))`, a marker the emitter
    /// replaces: where `s` may have been moved (its old value is held in a
    /// drop flag), by a call that drops the old value after the new one is
    /// evaluated, as rustc does; elsewhere by the value itself.
    fn assigned_value(&self, left: &Expr, value: TokenStream) -> TokenStream {
        let Some(id) = self
            .path_local(scan::peel_parens(left))
            .filter(|&id| !self.body.locals[id].slot)
        else {
            return value;
        };
        let marker = assign_marker(id);
        quote!(#marker(#value))
    }

    fn slot_named_expr(&self, expr: &Expr) -> Option<LocalId> {
        self.path_local(expr)
            .filter(|&id| self.body.locals[id].slot)
    }

    fn rewrite_expr(&mut self, mut expr: Expr) -> TokenStream {
        let mut rewriter = Rewriter::new(self);
        rewriter.visit_expr_mut(&mut expr);
        expr.into_token_stream()
    }

    fn error(&mut self, span: Span, message: &str) {
        self.body.errors.push(syn::Error::new(span, message));
    }

    /// A formatting macro whose arguments await.
    ///
    /// Input: `println!("{} {}", a.name, f(x).await)`
    /// Output: `let __t = f(x).await; println!("{} {}", a.name, __t)`
    ///
    /// The arguments are evaluated in order, as `format_args!` does: those
    /// before an await into temporaries of the statement, places (borrowed
    /// by `format_args!`) where they are.
    fn lower_format_macro(&mut self, m: &syn::ExprMacro) -> Operand {
        let args = scan::eager_format_args(&m.mac).expect("checked by the caller");
        // `name = value` lowers only its value.
        let split: Vec<(Option<&Expr>, &Expr)> = args
            .iter()
            .map(|a| match a {
                Expr::Assign(named) if matches!(&*named.left, Expr::Path(_)) => {
                    (Some(&*named.left), &*named.right)
                }
                other => (None, other),
            })
            .collect();
        let values: Vec<&Expr> = split.iter().map(|(_, value)| *value).collect();
        let ops = self.lower_operands(&values, Places::All);
        let rebuilt = split.iter().zip(ops).map(|((name, _), op)| match name {
            Some(name) => quote!(#name = #op),
            None => op,
        });
        let mut mac = m.mac.clone();
        mac.tokens = quote!(#(#rebuilt),*);
        // Once more through the rewriter, for `{x}` captures of slot locals
        // (the operands are rewritten already and stay as they are).
        self.rewrite_expr(Expr::Macro(syn::ExprMacro {
            attrs: m.attrs.clone(),
            mac,
        }))
    }

    fn error_macro_await(&mut self, span: Span, path: &syn::Path) {
        let name = path
            .segments
            .last()
            .map(|s| s.ident.to_string())
            .unwrap_or_default();
        self.error(
            span,
            &format!(
                "`.await` inside `{name}!(..)`: #[state_machine] cannot see into this macro call \
                 (it sees the arguments of `format!`, `println!`, `write!` and their kin); \
                 bind the awaited value to a local before the call"
            ),
        );
    }
}

/// `let ref r = value;` as the borrow it is, `let r = &value;`, whose
/// temporary rustc extends alike (see `Builder::extended_temporary`);
/// `ref mut` as `&mut`. A place is borrowed where it is either way, and is
/// left as written.
///
/// Input: `let ref r = f().await;`
/// Output: `let r = &f().await;`
fn ref_binding_as_borrow(local: &syn::Local) -> Option<syn::Local> {
    let syn::Pat::Ident(binding) = &local.pat else {
        return None;
    };
    let init = local.init.as_ref()?;
    if binding.by_ref.is_none()
        || binding.subpat.is_some()
        || init.diverge.is_some()
        || scan::is_place_like(&init.expr)
    {
        return None;
    }
    let mut rebound = local.clone();
    let (ident, mutability, value) = (&binding.ident, &binding.mutability, &init.expr);
    rebound.pat = syn::parse_quote!(#ident);
    rebound.init = Some(syn::LocalInit {
        eq_token: init.eq_token,
        expr: Box::new(syn::parse_quote!(&#mutability #value)),
        diverge: None,
    });
    Some(rebound)
}

/// Whether `expr` is a value made by awaiting, rather than a place or a
/// call's result that may borrow one: an await, or a block or branch
/// (`{ f().await }`, `if c { f().await } else { .. }`) that awaits.
fn awaited_value(expr: &Expr) -> bool {
    match expr {
        Expr::Await(_) => true,
        Expr::Block(_) | Expr::If(_) | Expr::Match(_) | Expr::Unsafe(_) => scan::has_await(expr),
        _ => false,
    }
}

/// The pointer to local `id`'s slot (`*mut Slot<T>`), bound in every block
/// where the slot is in scope.
pub(crate) fn slot_var(id: LocalId) -> Ident {
    format_ident!("__slot{}", id, span = Span::mixed_site())
}

/// The place of local `id`'s value (`*mut T`): uses of the local become `(*place)`.
pub(crate) fn place_var(id: LocalId) -> Ident {
    format_ident!("__place{}", id, span = Span::mixed_site())
}

/// The place of local `id`'s value as a non-`move` closure or async block
/// captures it (`&Place<T>`): uses there become `(*(*shared).get())`, which
/// captures a reborrow of `*shared` rather than a local of the step function.
pub(crate) fn shared_var(id: LocalId) -> Ident {
    format_ident!("__shared{}", id, span = Span::mixed_site())
}

/// The marker of an assignment to local `id` (see
/// [`Builder::assigned_value`]).
pub(crate) fn assign_marker(id: LocalId) -> Ident {
    format_ident!("__statemachine_assign_{}", id, span = Span::mixed_site())
}

/// The guard that drops local `id`'s slot when its scope ends.
pub(crate) fn guard_var(id: LocalId) -> Ident {
    format_ident!("__guard{}", id, span = Span::mixed_site())
}

/// `#[in_place] let x = ..;`: the user's request to store `x` in place (the
/// escape hatch for a borrow the macro cannot see).
fn wants_in_place(local: &syn::Local) -> bool {
    local.attrs.iter().any(|a| a.path().is_ident("in_place"))
}

fn strip_in_place(local: &syn::Local) -> syn::Local {
    let mut local = local.clone();
    local.attrs.retain(|a| !a.path().is_ident("in_place"));
    local
}

/// Whether `expr` evaluates operands of its own before it runs (a call,
/// an operator, a tuple, array or struct literal), which
/// [`Builder::lower_operands`] lowers: as the root of a terminating scope,
/// they share its temporaries' scope (see [`Builder::terminating_root`]).
fn has_own_operands(expr: &Expr) -> bool {
    matches!(
        scan::peel_parens(expr),
        Expr::Call(_)
            | Expr::MethodCall(_)
            | Expr::Tuple(_)
            | Expr::Array(_)
            | Expr::Struct(_)
            | Expr::Binary(_)
    )
}

/// The patterns of a condition's `let`s (`if let A(a) = x && let B(b) = y`),
/// with their scrutinees.
fn let_patterns(cond: &Expr) -> Vec<(&syn::Pat, &Expr)> {
    let mut conjuncts = Vec::new();
    flatten_and(cond, &mut conjuncts, &scan::has_await);
    conjuncts
        .into_iter()
        .filter_map(|c| match c {
            Expr::Let(l) => Some((&*l.pat, &*l.expr)),
            _ => None,
        })
        .collect()
}

/// Does the call `expr` borrow a temporary as an argument (`f(&g())`), or
/// pass one that does (`f(h(&g()))`), through calls of paths and of methods
/// whose receivers are places (which evaluate nothing before the arguments)?
/// Such a temporary lives to the end of the statement.
fn borrows_temporary(expr: &Expr) -> bool {
    let args = match expr {
        Expr::Reference(r) => {
            return !scan::is_place_like(&r.expr) && !scan::is_constant(&r.expr);
        }
        Expr::Call(call) if matches!(&*call.func, Expr::Path(_)) => &call.args,
        Expr::MethodCall(call) if scan::is_pure_place(&call.receiver) => &call.args,
        _ => return false,
    };
    args.iter().any(borrows_temporary)
}

/// A parameter, for the slot decision.
#[derive(Clone, Copy, PartialEq, Eq)]
enum ParamKind {
    /// Declared as a shared reference: it has no drop glue.
    Reference,
    /// Declared as `&mut T`.
    MutableReference,
    Owned,
}

/// How [`Builder::hold_operand`] holds a place that is not a scalar.
#[derive(Clone, Copy)]
enum HeldAs {
    /// A borrow, as rustc's comparison takes it: used before the next
    /// await, and evaluates the place once (`v[idx()]`).
    Borrow,
    /// Nothing: the place is read again where it is used (`x`, `p.0`).
    ReadLater,
}

/// Which operands of an expression are used as places.
#[derive(Clone, Copy)]
enum Places {
    None,
    /// A callee or an index base.
    First,
    /// A method's receiver, how it is held if it is an indexed place
    /// before an argument that awaits, whether the method takes it by
    /// value ([`scan::takes_receiver`]), and whether it is a user's local
    /// the method takes ([`scan::consumes_receiver`]).
    Receiver(Option<scan::HeldReceiver>, bool, bool),
    /// The base of a struct update (`..base`).
    At(usize),
    /// Both operands of a comparison (`PartialEq`/`PartialOrd` borrow them).
    All,
}

impl Places {
    fn includes(self, index: usize) -> bool {
        match self {
            Places::None => false,
            Places::First | Places::Receiver(..) => index == 0,
            Places::At(at) => index == at,
            Places::All => true,
        }
    }
}

/// The scrutinee of a `match` whose guard awaits, tested in place.
struct InPlaceScrutinee {
    /// What the arms are tested on: a pure place, a temporary's slot, or a
    /// fresh borrow of one (`&(*__place3)` for `match &(a + b)`, `&mut
    /// *(*__place3)` for `match &mut x`).
    operand: Operand,
    /// The slot of what is kept (the value, or the reference for `match &x`
    /// and `match &mut x`), if any.
    slot: Option<LocalId>,
    /// `match &x` or `match &mut x`: the patterns are tested as written,
    /// not with `ref`.
    on_reference: bool,
}

enum LoopHead<'a> {
    Loop,
    While(&'a Expr),
    For {
        pat: &'a syn::Pat,
        iter: &'a TokenStream,
        /// The iterator expression as the user wrote it.
        source: &'a Expr,
    },
}

/// Splits `a && let P = b && c` into its conjuncts when the chain needs
/// lowering (it binds, or a later conjunct is one that `splits`: it awaits,
/// or it assigns a `let x;` local the branch may then read).
pub(crate) fn flatten_and<'a>(
    cond: &'a Expr,
    out: &mut Vec<&'a Expr>,
    splits: &dyn Fn(&Expr) -> bool,
) {
    match cond {
        Expr::Binary(b)
            if matches!(b.op, syn::BinOp::And(_)) && (contains_let(cond) || splits(&b.right)) =>
        {
            flatten_and(&b.left, out, splits);
            flatten_and(&b.right, out, splits);
        }
        other => out.push(other),
    }
}

/// The operand whose temporary a `let x = &..` extends: the borrowed
/// expression, or what its derefs and fields start from.
fn extended_operand(expr: &mut Expr) -> &mut Expr {
    if matches!(expr, Expr::Unary(u) if !matches!(u.op, syn::UnOp::Deref(_))) {
        return expr;
    }
    match expr {
        Expr::Unary(u) => extended_operand(&mut u.expr),
        Expr::Field(f) => extended_operand(&mut f.base),
        _ => expr,
    }
}

fn contains_let(expr: &Expr) -> bool {
    match expr {
        Expr::Let(_) => true,
        Expr::Binary(b) if matches!(b.op, syn::BinOp::And(_)) => {
            contains_let(&b.left) || contains_let(&b.right)
        }
        _ => false,
    }
}

/// Rewrites verbatim code: `return` and `?` go through the machine's exit
/// path, and `break`/`continue` that leave a lowered loop become jumps.
/// Closures, async blocks, `const` blocks and items are left alone: their
/// `return`, `?` and `break` are their own.
struct Rewriter<'a, 'n> {
    builder: &'a mut Builder<'n>,
    /// Labels of loops and labeled blocks inside this verbatim code, innermost
    /// last, with whether each is a loop.
    inner_loops: Vec<(Option<String>, bool)>,
    /// Names bound so far inside this verbatim code.
    bound: Vec<String>,
    /// Inside a non-`move` closure or async block: a slot may be used there
    /// in place, but not moved out (the closure could run twice).
    in_closure: bool,
}

impl<'a, 'n> Rewriter<'a, 'n> {
    fn new(builder: &'a mut Builder<'n>) -> Self {
        Rewriter {
            builder,
            inner_loops: Vec::new(),
            bound: Vec::new(),
            in_closure: false,
        }
    }
}

impl Rewriter<'_, '_> {
    /// The slot local `expr` names, if it is just the name of one that is not
    /// shadowed inside this code. Parentheses keep a place a place: `&(s)`
    /// borrows `s`.
    fn slot_of(&self, expr: &Expr) -> Option<LocalId> {
        let ident = scan::plain_name(scan::peel_parens(expr))?;
        self.slot_named(&ident.to_string())
    }

    /// Whether `expr` names a local of the body not shadowed inside this
    /// code.
    fn bound_outside(&self, expr: &Expr) -> bool {
        scan::plain_name(scan::peel_parens(expr)).is_some_and(|name| {
            let name = name.to_string();
            !self.bound.contains(&name) && self.builder.resolve(&name).is_some()
        })
    }

    fn slot_named(&self, name: &str) -> Option<LocalId> {
        if self.bound.iter().any(|b| b == name) {
            return None;
        }
        self.builder
            .resolve(name)
            .filter(|&id| self.builder.body.locals[id].slot)
    }

    /// `(*__placeN)`: the slot's value as a place (borrowed, assigned
    /// through, a receiver, a field or index base).
    fn place(&self, id: LocalId, span: Span) -> Expr {
        Expr::Verbatim(self.place_tokens(id, span))
    }

    // Input: `|x| x + k`, `k` in a slot.
    // Output: `|x| x + (*(*__shared0).get())`. A closure captures the place
    // `(*__place0)` as a borrow of the pointer `__place0`, a local of the
    // step function, which cannot be held across an await; through the
    // reference `__shared0` it captures `&*__shared0`, which can.
    fn place_tokens(&self, id: LocalId, span: Span) -> TokenStream {
        if self.in_closure {
            let shared = shared_var(id);
            quote_spanned!(span=> (*(*#shared).get()))
        } else {
            let place = place_var(id);
            quote_spanned!(span=> (*#place))
        }
    }

    /// Rewrites `expr` as a place if it names a slot, else visits it.
    fn visit_place(&mut self, expr: &mut Expr) {
        match self.slot_of(expr) {
            Some(id) => *expr = self.place(id, expr.span()),
            None => self.visit_expr_mut(expr),
        }
    }

    /// Slot names in a `format!`-family macro: explicit arguments become
    /// places, and implicit `{x}` captures become named arguments.
    fn rewrite_format_macro(&mut self, mac: &mut syn::Macro) {
        // Any macro may name the local (`addr_of_mut!(x)`): its tokens must
        // reach the slot, not the moved-from binding. Implicit `{x}` captures
        // exist only in the `format!` family.
        let format = scan::is_format_macro(&mac.path);
        self.refuse_bindings_hiding_slots(mac);
        self.refuse_assignments_in_macros(mac);
        if scan::arguments_are_read(&mac.path) {
            self.rewrite_exits_in_arguments(mac);
        }
        let mut implicit = Vec::new();
        let tokens =
            self.rewrite_macro_tokens(std::mem::take(&mut mac.tokens), &mut implicit, true);
        let mut tokens = tokens;
        for (name, id) in implicit.into_iter().filter(|_| format) {
            let place = self.place_tokens(id, mac.path.span());
            let ident = Ident::new(&name, mac.path.span());
            tokens.extend(quote!(, #ident = #place));
        }
        mac.tokens = tokens;
    }

    /// A macro's tokens reach a slot local by its name (below), so a
    /// binding inside them that hides the local (`format!("{}", { let x =
    /// 4; x })`) would be read as the slot: refused, at the binding (see
    /// `scan::bindings_in_macro`).
    fn refuse_bindings_hiding_slots(&mut self, mac: &syn::Macro) {
        let names = scan::bindings_in_macro(mac);
        let macro_name = mac.path.segments.last().map(|s| s.ident.to_string());
        for name in names {
            if self.slot_named(&name.to_string()).is_some() {
                self.builder.error(
                    name.span(),
                    &format!(
                        "`{name}` is bound inside this `{}!` call and hides the local \
                         `{name}`, which #[state_machine] keeps in place and reaches by name \
                         in a macro's arguments; rename the inner binding",
                        macro_name.as_deref().unwrap_or("macro")
                    ),
                );
            }
        }
    }

    /// A local declared by `let x;` is initialized where the machine sees
    /// it assigned. Assigned by a macro (`set!(x = v)`), it would be taken
    /// for uninitialized and dropped at the next await, not at the end of
    /// its scope: refused, at the macro's mention of it (see
    /// `scan::macro_may_assign`), unless an assignment earlier in the same
    /// block initialized it.
    fn refuse_assignments_in_macros(&mut self, mac: &syn::Macro) {
        let mut named: Vec<String> = scan::idents_in(mac.tokens.clone())
            .iter()
            .map(ToString::to_string)
            .collect();
        named.sort();
        named.dedup();
        for name in named {
            // Assigned earlier in this block, it is initialized already:
            // a macro assigning it again drops the old value where rustc
            // does, in the block's own code.
            let maybe_uninitialized = !self.bound.contains(&name)
                && self.builder.resolve(&name).is_some_and(|id| {
                    self.builder.body.locals[id].declared_without_value
                        && self.builder.events.get(&id) != Some(&Event::Assigned)
                });
            if !maybe_uninitialized {
                continue;
            }
            if let Some(span) = scan::macro_may_assign(mac, &name) {
                self.builder.error(
                    span,
                    &format!(
                        "`{name}` is declared without a value, and #[state_machine] cannot see \
                         whether this macro assigns it; give `{name}` its value where it is \
                         declared, or assign it outside the macro"
                    ),
                );
            }
        }
    }

    /// The `return`s, `?`s, `break`s and `continue`s in the arguments of a
    /// macro the machine can read (`format!`, `println!`, `assert!`,
    /// `vec!`, ...), rewritten as the body's own: left as they are, they
    /// would leave the step function or its loops, not the body.
    ///
    /// Input: `println!("{}", n.checked_sub(1)?)`
    /// Output: `println!("{}", /* the machine's `?` */)`.
    fn rewrite_exits_in_arguments(&mut self, mac: &mut syn::Macro) {
        if self.in_closure || !scan::tokens_may_exit(&mac.tokens) {
            return;
        }
        struct Exits<'r, 'a, 'n>(&'r mut Rewriter<'a, 'n>);
        impl VisitMut for Exits<'_, '_, '_> {
            fn visit_expr_mut(&mut self, expr: &mut Expr) {
                let names = self.0.builder.names;
                let machine_label = |label: &Option<syn::Lifetime>| {
                    label.as_ref().is_some_and(|l| {
                        [&names.resume, &names.dispatch, &names.entry, &names.goto]
                            .into_iter()
                            .chain([&names.looped, &names.user])
                            .any(|m| m.ident == l.ident)
                    })
                };
                let label_of =
                    |label: &Option<syn::Label>| label.as_ref().map(|l| l.name.ident.to_string());
                // A loop's or a labeled block's own jumps stay as written
                // (see `Rewriter::targets_inner`); the others inside it leave.
                let inner = match &*expr {
                    Expr::Loop(l) => Some((label_of(&l.label), true)),
                    Expr::While(w) => Some((label_of(&w.label), true)),
                    Expr::ForLoop(f) => Some((label_of(&f.label), true)),
                    Expr::Block(b) if b.label.is_some() => Some((label_of(&b.label), false)),
                    _ => None,
                };
                match expr {
                    // The machine's own jumps, from arguments it lowered.
                    Expr::Break(b) if machine_label(&b.label) => {}
                    Expr::Continue(c) if machine_label(&c.label) => {}
                    Expr::Return(_) | Expr::Try(_) | Expr::Break(_) | Expr::Continue(_) => {
                        self.0.visit_expr_mut(expr)
                    }
                    // Their own exits.
                    Expr::Closure(_) | Expr::Async(_) => {}
                    // `format!("{}", format!("{}", r?))`.
                    Expr::Macro(m) if scan::arguments_are_read(&m.mac.path) => {
                        self.0.rewrite_exits_in_arguments(&mut m.mac)
                    }
                    _ if inner.is_some() => {
                        self.0.inner_loops.extend(inner);
                        syn::visit_mut::visit_expr_mut(self, expr);
                        self.0.inner_loops.pop();
                    }
                    _ => syn::visit_mut::visit_expr_mut(self, expr),
                }
            }
            // `format!("{}", { assert!(r? < 10); 2 })`.
            fn visit_stmt_macro_mut(&mut self, m: &mut syn::StmtMacro) {
                if scan::arguments_are_read(&m.mac.path) {
                    self.0.rewrite_exits_in_arguments(&mut m.mac);
                }
            }
            fn visit_item_mut(&mut self, _: &mut syn::Item) {}
        }
        scan::rewrite_macro_arguments(mac, &mut |argument| Exits(self).visit_expr_mut(argument));
    }

    fn rewrite_macro_tokens(
        &mut self,
        tokens: TokenStream,
        implicit: &mut Vec<(String, LocalId)>,
        top: bool,
    ) -> TokenStream {
        let trees: Vec<TokenTree> = tokens.into_iter().collect();
        let mut out = Vec::with_capacity(trees.len());
        let mut seen_format_string = false;
        for (index, tree) in trees.iter().enumerate() {
            match tree {
                TokenTree::Ident(ident) => {
                    let after_dot = index > 0
                        && matches!(&trees[index - 1], TokenTree::Punct(p) if p.as_char() == '.');
                    let named_arg = matches!(trees.get(index + 1), Some(TokenTree::Punct(p)) if p.as_char() == '=')
                        && !matches!(trees.get(index + 2), Some(TokenTree::Punct(p)) if p.as_char() == '=');
                    match self.slot_named(&ident.to_string()) {
                        Some(id) if !after_dot && !named_arg => {
                            out.extend(self.place_tokens(id, ident.span()));
                        }
                        _ => out.push(tree.clone()),
                    }
                }
                TokenTree::Group(group) => {
                    let inner = self.rewrite_macro_tokens(group.stream(), implicit, false);
                    let mut new = proc_macro2::Group::new(group.delimiter(), inner);
                    new.set_span(group.span());
                    out.push(TokenTree::Group(new));
                }
                TokenTree::Literal(lit) if top && !seen_format_string => {
                    if let Ok(text) = syn::parse2::<syn::LitStr>(lit.to_token_stream()) {
                        seen_format_string = true;
                        let mut names = Vec::new();
                        scan::mentioned_idents(lit.to_token_stream(), &mut names);
                        for name in names {
                            let name = name.to_string();
                            if let Some(id) = self.slot_named(&name)
                                && !implicit.iter().any(|(n, _)| *n == name)
                            {
                                implicit.push((name, id));
                            }
                        }
                        let _ = text;
                    }
                    out.push(tree.clone());
                }
                other => out.push(other.clone()),
            }
        }
        out.into_iter().collect()
    }

    /// A `move` closure or async block takes the slots it uses whole: they are
    /// moved out of their slots where it is created, as rustc moves them. A
    /// slot it uses only through fields (`t.1`) stays; each field is copied
    /// out for it (RFC 2229), and moving a field that is not `Copy` out of
    /// the slot is an error (E0507), as any partial move of a slot is.
    ///
    /// Input: `move || s.len() + t.1`, `s` and `t` in slots
    /// Output: `{ let s = __slot0.take(); let __capture0 = (*__place1).1;
    /// move || s.len() + __capture0 }`
    fn take_captured_slots(&mut self, expr: &mut Expr) {
        let (params, body): (Vec<syn::Pat>, Expr) = match &*expr {
            Expr::Closure(c) => (c.inputs.iter().cloned().collect(), (*c.body).clone()),
            Expr::Async(a) => (Vec::new(), scan::async_body(a)),
            _ => return,
        };
        let captures = Captures::of(&params, &body);
        let mut takes = TokenStream::new();
        for name in &captures.whole {
            if let Some(id) = self.slot_named(&name.to_string()) {
                let take = self.builder.slot_take(id, Span::call_site());
                let ident = &self.builder.body.locals[id].name;
                takes.extend(quote!(let #ident = #take;));
            }
        }
        let mut replace = Vec::new();
        for (name, paths) in &captures.fields {
            let Some(id) = self.slot_named(name) else {
                continue;
            };
            for path in paths {
                let local = format_ident!(
                    "__capture{}",
                    self.builder.body.locals.len() + replace.len(),
                    span = Span::mixed_site()
                );
                let place = self.place_tokens(id, Span::call_site());
                takes.extend(quote!(let #local = #place #(.#path)*;));
                replace.push((name.clone(), path.clone(), local));
            }
        }
        if !replace.is_empty() {
            match expr {
                Expr::Closure(c) => captures::replace_field_uses(&params, &mut c.body, &replace),
                Expr::Async(a) => {
                    let mut block = scan::async_body(a);
                    captures::replace_field_uses(&[], &mut block, &replace);
                    if let Expr::Block(b) = block {
                        a.block = b.block;
                    }
                }
                _ => {}
            }
        }
        if !takes.is_empty() {
            *expr = Expr::Verbatim(quote!({ #takes #expr }));
        }
    }

    /// An `if let` condition that binds the whole of a slot local by value:
    /// the condition then tests the slot in place with the bindings made
    /// `_`, which are bound for the `then` block, and the statement that
    /// binds them from the value taken out is returned, to start the
    /// `then` block.
    fn take_when_matched(&mut self, cond: &mut Expr) -> Option<Stmt> {
        let Expr::Let(l) = cond else {
            return None;
        };
        if self.in_closure || !scan::takes_whole(&l.pat) {
            return None;
        }
        let id = self.slot_of(&l.expr)?;
        let take = self.take_for_pattern(id, &l.pat);
        self.bound.extend(
            scan::pattern_bindings(&l.pat)
                .into_iter()
                .map(|b| b.ident.to_string()),
        );
        *l.pat = scan::without_bindings(&l.pat);
        *l.expr = self.place(id, l.expr.span());
        Some(take)
    }

    /// `let (PAT) = __slotN.take() else { unreachable!() };`, for a pattern
    /// already known to match the slot's value.
    fn take_for_pattern(&mut self, id: LocalId, pat: &syn::Pat) -> Stmt {
        let take = self.builder.slot_take(id, pat.span());
        syn::parse_quote! {
            #[allow(irrefutable_let_patterns, unused_parens)]
            let (#pat) = #take else { ::core::unreachable!() };
        }
    }

    fn targets_inner(&self, label: Option<&syn::Lifetime>) -> bool {
        match label {
            None => self.inner_loops.iter().any(|(_, is_loop)| *is_loop),
            Some(label) => {
                let name = label.ident.to_string();
                self.inner_loops
                    .iter()
                    .any(|(l, _)| l.as_deref() == Some(&*name))
            }
        }
    }

    fn jump(
        &mut self,
        label: Option<&syn::Lifetime>,
        value: Option<TokenStream>,
        is_continue: bool,
        span: Span,
    ) -> TokenStream {
        let Some(target) = self.builder.find_loop(label, is_continue, span) else {
            return quote!(loop {});
        };
        let shadowing = self.bound.clone();
        let (to, extra) = if is_continue {
            (
                self.builder.loops[target]
                    .continue_to
                    .expect("checked by find_loop"),
                Vec::new(),
            )
        } else {
            let slot = self.builder.loops[target].value;
            let value = value.unwrap_or_else(|| quote!(()));
            (
                self.builder.loops[target].break_to,
                slot.map(|s| vec![(s, value)]).unwrap_or_default(),
            )
        };
        let goto = self.builder.goto_shadowed(to, extra, shadowing, span);
        let marker = format_ident!("__statemachine_goto_{}", goto, span = Span::mixed_site());
        quote!(#marker)
    }
}

impl VisitMut for Rewriter<'_, '_> {
    fn visit_expr_mut(&mut self, expr: &mut Expr) {
        if let Some(id) = self.slot_of(expr) {
            // A use in value position moves the value out of its slot.
            if self.in_closure {
                // Moving out inside a closure that may run twice would read a
                // value twice: the closure uses the place (a copy for `Copy`
                // values, and E0507 for a move, never a double read).
                *expr = self.place(id, expr.span());
                return;
            }
            *expr = Expr::Verbatim(self.builder.slot_take(id, expr.span()));
            return;
        }
        match expr {
            // Input: `i as u32`, `i` in a slot.
            // Output: `__slot4.read_for_cast() as u32`, which leaves the value
            // in place: what `as` takes has no drop glue, so the slot needs
            // no drop flag for it.
            Expr::Cast(c) if !self.in_closure && self.slot_of(&c.expr).is_some() => {
                let id = self.slot_of(&c.expr).expect("checked");
                let slot = slot_var(id);
                let span = c.expr.span();
                *c.expr = Expr::Verbatim(quote_spanned!(span=> #slot.read_for_cast()));
            }
            Expr::Reference(r) => self.visit_place(&mut r.expr),
            // Input: `s.into_bytes()`, `s` in a slot.
            // Output: `__slot4.take().into_bytes()`: a method known to take
            // `self` moves the value out first, as it moves a local.
            Expr::MethodCall(m) => {
                if scan::consumes_receiver(&m.method) && !self.in_closure {
                    self.visit_expr_mut(&mut m.receiver);
                } else {
                    self.visit_place(&mut m.receiver);
                }
                for arg in &mut m.args {
                    self.visit_expr_mut(arg);
                }
            }
            Expr::Field(f) => self.visit_place(&mut f.base),
            Expr::Index(i) => {
                self.visit_place(&mut i.expr);
                self.visit_expr_mut(&mut i.index);
            }
            Expr::Unary(u) if matches!(u.op, syn::UnOp::Deref(_)) => self.visit_place(&mut u.expr),
            Expr::Binary(b) if is_compound_assignment(&b.op) || is_comparison(&b.op) => {
                self.visit_place(&mut b.left);
                if is_comparison(&b.op) {
                    self.visit_place(&mut b.right);
                } else {
                    self.visit_expr_mut(&mut b.right);
                }
            }
            // In a closure the slot holds a value (the closure borrows it), so
            // a plain assignment to its place drops the old one.
            // `_ = x` moves nothing.
            Expr::Assign(a) if matches!(&*a.left, Expr::Infer(_)) => self.visit_place(&mut a.right),
            Expr::Call(c) => {
                self.visit_place(&mut c.func);
                for arg in &mut c.args {
                    self.visit_expr_mut(arg);
                }
            }
            Expr::Struct(s) => {
                for field in &mut s.fields {
                    self.visit_expr_mut(&mut field.expr);
                    // `P { n }` with `n` rewritten is `P { n: (*__place3) }`.
                    if field.colon_token.is_none() && !matches!(&field.expr, Expr::Path(_)) {
                        field.colon_token = Some(Default::default());
                    }
                }
                if let Some(rest) = &mut s.rest {
                    self.visit_place(rest);
                }
            }
            // Input: `if let Some(v) = s { f(v) }`, `s` in a slot.
            // Output: `if let Some(_) = (*__place1) { let (Some(v)) =
            // __slot1.take() else { unreachable!() }; f(v) }`: tested in
            // place, moved out only when it matches, as rustc moves it.
            Expr::If(i) => {
                // `if let` bindings are in scope in the `then` block only.
                let bound = self.bound.len();
                let taken = self.take_when_matched(&mut i.cond);
                if taken.is_none() {
                    self.visit_expr_mut(&mut i.cond);
                }
                self.visit_block_mut(&mut i.then_branch);
                if let Some(take) = taken {
                    i.then_branch.stmts.insert(0, take);
                }
                self.bound.truncate(bound);
                if let Some((_, otherwise)) = &mut i.else_branch {
                    self.visit_expr_mut(otherwise);
                }
            }
            Expr::Assign(a) if !self.in_closure && self.slot_of(&a.left).is_some() => {
                let id = self.slot_of(&a.left).expect("checked");
                self.visit_expr_mut(&mut a.right);
                *expr = Expr::Verbatim(self.builder.slot_assign(id, &a.right));
            }
            Expr::Assign(a) if !self.in_closure && self.bound_outside(&a.left) => {
                self.visit_expr_mut(&mut a.right);
                let value = a.right.to_token_stream();
                let value = self.builder.assigned_value(&a.left, value);
                *a.right = Expr::Verbatim(value);
            }
            Expr::Closure(c) => {
                if c.capture.is_some() {
                    self.take_captured_slots(expr);
                } else {
                    let outer = std::mem::replace(&mut self.in_closure, true);
                    let bound = self.bound.len();
                    self.bound.extend(
                        c.inputs
                            .iter()
                            .flat_map(scan::pattern_bindings)
                            .map(|b| b.ident.to_string()),
                    );
                    self.visit_expr_mut(&mut c.body);
                    self.bound.truncate(bound);
                    self.in_closure = outer;
                }
            }
            Expr::Async(a) => {
                if a.capture.is_some() {
                    self.take_captured_slots(expr);
                } else {
                    let outer = std::mem::replace(&mut self.in_closure, true);
                    self.visit_block_mut(&mut a.block);
                    self.in_closure = outer;
                }
            }
            Expr::Const(_) => {}
            Expr::Yield(y) => {
                self.builder.error(
                    y.yield_token.span,
                    "`yield` is not allowed in an `async fn`: #[state_machine] rewrites async functions, not coroutines",
                );
            }
            // A closure's or an `async` block's own `return` and `?` leave
            // it, not the body, and stay as written.
            Expr::Return(_) | Expr::Try(_) if self.in_closure => {
                syn::visit_mut::visit_expr_mut(self, expr);
            }
            Expr::Return(r) => {
                if let Some(value) = &mut r.expr {
                    self.visit_expr_mut(value);
                }
                let value = r
                    .expr
                    .as_ref()
                    .map_or_else(|| quote!(()), |v| v.to_token_stream());
                *expr = Expr::Verbatim(self.builder.return_tokens(value));
            }
            Expr::Try(t) => {
                self.visit_expr_mut(&mut t.expr);
                let inner = t.expr.to_token_stream();
                *expr = Expr::Verbatim(self.builder.try_branch(inner, t.question_token.span));
            }
            Expr::Break(b) => {
                if let Some(value) = &mut b.expr {
                    self.visit_expr_mut(value);
                }
                if !self.targets_inner(b.label.as_ref()) {
                    let value = b.expr.as_ref().map(|v| v.to_token_stream());
                    let span = b.span();
                    *expr = Expr::Verbatim(self.jump(b.label.as_ref(), value, false, span));
                }
            }
            Expr::Continue(c) => {
                if !self.targets_inner(c.label.as_ref()) {
                    let span = c.span();
                    *expr = Expr::Verbatim(self.jump(c.label.as_ref(), None, true, span));
                }
            }
            Expr::Loop(l) => {
                self.inner_loops
                    .push((l.label.as_ref().map(|l| l.name.ident.to_string()), true));
                self.visit_block_mut(&mut l.body);
                self.inner_loops.pop();
            }
            Expr::While(w) => {
                let bound = self.bound.len();
                self.visit_expr_mut(&mut w.cond);
                self.inner_loops
                    .push((w.label.as_ref().map(|l| l.name.ident.to_string()), true));
                self.visit_block_mut(&mut w.body);
                self.inner_loops.pop();
                self.bound.truncate(bound);
            }
            Expr::ForLoop(f) => {
                self.visit_expr_mut(&mut f.expr);
                let bound = self.bound.len();
                self.bound.extend(
                    scan::pattern_bindings(&f.pat)
                        .into_iter()
                        .map(|b| b.ident.to_string()),
                );
                self.inner_loops
                    .push((f.label.as_ref().map(|l| l.name.ident.to_string()), true));
                self.visit_block_mut(&mut f.body);
                self.inner_loops.pop();
                self.bound.truncate(bound);
            }
            Expr::Block(b) if b.label.is_some() => {
                self.inner_loops
                    .push((b.label.as_ref().map(|l| l.name.ident.to_string()), false));
                self.visit_block_mut(&mut b.block);
                self.inner_loops.pop();
            }
            // Arms that all bind the whole value move it out of its slot, as
            // they would move a local; otherwise they match in place, and an
            // arm without a guard that binds the whole value takes it out
            // when chosen.
            //
            // Input: `match s { Some(v) => f(v), _ => 0 }`, `s` in a slot.
            // Output: `match (*__place1) { Some(_) => { let (Some(v)) =
            // __slot1.take() else { unreachable!() }; f(v) } _ => 0 }`
            Expr::Match(m) => {
                let moves_whole = m.arms.iter().all(|a| scan::pattern_moves(&a.pat));
                let slot = (!moves_whole && !self.in_closure)
                    .then(|| self.slot_of(&m.expr))
                    .flatten();
                if moves_whole {
                    self.visit_expr_mut(&mut m.expr);
                } else {
                    self.visit_place(&mut m.expr);
                }
                for arm in &mut m.arms {
                    let bound = self.bound.len();
                    self.bound.extend(
                        scan::pattern_bindings(&arm.pat)
                            .into_iter()
                            .map(|b| b.ident.to_string()),
                    );
                    if let Some((_, guard)) = &mut arm.guard {
                        self.visit_expr_mut(guard);
                    }
                    self.visit_expr_mut(&mut arm.body);
                    self.bound.truncate(bound);
                    if let Some(id) = slot
                        && scan::takes_whole(&arm.pat)
                    {
                        let take = self.take_for_pattern(id, &arm.pat);
                        arm.pat = tested_in_place(&arm.pat, &mut arm.guard);
                        let body = &arm.body;
                        *arm.body = syn::parse_quote!({ #take #body });
                    }
                }
            }
            Expr::Let(l) => {
                self.visit_place(&mut l.expr);
                self.bound.extend(
                    scan::pattern_bindings(&l.pat)
                        .into_iter()
                        .map(|b| b.ident.to_string()),
                );
            }
            Expr::Macro(m) => {
                if let Some(span) = scan::tokens_have_await(&m.mac.tokens) {
                    let path = m.mac.path.clone();
                    self.builder.error_macro_await(span, &path);
                }
                self.rewrite_format_macro(&mut m.mac);
            }
            _ => syn::visit_mut::visit_expr_mut(self, expr),
        }
    }

    fn visit_local_mut(&mut self, local: &mut syn::Local) {
        if let Some(init) = &mut local.init {
            // `let _ = x;` leaves `x` where it is, and `let (a, _) = x;` moves
            // only part of it: neither empties a slot.
            if scan::pattern_moves(&local.pat) {
                self.visit_expr_mut(&mut init.expr);
            } else {
                self.visit_place(&mut init.expr);
            }
            if let Some((_, diverge)) = &mut init.diverge {
                self.visit_expr_mut(diverge);
            }
        }
        self.bound.extend(
            scan::pattern_bindings(&local.pat)
                .into_iter()
                .map(|b| b.ident.to_string()),
        );
    }

    fn visit_item_mut(&mut self, _: &mut syn::Item) {}

    /// The names a block binds go out of scope at its end.
    fn visit_block_mut(&mut self, block: &mut syn::Block) {
        let bound = self.bound.len();
        syn::visit_mut::visit_block_mut(self, block);
        self.bound.truncate(bound);
    }

    fn visit_stmt_macro_mut(&mut self, m: &mut syn::StmtMacro) {
        if let Some(span) = scan::tokens_have_await(&m.mac.tokens) {
            let path = m.mac.path.clone();
            self.builder.error_macro_await(span, &path);
        }
        self.rewrite_format_macro(&mut m.mac);
    }
}

/// The pattern that tests a slot in place for an arm whose pattern takes
/// the value whole (the arm then takes it out of the slot): its bindings
/// made `_`, or, with a guard, made `ref` with the guard reading through
/// them, as rustc's guards see the bindings.
///
/// Input: `Some(v) if v.len() > n`
/// Output: `Some(ref v) if (*v).len() > n`
fn tested_in_place(pat: &syn::Pat, guard: &mut Option<(syn::Token![if], Box<Expr>)>) -> syn::Pat {
    let Some((_, condition)) = guard else {
        return scan::without_bindings(pat);
    };
    let names: Vec<String> = scan::pattern_bindings(pat)
        .into_iter()
        .filter(|b| !b.by_ref)
        .map(|b| b.ident.to_string())
        .collect();
    **condition = scan::deref_names(condition, &names);
    scan::bind_by_ref(pat)
}

/// The tokens as the user spaced them (`store(name + &backup)`, where
/// `to_string` gives `store(name + & backup)`): a space wherever the source
/// had a gap or a line break between two tokens. Tokens without their own
/// places in the source (made by a macro) are spaced by `to_string`.
pub(crate) fn source_like(tokens: TokenStream) -> String {
    use proc_macro2::{Delimiter, LineColumn};
    // Each piece with where it starts and ends. A group re-made by syn spans
    // its whole text, so its delimiters are placed at its two ends.
    fn walk(tokens: TokenStream, out: &mut Vec<(String, LineColumn, LineColumn)>) {
        for tree in tokens {
            let TokenTree::Group(group) = tree else {
                let span = tree.span();
                out.push((tree.to_string(), span.start(), span.end()));
                continue;
            };
            let (open, close) = match group.delimiter() {
                Delimiter::Parenthesis => ("(", ")"),
                Delimiter::Bracket => ("[", "]"),
                Delimiter::Brace => ("{", "}"),
                Delimiter::None => {
                    walk(group.stream(), out);
                    continue;
                }
            };
            let (start, end) = (group.span().start(), group.span().end());
            let after_open = LineColumn {
                column: start.column + 1,
                ..start
            };
            let before_close = LineColumn {
                column: end.column.saturating_sub(1),
                ..end
            };
            out.push((open.to_string(), start, after_open));
            walk(group.stream(), out);
            out.push((close.to_string(), before_close, end));
        }
    }
    let mut pieces = Vec::new();
    walk(tokens.clone(), &mut pieces);
    let in_source_order = pieces.windows(2).all(|pair| pair[0].2 <= pair[1].1);
    if !in_source_order {
        return tokens.to_string();
    }
    let mut text = String::new();
    let mut previous: Option<(&str, LineColumn)> = None;
    for (piece, start, end) in &pieces {
        if let Some((before, previous_end)) = previous {
            // A call or index split over lines reads as written on one.
            let hugs = matches!(before, "(" | "[") || matches!(piece.as_str(), ")" | "]");
            let line_break = previous_end.line != start.line;
            if previous_end != *start && !(line_break && hugs) {
                text.push(' ');
            }
        }
        text.push_str(piece);
        previous = Some((piece, *end));
    }
    text
}

/// Where an `if` or a `match` is, to recognise it when it is lowered (see
/// `Builder::expect_type`).
fn join_address(expr: &Expr) -> Option<usize> {
    match expr {
        Expr::If(i) => Some(address(i)),
        Expr::Match(m) => Some(address(m)),
        _ => None,
    }
}

fn address<T>(node: &T) -> usize {
    std::ptr::from_ref(node).addr()
}

#[cfg(test)]
mod tests {
    use super::source_like;
    use quote::{ToTokens, quote};

    fn as_written(source: &str) -> String {
        // Through syn, as the macro sees it: syn re-makes the groups.
        let expr: syn::Expr = syn::parse_str(source).unwrap();
        source_like(expr.to_token_stream())
    }

    #[test]
    fn awaited_text_keeps_the_users_spacing() {
        assert_eq!(
            as_written("store(name + &backup, len)"),
            "store(name + &backup, len)"
        );
        assert_eq!(
            as_written("self.read(&mut buf[..n])"),
            "self.read(&mut buf[..n])"
        );
        assert_eq!(as_written("S { a: -1 }.run()"), "S { a: -1 }.run()");
        assert_eq!(as_written("f::<'a>(x)?"), "f::<'a>(x)?");
    }

    #[test]
    fn line_breaks_become_one_space() {
        assert_eq!(as_written("call(\n    a,\n    b,\n)"), "call(a, b,)");
        assert_eq!(as_written("{\n    a\n}"), "{ a }");
    }

    #[test]
    fn tokens_without_places_are_spaced_by_to_string() {
        let tokens = quote!(store(name + &backup));
        assert_eq!(source_like(tokens.clone()), tokens.to_string());
    }
}
