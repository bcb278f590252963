//! Stage 4: write the machine.
//!
//! Input:
//!
//! ```text
//! async fn add(a: u32) -> u32 {
//!     let b = double(a).await;
//!     a + b
//! }
//! ```
//!
//! Output (abridged):
//!
//! ```text
//! fn add(a: u32) -> impl Future<Output = u32> {
//!     enum __State<A0, F0, T0> {
//!         Unresumed(A0),
//!         /// `double(a).await`, line 2: the awaitee, `a`
//!         AwaitDouble(F0, T0),
//!         Returned,
//!         Panicked,
//!     }
//!     machine(__State::Unresumed(a), move |__frame, __cx| -> Step<u32> {
//!         let mut __running;
//!         let __output: u32 = '__resume: loop {
//!             match __frame.state() {
//!                 Unresumed(a) => {
//!                     let a = __frame.take(a);
//!                     __running = __frame.start();                  // the body runs
//!                     let __awaitee = __frame.into_future(double(a));
//!                     __running.suspend(AwaitDouble(__awaitee, a));  // then loops: polls it
//!                 }
//!                 AwaitDouble(__awaitee, a) => {
//!                     let __p1 = __frame.poll(__awaitee, __cx)?;    // in place; `?` suspends
//!                     let a = __frame.take(a);
//!                     __running = __frame.start();
//!                     let b = __running.resume(__awaitee, __p1);    // drops it
//!                     break '__resume a + b    // `return`: the body's scopes end
//!                 }
//!                 ..
//!             }
//!         };
//!         __running.complete(__output)        // writes `Returned`
//!     })
//! }
//! ```
//!
//! While the body runs, its values are the step function's locals and the
//! state holds nothing to drop. Only the token `__running` writes the state,
//! and each write moves it, so the compiler checks that every write goes
//! through a token `start` made, once. A panic unwinding out of the body
//! poisons the machine (the runtime writes `Panicked`), as rustc's
//! coroutines are poisoned by their unwind path: a resume writes nothing.
//!
//! Blocks run where control reaches them (see [`Placement`]): small joins
//! are written after each of their predecessors; the other joins, such as
//! loop heads, are arms of a `'__dispatch: loop { match __next { .. } }`
//! after the state `match`, entered through `__Block` values, and an arm
//! whose own code jumps back to it runs in a Rust `loop`. A suspension whose
//! resume block is such an arm polls the new awaitee right after writing the
//! state, as rustc does, and jumps to that arm on `Ready` (see
//! [`Emitter::poll_in_place`]).

use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, BTreeSet};

use proc_macro2::{Span, TokenStream, TokenTree};
use quote::{ToTokens, format_ident, quote, quote_spanned};
use syn::visit_mut::VisitMut;
use syn::{Ident, Stmt};

use crate::awaiting_macros;
use crate::dead_moves::{self, DeadMoves};
use crate::input::{self, MachineFn};
use crate::liveness::{self, Carry, Plan};
use crate::lower::{
    BlockId, BlockKind, Builder, Frame, GotoId, Item, LocalId, LoweredBody, Names, Term, guard_var,
    place_var, return_tokens, shared_var, slot_var,
};
use crate::pinning;
use crate::scan;

/// Entry point: never panics on user input; errors become `compile_error!`
/// next to a stand-in of the original function, so one mistake gives one error.
pub(crate) fn state_machine(args: TokenStream, item: TokenStream) -> TokenStream {
    match expand(args, item.clone()) {
        Ok(tokens) => tokens,
        Err(error) => {
            let mut tokens = error.to_compile_error();
            tokens.extend(stand_in(item));
            tokens
        }
    }
}

/// The original function with its body replaced by `unreachable!()`, so that
/// callers still type-check while the error is reported once.
fn stand_in(item: TokenStream) -> TokenStream {
    let Ok(mut function) = syn::parse2::<syn::ImplItemFn>(item.clone()) else {
        return item_if_not_fn(item);
    };
    function.block = syn::parse_quote!({ ::core::unreachable!() });
    // Only the macro's error should be reported: no `const async`, no
    // `impl Trait` the stand-in's body cannot satisfy, no lints on it.
    function.sig.constness = None;
    if let syn::ReturnType::Type(_, ty) = &function.sig.output
        && matches!(&**ty, syn::Type::ImplTrait(_))
    {
        function.sig.output = syn::ReturnType::Default;
    }
    function.attrs.push(syn::parse_quote!(#[allow(unused_variables, unused_mut, unused_imports, unreachable_code, clippy::unused_async)]));
    function.into_token_stream()
}

fn item_if_not_fn(item: TokenStream) -> TokenStream {
    // A struct or another item: keep it so later diagnostics stay useful.
    match syn::parse2::<syn::Item>(item.clone()) {
        Ok(syn::Item::Fn(_)) | Err(_) => TokenStream::new(),
        Ok(_) => item,
    }
}

fn expand(args: TokenStream, item: TokenStream) -> syn::Result<TokenStream> {
    let function = input::parse(args, item)?;
    let takes_self = function.takes_self.clone();
    scan::with_methods_taking_self(&takes_self, || expand_function(function))
}

fn expand_function(mut function: MachineFn) -> syn::Result<TokenStream> {
    let self_span = match function.sig.inputs.first() {
        Some(syn::FnArg::Receiver(receiver)) => receiver.self_token.span,
        _ => Span::call_site(),
    };
    check_nested_item_names(&function)?;
    let names = Names::new(self_span);
    let mut body = function.body.clone();
    RenameSelf { to: &names.self_ }.visit_block_mut(&mut body);
    parenthesize_groups(&mut body);
    desugar_destructuring_assignments(&mut body);
    let pinned = pinning::pin_in_place(&mut body);
    awaiting_macros::join_in_async_blocks(&mut body)?;
    let hoisted = hoist_items(&mut body);
    let params = function.params();

    // The receiver is bound as `self` renamed, `mut` as the user wrote it.
    let self_ = &names.self_;
    let receiver: syn::Pat = if function.self_mutable {
        syn::parse_quote!(mut #self_)
    } else {
        syn::parse_quote!(#self_)
    };
    let lower = |dead_in_place: BTreeSet<usize>| -> syn::Result<(LoweredBody, Plan)> {
        let mut builder = Builder::new(&names);
        builder.keep_in_place(dead_in_place);
        for param in &params {
            builder.bind_param(param.pat.as_ref().unwrap_or(&receiver), param, &body.stmts);
        }
        builder.start_body();
        let lowered = builder.lower_body(&body, &function.output);
        if let Some(error) = combine(lowered.errors.iter().cloned()) {
            return Err(error);
        }
        let plan = liveness::plan(&lowered);
        Ok((lowered, plan))
    };
    // A value held only for its drop that may hold a dangling borrow must
    // not be moved: lowered again, it stays in place (see `crate::owned`).
    // Usually one lowering, or two; the set only grows, so this ends.
    let mut kept = BTreeSet::new();
    let (lowered, plan) = loop {
        let (lowered, plan) = lower(kept.clone())?;
        let dead = liveness::dead_declarations_that_may_borrow(&lowered, &plan);
        if dead.is_subset(&kept) {
            break (lowered, plan);
        }
        kept.extend(dead);
    };
    let mut shadow_body = function.body.clone();
    hoist_items(&mut shadow_body);
    pinning::assert_pinned_in_shadow(&mut shadow_body);
    let destructures = check_destructuring_in_shadow(&mut shadow_body);
    // Before the receivers are wrapped: it reads the loops' iterators.
    let keeps_items = check_for_items_in_shadow(&mut shadow_body);
    let compound = check_compound_assignments_in_shadow(&mut shadow_body);
    let taken = liveness::taken_while_in_scope(&lowered, &plan)
        .into_iter()
        .map(|l| user_name(&lowered.locals[l], &names))
        .collect();
    let takes_receivers = check_taken_receivers_in_shadow(&mut shadow_body, &taken);
    let aliased = shadowed_at_some_edge(&lowered, &plan);
    let emitter = Emitter {
        names: &names,
        body: &lowered,
        plan: &plan,
        function: &function,
        aliased: &aliased,
        await_names: await_names(&lowered),
        placement: layout(&lowered, &plan),
        context: Cell::new(Context::Entry),
        loops_back: Cell::new(false),
        regions: slot_regions(&lowered),
        dead_moves: RefCell::default(),
        opaque_control_flow: scan::opaque_control_flow(&function.body),
    };
    let machine = emitter.machine(&params)?;
    // Slots are reached through raw pointers, inside an `unsafe` block: the
    // borrow checker does not see their uses, and unsafe operations in the
    // user's code would pass unnoticed. This never-run copy of the original
    // body restores both checks, so a body rustc rejects is rejected here
    // too, with rustc's message.
    let dead_moves = emitter.dead_moves.take();
    let checked = dead_moves::checked_in_shadow(
        &mut shadow_body,
        &lowered,
        &plan,
        &dead_moves,
        |edge, l| is_shadowed(&lowered, edge, l),
    )?;
    let shadow = if pinned
        || destructures
        || takes_receivers
        || keeps_items
        || compound
        || checked.changed
        || lowered.locals.iter().any(|l| l.slot)
    {
        let output = &function.output;
        let original = expected_output_in_shadow(
            lowered_temporary_scopes_in_2024(held_receivers_in_shadow(strip_in_place_attrs(
                shadow_body,
            ))),
            output,
        );
        let guards = &checked.guards;
        // The arguments under their names as the user wrote them.
        let bindings = params.iter().filter_map(|p| {
            let (pat, field) = (p.pat.as_ref()?, &p.field);
            Some(quote!(let #pat = #field;))
        });
        quote! {
            // The body's block inside the closure's is `{ { expr } }` for a
            // body that is one expression: `unused_braces`.
            #[allow(unreachable_code, unused_variables, unused_mut, unused_braces, clippy::all)]
            if false {
                let _ = async move || -> #output { #(#guards)* #(#bindings)* #original };
                loop {}
            }
        }
    } else {
        TokenStream::new()
    };

    // The never-run copy uses the receiver itself, which it may mutate.
    let mut_self = function.self_mutable && !shadow.is_empty();
    let MachineFn {
        attrs,
        vis,
        sig,
        output,
        ..
    } = &mut function;
    sig.asyncness = None;
    if mut_self && let Some(syn::FnArg::Receiver(receiver)) = sig.inputs.first_mut() {
        receiver.mutability = Some(syn::Token![mut](receiver.self_token.span));
    }
    let unused_mut = mut_self.then(|| quote!(#[allow(unused_mut)]));
    // Only the user's own locals in slots can hold borrows of generic types.
    let user_slots = lowered.locals.iter().any(|l| l.slot && !l.internal_slot);
    if user_slots && function_is_free(sig) {
        add_frame_lifetime(sig);
    }
    // `StateMachine`, a `Future`, lets callers ask where the machine is. In a trait
    // impl it refines the trait's signature (as the macro cannot tell a
    // trait impl from an inherent one, the lint is allowed everywhere).
    sig.output = syn::parse_quote!(-> impl ::statemachine_runtime::StateMachine<Output = #output>);
    Ok(quote! {
        #(#attrs)*
        #[allow(refining_impl_trait)]
        #unused_mut
        #vis #sig {
                        #(#hoisted)*
            #shadow
            #machine
        }
    })
}

/// Without a receiver: a method could implement a trait's, whose generics
/// the macro must not change.
fn function_is_free(sig: &syn::Signature) -> bool {
    !matches!(sig.inputs.first(), Some(syn::FnArg::Receiver(_)))
}

/// Borrows of a slot get an inferred lifetime, which the returned future's
/// type captures. In a generic function the only lifetime that fits would be
/// `'static` (E0310 without `T: 'static`): a synthetic `'__frame` that every
/// type parameter outlives gives it one of the function's own.
///
/// Input: `fn f<T: Debug>(t: T, label: impl AsRef<str>)`
/// Output: `fn f<'__frame, T: Debug + '__frame>(t: T, label: impl AsRef<str> + '__frame)`
fn add_frame_lifetime(sig: &mut syn::Signature) {
    let frame = syn::Lifetime::new("'__frame", Span::call_site());
    // On the parameters themselves: a bound in a second place would trip
    // clippy's `multiple_bound_locations` in the user's crate.
    let mut bounded = false;
    for ty in sig.generics.type_params_mut() {
        ty.bounds.push(syn::TypeParamBound::Lifetime(frame.clone()));
        bounded = true;
    }
    // An `impl Trait` argument is an anonymous type parameter.
    let mut arguments = BoundImplTraitArguments {
        frame: &frame,
        bounded: false,
    };
    for input in &mut sig.inputs {
        if let syn::FnArg::Typed(argument) = input {
            arguments.visit_type_mut(&mut argument.ty);
        }
    }
    if bounded || arguments.bounded {
        sig.generics.params.insert(
            0,
            syn::GenericParam::Lifetime(syn::LifetimeParam::new(frame)),
        );
    }
}

/// Adds a lifetime bound to every `impl Trait` in an argument's type.
struct BoundImplTraitArguments<'a> {
    frame: &'a syn::Lifetime,
    bounded: bool,
}

impl VisitMut for BoundImplTraitArguments<'_> {
    fn visit_type_impl_trait_mut(&mut self, ty: &mut syn::TypeImplTrait) {
        // Inner ones first (`impl Iterator<Item = impl Debug>`).
        syn::visit_mut::visit_type_impl_trait_mut(self, ty);
        ty.bounds
            .push(syn::TypeParamBound::Lifetime(self.frame.clone()));
        self.bounded = true;
    }
}

pub(crate) fn combine(errors: impl Iterator<Item = syn::Error>) -> Option<syn::Error> {
    errors.reduce(|mut all, next| {
        all.combine(next);
        all
    })
}

/// `self` cannot name a closure's local: the body refers to the receiver as a
/// hygienic `__self` instead (also inside macro calls, but not in `self::`
/// paths or nested items).
struct RenameSelf<'a> {
    to: &'a Ident,
}

impl RenameSelf<'_> {
    fn rename_tokens(&self, tokens: TokenStream) -> TokenStream {
        let trees: Vec<TokenTree> = tokens.into_iter().collect();
        let mut out = Vec::with_capacity(trees.len());
        for (index, tree) in trees.iter().enumerate() {
            let followed_by_path =
                matches!(trees.get(index + 1), Some(TokenTree::Punct(p)) if p.as_char() == ':');
            match tree {
                TokenTree::Ident(ident) if ident == "self" && !followed_by_path => {
                    out.push(TokenTree::Ident(Ident::new(
                        &self.to.to_string(),
                        ident.span(),
                    )));
                }
                TokenTree::Group(group) => {
                    let mut renamed = proc_macro2::Group::new(
                        group.delimiter(),
                        self.rename_tokens(group.stream()),
                    );
                    renamed.set_span(group.span());
                    out.push(TokenTree::Group(renamed));
                }
                // `format!("{self:?}")` captures `self` by name.
                TokenTree::Literal(lit) => {
                    match syn::parse2::<syn::LitStr>(lit.to_token_stream()) {
                        Ok(text) if text.value().contains("{self") => {
                            let value = text
                                .value()
                                .replace("{self}", &format!("{{{}}}", self.to))
                                .replace("{self:", &format!("{{{}:", self.to));
                            out.push(TokenTree::Literal(
                                syn::LitStr::new(&value, lit.span()).token(),
                            ));
                        }
                        _ => out.push(tree.clone()),
                    }
                }
                other => out.push(other.clone()),
            }
        }
        out.into_iter().collect()
    }
}

impl VisitMut for RenameSelf<'_> {
    fn visit_expr_path_mut(&mut self, path: &mut syn::ExprPath) {
        if path.qself.is_none() && path.path.is_ident("self") {
            let span = path.path.segments[0].ident.span();
            path.path.segments[0].ident = Ident::new(&self.to.to_string(), span);
        }
    }
    fn visit_macro_mut(&mut self, mac: &mut syn::Macro) {
        mac.tokens = self.rename_tokens(std::mem::take(&mut mac.tokens));
    }
    fn visit_item_mut(&mut self, _: &mut syn::Item) {}
}

/// Whether control never falls out of `frame`: its last code is a jump, or a
/// nested scope that always jumps.
fn always_jumps(frame: &Frame) -> bool {
    let last = frame.items.iter().rev().find(|item| match item {
        Item::Tokens(tokens) => !tokens.is_empty(),
        Item::Decl(_) | Item::Uninit(..) => false,
        Item::Frame(_) | Item::Term(_) => true,
    });
    match last {
        Some(Item::Term(_)) => true,
        Some(Item::Frame(child)) => child.suffix.is_empty() && always_jumps(child),
        _ => false,
    }
}

/// Makes the invisible groups around `macro_rules!` fragments parentheses,
/// so every rule that sees through parentheses (a place stays a place) sees
/// through them too.
///
/// Input: `«s».len()` (`$e.len()` with `$e` = `s`)
/// Output: `(s).len()`
fn parenthesize_groups(body: &mut syn::Block) {
    struct Parenthesize;
    impl VisitMut for Parenthesize {
        fn visit_expr_mut(&mut self, expr: &mut syn::Expr) {
            syn::visit_mut::visit_expr_mut(self, expr);
            if let syn::Expr::Group(group) = expr {
                let span = group.group_token.span;
                let inner = std::mem::replace(&mut *group.expr, syn::Expr::PLACEHOLDER);
                *expr = syn::Expr::Paren(syn::ExprParen {
                    attrs: std::mem::take(&mut group.attrs),
                    paren_token: syn::token::Paren(span),
                    expr: Box::new(inner),
                });
            }
        }
        fn visit_item_mut(&mut self, _: &mut syn::Item) {}
    }
    Parenthesize.visit_block_mut(body);
}

/// Writes each destructuring assignment as rustc defines it: a `let` of
/// its pattern, then one plain assignment per place, in order. Each is then
/// lowered as any `let` and assignment is (a local declared without a
/// value is initialized there; an old value is dropped at its assignment).
///
/// Input: `(a, [b, _], S { f: s.0, .. }) = rhs`
/// Output: `{ let (t0, [t1, _], S { f: t2, .. }) = rhs; a = t0; b = t1; s.0 = t2; }`
fn desugar_destructuring_assignments(body: &mut syn::Block) {
    /// The pattern of an assignee expression, with a fresh binding for each
    /// place it assigns (pushed to `places`); `None` where it is not one.
    fn pattern(left: &syn::Expr, places: &mut Vec<(syn::Expr, Ident)>) -> Option<TokenStream> {
        use syn::Expr;
        let all = |elems: &mut dyn Iterator<Item = &Expr>, places: &mut Vec<(Expr, Ident)>| {
            elems
                .map(|e| pattern(e, places))
                .collect::<Option<Vec<TokenStream>>>()
        };
        Some(match left {
            Expr::Paren(p) => pattern(&p.expr, places)?,
            Expr::Infer(_) => quote!(_),
            Expr::Range(r) if r.start.is_none() && r.end.is_none() => quote!(..),
            Expr::Tuple(t) => {
                let elems = all(&mut t.elems.iter(), places)?;
                // `(a,) = ..`: a one-element tuple keeps its comma.
                quote!((#(#elems,)*))
            }
            Expr::Array(a) => {
                let elems = all(&mut a.elems.iter(), places)?;
                quote!([#(#elems),*])
            }
            Expr::Call(c) => {
                let Expr::Path(path) = &*c.func else {
                    return None;
                };
                let elems = all(&mut c.args.iter(), places)?;
                quote!(#path(#(#elems),*))
            }
            Expr::Struct(s) if s.rest.is_none() => {
                let fields = s
                    .fields
                    .iter()
                    .map(|f| {
                        let member = &f.member;
                        pattern(&f.expr, places).map(|p| quote!(#member: #p))
                    })
                    .collect::<Option<Vec<_>>>()?;
                let (path, rest) = (&s.path, s.dot2_token.map(|_| quote!(..)));
                quote!(#path { #(#fields,)* #rest })
            }
            place => {
                let binding =
                    format_ident!("__destructured{}", places.len(), span = Span::mixed_site());
                places.push((place.clone(), binding.clone()));
                quote!(#binding)
            }
        })
    }
    struct Desugar;
    impl VisitMut for Desugar {
        fn visit_expr_mut(&mut self, expr: &mut syn::Expr) {
            syn::visit_mut::visit_expr_mut(self, expr);
            let syn::Expr::Assign(assign) = expr else {
                return;
            };
            if !matches!(
                &*assign.left,
                syn::Expr::Tuple(_)
                    | syn::Expr::Array(_)
                    | syn::Expr::Call(_)
                    | syn::Expr::Struct(_)
            ) {
                return;
            }
            let mut places = Vec::new();
            let Some(pat) = pattern(&assign.left, &mut places) else {
                return;
            };
            let right = &assign.right;
            let assignments = places
                .iter()
                .map(|(place, binding)| quote!(#place = #binding;));
            *expr = syn::parse_quote!({ let #pat = #right; #(#assignments)* });
        }
        // Closures are lowered verbatim; items are not the body's.
        fn visit_expr_closure_mut(&mut self, _: &mut syn::ExprClosure) {}
        fn visit_item_mut(&mut self, _: &mut syn::Item) {}
    }
    Desugar.visit_block_mut(body);
}

/// In the shadow body: before each statement that destructures a local by
/// value through a constructor (`let P { a, b } = p;`, `match e { E::B(k)
/// => .. }`), a check that the type has no `Drop` impl. The machine reads
/// such a pattern as moving the local (see `scan::pattern_move`), which it
/// does unless the type has one. Returns whether it added any.
///
/// Input: `let P(a, b) = p;`
/// Output: `{ use ..; pattern_moves((&Destructured(&p)).pattern_check()); }
/// let P(a, b) = p;`
fn check_destructuring_in_shadow(body: &mut syn::Block) -> bool {
    /// The locals a statement destructures by value, outside nested blocks.
    #[derive(Default)]
    struct Scrutinees {
        names: Vec<Ident>,
        bound: Vec<String>,
    }
    impl Scrutinees {
        fn check(&mut self, expr: &syn::Expr, pats: &[&syn::Pat]) {
            self.bound.extend(
                pats.iter()
                    .flat_map(|p| scan::pattern_bindings(p))
                    .map(|b| b.ident.to_string()),
            );
            if let Some(name) = scan::plain_name(scan::peel_parens(expr))
                && pats.iter().any(|p| scan::user_constructor_at_top(p))
                && !self.names.contains(name)
            {
                self.names.push(name.clone());
            }
        }
    }
    impl<'ast> syn::visit::Visit<'ast> for Scrutinees {
        fn visit_expr(&mut self, expr: &'ast syn::Expr) {
            match expr {
                syn::Expr::Block(_) | syn::Expr::Closure(_) | syn::Expr::Async(_) => return,
                syn::Expr::Match(m) => {
                    let pats: Vec<&syn::Pat> = m.arms.iter().map(|a| &a.pat).collect();
                    self.check(&m.expr, &pats);
                }
                syn::Expr::Let(l) => self.check(&l.expr, &[&*l.pat]),
                _ => {}
            }
            syn::visit::visit_expr(self, expr);
        }
        fn visit_block(&mut self, _: &'ast syn::Block) {}
        fn visit_item(&mut self, _: &'ast syn::Item) {}
    }
    struct Insert(bool);
    impl VisitMut for Insert {
        fn visit_block_mut(&mut self, block: &mut syn::Block) {
            syn::visit_mut::visit_block_mut(self, block);
            for stmt in std::mem::take(&mut block.stmts) {
                let mut found = Scrutinees::default();
                if let Stmt::Local(local) = &stmt
                    && let Some(init) = &local.init
                {
                    found.check(&init.expr, &[&local.pat]);
                }
                syn::visit::Visit::visit_stmt(&mut found, &stmt);
                for name in found.names {
                    if found.bound.contains(&name.to_string()) {
                        continue;
                    }
                    self.0 = true;
                    let private = quote!(::statemachine_runtime::__private);
                    block.stmts.push(syn::parse_quote_spanned! {name.span()=> {
                        #[allow(unused_imports)]
                        use #private::{ViaDropImpl as _, ViaNoDropImpl as _};
                        #private::pattern_moves((&#private::Destructured(&#name)).pattern_check());
                    }});
                }
                block.stmts.push(stmt);
            }
        }
        fn visit_item_mut(&mut self, _: &mut syn::Item) {}
    }
    let mut insert = Insert(false);
    insert.visit_block_mut(body);
    insert.0
}

/// In the shadow body: a compound assignment whose value awaits, to a place
/// other than a plain local path, is evaluated by the machine value first,
/// then place, as rustc evaluates a built-in operator, where an overloaded
/// one would have its place evaluated before the value's await. Where that
/// shows (see `scan::compound_assignment_checked_in_shadow`), the copy
/// checks both operands are primitive (see `__private::BuiltinOperands`):
/// written as a built-in operator of its own, it keeps rustc's order and
/// the statement's temporaries. Returns whether it changed any.
///
/// Input: `v[i] += f().await`
/// Output: `{ let pair = PhantomData; *builtin_place(&mut v[i], &pair) +=
/// builtin_value(f().await, &pair) }`
fn check_compound_assignments_in_shadow(body: &mut syn::Block) -> bool {
    struct Check(bool);
    impl VisitMut for Check {
        fn visit_expr_mut(&mut self, expr: &mut syn::Expr) {
            syn::visit_mut::visit_expr_mut(self, expr);
            let syn::Expr::Binary(b) = expr else {
                return;
            };
            if !scan::is_compound_assignment(&b.op)
                || !scan::compound_assignment_checked_in_shadow(b)
            {
                return;
            }
            self.0 = true;
            let (place, op, value) = (&b.left, &b.op, &b.right);
            let private = quote!(::statemachine_runtime::__private);
            // The macro's own name, which the user's code cannot see.
            let pair = Ident::new("pair", Span::mixed_site());
            let place_span = syn::spanned::Spanned::span(place);
            let value_span = syn::spanned::Spanned::span(value);
            let place = quote_spanned!(place_span=> #private::builtin_place(&mut #place, &#pair));
            let value = quote_spanned!(value_span=> #private::builtin_value(#value, &#pair));
            *expr = syn::parse_quote!({
                let #pair = ::core::marker::PhantomData;
                *#place #op #value
            });
        }
        // The machine leaves these as written.
        fn visit_expr_async_mut(&mut self, _: &mut syn::ExprAsync) {}
        fn visit_expr_closure_mut(&mut self, _: &mut syn::ExprClosure) {}
        fn visit_item_mut(&mut self, _: &mut syn::Item) {}
    }
    let mut check = Check(false);
    check.visit_block_mut(body);
    check.0
}

/// In the shadow body: checks each method call that the machine takes to
/// consume its receiver, where a wrong guess would drop a value early or
/// leave a borrow of its slot dangling. Returns whether it checked any.
/// - A local with a method of `scan::consumes_receiver` by its name alone
///   (`into_*`, `unwrap*`, `expect*`, `takes_self(..)`): the call is checked
///   to take it by value (see `__private::checks_the_call`). Only a local
///   named in `taken` is: one the machine keeps in place, or takes to be
///   gone at an edge where it is still in scope (see
///   `liveness::taken_while_in_scope`); elsewhere the guess changes nothing.
/// - A local with an adaptor's name, `into_iter` or `into_future`
///   (`scan::checked_adaptor`):
///   it is checked to be one of the types whose own method of that name
///   takes `self` (see `__private::AdaptorReceiver`), as the check above
///   would find the trait's method ambiguous with its own.
/// - A temporary with a method of `scan::takes_receiver` in a statement that
///   awaits (the machine then drops it at the call rather than at the end
///   of the statement): refused if the method may only copy a `Copy` value
///   it dereferences to (see `__private::TakenReceiver`).
///
/// Input: `let id = user.unwrap_or(0);`
/// Output: `let id = checked_call(if checks_the_call() { trait MethodTakingSelf:
/// Sized { fn unwrap_or(self, _: impl Sized) -> ! where Self: DroppableAtTheCall
/// { loop {} } } impl<T> MethodTakingSelf for T {} let receiver = user; let _ =
/// receiver.unwrap_or(0); loop {} }, user.unwrap_or(0));`
///
/// Input: `let name = user.map(|u| u.0);`
/// Output: `let _ = (&&&AdaptorReceiver::<_, AnOptionAResultAnIteratorOrAnArray>
/// ::of_iterator(&user, StdIterator.fuse())).adaptor_check(); let name =
/// user.map(|u| u.0);` (`of` for a name no iterator owns, `of_into_iterator`
/// for `into_iter`, `of_into_future` for `into_future`), with the resolving
/// traits imported at the top of the body.
///
/// Input: `c.borrow().map(f).len() + g().await`
/// Output: `(&&TakenReceiver::new(c.borrow())).receiver().map(f).len() +
/// g().await`
fn check_taken_receivers_in_shadow(body: &mut syn::Block, taken: &BTreeSet<String>) -> bool {
    struct Wrap<'t> {
        /// The names of the locals whose calls are checked (see
        /// `liveness::taken_while_in_scope`).
        taken: &'t BTreeSet<String>,
        /// Whether the innermost statement being visited awaits.
        statement_awaits: bool,
        /// The local receivers met in the innermost statement, outside the
        /// patterns that bind them, with the owners each is checked for.
        locals: Vec<(Ident, scan::AdaptorOwners)>,
        /// The `match` arms and `let` chains around the expression being
        /// visited, inside the innermost statement, innermost last.
        scopes: Vec<PatternScope>,
        wrapped: bool,
    }
    /// Names a pattern inside the statement binds (an arm's, a `let`
    /// chain's), and the receivers among them met where they are bound.
    struct PatternScope {
        /// Each name, with the operand of the `let` chain that binds it
        /// (0 in an arm).
        names: Vec<(String, usize)>,
        /// In an arm's guard, in an arm without an await, or in a chain
        /// whose condition has none (nor its body, in a `let`'s
        /// scrutinee), where the machine keeps the binding to the end of
        /// its scope: not checked.
        unchecked: bool,
        receivers: Vec<(Ident, usize, scan::AdaptorOwners)>,
    }
    /// Checks that local receiver `local` is one of `owners`.
    fn check(local: &Ident, owners: scan::AdaptorOwners) -> Stmt {
        let span = local.span();
        let private = quote_spanned!(span=> ::statemachine_runtime::__private);
        let marker = Ident::new(owners.marker(), span);
        // The constructor, and the call that proves the owners' std trait is
        // in scope, if the name is a trait's.
        let (of, in_scope) = match owners.trait_in_scope() {
            scan::OwnersTrait::Iterator => (
                "of_iterator",
                Some(quote_spanned!(span=> StdIterator.fuse())),
            ),
            scan::OwnersTrait::IntoIterator => (
                "of_into_iterator",
                Some(quote_spanned!(span=> StdIterator.into_iter())),
            ),
            scan::OwnersTrait::IntoFuture => (
                "of_into_future",
                Some(quote_spanned!(span=> StdFuture.into_future())),
            ),
            scan::OwnersTrait::None => ("of", None),
        };
        let of = Ident::new(of, span);
        let in_scope = in_scope.map(|call| quote_spanned!(span=> , #private::#call));
        let receiver = quote_spanned!(span=>
            #private::AdaptorReceiver::<_, #private::#marker>::#of(&#local #in_scope));
        syn::parse_quote_spanned! {span=>
            let _ = (&&&#receiver).adaptor_check();
        }
    }
    /// `call` (as visited), after a branch that calls `original` (as
    /// written) with every type given a method of its name that takes
    /// `self` and that only a reference may call: see
    /// `__private::checks_the_call`. The branch takes the arguments as
    /// written, so that checks inside them are not repeated there.
    fn checked_call(original: &syn::ExprMethodCall, call: &syn::ExprMethodCall) -> syn::Expr {
        let private = quote!(::statemachine_runtime::__private);
        // The receiver moved into a binding of the macro's, called with the
        // call's own tokens spanned as the macro's where they stand (the
        // arguments keep theirs): on the user's local, rustc's "consider
        // borrowing here" would replace the check's label and note with its
        // own. Moving it is harmless on a path that ends in `loop {}`.
        let ours = |span: Span| Span::mixed_site().located_at(span);
        let value = &original.receiver;
        let receiver = Ident::new("receiver", ours(syn::spanned::Spanned::span(value)));
        let dot = syn::Token![.](ours(original.dot_token.span));
        let mut called = original.method.clone();
        called.set_span(ours(called.span()));
        let turbofish = &original.turbofish;
        let mut arguments = TokenStream::new();
        syn::token::Paren(ours(original.paren_token.span.join()))
            .surround(&mut arguments, |tokens| original.args.to_tokens(tokens));
        let method = &original.method;
        let generics = original
            .turbofish
            .iter()
            .flat_map(|t| &t.args)
            .enumerate()
            .map(|(i, argument)| match argument {
                syn::GenericArgument::Lifetime(_) => {
                    syn::Lifetime::new(&format!("'l{i}"), Span::call_site()).into_token_stream()
                }
                _ => format_ident!("G{i}").into_token_stream(),
            });
        let parameters = original
            .args
            .iter()
            .map(|_| quote!(_: impl ::core::marker::Sized));
        let tokens = quote! {
            #private::checked_call(
                if #private::checks_the_call() {
                    #[allow(dead_code, non_camel_case_types)]
                    trait MethodTakingSelf: ::core::marker::Sized {
                        fn #method<#(#generics),*>(self, #(#parameters),*) -> !
                        where
                            Self: #private::DroppableAtTheCall,
                        {
                            loop {}
                        }
                    }
                    impl<T> MethodTakingSelf for T {}
                    let #receiver = #value;
                    // What the arguments assign is read on the other path.
                    #[allow(unused_assignments)]
                    let _ = #receiver #dot #called #turbofish #arguments;
                    loop {}
                },
                #call,
            )
        };
        syn::parse_quote!(#tokens)
    }
    impl Wrap<'_> {
        /// Whether `call` is checked to take its local receiver by value: a
        /// method the machine takes to consume it by its name alone, on a
        /// local named in `taken`, unless a pattern binds the local where
        /// the machine keeps it to the end of its scope (see
        /// `PatternScope::unchecked`).
        fn checks_the_call(&self, call: &syn::ExprMethodCall) -> bool {
            let Some(name) = self.taken_local(call) else {
                return false;
            };
            let text = name.to_string();
            let unchecked = self
                .scopes
                .iter()
                .rev()
                .find(|scope| scope.names.iter().any(|(n, _)| *n == text))
                .is_some_and(|scope| scope.unchecked);
            scan::checked_adaptor(&call.method).is_none() && !unchecked
        }

        /// The local receiver of `call` if the machine takes the method to
        /// consume it and the guess matters (a local named in `taken`): a
        /// local, not a constant or a variant (`None`, whose type the
        /// checks alone could not infer). Not for `into` and `try_into`,
        /// which blanket impls give every type, by value.
        fn taken_local<'c>(&self, call: &'c syn::ExprMethodCall) -> Option<&'c Ident> {
            let name = scan::plain_name(scan::peel_parens(&call.receiver))?;
            let text = name.to_string();
            let taken = scan::consumes_receiver(&call.method)
                && call.method != "into"
                && call.method != "try_into"
                && !text.starts_with(|c: char| c.is_ascii_uppercase())
                && self.taken.contains(&text);
            taken.then_some(name)
        }

        /// Where the check of local receiver `name` goes: the statement's
        /// list, the scope of the pattern that binds it, or nowhere.
        fn note_local(&mut self, name: &Ident, kind: scan::AdaptorOwners) {
            let text = name.to_string();
            let binding = self.scopes.iter_mut().rev().find_map(|scope| {
                let at = scope.names.iter().rev().find(|(n, _)| *n == text)?.1;
                Some((scope, at))
            });
            if let Some((scope, at)) = binding {
                if !scope.unchecked
                    && !scope
                        .receivers
                        .iter()
                        .any(|(r, _, k)| r == name && *k == kind)
                {
                    scope.receivers.push((name.clone(), at, kind));
                }
            } else if !self.locals.iter().any(|(l, k)| l == name && *k == kind) {
                self.locals.push((name.clone(), kind));
            }
        }

        /// Visits a condition, with the names its `let`s bind in scope.
        ///
        /// Input: `if let Some(g) = x && g.map_or(0, f) + f().await > 0 {`
        /// Output: `if let Some(g) = x && { let _ = (&&&AdaptorReceiver::<_,
        /// ..>::of(&g)).adaptor_check(); true } && g.map_or(0, f) +
        /// f().await > 0 {`
        fn visit_condition(&mut self, cond: &mut syn::Expr, body: &syn::Block) {
            let mut operands = chain_operands(cond);
            if !operands.iter().any(|o| matches!(o, syn::Expr::Let(_))) {
                return self.visit_expr_mut(cond);
            }
            let condition_awaits = scan::has_await(cond);
            // A later `let` of the chain takes a binding it consumes before
            // the body (`&& let v = g.unwrap_or(0)`), where a plain operand
            // leaves it to the end of the body: checked there when the body
            // awaits too (probe O).
            let body_awaits = body.stmts.iter().any(scan::stmt_awaits);
            self.scopes.push(PatternScope {
                names: Vec::new(),
                unchecked: !condition_awaits,
                receivers: Vec::new(),
            });
            for (at, operand) in operands.iter_mut().enumerate() {
                let syn::Expr::Let(l) = operand else {
                    self.visit_expr_mut(operand);
                    continue;
                };
                if let Some(scope) = self.scopes.last_mut() {
                    scope.unchecked = !condition_awaits && !body_awaits;
                }
                // The scrutinee is evaluated before the pattern binds.
                self.visit_expr_mut(&mut l.expr);
                if let Some(scope) = self.scopes.last_mut() {
                    scope.unchecked = !condition_awaits;
                }
                self.visit_pat_mut(&mut l.pat);
                let names = scan::pattern_bindings(&l.pat);
                if let Some(scope) = self.scopes.last_mut() {
                    scope
                        .names
                        .extend(names.iter().map(|b| (b.ident.to_string(), at)));
                }
            }
            let receivers = self.scopes.pop().map(|s| s.receivers).unwrap_or_default();
            // Right after the `let` that binds each, before any use.
            let mut checked = Vec::new();
            for (at, operand) in operands.into_iter().enumerate() {
                checked.push(operand);
                let checks: Vec<Stmt> = receivers
                    .iter()
                    .filter(|(_, by, _)| *by == at)
                    .map(|(r, _, kind)| check(r, *kind))
                    .collect();
                if !checks.is_empty() {
                    checked.push(syn::parse_quote!({ #(#checks)* true }));
                }
            }
            let mut operands = checked.into_iter();
            if let Some(first) = operands.next() {
                *cond = operands.fold(first, |chain, next| syn::parse_quote!(#chain && #next));
            }
        }
    }
    /// The operands of a condition's `&&` chain, left to right.
    fn chain_operands(cond: &syn::Expr) -> Vec<syn::Expr> {
        let mut operands = Vec::new();
        crate::lower::flatten_and(cond, &mut operands, &|_| true);
        operands.into_iter().cloned().collect()
    }
    impl VisitMut for Wrap<'_> {
        fn visit_block_mut(&mut self, block: &mut syn::Block) {
            for mut stmt in std::mem::take(&mut block.stmts) {
                let outer = std::mem::take(&mut self.locals);
                let outer_scopes = std::mem::take(&mut self.scopes);
                let awaits =
                    std::mem::replace(&mut self.statement_awaits, scan::stmt_awaits(&stmt));
                syn::visit_mut::visit_stmt_mut(self, &mut stmt);
                self.statement_awaits = awaits;
                self.scopes = outer_scopes;
                let locals = std::mem::replace(&mut self.locals, outer);
                // A statement of its own, which leaves the call as written:
                // moving a `&mut` local into the check would end it, where
                // the call reborrows it.
                block
                    .stmts
                    .extend(locals.iter().map(|(l, kind)| check(l, *kind)));
                block.stmts.push(stmt);
            }
        }
        // Input: `g => g.map(f).len() + f().await,`
        // Output: `g => { let _ = (&&&AdaptorReceiver::<_, ..>::of(&g))
        // .adaptor_check(); g.map(f).len() + f().await },`
        fn visit_arm_mut(&mut self, arm: &mut syn::Arm) {
            self.visit_pat_mut(&mut arm.pat);
            let names = scan::pattern_bindings(&arm.pat)
                .iter()
                .map(|b| (b.ident.to_string(), 0))
                .collect();
            self.scopes.push(PatternScope {
                names,
                unchecked: true,
                receivers: Vec::new(),
            });
            if let Some((_, guard)) = &mut arm.guard {
                self.visit_expr_mut(guard);
            }
            // Without an await in the arm, the binding ends with the arm
            // in the machine as in rustc.
            let awaits = scan::has_await(&arm.body);
            if let Some(scope) = self.scopes.last_mut() {
                scope.unchecked = !awaits;
            }
            self.visit_expr_mut(&mut arm.body);
            let Some(scope) = self.scopes.pop() else {
                return;
            };
            if !scope.receivers.is_empty() {
                let checks = scope.receivers.iter().map(|(r, _, kind)| check(r, *kind));
                let body = &arm.body;
                *arm.body = syn::parse_quote!({ #(#checks)* #body });
            }
        }
        fn visit_expr_if_mut(&mut self, e: &mut syn::ExprIf) {
            self.visit_condition(&mut e.cond, &e.then_branch);
            self.visit_block_mut(&mut e.then_branch);
            if let Some((_, otherwise)) = &mut e.else_branch {
                self.visit_expr_mut(otherwise);
            }
        }
        fn visit_expr_while_mut(&mut self, e: &mut syn::ExprWhile) {
            self.visit_condition(&mut e.cond, &e.body);
            self.visit_block_mut(&mut e.body);
        }
        // Input: `user.unwrap_or(0)`
        // Output: `checked_call(if checks_the_call() { ..; let receiver =
        // user; let _ = receiver.unwrap_or(0); loop {} }, user.unwrap_or(0))`
        fn visit_expr_mut(&mut self, expr: &mut syn::Expr) {
            let original = match expr {
                syn::Expr::MethodCall(call) if self.checks_the_call(call) => Some(call.clone()),
                _ => None,
            };
            syn::visit_mut::visit_expr_mut(self, expr);
            if let (Some(original), syn::Expr::MethodCall(call)) = (original, &*expr) {
                self.wrapped = true;
                *expr = checked_call(&original, call);
            }
        }
        fn visit_expr_method_call_mut(&mut self, call: &mut syn::ExprMethodCall) {
            syn::visit_mut::visit_expr_method_call_mut(self, call);
            let receiver = scan::peel_parens(&call.receiver);
            match receiver {
                syn::Expr::Path(_) => {
                    if let Some(name) = self.taken_local(call)
                        && let Some(owners) = scan::checked_adaptor(&call.method)
                    {
                        self.wrapped = true;
                        let name = name.clone();
                        self.note_local(&name, owners);
                    }
                }
                syn::Expr::Lit(_) => {}
                other => {
                    if scan::is_place_like(other)
                        || !self.statement_awaits
                        || !scan::takes_receiver(call)
                    {
                        return;
                    }
                    self.wrapped = true;
                    // Without its parentheses, which would be `unused_parens` there.
                    let receiver = receiver.clone();
                    let span = syn::spanned::Spanned::span(&receiver);
                    *call.receiver = syn::parse_quote_spanned!(span=>
                        (&&::statemachine_runtime::__private::TakenReceiver::new(#receiver))
                            .receiver());
                }
            }
        }
        fn visit_macro_mut(&mut self, mac: &mut syn::Macro) {
            scan::rewrite_read_macro_arguments(mac, &mut |argument| {
                self.visit_expr_mut(argument);
            });
        }
        // The machine leaves these as written.
        fn visit_expr_async_mut(&mut self, _: &mut syn::ExprAsync) {}
        fn visit_expr_closure_mut(&mut self, _: &mut syn::ExprClosure) {}
        fn visit_item_mut(&mut self, _: &mut syn::Item) {}
    }
    let mut wrap = Wrap {
        taken,
        statement_awaits: false,
        locals: Vec::new(),
        scopes: Vec::new(),
        wrapped: false,
    };
    wrap.visit_block_mut(body);
    if wrap.wrapped {
        body.stmts.insert(
            0,
            syn::parse_quote!(
                #[allow(unused_imports)]
                use ::statemachine_runtime::__private::{
                    InherentAdaptorReceiver as _, IntoFutureAdaptorReceiver as _,
                    IntoIteratorAdaptorReceiver as _, StdIntoFutureNotInScope as _,
                    IteratorAdaptorReceiver as _, MovedReceiver as _,
                    MutableReferenceAdaptorReceiver as _, ReceiverDerefsToCopy as _,
                    ReferenceReceiver as _, RefusedAdaptorReceiver as _,
                    SharedReferenceAdaptorReceiver as _, StdIteratorNotInScope as _,
                };
            ),
        );
    }
    wrap.wrapped
}

/// In the shadow body: in a `for` loop whose body awaits and whose pattern
/// leaves part of the item unbound (`(a, _)`), the check that goes with
/// what the machine does with the item (see `scan::ForItem`). Kept whole
/// for what the pattern leaves, which rustc drops at the end of the
/// iteration, the item must not be partly moved: each binding by value is
/// checked `Copy`. Moved beside a `&mut` binding, each part the pattern
/// leaves is named and checked `Copy`, so that dropping it early drops
/// nothing. Returns whether it added any.
///
/// Input: `for (a, _) in pairs { f().await; }`
/// Output: `for (a, _) in pairs { { use ..; copied_out_of_the_item((&&ItemBinding(&a))
/// .item_check()); } f().await; }`
///
/// Input: `for (x, _) in a.iter_mut().zip(b.iter()) { f().await; }`
/// Output: `for (x, __left0) in a.iter_mut().zip(b.iter()) {
/// left_by_the_pattern(&__left0); f().await; }`
fn check_for_items_in_shadow(body: &mut syn::Block) -> bool {
    struct Check(bool);
    impl VisitMut for Check {
        fn visit_expr_for_loop_mut(&mut self, f: &mut syn::ExprForLoop) {
            syn::visit_mut::visit_expr_for_loop_mut(self, f);
            let private = quote!(::statemachine_runtime::__private);
            match scan::for_item(&f.pat, &f.expr, &f.body.stmts) {
                scan::ForItem::Moved => {}
                scan::ForItem::Kept if scan::pattern_move(&f.pat) != scan::PatternMove::Part => {}
                scan::ForItem::Kept => {
                    for binding in scan::pattern_bindings(&f.pat) {
                        if binding.by_ref {
                            continue;
                        }
                        self.0 = true;
                        let name = &binding.ident;
                        f.body.stmts.insert(
                            0,
                            syn::parse_quote_spanned! {name.span()=> {
                                #[allow(unused_imports)]
                                use #private::{ViaCopy as _, ViaMove as _};
                                #private::copied_out_of_the_item((&&#private::ItemBinding(&#name)).item_check());
                            }},
                        );
                    }
                }
                scan::ForItem::LeftPartsChecked => {
                    struct Name(Vec<Ident>);
                    impl VisitMut for Name {
                        fn visit_pat_mut(&mut self, pat: &mut syn::Pat) {
                            let syn::Pat::Wild(wild) = pat else {
                                return syn::visit_mut::visit_pat_mut(self, pat);
                            };
                            let span = wild.underscore_token.span;
                            let name = format_ident!(
                                "__left{}",
                                self.0.len(),
                                span = Span::mixed_site().located_at(span)
                            );
                            *pat = syn::parse_quote!(#name);
                            self.0.push(name);
                        }
                    }
                    let mut named = Name(Vec::new());
                    named.visit_pat_mut(&mut f.pat);
                    for name in named.0.iter().rev() {
                        self.0 = true;
                        // All at the `_`, which the error names.
                        let span = name.span();
                        f.body.stmts.insert(
                            0,
                            syn::parse_quote_spanned! {span=>
                                ::statemachine_runtime::__private::left_by_the_pattern(&#name);
                            },
                        );
                    }
                }
            }
        }
        // The machine leaves these as written.
        fn visit_expr_async_mut(&mut self, _: &mut syn::ExprAsync) {}
        fn visit_expr_closure_mut(&mut self, _: &mut syn::ExprClosure) {}
        fn visit_item_mut(&mut self, _: &mut syn::Item) {}
    }
    let mut check = Check(false);
    check.visit_block_mut(body);
    check.0
}

/// Removes `#[in_place]` (a hint to the macro) from `let` statements.
fn strip_in_place_attrs(mut body: syn::Block) -> syn::Block {
    struct Strip;
    impl VisitMut for Strip {
        fn visit_local_mut(&mut self, local: &mut syn::Local) {
            local.attrs.retain(|a| !a.path().is_ident("in_place"));
            syn::visit_mut::visit_local_mut(self, local);
        }
        fn visit_item_mut(&mut self, _: &mut syn::Item) {}
    }
    Strip.visit_block_mut(&mut body);
    body
}

/// Gives the shadow body the function's output as the expected type of
/// its value and of its `return`s. An `async` closure's declared return
/// type does not guide its body as a function's does: a `return` or the
/// first branch of the tail would fix the type, so `-> Box<dyn Debug>`
/// with `Box::new(n)` in one branch and `Box::new("s")` in the other would
/// be rejected there, though rustc accepts the `async fn`.
///
/// Input: `{ if n > 9 { return Box::new(1); } if c { Box::new(n) } else { Box::new("s") } }`
/// Output: `{ let __output: Box<dyn Debug> = { if n > 9 { return
/// ::core::convert::identity::<Box<dyn Debug>>(Box::new(1)); } .. }; __output }`
fn expected_output_in_shadow(mut body: syn::Block, output: &syn::Type) -> syn::Block {
    if !scan::may_be_coerced_to(output) {
        return body;
    }
    struct Returns<'a>(&'a syn::Type);
    impl VisitMut for Returns<'_> {
        fn visit_expr_mut(&mut self, expr: &mut syn::Expr) {
            match expr {
                // Their own `return`s.
                syn::Expr::Closure(_) | syn::Expr::Async(_) => {}
                syn::Expr::Return(r) => {
                    syn::visit_mut::visit_expr_return_mut(self, r);
                    if let Some(value) = &mut r.expr {
                        **value = syn::Expr::Verbatim(scan::coerced(self.0, &**value));
                    }
                }
                _ => syn::visit_mut::visit_expr_mut(self, expr),
            }
        }
        fn visit_item_mut(&mut self, _: &mut syn::Item) {}
    }
    Returns(output).visit_block_mut(&mut body);
    let value = Ident::new("__output", Span::mixed_site());
    // The copy's `#[allow(unreachable_code)]` covers a body that returns.
    syn::parse_quote!({
        let #value: #output = #body;
        #value
    })
}

/// Holds in the shadow body the borrow the machine holds of an indexed
/// receiver across an argument that awaits (see `Lowerer::held_receiver`),
/// used after the arguments, as the machine uses it. Chosen by the
/// method's name, it may differ from rustc's, which depends on the method's
/// type: a use in the arguments that conflicts with it must fail to build
/// (`v[0].plus({ v.push(p); f().await })`, where rustc copies `v[0]` first
/// if `plus` takes `self`, and the machine would read freed memory).
///
/// Input: `v[i].push(f().await)`
/// Output: `{ let __held = &mut v[i]; (*__held).push(f().await) }`; for a
/// method borrowing `&` (or taking `self`, when the copy's receiver would
/// be copied before the arguments), `{ let __held = &v[i];
/// held_across_the_arguments((*detached_receiver(__held)).m(..), __held) }`,
/// as the machine reports a method that needs `&mut`.
fn held_receivers_in_shadow(mut body: syn::Block) -> syn::Block {
    struct Hold;
    impl VisitMut for Hold {
        fn visit_expr_mut(&mut self, expr: &mut syn::Expr) {
            syn::visit_mut::visit_expr_mut(self, expr);
            let syn::Expr::MethodCall(call) = expr else {
                return;
            };
            let Some(held) = crate::scan::held_receiver(call) else {
                return;
            };
            let span = syn::spanned::Spanned::span(&call.receiver);
            let name = Ident::new("__held", Span::mixed_site());
            if held == crate::scan::HeldReceiver::Unique {
                // The call's reborrow through it is used at the call, after
                // the arguments; a use after it would refuse the results
                // that borrow it (`v[i].entry(k).or_default()`).
                let receiver = std::mem::replace(&mut *call.receiver, syn::parse_quote!((*#name)));
                *expr = syn::parse_quote_spanned!(span=> {
                    let #name = &mut #receiver;
                    #call
                });
                return;
            }
            let through = syn::parse_quote_spanned!(span=>
                (*::statemachine_runtime::__private::detached_receiver(#name)));
            let receiver = std::mem::replace(&mut *call.receiver, through);
            *expr = syn::parse_quote_spanned!(span=> {
                let #name = &#receiver;
                ::statemachine_runtime::__private::held_across_the_arguments(#call, #name)
            });
        }
        fn visit_macro_mut(&mut self, mac: &mut syn::Macro) {
            crate::scan::rewrite_read_macro_arguments(mac, &mut |argument| {
                self.visit_expr_mut(argument);
            });
        }
        // The machine leaves these as written.
        fn visit_expr_async_mut(&mut self, _: &mut syn::ExprAsync) {}
        fn visit_expr_closure_mut(&mut self, _: &mut syn::ExprClosure) {}
        fn visit_item_mut(&mut self, _: &mut syn::Item) {}
    }
    Hold.visit_block_mut(&mut body);
    body
}

/// Gives the shadow body edition 2024's temporary scopes wherever the
/// machine lowers them so: the `if let`s and blocks that await. An edition
/// 2021 crate keeps an `if let` scrutinee's or a block tail's temporaries
/// to the end of the statement, but the machine drops them at the end of
/// the `if let` or block, as edition 2024 does; a value that still borrows
/// one then (`use_it(if let Some(d) = v().first() { f().await; d } else
/// { .. })`) must be rustc's E0716, not a read of a dropped value. The
/// `if` keyword and the braces get a span of the macro's own edition.
fn lowered_temporary_scopes_in_2024(mut body: syn::Block) -> syn::Block {
    struct Rescope;
    fn of_2024(span: Span) -> Span {
        Span::mixed_site().located_at(span)
    }
    impl VisitMut for Rescope {
        fn visit_expr_if_mut(&mut self, i: &mut syn::ExprIf) {
            if crate::scan::has_await(&syn::Expr::If(i.clone())) {
                i.if_token.span = of_2024(i.if_token.span);
            }
            syn::visit_mut::visit_expr_if_mut(self, i);
        }
        fn visit_block_mut(&mut self, block: &mut syn::Block) {
            let awaits = block.stmts.iter().any(|stmt| match stmt {
                syn::Stmt::Expr(e, _) => crate::scan::has_await(e),
                syn::Stmt::Local(l) => l.init.as_ref().is_some_and(|i| {
                    crate::scan::has_await(&i.expr)
                        || i.diverge
                            .as_ref()
                            .is_some_and(|(_, d)| crate::scan::has_await(d))
                }),
                _ => false,
            });
            if awaits {
                block.brace_token = syn::token::Brace(of_2024(block.brace_token.span.join()));
            }
            syn::visit_mut::visit_block_mut(self, block);
        }
        // The machine leaves these as written, in the user's edition.
        fn visit_expr_async_mut(&mut self, _: &mut syn::ExprAsync) {}
        fn visit_expr_closure_mut(&mut self, _: &mut syn::ExprClosure) {}
        fn visit_item_mut(&mut self, _: &mut syn::Item) {}
    }
    Rescope.visit_block_mut(&mut body);
    body
}

/// Moves items declared in the body (fns, structs, impls, statics) out of it,
/// so each is emitted once even though the body is split into blocks. An
/// item of a nested block then names the same thing in the whole body,
/// which [`check_nested_item_names`] makes sure changes nothing.
fn hoist_items(body: &mut syn::Block) -> Vec<syn::Item> {
    struct Hoist(Vec<syn::Item>);
    impl VisitMut for Hoist {
        fn visit_block_mut(&mut self, block: &mut syn::Block) {
            let stmts = std::mem::take(&mut block.stmts);
            for stmt in stmts {
                match stmt {
                    Stmt::Item(item) if !matches!(item, syn::Item::Macro(_)) => self.0.push(item),
                    mut other => {
                        self.visit_stmt_mut(&mut other);
                        block.stmts.push(other);
                    }
                }
            }
        }
        fn visit_expr_closure_mut(&mut self, _: &mut syn::ExprClosure) {}
        fn visit_expr_async_mut(&mut self, _: &mut syn::ExprAsync) {}
        fn visit_item_mut(&mut self, _: &mut syn::Item) {}
    }
    let mut hoist = Hoist(Vec::new());
    hoist.visit_block_mut(body);
    hoist.0
}

/// Refuses an item of a nested block whose name the rest of the function
/// also mentions, or that is a glob import. [`hoist_items`] moves the item
/// to the top of the function, where it would shadow what the name means
/// outside its block (a module's function of that name, a local, a binding
/// of a pattern) or clash with an item of another block; a glob import
/// would bring its names in everywhere.
///
/// Input: `let a = D("a"); let x = { fn a() -> u32 { 3 } a() };`
/// Output: an error at the item's `a`.
fn check_nested_item_names(function: &MachineFn) -> syn::Result<()> {
    struct Nested {
        /// How often each name is mentioned in the signature and the body.
        everywhere: BTreeMap<String, usize>,
        /// Blocks around the one visited: 0 in the body's own.
        depth: usize,
        errors: Vec<syn::Error>,
    }
    /// How often each name is mentioned (`r#name` as `name`), and, under
    /// `!`, how many calls there are of macros whose expansion may name
    /// what their tokens do not (any but std's and `log`'s/`tracing`'s).
    fn mentions(tokens: TokenStream) -> BTreeMap<String, usize> {
        fn opaque_calls(tokens: TokenStream, count: &mut usize) {
            let trees: Vec<TokenTree> = tokens.into_iter().collect();
            for (index, tree) in trees.iter().enumerate() {
                match tree {
                    TokenTree::Ident(name)
                        if matches!(trees.get(index + 1), Some(TokenTree::Punct(p)) if p.as_char() == '!')
                            && matches!(trees.get(index + 2), Some(TokenTree::Group(_)))
                            && !TRANSPARENT_MACROS.contains(&name.to_string().as_str()) =>
                    {
                        *count += 1;
                    }
                    TokenTree::Group(group) => opaque_calls(group.stream(), count),
                    _ => {}
                }
            }
        }
        let mut idents = Vec::new();
        scan::mentioned_idents(tokens.clone(), &mut idents);
        let mut counts = BTreeMap::new();
        for ident in idents {
            let text = ident.to_string();
            let name = text.strip_prefix("r#").unwrap_or(&text).to_owned();
            *counts.entry(name).or_insert(0) += 1;
        }
        let mut calls = 0;
        opaque_calls(tokens, &mut calls);
        counts.insert("!".to_owned(), calls);
        counts
    }
    /// Macros whose expansion names nothing of the user's but what their
    /// tokens name.
    const TRANSPARENT_MACROS: &[&str] = &[
        "println",
        "print",
        "eprintln",
        "eprint",
        "format",
        "format_args",
        "write",
        "writeln",
        "panic",
        "assert",
        "assert_eq",
        "assert_ne",
        "debug_assert",
        "debug_assert_eq",
        "debug_assert_ne",
        "unreachable",
        "todo",
        "unimplemented",
        "vec",
        "matches",
        "dbg",
        "stringify",
        "concat",
        "line",
        "column",
        "file",
        "module_path",
        "cfg",
        "env",
        "option_env",
        "include_str",
        "include_bytes",
        "trace",
        "debug",
        "info",
        "warn",
        "error",
        "event",
        "log",
        "join",
        "try_join",
        "pin",
        "pin_mut",
        "ready",
    ];
    /// The `*` of a glob import in `tree`.
    fn glob(tree: &syn::UseTree) -> Option<Span> {
        match tree {
            syn::UseTree::Path(p) => glob(&p.tree),
            syn::UseTree::Glob(g) => Some(g.star_token.span),
            syn::UseTree::Group(g) => g.items.iter().find_map(glob),
            syn::UseTree::Name(_) | syn::UseTree::Rename(_) => None,
        }
    }
    impl<'ast> syn::visit::Visit<'ast> for Nested {
        fn visit_block(&mut self, block: &'ast syn::Block) {
            let items: Vec<&syn::Item> = block
                .stmts
                .iter()
                .filter_map(|s| match s {
                    Stmt::Item(item) if !matches!(item, syn::Item::Macro(_)) => Some(item),
                    _ => None,
                })
                .collect();
            if self.depth > 0 && !items.is_empty() {
                let inside = mentions(block.to_token_stream());
                for item in items {
                    if let syn::Item::Use(u) = item
                        && let Some(star) = glob(&u.tree)
                    {
                        self.errors.push(syn::Error::new(
                            star,
                            "#[state_machine] moves the items of a nested block to the top of \
                             the function, where a glob import would bring its names into the \
                             whole body: import the names one by one, or at the top of the body",
                        ));
                    }
                    if let syn::Item::Trait(t) = item {
                        self.errors.push(syn::Error::new(
                            t.ident.span(),
                            "#[state_machine] moves the items of a nested block to the top of \
                             the function, where this trait would be in scope in the whole body \
                             and could change which method a call there is: move it to the top \
                             of the body",
                        ));
                        continue;
                    }
                    if let syn::Item::Use(u) = item
                        && glob(&u.tree).is_none()
                    {
                        self.errors.push(syn::Error::new_spanned(
                            u,
                            "#[state_machine] moves the items of a nested block to the top of \
                             the function, where a trait this imports would be in scope in the \
                             whole body and could change which method a call there is: move \
                             the `use` to the top of the body",
                        ));
                        continue;
                    }
                    let outside = |name: &str| {
                        self.everywhere.get(name).copied().unwrap_or(0)
                            > inside.get(name).copied().unwrap_or(0)
                    };
                    for name in scan::item_names(item) {
                        let written = name.to_string();
                        let text = written.strip_prefix("r#").unwrap_or(&written).to_owned();
                        if outside("!") {
                            self.errors.push(syn::Error::new(
                                name.span(),
                                format!(
                                    "#[state_machine] moves the items of a nested block to the \
                                     top of the function, where a macro called outside this \
                                     block could expand to `{text}`: move the item to the top \
                                     of the body"
                                ),
                            ));
                        } else if outside(&text) {
                            self.errors.push(syn::Error::new(
                                name.span(),
                                format!(
                                    "#[state_machine] moves the items of a nested block to the \
                                     top of the function, where `{text}` would also name the \
                                     `{text}` mentioned outside this block: rename the item"
                                ),
                            ));
                        }
                    }
                }
            }
            self.depth += 1;
            syn::visit::visit_block(self, block);
            self.depth -= 1;
        }
        // The machine leaves these as written, items and all.
        fn visit_expr_closure(&mut self, _: &'ast syn::ExprClosure) {}
        fn visit_expr_async(&mut self, _: &'ast syn::ExprAsync) {}
        fn visit_item(&mut self, _: &'ast syn::Item) {}
    }
    let sig = &function.sig;
    let body = &function.body;
    let mut nested = Nested {
        everywhere: mentions(quote!(#sig #body)),
        depth: 0,
        errors: Vec::new(),
    };
    syn::visit::Visit::visit_block(&mut nested, body);
    let mut errors = nested.errors.into_iter();
    match errors.next() {
        Some(mut first) => {
            errors.for_each(|e| first.combine(e));
            Err(first)
        }
        None => Ok(()),
    }
}

struct Emitter<'a> {
    names: &'a Names,
    body: &'a LoweredBody,
    plan: &'a Plan,
    function: &'a MachineFn,
    /// Locals some edge must pass while another local of the same name
    /// shadows them: they are reached through a `macro_rules!` alias defined
    /// right after their binding (its body resolves at the definition site).
    aliased: &'a BTreeSet<LocalId>,
    /// Per await, the suffix of its variant's name (unique).
    await_names: Vec<String>,
    /// Where each block's code is written.
    placement: Vec<Placement>,
    /// Where the code being written runs.
    context: Cell<Context>,
    /// Whether the dispatch arm being written jumped back to its own block.
    loops_back: Cell<bool>,
    /// Groups of two or more slots that share storage (see [`slot_regions`]).
    regions: Vec<Vec<LocalId>>,
    /// The moves of values that are dead and may hold a borrow (see
    /// [`dead_moves::checked_in_shadow`]).
    dead_moves: RefCell<DeadMoves>,
    /// Whether a macro in the body may hide a `break` or `continue`.
    opaque_control_flow: bool,
}

/// Groups the slots whose scopes are pairwise disjoint (neither encloses
/// the other: sibling statements, loops, arms), which are never filled at
/// once, so that each group shares one storage, as rustc overlaps such
/// values. First fit, in declaration order: the macro cannot see sizes.
/// Only groups of two or more are returned.
fn slot_regions(body: &LoweredBody) -> Vec<Vec<LocalId>> {
    let scope = |l: LocalId| Some(body.locals[l].scope).filter(|&s| s < body.scope_parents.len());
    let disjoint = |a: LocalId, b: LocalId| match (scope(a), scope(b)) {
        (Some(a), Some(b)) => !body.encloses(a, b) && !body.encloses(b, a),
        _ => false,
    };
    let mut regions: Vec<Vec<LocalId>> = Vec::new();
    for l in (0..body.locals.len()).filter(|&l| body.locals[l].slot) {
        match regions
            .iter_mut()
            .find(|region| region.iter().all(|&m| disjoint(l, m)))
        {
            Some(region) => region.push(l),
            None => regions.push(vec![l]),
        }
    }
    regions.retain(|region| region.len() > 1);
    regions
}

/// Where a block's code is written in the step function. Only joins (loop
/// heads, the block after an `if` whose branches await) need the dispatch
/// loop; the rest run where control reaches them, so a resume is one jump,
/// as in rustc's coroutine, and straight-line code reads straight.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Placement {
    /// In the `Unresumed` arm (the start block) or in its await's arm of the
    /// state `match`, right after the awaitee's `Ready`.
    Entry,
    /// An arm of the dispatch loop, entered through a `__Block` value.
    Dispatch,
    /// Right after `from`, its only predecessor, whose jump leaves a
    /// labeled block (`'__goto`) with the values it passes: a tuple when it
    /// is `from`'s only such successor, else a `__Block` value matched there
    /// with its siblings.
    After { from: BlockId },
    /// A small join that does not suspend (the block after an `if` whose
    /// other branch awaits, the end of a loop's body): written after each of
    /// its predecessors, as if it were `After` each, so that reaching it is
    /// a plain branch rather than a trip through the dispatch loop, which
    /// LLVM does not thread.
    Inline,
}

/// Where the code being written runs, which decides how a jump to a join is
/// written (see [`Emitter::goto`]).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Context {
    /// An arm of the state `match`: leave it with `break '__entry`.
    Entry,
    /// The dispatch arm of this block: a jump back to it is a `continue` of
    /// the loop the arm is wrapped in; others go through `continue '__dispatch`.
    Dispatch(BlockId),
}

/// Whether `ident` occurs in `tokens` (as generated, with its hygiene).
fn mentions_ident(tokens: &TokenStream, ident: &Ident) -> bool {
    tokens.clone().into_iter().any(|tree| match tree {
        TokenTree::Ident(found) => found == *ident,
        TokenTree::Group(group) => mentions_ident(&group.stream(), ident),
        _ => false,
    })
}

/// `path(items..)`, or `path` alone without items: a tuple variant's
/// pattern or value, whichever is short enough to stay on one line.
fn variant_with(path: TokenStream, items: &[TokenStream]) -> TokenStream {
    if items.is_empty() {
        path
    } else {
        quote!(#path(#(#items),*))
    }
}

/// The statements of a `{ .. }` block that ends its enclosing block, where
/// the braces change nothing: its code ends in a jump, and what was declared
/// before it was moved into it.
fn unbraced(tokens: TokenStream) -> TokenStream {
    let mut trees = tokens.clone().into_iter();
    match (trees.next(), trees.next()) {
        (Some(TokenTree::Group(group)), None)
            if group.delimiter() == proc_macro2::Delimiter::Brace =>
        {
            group.stream()
        }
        _ => tokens,
    }
}

/// A statement opening a resumed body that only renames a saved value or
/// the awaited one: `let mut n = __p1;`.
struct Rebind {
    mutability: Option<Ident>,
    name: Ident,
    var: Ident,
}

/// The renames that open a resumed body, split off the rest.
struct LeadingRebinds {
    /// Of saved values (`let id = __p0; let mut n = __p1;`), in order:
    /// reading each saved value straight into its name declares the same
    /// locals in the same order, so they drop as before.
    saved: Vec<Rebind>,
    /// Of the awaited value, right after them (`let name = __p2;`): `resume`
    /// hands the value back, so it is bound there, where it would be next.
    value: Option<Rebind>,
    rest: TokenStream,
}

fn leading_rebinds(body: TokenStream, saved: &[Ident], value: &Ident) -> LeadingRebinds {
    let trees: Vec<TokenTree> = body.into_iter().collect();
    let mut rebinds = LeadingRebinds {
        saved: Vec::new(),
        value: None,
        rest: TokenStream::new(),
    };
    let mut at = 0;
    while let Some((rebind, len)) = rename_at(&trees[at..]) {
        if rebind.var == *value {
            at += len;
            rebinds.value = Some(rebind);
            break;
        }
        let fresh =
            saved.contains(&rebind.var) && !rebinds.saved.iter().any(|r| r.var == rebind.var);
        if !fresh {
            break;
        }
        at += len;
        rebinds.saved.push(rebind);
    }
    rebinds.rest = trees[at..].iter().cloned().collect();
    rebinds
}

/// `let [mut] name = var;` at the start of `trees`, and its length.
fn rename_at(trees: &[TokenTree]) -> Option<(Rebind, usize)> {
    let (mutability, rest) = match trees {
        [TokenTree::Ident(kw), TokenTree::Ident(m), rest @ ..] if kw == "let" && m == "mut" => {
            (Some(m.clone()), rest)
        }
        [TokenTree::Ident(kw), rest @ ..] if kw == "let" => (None, rest),
        _ => return None,
    };
    let [
        TokenTree::Ident(name),
        TokenTree::Punct(eq),
        TokenTree::Ident(var),
        TokenTree::Punct(semi),
        ..,
    ] = rest
    else {
        return None;
    };
    if eq.as_char() != '=' || semi.as_char() != ';' {
        return None;
    }
    let len = 5 + usize::from(mutability.is_some());
    let (name, var) = (name.clone(), var.clone());
    Some((
        Rebind {
            mutability,
            name,
            var,
        },
        len,
    ))
}

/// Are `tokens` the statement `keyword 'label;`, or with `value` before
/// the `;`?
fn is_jump(
    tokens: &[TokenTree],
    keyword: &str,
    label: &syn::Lifetime,
    value: Option<&Ident>,
) -> bool {
    let (head, tail) = match tokens {
        [head @ .., TokenTree::Ident(v), TokenTree::Punct(semi)] if Some(v) == value => {
            (head, semi)
        }
        [head @ .., TokenTree::Punct(semi)] if value.is_none() => (head, semi),
        _ => return false,
    };
    matches!(
        head,
        [TokenTree::Ident(kw), TokenTree::Punct(quote), TokenTree::Ident(name)]
            if kw == keyword && quote.as_char() == '\'' && *name == label.ident
    ) && tail.as_char() == ';'
}

/// An arm of the state `match` without its last statement if that is
/// `continue '__resume;`: with no dispatch loop after the `match`, the end
/// of the arm is the end of the loop's body, so the jump says nothing.
fn without_trailing_continue(arm: TokenStream, resume: &syn::Lifetime) -> TokenStream {
    let mut trees: Vec<TokenTree> = arm.into_iter().collect();
    if trees.len() >= 4 && is_jump(&trees[trees.len() - 4..], "continue", resume, None) {
        trees.truncate(trees.len() - 4);
    }
    trees.into_iter().collect()
}

/// `tokens` as one `{ .. }` block, without adding braces around one.
fn braced(tokens: TokenStream) -> TokenStream {
    let mut trees = tokens.clone().into_iter();
    match (trees.next(), trees.next()) {
        (Some(TokenTree::Group(group)), None)
            if group.delimiter() == proc_macro2::Delimiter::Brace =>
        {
            tokens
        }
        _ => quote!({ #tokens }),
    }
}

/// The awaits whose resume block can run.
fn reachable_awaits(body: &LoweredBody, plan: &Plan) -> Vec<usize> {
    (0..body.awaits.len())
        .filter(|&k| plan.reachable[body.awaits[k].resume])
        .collect()
}

/// The block that `block` is written inside of: itself, or the block its
/// chain of only-predecessors starts from.
fn root(placement: &[Placement], mut block: BlockId) -> BlockId {
    while let Placement::After { from, .. } = placement[block] {
        block = from;
    }
    block
}

/// A loop's exit where a local whose type later code may fix is in scope
/// (`results` of `let mut results = Vec::new();`, pushed to in the loop's
/// body): it gets an arm of its own, written after the body's, so that the
/// type is known where the code after the loop calls its methods. Other
/// exits stay in the head's arm, where LLVM threads the jumps better (an
/// arm of their own cost `yield_loop` 21 more instructions per poll).
fn written_after_its_loop(body: &LoweredBody, b: BlockId) -> bool {
    let block = &body.blocks[b];
    block.loop_exit && block.in_scope.iter().any(|&l| body.locals[l].type_open)
}

/// Places every block (see [`Placement`]).
///
/// A resume block runs inside its await's arm only when the block holding
/// the await is written earlier in the step function: rustc infers the
/// awaitee's type from that write, and the resumed code may call methods on
/// the awaited value, which needs the type known. For the same reason a
/// loop's exit has an arm of its own, written after the loop's body.
fn layout(body: &LoweredBody, plan: &Plan) -> Vec<Placement> {
    let n = body.blocks.len();
    let mut incoming: Vec<Vec<GotoId>> = vec![Vec::new(); n];
    for (g, goto) in body.gotos.iter().enumerate() {
        if plan.reachable[goto.from] && plan.reachable[goto.to] {
            incoming[goto.to].push(g);
        }
    }
    let only_from = |b: BlockId| match incoming[b].as_slice() {
        [only] if body.gotos[*only].from != b => Some(body.gotos[*only].from),
        _ => None,
    };
    let mut placement: Vec<Placement> = (0..n)
        .map(|b| match (&body.blocks[b].kind, only_from(b)) {
            (BlockKind::Start, _) => Placement::Entry,
            (BlockKind::Plain, Some(from)) if !written_after_its_loop(body, b) => {
                Placement::After { from }
            }
            _ => Placement::Dispatch,
        })
        .collect();
    // The step function writes the start arm, then the await arms in order,
    // then the dispatch arms.
    for k in reachable_awaits(body, plan) {
        let resume = body.awaits[k].resume;
        let Some(&suspend) = incoming[resume].first() else {
            continue;
        };
        let written_in = root(&placement, body.gotos[suspend].from);
        let written_before = match body.blocks[written_in].kind {
            BlockKind::Start => true,
            BlockKind::Resume(j) => j < k && placement[written_in] == Placement::Entry,
            BlockKind::Plain => false,
        };
        if written_before {
            placement[resume] = Placement::Entry;
        }
    }
    inline_small_joins(body, plan, &mut placement);
    placement
}

/// Marks joins that are cheap to write out at each jump to them as
/// [`Placement::Inline`]: plain blocks without successors written after them
/// (so their code is one block), that neither suspend nor jump to
/// themselves, whose code is short, and that only jump to joins that jump to
/// no such join (so copies nest at most two deep).
fn inline_small_joins(body: &LoweredBody, plan: &Plan, placement: &mut [Placement]) {
    /// Token trees (top level, per item) above which a join is not copied.
    const MAX_TOKENS: usize = 160;
    let resumes: BTreeSet<BlockId> = body.awaits.iter().map(|a| a.resume).collect();
    let mut has_after = vec![false; body.blocks.len()];
    for p in placement.iter() {
        if let Placement::After { from } = *p {
            has_after[from] = true;
        }
    }
    let candidate = |b: BlockId| {
        let block = &body.blocks[b];
        plan.reachable[b]
            && placement[b] == Placement::Dispatch
            && matches!(block.kind, BlockKind::Plain)
            && !written_after_its_loop(body, b)
            && !has_after[b]
            && block.out.iter().all(|&g| {
                let to = body.gotos[g].to;
                to != b && !resumes.contains(&to)
            })
            && block.code.as_ref().is_some_and(|f| frame_size(f) <= MAX_TOKENS)
            // A drop flag passed as `None` has no type of its own: a
            // `__Block` variant ties it to the local's.
            && plan.params[b].iter().all(|&(_, carry)| carry == Carry::Value)
    };
    let candidates: Vec<BlockId> = (0..body.blocks.len()).filter(|&b| candidate(b)).collect();
    let targets = |b: BlockId| body.blocks[b].out.iter().map(|&g| body.gotos[g].to);
    // Joins that reach no other candidate, then joins whose candidate
    // targets are all such: copies nest at most two deep, never in a cycle.
    let leaves: Vec<BlockId> = candidates
        .iter()
        .copied()
        .filter(|&b| targets(b).all(|t| !candidates.contains(&t)))
        .collect();
    for &b in &candidates {
        if targets(b).all(|t| !candidates.contains(&t) || leaves.contains(&t)) {
            placement[b] = Placement::Inline;
        }
    }
}

/// A rough size of a block's code: its token trees, nested frames counted.
fn frame_size(frame: &Frame) -> usize {
    frame
        .items
        .iter()
        .map(|item| match item {
            Item::Tokens(t) | Item::Uninit(t, _) => t.clone().into_iter().count(),
            Item::Frame(child) => frame_size(child),
            Item::Decl(_) => 0,
            Item::Term(_) => 8,
        })
        .sum()
}

/// Names each await after its role; repeated roles get numbered
/// (`Fetch1`, `Fetch2`), an await with no role its index.
fn await_names(body: &LoweredBody) -> Vec<String> {
    let roles: Vec<&str> = body.awaits.iter().map(|a| a.role.as_str()).collect();
    roles
        .iter()
        .enumerate()
        .map(|(k, role)| {
            if role.is_empty() {
                return k.to_string();
            }
            let same: Vec<usize> = (0..roles.len()).filter(|&j| roles[j] == *role).collect();
            if same.len() == 1 {
                (*role).to_owned()
            } else {
                let nth = same.iter().position(|&j| j == k).unwrap_or(0) + 1;
                format!("{role}{nth}")
            }
        })
        .collect()
}

/// The name user code gives `local` as the never-run copy spells it (the
/// receiver is `self` there).
fn user_name(local: &crate::lower::Local, names: &Names) -> String {
    if local.name == names.self_ {
        "self".to_string()
    } else {
        local.name.to_string()
    }
}

/// Is `local`, which `goto` passes by name, hidden there by another binding?
fn is_shadowed(body: &LoweredBody, goto: &crate::lower::Goto, local: LocalId) -> bool {
    let name = &body.locals[local].name;
    goto.shadowing.iter().any(|s| name == s)
        || goto
            .visible
            .iter()
            .rev()
            .find(|&&v| body.locals[v].name == *name)
            != Some(&local)
}

fn shadowed_at_some_edge(body: &LoweredBody, plan: &Plan) -> BTreeSet<LocalId> {
    let mut aliased = BTreeSet::new();
    for goto in body.gotos.iter().filter(|g| plan.reachable[g.from]) {
        for &(local, _) in &plan.params[goto.to] {
            let from_edge = goto.extra.iter().any(|(e, _)| *e == local);
            if !from_edge && is_shadowed(body, goto, local) {
                aliased.insert(local);
            }
        }
    }
    aliased
}

impl Emitter<'_> {
    fn reachable_blocks(&self) -> Vec<BlockId> {
        let mut blocks: Vec<BlockId> = (0..self.body.blocks.len())
            .filter(|&b| self.plan.reachable[b])
            .collect();
        blocks.sort_by_key(|&b| self.body.blocks[b].order);
        blocks
    }

    fn reachable_awaits(&self) -> Vec<usize> {
        reachable_awaits(self.body, self.plan)
    }

    fn variant(&self, block: BlockId) -> Ident {
        match self.body.blocks[block].kind {
            BlockKind::Start => Ident::new("Start", Span::call_site()),
            BlockKind::Resume(k) => format_ident!("After{}", &self.await_names[k]),
            BlockKind::Plain => format_ident!("Block{}", block),
        }
    }

    /// `AwaitRead`, `AwaitFetch`: named after what the await waits on.
    fn await_variant(&self, k: usize) -> Ident {
        format_ident!("Await{}", &self.await_names[k])
    }

    fn ty(&self, local: LocalId) -> Ident {
        format_ident!("T{}", local)
    }

    /// The field of the storage a slot shares with others, if it does.
    fn shared_storage(&self, local: LocalId) -> Option<Ident> {
        self.regions
            .iter()
            .position(|region| region.contains(&local))
            .map(|k| format_ident!("__shared{}", k))
    }

    /// The guard that drops slot `l` of the slots at `base` (`(*slots)`,
    /// `self`), if it holds a value, when it goes out of scope, also during
    /// an unwind.
    fn slot_guard(&self, l: LocalId, base: &TokenStream) -> TokenStream {
        let field = &self.body.locals[l].field;
        let private = quote!(::statemachine_runtime::__private);
        match self.shared_storage(l) {
            Some(storage) => quote! {
                #private::SlotPtr::of_shared(&raw mut #base.#field, &raw mut #base.#storage).guard()
            },
            None => quote!(#private::SlotPtr::of_slot(&raw mut #base.#field).guard()),
        }
    }

    /// `drops`, innermost first, as guards made outermost first: they drop
    /// in order at the end of the scope, and an unwind out of one drops the
    /// rest, as the locals of rustc's coroutine are.
    fn guarded_drops(drops: Vec<TokenStream>) -> TokenStream {
        let lets = drops.into_iter().enumerate().rev().map(|(i, guard)| {
            let var = format_ident!("__drop{}", i, span = Span::mixed_site());
            quote!(let #var = #guard;)
        });
        quote!(#(#lets)*)
    }

    fn param_var(&self, local: LocalId) -> Ident {
        format_ident!("__p{}", local, span = Span::mixed_site())
    }

    fn flag_var(&self, local: LocalId) -> Ident {
        format_ident!("__flag{}", local, span = Span::mixed_site())
    }

    /// The locals a suspended machine keeps at await `k`, innermost first
    /// (the order rustc drops them in), without the awaited value.
    fn saved(&self, k: usize) -> Vec<(LocalId, Carry)> {
        let point = &self.body.awaits[k];
        let mut saved: Vec<(LocalId, Carry)> = self.plan.params[point.resume]
            .iter()
            .copied()
            .filter(|(l, _)| *l != point.value)
            .collect();
        saved.reverse();
        saved
    }

    fn field_ty(&self, local: LocalId, carry: Carry) -> TokenStream {
        let ty = self.ty(local);
        match carry {
            Carry::Value => quote!(#ty),
            // A value that may hold a borrow is never moved typed once it
            // is in its flag: a reference in it may dangle by then.
            Carry::DropFlag if !self.body.locals[local].owns_no_borrows => {
                quote!(::core::option::Option<::statemachine_runtime::__private::Dead<#ty>>)
            }
            Carry::DropFlag => quote!(::core::option::Option<#ty>),
            Carry::Dead => quote!(::statemachine_runtime::__private::Dead<#ty>),
        }
    }

    fn machine(&self, params: &[input::Param]) -> syn::Result<TokenStream> {
        let Names {
            frame,
            running,
            state_enum,
            block_enum,
            next,
            dispatch,
            resume,
            entry,
            cx,
            ..
        } = self.names;
        let output = &self.function.output;
        let blocks = self.reachable_blocks();
        let awaits = self.reachable_awaits();
        let arg_fields: Vec<&Ident> = params.iter().map(|p| &p.field).collect();
        let arg_tys: Vec<Ident> = (0..params.len()).map(|i| format_ident!("A{}", i)).collect();
        let args: Vec<&TokenStream> = params.iter().map(|p| &p.arg).collect();

        // ---- the state enum: one variant per await ----
        let mut state_generics: Vec<Ident> = arg_tys.clone();
        let mut await_variants = Vec::new();
        let mut info_arms = Vec::new();
        let function_name = self.function.sig.ident.to_string();
        let function_name = function_name.trim_start_matches("r#");
        let fn_line = self.function.sig.ident.span().start().line as u32;
        let fn_line = proc_macro2::Literal::u32_unsuffixed(fn_line);
        for &k in &awaits {
            let point = &self.body.awaits[k];
            let variant = self.await_variant(k);
            let fut = format_ident!("F{}", k);
            state_generics.push(fut.clone());
            let saved = self.saved(k);
            for &(l, _) in &saved {
                let ty = self.ty(l);
                if !state_generics.contains(&ty) {
                    state_generics.push(ty);
                }
            }
            // Separate fields rather than one tuple, so that the layout can
            // put small ones beside the tag, as rustc's does.
            let fields = saved.iter().map(|&(l, c)| self.field_ty(l, c));
            let line = point.span.start().line;
            let mut doc = format!(" `{}.await`, line {}", point.text, line);
            if !saved.is_empty() {
                let names: Vec<String> = saved
                    .iter()
                    .map(|&(l, _)| format!("`{}`", self.body.locals[l].field))
                    .collect();
                doc += &format!(": the awaitee, {}", names.join(", "));
            }
            let (name, text, line32) = (variant.to_string(), &point.text, line as u32);
            let line32 = proc_macro2::Literal::u32_unsuffixed(line32);
            info_arms.push(quote!(Self::#variant(..) => (#name, #text, #line32),));
            await_variants.push(quote! {
                #[doc = #doc]
                #variant(#fut, #(#fields),*)
            });
        }

        // ---- the block enum: joins, and successors that share a jump ----
        // Successors written after a block that has several are matched
        // there through `__Block` values too.
        let mut shared_successors = BTreeSet::new();
        for &from in &blocks {
            let successors = self.tree_successors(from);
            if successors.len() > 1 {
                shared_successors.extend(successors);
            }
        }
        let enum_blocks: Vec<BlockId> = blocks
            .iter()
            .copied()
            .filter(|b| self.placement[*b] == Placement::Dispatch || shared_successors.contains(b))
            .collect();
        let has_dispatch = blocks
            .iter()
            .any(|&b| self.placement[b] == Placement::Dispatch);
        let mut block_generics: Vec<Ident> = Vec::new();
        let mut block_variants = Vec::new();
        for &b in &enum_blocks {
            let variant = self.variant(b);
            let fields: Vec<TokenStream> = self.plan.params[b]
                .iter()
                .map(|&(l, c)| self.field_ty(l, c))
                .collect();
            for &(l, _) in &self.plan.params[b] {
                let ty = self.ty(l);
                if !block_generics.contains(&ty) {
                    block_generics.push(ty);
                }
            }
            block_variants.push(variant_with(quote!(#variant), &fields));
        }

        // ---- resume: poll the awaitee in place, then run on ----
        self.context.set(Context::Entry);
        let mut resume_arms = Vec::new();
        for &k in &awaits {
            let variant = self.await_variant(k);
            let point = &self.body.awaits[k];
            let target = point.resume;
            let saved = self.saved(k);
            let vars: Vec<Ident> = saved.iter().map(|&(l, _)| self.param_var(l)).collect();
            let value = self.param_var(point.value);
            let then = if self.placement[target] == Placement::Entry {
                unbraced(self.tree(target)?)
            } else {
                let target_variant = self.variant(target);
                let next_block = variant_with(
                    quote!(#block_enum::#target_variant),
                    &self.param_vars(target),
                );
                quote!(#next = #next_block; break #entry;)
            };
            // `let id = __p0;` right after `resume` is read as `let id`, from
            // a field bound as `id` when no other saved value has that name;
            // `let name = __p2;` after them binds what `resume` hands back.
            let LeadingRebinds {
                saved: rebound,
                value: value_rebind,
                rest: then,
            } = leading_rebinds(then, &vars, &value);
            let then = if has_dispatch {
                then
            } else {
                without_trailing_continue(then, resume)
            };
            let field_name = |var: &Ident| -> Ident {
                match rebound.iter().find(|r| r.var == *var) {
                    Some(r) if rebound.iter().filter(|o| o.name == r.name).count() == 1 => {
                        r.name.clone()
                    }
                    _ => var.clone(),
                }
            };
            let pats: Vec<Ident> = vars.iter().map(field_name).collect();
            let reads: Vec<(Ident, TokenStream)> = rebound
                .iter()
                .map(|r| {
                    let (mutability, name, field) = (&r.mutability, &r.name, field_name(&r.var));
                    let read = quote!(let #mutability #name = unsafe { #frame.take(#field) };);
                    (r.var.clone(), read)
                })
                .chain(
                    // Read outermost first, so an unwind drops them innermost first.
                    vars.iter()
                        .rev()
                        .filter(|v| !rebound.iter().any(|r| r.var == **v))
                        .map(|v| (v.clone(), quote!(let #v = unsafe { #frame.take(#v) };))),
                )
                .collect();
            let (takes, forgets) = self.takes_guarding_slots(k, reads);
            let resumed = match forgets {
                None => quote!(unsafe { #running.resume(__awaitee, #value) }),
                Some(forgets) => quote!({
                    let #value = unsafe { #running.resume(__awaitee, #value) };
                    #forgets
                    #value
                }),
            };
            let then_trees: Vec<TokenTree> = then.clone().into_iter().collect();
            let (resumed, then) = match &value_rebind {
                // `let __value6 = __p7; break '__resume __value6;`
                Some(Rebind {
                    mutability: None,
                    name,
                    ..
                }) if is_jump(&then_trees, "break", resume, Some(name)) => {
                    let ret = return_tokens(self.names, resumed);
                    (quote!(#ret;), TokenStream::new())
                }
                Some(Rebind {
                    mutability, name, ..
                }) => (quote!(let #mutability #name = #resumed;), then),
                None => (quote!(let #value = #resumed;), then),
            };
            // The awaitee argument is located at the user's `.await` (and
            // resolves as the pattern's `__awaitee`), so that awaiting a
            // non-future is reported once, by `into_future`, as rustc does.
            let then = self.user_code(then);
            let awaitee = Ident::new("__awaitee", point.span.resolved_at(Span::call_site()));
            let poll = quote!(#frame.poll(#awaitee, #cx));
            resume_arms.push(quote! {
                #state_enum::#variant(__awaitee, #(#pats),*) => {
                    // SAFETY: `__awaitee` is the pinned field of the current
                    // variant; `?` returns `Err(Pending)` while it is pending.
                    let #value = unsafe { #poll }?;
                    // SAFETY: each saved value is moved out once; the state is
                    // hollow from here on, and `resume` drops the awaitee in
                    // place (a panic there drops the values and poisons).
                    #takes
                    #running = unsafe { #frame.start() };
                    #resumed
                    #then
                }
            });
        }
        let start = unbraced(self.tree(0)?);
        let start = if has_dispatch {
            start
        } else {
            without_trailing_continue(start, resume)
        };
        let start = self.user_code(start);

        // ---- dispatch: the joins, run until the next suspension ----
        let mut dispatch_arms = Vec::new();
        for &b in &blocks {
            if self.placement[b] != Placement::Dispatch {
                continue;
            }
            let variant = self.variant(b);
            self.context.set(Context::Dispatch(b));
            self.loops_back.set(false);
            let code = self.tree(b)?;
            let pattern = variant_with(quote!(#block_enum::#variant), &self.param_vars(b));
            let code = if self.loops_back.get() {
                // A jump back to this block from its own code (a loop's
                // back edge) is a `continue` of a Rust loop, which LLVM
                // compiles to a plain branch.
                let vars: Vec<Ident> = self.plan.params[b]
                    .iter()
                    .map(|&(l, _)| self.param_var(l))
                    .collect();
                let Names {
                    carried, looped, ..
                } = self.names;
                let code = self.user_code(code);
                quote!({
                    let mut #carried = (#(#vars,)*);
                    #looped: loop {
                        let (#(#vars,)*) = #carried;
                        #code
                    }
                })
            } else {
                braced(self.user_code(code))
            };
            dispatch_arms.push(quote!(#pattern => #code));
        }

        let args: Vec<TokenStream> = args.into_iter().cloned().collect();
        let initial = variant_with(quote!(#state_enum::Unresumed), &args);
        let slot_locals: Vec<LocalId> = (0..self.body.locals.len())
            .filter(|&l| self.body.locals[l].slot)
            .collect();
        let slot_tys: Vec<Ident> = slot_locals.iter().map(|&l| self.ty(l)).collect();
        let slots_ty = if slot_locals.is_empty() {
            quote!(())
        } else {
            quote!(__Slots<#(#slot_tys),*>)
        };
        let traced = if self.function.trace {
            quote!(::statemachine_runtime::__private::traced(__machine))
        } else {
            quote!(__machine)
        };
        let mut impl_generics = state_generics.clone();
        for ty in &slot_tys {
            if !impl_generics.contains(ty) {
                impl_generics.push(ty.clone());
            }
        }
        let drop_suspended = self.drop_suspended(&awaits, &slots_ty);
        // `()`, the trait's default, is left out.
        let slots_param = (!slot_locals.is_empty()).then(|| quote!(<#slots_ty>));
        // Built by `machine(state, step)`, or by `machine_with_slots(state,
        // slots, step)` with `slots_init` as its middle argument.
        let (slots_item, slots_drop, slots_init) = if slot_locals.is_empty() {
            (TokenStream::new(), TokenStream::new(), None)
        } else {
            let fields: Vec<&Ident> = slot_locals
                .iter()
                .map(|&l| &self.body.locals[l].field)
                .collect();
            let tys: Vec<Ident> = slot_locals.iter().map(|&l| self.ty(l)).collect();
            let private = quote!(::statemachine_runtime::__private);
            let kind = |l: LocalId| {
                if self.shared_storage(l).is_some() {
                    quote!(SharedSlot)
                } else {
                    quote!(Slot)
                }
            };
            let slot_tys = slot_locals.iter().map(|&l| {
                let (ty, kind) = (self.ty(l), kind(l));
                if self.body.locals[l].always_filled {
                    quote!(#private::#kind<#ty, ()>)
                } else {
                    quote!(#private::#kind<#ty>)
                }
            });
            let slot_inits = slot_locals.iter().map(|&l| {
                let kind = kind(l);
                quote!(#private::#kind::new())
            });
            let shared_doc = (!self.regions.is_empty())
                .then(|| quote!(#[doc = " Values of scopes that never overlap share a storage."]));
            // Each region's storage: `Shared<T1, Shared<T2, T3>>`.
            let storages: Vec<Ident> = (0..self.regions.len())
                .map(|k| format_ident!("__shared{}", k))
                .collect();
            let storage_tys = self.regions.iter().map(|region| {
                let mut tys = region.iter().rev().map(|&l| self.ty(l).to_token_stream());
                let last = tys.next().unwrap_or_default();
                tys.fold(last, |rest, first| quote!(#private::Shared<#first, #rest>))
            });
            // Slots without a flag are empty here: they are dropped by their
            // scope's guard or by `drop_suspended`.
            let reversed: Vec<TokenStream> = slot_locals
                .iter()
                .rev()
                .filter(|&&l| !self.body.locals[l].always_filled)
                .map(|&l| self.slot_guard(l, &quote!(self)))
                .collect();
            // Without flagged slots there is nothing to check here.
            let slots_drop = (!reversed.is_empty()).then(|| {
                let drops = Self::guarded_drops(reversed);
                quote! {
                    impl<#(#tys),*> ::core::ops::Drop for __Slots<#(#tys),*> {
                        fn drop(&mut self) {
                            // Dropped while suspended: what is still in scope, innermost first.
                            // SAFETY: nothing borrows the slots once the machine is dropped.
                            unsafe { #drops }
                        }
                    }
                }
            });
            (
                quote! {
                    /// Values kept in place while in scope (borrowed across an
                    /// await, large and live across several, or an iterator).
                    #shared_doc
                    #[allow(nonstandard_style)]
                    struct __Slots<#(#tys),*> {
                        #(#fields: #slot_tys,)*
                        #(#storages: #storage_tys,)*
                        _pinned: ::core::marker::PhantomPinned,
                    }
                },
                slots_drop.unwrap_or_default(),
                Some(
                    quote!(__Slots { #(#fields: #slot_inits,)* #(#storages: #private::Shared::new(),)* _pinned: ::core::marker::PhantomPinned }),
                ),
            )
        };
        let make_machine = if slots_init.is_some() {
            quote!(machine_with_slots)
        } else {
            quote!(machine)
        };
        let slots_init = slots_init.iter();
        let block_enum_item = if enum_blocks.is_empty() {
            TokenStream::new()
        } else {
            quote! {
                #[allow(nonstandard_style, dead_code, clippy::all)]
                enum #block_enum<#(#block_generics),*> {
                    #(#block_variants,)*
                }
            }
        };
        let declare_next = (!enum_blocks.is_empty()).then(|| quote!(let mut #next;));
        let output_var = Ident::new("__output", Span::mixed_site());
        // `'__user` (see `user_code`) is left by no jump of the machine's.
        let unused_labels = self
            .opaque_control_flow
            .then(|| quote!(#[allow(unused_labels)]));
        let arg_vars: Vec<TokenStream> = arg_fields.iter().map(|f| f.to_token_stream()).collect();
        let unresumed_pattern = variant_with(quote!(#state_enum::Unresumed), &arg_vars);
        let state_match = quote! {
            // SAFETY: the reference is not used once the state is written
            // again, and pinned fields are only polled in place.
            match unsafe { #frame.state() } {
                // The arguments are not structurally pinned; the body's first
                // statements take each of them once.
                #unresumed_pattern => {
                    #start
                }
                #(#resume_arms)*
                #state_enum::Returned => #frame.resumed_after_completion(),
                #state_enum::Panicked => #frame.resumed_after_panicking(),
            }
        };
        let (entered, dispatch_loop) = if has_dispatch {
            (
                quote!(#entry: { #state_match }),
                quote! {
                    #dispatch: loop {
                        match #next {
                            #(#dispatch_arms)*
                            // Matched where they are jumped to.
                            _ => ::core::unreachable!(),
                        }
                    }
                },
            )
        } else {
            (state_match, TokenStream::new())
        };
        let arg_tys: Vec<TokenStream> = arg_tys.iter().map(|t| t.to_token_stream()).collect();
        let unresumed_variant = variant_with(quote!(Unresumed), &arg_tys);
        let unresumed_any = if arg_tys.is_empty() {
            quote!(Self::Unresumed)
        } else {
            quote!(Self::Unresumed(..))
        };
        let at = Ident::new("__at", Span::mixed_site());
        Ok(quote! {
            #slots_item
            #[allow(nonstandard_style, dead_code, clippy::all)]
            enum #state_enum<#(#state_generics),*> {
                #unresumed_variant,
                #(#await_variants,)*
                Returned,
                Panicked,
            }
            #block_enum_item
            #[allow(unused_variables, unused_mut, unused_assignments, unused_parens)]
            #[allow(unused_unsafe, unreachable_code, unreachable_patterns)]
            #unused_labels
            #[allow(dangerous_implicit_autorefs, clippy::all, clippy::pedantic)]
            let __machine = ::statemachine_runtime::__private::#make_machine(#initial, #(#slots_init,)* move |#frame, #cx| -> ::statemachine_runtime::__private::Step<#output> {
                let mut #running;
                // Typed, so that each `return` is checked against the
                // function's return type, as rustc checks it.
                let #output_var: #output = #resume: loop {
                    #declare_next
                    #entered
                    #dispatch_loop
                };
                #running.complete(#output_var)
            });
            // What the runtime asks of the state, after the code that reads it.
            impl<#(#impl_generics),*> ::statemachine_runtime::__private::MachineState #slots_param for #state_enum<#(#state_generics),*> {
                const PANICKED: fn() -> Self = || Self::Panicked;
                const RETURNED: fn() -> Self = || Self::Returned;
                fn info(&self) -> ::statemachine_runtime::StateInfo {
                    let #at = match self {
                        #unresumed_any => ("Unresumed", "", #fn_line),
                        #(#info_arms)*
                        Self::Returned => ("Returned", "", #fn_line),
                        Self::Panicked => ("Panicked", "", #fn_line),
                    };
                    // Not `file!()`: `cargo expand` would print the absolute
                    // path. The caller's location gives the user's file.
                    ::statemachine_runtime::__private::info(#function_name, #at)
                }
                #drop_suspended
            }
            #slots_drop
            #traced
        })
    }

    /// Renders a block's code: nested scopes whose entry frames bind the
    /// block's parameters of that scope, in declaration order.
    fn frame(&self, block: BlockId, frame: &Frame) -> syn::Result<TokenStream> {
        let data = &self.body.blocks[block];
        let mut inner = TokenStream::new();
        let mut bound = Vec::new();
        // Whether the scope's slots are resumed here: their guards drop them
        // at its end, so the scope must stay a block.
        let mut guards = false;
        if frame.entry
            && let Some(scope) = frame.scope
        {
            for &l in &data.in_scope {
                let local = &self.body.locals[l];
                if local.scope != scope {
                    continue;
                }
                let name = &local.name;
                let mutability = local.mutable.then(|| quote!(mut));
                if local.slot {
                    let (guard, slot) = (guard_var(l), slot_var(l));
                    inner.extend(quote!(let #guard = #slot.guard();));
                    guards = true;
                    continue;
                }
                match self.plan.carry(block, l) {
                    Some(Carry::Value) => {
                        let var = self.param_var(l);
                        inner.extend(quote!(let #mutability #name = #var;));
                        inner.extend(self.alias(l));
                        bound.push(l);
                    }
                    Some(Carry::Dead) => {
                        // Held for its drop at the end of the scope.
                        let (var, flag) = (self.param_var(l), self.flag_var(l));
                        inner.extend(quote!(let #flag = #var;));
                        bound.push(l);
                    }
                    Some(Carry::DropFlag) => {
                        let var = self.param_var(l);
                        let flag = self.flag_var(l);
                        inner.extend(quote!(let mut #flag = #var;));
                        // Maybe moved, so never read here, but it may be
                        // assigned again: declare the name for that (the
                        // assignment drops the old value in the flag).
                        if data.mentions.contains(&l) {
                            inner.extend(quote!(let #mutability #name;));
                        }
                        bound.push(l);
                    }
                    None if data.mentions.contains(&l) => {
                        inner.extend(quote!(let #mutability #name;));
                        bound.push(l);
                    }
                    None => {}
                }
            }
        }
        for item in &frame.items {
            match item {
                Item::Tokens(tokens) => inner.extend(self.substitute_gotos(block, tokens.clone())?),
                Item::Frame(child) => inner.extend(self.frame(block, child)?),
                Item::Decl(locals) => locals.iter().for_each(|&l| inner.extend(self.alias(l))),
                Item::Uninit(tokens, locals) => {
                    if locals.iter().any(|l| data.mentions.contains(l)) {
                        inner.extend(tokens.clone());
                    }
                }
                Item::Term(term) => inner.extend(self.term(block, term)?),
            }
        }
        if frame.scope.is_none() {
            // The slots in scope here, or declared here: pointers to them.
            let frame = &self.names.frame;
            let slots = Ident::new("s", Span::mixed_site());
            let mut pointers = TokenStream::new();
            for (l, local) in self.body.locals.iter().enumerate() {
                if local.slot && (data.in_scope.contains(&l) || local.declared_in == block) {
                    let field = &local.field;
                    let (slot, place, shared) = (slot_var(l), place_var(l), shared_var(l));
                    let uses_place = mentions_ident(&inner, &place);
                    let uses_shared = mentions_ident(&inner, &shared);
                    if !uses_place && !uses_shared && !mentions_ident(&inner, &slot) {
                        continue;
                    }
                    match self.shared_storage(l) {
                        Some(storage) => pointers.extend(quote! {
                            let #slot = #frame.shared_slot(|#slots| (&raw mut (*#slots).#field, &raw mut (*#slots).#storage));
                        }),
                        None => pointers.extend(quote! {
                            let #slot = #frame.slot(|#slots| &raw mut (*#slots).#field);
                        }),
                    }
                    if uses_place {
                        pointers.extend(quote!(let #place = #slot.place();));
                    }
                    if uses_shared {
                        pointers.extend(quote!(let #shared = #slot.shared();));
                    }
                }
            }
            if pointers.is_empty() {
                return Ok(braced(inner));
            }
            // SAFETY: the slots live in the pinned machine; uses of a slot's
            // place follow the user's code, which the shadow body borrow-checks.
            let inner = unbraced(inner);
            return Ok(quote!(unsafe { #pointers #inner }));
        }
        let prefix = &frame.prefix;
        // `let x = { let __awaited1 = __p1; __awaited1 };` reads as `let x = __p1;`.
        if let ([only], [Item::Tokens(tokens)]) = (bound.as_slice(), frame.items.as_slice()) {
            let name = &self.body.locals[*only].name;
            if !frame.prefix.is_empty()
                && *name == tokens.to_string()
                && !frame.is_unsafe
                && !guards
            {
                let var = self.param_var(*only);
                let suffix = &frame.suffix;
                return Ok(quote!(#prefix #var #suffix));
            }
        }
        // A scope that binds nothing and only holds nested code needs no braces.
        let only_nested = frame
            .items
            .iter()
            .all(|i| matches!(i, Item::Frame(_) | Item::Term(_)));
        // Guards need the braces unless the scope ends in a jump, which
        // forgets them on every path.
        let ends_in_jump = always_jumps(frame);
        if bound.is_empty()
            && (!guards || ends_in_jump)
            && frame.prefix.is_empty()
            && frame.suffix.is_empty()
            && !frame.is_unsafe
            && only_nested
        {
            return Ok(inner);
        }
        let suffix = &frame.suffix;
        let unsafety = frame.is_unsafe.then(|| quote!(unsafe));
        let mut braces = proc_macro2::Group::new(proc_macro2::Delimiter::Brace, inner);
        braces.set_span(frame.brace);
        Ok(quote!(#prefix #unsafety #braces #suffix))
    }

    fn alias_name(&self, local: LocalId) -> Ident {
        format_ident!("__statemachine_local_{}", local)
    }

    /// `macro_rules!` naming `local` from where it is bound, for edges where
    /// another binding shadows it.
    fn alias(&self, local: LocalId) -> TokenStream {
        if !self.aliased.contains(&local) {
            return TokenStream::new();
        }
        let macro_name = self.alias_name(local);
        let name = &self.body.locals[local].name;
        quote! {
            #[allow(unused_macros)]
            macro_rules! #macro_name { () => { #name } }
        }
    }

    /// Replaces `__statemachine_goto_N` markers left in verbatim code by jumps.
    fn substitute_gotos(&self, block: BlockId, tokens: TokenStream) -> syn::Result<TokenStream> {
        let mut out = TokenStream::new();
        for tree in tokens {
            match tree {
                TokenTree::Ident(ident) => {
                    let text = ident.to_string();
                    let goto = text
                        .strip_prefix("__statemachine_goto_")
                        .and_then(|n| n.parse::<GotoId>().ok());
                    let assigned = text
                        .strip_prefix("__statemachine_assign_")
                        .and_then(|n| n.parse::<LocalId>().ok());
                    match (goto, assigned) {
                        (Some(goto), _) => out.extend(self.goto(block, goto)?),
                        // `s = __statemachine_assign_3(value)`: see
                        // `Builder::assigned_value`.
                        (_, Some(local))
                            if self.plan.carry(block, local) == Some(Carry::DropFlag) =>
                        {
                            let flag = self.flag_var(local);
                            out.extend(quote! {
                                ::statemachine_runtime::__private::drop_then(&mut #flag)
                            });
                        }
                        (_, Some(_)) => {}
                        (None, None) => out.extend([TokenTree::Ident(ident)]),
                    }
                }
                TokenTree::Group(group) => {
                    let mut new = proc_macro2::Group::new(
                        group.delimiter(),
                        self.substitute_gotos(block, group.stream())?,
                    );
                    new.set_span(group.span());
                    out.extend([TokenTree::Group(new)]);
                }
                other => out.extend([other]),
            }
        }
        Ok(out)
    }

    fn term(&self, block: BlockId, term: &Term) -> syn::Result<TokenStream> {
        let Names {
            state_enum,
            resume,
            running,
            ..
        } = self.names;
        Ok(match term {
            Term::Goto(goto) => self.goto(block, *goto)?,
            Term::If {
                cond,
                then,
                otherwise,
            } => {
                let then = self.goto(block, *then)?;
                let otherwise = self.goto(block, *otherwise)?;
                let cond = self.substitute_gotos(block, cond.clone())?;
                quote!(if #cond #then else #otherwise)
            }
            Term::Match { scrutinee, arms } => {
                let scrutinee = self.substitute_gotos(block, scrutinee.clone())?;
                let mut rendered = Vec::new();
                for (pat, goto) in arms {
                    if !self.plan.reachable[self.body.gotos[*goto].to] {
                        continue;
                    }
                    let jump = self.goto(block, *goto)?;
                    rendered.push(quote!(#pat => #jump));
                }
                quote!(match #scrutinee { #(#rendered)* })
            }
            Term::Await {
                index,
                awaitee,
                resume: goto,
            } => {
                let variant = self.await_variant(*index);
                let awaitee = self.substitute_gotos(block, awaitee.clone())?;
                let saved = self.saved(*index);
                let values = self.edge_values(block, *goto, &saved, Some(*index))?;
                let keep = self.keep_slots(*goto);
                let awaitee_var = Ident::new("__awaitee", Span::mixed_site());
                let target = self.body.gotos[*goto].to;
                let then = if self.placement[target] == Placement::Dispatch {
                    self.poll_in_place(*index, target, &awaitee_var)
                } else {
                    quote!(continue #resume;)
                };
                // Always the last statement of its block: no braces needed.
                // The guards are forgotten once the awaitee is built: if
                // building it panics, the unwind drops the slots in scope.
                quote! {
                    let #awaitee_var = #awaitee;
                    #keep
                    #running.suspend(#state_enum::#variant(#awaitee_var, #(#values),*));
                    #then
                }
            }
            Term::Return(value) => {
                let value = self.substitute_gotos(block, value.clone())?;
                let ret = return_tokens(self.names, value);
                quote!(#ret;)
            }
            Term::Diverged => TokenStream::new(),
        })
    }

    /// A block's code followed by the successors written after it.
    ///
    /// Input: a block whose jumps reach blocks with no other predecessor
    /// (`B1` alone, or `B2` and `B3`).
    /// Output:
    ///
    /// ```text
    /// let (__p1, __p2) = '__goto: { ..A.. break '__goto (x, y) .. };
    /// ..B1, binding x and y from __p1 and __p2..
    ///
    /// __next = '__goto: { ..A.. break '__goto __Block::B2 { x } .. };
    /// match __next { __Block::B2 { x: __p1 } => { ..B2.. }, __Block::B3 { .. } => { ..B3.. }, _ => unreachable!() }
    /// ```
    ///
    /// Leaving the block through the label ends its scopes exactly where the
    /// jump did in the user's code, and the successor sees none of its names.
    fn tree(&self, block: BlockId) -> syn::Result<TokenStream> {
        let Names {
            block_enum,
            next,
            goto: label,
            ..
        } = self.names;
        let code = match &self.body.blocks[block].code {
            Some(frame) => self.frame(block, frame)?,
            None => quote!(::core::unreachable!()),
        };
        match self.tree_successors(block).as_slice() {
            [] => Ok(code),
            [only] => {
                let vars = self.plan.params[*only]
                    .iter()
                    .map(|&(l, _)| self.param_var(l));
                let then = self.tree(*only)?;
                let code = braced(code);
                Ok(quote! {
                    let (#(#vars,)*) = #label: #code;
                    #then
                })
            }
            many => {
                let mut arms = Vec::new();
                for &t in many {
                    let variant = self.variant(t);
                    let pattern = variant_with(quote!(#block_enum::#variant), &self.param_vars(t));
                    let then = braced(self.tree(t)?);
                    arms.push(quote!(#pattern => #then));
                }
                let code = braced(code);
                Ok(quote! {
                    #next = #label: #code;
                    match #next {
                        #(#arms)*
                        _ => ::core::unreachable!(),
                    }
                })
            }
        }
    }

    /// A jump: evaluates the edge's own values, then passes everything the
    /// target receives, the way the target's placement wants it.
    fn goto(&self, block: BlockId, goto: GotoId) -> syn::Result<TokenStream> {
        let block_enum = &self.names.block_enum;
        let label = &self.names.goto;
        let edge = &self.body.gotos[goto];
        let target = edge.to;
        let variant = self.variant(target);
        let params = &self.plan.params[target];
        let mut extras = TokenStream::new();
        for (l, value) in &edge.extra {
            let var = self.param_var(*l);
            let value = self.substitute_gotos(block, value.clone())?;
            extras.extend(quote!(let #var = #value;));
        }
        let values = self.edge_values(block, goto, params, None)?;
        extras.extend(self.keep_slots(goto));
        let next_block = variant_with(quote!(#block_enum::#variant), &values);
        let successors = self.tree_successors(block);
        let jump = match self.placement[target] {
            Placement::After { .. } | Placement::Inline if successors == [target] => {
                quote!(break #label (#(#values,)*);)
            }
            Placement::After { .. } | Placement::Inline => {
                quote!(break #label #next_block;)
            }
            Placement::Entry | Placement::Dispatch => self.jump_to_dispatch(target, &values),
        };
        Ok(quote_spanned! {edge.span=> {
            #extras
            #jump
        }})
    }

    /// A jump to `target`, an arm of the dispatch loop, passing `values`:
    /// from the state `match`, or from a dispatch arm.
    fn jump_to_dispatch(&self, target: BlockId, values: &[TokenStream]) -> TokenStream {
        let Names {
            block_enum,
            next,
            dispatch,
            entry,
            carried,
            looped,
            ..
        } = self.names;
        let variant = self.variant(target);
        let next_block = variant_with(quote!(#block_enum::#variant), values);
        match self.context.get() {
            Context::Dispatch(arm) if arm == target => {
                self.loops_back.set(true);
                quote!(#carried = (#(#values,)*); continue #looped;)
            }
            Context::Entry => quote!(#next = #next_block; break #entry;),
            Context::Dispatch(_) => quote!(#next = #next_block; continue #dispatch;),
        }
    }

    /// What follows the suspension at await `k` whose resume block `target`
    /// is a dispatch arm: the new awaitee is polled right there, as rustc's
    /// coroutine polls it, rather than after a trip back through the state
    /// `match` (which LLVM does not thread: about 5 instructions per
    /// transition). The code is that of the await's arm of the state `match`.
    ///
    /// Input: `__running.suspend(__State::AwaitF1(__awaitee, __p1));`
    /// Output (after it):
    ///
    /// ```text
    /// let __State::AwaitF1(__awaitee, __p1) = unsafe { __frame.state() } else { unreachable!() };
    /// let __p2 = unsafe { __frame.poll(__awaitee, __cx) }?;
    /// let __p1 = unsafe { __frame.take(__p1) };
    /// __running = unsafe { __frame.start() };
    /// let __p2 = unsafe { __running.resume(__awaitee, __p2) };
    /// __next = __Block::AfterF1(__p1, __p2); continue '__dispatch;
    /// ```
    fn poll_in_place(&self, k: usize, target: BlockId, awaitee: &Ident) -> TokenStream {
        let Names {
            state_enum,
            frame,
            running,
            cx,
            ..
        } = self.names;
        let variant = self.await_variant(k);
        let vars: Vec<Ident> = self
            .saved(k)
            .iter()
            .map(|&(l, _)| self.param_var(l))
            .collect();
        let value = self.param_var(self.body.awaits[k].value);
        // Read outermost first, as the state `match` does.
        let reads = vars
            .iter()
            .rev()
            .map(|v| (v.clone(), quote!(let #v = unsafe { #frame.take(#v) };)))
            .collect();
        let (takes, forgets) = self.takes_guarding_slots(k, reads);
        let jump = self.jump_to_dispatch(target, &self.param_vars(target));
        quote! {
            // SAFETY: as in the state `match`: the state was just written,
            // `__awaitee` is its pinned field, and each saved value is moved
            // out once after `Ready`.
            let #state_enum::#variant(#awaitee, #(#vars),*) = (unsafe { #frame.state() }) else {
                ::core::unreachable!()
            };
            let #value = unsafe { #frame.poll(#awaitee, #cx) }?;
            #takes
            #running = unsafe { #frame.start() };
            let #value = unsafe { #running.resume(#awaitee, #value) };
            #forgets
            #jump
        }
    }

    /// The reads of the values saved at await `k` (each `(variable, let
    /// statement)`, outermost first) and, when slots are in scope there, a
    /// guard for each slot between them in scope order, so that if the
    /// awaitee's drop panics in `resume`, the unwind drops the slots and the
    /// values innermost first, as rustc's does; also what forgets the guards
    /// once it returned (the code that follows makes its own).
    ///
    /// Input: `let __p1 = take(__p1); let __p3 = take(__p3);`, `buf` in a slot
    /// declared between them
    /// Output: `let __p1 = take(__p1); let __resumed2 = unsafe {
    /// __frame.slot(|s| &raw mut (*s).buf).guard() }; let __p3 = take(__p3);`
    /// and `::core::mem::forget(__resumed2);`
    fn takes_guarding_slots(
        &self,
        k: usize,
        reads: Vec<(Ident, TokenStream)>,
    ) -> (TokenStream, Option<TokenStream>) {
        let point = &self.body.awaits[k];
        let in_scope: Vec<LocalId> = self.body.blocks[point.resume]
            .in_scope
            .iter()
            .copied()
            .filter(|&l| l != point.value)
            .collect();
        if !in_scope.iter().any(|&l| self.body.locals[l].slot) {
            let takes = reads.into_iter().map(|(_, read)| read);
            return (quote!(#(#takes)*), None);
        }
        let frame = &self.names.frame;
        let slots = Ident::new("s", Span::mixed_site());
        let mut reads = reads;
        let mut ordered = Vec::new();
        let mut forgets = TokenStream::new();
        for &l in &in_scope {
            let local = &self.body.locals[l];
            if local.slot {
                let field = &local.field;
                let guard = format_ident!("__resumed{}", l, span = Span::mixed_site());
                let slot = match self.shared_storage(l) {
                    Some(storage) => quote! {
                        #frame.shared_slot(|#slots| (&raw mut (*#slots).#field, &raw mut (*#slots).#storage))
                    },
                    None => quote!(#frame.slot(|#slots| &raw mut (*#slots).#field)),
                };
                ordered.push(quote!(let #guard = unsafe { #slot.guard() };));
                forgets.extend(quote!(::core::mem::forget(#guard);));
            } else {
                let var = self.param_var(l);
                if let Some(i) = reads.iter().position(|(v, _)| *v == var) {
                    ordered.push(reads.remove(i).1);
                }
            }
        }
        // Values saved but not in the resumed block's scope come first.
        let rest = reads.into_iter().map(|(_, read)| read);
        (quote!(#(#rest)* #(#ordered)*), Some(forgets))
    }

    /// The blocks written right after `block`, in the order they were
    /// started: those whose only predecessor it is, and the inlined joins it
    /// jumps to.
    fn tree_successors(&self, block: BlockId) -> Vec<BlockId> {
        let mut successors: Vec<BlockId> = self.body.blocks[block]
            .out
            .iter()
            .map(|&g| self.body.gotos[g].to)
            .filter(|&t| {
                self.plan.reachable[t]
                    && match self.placement[t] {
                        Placement::After { from } => from == block,
                        Placement::Inline => true,
                        _ => false,
                    }
            })
            .collect();
        successors.sort_by_key(|&t| self.body.blocks[t].order);
        successors.dedup();
        successors
    }

    /// With slots, a suspended machine drops its values interleaved: the
    /// awaitee, then every local in scope at the await innermost first,
    /// whether it is held in the state or in a slot (each by a guard, so a
    /// destructor that panics does not keep the rest from being dropped).
    ///
    /// Output (an arm): `if let __State::AwaitF(__awaitee, __p1) = &mut *this
    /// { let __drop2 = DropInPlace::new(__p1); let __drop1 =
    /// SlotPtr::of_slot(&raw mut (*slots).buf).guard(); let __drop0 =
    /// DropInPlace::new(__awaitee); return; }`
    fn drop_suspended(&self, awaits: &[usize], slots_ty: &TokenStream) -> TokenStream {
        if !self.body.locals.iter().any(|l| l.slot) {
            return TokenStream::new();
        }
        let Names { state_enum, .. } = self.names;
        let mut arms = Vec::new();
        for &k in awaits {
            let variant = self.await_variant(k);
            let point = &self.body.awaits[k];
            let saved = self.saved(k);
            let mut in_scope: Vec<LocalId> = self.body.blocks[point.resume]
                .in_scope
                .iter()
                .copied()
                .filter(|&l| l != point.value)
                .collect();
            in_scope.reverse();
            // Without slots, the variant's fields are in drop order already.
            if !in_scope.iter().any(|&l| self.body.locals[l].slot) {
                continue;
            }
            let private = quote!(::statemachine_runtime::__private);
            let mut steps = vec![quote!(#private::DropInPlace::new(__awaitee))];
            for l in in_scope {
                let local = &self.body.locals[l];
                if local.slot {
                    steps.push(self.slot_guard(l, &quote!((*slots))));
                } else if saved.iter().any(|(s, _)| *s == l) {
                    let var = self.param_var(l);
                    steps.push(quote!(#private::DropInPlace::new(#var)));
                }
            }
            let drops = Self::guarded_drops(steps);
            let pats = saved.iter().map(|&(l, _)| self.param_var(l));
            arms.push(quote! {
                if let #state_enum::#variant(__awaitee, #(#pats),*) = &mut *this {
                    #drops
                    return;
                }
            });
        }
        quote! {
            unsafe fn drop_suspended(this: *mut Self, slots: *mut #slots_ty) {
                // SAFETY: the caller guarantees both pointers are valid and
                // unused; each value is dropped once, then the caller writes
                // `Panicked` over the state without dropping it again.
                unsafe {
                    #(#arms)*
                    ::core::ptr::drop_in_place(this);
                }
            }
        }
    }

    /// Forgets the guards of slots that stay in scope across an edge: their
    /// values stay where they are; the others drop as the source's scopes end.
    fn keep_slots(&self, goto: GotoId) -> TokenStream {
        let edge = &self.body.gotos[goto];
        let target = &self.body.blocks[edge.to];
        let mut keep = TokenStream::new();
        for &l in &edge.visible {
            if self.body.locals[l].slot && target.in_scope.contains(&l) {
                let guard = guard_var(l);
                keep.extend(quote!(::core::mem::forget(#guard);));
            }
        }
        keep
    }

    /// `code`, the user's code of an arm, in a labeled block when a macro
    /// may hide a jump (see `scan::opaque_control_flow`).
    ///
    /// Input: `brk!();` in a loop whose body awaits, `brk!` expanding to `break`.
    /// Output: `'__user: { brk!(); .. }`: E0695, where the `break` would
    /// otherwise leave the machine's own loop.
    fn user_code(&self, code: TokenStream) -> TokenStream {
        if !self.opaque_control_flow || code.is_empty() {
            return code;
        }
        let user = &self.names.user;
        quote!(#user: { #code })
    }

    /// The parameter names of `block`'s values, in its variant's order.
    fn param_vars(&self, block: BlockId) -> Vec<TokenStream> {
        self.plan.params[block]
            .iter()
            .map(|&(l, _)| self.param_var(l).into_token_stream())
            .collect()
    }

    /// The expressions that pass `params` along an edge, in order; `at_await`
    /// is the await the edge suspends at, if it does.
    fn edge_values(
        &self,
        block: BlockId,
        goto: GotoId,
        params: &[(LocalId, Carry)],
        at_await: Option<usize>,
    ) -> syn::Result<Vec<TokenStream>> {
        let edge = &self.body.gotos[goto];
        let mut values = Vec::new();
        for &(l, carry) in params {
            if edge.extra.iter().any(|(e, _)| *e == l) {
                values.push(self.param_var(l).into_token_stream());
                continue;
            }
            let local = &self.body.locals[l];
            let name = &local.name;
            let state = match edge.events.get(&l) {
                Some(crate::lower::Event::Moved) => liveness::Init::No,
                Some(crate::lower::Event::PartlyMoved) => liveness::Init::Yes,
                Some(crate::lower::Event::Assigned) => liveness::Init::Yes,
                None => match self.plan.carry(block, l) {
                    Some(Carry::Value | Carry::Dead) => liveness::Init::Yes,
                    Some(Carry::DropFlag) => liveness::Init::Maybe,
                    None if self.body.blocks[block].in_scope.contains(&l) => liveness::Init::No,
                    None => liveness::Init::Yes,
                },
            };
            let by_name = || -> syn::Result<TokenStream> {
                if is_shadowed(self.body, edge, l) {
                    let alias = self.alias_name(l);
                    return Ok(quote!(#alias!()));
                }
                Ok(quote!(#name))
            };
            // Held in a `Dead` here already: passed on as it is.
            let held_dead =
                !edge.events.contains_key(&l) && self.plan.carry(block, l) == Some(Carry::Dead);
            let private = quote!(::statemachine_runtime::__private);
            let moved_dead = !held_dead
                && !local.owns_no_borrows
                && matches!(
                    (carry, state),
                    (Carry::Dead, _) | (Carry::DropFlag, liveness::Init::Yes)
                );
            let mut moves = self.dead_moves.borrow_mut();
            let moved_owned = !held_dead
                && local.owned_by_names
                && matches!(
                    (carry, state),
                    (Carry::Dead, _) | (Carry::DropFlag, liveness::Init::Yes)
                );
            if moved_owned {
                moves.owned.insert(l);
            }
            match at_await {
                Some(index) if moved_dead => {
                    moves.at_awaits.entry(index).or_default().insert(l);
                }
                None if moved_dead => moves.at_edges.push((l, goto)),
                _ => {}
            }
            drop(moves);
            values.push(match (carry, state) {
                (Carry::Value, _) => by_name()?,
                (Carry::Dead, _) if held_dead => self.flag_var(l).into_token_stream(),
                // Input: `s`, dead from here, holding no borrow.
                // Output: `s`, moved: its references cannot dangle.
                (Carry::Dead, _) if local.owns_no_borrows => {
                    let name = by_name()?;
                    quote!(#private::Dead::new(#name))
                }
                // Input: `r`, dead from here to the end of its scope.
                // Output: the value if it has drop glue, else nothing: it is
                // not read (a dead reference may dangle).
                (Carry::Dead, _) => {
                    let name = by_name()?;
                    quote_spanned! {local.name.span()=>
                        if #private::has_drop_glue(&raw const #name) {
                            #private::Dead::new(#name)
                        } else {
                            #private::Dead::nothing_to_drop()
                        }
                    }
                }
                (Carry::DropFlag, liveness::Init::Yes) if held_dead && local.owns_no_borrows => {
                    let flag = self.flag_var(l);
                    quote!(#flag.into_option())
                }
                // Input: `p`, held in a `Dead`, maybe moved from here.
                // Output: its `Dead` in the flag: the value is not read.
                (Carry::DropFlag, liveness::Init::Yes) if held_dead => {
                    let flag = self.flag_var(l);
                    quote!(::core::option::Option::Some(#flag))
                }
                (Carry::DropFlag, liveness::Init::Yes) if local.owns_no_borrows => {
                    let name = by_name()?;
                    quote!(::core::option::Option::Some(#name))
                }
                // Input: `p`, maybe moved from here, maybe holding a borrow.
                // Output: its `Dead` in the flag, as for `Carry::Dead`.
                (Carry::DropFlag, liveness::Init::Yes) => {
                    let name = by_name()?;
                    quote_spanned! {local.name.span()=>
                        ::core::option::Option::Some(if #private::has_drop_glue(&raw const #name) {
                            #private::Dead::new(#name)
                        } else {
                            #private::Dead::nothing_to_drop()
                        })
                    }
                }
                (Carry::DropFlag, liveness::Init::No) => quote!(::core::option::Option::None),
                (Carry::DropFlag, liveness::Init::Maybe) => self.flag_var(l).into_token_stream(),
            });
        }
        Ok(values)
    }
}
