//! Pinning on the stack: `pin!` and its statement forms, rewritten before
//! lowering so the pinned value is a local the machine keeps in place.
//!
//! `std::pin::pin!(e)` pins a temporary that the `let` extends to the end of
//! the block. The machine's blocks end at every await, so that temporary
//! would be a local of one step function. It becomes a local of its own,
//! `#[in_place]`: with an await after it, it lives in a slot of the pinned
//! machine, and otherwise in a block without awaits; either way it is
//! dropped where it is, never moved, which is what `Pin::new_unchecked`
//! requires. Its name is hygienic, so the user's code cannot move it.
//!
//! The shadow body keeps the user's macro and asserts that it made a
//! `Pin<&mut _>`, so a user macro of the same name that pins differently
//! (a `Box`) fails to compile rather than being taken for the standard one.

use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, format_ident, quote};
use syn::spanned::Spanned;
use syn::visit_mut::VisitMut;
use syn::{Expr, Ident, Stmt};

/// Rewrites every `let x = pin!(e);` and `pin!(x, y);` of `body` (outside
/// closures, async blocks and items, which keep their own).
///
/// Input: `let fut = pin!(make());`
/// Output: `#[in_place] let mut __pinned0 = make();
/// let fut = unsafe { Pin::new_unchecked(&mut __pinned0) };`
///
/// Input: `pin!(fut);` (tokio's `pin!`, futures' `pin_mut!`)
/// Output: `#[in_place] let mut __pinned1 = fut;
/// let mut fut = unsafe { Pin::new_unchecked(&mut __pinned1) };`
///
/// Returns whether it rewrote any: the shadow body must then be emitted, to
/// check the user's macro (see [`assert_pinned_in_shadow`]).
///
/// Input: `first(pin!(make())).await` (std's `pin!` used as a value)
/// Output: `first(pin_temporary(unsafe { PinTemporary::new() }, &mut make())).await`:
/// a borrowed temporary, which the lowering keeps in a slot to the end of
/// the statement when it awaits, as rustc keeps `pin!`'s temporary.
pub(crate) fn pin_in_place(body: &mut syn::Block) -> bool {
    WRITTEN.with(|written| written.borrow_mut().clear());
    let mut pass = Pass {
        next: 0,
        temporaries: 0,
    };
    pass.visit_block_mut(body);
    pass.next + pass.temporaries > 0
}

/// In the shadow body: after each form that [`pin_in_place`] rewrites, a
/// statement that compiles only if the user's macro made a `Pin<&mut _>`.
///
/// Input: `let fut = pin!(make());`
/// Output: `let fut = pin!(make()); pinned_on_stack(&fut);`
pub(crate) fn assert_pinned_in_shadow(body: &mut syn::Block) {
    struct Assert;
    impl VisitMut for Assert {
        fn visit_block_mut(&mut self, block: &mut syn::Block) {
            syn::visit_mut::visit_block_mut(self, block);
            let stmts = std::mem::take(&mut block.stmts);
            for stmt in stmts {
                let pinned = match &stmt {
                    Stmt::Local(local) => pin_let(local).map(|(name, mac)| (vec![name], mac)),
                    Stmt::Macro(mac) => {
                        pin_statement(&mac.mac).map(|names| (names, mac.mac.path.span()))
                    }
                    _ => None,
                };
                block.stmts.push(stmt);
                let Some((names, span)) = pinned else {
                    continue;
                };
                for mut name in names {
                    // Reported at the macro, resolved as the user's name.
                    name.set_span(name.span().located_at(span));
                    block.stmts.push(syn::parse_quote_spanned! {span=>
                        ::statemachine_runtime::__private::pinned_on_stack(&#name);
                    });
                }
            }
        }
        fn visit_local_mut(&mut self, local: &mut syn::Local) {
            // Checked after the statement: a call around it would end the
            // extension of `pin!`'s temporary to the block.
            if pin_value(local).is_none() {
                syn::visit_mut::visit_local_mut(self, local);
            }
        }
        // Input: `first(pin!(make())).await`
        // Output: `first(pinned_temporary(pin!(make()))).await`
        fn visit_expr_mut(&mut self, expr: &mut Expr) {
            syn::visit_mut::visit_expr_mut(self, expr);
            if let Expr::Macro(mac) = expr
                && is_std_pin(&mac.mac.path)
                && mac.mac.parse_body::<Expr>().is_ok()
            {
                let span = mac.mac.path.span();
                *expr = syn::parse_quote_spanned! {span=>
                    ::statemachine_runtime::__private::pinned_temporary(#expr)
                };
            }
        }
        fn visit_expr_closure_mut(&mut self, _: &mut syn::ExprClosure) {}
        fn visit_expr_async_mut(&mut self, _: &mut syn::ExprAsync) {}
        fn visit_item_mut(&mut self, _: &mut syn::Item) {}
    }
    Assert.visit_block_mut(body);
}

struct Pass {
    next: usize,
    /// How many `pin!`s used as values were rewritten.
    temporaries: usize,
}

impl Pass {
    fn pinned_name(&mut self) -> Ident {
        let name = format_ident!("__pinned{}", self.next, span = Span::mixed_site());
        self.next += 1;
        name
    }

    /// `#[in_place] let mut __pinnedN = value;` and `let [mut] name = Pin(..)`.
    fn pin(&mut self, value: &Expr, binding: TokenStream) -> [Stmt; 2] {
        let pinned = self.pinned_name();
        [
            syn::parse_quote!(#[in_place] let mut #pinned = #value;),
            // SAFETY (of the generated code): `__pinnedN` cannot be named by
            // the user's code and is kept in place until it drops.
            syn::parse_quote! {
                let #binding = unsafe { ::core::pin::Pin::new_unchecked(&mut #pinned) };
            },
        ]
    }
}

impl VisitMut for Pass {
    fn visit_block_mut(&mut self, block: &mut syn::Block) {
        syn::visit_mut::visit_block_mut(self, block);
        let stmts = std::mem::take(&mut block.stmts);
        for stmt in stmts {
            match &stmt {
                Stmt::Local(local) if let Some((_, value)) = pin_value(local) => {
                    let pat = &local.pat;
                    let attrs = &local.attrs;
                    let [hoisted, mut rebound] = self.pin(&value, quote!(#pat));
                    if let Stmt::Local(rebound) = &mut rebound {
                        rebound.attrs.extend(attrs.iter().cloned());
                    }
                    block.stmts.extend([hoisted, rebound]);
                }
                Stmt::Macro(mac) if let Some(names) = pin_statement(&mac.mac) => {
                    for name in names {
                        let value: Expr = syn::parse_quote!(#name);
                        block.stmts.extend(self.pin(&value, quote!(mut #name)));
                    }
                }
                _ => block.stmts.push(stmt),
            }
        }
    }
    fn visit_local_mut(&mut self, local: &mut syn::Local) {
        // `let x = pin!(e);` is rewritten whole by `visit_block_mut`.
        if pin_value(local).is_none() {
            syn::visit_mut::visit_local_mut(self, local);
        }
    }
    fn visit_expr_mut(&mut self, expr: &mut Expr) {
        if let Expr::Await(a) = expr
            && has_std_pin(&a.base)
        {
            let text = crate::lower::source_like(a.base.to_token_stream());
            let role = crate::scan::awaited_role(&a.base);
            let at = position(a.await_token.span);
            let written = WrittenAwait { at, text, role };
            WRITTEN.with(|all| all.borrow_mut().push(written));
        }
        syn::visit_mut::visit_expr_mut(self, expr);
        let Expr::Macro(mac) = expr else {
            return;
        };
        if !is_std_pin(&mac.mac.path) {
            return;
        }
        let Ok(value) = mac.mac.parse_body::<Expr>() else {
            return;
        };
        self.temporaries += 1;
        let private = quote!(::statemachine_runtime::__private);
        let span = mac.mac.path.span();
        // SAFETY (of the generated code): the borrowed value is a temporary
        // made for this call, which nothing else can name or move. `pin!`
        // moves a place into a temporary of its own (`&mut { e }`); a call
        // does the same, and is a move the lowering sees.
        let value = if crate::scan::is_place_expr(&value) {
            quote!(::core::convert::identity(#value))
        } else {
            quote!((#value))
        };
        *expr = syn::parse_quote_spanned! {span=>
            #private::pin_temporary(unsafe { #private::PinTemporary::new() }, &mut #value)
        };
    }
    fn visit_expr_closure_mut(&mut self, _: &mut syn::ExprClosure) {}
    fn visit_expr_async_mut(&mut self, _: &mut syn::ExprAsync) {}
    fn visit_item_mut(&mut self, _: &mut syn::Item) {}
}

thread_local! {
    /// The awaits whose operand [`pin_in_place`] rewrote, in the function
    /// being expanded, by where their `.await` starts: the text and role
    /// of the operand as the user wrote it, which the machine reports.
    /// Strings only: a token would outlive its expansion here.
    static WRITTEN: std::cell::RefCell<Vec<WrittenAwait>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// An awaited operand as written (see [`WRITTEN`]).
struct WrittenAwait {
    /// Where its `.await` starts (line, column).
    at: (usize, usize),
    /// `pin!(leaf()).await`'s `pin!(leaf())`.
    text: String,
    /// The name its state takes after (`Leaf`).
    role: String,
}

fn position(span: Span) -> (usize, usize) {
    let start = span.start();
    (start.line, start.column)
}

/// Records the text and role of an await that a rewrite before lowering
/// wrote, located at `span` (see [`WRITTEN`]); called after [`pin_in_place`].
pub(crate) fn note_awaited_as_written(span: Span, text: String, role: String) {
    let at = position(span);
    WRITTEN.with(|all| all.borrow_mut().push(WrittenAwait { at, text, role }));
}

/// The text and role of an awaited operand as written, when
/// [`pin_in_place`] rewrote a `pin!` in it.
pub(crate) fn awaited_as_written(await_token: Span) -> Option<(String, String)> {
    let at = position(await_token);
    WRITTEN.with(|written| {
        written
            .borrow()
            .iter()
            .find(|written| written.at == at)
            .map(|written| (written.text.clone(), written.role.clone()))
    })
}

/// Whether `expr` has a `pin!` that [`pin_in_place`] rewrites as a value.
fn has_std_pin(expr: &Expr) -> bool {
    struct Finder(bool);
    impl<'ast> syn::visit::Visit<'ast> for Finder {
        fn visit_macro(&mut self, mac: &'ast syn::Macro) {
            self.0 |= is_std_pin(&mac.path);
        }
        fn visit_expr_closure(&mut self, _: &'ast syn::ExprClosure) {}
        fn visit_expr_async(&mut self, _: &'ast syn::ExprAsync) {}
        fn visit_item(&mut self, _: &'ast syn::Item) {}
    }
    let mut finder = Finder(false);
    syn::visit::Visit::visit_expr(&mut finder, expr);
    finder.0
}

/// `pin`, `std::pin::pin` or `core::pin::pin`.
pub(crate) fn is_std_pin(path: &syn::Path) -> bool {
    let segments = crate::scan::path_names(path);
    matches!(
        segments.iter().map(String::as_str).collect::<Vec<_>>()[..],
        ["pin"] | ["std" | "core", "pin", "pin"]
    )
}

/// `let x = pin!(e);`: the binding's name and the macro path's span.
fn pin_let(local: &syn::Local) -> Option<(Ident, Span)> {
    let (name, _) = pin_value(local)?;
    let Expr::Macro(mac) = &*local.init.as_ref()?.expr else {
        return None;
    };
    Some((name, mac.mac.path.span()))
}

/// `let x = pin!(e);` (`pin`, `std::pin::pin`, `core::pin::pin`), without
/// `else`: the binding's name and `e`.
fn pin_value(local: &syn::Local) -> Option<(Ident, Expr)> {
    let init = local.init.as_ref().filter(|i| i.diverge.is_none())?;
    let syn::Pat::Ident(binding) = &local.pat else {
        return None;
    };
    let Expr::Macro(mac) = &*init.expr else {
        return None;
    };
    if !is_std_pin(&mac.mac.path) || binding.by_ref.is_some() || binding.subpat.is_some() {
        return None;
    }
    let value = mac.mac.parse_body::<Expr>().ok()?;
    Some((binding.ident.clone(), value))
}

/// `pin!(a, b);` or `pin_mut!(a);` as a statement, with names only: tokio's
/// and futures' forms, which shadow each name with its pinned reference.
fn pin_statement(mac: &syn::Macro) -> Option<Vec<Ident>> {
    let last = mac.path.segments.last()?.ident.to_string();
    if last != "pin" && last != "pin_mut" {
        return None;
    }
    let names = mac
        .parse_body_with(syn::punctuated::Punctuated::<Ident, syn::Token![,]>::parse_terminated)
        .ok()?;
    (!names.is_empty()).then(|| names.into_iter().collect())
}
