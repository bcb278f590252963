//! Which locals can never hold a borrow of the body's own data.
//!
//! A value that is dead at an await but still owes its drop is moved into
//! the state (see `liveness::Carry::Dead`). The borrow checker lets a
//! value's references dangle once it is dead when its drop cannot reach
//! them (`(String, &T)`: only the `String` is dropped), and moving such a
//! value is undefined behaviour (a typed copy of a dangling reference).
//! Rustc's coroutine leaves it in place. So a dead value is moved only when
//! it cannot hold such a reference by construction; any other is kept in a
//! slot (see `Builder::maybe_slot` and `Builder::destructured_let`, and
//! `Builder::keep_borrowed_bindings` for an arm's bindings).
//!
//! A reference to the body's data can enter a value only through a borrow
//! in its initializer, a value that holds one, or a borrow of the value
//! itself afterwards (a method or function may store one through interior
//! mutability, `x.1.set(Some(&v))`). The checks below rule out all three by
//! syntax alone.

use std::collections::BTreeSet;

use proc_macro2::TokenStream;
use syn::visit::Visit;
use syn::{Expr, Ident};

use crate::scan::{eager_format_args, peel_parens, rooted_at};

/// Whether the value of `init` owns no borrow of the body's data: it is
/// built from literals, items, parameters and `holds_no_borrows` locals by
/// value, through function calls, operators, awaits, `?`, casts and
/// literals of tuples, arrays and structs. `holds_no_borrows(name)` is
/// `None` when `name` is not a local of the body.
///
/// A function given no borrow cannot return one of the body's data; a
/// parameter's references point outside the body and outlive the future.
pub(crate) fn init_owns_no_borrows(
    init: &Expr,
    holds_no_borrows: &dyn Fn(&Ident) -> Option<bool>,
) -> bool {
    let free = |e: &Expr| init_owns_no_borrows(e, holds_no_borrows);
    match peel_parens(init) {
        Expr::Lit(_) => true,
        Expr::Path(p) => match p.path.get_ident() {
            Some(name) if p.qself.is_none() => holds_no_borrows(name).unwrap_or(true),
            // `Self::X`, `u8::MAX`, a unit variant: an item.
            _ => true,
        },
        // The callee is an item (a local closure could return a borrow it
        // captured).
        Expr::Call(call) => {
            let item = matches!(&*call.func, Expr::Path(p)
                if p.path.get_ident().is_none_or(|name| holds_no_borrows(name).is_none()));
            item && call.args.iter().all(free)
        }
        // An operator's `&` operand is taken to end its borrow with the
        // operator, as every operator of `std` does (see `scan::uses_of`).
        Expr::Binary(b) => [&*b.left, &*b.right]
            .into_iter()
            .all(|operand| matches!(peel_parens(operand), Expr::Reference(_)) || free(operand)),
        Expr::Unary(u) => free(&u.expr),
        // `as` can also coerce to a reference type (`&v as &dyn Debug`).
        Expr::Cast(c) => free(&c.expr),
        Expr::Await(a) => free(&a.base),
        Expr::Try(t) => free(&t.expr),
        Expr::Tuple(t) => t.elems.iter().all(free),
        Expr::Array(a) => a.elems.iter().all(free),
        Expr::Repeat(r) => free(&r.expr),
        Expr::Range(r) => r.start.as_deref().is_none_or(free) && r.end.as_deref().is_none_or(free),
        Expr::Struct(s) => {
            s.fields.iter().all(|f| free(&f.expr)) && s.rest.as_deref().is_none_or(free)
        }
        // A clone of a value without borrows has none, and these results
        // are plain owned values.
        Expr::MethodCall(m) => match m.method.to_string().as_str() {
            "clone" | "to_owned" => free(&m.receiver) && m.args.is_empty(),
            "to_string" | "len" | "is_empty" => m.args.is_empty(),
            _ => false,
        },
        // `format!` returns a `String`; `vec!` holds its elements, which a
        // `for` loop or a pattern can take out again.
        Expr::Macro(m) => match m.mac.path.segments.last() {
            Some(last) if last.ident == "format" => true,
            Some(last) if last.ident == "vec" => {
                let parser = syn::punctuated::Punctuated::<Expr, syn::Token![,]>::parse_terminated;
                m.mac
                    .parse_body_with(parser)
                    .is_ok_and(|elems| elems.iter().all(free))
                    || m.mac
                        .parse_body_with(repeated)
                        .is_ok_and(|elem| free(&elem))
            }
            _ => false,
        },
        _ => false,
    }
}

/// `vec![elem; n]`'s element.
fn repeated(input: syn::parse::ParseStream) -> syn::Result<Expr> {
    let elem = input.parse()?;
    input.parse::<syn::Token![;]>()?;
    input.parse::<Expr>()?;
    Ok(elem)
}

/// Whether `rest` uses `name` only in ways that cannot store a borrow of
/// the body's data into it: by value (moved or copied, also through
/// fields); borrowed by a call (`name.touch()`, `f(&name)`) whose other
/// operands own no borrows, so it has nothing to store but a borrow of
/// `name` itself, which would keep `name` from being moved; assigned a value
/// that owns none; as an operator's `&` operand (`a + &name`, taken to end
/// its borrows, as every operator of `std` does); or in a formatting
/// macro's arguments. Anything else (a borrow kept in a local, an index, a
/// match, a closure, another macro) could.
pub(crate) fn only_used_by_value(
    name: &str,
    rest: &[syn::Stmt],
    holds_no_borrows: &dyn Fn(&Ident) -> Option<bool>,
) -> bool {
    struct Check<'a> {
        name: &'a str,
        // Names `rest` binds: a later local, or one that shadows.
        bound: BTreeSet<String>,
        holds_no_borrows: &'a dyn Fn(&Ident) -> Option<bool>,
        by_value: bool,
    }
    impl Check<'_> {
        fn mentioned(&self, tokens: TokenStream) -> bool {
            crate::scan::mentions(tokens, self.name)
        }
        fn owns_no_borrows(&self, expr: &Expr) -> bool {
            let holds = |ident: &Ident| {
                if self.bound.contains(&ident.to_string()) {
                    Some(false)
                } else {
                    (self.holds_no_borrows)(ident)
                }
            };
            init_owns_no_borrows(expr, &holds)
        }
        fn names_it(&self, expr: &Expr) -> bool {
            self.mentioned(quote::ToTokens::to_token_stream(expr))
        }
        /// Whether `expr`, an operand of a call, may pass a borrow of
        /// `name`: anything that names it but by value (`name`, `name.0`,
        /// `name + &other`; a method's receiver is never by value).
        fn lends_it(&self, expr: &Expr) -> bool {
            match peel_parens(expr) {
                e if rooted_at(e, self.name) => matches!(e, Expr::Unary(_) | Expr::Index(_)),
                Expr::Binary(b) => {
                    [&*b.left, &*b.right]
                        .into_iter()
                        .any(|operand| match peel_parens(operand) {
                            Expr::Reference(r) => self.lends_it(&r.expr),
                            other => self.lends_it(other),
                        })
                }
                other => self.names_it(other),
            }
        }
        /// A call's operands (callee excluded; `receiver` for a method):
        /// when one lends `name`, the operands that do not name it must own
        /// no borrows, which the callee could store into it.
        fn call<'e>(
            &mut self,
            receiver: Option<&'e Expr>,
            args: impl Iterator<Item = &'e Expr> + Clone,
        ) {
            let lends = receiver.is_some_and(|r| self.names_it(r))
                || args.clone().any(|a| self.lends_it(a));
            let operands = receiver.into_iter().chain(args);
            if lends
                && !operands
                    .clone()
                    .all(|e| self.names_it(e) || self.owns_no_borrows(e))
            {
                self.by_value = false;
            }
            for operand in operands {
                match peel_parens(operand) {
                    Expr::Reference(r) if rooted_at(&r.expr, self.name) => self.visit_expr(&r.expr),
                    other => self.visit_expr(other),
                }
            }
        }
    }
    impl<'ast> Visit<'ast> for Check<'_> {
        fn visit_expr_method_call(&mut self, m: &'ast syn::ExprMethodCall) {
            self.call(Some(&m.receiver), m.args.iter());
        }
        fn visit_expr_call(&mut self, c: &'ast syn::ExprCall) {
            // A local closure called with a borrow of `name` could store
            // into it what it captured.
            let callee_is_item = match &*c.func {
                Expr::Path(p) => p.path.get_ident().is_none_or(|callee| {
                    !self.bound.contains(&callee.to_string())
                        && (self.holds_no_borrows)(callee).is_none()
                }),
                _ => false,
            };
            if !callee_is_item && self.mentioned(quote::ToTokens::to_token_stream(&c.args)) {
                self.by_value = false;
            }
            self.visit_expr(&c.func);
            self.call(None, c.args.iter());
        }
        fn visit_expr_reference(&mut self, r: &'ast syn::ExprReference) {
            self.by_value &= !rooted_at(&r.expr, self.name);
            syn::visit::visit_expr_reference(self, r);
        }
        fn visit_expr_binary(&mut self, b: &'ast syn::ExprBinary) {
            // `name += value`, `name.0 -= value`: like an assignment.
            if crate::scan::is_compound_assignment(&b.op) && rooted_at(&b.left, self.name) {
                self.by_value &= self.owns_no_borrows(&b.right);
            }
            for operand in [&*b.left, &*b.right] {
                match peel_parens(operand) {
                    Expr::Reference(r) => self.visit_expr(&r.expr),
                    other => self.visit_expr(other),
                }
            }
        }
        fn visit_expr_assign(&mut self, a: &'ast syn::ExprAssign) {
            if rooted_at(&a.left, self.name) {
                self.by_value &= self.owns_no_borrows(&a.right);
            }
            syn::visit::visit_expr_assign(self, a);
        }
        fn visit_expr_index(&mut self, i: &'ast syn::ExprIndex) {
            self.by_value &= !rooted_at(&i.expr, self.name);
            syn::visit::visit_expr_index(self, i);
        }
        fn visit_expr_match(&mut self, m: &'ast syn::ExprMatch) {
            self.by_value &= !rooted_at(&m.expr, self.name);
            syn::visit::visit_expr_match(self, m);
        }
        fn visit_expr_let(&mut self, l: &'ast syn::ExprLet) {
            self.by_value &= !rooted_at(&l.expr, self.name);
            syn::visit::visit_expr_let(self, l);
        }
        fn visit_local(&mut self, local: &'ast syn::Local) {
            // `let ref r = name;`, `let (a, ref b) = name;`
            let binds_name = matches!(&local.pat, syn::Pat::Ident(p) if p.by_ref.is_none() && p.subpat.is_none());
            if let Some(init) = &local.init
                && !binds_name
            {
                self.by_value &= !rooted_at(&init.expr, self.name);
            }
            syn::visit::visit_local(self, local);
        }
        fn visit_expr_closure(&mut self, c: &'ast syn::ExprClosure) {
            self.by_value &= !self.mentioned(quote::ToTokens::to_token_stream(&c.body));
        }
        fn visit_expr_async(&mut self, a: &'ast syn::ExprAsync) {
            self.by_value &= !self.mentioned(quote::ToTokens::to_token_stream(&a.block));
        }
        // A formatting macro borrows its arguments only to format them.
        fn visit_macro(&mut self, mac: &'ast syn::Macro) {
            match eager_format_args(mac) {
                Some(args) => args.iter().for_each(|arg| self.visit_expr(arg)),
                None => self.by_value &= !self.mentioned(mac.tokens.clone()),
            }
        }
        fn visit_item(&mut self, _: &'ast syn::Item) {}
    }
    struct Bound(BTreeSet<String>);
    impl<'ast> Visit<'ast> for Bound {
        fn visit_pat_ident(&mut self, p: &'ast syn::PatIdent) {
            self.0.insert(p.ident.to_string());
            syn::visit::visit_pat_ident(self, p);
        }
        fn visit_item(&mut self, _: &'ast syn::Item) {}
    }
    let mut bound = Bound(BTreeSet::new());
    rest.iter().for_each(|stmt| bound.visit_stmt(stmt));
    let mut check = Check {
        name,
        bound: bound.0,
        holds_no_borrows,
        by_value: true,
    };
    rest.iter().for_each(|stmt| check.visit_stmt(stmt));
    check.by_value
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `p` is a parameter, `owned` a local without borrows, `r` one that
    /// may hold some; anything else is an item.
    fn local(name: &Ident) -> Option<bool> {
        match name.to_string().as_str() {
            "p" | "owned" => Some(true),
            "r" => Some(false),
            _ => None,
        }
    }

    fn init(expr: &str) -> bool {
        init_owns_no_borrows(&syn::parse_str(expr).unwrap(), &local)
    }

    fn by_value(rest: &str) -> bool {
        let block: syn::Block = syn::parse_str(&format!("{{ {rest} }}")).unwrap();
        only_used_by_value("x", &block.stmts, &local)
    }

    #[test]
    fn initializers_without_borrows() {
        for expr in [
            "fetch(p + 1).await",
            "D(\"d\")",
            "(String::new(), owned, 3)",
            "S { a: p, ..Default::default() }",
            "name_of(p)?",
            "0..p",
            "owned.clone()",
            "r.len()",
            "p + &r",
            "format!(\"{r}\")",
            "vec![p, owned]",
            "vec![D(1); p]",
        ] {
            assert!(init(expr), "{expr}");
        }
    }

    #[test]
    fn initializers_that_may_borrow() {
        for expr in [
            "&p",
            "(D(\"d\"), &owned)",
            "r",
            "r.clone()",
            "v.first().unwrap()",
            "f(&owned)",
            "owned(p)",
            "&p as &dyn Debug",
            "{ p }",
            "v[0]",
            "|| p",
            "vec![(D(1), &owned)]",
            "vec![&p; 3]",
        ] {
            assert!(!init(expr), "{expr}");
        }
    }

    #[test]
    fn uses_that_store_nothing() {
        for rest in [
            "f(x).await;",
            "let y = x; g(y).await;",
            "x.touch(); f().await;",
            "x.0.touch(p, 1); f().await;",
            "f(&x, p); g(x.1, r).await;",
            "println!(\"{x} {}\", x.0); f().await;",
            "let s = a + &x; x = D(1); x.0 += 1; f().await;",
        ] {
            assert!(by_value(rest), "{rest}");
        }
    }

    #[test]
    fn uses_that_may_store_a_borrow() {
        for rest in [
            "x.1.set(Some(&v[0])); f().await;",
            "x.get().set(Some(&v)); f().await;",
            "let y = &v; x.1.set(y); f().await;",
            "set(&x, r); f().await;",
            "r.put_into(&x); f().await;",
            "let owned = &v; x.put(owned); f().await;",
            "let c = |d| (); c(&x); f().await;",
            "let y = &x; f().await;",
            "x = (D(1), &v); f().await;",
            "x.1 += &v; f().await;",
            "match x { ref y => y.1.set(r) }",
            "x[0].touch(); f().await;",
            "other!(x); f().await;",
            "let c = || x.touch(); f().await;",
        ] {
            assert!(!by_value(rest), "{rest}");
        }
    }
}
