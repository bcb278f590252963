//! Checks, in the never-run copy of the body, the moves the machine makes of
//! values held only for their drop that may hold a borrow.
//!
//! Such a value (one a slot cannot hold, see `Builder::keep_in_place`) is
//! moved, typed, into a `Dead` or a drop flag where the machine passes it
//! on. A reference in it that dangles by then makes that move undefined
//! behaviour; rustc's coroutine leaves the value in place and accepts the
//! body. The copy is given uses of the value where the machine moves it, so
//! that the borrow checker rejects exactly the bodies whose borrows it
//! holds may have ended by then, with "borrow later used here" at the use.

use std::collections::{BTreeMap, BTreeSet};

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::visit_mut::{self, VisitMut};
use syn::{Expr, Ident, Stmt};

use crate::liveness::{Carry, Plan};
use crate::lower::{Event, Goto, GotoId, LocalId, LoweredBody};

/// Where the machine moves a value held only for its drop that may hold a
/// borrow.
#[derive(Default)]
pub(crate) struct DeadMoves {
    /// Per await, the locals its edge moves into the state.
    pub at_awaits: BTreeMap<usize, BTreeSet<LocalId>>,
    /// Every move of such a value at an edge without an await (a branch or
    /// a join), into a `Dead` or into its drop flag, by local and edge: the
    /// copy cannot point at it. (A drop flag holds its value in a `Dead`, so
    /// passing it on moves nothing typed; filling it moves the value.)
    pub at_edges: Vec<(LocalId, GotoId)>,
    /// The locals moved while dead, typed, for a proof that they own no
    /// borrow which trusted what a name is (see `owned::RestsOnNames`).
    pub owned: BTreeSet<LocalId>,
}

/// A place in the source, as the copy's tokens still carry it.
type Position = ((usize, usize), (usize, usize));

fn position(span: Span) -> Position {
    let (start, end) = (span.start(), span.end());
    ((start.line, start.column), (end.line, end.column))
}

/// Adds the uses to the copy; returns whether it added any.
///
/// - A value moved at an await is used there.
///
///   Input: `f().await`, the machine moving `p` there.
///   Output: `__private::moved_into_the_state(f(), (&p,)).await`.
///
/// - A value another binding of its name hides at that await, or moved
///   where the copy has no expression to point at (a branch, a join), is
///   reached through a raw pointer taken right after its binding:
///   its type holds the borrows' lifetimes, and using it needs no
///   initialized value. A value moved elsewhere is used before each later
///   statement of its scope and at every exit from it, one of which follows
///   every such move. This rejects more than the moves need (a borrow
///   ending after the last move, in scope), never less.
///
///   Input: `let p = (D, &v[0]); ..; return n; ..; tail`
///   Output: `let p = (D, &v[0]); let held = &raw const p; ..;
///   return __private::alive_after(n, held); ..; __private::alive_after(tail, held)`
///
/// A value bound by a `let`, a `match` arm, an `if let`, a `while let` or a
/// `for` pattern is pointed at where its binding becomes visible. Declared
/// by `let x;`, it is pointed at after each assignment to it: the pointer's
/// type, with the value's borrows, is one for the whole scope.
///
///   Input: `let p; ..; p = (D, &v[0]);`
///   Output: `let p; let mut held = null(); ..; { p = (D, &v[0]); held = &raw const p; }`
///
/// A parameter stays unchecked (its borrows are the caller's, and outlive
/// the body); a local bound where the copy cannot reach (in a macro's
/// tokens that do not parse) is refused. So is a value a pattern takes on
/// some path (a `let` chain's, a `match` arm's) and the machine moves at a
/// branch or a join other than where a chain that uses it misses: a use of
/// the pointer after the pattern would also hold the borrow on the path
/// that took the value.
///
/// - A value the machine moves while dead, proved to own no borrow by
///   trusting what a name is (`owned::RestsOnNames`), is pointed at by a
///   guard declared before every local of the copy, whose drop needs every
///   borrow in the value alive (see `__private::OwnsNoBorrows`). A user's
///   `clone` returning a borrow of its receiver then fails to build, where
///   the proof would have let the machine move a dangling reference.
///
///   Input: `let view = buf.clone();`
///   Output: `let mut guard = OwnsNoBorrows::new(); ..; let view = buf.clone();
///   guard.points_at(&raw const view);`
///
/// Returns the guards' declarations, to put before the copy's first
/// binding.
pub(crate) fn checked_in_shadow(
    shadow: &mut syn::Block,
    lowered: &LoweredBody,
    plan: &Plan,
    moves: &DeadMoves,
    is_shadowed: impl Fn(&Goto, LocalId) -> bool,
) -> syn::Result<CheckedShadow> {
    // Temporaries have no name in the user's body.
    let named = |l: &&LocalId| !lowered.locals[**l].temporary;
    // The pointer cannot tell a path where the value was moved out: such
    // a value is not checked at its scope's exits. (A local declared by
    // `let x;` is "moved" until assigned, and its drop flag may only say
    // where it was assigned: the pointer, set at each assignment, checks
    // it unless a condition takes it.)
    let moved_somewhere = |l: LocalId| {
        let local = &lowered.locals[l];
        if local.declared_without_value {
            return local.taken_by_a_condition;
        }
        let flagged = (0..lowered.blocks.len())
            .any(|b| plan.reachable[b] && plan.carry(b, l) == Some(Carry::DropFlag));
        let moved = lowered
            .gotos
            .iter()
            .any(|g| plan.reachable[g.from] && g.events.get(&l) == Some(&Event::Moved));
        local.taken_by_a_condition || flagged || moved
    };
    let hidden_at = |index: usize, l: LocalId| {
        let resume = lowered.awaits[index].resume;
        lowered
            .gotos
            .iter()
            .find(|g| g.to == resume)
            .is_some_and(|edge| is_shadowed(edge, l))
    };
    let mut pointers: BTreeMap<LocalId, Check> = BTreeMap::new();
    let elsewhere: BTreeSet<LocalId> = moves.at_edges.iter().map(|&(l, _)| l).collect();
    for &l in elsewhere.iter().filter(named) {
        if !moved_somewhere(l) {
            pointers.insert(l, Check::PointerToTheEnd);
        }
    }
    // A value also moved out on some path (a pattern takes it), moved for
    // its drop at a branch or a join: only where a `let` chain that uses it
    // misses is its borrow known to hold (the borrow checker keeps it alive
    // for that `let`).
    let unchecked = moves
        .at_edges
        .iter()
        .filter(|&&(l, goto)| {
            !lowered.locals[l].temporary
                && moved_somewhere(l)
                && !lowered.gotos[goto].borrows_held.contains(&l)
        })
        .map(|&(l, _)| l)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .map(|l| {
            let name = &lowered.locals[l].name;
            syn::Error::new(
                name.span(),
                format!(
                    "#[state_machine] cannot check a borrow `{name}` may hold: `{name}` is moved \
                     on one path (by a pattern, a call or a method that takes it), and on another \
                     the machine moves it, for its drop, where that borrow may have ended; end \
                     `{name}`'s scope before the await, or match on a reference to it"
                ),
            )
        });
    all_of(unchecked)?;
    for (&index, locals) in &moves.at_awaits {
        for &l in locals.iter().filter(named) {
            if hidden_at(index, l) {
                pointers.entry(l).or_insert(Check::Pointer);
            }
        }
    }
    // A parameter's borrows are the caller's: they outlive the body.
    for &l in moves.owned.iter().filter(named) {
        if !lowered.params.contains(&l) {
            pointers.insert(l, Check::Guard);
        }
    }
    let mut declarations = Declarations {
        lowered,
        pointers: &pointers,
        found: BTreeSet::new(),
        errors: None,
    };
    declarations.visit_block_mut(shadow);
    if let Some(errors) = declarations.errors {
        return Err(errors);
    }
    let declared = declarations.found;
    // A local the machine moves unchecked: refused rather than left to a
    // dangling move (bound where the copy cannot reach, in a macro's
    // tokens that do not parse, say).
    let unchecked = pointers
        .keys()
        .filter(|l| !declared.contains(l) && !lowered.params.contains(l))
        .map(|&l| {
            let name = &lowered.locals[l].name;
            syn::Error::new(
                name.span(),
                format!(
                    "#[state_machine] moves `{name}` while it may hold a borrow and cannot check \
                 that borrow where `{name}` is bound; bind it outside the macro call"
                ),
            )
        });
    all_of(unchecked)?;
    let guards: Vec<TokenStream> = declared
        .iter()
        .filter(|l| pointers[l] == Check::Guard)
        .map(|&l| {
            let guard = guard_name(l);
            quote!(let mut #guard = ::statemachine_runtime::__private::OwnsNoBorrows::new();)
        })
        .collect();
    let mut uses: BTreeMap<Position, Vec<TokenStream>> = BTreeMap::new();
    for (&index, locals) in &moves.at_awaits {
        let span = lowered.awaits[index].span;
        for &l in locals.iter().filter(named) {
            let value = if pointers.get(&l) == Some(&Check::Guard) {
                continue;
            } else if !hidden_at(index, l) {
                let name = located(&lowered.locals[l].name, span);
                quote_spanned!(span=> &#name)
            } else if declared.contains(&l) {
                let pointer = located(&pointer_name(l), span);
                quote!(#pointer)
            } else {
                continue;
            };
            uses.entry(position(span)).or_default().push(value);
        }
    }
    let mut awaits = Awaits {
        uses: &uses,
        seen: BTreeMap::new(),
        rewrite: false,
    };
    awaits.visit_block_mut(shadow);
    awaits.rewrite = true;
    awaits.visit_block_mut(shadow);
    Ok(CheckedShadow {
        changed: !declared.is_empty() || !uses.is_empty(),
        guards,
    })
}

/// The errors, combined into one, if any.
fn all_of(errors: impl Iterator<Item = syn::Error>) -> syn::Result<()> {
    match errors.reduce(|mut all, next| {
        all.combine(next);
        all
    }) {
        Some(error) => Err(error),
        None => Ok(()),
    }
}

/// What [`checked_in_shadow`] did to the copy.
pub(crate) struct CheckedShadow {
    /// Whether it added any check: the copy is then needed.
    pub changed: bool,
    /// The guards' declarations, to put before the copy's first binding.
    pub guards: Vec<TokenStream>,
}

/// How the copy checks a local the machine moves while dead.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Check {
    /// A pointer, taken right after the binding, used at the awaits that
    /// hide the name.
    Pointer,
    /// A pointer also used before every later statement of the local's
    /// scope and at every exit from it.
    PointerToTheEnd,
    /// An `OwnsNoBorrows` guard pointed at it.
    Guard,
}

/// The copy's name for the pointer to local `l`: mixed-site, so no user name
/// can capture it.
fn pointer_name(l: LocalId) -> Ident {
    format_ident!("__statemachine_held_{}", l, span = Span::mixed_site())
}

/// The copy's name for the guard of local `l` (see [`Check::Guard`]), which
/// rustc's error names where the guard's drop needs a borrow alive.
fn guard_name(l: LocalId) -> Ident {
    format_ident!(
        "__statemachine_owns_no_borrows_{}",
        l,
        span = Span::mixed_site()
    )
}

/// Takes the pointers right after their `let`s and, for values moved
/// elsewhere, uses them at their scope's exits.
struct Declarations<'a> {
    lowered: &'a LoweredBody,
    /// The locals to point at, and how they are checked.
    pointers: &'a BTreeMap<LocalId, Check>,
    /// The locals pointed at.
    found: BTreeSet<LocalId>,
    /// A `let x;` whose assignments the copy cannot see.
    errors: Option<syn::Error>,
}

impl Declarations<'_> {
    /// The locals to point at that `pat` binds.
    fn bound_by(&self, pat: &syn::Pat) -> Vec<LocalId> {
        struct Bindings<'p>(&'p mut Vec<(String, Position)>);
        impl<'ast> syn::visit::Visit<'ast> for Bindings<'_> {
            fn visit_pat_ident(&mut self, p: &'ast syn::PatIdent) {
                self.0.push((p.ident.to_string(), position(p.ident.span())));
                syn::visit::visit_pat_ident(self, p);
            }
        }
        let mut bound = Vec::new();
        syn::visit::Visit::visit_pat(&mut Bindings(&mut bound), pat);
        self.pointers
            .keys()
            .copied()
            .filter(|&l| {
                let name = &self.lowered.locals[l].name;
                bound.contains(&(name.to_string(), position(name.span())))
            })
            .collect()
    }
}

impl Declarations<'_> {
    /// Takes the pointers to `bound`, whose bindings are visible from
    /// statement `at` of `block` on, there, and uses those moved elsewhere
    /// at the block's exits. Returns the index after the pointers.
    ///
    /// Input: `{ s1; ..; tail }`, `p` bound before `s1`.
    /// Output: `{ let held = &raw const p; s1; ..; alive_after(tail, held) }`.
    fn pointed_at(&mut self, bound: Vec<LocalId>, block: &mut syn::Block, mut at: usize) -> usize {
        for l in bound {
            self.found.insert(l);
            let name = &self.lowered.locals[l].name;
            let check = self.pointers[&l];
            if check == Check::Guard {
                let guard = guard_name(l);
                block.stmts.insert(
                    at,
                    syn::parse_quote_spanned! {name.span()=>
                        #guard.points_at(&raw const #name);
                    },
                );
                at += 1;
                continue;
            }
            let pointer = pointer_name(l);
            block.stmts.insert(
                at,
                syn::parse_quote_spanned! {name.span()=>
                    let #pointer = &raw const #name;
                },
            );
            at += 1;
            if check == Check::PointerToTheEnd {
                used_at_exits(block, at, &pointer);
                used_at_end(block, &pointer);
            }
        }
        at
    }

    /// As [`Self::pointed_at`], for locals `let x;` declares without a
    /// value right before statement `at`: the pointer starts null and is
    /// set after each assignment to the local.
    fn pointed_at_after_assignments(
        &mut self,
        bound: Vec<LocalId>,
        block: &mut syn::Block,
        mut at: usize,
    ) -> usize {
        for l in bound {
            let name = self.lowered.locals[l].name.clone();
            let check = self.pointers[&l];
            let (pointer, guard) = (pointer_name(l), guard_name(l));
            let assigned = after_assignments(&mut block.stmts[at..], &name, &|| match check {
                Check::Guard => syn::parse_quote_spanned! {name.span()=>
                    #guard.points_at(&raw const #name);
                },
                _ => syn::parse_quote_spanned! {name.span()=> #pointer = &raw const #name; },
            });
            if assigned == 0 {
                let error = syn::Error::new(
                    name.span(),
                    format!(
                        "`{name}` is declared without a value and the macro cannot see where \
                         it is assigned; it may hold a borrow, and the machine moves it while \
                         dead, so it must check that borrow\n\
                         help: give `{name}` its value where it is declared"
                    ),
                );
                match &mut self.errors {
                    Some(errors) => errors.combine(error),
                    None => self.errors = Some(error),
                }
                continue;
            }
            self.found.insert(l);
            if check == Check::Guard {
                continue;
            }
            block.stmts.insert(
                at,
                syn::parse_quote_spanned! {name.span()=>
                    let mut #pointer = ::core::ptr::null();
                },
            );
            at += 1;
            if check == Check::PointerToTheEnd {
                used_at_exits(block, at, &pointer);
                used_at_end(block, &pointer);
            }
        }
        at
    }
}

/// Adds `then` after each assignment to `name` in `stmts` (and the blocks in
/// them), until a `let` binds the name again; returns how many it found.
///
/// Input: `x = value`, `(x, y) = pair`
/// Output: `{ x = value; then }`, `{ (x, y) = pair; then }`
fn after_assignments(stmts: &mut [Stmt], name: &Ident, then: &dyn Fn() -> Stmt) -> usize {
    struct Assignments<'a> {
        name: &'a Ident,
        then: &'a dyn Fn() -> Stmt,
        found: usize,
    }
    impl Assignments<'_> {
        fn rebinds(&self, pat: &syn::Pat) -> bool {
            crate::scan::pattern_bindings(pat)
                .iter()
                .any(|b| b.ident == *self.name)
        }
        /// Visits `stmts` up to the first that binds the name again.
        fn visit_stmts(&mut self, stmts: &mut [Stmt]) {
            for stmt in stmts {
                if let Stmt::Local(local) = stmt
                    && self.rebinds(&local.pat)
                {
                    // Its initializer still sees the outer local.
                    if let Some(init) = &mut local.init {
                        self.visit_expr_mut(&mut init.expr);
                    }
                    return;
                }
                self.visit_stmt_mut(stmt);
            }
        }
    }
    impl VisitMut for Assignments<'_> {
        fn visit_macro_mut(&mut self, mac: &mut syn::Macro) {
            crate::scan::rewrite_read_macro_arguments(mac, &mut |argument| {
                self.visit_expr_mut(argument)
            });
        }
        fn visit_block_mut(&mut self, block: &mut syn::Block) {
            self.visit_stmts(&mut block.stmts);
        }
        fn visit_expr_mut(&mut self, expr: &mut Expr) {
            visit_mut::visit_expr_mut(self, expr);
            if crate::scan::assigned_locals(expr).contains(&self.name) {
                self.found += 1;
                let then = (self.then)();
                *expr = syn::parse_quote!({ #expr; #then });
            }
        }
        // Where a pattern binds the name again, it is another local there.
        fn visit_arm_mut(&mut self, arm: &mut syn::Arm) {
            if !self.rebinds(&arm.pat) {
                visit_mut::visit_arm_mut(self, arm);
            }
        }
        fn visit_expr_for_loop_mut(&mut self, f: &mut syn::ExprForLoop) {
            self.visit_expr_mut(&mut f.expr);
            if !self.rebinds(&f.pat) {
                self.visit_block_mut(&mut f.body);
            }
        }
        fn visit_expr_if_mut(&mut self, i: &mut syn::ExprIf) {
            self.visit_expr_mut(&mut i.cond);
            if !let_patterns(&i.cond).into_iter().any(|p| self.rebinds(p)) {
                self.visit_block_mut(&mut i.then_branch);
            }
            if let Some((_, otherwise)) = &mut i.else_branch {
                self.visit_expr_mut(otherwise);
            }
        }
        fn visit_expr_while_mut(&mut self, w: &mut syn::ExprWhile) {
            self.visit_expr_mut(&mut w.cond);
            if !let_patterns(&w.cond).into_iter().any(|p| self.rebinds(p)) {
                self.visit_block_mut(&mut w.body);
            }
        }
        // A closure could not assign a local it does not own before its use.
        fn visit_expr_closure_mut(&mut self, _: &mut syn::ExprClosure) {}
        fn visit_expr_async_mut(&mut self, _: &mut syn::ExprAsync) {}
        fn visit_item_mut(&mut self, _: &mut syn::Item) {}
    }
    let mut assignments = Assignments {
        name,
        then,
        found: 0,
    };
    assignments.visit_stmts(stmts);
    assignments.found
}

impl Declarations<'_> {
    /// The locals to point at that the `let`s of a condition bind.
    fn bound_by_condition(&self, cond: &Expr) -> Vec<LocalId> {
        let_patterns(cond)
            .into_iter()
            .flat_map(|pat| self.bound_by(pat))
            .collect()
    }
}

/// The patterns of the `let`s of a condition (`if let`, a `let` chain).
fn let_patterns(cond: &Expr) -> Vec<&syn::Pat> {
    match cond {
        Expr::Let(l) => vec![&*l.pat],
        Expr::Binary(b) if matches!(b.op, syn::BinOp::And(_)) => {
            let mut pats = let_patterns(&b.left);
            pats.extend(let_patterns(&b.right));
            pats
        }
        Expr::Paren(p) => let_patterns(&p.expr),
        _ => Vec::new(),
    }
}

impl VisitMut for Declarations<'_> {
    fn visit_macro_mut(&mut self, mac: &mut syn::Macro) {
        crate::scan::rewrite_read_macro_arguments(mac, &mut |argument| {
            self.visit_expr_mut(argument)
        });
    }

    fn visit_block_mut(&mut self, block: &mut syn::Block) {
        visit_mut::visit_block_mut(self, block);
        let mut i = 0;
        while i < block.stmts.len() {
            let Stmt::Local(local) = &block.stmts[i] else {
                i += 1;
                continue;
            };
            let bound = self.bound_by(&local.pat);
            i = if local.init.is_none() {
                self.pointed_at_after_assignments(bound, block, i + 1)
            } else {
                self.pointed_at(bound, block, i + 1)
            };
        }
    }

    fn visit_arm_mut(&mut self, arm: &mut syn::Arm) {
        visit_mut::visit_arm_mut(self, arm);
        let bound = self.bound_by(&arm.pat);
        if !bound.is_empty() {
            let body = &arm.body;
            let mut block: syn::Block = syn::parse_quote!({ #body });
            self.pointed_at(bound, &mut block, 0);
            *arm.body = Expr::Block(syn::ExprBlock {
                attrs: Vec::new(),
                label: None,
                block,
            });
        }
    }

    fn visit_expr_if_mut(&mut self, i: &mut syn::ExprIf) {
        visit_mut::visit_expr_if_mut(self, i);
        let bound = self.bound_by_condition(&i.cond);
        self.pointed_at(bound, &mut i.then_branch, 0);
    }

    fn visit_expr_while_mut(&mut self, w: &mut syn::ExprWhile) {
        visit_mut::visit_expr_while_mut(self, w);
        let bound = self.bound_by_condition(&w.cond);
        self.pointed_at(bound, &mut w.body, 0);
    }

    fn visit_expr_for_loop_mut(&mut self, f: &mut syn::ExprForLoop) {
        visit_mut::visit_expr_for_loop_mut(self, f);
        let bound = self.bound_by(&f.pat);
        self.pointed_at(bound, &mut f.body, 0);
    }

    // Their locals are not the machine's.
    fn visit_expr_closure_mut(&mut self, _: &mut syn::ExprClosure) {}
    fn visit_expr_async_mut(&mut self, _: &mut syn::ExprAsync) {}
    fn visit_item_mut(&mut self, _: &mut syn::Item) {}
}

/// Uses `pointer` at the end of `block`: after its tail's value, or as its
/// last statement.
///
/// The use carries the place of the tail or of the last statement, where
/// rustc's "borrow later used here" then points.
fn used_at_end(block: &mut syn::Block, pointer: &Ident) {
    let private = quote!(::statemachine_runtime::__private);
    // The body's own braces are the macro's: then the last statement.
    let end = match block.stmts.last() {
        Some(last) => last.span(),
        None => block.brace_token.span.close(),
    };
    match block.stmts.last_mut() {
        Some(Stmt::Expr(tail, None)) => {
            let pointer = located(pointer, tail.span());
            *tail = syn::parse_quote!(#private::alive_after(#tail, #pointer));
        }
        _ => {
            let pointer = located(pointer, end);
            block
                .stmts
                .push(syn::parse_quote!(#private::alive_after((), #pointer);));
        }
    }
}

/// `pointer`, resolved as it is, at `span`'s place.
fn located(pointer: &Ident, span: Span) -> Ident {
    let mut pointer = pointer.clone();
    pointer.set_span(pointer.span().located_at(span));
    pointer
}

/// Uses `pointer` before every statement of `block` from `at` on and of
/// the blocks inside them, and before every `return`, `?`, `break` and
/// `continue` there, after the value it carries. Every path from a move
/// reaches one of them, or the block's end (`used_at_end`), before it
/// leaves the value's scope, even one that then panics or loops forever,
/// where the end is never reached and rustc ignores a use there.
fn used_at_exits(block: &mut syn::Block, at: usize, pointer: &Ident) {
    struct Exits<'a>(&'a Ident);
    impl Exits<'_> {
        fn before_each(&mut self, stmts: &mut Vec<Stmt>, at: usize) {
            let private = quote!(::statemachine_runtime::__private);
            let mut i = at;
            while i < stmts.len() {
                self.visit_stmt_mut(&mut stmts[i]);
                let pointer = located(self.0, stmts[i].span());
                stmts.insert(i, syn::parse_quote!(#private::alive_after((), #pointer);));
                i += 2;
            }
        }
    }
    impl VisitMut for Exits<'_> {
        fn visit_block_mut(&mut self, block: &mut syn::Block) {
            self.before_each(&mut block.stmts, 0);
        }
        fn visit_expr_mut(&mut self, expr: &mut Expr) {
            visit_mut::visit_expr_mut(self, expr);
            let pointer = located(self.0, expr.span());
            let private = quote!(::statemachine_runtime::__private);
            let kept = |value: &Expr| -> Expr {
                syn::parse_quote!(#private::alive_after(#value, #pointer))
            };
            match expr {
                Expr::Return(syn::ExprReturn {
                    expr: Some(value), ..
                })
                | Expr::Break(syn::ExprBreak {
                    expr: Some(value), ..
                }) => **value = kept(value),
                Expr::Try(t) => *t.expr = kept(&t.expr),
                Expr::Return(_) | Expr::Break(_) | Expr::Continue(_) => {
                    let exit = &*expr;
                    *expr = syn::parse_quote!({ #private::alive_after((), #pointer); #exit });
                }
                _ => {}
            }
        }
        // Their exits are their own.
        fn visit_expr_closure_mut(&mut self, _: &mut syn::ExprClosure) {}
        fn visit_expr_async_mut(&mut self, _: &mut syn::ExprAsync) {}
        fn visit_item_mut(&mut self, _: &mut syn::Item) {}
    }
    Exits(pointer).before_each(&mut block.stmts, at);
}

/// Uses the values the machine moves at each await there.
struct Awaits<'a> {
    uses: &'a BTreeMap<Position, Vec<TokenStream>>,
    /// How many awaits of the copy are at each position: one written by a
    /// user macro twice is left alone.
    seen: BTreeMap<Position, usize>,
    rewrite: bool,
}

impl VisitMut for Awaits<'_> {
    fn visit_macro_mut(&mut self, mac: &mut syn::Macro) {
        crate::scan::rewrite_read_macro_arguments(mac, &mut |argument| {
            self.visit_expr_mut(argument)
        });
    }

    fn visit_expr_await_mut(&mut self, a: &mut syn::ExprAwait) {
        visit_mut::visit_expr_await_mut(self, a);
        let at = position(a.await_token.span);
        if !self.rewrite {
            *self.seen.entry(at).or_default() += 1;
            return;
        }
        let (Some(values), Some(1)) = (self.uses.get(&at), self.seen.get(&at)) else {
            return;
        };
        let base = &a.base;
        let span = a.await_token.span;
        *a.base = syn::parse_quote_spanned! {span=>
            ::statemachine_runtime::__private::moved_into_the_state(#base, (#(#values,)*))
        };
    }
}
