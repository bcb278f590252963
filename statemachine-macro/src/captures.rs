//! What a `move` closure or `async move` block takes from its surroundings.
//!
//! Since edition 2021 (RFC 2229) a closure captures places, not variables:
//! `move || t.1 + 1` copies `t.1` and leaves `t` where it is. A name is taken
//! whole when the body uses it other than through fields, and a name the
//! body binds itself (a parameter, an inner `let`, an arm's pattern) is not
//! taken at all. The arguments of `matches!`, `vec!`, `dbg!` and the
//! formatting and assertion macros are read as expressions (a named argument `a = 5` is
//! not the local `a`). Inside the tokens of `log`'s and `tracing`'s macros
//! every name but a field's or a label's counts as a whole use, and the
//! inline arguments of a format string too. Another macro's tokens count
//! for nothing: a macro may ignore what it is given (`stringify!(x)`), and
//! taking a local it does not use would drop the local early, where not
//! taking one it uses is a compile error.

use std::collections::BTreeMap;

use proc_macro2::{TokenStream, TokenTree};
use quote::ToTokens;
use syn::parse::{Parse, ParseStream};
use syn::visit_mut::VisitMut;
use syn::{Expr, Ident, Member};

use crate::scan;

/// A place the body reads: a name and the fields after it (`t.a.0`).
pub(crate) type FieldPath = Vec<Member>;

/// The free names of a capturing body and how it uses each.
#[derive(Default)]
pub(crate) struct Captures {
    /// Names used whole (or inside a macro): moved into the closure.
    pub(crate) whole: Vec<Ident>,
    /// Names used only through fields, with each distinct field path.
    pub(crate) fields: BTreeMap<String, Vec<FieldPath>>,
    /// Names the body awaits (`a.await`), which consumes them: a closure or
    /// async block without `move` captures these by value too (RFC 2229).
    /// Only awaits count: a method of a consuming name may copy a `Copy`
    /// value or dereference a guard, and leave the name borrowed.
    pub(crate) consumed: Vec<Ident>,
}

impl Captures {
    /// The captures of a closure with `params`, or of an async block.
    pub(crate) fn of(params: &[syn::Pat], body: &Expr) -> Captures {
        let mut walker = Walker::new(params, None);
        walker.visit_expr_mut(&mut body.clone());
        let mut captures = Captures::default();
        for (name, path) in walker.uses {
            match path {
                None if !captures.whole.iter().any(|w| w == &name) => captures.whole.push(name),
                None => {}
                Some(path) => {
                    let paths = captures.fields.entry(name.to_string()).or_default();
                    if !paths.contains(&path) {
                        paths.push(path);
                    }
                }
            }
        }
        let whole: Vec<String> = captures.whole.iter().map(Ident::to_string).collect();
        captures.fields.retain(|name, _| !whole.contains(name));
        for name in walker.consumed {
            if !captures.consumed.contains(&name) {
                captures.consumed.push(name);
            }
        }
        captures
    }
}

/// Replaces, in a capturing body, each use of `name.path` by the local that
/// holds its captured copy (see [`Captures::fields`]).
///
/// Input: `move || t.1 + 1`, with `t.1` captured as `__capture0`
/// Output: `move || __capture0 + 1`
pub(crate) fn replace_field_uses(
    params: &[syn::Pat],
    body: &mut Expr,
    replace: &[(String, FieldPath, Ident)],
) {
    Walker::new(params, Some(replace)).visit_expr_mut(body);
}

struct Walker<'r> {
    /// Names bound inside the body, innermost scope last.
    scopes: Vec<Vec<String>>,
    uses: Vec<(Ident, Option<FieldPath>)>,
    consumed: Vec<Ident>,
    replace: Option<&'r [(String, FieldPath, Ident)]>,
}

impl<'r> Walker<'r> {
    fn new(params: &[syn::Pat], replace: Option<&'r [(String, FieldPath, Ident)]>) -> Self {
        let mut walker = Walker {
            scopes: vec![Vec::new()],
            uses: Vec::new(),
            consumed: Vec::new(),
            replace,
        };
        params.iter().for_each(|p| walker.bind(p));
        walker
    }

    fn bind(&mut self, pat: &syn::Pat) {
        let names = scan::pattern_bindings(pat)
            .into_iter()
            .map(|b| b.ident.to_string());
        self.scopes.last_mut().expect("a scope").extend(names);
    }

    fn is_free(&self, name: &str) -> bool {
        !self.scopes.iter().flatten().any(|b| b == name)
    }

    fn scoped(&mut self, f: impl FnOnce(&mut Self)) {
        self.scopes.push(Vec::new());
        f(self);
        self.scopes.pop();
    }

    /// `name` itself, if it is free there.
    fn free_name(&self, expr: &Expr) -> Option<Ident> {
        let name = scan::plain_name(scan::peel_parens(expr))?;
        self.is_free(&name.to_string()).then(|| name.clone())
    }

    /// `t.a.0` with `t` free: `t` and the path.
    fn field_place(&self, expr: &Expr) -> Option<(Ident, FieldPath)> {
        let mut members = Vec::new();
        let mut base = expr;
        while let Expr::Field(f) = base {
            members.push(f.member.clone());
            base = &f.base;
        }
        let name = scan::plain_name(base)?;
        if members.is_empty() || !self.is_free(&name.to_string()) {
            return None;
        }
        members.reverse();
        Some((name.clone(), members))
    }

    /// A macro call's uses: read as expressions where the macro's
    /// arguments are (`matches!`, the formatting and assertion macros,
    /// `vec!`, `dbg!`), its tokens for `log`'s and `tracing`'s, none
    /// otherwise.
    ///
    /// Input: `format!("{a}{}", b.0, a = 5)`, `matches!(v, Some(a) if a > 1)`
    /// Output: uses `b.0` (the named argument `a` is not the local `a`),
    /// `v` (the pattern binds the guard's `a`)
    fn visit_macro_call(&mut self, mac: &mut syn::Macro) {
        if mac.path.is_ident("matches") {
            if let Ok(mut matches) = mac.parse_body_with(MatchesArguments::parse) {
                self.visit_expr_mut(&mut matches.scrutinee);
                self.scoped(|w| {
                    w.bind(&matches.pattern);
                    if let Some((_, guard)) = &mut matches.guard {
                        w.visit_expr_mut(guard);
                    }
                });
                mac.tokens = matches.into_token_stream();
                return;
            }
        } else if (scan::arguments_are_read(&mac.path) || mac.path.is_ident("dbg"))
            && let Some(mut arguments) = scan::MacroArguments::parse(mac)
        {
            let format = scan::is_format_macro(&mac.path);
            // `name = value`: a formatting macro's named argument.
            let named = |arg: &Expr| match arg {
                Expr::Assign(a) if format => scan::plain_name(&a.left).cloned(),
                _ => None,
            };
            let names: Vec<String> = arguments
                .iter_mut()
                .filter_map(|a| named(a))
                .map(|n| n.to_string())
                .collect();
            // Only the format string has inline arguments: the first
            // argument, or the one after the condition, the compared values
            // or the destination.
            let name = mac.path.segments.last().map(|s| s.ident.to_string());
            let format_at = match name.as_deref() {
                Some("assert_eq" | "assert_ne" | "debug_assert_eq" | "debug_assert_ne") => 2,
                Some("assert" | "debug_assert" | "write" | "writeln") => 1,
                _ => 0,
            };
            for (at, argument) in arguments.iter_mut().enumerate() {
                let format_string = format && at == format_at;
                if named(argument).is_some()
                    && let Expr::Assign(a) = argument
                {
                    self.visit_expr_mut(&mut a.right);
                    continue;
                }
                match argument {
                    Expr::Lit(syn::ExprLit {
                        lit: syn::Lit::Str(text),
                        ..
                    }) if format_string => {
                        let mut inline = Vec::new();
                        scan::mentioned_idents(text.to_token_stream(), &mut inline);
                        for name in inline {
                            let free = !names.contains(&name.to_string())
                                && self.is_free(&name.to_string());
                            if free {
                                self.uses.push((name, None));
                            }
                        }
                    }
                    other => self.visit_expr_mut(other),
                }
            }
            mac.tokens = arguments.into_token_stream();
            return;
        }
        // `log`'s and `tracing`'s macros and `join!` evaluate what their
        // tokens name, but for field names (`info!(user = id)`) and labels
        // (`target:`).
        // Any other macro may not (`stringify!(x)`, a user's macro that
        // drops its input): a name there is not taken to be captured, which
        // is a compile error (E0382) if the macro did capture it, where
        // taking it would drop the local early when the macro did not.
        let format = scan::is_format_macro(&mac.path);
        if format || evaluates_its_tokens(&mac.path) {
            self.tokens(mac.tokens.clone(), format, true);
        }
    }

    /// `arguments`: the tokens are a macro call's arguments, where `name =
    /// value` names an argument (`info!(user = u.id)`), not the local.
    fn tokens(&mut self, tokens: TokenStream, mut format: bool, arguments: bool) {
        let trees: Vec<TokenTree> = tokens.into_iter().collect();
        let punct = |index: usize, c: char, alone: bool| {
            matches!(trees.get(index), Some(TokenTree::Punct(p)) if p.as_char() == c
                && (!alone || p.spacing() == proc_macro2::Spacing::Alone))
        };
        for (index, tree) in trees.iter().enumerate() {
            match tree {
                TokenTree::Ident(ident) => {
                    let after_dot = index > 0 && punct(index - 1, '.', false);
                    // `name = ..`, `a.b = ..` (a dotted field) or `label:`.
                    let at_start = index == 0 || punct(index - 1, ',', false);
                    let mut end = index + 1;
                    while punct(end, '.', false)
                        && matches!(trees.get(end + 1), Some(TokenTree::Ident(_)))
                    {
                        end += 2;
                    }
                    let named = arguments
                        && at_start
                        && (punct(end, '=', true) || (end == index + 1 && punct(end, ':', true)));
                    if !after_dot && !named && self.is_free(&ident.to_string()) {
                        self.uses.push((ident.clone(), None));
                    }
                }
                TokenTree::Group(group) => {
                    let called = index > 1
                        && punct(index - 1, '!', false)
                        && matches!(trees[index - 2], TokenTree::Ident(_));
                    self.tokens(group.stream(), false, called);
                }
                TokenTree::Literal(lit) if format => {
                    // Only the format string has inline arguments.
                    format = false;
                    let mut names = Vec::new();
                    scan::mentioned_idents(TokenTree::Literal(lit.clone()).into(), &mut names);
                    for name in names {
                        if self.is_free(&name.to_string()) {
                            self.uses.push((name, None));
                        }
                    }
                }
                _ => {}
            }
        }
    }
}

impl VisitMut for Walker<'_> {
    fn visit_expr_mut(&mut self, expr: &mut Expr) {
        if let Some((name, path)) = self.field_place(expr) {
            let replacement = self
                .replace
                .and_then(|r| r.iter().find(|(n, p, _)| name == n && *p == path));
            match replacement {
                Some((_, _, local)) => *expr = syn::parse_quote!(#local),
                None => self.uses.push((name, Some(path))),
            }
            return;
        }
        if let Expr::Await(a) = &*expr {
            self.consumed.extend(self.free_name(&a.base));
        }
        match expr {
            Expr::Path(_) => {
                if let Some(name) = scan::plain_name(expr)
                    && self.is_free(&name.to_string())
                {
                    self.uses.push((name.clone(), None));
                }
            }
            Expr::Closure(c) => self.scoped(|w| {
                c.inputs.iter().for_each(|p| w.bind(p));
                w.visit_expr_mut(&mut c.body);
            }),
            Expr::Match(m) => {
                self.visit_expr_mut(&mut m.expr);
                for arm in &mut m.arms {
                    self.scoped(|w| {
                        w.bind(&arm.pat);
                        if let Some((_, guard)) = &mut arm.guard {
                            w.visit_expr_mut(guard);
                        }
                        w.visit_expr_mut(&mut arm.body);
                    });
                }
            }
            Expr::ForLoop(f) => {
                self.visit_expr_mut(&mut f.expr);
                self.scoped(|w| {
                    w.bind(&f.pat);
                    w.visit_block_mut(&mut f.body);
                });
            }
            Expr::If(i) => {
                self.scoped(|w| {
                    w.visit_expr_mut(&mut i.cond);
                    w.visit_block_mut(&mut i.then_branch);
                });
                if let Some((_, otherwise)) = &mut i.else_branch {
                    self.visit_expr_mut(otherwise);
                }
            }
            Expr::While(w) => self.scoped(|walker| {
                walker.visit_expr_mut(&mut w.cond);
                walker.visit_block_mut(&mut w.body);
            }),
            Expr::Let(l) => {
                self.visit_expr_mut(&mut l.expr);
                self.bind(&l.pat);
            }
            Expr::Macro(m) => self.visit_macro_call(&mut m.mac),
            _ => syn::visit_mut::visit_expr_mut(self, expr),
        }
    }

    // An item of the block names its own thing in all of the block, before
    // and after it (`move || { fn a() -> u32 { 3 } a() }` takes no `a`).
    fn visit_block_mut(&mut self, block: &mut syn::Block) {
        self.scoped(|w| {
            for stmt in &block.stmts {
                if let syn::Stmt::Item(item) = stmt {
                    let names = scan::item_names(item).into_iter().map(|n| n.to_string());
                    w.scopes.last_mut().expect("a scope").extend(names);
                }
            }
            syn::visit_mut::visit_block_mut(w, block)
        });
    }

    fn visit_local_mut(&mut self, local: &mut syn::Local) {
        if let Some(init) = &mut local.init {
            self.visit_expr_mut(&mut init.expr);
            if let Some((_, diverge)) = &mut init.diverge {
                self.visit_expr_mut(diverge);
            }
        }
        self.bind(&local.pat);
    }

    fn visit_stmt_macro_mut(&mut self, m: &mut syn::StmtMacro) {
        self.visit_macro_call(&mut m.mac);
    }

    fn visit_item_mut(&mut self, _: &mut syn::Item) {}
}

/// Macros that evaluate what their tokens name, by name: those of the
/// `log` and `tracing` crates, and tokio's and futures' `join!` and
/// `try_join!` (which the machine itself writes into `async move` blocks).
fn evaluates_its_tokens(path: &syn::Path) -> bool {
    path.segments.last().is_some_and(|s| {
        matches!(
            s.ident.to_string().as_str(),
            "trace" | "debug" | "info" | "warn" | "error" | "event" | "log" | "join" | "try_join"
        )
    })
}

/// `matches!(scrutinee, pattern if guard)`'s arguments.
struct MatchesArguments {
    scrutinee: Expr,
    comma: syn::Token![,],
    pattern: syn::Pat,
    guard: Option<(syn::Token![if], Expr)>,
    trailing: Option<syn::Token![,]>,
}

impl Parse for MatchesArguments {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        Ok(MatchesArguments {
            scrutinee: input.parse()?,
            comma: input.parse()?,
            pattern: syn::Pat::parse_multi_with_leading_vert(input)?,
            guard: if input.peek(syn::Token![if]) {
                Some((input.parse()?, input.parse()?))
            } else {
                None
            },
            trailing: input.parse()?,
        })
    }
}

impl ToTokens for MatchesArguments {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        self.scrutinee.to_tokens(tokens);
        self.comma.to_tokens(tokens);
        self.pattern.to_tokens(tokens);
        if let Some((if_token, guard)) = &self.guard {
            if_token.to_tokens(tokens);
            guard.to_tokens(tokens);
        }
        self.trailing.to_tokens(tokens);
    }
}
