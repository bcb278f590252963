//! Syntactic facts the lowering needs about user code: where `.await` occurs,
//! which names a pattern binds, which locals a piece of code mentions, and which
//! it certainly moves. A proc macro sees no types, so every answer here errs on
//! the side that yields a compile error rather than a wrong program.

use proc_macro2::{TokenStream, TokenTree};
use syn::visit::Visit;
use syn::{Expr, Pat};

use crate::captures::Captures;

/// Does `expr` contain an `.await` that belongs to the function being rewritten?
/// Closures, async blocks, `const` blocks and items own their awaits.
pub(crate) fn has_await(expr: &Expr) -> bool {
    struct Finder(bool);
    impl<'ast> Visit<'ast> for Finder {
        fn visit_expr_await(&mut self, _: &'ast syn::ExprAwait) {
            self.0 = true;
        }
        fn visit_macro(&mut self, mac: &'ast syn::Macro) {
            if let Some(args) = eager_format_args(mac) {
                args.iter().for_each(|a| self.visit_expr(a));
            }
        }
        fn visit_expr_closure(&mut self, _: &'ast syn::ExprClosure) {}
        fn visit_expr_async(&mut self, _: &'ast syn::ExprAsync) {}
        fn visit_expr_const(&mut self, _: &'ast syn::ExprConst) {}
        fn visit_item(&mut self, _: &'ast syn::Item) {}
    }
    let mut finder = Finder(false);
    finder.visit_expr(expr);
    finder.0
}

/// Whether the never-run copy checks that the operands of compound
/// assignment `b` are primitive, which the machine evaluates value first:
/// only the value awaits, and the place runs code (an index, a call) or
/// is one the value visibly changes (`*r += { r = &mut b; f().await }`).
/// (A place of fields and dereferences the value leaves alone evaluates to
/// the same place in either order; only a user's `DerefMut` with side
/// effects could tell, a documented difference.)
pub(crate) fn compound_assignment_checked_in_shadow(b: &syn::ExprBinary) -> bool {
    let place_runs_code = !is_pure_place(&b.left);
    let place_changed = plain_name(peel_parens(&b.left)).is_none() && may_mutate(&b.right, &b.left);
    has_await(&b.right) && !has_await(&b.left) && (place_runs_code || place_changed)
}

/// Does an identifier pattern bind a name? One that starts with an uppercase
/// letter is taken to name a constant, unit struct or variant (as rustc's
/// naming lints assume), unless it is `ref`, `mut` or has a subpattern.
fn binds(p: &syn::PatIdent) -> bool {
    let looks_like_constant = p.ident.to_string().starts_with(|c: char| c.is_uppercase());
    p.subpat.is_some() || p.by_ref.is_some() || p.mutability.is_some() || !looks_like_constant
}

/// `pat` with its bindings by value made `_` (`x @ P` made `P`): it tests
/// the same values and moves nothing, so it can match a slot in place
/// before the value is taken out for the pattern itself.
pub(crate) fn without_bindings(pat: &Pat) -> Pat {
    struct Unbind;
    impl syn::visit_mut::VisitMut for Unbind {
        fn visit_pat_mut(&mut self, pat: &mut Pat) {
            if let Pat::Ident(p) = pat
                && binds(p)
                && p.by_ref.is_none()
            {
                *pat = match p.subpat.take() {
                    Some((_, sub)) => *sub,
                    None => Pat::Wild(syn::PatWild {
                        attrs: Vec::new(),
                        underscore_token: syn::Token![_](p.ident.span()),
                    }),
                };
            }
            syn::visit_mut::visit_pat_mut(self, pat);
        }
        // `P { x }` made `P { x: _ }`: a shorthand field's pattern is its
        // name, so the field is written out.
        fn visit_field_pat_mut(&mut self, field: &mut syn::FieldPat) {
            if field.colon_token.is_none() && matches!(field.member, syn::Member::Named(_)) {
                field.colon_token = Some(Default::default());
            }
            self.visit_pat_mut(&mut field.pat);
        }
    }
    let mut pat = pat.clone();
    syn::visit_mut::VisitMut::visit_pat_mut(&mut Unbind, &mut pat);
    pat
}

/// Renames the bindings of `pat` (in [`pattern_bindings`] order) to `names`,
/// in every alternative of an or-pattern.
pub(crate) fn rename_bindings(pat: &Pat, names: &[syn::Ident]) -> Pat {
    struct Rename(Vec<(String, syn::Ident)>);
    impl syn::visit_mut::VisitMut for Rename {
        fn visit_pat_ident_mut(&mut self, p: &mut syn::PatIdent) {
            let old = p.ident.to_string();
            if binds(p)
                && let Some((_, new)) = self.0.iter().find(|(name, _)| *name == old)
            {
                p.ident = new.clone();
                // A binding by value is only moved into the next block, which
                // declares it `mut`; `ref mut` must stay a mutable borrow.
                if p.by_ref.is_none() {
                    p.mutability = None;
                }
            }
            if let Some((_, sub)) = &mut p.subpat {
                self.visit_pat_mut(sub);
            }
        }
        // `P { x }` binds `x` and names the field: renamed, it is written
        // out, `P { x: __bind3 }`.
        fn visit_field_pat_mut(&mut self, field: &mut syn::FieldPat) {
            if field.colon_token.is_none() && matches!(field.member, syn::Member::Named(_)) {
                field.colon_token = Some(Default::default());
            }
            self.visit_pat_mut(&mut field.pat);
        }
        fn visit_path_mut(&mut self, _: &mut syn::Path) {}
        fn visit_expr_mut(&mut self, _: &mut Expr) {}
    }
    let renames = pattern_bindings(pat)
        .into_iter()
        .map(|b| b.ident.to_string())
        .zip(names.iter().cloned())
        .collect();
    let mut pat = pat.clone();
    syn::visit_mut::VisitMut::visit_pat_mut(&mut Rename(renames), &mut pat);
    pat
}

/// `pat` with every binding by value made `ref` (`Some(ref n)` for
/// `Some(n)`, without `mut`): it tests and borrows without moving, as rustc
/// binds for a guard.
pub(crate) fn bind_by_ref(pat: &Pat) -> Pat {
    struct ByRef;
    impl syn::visit_mut::VisitMut for ByRef {
        fn visit_pat_ident_mut(&mut self, p: &mut syn::PatIdent) {
            if binds(p) && p.by_ref.is_none() {
                p.by_ref = Some(syn::Token![ref](p.ident.span()));
                p.mutability = None;
            }
            if let Some((_, sub)) = &mut p.subpat {
                self.visit_pat_mut(sub);
            }
        }
        fn visit_path_mut(&mut self, _: &mut syn::Path) {}
        fn visit_expr_mut(&mut self, _: &mut Expr) {}
    }
    let mut pat = pat.clone();
    syn::visit_mut::VisitMut::visit_pat_mut(&mut ByRef, &mut pat);
    pat
}

/// `expr` with each plain use of one of `names` written `(*name)`: a guard's
/// bindings are references during the guard (see [`bind_by_ref`]). Closures
/// that bind one of the names and nested items keep their own; macro
/// arguments are left as they are (formatting a reference prints the value).
pub(crate) fn deref_names(expr: &Expr, names: &[String]) -> Expr {
    struct Deref<'a>(&'a [String]);
    impl syn::visit_mut::VisitMut for Deref<'_> {
        fn visit_expr_mut(&mut self, expr: &mut Expr) {
            if let Expr::Path(p) = expr
                && p.qself.is_none()
                && let Some(ident) = p.path.get_ident()
                && self.0.iter().any(|n| ident == n)
            {
                *expr = syn::parse_quote!((*#p));
                return;
            }
            syn::visit_mut::visit_expr_mut(self, expr);
        }
        fn visit_expr_closure_mut(&mut self, c: &mut syn::ExprClosure) {
            let rebinds = c.inputs.iter().flat_map(pattern_bindings).any(|b| {
                let name = b.ident.to_string();
                self.0.contains(&name)
            });
            if !rebinds {
                syn::visit_mut::visit_expr_closure_mut(self, c);
            }
        }
        fn visit_item_mut(&mut self, _: &mut syn::Item) {}
    }
    let mut expr = expr.clone();
    syn::visit_mut::VisitMut::visit_expr_mut(&mut Deref(names), &mut expr);
    expr
}

/// A name bound by a pattern, in order of appearance (once, though each
/// alternative of an or-pattern binds it).
pub(crate) struct Binding {
    pub ident: syn::Ident,
    pub mutable: bool,
    /// `ref` / `ref mut`: the binding is a reference, which has no drop glue.
    pub by_ref: bool,
}

/// The bindings a pattern introduces. An identifier pattern that starts with an
/// uppercase letter is taken to name a constant, unit struct or variant (as
/// rustc's naming lints assume), not to bind.
pub(crate) fn pattern_bindings(pat: &Pat) -> Vec<Binding> {
    struct Collector(Vec<Binding>);
    impl<'ast> Visit<'ast> for Collector {
        fn visit_pat_ident(&mut self, p: &'ast syn::PatIdent) {
            if binds(p) {
                self.0.push(Binding {
                    ident: p.ident.clone(),
                    mutable: p.mutability.is_some(),
                    by_ref: p.by_ref.is_some(),
                });
            }
            if let Some((_, sub)) = &p.subpat {
                self.visit_pat(sub);
            }
        }
        // Paths inside patterns (`Some`, `Foo::Bar`) bind nothing.
        fn visit_path(&mut self, _: &'ast syn::Path) {}
        fn visit_expr(&mut self, _: &'ast Expr) {}
    }
    let mut collector = Collector(Vec::new());
    collector.visit_pat(pat);
    let mut seen = Vec::new();
    collector.0.retain(|b| {
        let name = b.ident.to_string();
        let first = !seen.contains(&name);
        seen.push(name);
        first
    });
    collector.0
}

/// Whether a `let` without a type may leave its local's type to later
/// code: `None`, `Vec::new()`, `HashMap::with_capacity(n)`,
/// `Default::default()`, `vec![]` (the standard collections; a user's
/// generic type is not recognised).
pub(crate) fn leaves_type_open(init: &Expr) -> bool {
    match peel_parens(init) {
        Expr::Path(p) => p.path.segments.last().is_some_and(|s| s.ident == "None"),
        Expr::Call(call) => match &*call.func {
            Expr::Path(p) => {
                let segments = path_names(&p.path);
                let generic = p.path.segments.iter().any(|s| !s.arguments.is_empty());
                let constructor = match segments.as_slice() {
                    [.., ty, f] if matches!(f.as_str(), "new" | "with_capacity" | "default") => {
                        ty.as_str()
                    }
                    _ => return false,
                };
                !generic
                    && matches!(
                        constructor,
                        "Vec"
                            | "VecDeque"
                            | "HashMap"
                            | "HashSet"
                            | "BTreeMap"
                            | "BTreeSet"
                            | "BinaryHeap"
                            | "LinkedList"
                            | "Default"
                    )
            }
            _ => false,
        },
        Expr::Macro(m) => {
            m.mac.path.segments.last().is_some_and(|s| s.ident == "vec") && m.mac.tokens.is_empty()
        }
        _ => false,
    }
}

/// `value` coerced to `ty` at a function argument, a coercion site:
/// `::core::convert::identity::<ty>(value)`.
pub(crate) fn coerced(ty: &syn::Type, value: impl quote::ToTokens) -> TokenStream {
    quote::quote!(::core::convert::identity::<#ty>(#value))
}

/// Whether a value of another type may coerce to `ty`: it has a
/// reference, a pointer, a trait object, a slice or a function pointer in
/// it (`&str`, `Box<dyn Error>`, `Rc<[u8]>`). A type without any (`u32`,
/// `String`, `Vec<T>`) is never a coercion's target.
pub(crate) fn may_be_coerced_to(ty: &syn::Type) -> bool {
    struct Finder(bool);
    impl<'ast> Visit<'ast> for Finder {
        fn visit_type(&mut self, ty: &'ast syn::Type) {
            match ty {
                syn::Type::Reference(_)
                | syn::Type::Ptr(_)
                | syn::Type::TraitObject(_)
                | syn::Type::Slice(_)
                | syn::Type::BareFn(_)
                | syn::Type::Infer(_) => self.0 = true,
                _ => syn::visit::visit_type(self, ty),
            }
        }
    }
    let mut finder = Finder(false);
    finder.visit_type(ty);
    finder.0
}

/// The names an item declares in its scope: a function's, a type's, a
/// constant's, those a `use` imports (not a glob's).
pub(crate) fn item_names(item: &syn::Item) -> Vec<syn::Ident> {
    fn imported(tree: &syn::UseTree, names: &mut Vec<syn::Ident>) {
        match tree {
            syn::UseTree::Path(p) => imported(&p.tree, names),
            syn::UseTree::Name(n) if n.ident != "self" => names.push(n.ident.clone()),
            syn::UseTree::Rename(r) => names.push(r.rename.clone()),
            syn::UseTree::Group(g) => g.items.iter().for_each(|t| imported(t, names)),
            syn::UseTree::Name(_) | syn::UseTree::Glob(_) => {}
        }
    }
    let mut names = Vec::new();
    match item {
        syn::Item::Fn(i) => names.push(i.sig.ident.clone()),
        syn::Item::Const(i) => names.push(i.ident.clone()),
        syn::Item::Static(i) => names.push(i.ident.clone()),
        syn::Item::Struct(i) => names.push(i.ident.clone()),
        syn::Item::Enum(i) => names.push(i.ident.clone()),
        syn::Item::Union(i) => names.push(i.ident.clone()),
        syn::Item::Trait(i) => names.push(i.ident.clone()),
        syn::Item::TraitAlias(i) => names.push(i.ident.clone()),
        syn::Item::Type(i) => names.push(i.ident.clone()),
        syn::Item::Mod(i) => names.push(i.ident.clone()),
        syn::Item::ExternCrate(i) => names.push(
            i.rename
                .as_ref()
                .map_or_else(|| i.ident.clone(), |(_, r)| r.clone()),
        ),
        syn::Item::Use(i) => imported(&i.tree, &mut names),
        syn::Item::ForeignMod(m) => {
            for foreign in &m.items {
                match foreign {
                    syn::ForeignItem::Fn(f) => names.push(f.sig.ident.clone()),
                    syn::ForeignItem::Static(s) => names.push(s.ident.clone()),
                    syn::ForeignItem::Type(t) => names.push(t.ident.clone()),
                    _ => {}
                }
            }
        }
        _ => {}
    }
    names
}

/// Every identifier token in `tokens` that may name a local, including those
/// inside macro calls and nested groups: a superset of the locals the code
/// reads or writes. Left out: names after a `.` (fields, methods) or a
/// `::` (path segments), a struct literal's or pattern's field labels
/// (`Row { id: got }`), and a macro's named arguments (`format!("{id}", id
/// = n)`), also in its format strings.
pub(crate) fn mentioned_idents(tokens: TokenStream, out: &mut Vec<syn::Ident>) {
    mentioned_in(tokens, false, false, out);
}

/// `braced`: the tokens of a `{ .. }` group; `macro_args`: a macro call's.
fn mentioned_in(tokens: TokenStream, braced: bool, macro_args: bool, out: &mut Vec<syn::Ident>) {
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    let punct = |i: Option<usize>, c: char| matches!(i.and_then(|i| trees.get(i)), Some(TokenTree::Punct(p)) if p.as_char() == c);
    let alone = |i: usize, c: char| {
        matches!(trees.get(i), Some(TokenTree::Punct(p))
            if p.as_char() == c && p.spacing() == proc_macro2::Spacing::Alone)
    };
    let joint = |i: Option<usize>, c: char| {
        matches!(i.and_then(|i| trees.get(i)), Some(TokenTree::Punct(p))
            if p.as_char() == c && p.spacing() == proc_macro2::Spacing::Joint)
    };
    // Starts a field or an argument: first, or right after a comma.
    let item_start = |i: usize| i == 0 || punct(Some(i - 1), ',');
    // `name = value` in a macro call, and not `name == value`.
    let named_argument = |i: usize| macro_args && item_start(i) && alone(i + 1, '=');
    let named: Vec<String> = (0..trees.len())
        .filter(|&i| named_argument(i))
        .filter_map(|i| match &trees[i] {
            TokenTree::Ident(ident) => Some(ident.to_string()),
            _ => None,
        })
        .collect();
    for (i, tree) in trees.iter().enumerate() {
        let (prev, before) = (i.checked_sub(1), i.checked_sub(2));
        match tree {
            TokenTree::Ident(ident) => {
                // `a.x` but not the range `..x`.
                let after_dot = punct(prev, '.') && !joint(before, '.');
                let path_segment = punct(prev, ':') && joint(before, ':');
                let field_label = braced && item_start(i) && alone(i + 1, ':');
                if !(after_dot || path_segment || field_label || named_argument(i)) {
                    out.push(ident.clone());
                }
            }
            TokenTree::Group(group) => {
                let called = punct(prev, '!')
                    && matches!(before.and_then(|b| trees.get(b)), Some(TokenTree::Ident(_)));
                let braced = group.delimiter() == proc_macro2::Delimiter::Brace;
                mentioned_in(group.stream(), braced, called, out);
            }
            TokenTree::Literal(lit) => {
                // Inline format arguments: `println!("{x}")` reads `x`.
                let text = lit.to_string();
                if text.starts_with('"') || text.starts_with("r\"") || text.starts_with("r#") {
                    let mut names = Vec::new();
                    inline_format_names(&text, lit.span(), &mut names);
                    out.extend(
                        names
                            .into_iter()
                            .filter(|n| !named.contains(&n.to_string())),
                    );
                }
            }
            TokenTree::Punct(_) => {}
        }
    }
}

fn inline_format_names(text: &str, span: proc_macro2::Span, out: &mut Vec<syn::Ident>) {
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        rest = &rest[open + 1..];
        if rest.starts_with('{') {
            rest = &rest[1..];
            continue;
        }
        let end = rest.find(['}', ':']).unwrap_or(rest.len());
        let name = rest[..end].trim();
        if !name.is_empty()
            && name.chars().all(|c| c.is_alphanumeric() || c == '_')
            && !name.starts_with(|c: char| c.is_ascii_digit())
        {
            out.push(syn::Ident::new(name, span));
        }
    }
}

/// Locals that `expr` certainly moves (or copies) when it runs to completion:
/// plain paths in value position that are evaluated unconditionally. Moves
/// inside branches, loops, closures and macro calls are not certain and are
/// not reported. Used to avoid storing a value that is gone.
pub(crate) fn certain_moves(expr: &Expr, out: &mut Vec<syn::Ident>) {
    match expr {
        Expr::Path(p) => {
            if let Some(ident) = p.path.get_ident()
                && p.qself.is_none()
            {
                out.push(ident.clone());
            }
        }
        Expr::Call(call) => {
            certain_moves_place(&call.func, out);
            call.args.iter().for_each(|a| certain_moves(a, out));
        }
        Expr::MethodCall(call) => {
            if consumes_receiver(&call.method) {
                certain_moves(&call.receiver, out);
            } else {
                certain_moves_place(&call.receiver, out);
            }
            call.args.iter().for_each(|a| certain_moves(a, out));
        }
        Expr::Tuple(t) => t.elems.iter().for_each(|e| certain_moves(e, out)),
        Expr::Array(a) => a.elems.iter().for_each(|e| certain_moves(e, out)),
        Expr::Struct(s) => {
            s.fields.iter().for_each(|f| certain_moves(&f.expr, out));
            if let Some(rest) = &s.rest {
                certain_moves_place(rest, out);
            }
        }
        Expr::Paren(p) => certain_moves(&p.expr, out),
        Expr::Group(g) => certain_moves(&g.expr, out),
        Expr::Cast(c) => certain_moves(&c.expr, out),
        // `r?` is `branch(r)`.
        Expr::Try(t) => certain_moves(&t.expr, out),
        Expr::Macro(m) => vec_macro_elements(&m.mac)
            .iter()
            .flatten()
            .for_each(|e| certain_moves(e, out)),
        Expr::Return(r) => {
            if let Some(e) = &r.expr {
                certain_moves(e, out);
            }
        }
        Expr::Let(l) => {
            if pattern_moves(&l.pat) {
                certain_moves(&l.expr, out);
            } else {
                certain_moves_place(&l.expr, out);
            }
        }
        Expr::Match(m) => {
            if m.arms.iter().any(|arm| pattern_moves(&arm.pat)) {
                certain_moves(&m.expr, out);
            } else {
                certain_moves_place(&m.expr, out);
            }
        }
        Expr::If(i) => certain_moves(&i.cond, out),
        Expr::Assign(a) => certain_moves(&a.right, out),
        Expr::Binary(b) => match b.op {
            syn::BinOp::And(_) | syn::BinOp::Or(_) => certain_moves_place(&b.left, out),
            syn::BinOp::Eq(_)
            | syn::BinOp::Ne(_)
            | syn::BinOp::Lt(_)
            | syn::BinOp::Le(_)
            | syn::BinOp::Gt(_)
            | syn::BinOp::Ge(_) => {
                certain_moves_place(&b.left, out);
                certain_moves_place(&b.right, out);
            }
            _ => {
                certain_moves(&b.left, out);
                certain_moves(&b.right, out);
            }
        },
        Expr::Closure(c) if c.capture.is_some() => {
            let params: Vec<Pat> = c.inputs.iter().cloned().collect();
            out.extend(Captures::of(&params, &c.body).whole);
        }
        Expr::Async(a) if a.capture.is_some() => {
            out.extend(Captures::of(&[], &async_body(a)).whole);
        }
        // Without `move`, what the body consumes is captured by value.
        Expr::Closure(c) => {
            let params: Vec<Pat> = c.inputs.iter().cloned().collect();
            out.extend(Captures::of(&params, &c.body).consumed);
        }
        Expr::Async(a) => out.extend(Captures::of(&[], &async_body(a)).consumed),
        _ => certain_moves_place(expr, out),
    }
}

/// An async block's body as an expression, for [`Captures::of`].
pub(crate) fn async_body(a: &syn::ExprAsync) -> Expr {
    Expr::Block(syn::ExprBlock {
        attrs: Vec::new(),
        label: None,
        block: a.block.clone(),
    })
}

thread_local! {
    /// The methods the function being expanded lists in `takes_self(..)`
    /// (see [`with_methods_taking_self`]).
    static TAKES_SELF: std::cell::RefCell<Vec<String>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// Runs `expand` with `methods` counted as taking `self` by value, as the
/// attribute's `takes_self(..)` says. Every stage asks
/// [`consumes_receiver`], from visitors deep inside the scans, so the list
/// is set for the expansion rather than passed through all of them; it is
/// cleared afterwards, also when `expand` panics.
pub(crate) fn with_methods_taking_self<R>(methods: &[syn::Ident], expand: impl FnOnce() -> R) -> R {
    struct Clear;
    impl Drop for Clear {
        fn drop(&mut self) {
            TAKES_SELF.with(|m| m.borrow_mut().clear());
        }
    }
    TAKES_SELF.with(|m| *m.borrow_mut() = methods.iter().map(|m| m.to_string()).collect());
    let _clear = Clear;
    expand()
}

/// Methods that take `self` by value on every std type that has them, by
/// the API guidelines' naming convention (`into_*`, `TryInto::try_into`,
/// `unwrap*`, `expect*`), and those the user
/// lists in `takes_self(..)`. Any other method may borrow its receiver, so
/// the receiver is kept (a wrong guess there is a compile error, never a
/// changed drop order). On a local receiver the never-run copy checks that
/// the call does take it (`__private::checks_the_call`), except for `into`
/// and `try_into`, which blanket impls give every type.
/// Also the adaptors of `Option`, `Result` and iterators, and `into_iter`
/// ([`checked_adaptor`]), which the never-run copy checks by their owners.
pub(crate) fn consumes_receiver(method: &syn::Ident) -> bool {
    let name = method.to_string();
    name.starts_with("into")
        || name == "try_into"
        || name.starts_with("unwrap")
        || name.starts_with("expect")
        || TAKES_SELF.with(|m| m.borrow().contains(&name))
        || local_adaptor(&name).is_some()
}

/// The types whose own method of a name takes `self`, for a local receiver
/// of that name (see [`checked_adaptor`]). Each is a marker type of
/// `statemachine_runtime::__private` that the never-run copy names.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum AdaptorOwners {
    /// `Option`, `Result`, `Iterator` and arrays (`map`).
    OptionResultIteratorArray,
    /// `Option`, `Result` and `Iterator` (`inspect`).
    OptionResultIterator,
    /// `Option` and `Result` (`and_then`, `map_or`).
    OptionResult,
    /// `Option` and `Iterator` (`filter`, `zip`).
    OptionIterator,
    /// `Option` alone (`ok_or`, `is_some_and`).
    Option,
    /// `Result` alone (`ok`, `map_err`).
    Result,
    /// `Iterator` alone (`enumerate`, `collect`).
    Iterator,
    /// `IntoIterator` (`into_iter`).
    IntoIterator,
    /// `IntoFuture` (`into_future`).
    IntoFuture,
}

/// The std trait an [`AdaptorOwners`]' method comes from, which must be in
/// scope at the call for the method to be the one the check accepts.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum OwnersTrait {
    /// Inherent methods only (`Option`, `Result`, arrays).
    None,
    /// `Iterator`'s (`map`, `enumerate`).
    Iterator,
    /// `IntoIterator`'s (`into_iter`).
    IntoIterator,
    /// `IntoFuture`'s (`into_future`).
    IntoFuture,
}

impl AdaptorOwners {
    /// The std trait whose method of the name the check accepts.
    pub(crate) fn trait_in_scope(self) -> OwnersTrait {
        match self {
            AdaptorOwners::OptionResultIteratorArray
            | AdaptorOwners::OptionResultIterator
            | AdaptorOwners::OptionIterator
            | AdaptorOwners::Iterator => OwnersTrait::Iterator,
            AdaptorOwners::IntoIterator => OwnersTrait::IntoIterator,
            AdaptorOwners::IntoFuture => OwnersTrait::IntoFuture,
            AdaptorOwners::OptionResult | AdaptorOwners::Option | AdaptorOwners::Result => {
                OwnersTrait::None
            }
        }
    }

    /// The marker type's name in `statemachine_runtime::__private`.
    pub(crate) fn marker(self) -> &'static str {
        match self {
            AdaptorOwners::OptionResultIteratorArray => "AnOptionAResultAnIteratorOrAnArray",
            AdaptorOwners::OptionResultIterator => "AnOptionAResultOrAnIterator",
            AdaptorOwners::OptionResult => "AnOptionOrAResult",
            AdaptorOwners::OptionIterator => "AnOptionOrAnIterator",
            AdaptorOwners::Option => "AnOption",
            AdaptorOwners::Result => "AResult",
            AdaptorOwners::Iterator => "AnIterator",
            AdaptorOwners::IntoIterator => "AnIntoIterator",
            AdaptorOwners::IntoFuture => "AnIntoFuture",
        }
    }
}

/// The owners of `method` if [`consumes_receiver`] takes it to consume a
/// local only because `Option`, `Result` or iterators have a method of that
/// name that takes `self` (`user.map(..)`, `it.filter(..)`). Another type's
/// method of that name may borrow the local, which the machine would then
/// drop early, so the never-run copy checks that the local is one of the
/// owners (`__private::AdaptorReceiver`). Method probing tries methods that
/// take the receiver by value before those that borrow it, and a type's own
/// methods before traits', so on an owner the call is the owner's method.
/// Not if the user lists the name in `takes_self(..)`.
pub(crate) fn checked_adaptor(method: &syn::Ident) -> Option<AdaptorOwners> {
    let name = method.to_string();
    if TAKES_SELF.with(|m| m.borrow().contains(&name)) {
        return None;
    }
    local_adaptor(&name)
}

/// Methods that take `self` on every `Option<T>`, `Result<T, E>` or
/// iterator, stable on the supported toolchains, and `into_iter` and
/// `into_future`, taken to consume a local receiver, with the types that
/// own each (see [`checked_adaptor`]). A trait's method among them
/// (`Iterator::map`, `IntoIterator::into_iter`) would be ambiguous with the
/// check that `consumes_receiver`'s other names get.
/// Left out: names other common types borrow with (`Option::take(&mut
/// self)`, a slice's `last`, `count`, `max`), aggregates a user's type may
/// well have (`sum`, `fold`), `chain` (`io::Read`'s takes `self` too, on
/// types the check would refuse), and methods that need more of the
/// receiver than being an owner (`flatten`, `rev`, `copied`, `transpose`),
/// which another method of the name could then win.
fn local_adaptor(name: &str) -> Option<AdaptorOwners> {
    use AdaptorOwners::*;
    Some(match name {
        "map" => OptionResultIteratorArray,
        "inspect" => OptionResultIterator,
        "map_or" | "map_or_else" | "and_then" | "or_else" => OptionResult,
        "filter" | "zip" => OptionIterator,
        "ok_or" | "ok_or_else" | "is_some_and" | "is_none_or" => Option,
        "ok" | "err" | "map_err" | "inspect_err" | "is_ok_and" | "is_err_and" => Result,
        "filter_map" | "flat_map" | "enumerate" | "skip" | "step_by" | "peekable" | "fuse"
        | "take_while" | "skip_while" | "map_while" | "collect" | "for_each" | "max_by_key"
        | "min_by_key" => Iterator,
        "into_iter" => IntoIterator,
        "into_future" => IntoFuture,
        _ => return None,
    })
}

/// How the machine holds a method's receiver that is an indexed place
/// (`v[i]`, `s.rows[i]`, see [`held_receiver`]) across an argument that
/// awaits. rustc takes the receiver before the arguments, by the method's
/// receiver type, which a macro cannot see; the choice here is by the
/// method's name.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum HeldReceiver {
    /// Borrowed `&` before the arguments and called through that borrow:
    /// any method not known to take `self` or `&mut self`. One that needs
    /// `&mut self` is E0596 there.
    Shared,
    /// Borrowed `&mut`: a method of the std collections, strings and
    /// operator traits known to take `&mut self` (`push`, `insert`,
    /// `add_assign`), so that `IndexMut` is called where rustc calls it.
    Unique,
}

/// [`HeldReceiver`] for `call`, if its receiver is a place other than a
/// plain path, field or dereference of one (which the machine reads in
/// place): an index, or a field or dereference of one or of a value
/// (`v[i]`, `*v[i]`, `*v.last_mut().unwrap()`, `make().0`), and an
/// argument awaits. `None` also for a method known to take `self` on every
/// std type that has it ([`consumes_receiver`] and the arithmetic of the
/// number types: `max`, `wrapping_add`): its receiver is copied out before
/// the arguments, as rustc copies it.
pub(crate) fn held_receiver(call: &syn::ExprMethodCall) -> Option<HeldReceiver> {
    let receiver = peel_parens(&call.receiver);
    if !is_place_like(receiver) || is_pure_place(receiver) || !call.args.iter().any(has_await) {
        return None;
    }
    let name = call.method.to_string();
    let arithmetic = ["checked_", "wrapping_", "saturating_", "overflowing_"]
        .iter()
        .any(|prefix| name.starts_with(prefix));
    let by_value = arithmetic
        || consumes_receiver(&call.method)
        || matches!(
            name.as_str(),
            "max" | "min" | "clamp" | "pow" | "abs_diff" | "rem_euclid" | "div_euclid"
        );
    if by_value {
        return None;
    }
    let by_unique_reference = name.ends_with("_assign")
        || matches!(
            name.as_str(),
            "push"
                | "push_str"
                | "push_back"
                | "push_front"
                | "insert"
                | "insert_str"
                | "extend"
                | "extend_from_slice"
                | "append"
                | "truncate"
                | "resize"
                | "retain"
                | "remove"
                | "swap_remove"
                | "split_off"
                | "reserve"
                | "fill"
                | "copy_from_slice"
                | "clone_from_slice"
                | "entry"
                | "get_mut"
                | "get_or_insert_with"
                | "write_str"
                | "write_all"
                | "swap"
                | "drain"
                | "splice"
                | "sort_by"
                | "sort_by_key"
        );
    Some(if by_unique_reference {
        HeldReceiver::Unique
    } else {
        HeldReceiver::Shared
    })
}

/// Methods that take `self` by value on every standard type that has
/// them: [`consumes_receiver`], and the adaptors and consumers of
/// `Iterator`, `Option` and `Result` (`map`, `filter`, `collect`, `sum`,
/// `ok_or`, ...); `take` and `last` only on a receiver that is visibly an
/// iterator (`s.chars().take(3)`), as a slice's `last` and an `Option`'s
/// `take` borrow theirs. A temporary of the lowering that is the receiver
/// of one is moved there, not kept to the end of its statement. Any other
/// method may borrow its receiver, so its temporary receiver is kept, as
/// rustc keeps it; a method that takes it by value then is E0382 or E0507
/// (a fluent builder, `query(..).bind(x)`, unless listed in
/// `takes_self(..)`). A user method of one of these names that borrows its
/// temporary receiver drops it at the call instead.
pub(crate) fn takes_receiver(call: &syn::ExprMethodCall) -> bool {
    let method = &call.method;
    match method.to_string().as_str() {
        "take" | "last" => is_iterator(&call.receiver),
        name => {
            consumes_receiver(method)
                || ITERATOR_ADAPTORS.contains(&name)
                || OPTION_AND_RESULT_BY_VALUE.contains(&name)
        }
    }
}

/// Adaptors and consumers of `Iterator`, which take it by value (`take`
/// and `last` are not listed: see [`takes_receiver`]).
const ITERATOR_ADAPTORS: &[&str] = &[
    "map",
    "filter",
    "filter_map",
    "flat_map",
    "flatten",
    "enumerate",
    "zip",
    "chain",
    "skip",
    "step_by",
    "rev",
    "cloned",
    "copied",
    "peekable",
    "fuse",
    "inspect",
    "scan",
    "take_while",
    "skip_while",
    "map_while",
    "collect",
    "sum",
    "product",
    "count",
    "fold",
    "reduce",
    "for_each",
    "max",
    "min",
    "max_by",
    "min_by",
    "max_by_key",
    "min_by_key",
    "unzip",
    "partition",
];

/// Methods of `Option` and `Result` that take it by value.
const OPTION_AND_RESULT_BY_VALUE: &[&str] = &[
    "and_then",
    "ok",
    "err",
    "ok_or",
    "ok_or_else",
    "map_err",
    "map_or",
    "map_or_else",
    "or_else",
];

/// What the machine does with a `for` loop's item whose pattern leaves part
/// of it (`_`, `(a, _)`), which rustc keeps in its `match` on `next()` to
/// the end of the iteration, across the body's awaits.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum ForItem {
    /// Moved into the pattern: it takes all of the item, what it leaves
    /// visibly owns nothing, or the body does not await.
    Moved,
    /// Kept whole across the body's awaits; the never-run copy checks that
    /// the pattern's bindings by value only copy out of it.
    Kept,
    /// Moved, though the pattern leaves parts that may own something,
    /// beside a binding of a `&mut` borrow, which could not be copied out
    /// of a kept item (`for (x, _) in a.iter_mut().zip(b.iter())`): the
    /// never-run copy checks that each part left, a `_`, is `Copy`, so
    /// dropping it at the first await is dropping nothing.
    LeftPartsChecked,
}

/// [`ForItem`] for the loop `for pat in iter { body }`. Items that visibly
/// have no drop glue (`for _ in 0..n`) are not kept, which would only make
/// the state larger.
pub(crate) fn for_item(pat: &Pat, iter: &Expr, body: &[syn::Stmt]) -> ForItem {
    if awaits_after(body) == 0 {
        return ForItem::Moved;
    }
    match pattern_move(pat) {
        PatternMove::Whole => ForItem::Moved,
        PatternMove::Nothing if yields_items_without_drop_glue(iter) => ForItem::Moved,
        PatternMove::Nothing => ForItem::Kept,
        // Items that are `&mut` borrows own nothing, and a part bound
        // from one reborrows through it: kept, it could not move.
        PatternMove::Part if leaves_nothing_owned(pat, iter) => ForItem::Moved,
        PatternMove::Part if binds_a_mutable_borrow(pat, iter) && leaves_only_wildcards(pat) => {
            ForItem::LeftPartsChecked
        }
        PatternMove::Part => ForItem::Kept,
    }
}

/// Whether `pat` binds by value a part of each item of `iter` that is a
/// `&mut` borrow (see [`yields_mutable_borrows`]), following the pairs of
/// `enumerate` and `zip` as [`leaves_nothing_owned`] does: such a binding
/// reborrows, and could not be copied out of a kept item.
fn binds_a_mutable_borrow(pat: &Pat, iter: &Expr) -> bool {
    match (peel_parens(iter), pair_pattern(pat)) {
        (Expr::MethodCall(m), Some((left, right))) if m.method == "zip" && m.args.len() == 1 => {
            binds_a_mutable_borrow(left, &m.receiver) || binds_a_mutable_borrow(right, &m.args[0])
        }
        (Expr::MethodCall(m), Some((_, item))) if m.method == "enumerate" => {
            binds_a_mutable_borrow(item, &m.receiver)
        }
        (Expr::MethodCall(m), _) if passes_items_on(&m.method) && m.method != "enumerate" => {
            binds_a_mutable_borrow(pat, &m.receiver)
        }
        _ => yields_mutable_borrows(iter) && pattern_bindings(pat).iter().any(|b| !b.by_ref),
    }
}

/// The two parts of a pattern of a pair (`(a, b)`, also parenthesized),
/// as `enumerate` and `zip` yield.
fn pair_pattern(pat: &Pat) -> Option<(&Pat, &Pat)> {
    match pat {
        Pat::Tuple(t)
            if t.elems.len() == 2 && !t.elems.iter().any(|e| matches!(e, Pat::Rest(_))) =>
        {
            Some((&t.elems[0], &t.elems[1]))
        }
        Pat::Paren(p) => pair_pattern(&p.pat),
        _ => None,
    }
}

/// Whether every part `pat` leaves is a `_` (no `..`, no `ref` binding),
/// which the never-run copy can name and check.
fn leaves_only_wildcards(pat: &Pat) -> bool {
    struct Rest(bool);
    impl<'ast> Visit<'ast> for Rest {
        fn visit_pat_rest(&mut self, _: &'ast syn::PatRest) {
            self.0 = true;
        }
        fn visit_pat_struct(&mut self, p: &'ast syn::PatStruct) {
            self.0 |= p.rest.is_some();
            syn::visit::visit_pat_struct(self, p);
        }
        fn visit_pat_ident(&mut self, p: &'ast syn::PatIdent) {
            self.0 |= p.by_ref.is_some();
            syn::visit::visit_pat_ident(self, p);
        }
        fn visit_pat_reference(&mut self, _: &'ast syn::PatReference) {
            self.0 = true;
        }
    }
    let mut rest = Rest(false);
    rest.visit_pat(pat);
    !rest.0
}

/// Whether what `pat` leaves of each item of the iterator `iter` visibly
/// owns nothing: a part the pattern binds whole leaves nothing, a `&mut`
/// borrow owns nothing (see [`yields_mutable_borrows`]), and the pairs of
/// `enumerate` and `zip` are followed part by part, so that `for (x, _) in
/// a.iter_mut().zip(owned)` leaves an owned item.
fn leaves_nothing_owned(pat: &Pat, iter: &Expr) -> bool {
    if pattern_move(pat) == PatternMove::Whole {
        return true;
    }
    let pair = pair_pattern(pat);
    match peel_parens(iter) {
        Expr::MethodCall(m) if m.method == "zip" && m.args.len() == 1 => match pair {
            Some((left, right)) => {
                leaves_nothing_owned(left, &m.receiver) && leaves_nothing_owned(right, &m.args[0])
            }
            None => yields_mutable_borrows(iter),
        },
        // The index is a `usize`.
        Expr::MethodCall(m) if m.method == "enumerate" => match pair {
            Some((_, item)) => leaves_nothing_owned(item, &m.receiver),
            None => yields_mutable_borrows(iter),
        },
        Expr::MethodCall(m) if passes_items_on(&m.method) => leaves_nothing_owned(pat, &m.receiver),
        _ => yields_mutable_borrows(iter) || yields_items_without_drop_glue(iter),
    }
}

/// Whether the items of the iterator `expr` are visibly `&mut` borrows, or
/// tuples of them with indices: `v.iter_mut()`, `m.values_mut()`, `&mut v`
/// (also `&mut it` for an iterator `it`, whose items may be owned: what a
/// pattern binding part of one leaves then drops at the first await, see
/// the README), through the adaptors that pass items on (see
/// [`through_adaptors`]), and `zip`s of two such iterators.
fn yields_mutable_borrows(expr: &Expr) -> bool {
    match through_adaptors(expr) {
        Expr::Reference(r) => r.mutability.is_some(),
        Expr::MethodCall(m) if m.method == "zip" && m.args.len() == 1 => {
            yields_mutable_borrows(&m.receiver) && yields_mutable_borrows(&m.args[0])
        }
        Expr::MethodCall(m) => matches!(
            m.method.to_string().as_str(),
            "iter_mut"
                | "values_mut"
                | "chunks_mut"
                | "chunks_exact_mut"
                | "rchunks_mut"
                | "split_mut"
        ),
        _ => false,
    }
}

/// The names of a path's segments (`["tokio", "join"]`).
pub(crate) fn path_names(path: &syn::Path) -> Vec<String> {
    path.segments.iter().map(|s| s.ident.to_string()).collect()
}

/// Whether the iterator adaptor `method` yields its iterator's items, or
/// pairs them with an index (`enumerate`).
fn passes_items_on(method: &syn::Ident) -> bool {
    matches!(
        method.to_string().as_str(),
        "enumerate"
            | "rev"
            | "skip"
            | "take"
            | "step_by"
            | "filter"
            | "skip_while"
            | "take_while"
            | "peekable"
            | "fuse"
            | "inspect"
    )
}

/// The iterator under the adaptors that pass its items on (see
/// [`passes_items_on`]).
fn through_adaptors(expr: &Expr) -> &Expr {
    match peel_parens(expr) {
        Expr::MethodCall(m) if passes_items_on(&m.method) => through_adaptors(&m.receiver),
        other => other,
    }
}

/// Whether the items of the iterator `expr` (a `for` loop's) visibly have
/// no drop glue: a range (of integers or `char`s: `Step` is std's), through
/// adaptors that pass items on or pair them with an index (`enumerate`,
/// `rev`, `skip`, `filter`). What a `for` pattern leaves of such an item
/// owes no drop, so the machine need not keep it. Not a borrow or `iter()`:
/// `&mut it` and a user's `iter()` may yield owned items.
pub(crate) fn yields_items_without_drop_glue(expr: &Expr) -> bool {
    matches!(through_adaptors(expr), Expr::Range(_))
}

/// Whether `expr` is visibly an iterator: a range, or a call of a method
/// that returns one (`iter`, `chars`, `split`, an adaptor, ...).
fn is_iterator(expr: &Expr) -> bool {
    match peel_parens(expr) {
        Expr::Range(_) => true,
        Expr::MethodCall(m) if m.method == "take" => is_iterator(&m.receiver),
        Expr::MethodCall(m) => {
            let name = m.method.to_string();
            ITERATOR_ADAPTORS.contains(&name.as_str())
                || matches!(
                    name.as_str(),
                    "iter"
                        | "iter_mut"
                        | "into_iter"
                        | "chars"
                        | "char_indices"
                        | "bytes"
                        | "lines"
                        | "split"
                        | "rsplit"
                        | "splitn"
                        | "split_terminator"
                        | "split_whitespace"
                        | "split_ascii_whitespace"
                        | "windows"
                        | "chunks"
                        | "chunks_exact"
                        | "rchunks"
                        | "keys"
                        | "values"
                        | "values_mut"
                        | "drain"
                )
        }
        _ => false,
    }
}

/// How much of a value a pattern moves out when it matches the value in
/// place (`let PAT = x;`, `match x { PAT => .. }`, `if let PAT = x`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum PatternMove {
    /// Nothing: `_`, `ref x`, `&x`, a constant. The value stays whole.
    Nothing,
    /// Some parts, leaving others that still drop with the value at the end
    /// of its scope: `(a, _)`, `S { a, .. }`, `(ref a, b)`.
    Part,
    /// All of it: `x`, `(a, b)`, `Some(v)`.
    Whole,
}

/// What `pat` moves out of the value it matches (see [`PatternMove`]).
///
/// Parts matched by a literal, a range, a constant block or `None` move
/// nothing and leave nothing that needs dropping, and neither do parts
/// matched through a reference (`(a, &b)`): they count as moved. A unit
/// path other than `None` (`E::A`, a constant) and a constructor that moves
/// nothing leave the value: its type may have a `Drop` impl.
///
/// A by-value binding moves its part unless the part is `Copy`, which the
/// macro cannot see. That matters only under a constructor whose type has a
/// `Drop` impl (its fields can only be copied out, and the value stays):
/// `Some`, `Ok`, `Err`, tuples and arrays have none; a top-level constructor
/// of another type counts as moving the whole, which the shadow body checks
/// (see [`user_constructor_at_top`]); a nested one counts as a part.
pub(crate) fn pattern_move(pat: &Pat) -> PatternMove {
    match pat {
        Pat::Reference(_) => PatternMove::Nothing,
        // A literal or `None` leaves nothing to drop: as good as moved.
        _ => match part_move(pat, true) {
            Part::Moved | Part::Complete => PatternMove::Whole,
            Part::Some => PatternMove::Part,
            Part::None => PatternMove::Nothing,
        },
    }
}

/// What a sub-pattern does to its part.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    /// Moves all of it.
    Moved,
    /// Moves some of it.
    Some,
    /// Moves nothing; what is left drops with the value.
    None,
    /// Moves nothing and leaves nothing to drop (a literal, `None`).
    Complete,
}

fn part_move(pat: &Pat, top: bool) -> Part {
    let combine = |parts: Vec<Part>, rest: bool| {
        let moved = parts.contains(&Part::Moved);
        if moved
            && !rest
            && parts
                .iter()
                .all(|&m| matches!(m, Part::Moved | Part::Complete))
        {
            Part::Moved
        } else if moved || parts.contains(&Part::Some) {
            Part::Some
        } else if !rest && parts.iter().all(|&m| m == Part::Complete) {
            Part::Complete
        } else {
            Part::None
        }
    };
    // A constructor that may have a `Drop` impl keeps the value when it
    // moves nothing, and counts as a part below the top when it moves.
    let constructor = |path: &syn::Path, moved: Part| match moved {
        _ if is_std_constructor(path) => moved,
        Part::Complete => Part::None,
        Part::Moved if !top => Part::Some,
        _ => moved,
    };
    match pat {
        Pat::Ident(p) if !binds(p) => Part::Complete,
        Pat::Ident(p) if p.by_ref.is_some() => match &p.subpat {
            Some(_) => Part::Some,
            None => Part::None,
        },
        Pat::Ident(_) => Part::Moved,
        Pat::Wild(_) | Pat::Rest(_) => Part::None,
        Pat::Path(p) if !p.path.is_ident("None") => Part::None,
        Pat::Lit(_) | Pat::Range(_) | Pat::Path(_) | Pat::Const(_) | Pat::Reference(_) => {
            Part::Complete
        }
        Pat::Paren(p) => part_move(&p.pat, top),
        Pat::Type(t) => part_move(&t.pat, top),
        Pat::Or(or) => {
            let cases: Vec<Part> = or.cases.iter().map(|c| part_move(c, top)).collect();
            if cases.iter().all(|&m| m == cases[0]) {
                cases[0]
            } else {
                Part::Some
            }
        }
        Pat::Tuple(t) => elements(&t.elems, false, combine),
        Pat::TupleStruct(t) => constructor(&t.path, elements(&t.elems, false, combine)),
        Pat::Slice(s) => elements(&s.elems, false, combine),
        Pat::Struct(s) => constructor(
            &s.path,
            combine(
                s.fields.iter().map(|f| part_move(&f.pat, false)).collect(),
                s.rest.is_some(),
            ),
        ),
        // A macro's pattern is not visible: keeping the value is safe (if
        // it did move, keeping it is rustc's error E0382).
        _ => Part::None,
    }
}

fn elements(
    elems: &syn::punctuated::Punctuated<Pat, syn::Token![,]>,
    top: bool,
    combine: impl Fn(Vec<Part>, bool) -> Part,
) -> Part {
    let rest = elems.iter().any(|e| matches!(e, Pat::Rest(_)));
    let parts = elems
        .iter()
        .filter(|e| !matches!(e, Pat::Rest(_)))
        .map(|e| part_move(e, top))
        .collect();
    combine(parts, rest)
}

/// `Some`, `Ok`, `Err`: constructors of types without a `Drop` impl.
fn is_std_constructor(path: &syn::Path) -> bool {
    path.segments
        .last()
        .is_some_and(|s| matches!(s.ident.to_string().as_str(), "Some" | "Ok" | "Err"))
}

/// A pattern the macro reads as moving the whole value through a
/// constructor that may have a `Drop` impl (`P(a, b)`, `E::B { x }`): the
/// shadow body checks that it has none.
pub(crate) fn user_constructor_at_top(pat: &Pat) -> bool {
    let user = |path: &syn::Path| !is_std_constructor(path);
    let moves = pattern_move(pat) == PatternMove::Whole;
    moves
        && match pat {
            Pat::TupleStruct(t) => user(&t.path),
            Pat::Struct(s) => user(&s.path),
            Pat::Paren(p) => user_constructor_at_top(&p.pat),
            Pat::Type(t) => user_constructor_at_top(&t.pat),
            Pat::Or(or) => or.cases.iter().any(user_constructor_at_top),
            _ => false,
        }
}

/// Whether matching `pat` against a local moves all of it, so the local
/// need not be kept: see [`pattern_move`].
pub(crate) fn pattern_moves(pat: &Pat) -> bool {
    pattern_move(pat) == PatternMove::Whole
}

/// Whether `pat` moves the whole value it matches into bindings by value
/// (`Some(v)`, `(a, b)`): matched on a slot, the value can then be taken out
/// of the slot whole when the pattern matches.
pub(crate) fn takes_whole(pat: &Pat) -> bool {
    pattern_moves(pat) && pattern_bindings(pat).iter().any(|b| !b.by_ref)
}

/// Moves made while evaluating `expr` as a place (receiver, borrow operand,
/// scrutinee): only its unconditional subexpressions in value position.
/// The elements `vec![a, b]` or `vec![x; n]` moves into the vector (the
/// macro the project can see into; others may move or borrow their tokens).
fn vec_macro_elements(mac: &syn::Macro) -> Option<Vec<Expr>> {
    if mac.path.segments.last().is_none_or(|s| s.ident != "vec") {
        return None;
    }
    let list =
        mac.parse_body_with(syn::punctuated::Punctuated::<Expr, syn::Token![,]>::parse_terminated);
    if let Ok(list) = list {
        return Some(list.into_iter().collect());
    }
    mac.parse_body_with(|input: syn::parse::ParseStream<'_>| {
        let element: Expr = input.parse()?;
        input.parse::<syn::Token![;]>()?;
        input.parse::<Expr>()?;
        Ok(vec![element])
    })
    .ok()
}

fn certain_moves_place(expr: &Expr, out: &mut Vec<syn::Ident>) {
    match expr {
        Expr::Path(_) | Expr::Lit(_) => {}
        Expr::Field(f) => certain_moves_place(&f.base, out),
        Expr::Index(i) => {
            certain_moves_place(&i.expr, out);
            certain_moves(&i.index, out);
        }
        Expr::Reference(r) => certain_moves_place(&r.expr, out),
        Expr::Unary(u) => match u.op {
            syn::UnOp::Deref(_) => certain_moves_place(&u.expr, out),
            _ => certain_moves(&u.expr, out),
        },
        Expr::Paren(p) => certain_moves_place(&p.expr, out),
        Expr::Call(_) | Expr::MethodCall(_) | Expr::Tuple(_) | Expr::Struct(_) | Expr::Array(_) => {
            certain_moves(expr, out)
        }
        _ => {}
    }
}

/// Local names assigned as a whole by `expr` at its top level (`x = ..`,
/// `(x, y) = ..`).
pub(crate) fn assigned_locals(expr: &Expr) -> Vec<&syn::Ident> {
    /// The locals an assignee expression names whole: `x`, and those of a
    /// destructuring assignment (`(a, [b, _], S { f: c, .. }, T(d))`).
    fn assignees<'e>(left: &'e Expr, out: &mut Vec<&'e syn::Ident>) {
        match left {
            Expr::Path(p) if p.qself.is_none() => out.extend(p.path.get_ident()),
            Expr::Paren(p) => assignees(&p.expr, out),
            Expr::Tuple(t) => t.elems.iter().for_each(|e| assignees(e, out)),
            Expr::Array(a) => a.elems.iter().for_each(|e| assignees(e, out)),
            Expr::Call(c) => c.args.iter().for_each(|e| assignees(e, out)),
            Expr::Struct(s) => s.fields.iter().for_each(|f| assignees(&f.expr, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    if let Expr::Assign(a) = expr {
        assignees(&a.left, &mut out);
    }
    out
}

/// Whether `expr` assigns, inside it (not as `expr` itself, nor in a
/// closure, an `async` block or an item), a local `is_target` accepts.
pub(crate) fn assigns_inside(expr: &Expr, is_target: &dyn Fn(&syn::Ident) -> bool) -> bool {
    struct Assignments<'a> {
        is_target: &'a dyn Fn(&syn::Ident) -> bool,
        found: bool,
    }
    impl<'ast> Visit<'ast> for Assignments<'_> {
        fn visit_expr(&mut self, e: &'ast Expr) {
            self.found |= assigned_locals(e).into_iter().any(self.is_target);
            syn::visit::visit_expr(self, e);
        }
        fn visit_expr_closure(&mut self, _: &'ast syn::ExprClosure) {}
        fn visit_expr_async(&mut self, _: &'ast syn::ExprAsync) {}
        fn visit_item(&mut self, _: &'ast syn::Item) {}
    }
    let mut assignments = Assignments {
        is_target,
        found: false,
    };
    match expr {
        Expr::Assign(a) => {
            assignments.visit_expr(&a.left);
            assignments.visit_expr(&a.right);
        }
        other => syn::visit::visit_expr(&mut assignments, other),
    }
    assignments.found
}

/// Is `expr` a place made only of locals, fields and derefs, whose evaluation
/// has no side effects (so borrowing it later is the same as borrowing it now)?
pub(crate) fn is_pure_place(expr: &Expr) -> bool {
    match expr {
        Expr::Path(p) => p.qself.is_none(),
        Expr::Field(f) => is_pure_place(&f.base),
        Expr::Paren(p) => is_pure_place(&p.expr),
        Expr::Unary(u) if matches!(u.op, syn::UnOp::Deref(_)) => is_pure_place(&u.expr),
        _ => false,
    }
}

/// Is `expr` a place expression by its form (a path, field, index or
/// dereference), whatever its base? `&f()[..]` borrows a place.
pub(crate) fn is_place_like(expr: &Expr) -> bool {
    match expr {
        Expr::Path(_) | Expr::Field(_) | Expr::Index(_) => true,
        Expr::Unary(u) => matches!(u.op, syn::UnOp::Deref(_)),
        Expr::Paren(p) => is_place_like(&p.expr),
        _ => false,
    }
}

/// A place expression whose evaluation makes no temporary: a pure place, or
/// an index or field of one (`v[..]`, `m[i].x`) with an index that makes none.
/// Borrowing it borrows the place (`&v[..]` is a `&[T]` into `v`), where an
/// rvalue would be a temporary.
pub(crate) fn is_place_expr(expr: &Expr) -> bool {
    match expr {
        Expr::Index(i) => is_place_expr(&i.expr) && !creates_temporary(&i.index),
        Expr::Field(f) => is_place_expr(&f.base),
        Expr::Paren(p) => is_place_expr(&p.expr),
        _ => is_pure_place(expr),
    }
}

/// Is `ty` written as a type without drop glue, which the machine may forget
/// once it is dead (as rustc does): a reference, a raw pointer, `Pin` of a
/// reference, a primitive, or an array or tuple of those. A type the user
/// declared under a primitive's name (`struct u8(String)`) would be taken
/// for the primitive: such a value is then dropped at the first await after
/// its last use instead of at the end of its scope.
/// Whether a parameter of type `ty` visibly holds no reference: a
/// primitive, `String`, or an array, tuple, `Vec`, `Option` or `Box` of
/// such. Any other type may be an alias or a struct hiding a `&mut` (`type
/// M<'a> = &'a mut Vec<u8>`), through which the body could reborrow what
/// it later changes.
pub(crate) fn is_plainly_owned_type(ty: &syn::Type) -> bool {
    use syn::Type;
    const PRIMITIVES: &[&str] = &[
        "bool", "char", "f32", "f64", "i8", "i16", "i32", "i64", "i128", "isize", "u8", "u16",
        "u32", "u64", "u128", "usize", "String",
    ];
    match ty {
        Type::Paren(p) => is_plainly_owned_type(&p.elem),
        Type::Group(g) => is_plainly_owned_type(&g.elem),
        Type::Array(a) => is_plainly_owned_type(&a.elem),
        Type::Tuple(t) => t.elems.iter().all(is_plainly_owned_type),
        Type::Path(p) if p.qself.is_none() && p.path.segments.len() == 1 => {
            let segment = &p.path.segments[0];
            match &segment.arguments {
                syn::PathArguments::None => PRIMITIVES.iter().any(|name| segment.ident == name),
                syn::PathArguments::AngleBracketed(args)
                    if ["Vec", "Option", "Box"].iter().any(|name| segment.ident == name) =>
                {
                    args.args.iter().all(|arg| {
                        matches!(arg, syn::GenericArgument::Type(t) if is_plainly_owned_type(t))
                    })
                }
                _ => false,
            }
        }
        _ => false,
    }
}

pub(crate) fn is_droppless_type(ty: &syn::Type) -> bool {
    use syn::Type;
    const PRIMITIVES: &[&str] = &[
        "bool", "char", "f32", "f64", "i8", "i16", "i32", "i64", "i128", "isize", "u8", "u16",
        "u32", "u64", "u128", "usize",
    ];
    match ty {
        Type::Reference(_) | Type::Ptr(_) | Type::Never(_) => true,
        Type::Paren(p) => is_droppless_type(&p.elem),
        Type::Group(g) => is_droppless_type(&g.elem),
        Type::Array(a) => is_droppless_type(&a.elem),
        Type::Tuple(t) => t.elems.iter().all(is_droppless_type),
        Type::Path(p) if p.qself.is_none() => {
            if let Some(name) = p.path.get_ident() {
                return PRIMITIVES.iter().any(|primitive| name == primitive);
            }
            let Some(last) = p.path.segments.last() else {
                return false;
            };
            if last.ident != "Pin" {
                return false;
            }
            match &last.arguments {
                syn::PathArguments::AngleBracketed(args) => {
                    matches!(
                        args.args.first(),
                        Some(syn::GenericArgument::Type(
                            Type::Reference(_) | Type::Ptr(_)
                        ))
                    )
                }
                _ => false,
            }
        }
        _ => false,
    }
}

/// Is `ty` a reference (`&T`, `&mut T`, `Pin<&mut T>`)?
pub(crate) fn is_reference_type(ty: &syn::Type) -> bool {
    use syn::Type;
    match ty {
        Type::Reference(_) => true,
        Type::Paren(p) => is_reference_type(&p.elem),
        Type::Group(g) => is_reference_type(&g.elem),
        Type::Path(p) if p.qself.is_none() => {
            let Some(last) = p.path.segments.last() else {
                return false;
            };
            last.ident == "Pin"
                && matches!(
                    &last.arguments,
                    syn::PathArguments::AngleBracketed(args)
                        if matches!(args.args.first(), Some(syn::GenericArgument::Type(Type::Reference(_))))
                )
        }
        _ => false,
    }
}

/// Does `expr` evaluate to a value without drop glue, whatever the types
/// around it: a borrow, a literal (or a negated one), or a cast to such a
/// type (`as` also coerces, `b as Box<dyn Any>`)?
pub(crate) fn is_droppless_value(expr: &Expr) -> bool {
    match expr {
        Expr::Reference(_) | Expr::RawAddr(_) => true,
        Expr::Cast(cast) => is_droppless_type(&cast.ty),
        Expr::Lit(lit) => !matches!(lit.lit, syn::Lit::Verbatim(_)),
        Expr::Unary(u) if matches!(u.op, syn::UnOp::Neg(_) | syn::UnOp::Not(_)) => {
            matches!(&*u.expr, Expr::Lit(_))
        }
        Expr::Paren(p) => is_droppless_value(&p.expr),
        Expr::Group(g) => is_droppless_value(&g.expr),
        _ => false,
    }
}

/// Is `expr` a call of a standard method that returns a number or a
/// `bool` (`len`, `is_*`, `contains`, ...), which has no drop glue?
pub(crate) fn returns_a_number_or_bool(expr: &Expr) -> bool {
    match expr {
        Expr::MethodCall(m) => {
            let name = m.method.to_string();
            name.starts_with("is_")
                || matches!(
                    name.as_str(),
                    "len" | "capacity" | "contains" | "contains_key" | "starts_with" | "ends_with"
                )
        }
        Expr::Paren(p) => returns_a_number_or_bool(&p.expr),
        _ => false,
    }
}

/// Is `expr` a constant operand that can be evaluated at any time?
pub(crate) fn is_constant(expr: &Expr) -> bool {
    match expr {
        Expr::Lit(_) => true,
        Expr::Path(p) => {
            p.path.segments.len() > 1
                || p.path
                    .get_ident()
                    .is_some_and(|i| i.to_string().starts_with(|c: char| c.is_uppercase()))
        }
        Expr::Paren(p) => is_constant(&p.expr),
        _ => false,
    }
}

/// Does this token stream contain `. await`?
pub(crate) fn tokens_have_await(tokens: &TokenStream) -> Option<proc_macro2::Span> {
    let mut prev_dot = false;
    for tree in tokens.clone() {
        match tree {
            TokenTree::Ident(ident) if prev_dot && ident == "await" => return Some(ident.span()),
            TokenTree::Group(group) => {
                if let Some(span) = tokens_have_await(&group.stream()) {
                    return Some(span);
                }
                prev_dot = false;
            }
            TokenTree::Punct(p) => prev_dot = p.as_char() == '.',
            _ => prev_dot = false,
        }
    }
    None
}

/// The arguments of a macro call that parse as expressions: a list
/// (`format!("{}", a, b)`, `vec![a, b]`) or `vec![value; count]`.
pub(crate) enum MacroArguments {
    List(syn::punctuated::Punctuated<Expr, syn::Token![,]>),
    Repeated(Box<Expr>, syn::Token![;], Box<Expr>),
}

impl MacroArguments {
    pub(crate) fn parse(mac: &syn::Macro) -> Option<Self> {
        use syn::parse::ParseStream;
        let repeated = |input: ParseStream| -> syn::Result<Self> {
            Ok(MacroArguments::Repeated(
                input.parse()?,
                input.parse()?,
                input.parse()?,
            ))
        };
        mac.parse_body_with(syn::punctuated::Punctuated::parse_terminated)
            .map(MacroArguments::List)
            .or_else(|_| mac.parse_body_with(repeated))
            .ok()
    }

    pub(crate) fn iter_mut(&mut self) -> Box<dyn Iterator<Item = &mut Expr> + '_> {
        match self {
            MacroArguments::List(list) => Box::new(list.iter_mut()),
            MacroArguments::Repeated(value, _, count) => {
                Box::new([&mut **value, &mut **count].into_iter())
            }
        }
    }
}

/// Rewrites each argument of `mac` that parse as [`MacroArguments`] with
/// `rewrite`, and writes them back; leaves other tokens as they are.
pub(crate) fn rewrite_macro_arguments(mac: &mut syn::Macro, rewrite: &mut dyn FnMut(&mut Expr)) {
    let Some(mut arguments) = MacroArguments::parse(mac) else {
        return;
    };
    for argument in arguments.iter_mut() {
        rewrite(argument);
    }
    mac.tokens = quote::ToTokens::into_token_stream(arguments);
}

/// [`rewrite_macro_arguments`] for a macro whose arguments the machine
/// reads as expressions (`format!`, `vec!`, ...; see [`arguments_are_read`]):
/// the machine's locals may be bound and its awaits may be there. Other
/// macros are left as they are.
pub(crate) fn rewrite_read_macro_arguments(
    mac: &mut syn::Macro,
    rewrite: &mut dyn FnMut(&mut Expr),
) {
    if arguments_are_read(&mac.path) {
        rewrite_macro_arguments(mac, rewrite);
    }
}

impl quote::ToTokens for MacroArguments {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        match self {
            MacroArguments::List(list) => list.to_tokens(tokens),
            MacroArguments::Repeated(value, semi, count) => {
                value.to_tokens(tokens);
                semi.to_tokens(tokens);
                count.to_tokens(tokens);
            }
        }
    }
}

/// Whether the machine reads a macro's arguments as expressions (to lower
/// awaits, rewrite exits): the formatting and assertion macros and `vec!`.
pub(crate) fn arguments_are_read(path: &syn::Path) -> bool {
    // `vec!` or `std::vec!`, as `vec_macro_elements` reads them.
    is_format_macro(path) || path.segments.last().is_some_and(|s| s.ident == "vec")
}

/// Every identifier in `tokens`, nested groups and keywords included (unlike
/// [`mentioned_idents`], which keeps only those that may name a local).
pub(crate) fn idents_in(tokens: TokenStream) -> Vec<syn::Ident> {
    fn collect(tokens: TokenStream, out: &mut Vec<syn::Ident>) {
        for token in tokens {
            match token {
                TokenTree::Ident(word) => out.push(word),
                TokenTree::Group(group) => collect(group.stream(), out),
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    collect(tokens, &mut out);
    out
}

/// Whether a macro call may assign the local `name` (`set!(x = v)`): the
/// machine sees no such assignment. A macro whose arguments it reads
/// (`format!`, `vec!`, ...) may only where an argument assigns it inside
/// (`format!("{}", { x = v; 1 })`; a formatting macro's `x = v` is a named
/// argument); any other, and one whose arguments do not parse, wherever
/// its tokens name it. Returns the mention to report.
pub(crate) fn macro_may_assign(mac: &syn::Macro, name: &str) -> Option<proc_macro2::Span> {
    struct Assigns<'a> {
        name: &'a str,
        found: Option<proc_macro2::Span>,
    }
    impl<'ast> Visit<'ast> for Assigns<'_> {
        // `x = v`, `(x, _) = v`.
        fn visit_expr_assign(&mut self, a: &'ast syn::ExprAssign) {
            let assign = Expr::Assign(a.clone());
            if let Some(name) = assigned_locals(&assign)
                .into_iter()
                .find(|name| *name == self.name)
            {
                self.found.get_or_insert(name.span());
            }
            syn::visit::visit_expr_assign(self, a);
        }
        fn visit_macro(&mut self, mac: &'ast syn::Macro) {
            if let Some(span) = macro_may_assign(mac, self.name) {
                self.found.get_or_insert(span);
            }
        }
    }
    let arguments = arguments_are_read(&mac.path)
        .then(|| MacroArguments::parse(mac))
        .flatten();
    let Some(mut arguments) = arguments else {
        return idents_in(mac.tokens.clone())
            .into_iter()
            .find(|word| word == name)
            .map(|word| word.span());
    };
    let mut assigns = Assigns { name, found: None };
    let format = is_format_macro(&mac.path);
    for argument in arguments.iter_mut() {
        match argument {
            // A named argument: its value is the expression.
            Expr::Assign(named) if format => assigns.visit_expr(&named.right),
            other => assigns.visit_expr(other),
        }
    }
    assigns.found
}

/// The names a macro call's arguments bind: the patterns of arguments
/// that parse ([`MacroArguments`], or `matches!(v, pat if guard)`, and so
/// inside nested macros), else, in tokens that do not, every `let [mut]
/// x`, `ref [mut] x` and `x =>`.
pub(crate) fn bindings_in_macro(mac: &syn::Macro) -> Vec<syn::Ident> {
    struct Bindings(Vec<syn::Ident>);
    impl<'ast> Visit<'ast> for Bindings {
        fn visit_pat_ident(&mut self, p: &'ast syn::PatIdent) {
            self.0.push(p.ident.clone());
            syn::visit::visit_pat_ident(self, p);
        }
        fn visit_macro(&mut self, mac: &'ast syn::Macro) {
            self.0.extend(bindings_in_macro(mac));
        }
    }
    // `matches!(v, pat)`, `matches!(v, pat if guard)`: the pattern as the
    // arm of a `match`, so that its bindings are visited.
    let matches = |input: syn::parse::ParseStream| -> syn::Result<Expr> {
        let value: Expr = input.parse()?;
        input.parse::<syn::Token![,]>()?;
        let rest: TokenStream = input.parse()?;
        syn::parse2(quote::quote!(match #value { #rest => true, _ => false }))
    };
    let mut bindings = Bindings(Vec::new());
    if let Some(mut arguments) = MacroArguments::parse(mac) {
        arguments.iter_mut().for_each(|a| bindings.visit_expr(a));
    } else if let Ok(arm) = mac.parse_body_with(matches) {
        bindings.visit_expr(&arm);
    } else {
        token_bindings(mac.tokens.clone(), &mut bindings.0);
    }
    bindings.0
}

fn token_bindings(tokens: TokenStream, names: &mut Vec<syn::Ident>) {
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    let punct =
        |i: usize, c: char| matches!(trees.get(i), Some(TokenTree::Punct(p)) if p.as_char() == c);
    for (i, tree) in trees.iter().enumerate() {
        match tree {
            TokenTree::Ident(kw) if kw == "let" || kw == "ref" => {
                let next = match trees.get(i + 1) {
                    Some(TokenTree::Ident(m)) if m == "mut" || m == "ref" => trees.get(i + 2),
                    other => other,
                };
                if let Some(TokenTree::Ident(name)) = next
                    && name != "mut"
                {
                    names.push(name.clone());
                }
            }
            TokenTree::Ident(name) if punct(i + 1, '=') && punct(i + 2, '>') => {
                names.push(name.clone());
            }
            TokenTree::Group(g) => token_bindings(g.stream(), names),
            _ => {}
        }
    }
}

/// Whether macro tokens hold a `?`, `return`, `break` or `continue`.
pub(crate) fn tokens_may_exit(tokens: &TokenStream) -> bool {
    tokens.clone().into_iter().any(|tree| match tree {
        TokenTree::Ident(i) => i == "return" || i == "break" || i == "continue",
        TokenTree::Punct(p) => p.as_char() == '?',
        TokenTree::Group(g) => tokens_may_exit(&g.stream()),
        TokenTree::Literal(_) => false,
    })
}

/// Is the statement syntactically diverging at its top level
/// (`return`, `break`, `continue`)?
pub(crate) fn diverges(expr: &Expr) -> bool {
    matches!(expr, Expr::Return(_) | Expr::Break(_) | Expr::Continue(_))
}

/// Does evaluating `expr` always leave it: `return`, `break` or
/// `continue`, or a block ending in one (or in `panic!` and the like)?
pub(crate) fn value_diverges(expr: &Expr) -> bool {
    leaves(expr, true)
}

/// Does `expr`'s value itself leave (`return 0`, `{ ..; break }`, `panic!()`),
/// rather than a statement before it (`{ return 0; }`, whose lowering ends
/// its block)? Such a value never reaches a join, where in edition 2021 its
/// `!` would fall back to `()`.
pub(crate) fn tail_diverges(expr: &Expr) -> bool {
    leaves(expr, false)
}

/// [`value_diverges`], or with `statement: false` [`tail_diverges`]: whether
/// a block's last statement may end in `;`.
fn leaves(expr: &Expr, statement: bool) -> bool {
    match peel_parens(expr) {
        e if diverges(e) => true,
        Expr::Block(b) if b.label.is_none() => block_leaves(&b.block, statement),
        Expr::Macro(m) => diverging_macro(&m.mac),
        _ => false,
    }
}

/// [`leaves`] for a block: by its last statement.
fn block_leaves(block: &syn::Block, statement: bool) -> bool {
    match block.stmts.last() {
        Some(syn::Stmt::Expr(e, semi)) => (statement || semi.is_none()) && leaves(e, statement),
        Some(syn::Stmt::Macro(m)) => {
            (statement || m.semi_token.is_none()) && diverging_macro(&m.mac)
        }
        _ => false,
    }
}

/// Is `mac` one of `std`'s macros that never return (`panic!`,
/// `unreachable!`, `todo!`, `unimplemented!`)? A user macro of the same
/// name that returns leaves its block without a value: a type error.
pub(crate) fn diverging_macro(mac: &syn::Macro) -> bool {
    mac.path.segments.last().is_some_and(|last| {
        matches!(
            last.ident.to_string().as_str(),
            "panic" | "unreachable" | "todo" | "unimplemented"
        )
    })
}

/// Locals assigned as a whole (`x = ...`) on every path through `expr`.
pub(crate) fn definitely_assigned(expr: &Expr) -> Vec<syn::Ident> {
    match expr {
        Expr::Assign(_) => assigned_locals(expr).into_iter().cloned().collect(),
        Expr::Paren(p) => definitely_assigned(&p.expr),
        Expr::Block(b) if b.label.is_none() => block_assigned(&b.block),
        // Left only by a `break` (a `loop` runs its body at least once):
        // what runs before the first statement that may break is definite.
        Expr::Block(b) => assigned_before_a_break(&b.block.stmts),
        Expr::Loop(l) => assigned_before_a_break(&l.body.stmts),
        Expr::Unsafe(u) => block_assigned(&u.block),
        // A branch that always leaves (`else { panic!() }`) reaches no
        // later code: the other branch's assignments are definite.
        Expr::If(i) => match &i.else_branch {
            Some((_, otherwise)) if value_diverges(otherwise) => block_assigned(&i.then_branch),
            Some((_, otherwise)) => {
                let otherwise = definitely_assigned(otherwise);
                if block_leaves(&i.then_branch, true) {
                    return otherwise;
                }
                let then = block_assigned(&i.then_branch);
                then.into_iter().filter(|x| otherwise.contains(x)).collect()
            }
            None => Vec::new(),
        },
        Expr::Match(m) => {
            let mut arms = m.arms.iter().map(|arm| definitely_assigned(&arm.body));
            let Some(first) = arms.next() else {
                return definitely_assigned(&m.expr);
            };
            let mut out = definitely_assigned(&m.expr);
            out.extend(arms.fold(first, |acc, next| {
                acc.into_iter().filter(|x| next.contains(x)).collect()
            }));
            out
        }
        // The operands evaluated whenever the expression is:
        // `f({ a = v; 3 })`.
        Expr::Call(c) => all_assigned(std::iter::once(&*c.func).chain(&c.args)),
        Expr::MethodCall(m) => all_assigned(std::iter::once(&*m.receiver).chain(&m.args)),
        Expr::Binary(b) if matches!(b.op, syn::BinOp::And(_) | syn::BinOp::Or(_)) => {
            definitely_assigned(&b.left)
        }
        Expr::Binary(b) => all_assigned([&*b.left, &*b.right]),
        Expr::Unary(u) => definitely_assigned(&u.expr),
        Expr::Cast(c) => definitely_assigned(&c.expr),
        Expr::Reference(r) => definitely_assigned(&r.expr),
        Expr::Field(f) => definitely_assigned(&f.base),
        Expr::Index(i) => all_assigned([&*i.expr, &*i.index]),
        Expr::Try(t) => definitely_assigned(&t.expr),
        Expr::Tuple(t) => all_assigned(&t.elems),
        Expr::Array(a) => all_assigned(&a.elems),
        Expr::Struct(s) => all_assigned(s.fields.iter().map(|f| &f.expr).chain(s.rest.as_deref())),
        _ => Vec::new(),
    }
}

fn all_assigned<'e>(exprs: impl IntoIterator<Item = &'e Expr>) -> Vec<syn::Ident> {
    exprs.into_iter().flat_map(definitely_assigned).collect()
}

fn assigned_before_a_break(stmts: &[syn::Stmt]) -> Vec<syn::Ident> {
    let before = stmts.iter().position(|stmt| {
        idents_in(quote::ToTokens::to_token_stream(stmt))
            .iter()
            .any(|word| word == "break")
    });
    stmts_assigned(&stmts[..before.unwrap_or(stmts.len())])
}

fn block_assigned(block: &syn::Block) -> Vec<syn::Ident> {
    stmts_assigned(&block.stmts)
}

fn stmts_assigned(stmts: &[syn::Stmt]) -> Vec<syn::Ident> {
    let mut out = Vec::new();
    for stmt in stmts {
        match stmt {
            syn::Stmt::Expr(expr, _) => out.extend(definitely_assigned(expr)),
            syn::Stmt::Local(local) => {
                if let Some(init) = &local.init {
                    out.extend(definitely_assigned(&init.expr));
                }
            }
            _ => {}
        }
    }
    out
}

/// How many times each name is the target of a whole assignment (`x = ...`)
/// anywhere in `expr` (outside closures): those mentions are writes, not reads.
pub(crate) fn assignment_targets(expr: &Expr) -> Vec<syn::Ident> {
    struct Targets(Vec<syn::Ident>);
    impl<'ast> Visit<'ast> for Targets {
        fn visit_expr_assign(&mut self, a: &'ast syn::ExprAssign) {
            let assigned: Vec<syn::Ident> = assigned_locals(&Expr::Assign(a.clone()))
                .into_iter()
                .cloned()
                .collect();
            if assigned.is_empty() {
                self.visit_expr(&a.left);
            }
            self.0.extend(assigned);
            self.visit_expr(&a.right);
        }
        fn visit_expr_closure(&mut self, _: &'ast syn::ExprClosure) {}
        fn visit_expr_async(&mut self, _: &'ast syn::ExprAsync) {}
        fn visit_item(&mut self, _: &'ast syn::Item) {}
    }
    let mut targets = Targets(Vec::new());
    targets.visit_expr(expr);
    targets.0
}

/// Control flow whose branches certainly move one of `outer`'s locals: it is
/// split into blocks so each path's moves become drop flags at the join.
pub(crate) fn branches_move(expr: &Expr, is_outer: &dyn Fn(&syn::Ident) -> bool) -> bool {
    let block_moves = |block: &syn::Block| {
        block.stmts.iter().any(|stmt| match stmt {
            syn::Stmt::Expr(e, _) => {
                let mut moves = Vec::new();
                certain_moves(e, &mut moves);
                moves.iter().any(is_outer) || branches_move(e, is_outer)
            }
            syn::Stmt::Local(local) => local.init.as_ref().is_some_and(|init| {
                let mut moves = Vec::new();
                certain_moves(&init.expr, &mut moves);
                moves.iter().any(is_outer) || branches_move(&init.expr, is_outer)
            }),
            _ => false,
        })
    };
    if matches_move_on_some_paths(expr, is_outer) {
        return true;
    }
    match expr {
        Expr::If(i) => {
            block_moves(&i.then_branch)
                || i.else_branch.as_ref().is_some_and(|(_, e)| {
                    branches_move(e, is_outer)
                        || matches!(&**e, Expr::Block(b) if block_moves(&b.block))
                })
        }
        Expr::Match(m) => m.arms.iter().any(|arm| {
            let mut moves = Vec::new();
            certain_moves(&arm.body, &mut moves);
            moves.iter().any(is_outer)
                || branches_move(&arm.body, is_outer)
                || matches!(&*arm.body, Expr::Block(b) if block_moves(&b.block))
        }),
        Expr::Block(b) if b.label.is_none() => block_moves(&b.block),
        Expr::Unsafe(u) => block_moves(&u.block),
        Expr::Loop(l) => block_moves(&l.body),
        Expr::While(w) => block_moves(&w.body),
        Expr::ForLoop(f) => block_moves(&f.body),
        _ => false,
    }
}

/// An `if let` or `match` on an outer local whose paths move different
/// amounts of it (`if let Ok(v) = res`, which leaves an `Err` in place; `match
/// x { Some(v) if .. => .., _ => .. }`): split, each path's move is exact.
/// `if let Some(v) = x` is not split: the value it leaves, `None`, has no
/// drop glue.
fn matches_move_on_some_paths(expr: &Expr, is_outer: &dyn Fn(&syn::Ident) -> bool) -> bool {
    let outer_local = |e: &Expr| match e {
        Expr::Path(p) if p.qself.is_none() => p.path.get_ident().is_some_and(is_outer),
        _ => false,
    };
    match expr {
        Expr::If(i) => condition_lets(&i.cond).iter().any(|l| {
            let leaves_none = matches!(&*l.pat, Pat::TupleStruct(t) if t.path.is_ident("Some"));
            outer_local(&l.expr) && pattern_move(&l.pat) == PatternMove::Whole && !leaves_none
        }),
        Expr::Match(m) if outer_local(&m.expr) => {
            let moves: Vec<PatternMove> = m.arms.iter().map(|a| pattern_move(&a.pat)).collect();
            // An arm that moves part is not split: see `partial_moves`.
            !moves.contains(&PatternMove::Part) && !moves.iter().all(|&k| k == moves[0])
        }
        _ => false,
    }
}

/// The `let`s of an `if` condition's `&&` chain.
fn condition_lets(cond: &Expr) -> Vec<&syn::ExprLet> {
    let mut conjuncts = vec![cond];
    let mut lets = Vec::new();
    while let Some(e) = conjuncts.pop() {
        match e {
            Expr::Binary(b) if matches!(b.op, syn::BinOp::And(_)) => {
                conjuncts.push(&b.left);
                conjuncts.push(&b.right);
            }
            Expr::Let(l) => lets.push(l),
            _ => {}
        }
    }
    lets
}

/// Locals that an `if let`, `match` or `let` in `expr` (at its top level)
/// may move part of out through a pattern (`match pair { (a, _) => .. }`),
/// with the pattern: what is left of them cannot be moved into a state.
pub(crate) fn partial_moves(expr: &Expr) -> Vec<(syn::Ident, &Pat)> {
    fn note<'a>(scrutinee: &Expr, pat: &'a Pat, found: &mut Vec<(syn::Ident, &'a Pat)>) {
        if let Expr::Path(p) = scrutinee
            && p.qself.is_none()
            && let Some(ident) = p.path.get_ident()
            && pattern_move(pat) == PatternMove::Part
        {
            found.push((ident.clone(), pat));
        }
    }
    let mut found = Vec::new();
    match expr {
        Expr::Match(m) => m
            .arms
            .iter()
            .for_each(|a| note(&m.expr, &a.pat, &mut found)),
        Expr::Let(l) => note(&l.expr, &l.pat, &mut found),
        Expr::If(i) => {
            for l in condition_lets(&i.cond) {
                note(&l.expr, &l.pat, &mut found);
            }
        }
        _ => {}
    }
    found
}

/// Does evaluating `expr` create a temporary that rustc keeps until the end
/// of the statement (an rvalue borrowed as a method receiver, by `&`, or as
/// the base of a field or index)? Such an operand evaluated before an await
/// must keep its temporaries alive across it.
pub(crate) fn creates_temporary(expr: &Expr) -> bool {
    let rvalue = |e: &Expr| !is_place_expr(e) && !matches!(e, Expr::Lit(_));
    match expr {
        Expr::MethodCall(call) => {
            rvalue(&call.receiver)
                || creates_temporary(&call.receiver)
                || call.args.iter().any(creates_temporary)
        }
        Expr::Call(call) => call.args.iter().any(creates_temporary),
        Expr::Reference(r) => rvalue(&r.expr) || creates_temporary(&r.expr),
        Expr::Field(f) => rvalue(&f.base) || creates_temporary(&f.base),
        Expr::Index(i) => {
            rvalue(&i.expr) || creates_temporary(&i.expr) || creates_temporary(&i.index)
        }
        // A comparison borrows its operands.
        Expr::Binary(b) if is_comparison(&b.op) => {
            let kept = |e: &Expr| rvalue(e) && !is_constant(e);
            kept(&b.left)
                || kept(&b.right)
                || creates_temporary(&b.left)
                || creates_temporary(&b.right)
        }
        Expr::Binary(b) => creates_temporary(&b.left) || creates_temporary(&b.right),
        Expr::Unary(u) if matches!(u.op, syn::UnOp::Deref(_)) => {
            rvalue(&u.expr) || creates_temporary(&u.expr)
        }
        Expr::Unary(u) => creates_temporary(&u.expr),
        Expr::Cast(c) => creates_temporary(&c.expr),
        Expr::Paren(p) => creates_temporary(&p.expr),
        Expr::Tuple(t) => t.elems.iter().any(creates_temporary),
        Expr::Array(a) => a.elems.iter().any(creates_temporary),
        Expr::Range(r) => [&r.start, &r.end]
            .into_iter()
            .flatten()
            .any(|operand| creates_temporary(operand)),
        _ => false,
    }
}

/// How a local is used in the statements after its declaration: what decides
/// whether it is stored in place (a slot) rather than moved between states.
#[derive(Default, Debug)]
pub(crate) struct Uses {
    /// Borrowed where the borrow may be held across an await: in a statement
    /// that awaits, in a `let` initializer, or by a non-`move` closure or
    /// async block.
    pub borrowed: bool,
    /// Borrowed in a statement that awaits (the awaited future may hold it).
    pub borrowed_in_await: bool,
    /// A part of it is the receiver of a method that consumes it
    /// (`s.0.into_bytes()`): a part cannot move out of a slot.
    pub consumed_by_method: bool,
    /// Matched on (`match x`, `if let .. = x`): a by-value binding would move
    /// out of the place.
    pub scrutinee: bool,
    /// Matched on itself by a pattern that takes it whole where a slot
    /// cannot take it out when matched (a `let` in a chain, or a `while
    /// let`), or that moves a part of it out (`(first, _)`). A local tracks
    /// the first with a drop flag and reports the second as rustc does
    /// (E0382 at the pattern); a slot would be matched in place (E0507 at
    /// the attribute).
    pub scrutinee_may_move: bool,
    /// Named inside a macro other than the `format!` family.
    pub in_other_macro: bool,
    /// Named inside a closure or async block.
    pub in_closure: bool,
}

impl Uses {
    /// Whether every use works on the value where it is, so it can be kept
    /// in a slot (a consuming method or a by-value binding would move out
    /// of the place; a macro's tokens or a closure are not rewritten).
    pub(crate) fn place_only(&self) -> bool {
        !self.consumed_by_method && !self.scrutinee && !self.in_other_macro && !self.in_closure
    }

    /// Whether a value dead at an await, held only for its drop, can be kept
    /// in a slot rather than moved with the state (see `crate::owned`).
    /// Matches, closures and macros work on a slot in place too, and a
    /// pattern that takes the value whole takes it out of the slot when it
    /// matches; where one would move a part out of the slot (E0507), the
    /// same code on a local moves a part of a value the state must still
    /// hold (E0382), so neither builds. Left to the local: a move only its
    /// drop flag can track ([`Uses::scrutinee_may_move`]), a pattern on the
    /// value itself that moves a part (rustc's E0382 at the pattern says
    /// more than E0507), and a part consumed by a method, which may be
    /// reassigned before the await.
    pub(crate) fn slot_allows_dead(&self) -> bool {
        !self.consumed_by_method && !self.scrutinee_may_move
    }
}

/// Methods whose result never borrows from the receiver: calling one in a
/// `let` initializer does not make the local borrowed across an await.
fn result_is_owned(method: &syn::Ident) -> bool {
    let name = method.to_string();
    // Integer arithmetic (`acc.checked_add(x)`) returns plain numbers.
    let arithmetic = ["checked_", "wrapping_", "saturating_", "overflowing_"]
        .iter()
        .any(|prefix| name.starts_with(prefix));
    arithmetic
        || matches!(
            name.as_str(),
            "pow"
                | "abs"
                | "rotate_left"
                | "rotate_right"
                | "count_ones"
                | "leading_zeros"
                | "trailing_zeros"
                | "len"
                | "is_empty"
                | "capacity"
                | "clone"
                | "to_string"
                | "to_vec"
                | "to_owned"
                | "count"
                | "contains"
                | "starts_with"
                | "ends_with"
                | "eq"
                | "ne"
                | "cmp"
                | "partial_cmp"
                | "is_some"
                | "is_none"
                | "is_ok"
                | "is_err"
                | "copied"
                | "cloned"
        )
}

/// Macros that only take references to their arguments.
/// The arguments of a formatting macro that evaluates all of them, in
/// order, when it runs (`println!`, `format!`, `write!`, `panic!`, ...; not
/// `assert!`, whose message is only evaluated on failure), parsed as
/// expressions (`name = value` is an assignment expression).
pub(crate) fn eager_format_args(
    mac: &syn::Macro,
) -> Option<syn::punctuated::Punctuated<Expr, syn::Token![,]>> {
    let name = mac.path.segments.last()?.ident.to_string();
    let eager = matches!(
        name.as_str(),
        "println" | "print" | "eprintln" | "eprint" | "format" | "write" | "writeln" | "panic"
    );
    if !eager {
        return None;
    }
    mac.parse_body_with(syn::punctuated::Punctuated::parse_terminated)
        .ok()
}

pub(crate) fn is_format_macro(path: &syn::Path) -> bool {
    path.segments.last().is_some_and(|s| {
        matches!(
            s.ident.to_string().as_str(),
            "println"
                | "print"
                | "eprintln"
                | "eprint"
                | "format"
                | "format_args"
                | "write"
                | "writeln"
                | "panic"
                | "assert"
                | "assert_eq"
                | "assert_ne"
                | "debug_assert"
                | "debug_assert_eq"
                | "debug_assert_ne"
                | "unreachable"
                | "todo"
                | "unimplemented"
        )
    })
}

/// Whether `body` calls a macro that may hide a `break` or `continue`: one
/// not from `std`'s formatting, assertion and collection macros, or any
/// whose tokens name them. Such a jump in the machine's code would leave
/// the machine's own loop: the emitter then puts the user's code of each arm
/// in a labeled block, inside which an unlabeled `break` or `continue` that
/// is not in a loop of the user's is E0695 rather than a miscompile.
pub(crate) fn opaque_control_flow(body: &syn::Block) -> bool {
    any_macro(|m| m.visit_block(body), false, &|mac| {
        !is_std_macro(&mac.path)
            || idents_in(mac.tokens.clone())
                .iter()
                .any(|word| word == "break" || word == "continue")
    })
}

/// Whether `body`, closures included, calls a macro other than `std`'s
/// formatting, assertion and collection macros: such a macro may bind
/// names the machine does not see (`bind!(f = || &v[0])`), so a name it
/// does not know may be a local rather than an item.
pub(crate) fn calls_user_macros(body: &syn::Block) -> bool {
    any_macro(|m| m.visit_block(body), true, &|mac| {
        !is_std_macro(&mac.path)
    })
}

fn is_std_macro(path: &syn::Path) -> bool {
    is_format_macro(path)
        || path.segments.last().is_some_and(|s| {
            matches!(
                s.ident.to_string().as_str(),
                "vec" | "matches" | "dbg" | "pin"
            )
        })
}

/// Whether a macro call in `body` (in closures too, with `in_closures`;
/// never in items) satisfies `test`.
fn any_macro(
    visit: impl FnOnce(&mut MacroCalls<'_>),
    in_closures: bool,
    test: &dyn Fn(&syn::Macro) -> bool,
) -> bool {
    let mut macros = MacroCalls {
        in_closures,
        test,
        found: false,
    };
    visit(&mut macros);
    macros.found
}

/// The search of [`any_macro`].
struct MacroCalls<'a> {
    in_closures: bool,
    test: &'a dyn Fn(&syn::Macro) -> bool,
    found: bool,
}

impl<'ast> Visit<'ast> for MacroCalls<'_> {
    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        self.found |= (self.test)(mac);
    }
    fn visit_expr_closure(&mut self, c: &'ast syn::ExprClosure) {
        if self.in_closures {
            syn::visit::visit_expr_closure(self, c);
        }
    }
    fn visit_item(&mut self, _: &'ast syn::Item) {}
}

/// Whether evaluating `later` may change the place `place` reads (`x` in
/// `x < { x = 9; 5 }`): it runs code, and names something `place` names
/// or calls a macro outside `std`'s, which may name anything. A scalar
/// place can change only through a name: borrowed by a closure or a
/// reference, rustc would refuse the read.
pub(crate) fn may_change_place(later: &Expr, place: &Expr) -> bool {
    if is_constant(later) || is_pure_place(later) {
        return false;
    }
    let names = idents_in(quote::ToTokens::to_token_stream(place));
    idents_in(quote::ToTokens::to_token_stream(later))
        .iter()
        .any(|word| names.contains(word))
        || any_macro(|m| m.visit_expr(later), true, &|mac| {
            !is_std_macro(&mac.path)
        })
}

/// Does the arm's guard await?
pub(crate) fn guard_awaits(arm: &syn::Arm) -> bool {
    arm.guard
        .as_ref()
        .is_some_and(|(_, guard)| has_await(guard))
}

/// The name `expr` is, if it is a plain one (`x`, not `a::b` or `<T>::x`).
pub(crate) fn plain_name(expr: &Expr) -> Option<&syn::Ident> {
    match expr {
        Expr::Path(p) if p.qself.is_none() => p.path.get_ident(),
        _ => None,
    }
}

/// `expr` without the parentheses around it.
pub(crate) fn peel_parens(mut expr: &Expr) -> &Expr {
    while let Expr::Paren(p) = expr {
        expr = &p.expr;
    }
    expr
}

/// The name at the root of a place (`x` of `x`, `x.f`, `x[i]`, `*x`).
pub(crate) fn root_name(expr: &Expr) -> Option<&syn::Ident> {
    match expr {
        Expr::Path(p) if p.qself.is_none() => p.path.get_ident(),
        Expr::Field(f) => root_name(&f.base),
        Expr::Index(i) => root_name(&i.expr),
        Expr::Paren(p) => root_name(&p.expr),
        Expr::Unary(u) if matches!(u.op, syn::UnOp::Deref(_)) => root_name(&u.expr),
        _ => None,
    }
}

/// Does `expr` name `name` at its root (`x`, `x.f`, `x[i]`, `*x`)?
pub(crate) fn rooted_at(expr: &Expr, name: &str) -> bool {
    root_name(expr).is_some_and(|root| root == name)
}

/// Whether `expr` visibly changes the place `place` (a method's receiver):
/// borrows an overlapping place `&mut`, assigns one, passes on whole the
/// place that `place` dereferences (`(*r).max(set(r))`,
/// `(*h.r).max(set(h.r))`: a reborrow of a `&mut`), or calls a macro that
/// may assign the root (see [`macro_may_assign`]), closures included.
/// Fields apart are disjoint (`s.v.push({ s.k = 5; .. })`). Not seen: a
/// method taking `&mut self` on it, and a reborrow through an implicit
/// dereference (`r.0.max(set(r).await)`).
pub(crate) fn may_mutate(expr: &Expr, place: &Expr) -> bool {
    struct Mutations {
        root: String,
        /// The fields `place` names after its root, up to its first index
        /// or dereference.
        fields: Vec<String>,
        /// `place` goes on past `fields` (a dereference, an index).
        projects_further: bool,
        found: bool,
    }
    impl Mutations {
        fn overlaps(&self, target: &Expr) -> bool {
            if root_name(target).is_none_or(|root| *root != self.root) {
                return false;
            }
            let (fields, _) = field_path(target);
            fields.iter().zip(&self.fields).all(|(a, b)| a == b)
        }
        /// Whether `value`, used whole, is the place that `place`
        /// dereferences (`r` of `(*r)`, `h.r` of `(*h.r).x`): passed on, it
        /// is a reference that may be a reborrowed `&mut`. (A base that
        /// `place` reaches through fields only is a value moved or copied,
        /// and `self.items.push(summary(self).await)` reads `self`.)
        fn passes_on_a_base(&self, value: &Expr) -> bool {
            let (fields, complete) = field_path(value);
            complete
                && self.projects_further
                && root_name(value).is_some_and(|root| *root == self.root)
                && fields == self.fields
        }
        /// Visits what a place evaluates (its indexes), not the place.
        fn visit_place_parts(&mut self, place: &Expr) {
            match place {
                Expr::Field(f) => self.visit_place_parts(&f.base),
                Expr::Index(i) => {
                    self.visit_place_parts(&i.expr);
                    self.visit_expr(&i.index);
                }
                Expr::Paren(p) => self.visit_place_parts(&p.expr),
                Expr::Unary(u) if matches!(u.op, syn::UnOp::Deref(_)) => {
                    self.visit_place_parts(&u.expr)
                }
                Expr::Path(_) => {}
                other => self.visit_expr(other),
            }
        }
    }
    impl<'ast> Visit<'ast> for Mutations {
        fn visit_expr(&mut self, e: &'ast Expr) {
            match e {
                Expr::Reference(r) => {
                    self.found |= r.mutability.is_some() && self.overlaps(&r.expr);
                    self.visit_place_parts(&r.expr);
                }
                Expr::Assign(a) => {
                    self.found |= self.overlaps(&a.left);
                    self.visit_place_parts(&a.left);
                    self.visit_expr(&a.right);
                }
                Expr::Binary(b) if is_compound_assignment(&b.op) => {
                    self.found |= self.overlaps(&b.left);
                    self.visit_place_parts(&b.left);
                    self.visit_expr(&b.right);
                }
                Expr::Field(_) | Expr::Index(_) | Expr::Path(_) => {
                    self.found |= self.passes_on_a_base(e);
                    self.visit_place_parts(e);
                }
                Expr::MethodCall(m) => {
                    self.visit_place_parts(&m.receiver);
                    for arg in &m.args {
                        self.visit_expr(arg);
                    }
                }
                _ => syn::visit::visit_expr(self, e),
            }
        }
        fn visit_macro(&mut self, mac: &'ast syn::Macro) {
            self.found |= macro_may_assign(mac, &self.root).is_some();
        }
        fn visit_item(&mut self, _: &'ast syn::Item) {}
    }
    let Some(root) = root_name(place) else {
        return false;
    };
    let (fields, complete) = field_path(place);
    let mut mutations = Mutations {
        root: root.to_string(),
        fields,
        projects_further: !complete,
        found: false,
    };
    mutations.visit_expr(expr);
    mutations.found
}

/// The fields a place names after its root, up to its first index or
/// dereference (`["a", "0"]` for `x.a.0[i].b`), and whether the place is
/// made of those fields only.
fn field_path(place: &Expr) -> (Vec<String>, bool) {
    fn walk(place: &Expr, out: &mut Vec<String>) -> bool {
        match place {
            Expr::Path(_) => true,
            Expr::Paren(p) => walk(&p.expr, out),
            Expr::Field(f) => {
                let whole = walk(&f.base, out);
                if whole {
                    out.push(quote::ToTokens::to_token_stream(&f.member).to_string());
                }
                whole
            }
            Expr::Index(i) => {
                walk(&i.expr, out);
                false
            }
            Expr::Unary(u) => {
                walk(&u.expr, out);
                false
            }
            _ => false,
        }
    }
    let mut out = Vec::new();
    let complete = walk(place, &mut out);
    (out, complete)
}

/// Whether `rest` borrows one of `pat`'s bindings by value across an await
/// (see [`uses_of`]): then the pattern's bindings are kept in place.
pub(crate) fn bindings_borrowed_across_await(pat: &Pat, rest: &[syn::Stmt]) -> bool {
    awaits_after(rest) > 0
        && pattern_bindings(pat)
            .iter()
            .any(|b| !b.by_ref && uses_of(&b.ident.to_string(), rest).borrowed)
}

/// Does `tokens` name `name` anywhere (macro arguments included)?
pub(crate) fn mentions(tokens: TokenStream, name: &str) -> bool {
    let mut idents = Vec::new();
    mentioned_idents(tokens, &mut idents);
    idents.iter().any(|i| i == name)
}

pub(crate) fn uses_of(name: &str, stmts: &[syn::Stmt]) -> Uses {
    struct Finder<'a> {
        name: &'a str,
        held: bool,
        awaits: bool,
        uses: Uses,
        /// The `let` that is the whole condition of the `if` being visited
        /// (compared by address only).
        direct_if_let: Option<*const syn::ExprLet>,
    }
    impl Finder<'_> {
        fn borrow(&mut self) {
            self.uses.borrowed = true;
            self.uses.borrowed_in_await |= self.awaits;
        }
        fn is_name(&self, expr: &Expr) -> bool {
            plain_name(peel_parens(expr)).is_some_and(|n| n == self.name)
        }
        fn consumed(&self, captures: Captures) -> bool {
            captures.consumed.iter().any(|c| c == self.name)
        }
    }
    impl Finder<'_> {
        fn mentions(&self, tokens: TokenStream) -> bool {
            mentions(tokens, self.name)
        }
        /// `let (q, ref s) = t;`, `if let Some(ref mut v) = t.0`: a `ref`
        /// binding borrows the place it is matched against, as `&t.1` does,
        /// while `held`: a `let`'s bindings for the rest of the block, an
        /// arm's only within the statement, so only if it awaits.
        fn ref_bindings_into<'p>(
            &mut self,
            held: bool,
            place: &Expr,
            pats: impl IntoIterator<Item = &'p Pat>,
        ) {
            if held
                && rooted_at(place, self.name)
                && pats
                    .into_iter()
                    .any(|pat| pattern_bindings(pat).iter().any(|b| b.by_ref))
            {
                self.borrow();
            }
        }
    }
    impl<'ast> Visit<'ast> for Finder<'_> {
        fn visit_stmt(&mut self, stmt: &'ast syn::Stmt) {
            let (held, awaits) = (self.held, self.awaits);
            self.awaits = awaits || stmt_awaits(stmt);
            self.held =
                held || self.awaits || matches!(stmt, syn::Stmt::Local(l) if l.init.is_some());
            syn::visit::visit_stmt(self, stmt);
            (self.held, self.awaits) = (held, awaits);
        }
        fn visit_expr_reference(&mut self, r: &'ast syn::ExprReference) {
            if self.held && rooted_at(&r.expr, self.name) {
                self.borrow();
            }
            syn::visit::visit_expr_reference(self, r);
        }
        // `name + &x`, `a == &x`: a borrow that is an operator's operand is
        // taken to end with the operator, as it does for every operator of
        // `std`. An operator whose output borrowed `x` would make moving `x`
        // into the state fail to compile (E0505), never run unsoundly.
        // Except a borrow of an indexed place before a right operand that
        // awaits (`&v[i] < &f().await`), which the machine holds across it.
        fn visit_expr_binary(&mut self, b: &'ast syn::ExprBinary) {
            let held_left = matches!(peel_parens(&b.left), Expr::Reference(r)
                if is_place_like(&r.expr) && !is_pure_place(&r.expr))
                && has_await(&b.right);
            for operand in [&*b.left, &*b.right] {
                match peel_parens(operand) {
                    Expr::Reference(r) if !held_left => self.visit_expr(&r.expr),
                    other => self.visit_expr(other),
                }
            }
        }
        fn visit_expr_method_call(&mut self, call: &'ast syn::ExprMethodCall) {
            if rooted_at(&call.receiver, self.name) {
                if consumes_receiver(&call.method) {
                    // The whole value moves out of a slot as it moves out of
                    // a local (`s.into_bytes()`); a part cannot
                    // (`s.0.into_bytes()`). A local is not taken by all
                    // the names of `takes_receiver`: a user's `count(&self)`
                    // would then drop it early, or leave a borrow of its
                    // slot dangling (`checked_adaptor`'s are checked).
                    self.uses.consumed_by_method |= !self.is_name(&call.receiver);
                } else if self.held
                    && (!result_is_owned(&call.method) || held_receiver(call).is_some())
                {
                    self.borrow();
                }
            }
            syn::visit::visit_expr_method_call(self, call);
        }
        fn visit_local(&mut self, local: &'ast syn::Local) {
            if let Some(init) = &local.init {
                self.ref_bindings_into(self.held, &init.expr, [&local.pat]);
            }
            syn::visit::visit_local(self, local);
        }
        // `pair = (d, &x)`: the assigned value outlives the statement, as
        // a `let`'s does.
        fn visit_expr_assign(&mut self, a: &'ast syn::ExprAssign) {
            self.visit_expr(&a.left);
            let held = std::mem::replace(&mut self.held, true);
            self.visit_expr(&a.right);
            self.held = held;
        }
        fn visit_expr_match(&mut self, m: &'ast syn::ExprMatch) {
            if rooted_at(&m.expr, self.name) {
                self.uses.scrutinee = true;
                self.uses.scrutinee_may_move |= self.is_name(&m.expr)
                    && m.arms
                        .iter()
                        .any(|a| pattern_move(&a.pat) == PatternMove::Part);
                // A guard that awaits holds references into the scrutinee.
                if m.arms.iter().any(guard_awaits) {
                    self.borrow();
                }
            }
            self.ref_bindings_into(self.awaits, &m.expr, m.arms.iter().map(|arm| &arm.pat));
            syn::visit::visit_expr_match(self, m);
        }
        fn visit_expr_let(&mut self, l: &'ast syn::ExprLet) {
            // The condition of an `if` itself takes the value out when matched.
            let direct = self
                .direct_if_let
                .take()
                .is_some_and(|direct| std::ptr::eq(direct, std::ptr::from_ref(l)));
            if rooted_at(&l.expr, self.name) {
                self.uses.scrutinee = true;
                self.uses.scrutinee_may_move |= self.is_name(&l.expr)
                    && (pattern_move(&l.pat) == PatternMove::Part
                        || (takes_whole(&l.pat) && !direct));
            }
            self.ref_bindings_into(self.awaits, &l.expr, [&*l.pat]);
            syn::visit::visit_expr_let(self, l);
        }
        fn visit_expr_if(&mut self, i: &'ast syn::ExprIf) {
            if let Expr::Let(l) = &*i.cond {
                self.direct_if_let = Some(std::ptr::from_ref(l));
            }
            syn::visit::visit_expr_if(self, i);
        }
        // Without `move`, a closure borrows what it uses, unless it
        // consumes it (`async { a.await }`): then it takes it by value.
        fn visit_expr_closure(&mut self, c: &'ast syn::ExprClosure) {
            if self.mentions(quote::ToTokens::to_token_stream(&c.body)) {
                self.uses.in_closure = true;
                if c.capture.is_none() {
                    let params: Vec<Pat> = c.inputs.iter().cloned().collect();
                    self.uses.borrowed |= !self.consumed(Captures::of(&params, &c.body));
                }
            }
        }
        fn visit_expr_async(&mut self, a: &'ast syn::ExprAsync) {
            if self.mentions(quote::ToTokens::to_token_stream(&a.block)) {
                self.uses.in_closure = true;
                if a.capture.is_none() {
                    self.uses.borrowed |= !self.consumed(Captures::of(&[], &async_body(a)));
                }
            }
        }
        // The arguments of a formatting macro are the machine's to lower:
        // a receiver held there is held (`println!("{}", v[0].contains(&f().await))`).
        fn visit_macro(&mut self, mac: &'ast syn::Macro) {
            if let Some(args) = eager_format_args(mac) {
                for arg in &args {
                    self.visit_expr(arg);
                }
            } else if !is_format_macro(&mac.path) && self.mentions(mac.tokens.clone()) {
                self.uses.in_other_macro = true;
            }
        }
        fn visit_item(&mut self, _: &'ast syn::Item) {}
    }
    let mut finder = Finder {
        name,
        held: false,
        awaits: false,
        uses: Uses::default(),
        direct_if_let: None,
    };
    for stmt in stmts {
        finder.visit_stmt(stmt);
        // A `let` of the same name shadows it for the rest of the block.
        if let syn::Stmt::Local(local) = stmt
            && pattern_bindings(&local.pat).iter().any(|b| b.ident == name)
        {
            break;
        }
    }
    finder.uses
}

pub(crate) fn stmt_awaits(stmt: &syn::Stmt) -> bool {
    match stmt {
        syn::Stmt::Local(local) => local
            .init
            .as_ref()
            .is_some_and(|init| has_await(&init.expr)),
        syn::Stmt::Expr(expr, _) => has_await(expr),
        syn::Stmt::Macro(m) => {
            eager_format_args(&m.mac).is_some_and(|args| args.iter().any(has_await))
        }
        syn::Stmt::Item(_) => false,
    }
}

/// How many `.await`s the statements contain, counting one inside a loop as
/// many: a value in scope across them is live across several transitions.
pub(crate) fn awaits_after(stmts: &[syn::Stmt]) -> usize {
    struct Counter(usize, usize);
    impl<'ast> Visit<'ast> for Counter {
        fn visit_expr_await(&mut self, a: &'ast syn::ExprAwait) {
            self.0 += if self.1 > 0 { 2 } else { 1 };
            syn::visit::visit_expr_await(self, a);
        }
        fn visit_expr_loop(&mut self, l: &'ast syn::ExprLoop) {
            self.1 += 1;
            syn::visit::visit_expr_loop(self, l);
            self.1 -= 1;
        }
        fn visit_expr_while(&mut self, w: &'ast syn::ExprWhile) {
            self.1 += 1;
            syn::visit::visit_expr_while(self, w);
            self.1 -= 1;
        }
        fn visit_expr_for_loop(&mut self, f: &'ast syn::ExprForLoop) {
            self.1 += 1;
            syn::visit::visit_expr_for_loop(self, f);
            self.1 -= 1;
        }
        // `format!("{}", f().await)`, which the machine lowers (see
        // `has_await`).
        fn visit_macro(&mut self, mac: &'ast syn::Macro) {
            if let Some(args) = eager_format_args(mac) {
                args.iter().for_each(|a| self.visit_expr(a));
            }
        }
        fn visit_expr_closure(&mut self, _: &'ast syn::ExprClosure) {}
        fn visit_expr_async(&mut self, _: &'ast syn::ExprAsync) {}
        fn visit_item(&mut self, _: &'ast syn::Item) {}
    }
    let mut counter = Counter(0, 0);
    for stmt in stmts {
        counter.visit_stmt(stmt);
    }
    counter.0
}

/// A value that is large by construction: an array repeat or a long array
/// literal. Moving it on every transition is what slots avoid.
pub(crate) fn is_large_literal(expr: &Expr) -> bool {
    match expr {
        Expr::Repeat(_) => true,
        Expr::Array(a) => a.elems.len() > 16,
        Expr::Paren(p) => is_large_literal(&p.expr),
        _ => false,
    }
}

/// The name of what an awaited expression waits on, in CamelCase: the method
/// or function called (`db.query(..)` gives `Query`), else the last name.
pub(crate) fn awaited_role(expr: &Expr) -> String {
    let name = match expr {
        Expr::MethodCall(m) => m.method.to_string(),
        Expr::Call(c) => match &*c.func {
            Expr::Path(p) => p
                .path
                .segments
                .last()
                .map(|s| s.ident.to_string())
                .unwrap_or_default(),
            _ => String::new(),
        },
        Expr::Path(p) => p
            .path
            .segments
            .last()
            .map(|s| s.ident.to_string())
            .unwrap_or_default(),
        Expr::Field(f) => match &f.member {
            syn::Member::Named(ident) => ident.to_string(),
            syn::Member::Unnamed(_) => String::new(),
        },
        Expr::Paren(p) => return awaited_role(&p.expr),
        Expr::Await(a) => return awaited_role(&a.base),
        // `pin!(leaf()).await` awaits `leaf()`.
        Expr::Macro(m) if crate::pinning::is_std_pin(&m.mac.path) => {
            return m
                .mac
                .parse_body::<Expr>()
                .map(|inner| awaited_role(&inner))
                .unwrap_or_default();
        }
        _ => String::new(),
    };
    name.trim_start_matches("r#")
        .split('_')
        .filter(|part| !part.is_empty())
        .map(|part| {
            let mut chars = part.chars();
            chars
                .next()
                .map(|c| c.to_uppercase().collect::<String>() + chars.as_str())
                .unwrap_or_default()
        })
        .collect()
}

pub(crate) fn is_comparison(op: &syn::BinOp) -> bool {
    use syn::BinOp::*;
    matches!(op, Eq(_) | Ne(_) | Lt(_) | Le(_) | Gt(_) | Ge(_))
}

pub(crate) fn is_compound_assignment(op: &syn::BinOp) -> bool {
    use syn::BinOp::*;
    matches!(
        op,
        AddAssign(_)
            | SubAssign(_)
            | MulAssign(_)
            | DivAssign(_)
            | RemAssign(_)
            | BitXorAssign(_)
            | BitAndAssign(_)
            | BitOrAssign(_)
            | ShlAssign(_)
            | ShrAssign(_)
    )
}

/// Methods of the standard collections and strings that take `&self` or
/// `&mut self` (not `last`, which consumes an iterator). A user type with a
/// by-value method of one of these names gives E0507 on a local kept in
/// place, never a wrong program.
fn borrows_receiver(method: &syn::Ident) -> bool {
    matches!(
        method.to_string().as_str(),
        "len"
            | "is_empty"
            | "capacity"
            | "push"
            | "push_str"
            | "push_back"
            | "push_front"
            | "pop"
            | "pop_back"
            | "pop_front"
            | "insert"
            | "remove"
            | "clear"
            | "truncate"
            | "extend"
            | "extend_from_slice"
            | "reserve"
            | "get"
            | "get_mut"
            | "contains"
            | "contains_key"
            | "first"
            | "iter"
            | "iter_mut"
            | "as_slice"
            | "as_str"
            | "as_bytes"
            | "sort"
            | "sort_unstable"
            | "reverse"
            | "fill"
            | "swap"
            | "clone"
            | "to_vec"
            | "to_string"
            | "to_owned"
            | "starts_with"
            | "ends_with"
    )
}

/// Methods that make an iterator or guard borrowing their receiver and take
/// `&self` or `&mut self` on every standard type that has them (not
/// `lines` or `bytes`, which `BufRead` and `Read` take by value).
pub(crate) fn iterator_borrows_receiver(method: &syn::Ident) -> bool {
    matches!(
        method.to_string().as_str(),
        "iter"
            | "iter_mut"
            | "chars"
            | "char_indices"
            | "split_whitespace"
            | "split_ascii_whitespace"
            | "windows"
            | "chunks"
            | "chunks_exact"
            | "chunks_mut"
            | "rchunks"
            | "keys"
            | "values"
            | "values_mut"
            | "drain"
            | "as_slice"
            | "as_str"
            | "as_bytes"
            | "lock"
            | "borrow"
            | "borrow_mut"
    )
}

/// Methods that return a borrow of their receiver and take `&self` or
/// `&mut self` on every standard type that has them: those that make an
/// iterator or guard ([`iterator_borrows_receiver`]), and accessors (`get`,
/// `first`, `as_ref`, ...; not `last`, which consumes an iterator). The
/// other methods of [`borrows_receiver`] return no borrow of it
/// ([`result_owns_no_borrow`]).
pub(crate) fn result_borrows_receiver(method: &syn::Ident) -> bool {
    iterator_borrows_receiver(method)
        || matches!(
            method.to_string().as_str(),
            "get"
                | "get_mut"
                | "first"
                | "first_mut"
                | "as_ref"
                | "as_mut"
                | "as_deref"
                | "as_deref_mut"
                | "deref"
                | "deref_mut"
        )
}

/// Methods that borrow their receiver and return a value holding no borrow
/// of it, on every standard type that has them: those of
/// [`borrows_receiver`] that are not accessors or iterators
/// ([`result_borrows_receiver`]; `len`, `clone`, `to_string`, `contains`,
/// ...), and predicates (`is_*`). The result of any other method may borrow
/// its receiver.
pub(crate) fn result_owns_no_borrow(method: &syn::Ident) -> bool {
    (borrows_receiver(method) && !result_borrows_receiver(method))
        || method.to_string().starts_with("is_")
}

/// Is every use of local `name` in `stmts` one that works on the value in
/// place: indexing, `&`/`&mut`, the receiver of a method known to borrow
/// ([`borrows_receiver`]), the target of a compound assignment, or a
/// comparison operand? Then the value never leaves its place before its
/// scope ends. Any other use (a move, a field, a whole assignment, a macro,
/// a closure, a binding of the same name) answers no. So does a local used
/// only by operators: a counter is cheaper in a register than in place.
pub(crate) fn only_place_uses(name: &str, stmts: &[syn::Stmt]) -> bool {
    struct Checker<'a> {
        name: &'a str,
        ok: bool,
        /// Indexed or a method's receiver: a collection, whose move costs.
        collection: bool,
    }
    impl Checker<'_> {
        fn is_name(&self, expr: &Expr) -> bool {
            matches!(expr, Expr::Path(p) if p.qself.is_none() && p.path.is_ident(self.name))
        }
        fn mentions(&self, tokens: TokenStream) -> bool {
            mentions(tokens, self.name)
        }
    }
    impl<'ast> Visit<'ast> for Checker<'_> {
        fn visit_expr(&mut self, expr: &'ast Expr) {
            if !self.ok {
                return;
            }
            match expr {
                Expr::Path(_) if self.is_name(expr) => self.ok = false,
                Expr::Index(i) if self.is_name(&i.expr) => {
                    self.collection = true;
                    self.visit_expr(&i.index);
                }
                Expr::Reference(r) if self.is_name(&r.expr) => {}
                Expr::MethodCall(m) if self.is_name(&m.receiver) => {
                    self.collection = true;
                    if !borrows_receiver(&m.method) {
                        self.ok = false;
                    }
                    m.args.iter().for_each(|a| self.visit_expr(a));
                }
                Expr::Binary(b)
                    if (is_compound_assignment(&b.op) || is_comparison(&b.op))
                        && self.is_name(&b.left) =>
                {
                    if !(is_comparison(&b.op) && self.is_name(&b.right)) {
                        self.visit_expr(&b.right);
                    }
                }
                Expr::Binary(b) if is_comparison(&b.op) && self.is_name(&b.right) => {
                    self.visit_expr(&b.left);
                }
                Expr::Closure(_) | Expr::Async(_) => {
                    if self.mentions(quote::ToTokens::to_token_stream(expr)) {
                        self.ok = false;
                    }
                }
                _ => syn::visit::visit_expr(self, expr),
            }
        }
        fn visit_macro(&mut self, mac: &'ast syn::Macro) {
            if self.mentions(mac.tokens.clone()) {
                self.ok = false;
            }
        }
        fn visit_pat_ident(&mut self, p: &'ast syn::PatIdent) {
            if p.ident == self.name {
                self.ok = false;
            }
            syn::visit::visit_pat_ident(self, p);
        }
        fn visit_item(&mut self, _: &'ast syn::Item) {}
    }
    let mut checker = Checker {
        name,
        ok: true,
        collection: false,
    };
    for stmt in stmts {
        checker.visit_stmt(stmt);
    }
    checker.ok && checker.collection
}

#[cfg(test)]
mod tests {
    use super::{PatternMove, mentioned_idents, only_place_uses, pattern_move};

    fn mentioned(code: &str) -> Vec<String> {
        let mut out = Vec::new();
        mentioned_idents(code.parse().expect("lexes"), &mut out);
        out.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn fields_paths_labels_and_named_arguments_are_not_mentions() {
        assert_eq!(
            mentioned("a.b + c::d + ..e + f..g"),
            ["a", "c", "e", "f", "g"]
        );
        assert_eq!(mentioned("Row { id: got, n }"), ["Row", "got", "n"]);
        assert_eq!(
            mentioned(r#"format!("{h}{i}", h = j, k == l)"#),
            ["format", "i", "j", "k", "l"]
        );
        // A block's statements are not fields.
        assert_eq!(mentioned("{ x = y; z }"), ["x", "y", "z"]);
    }

    fn moves(pattern: &str) -> PatternMove {
        let stmt: syn::Stmt = syn::parse_str(&format!("let {pattern} = x;")).expect("parses");
        let syn::Stmt::Local(local) = stmt else {
            unreachable!("a let statement")
        };
        pattern_move(&local.pat)
    }

    #[test]
    fn patterns_that_move_the_whole_value() {
        for pattern in [
            "a",
            "mut a",
            "(a, b)",
            "Some(v)",
            "S { a, b }",
            "[a, rest @ ..]",
            "(a, &b)",
            "(a, None)",
            "(a, 0)",
            "(a, MAX)",
            "a @ Some(_)",
            "(a, b): (D, D)",
        ] {
            assert_eq!(moves(pattern), PatternMove::Whole, "{pattern}");
        }
    }

    #[test]
    fn patterns_that_move_part_of_it() {
        for pattern in [
            "(a, _)",
            "S { a, .. }",
            "(ref a, b)",
            "[a, ..]",
            "(a, ..)",
            "(Ok(v) | Err(_))",
        ] {
            assert_eq!(moves(pattern), PatternMove::Part, "{pattern}");
        }
    }

    #[test]
    fn patterns_that_move_nothing() {
        for pattern in [
            "_",
            "ref a",
            "ref mut a",
            "&a",
            "(_, _)",
            "(..)",
            "S { .. }",
            "(ref a, _)",
        ] {
            assert_eq!(moves(pattern), PatternMove::Nothing, "{pattern}");
        }
    }

    fn stmts(code: &str) -> Vec<syn::Stmt> {
        syn::parse_str::<syn::Block>(&format!("{{ {code} }}"))
            .expect("test code parses")
            .stmts
    }

    #[test]
    fn collections_used_in_place_stay_in_place() {
        let kept = [
            "for i in 0..n { f().await; v.push(i); v[0] += 1; }",
            "loop { f().await; if v.len() > 2 { v.clear(); } x += v[1]; }",
            "g(&v).await; h(&mut v).await; v.extend_from_slice(&w);",
            "f().await; if v.is_empty() == w.is_empty() { v.sort(); }",
        ];
        for code in kept {
            assert!(only_place_uses("v", &stmts(code)), "{code}");
        }
    }

    #[test]
    fn written_types_without_drop_glue() {
        let cases = [
            ("u8", true),
            ("usize", true),
            ("bool", true),
            ("&String", true),
            ("*const Vec<u8>", true),
            ("[u64; 32]", true),
            ("(u32, (*mut u8, char))", true),
            ("()", true),
            ("Pin<&mut F>", true),
            ("String", false),
            ("Vec<u8>", false),
            ("[String; 2]", false),
            ("(u32, Box<u8>)", false),
            ("T", false),
            ("std::primitive::u8", false),
            ("Pin<Box<F>>", false),
        ];
        for (ty, droppless) in cases {
            let parsed: syn::Type = syn::parse_str(ty).expect("type parses");
            assert_eq!(super::is_droppless_type(&parsed), droppless, "{ty}");
        }
    }

    #[test]
    fn values_without_drop_glue() {
        for expr in [
            "&v", "0", "-1.5", "!true", "\"text\"", "b'x'", "x as u64", "(7)",
        ] {
            let parsed: syn::Expr = syn::parse_str(expr).expect("expression parses");
            assert!(super::is_droppless_value(&parsed), "{expr}");
        }
        for expr in [
            "v",
            "f()",
            "-x",
            "[0; 4]",
            "String::new()",
            "(1, 2)",
            "b as Box<dyn Any>",
        ] {
            let parsed: syn::Expr = syn::parse_str(expr).expect("expression parses");
            assert!(!super::is_droppless_value(&parsed), "{expr}");
        }
    }

    #[test]
    fn arithmetic_methods_do_not_borrow() {
        let code = "for i in 0..n { f().await; acc = acc.checked_add(i).unwrap(); }";
        assert!(!super::uses_of("acc", &stmts(code)).borrowed);
        let code = "for i in 0..n { f().await; let r = acc.as_str(); g(r); }";
        assert!(super::uses_of("acc", &stmts(code)).borrowed);
    }

    #[test]
    fn ref_bindings_borrow_their_scrutinee() {
        let borrowed = [
            "let (q, ref s) = t; f().await; s.len();",
            "let ref s = t; f().await;",
            "let (ref mut a, b) = t.0; f().await; a.push(b);",
            "if let Some(ref v) = t { f().await; v.len(); }",
            "match *t { Some(ref mut v) => { f().await; v.push(1); } None => {} }",
        ];
        for code in borrowed {
            assert!(super::uses_of("t", &stmts(code)).borrowed, "{code}");
        }
        let not_borrowed = [
            // The borrow ends with the statement, before the await.
            "if let Some(ref v) = t { v.len(); } f().await;",
            // A `ref` binding into another value.
            "let (q, ref s) = u; f().await; t.len();",
            "let (q, s) = t; f().await;",
            // An arm's binding ends with the `let` it is in.
            "let n = match t { Some(ref v) => v.len(), None => 0 }; f().await;",
            "let n = if let Some(ref v) = t { v.len() } else { 0 }; f().await;",
        ];
        for code in not_borrowed {
            assert!(!super::uses_of("t", &stmts(code)).borrowed, "{code}");
        }
    }

    #[test]
    fn any_other_use_keeps_the_value_moving() {
        let moved = [
            // moves, whole assignments, fields, consuming or unknown methods
            "f().await; drop(v);",
            "f().await; let w = v;",
            "f().await; v = Vec::new(); v.push(1);",
            "f().await; v.0.push(1);",
            "f().await; for x in v.into_iter() {}",
            "f().await; v.last();",
            "f().await; v.frobnicate();",
            // names the analysis cannot follow
            "f().await; let c = || v.len();",
            "f().await; println!(\"{}\", v.len());",
            "f().await; let v = 3; v.len();",
            // a counter: cheaper moved (in a register) than in place
            "loop { f().await; v += 1; if v > 3 { break; } }",
        ];
        for code in moved {
            assert!(!only_place_uses("v", &stmts(code)), "{code}");
        }
    }
}
