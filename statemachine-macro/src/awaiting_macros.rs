//! Macros whose expansion awaits: tokio's and futures' `join!` and
//! `try_join!`, rewritten before lowering; `select!`, refused.
//!
//! The machine sees syntax only, so an `.await` that a macro writes would be
//! left in the step function, a plain closure (E0728). `join!` evaluates
//! its arguments in the function's body and then awaits one future that
//! polls them all; the rewrite evaluates the arguments where the macro
//! would, with the temporaries it would keep, and awaits the user's own
//! macro inside an `async move` block that takes only the evaluated
//! futures. So rustc's `join!` polls, in its order, the same futures.
//!
//! Where the macro drops its arguments' temporaries differs: tokio builds one
//! tuple of them (`let mut futures = (maybe_done(a), maybe_done(b));`), so
//! all live to the end of that statement, while futures binds each one in a
//! `let` of its own. A bare `join!` may be either, so its arguments must
//! not make temporaries; the error says to write the path.

use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, format_ident, quote, quote_spanned};
use syn::punctuated::Punctuated;
use syn::spanned::Spanned;
use syn::visit_mut::VisitMut;
use syn::{Expr, Stmt, Token};

/// Rewrites every `join!` and `try_join!` of tokio or futures in `body`
/// (outside closures, async blocks and items, where rustc awaits them), and
/// refuses `tokio::select!` and `futures::select!`.
///
/// Input: `tokio::join!(a(), b(&x))`
/// Output: `{ let (__joined0, __joined1) = (IntoFuture::into_future(a()),
/// IntoFuture::into_future(b(&x))); async move { tokio::join!(__joined0,
/// __joined1) }.await }`
///
/// Input: `futures::join!(a(), b(&x))`
/// Output: `{ let __joined0 = a(); let __joined1 = b(&x);
/// async move { futures::join!(__joined0, __joined1) }.await }`
///
/// A bare `join!` is taken for tokio's (with `IntoFuture`, which futures'
/// `join!` refuses in the never-run copy of the body): the two agree when
/// the arguments make no temporaries.
pub(crate) fn join_in_async_blocks(body: &mut syn::Block) -> syn::Result<()> {
    let mut pass = Pass {
        next: 0,
        errors: Vec::new(),
    };
    pass.visit_block_mut(body);
    match crate::expand::combine(pass.errors.into_iter()) {
        Some(error) => Err(error),
        None => Ok(()),
    }
}

/// Whose `join!` a macro path names, as far as the path says.
#[derive(Clone, Copy, PartialEq)]
enum Joiner {
    /// `tokio::join!`: one tuple of the arguments.
    Tokio,
    /// `futures::join!`: one `let` per argument.
    Futures,
    /// `join!`, imported from either.
    Unqualified,
}

/// A `join!` or `try_join!` call.
struct JoinCall {
    joiner: Joiner,
    /// `biased;` (tokio's), kept in front of the futures.
    biased: Option<TokenStream>,
    futures: Vec<Expr>,
}

struct Pass {
    next: usize,
    errors: Vec<syn::Error>,
}

impl Pass {
    /// The block that evaluates the call's arguments and awaits `mac` on them.
    fn rewrite(&mut self, mac: &syn::Macro, call: JoinCall) -> Expr {
        let names: Vec<syn::Ident> = call
            .futures
            .iter()
            .map(|_| {
                let name = format_ident!("__joined{}", self.next, span = Span::mixed_site());
                self.next += 1;
                name
            })
            .collect();
        let futures = &call.futures;
        let bindings = match call.joiner {
            Joiner::Tokio | Joiner::Unqualified if !names.is_empty() => {
                // Located at each argument, which a move error then names.
                let into_futures = futures.iter().map(|future| {
                    quote_spanned!(future.span()=> ::core::future::IntoFuture::into_future(#future))
                });
                quote!(let (#(#names,)*) = (#(#into_futures,)*);)
            }
            Joiner::Tokio | Joiner::Unqualified => TokenStream::new(),
            Joiner::Futures => quote!(#(let #names = #futures;)*),
        };
        let path = &mac.path;
        let bang = &mac.bang_token;
        let biased = &call.biased;
        // The `.await` is located at the macro, which the machine reports as
        // where it is suspended (see `crate::pinning::note_awaited_as_written`).
        let span = mac.path.span();
        let await_ = quote_spanned!(span=> .await);
        crate::pinning::note_awaited_as_written(
            span,
            crate::lower::source_like(mac.to_token_stream()),
            crate::scan::awaited_role(&syn::parse_quote!(#path())),
        );
        syn::parse_quote! {
            { #bindings async move { #path #bang (#biased #(#names),*) } #await_ }
        }
    }

    /// The rewritten block for `mac` if it is a `join!` or `try_join!`; an
    /// error if it is a `select!` or a bare `join!` whose arguments make
    /// temporaries.
    fn visit_macro_call(&mut self, mac: &syn::Macro) -> Option<Expr> {
        let segments = crate::scan::path_names(&mac.path);
        let names: Vec<&str> = segments.iter().map(String::as_str).collect();
        let joiner = match names[..] {
            ["tokio", "join" | "try_join"] => Joiner::Tokio,
            ["futures" | "futures_util", "join" | "try_join"] => Joiner::Futures,
            ["join" | "try_join"] => Joiner::Unqualified,
            [
                "tokio" | "futures" | "futures_util",
                name @ ("select" | "select_biased"),
            ] => {
                self.errors.push(syn::Error::new_spanned(
                    &mac.path,
                    format!(
                        "`{name}!` awaits inside its expansion, where #[state_machine] cannot \
                         see; move it into an `async fn` or `async` block of its own and \
                         await that"
                    ),
                ));
                return None;
            }
            _ => return None,
        };
        let call = match parse_join(mac, joiner) {
            Ok(call) => call,
            // Left to the macro, which reports its own syntax errors.
            Err(_) => return None,
        };
        if joiner == Joiner::Unqualified
            && let Some(arg) = call.futures.iter().find(|f| !makes_no_temporaries(f))
        {
            let name = names[0];
            self.errors.push(syn::Error::new_spanned(
                arg,
                format!(
                    "this argument of `{name}!` may make a temporary, which tokio's `{name}!` \
                     drops after all its arguments and futures' after this one: write the \
                     macro's path (`tokio::{name}!` or `futures::{name}!`), or bind the \
                     argument to a local first"
                ),
            ));
            return None;
        }
        Some(self.rewrite(mac, call))
    }
}

impl VisitMut for Pass {
    fn visit_expr_mut(&mut self, expr: &mut Expr) {
        syn::visit_mut::visit_expr_mut(self, expr);
        if let Expr::Macro(m) = expr
            && let Some(rewritten) = self.visit_macro_call(&m.mac)
        {
            *expr = rewritten;
        }
    }
    fn visit_stmt_mut(&mut self, stmt: &mut Stmt) {
        syn::visit_mut::visit_stmt_mut(self, stmt);
        if let Stmt::Macro(m) = stmt
            && let Some(rewritten) = self.visit_macro_call(&m.mac)
        {
            let semi = m.semi_token;
            *stmt = Stmt::Expr(rewritten, semi);
        }
    }
    // `println!("{:?}", tokio::join!(a, b))`: the machine lowers the
    // arguments of the formatting macros, awaits included.
    fn visit_macro_mut(&mut self, mac: &mut syn::Macro) {
        crate::scan::rewrite_read_macro_arguments(mac, &mut |argument| {
            self.visit_expr_mut(argument);
        });
    }
    fn visit_expr_closure_mut(&mut self, _: &mut syn::ExprClosure) {}
    fn visit_expr_async_mut(&mut self, _: &mut syn::ExprAsync) {}
    fn visit_item_mut(&mut self, _: &mut syn::Item) {}
}

/// `[biased;] a, b, ..`: tokio's `biased;` only for tokio's or a bare path.
fn parse_join(mac: &syn::Macro, joiner: Joiner) -> syn::Result<JoinCall> {
    mac.parse_body_with(|input: syn::parse::ParseStream| {
        let biased = if joiner != Joiner::Futures
            && input.peek(syn::Ident)
            && input.peek2(Token![;])
            && input.fork().parse::<syn::Ident>()? == "biased"
        {
            let word: syn::Ident = input.parse()?;
            let semi: Token![;] = input.parse()?;
            Some(quote!(#word #semi))
        } else {
            None
        };
        let futures = Punctuated::<Expr, Token![,]>::parse_terminated(input)?;
        Ok(JoinCall {
            joiner,
            biased,
            futures: futures.into_iter().collect(),
        })
    })
}

/// Whether evaluating `expr` visibly leaves nothing to drop at the end of
/// its statement: names, literals, async blocks, closures, operators, casts,
/// field and index reads, borrows of places, awaits and calls of those. A
/// block or a branch may (a tail's temporaries, in edition 2021).
fn makes_no_temporaries(expr: &Expr) -> bool {
    let plain = match expr {
        // An async block or closure only captures; an await drops its
        // future before the statement ends.
        Expr::Path(_) | Expr::Lit(_) | Expr::Async(_) | Expr::Closure(_) => true,
        Expr::Await(a) => makes_no_temporaries(&a.base),
        Expr::Call(c) => {
            matches!(&*c.func, Expr::Path(_)) && c.args.iter().all(makes_no_temporaries)
        }
        Expr::MethodCall(m) => {
            crate::scan::is_place_expr(&m.receiver) && m.args.iter().all(makes_no_temporaries)
        }
        Expr::Reference(r) => crate::scan::is_place_expr(&r.expr),
        Expr::Field(f) => makes_no_temporaries(&f.base),
        Expr::Index(i) => makes_no_temporaries(&i.expr) && makes_no_temporaries(&i.index),
        Expr::Binary(b) => makes_no_temporaries(&b.left) && makes_no_temporaries(&b.right),
        Expr::Unary(u) => makes_no_temporaries(&u.expr),
        Expr::Cast(c) => makes_no_temporaries(&c.expr),
        Expr::Paren(p) => makes_no_temporaries(&p.expr),
        Expr::Tuple(t) => t.elems.iter().all(makes_no_temporaries),
        _ => false,
    };
    plain && !crate::scan::creates_temporary(expr)
}
