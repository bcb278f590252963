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

use crate::scan::{eager_format_args, pattern_bindings, peel_parens, plain_name, rooted_at};

/// Whether the value of `init` owns no borrow of the body's data: it is
/// built from literals, items, parameters and `holds_no_borrows` locals by
/// value, through function calls, arithmetic, comparisons, awaits, `?`,
/// ranges, casts and literals of tuples, arrays and structs.
/// `holds_no_borrows(name)` is `None` when `name` is not a local of the body.
///
/// A function given no borrow cannot return one of the body's data; a
/// parameter's references point outside the body (unless through a `&mut`
/// parameter, see `Param::mutable_reference`). Methods are not followed,
/// except a few whose results `std` defines as owned (`clone`, `len`, ...):
/// a method of the same name that returns a borrow of its receiver would
/// defeat this (see [`RestsOnNames`]).
pub(crate) fn init_owns_no_borrows(
    init: &Expr,
    holds_no_borrows: &dyn Fn(&Ident) -> Option<bool>,
) -> bool {
    let free = |e: &Expr| init_owns_no_borrows(e, holds_no_borrows);
    match peel_parens(init) {
        Expr::Lit(_) => true,
        Expr::Path(p) => match p.path.get_ident() {
            Some(name) if p.qself.is_none() => match holds_no_borrows(name) {
                Some(proved) => proved,
                // Not a local the macro sees: a constant or a unit struct,
                // unless it is lowercase, which a macro's `let` could be.
                None => !name
                    .to_string()
                    .starts_with(|c: char| c.is_lowercase() || c == '_'),
            },
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
        // A comparison's `bool` holds nothing; other operators may return
        // their operands' borrows (`Cow<str> + &str` can).
        Expr::Binary(b) if is_comparison_or_logic(&b.op) => true,
        Expr::Binary(b) => free(&b.left) && free(&b.right),
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
        Expr::MethodCall(m) => owned_result(&m.method) && m.args.is_empty() && free(&m.receiver),
        Expr::Closure(c) => closure_captures_no_borrow(c, holds_no_borrows),
        // `format!` returns a `String`; `vec!` holds its elements, which a
        // `for` loop or a pattern can take out again.
        Expr::Macro(m) => match m.mac.path.segments.last() {
            Some(last) if last.ident == "format" => true,
            Some(last) if last.ident == "vec" => match crate::scan::MacroArguments::parse(&m.mac) {
                Some(crate::scan::MacroArguments::List(elems)) => elems.iter().all(free),
                Some(crate::scan::MacroArguments::Repeated(elem, _, _)) => free(&elem),
                None => false,
            },
            _ => false,
        },
        _ => false,
    }
}

/// Whether a closure holds no borrow of the body's data: its body names no
/// local but its own parameters, or, for a `move` closure, locals that hold
/// none (`|d| d.len()`, `move || n + 1`; a closure without `move` borrows
/// what it names).
fn closure_captures_no_borrow(
    closure: &syn::ExprClosure,
    holds_no_borrows: &dyn Fn(&Ident) -> Option<bool>,
) -> bool {
    let params: Vec<String> = closure
        .inputs
        .iter()
        .flat_map(crate::scan::pattern_bindings)
        .map(|b| b.ident.to_string())
        .collect();
    let mut named = Vec::new();
    crate::scan::mentioned_idents(quote::ToTokens::to_token_stream(&closure.body), &mut named);
    named.iter().all(|name| {
        params.contains(&name.to_string())
            || match holds_no_borrows(name) {
                None => true,
                Some(proved) => proved && closure.capture.is_some(),
            }
    })
}

/// For a name: `Some(whether its proof rests on names)` for a local of the
/// body, `None` for any other.
pub(crate) type LocalRestsOnNames<'a> = Box<dyn Fn(&Ident) -> Option<bool> + 'a>;

/// Whether a proof that a value owns no borrow, over `node` (its
/// initializer, or a later statement using it), rests on what a name is,
/// which the macro takes on trust:
/// - a method named like one of `std`'s owned results (`x.clone()`), which a
///   user's method of that name may not be;
/// - a macro named `format!` or `vec!`, which a user's macro may be;
/// - a local so proved (`local` gives `Some(rests_on_names)` for a local,
///   `None` for any other name);
/// - where `names_may_be_macro_bound` (the body calls a macro the macro
///   cannot see into, which may bind names), any other name, taken for an
///   item (`f()`, `R`).
///
/// The never-run copy checks a value so proved where the machine moves it
/// while dead (see `dead_moves::checked_in_shadow`).
pub(crate) struct RestsOnNames<'a> {
    pub local: LocalRestsOnNames<'a>,
    pub names_may_be_macro_bound: bool,
    pub found: bool,
}

impl<'ast> Visit<'ast> for RestsOnNames<'_> {
    fn visit_expr_method_call(&mut self, m: &'ast syn::ExprMethodCall) {
        self.found |= owned_result(&m.method);
        syn::visit::visit_expr_method_call(self, m);
    }
    fn visit_expr_path(&mut self, p: &'ast syn::ExprPath) {
        if let Some(name) = p.path.get_ident() {
            self.found |= match (self.local)(name) {
                Some(rests_on_names) => rests_on_names,
                None => self.names_may_be_macro_bound,
            };
        }
    }
    // Its name, then any of its words: `vec![x.clone()]`, `assert!(v.len())`.
    fn visit_macro(&mut self, m: &'ast syn::Macro) {
        self.found |= m
            .path
            .segments
            .last()
            .is_some_and(|last| last.ident == "format" || last.ident == "vec");
        for word in crate::scan::idents_in(m.tokens.clone()) {
            self.found |= owned_result(&word) || (self.local)(&word) == Some(true);
        }
    }
}

/// Methods whose result `std` defines as owned, holding no borrow of the
/// receiver (a clone holds what the receiver holds).
fn owned_result(method: &Ident) -> bool {
    matches!(
        method.to_string().as_str(),
        "clone" | "to_owned" | "to_string" | "len" | "is_empty"
    )
}

fn is_comparison_or_logic(op: &syn::BinOp) -> bool {
    use syn::BinOp::*;
    matches!(
        op,
        Eq(_) | Ne(_) | Lt(_) | Le(_) | Gt(_) | Ge(_) | And(_) | Or(_)
    )
}

/// Whether `rest` uses `name` only in ways that cannot store a borrow of
/// the body's data into it:
/// - by value (moved or copied, also through fields);
/// - lent (`name.touch()`, `&name`, `name[i]`) where the loan cannot be
///   kept: in a statement of its own, an argument or receiver whose result
///   is dropped or owned (`f(&name);`, `name.touch().len()`), a comparison
///   or a formatting macro's argument; and then every other operand of the
///   call or operator owns no borrow, so the callee has nothing to store
///   into it but borrows of `name` itself, which would keep it from moving;
/// - assigned a value that owns no borrow.
///
/// A loan that may be kept (bound by a `let`, a pattern, a `for` loop, an
/// assignment, or returned from a block) could be used later to store a
/// borrow into `name` through interior mutability, and so could a closure
/// or a macro other than the formatting ones.
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
        /// Whether the value of the expression being visited may outlive
        /// its statement.
        kept: bool,
        by_value: bool,
    }
    impl Check<'_> {
        fn mentioned(&self, tokens: TokenStream) -> bool {
            crate::scan::mentions(tokens, self.name)
        }
        fn names_it(&self, expr: &Expr) -> bool {
            self.mentioned(quote::ToTokens::to_token_stream(expr))
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
        /// `name.map(f)`: a method of `std` that takes its receiver by
        /// value moves the local rather than lending it.
        fn moves_it(&self, m: &syn::ExprMethodCall) -> bool {
            matches!(plain_name(peel_parens(&m.receiver)), Some(n) if n == self.name)
                && crate::scan::takes_receiver(m)
        }
        /// Whether `expr` is `name` itself lent: `&name..`, `name.m()..`,
        /// `name[i]`, `*name`, through fields and parentheses.
        fn is_loan(&self, expr: &Expr) -> bool {
            match peel_parens(expr) {
                Expr::Reference(r) => self.is_loan(&r.expr) || rooted_at(&r.expr, self.name),
                // An owned result (`name.touch().len()`) is no loan, nor is
                // what a method taking it by value returns.
                Expr::MethodCall(m) if owned_result(&m.method) && m.args.is_empty() => false,
                Expr::MethodCall(m) if self.moves_it(m) => false,
                Expr::MethodCall(m) => {
                    rooted_at(&m.receiver, self.name) || self.is_loan(&m.receiver)
                }
                Expr::Field(f) => self.is_loan(&f.base),
                // `a + &name` may return the loan (`Cow<str> + &str` can).
                Expr::Binary(b) if !is_comparison_or_logic(&b.op) => {
                    self.is_loan(&b.left) || self.is_loan(&b.right)
                }
                e @ (Expr::Index(_) | Expr::Unary(_)) => rooted_at(e, self.name),
                _ => false,
            }
        }
        /// A loop's body: its value is dropped each round.
        fn visit_body(&mut self, block: &syn::Block) {
            let outer = std::mem::replace(&mut self.kept, false);
            self.visit_block(block);
            self.kept = outer;
        }
        fn visit_with(&mut self, kept: bool, expr: &Expr) {
            let outer = std::mem::replace(&mut self.kept, kept);
            self.visit_expr(expr);
            self.kept = outer;
        }
        /// An expression that lends `name` and whose other operands are
        /// `scrutinee` is the local itself, and no pattern binds by `ref`.
        fn matched_by_value<'p>(
            &self,
            scrutinee: &Expr,
            mut pats: impl Iterator<Item = &'p syn::Pat>,
        ) -> bool {
            matches!(plain_name(peel_parens(scrutinee)), Some(n) if n == self.name)
                && pats.all(|pat| pattern_bindings(pat).iter().all(|b| !b.by_ref))
        }
        /// `others`: refused where the loan may be kept or an operand owns
        /// a borrow.
        fn loan<'e>(&mut self, kept: bool, others: impl IntoIterator<Item = &'e Expr>) {
            if kept {
                self.by_value = false;
            }
            for other in others {
                let lent = self.is_loan(other) || rooted_at(other, self.name);
                if !lent && !self.owns_no_borrows(other) {
                    self.by_value = false;
                }
            }
        }
    }
    impl<'ast> Visit<'ast> for Check<'_> {
        fn visit_stmt(&mut self, stmt: &'ast syn::Stmt) {
            match stmt {
                // A statement's value is dropped at its end.
                syn::Stmt::Expr(e, Some(_)) => self.visit_with(false, e),
                // A block's value may be bound by whatever encloses it.
                syn::Stmt::Expr(e, None) => self.visit_expr(e),
                syn::Stmt::Local(local) => {
                    if let Some(init) = &local.init {
                        self.visit_with(true, &init.expr);
                        if let Some((_, diverge)) = &init.diverge {
                            self.visit_with(false, diverge);
                        }
                    }
                }
                syn::Stmt::Macro(m) => self.visit_macro(&m.mac),
                syn::Stmt::Item(_) => {}
            }
        }
        fn visit_expr_method_call(&mut self, m: &'ast syn::ExprMethodCall) {
            // An owned result keeps nothing of its receiver, and a method
            // taking the local by value leaves nothing to keep.
            let kept =
                self.kept && !(owned_result(&m.method) && m.args.is_empty()) && !self.moves_it(m);
            let lends = rooted_at(&m.receiver, self.name) || self.is_loan(&m.receiver);
            if lends || m.args.iter().any(|a| self.is_loan(a)) {
                self.loan(kept, std::iter::once(&*m.receiver).chain(&m.args));
            }
            self.visit_with(kept, &m.receiver);
            for arg in &m.args {
                self.visit_with(self.kept, arg);
            }
        }
        fn visit_expr_call(&mut self, c: &'ast syn::ExprCall) {
            // A local closure called with a loan of `name` could store
            // into it what it captured.
            let callee_is_item = match &*c.func {
                Expr::Path(p) => p.path.get_ident().is_none_or(|callee| {
                    !self.bound.contains(&callee.to_string())
                        && (self.holds_no_borrows)(callee).is_none()
                }),
                _ => false,
            };
            let lends = c.args.iter().any(|a| self.is_loan(a));
            if rooted_at(&c.func, self.name) || (lends && !callee_is_item) {
                self.by_value = false;
            }
            if lends {
                self.loan(self.kept, &c.args);
            }
            self.visit_expr(&c.func);
            for arg in &c.args {
                self.visit_with(self.kept, arg);
            }
        }
        fn visit_expr_reference(&mut self, r: &'ast syn::ExprReference) {
            if rooted_at(&r.expr, self.name) {
                // Lent outside a call: kept unless its value is dropped.
                self.loan(self.kept, []);
            }
            syn::visit::visit_expr_reference(self, r);
        }
        fn visit_expr_index(&mut self, i: &'ast syn::ExprIndex) {
            if rooted_at(&i.expr, self.name) {
                self.loan(self.kept, [&*i.index]);
            }
            syn::visit::visit_expr_index(self, i);
        }
        fn visit_expr_binary(&mut self, b: &'ast syn::ExprBinary) {
            let (left, right) = (&*b.left, &*b.right);
            // `name += value`, `name.0 -= value`: like an assignment.
            if crate::scan::is_compound_assignment(&b.op) && self.names_it(left) {
                self.by_value &= self.owns_no_borrows(right);
            }
            let kept = self.kept && !is_comparison_or_logic(&b.op);
            if self.is_loan(left) || self.is_loan(right) {
                let other = if self.is_loan(left) { right } else { left };
                self.loan(kept, [other]);
            }
            for operand in [left, right] {
                match peel_parens(operand) {
                    // Checked as a loan above.
                    Expr::Reference(r) if rooted_at(&r.expr, self.name) => {
                        self.visit_with(kept, &r.expr)
                    }
                    other => self.visit_with(kept, other),
                }
            }
        }
        fn visit_expr_assign(&mut self, a: &'ast syn::ExprAssign) {
            // `name = ..`, `*name.cell.borrow_mut() = ..`, `(name.1, _) = ..`
            if self.names_it(&a.left) {
                self.by_value &= self.owns_no_borrows(&a.right);
            }
            self.visit_with(false, &a.left);
            self.visit_with(true, &a.right);
        }
        fn visit_expr_if(&mut self, i: &'ast syn::ExprIf) {
            // A condition's value is a `bool`, or a pattern's scrutinee.
            self.visit_with(false, &i.cond);
            self.visit_block(&i.then_branch);
            if let Some((_, else_branch)) = &i.else_branch {
                self.visit_expr(else_branch);
            }
        }
        fn visit_expr_while(&mut self, w: &'ast syn::ExprWhile) {
            self.visit_with(false, &w.cond);
            self.visit_body(&w.body);
        }
        // The loop's value may be bound.
        fn visit_expr_break(&mut self, b: &'ast syn::ExprBreak) {
            if let Some(value) = &b.expr {
                self.visit_with(true, value);
            }
        }
        fn visit_expr_loop(&mut self, l: &'ast syn::ExprLoop) {
            self.visit_body(&l.body);
        }
        fn visit_expr_for_loop(&mut self, f: &'ast syn::ExprForLoop) {
            self.visit_with(true, &f.expr);
            self.visit_body(&f.body);
        }
        fn visit_expr_match(&mut self, m: &'ast syn::ExprMatch) {
            // Matched in place, a pattern can bind a loan of it, unless it
            // is matched whole by patterns without `ref`: they move or copy
            // its parts, and a binding by the default binding mode borrows
            // what it refers to, not it.
            let pats = m.arms.iter().map(|a| &a.pat);
            self.by_value &= !rooted_at(&m.expr, self.name) || self.matched_by_value(&m.expr, pats);
            self.visit_with(true, &m.expr);
            for arm in &m.arms {
                if let Some((_, guard)) = &arm.guard {
                    self.visit_with(false, guard);
                }
                self.visit_expr(&arm.body);
            }
        }
        fn visit_expr_let(&mut self, l: &'ast syn::ExprLet) {
            self.by_value &= !rooted_at(&l.expr, self.name)
                || self.matched_by_value(&l.expr, std::iter::once(&*l.pat));
            self.visit_with(true, &l.expr);
        }
        fn visit_expr_closure(&mut self, c: &'ast syn::ExprClosure) {
            // A parameter of the same name hides it (`|d| d.len()`).
            let hidden = c
                .inputs
                .iter()
                .flat_map(pattern_bindings)
                .any(|b| b.ident == self.name);
            self.by_value &= hidden || !self.mentioned(quote::ToTokens::to_token_stream(&c.body));
        }
        fn visit_expr_async(&mut self, a: &'ast syn::ExprAsync) {
            self.by_value &= !self.mentioned(quote::ToTokens::to_token_stream(&a.block));
        }
        // A formatting macro borrows its arguments only to format them.
        fn visit_macro(&mut self, mac: &'ast syn::Macro) {
            match eager_format_args(mac) {
                Some(args) => args.iter().for_each(|arg| self.visit_with(false, arg)),
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
        // The tail of `name`'s own block cannot outlive `name`.
        kept: false,
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
            "owned.len()",
            "p == &r",
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
            "r.len()",
            "p + &r",
            "Cow::from(\"\") + &*owned",
            "macro_local",
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
            "x[0].touch(); f().await;",
            "let n = x.touch().len(); if x.is_empty() == (n > 0) {} g(n + 1).await;",
            "let s = p == &x; x = D(1); x.0 += 1; f().await;",
            "store(owned + &x, p).await",
            "x.touch().len() + x.0.touch().len()",
            "match x { Some(v) if v.ok() => v.touch(), _ => {} } f().await;",
            "if let (a, 1) = x { a.touch(); } f().await;",
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
            "match x { (_, ref c) => c.set(Some(&v[0])), _ => {} } f().await;",
            "if let Some(c) = x.1 { c.set(Some(&v[0])); } f().await;",
            "other!(x); f().await;",
            "x.1.set(Some(&v[x.2])); f().await;",
            "for c in x.1.iter() { c.set(Some(&v[0])); } f().await;",
            "if let Some(c) = x.1.first() { c.set(Some(&v[0])); } f().await;",
            "let c = loop { break x.1.first(); }; f().await;",
            "*x.1.borrow_mut() = Some(&v[0]); f().await;",
            "(x.1, _) = (Some(&v[0]), 0); f().await;",
            "let y = (ProbeWrap + &x); f().await;",
            "let s = a + &x; f().await;",
            "store(owned + &x, r).await",
            "let y = { x.1.first() }; f().await;",
            "let c = || x.touch(); f().await;",
        ] {
            assert!(!by_value(rest), "{rest}");
        }
    }
}
