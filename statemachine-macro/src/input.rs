//! Stage 1: parse and validate the annotated function.

use proc_macro2::{Span, TokenStream};
use syn::spanned::Spanned;
use syn::{Attribute, Block, FnArg, Ident, ReturnType, Signature, Type, Visibility};

/// An `async fn` accepted for rewriting, with its parts separated.
pub(crate) struct MachineFn {
    pub attrs: Vec<Attribute>,
    pub vis: Visibility,
    /// The signature with `async` still present; `expand` removes it.
    pub sig: Signature,
    pub body: Block,
    /// The declared output type (`()` when the fn has no `->`).
    pub output: Type,
    /// The receiver was declared `mut self`.
    pub self_mutable: bool,
    /// `#[state_machine(trace)]`: record polls, wakes and transitions.
    pub trace: bool,
    /// `#[state_machine(takes_self(..))]`: methods that take `self` by value.
    pub takes_self: Vec<Ident>,
}

/// What the attribute's arguments ask for.
#[derive(Default)]
pub(crate) struct Options {
    /// `trace`: record polls, wakes and transitions.
    pub trace: bool,
    /// `takes_self(send, bind, ..)`: methods the user says take `self` by
    /// value, which the macro cannot see (see `scan::consumes_receiver`).
    pub takes_self: Vec<Ident>,
}

const ARGUMENTS: &str = "`#[state_machine]` takes `trace` and `takes_self(method, ..)`";

/// Parses the attribute's arguments: `trace`, `takes_self(name, ..)`.
/// Written by hand so that every error is spanned on the arguments' tokens
/// (syn reports the end of the input at the call site).
fn parse_options(args: TokenStream) -> syn::Result<Options> {
    let parser = |input: syn::parse::ParseStream| {
        let mut options = Options::default();
        while !input.is_empty() {
            let name: Ident = input
                .parse()
                .map_err(|e| syn::Error::new(e.span(), ARGUMENTS))?;
            if name == "trace" {
                options.trace = true;
            } else if name == "takes_self" {
                let lists = "`takes_self` lists methods: `takes_self(send, bind)`";
                if !input.peek(syn::token::Paren) {
                    return Err(syn::Error::new(name.span(), lists));
                }
                let methods;
                let parens = syn::parenthesized!(methods in input);
                let names = methods
                    .parse_terminated(<Ident as syn::parse::Parse>::parse, syn::Token![,])?;
                if names.is_empty() {
                    return Err(syn::Error::new(parens.span.join(), lists));
                }
                options.takes_self.extend(names);
            } else {
                return Err(syn::Error::new(name.span(), ARGUMENTS));
            }
            if !input.is_empty() {
                input.parse::<syn::Token![,]>()?;
            }
        }
        Ok(options)
    };
    syn::parse::Parser::parse2(parser, args)
}

/// Parses the attribute arguments and the item.
pub(crate) fn parse(args: TokenStream, item: TokenStream) -> syn::Result<MachineFn> {
    let Options { trace, takes_self } = parse_options(args)?;
    let function = parse_item(item, trace, takes_self)?;
    for method in &function.takes_self {
        if !calls_method(function.body.stmts.iter(), method) {
            return Err(syn::Error::new(
                method.span(),
                format!(
                    "`takes_self` lists `{method}`, but this function calls no method named so"
                ),
            ));
        }
    }
    Ok(function)
}

/// Whether `.method` appears in `stmts`' tokens, macro arguments included.
fn calls_method<'a>(stmts: impl Iterator<Item = &'a syn::Stmt>, method: &Ident) -> bool {
    fn in_tokens(tokens: TokenStream, method: &Ident) -> bool {
        let mut after_dot = false;
        for token in tokens {
            match token {
                proc_macro2::TokenTree::Punct(p) => after_dot = p.as_char() == '.',
                proc_macro2::TokenTree::Ident(i) if after_dot && i == *method => return true,
                proc_macro2::TokenTree::Group(g) => {
                    if in_tokens(g.stream(), method) {
                        return true;
                    }
                    after_dot = false;
                }
                _ => after_dot = false,
            }
        }
        false
    }
    stmts
        .map(quote::ToTokens::to_token_stream)
        .any(|tokens| in_tokens(tokens, method))
}

fn parse_item(item: TokenStream, trace: bool, takes_self: Vec<Ident>) -> syn::Result<MachineFn> {
    let item: syn::Item = match syn::parse2(item.clone()) {
        Ok(item) => item,
        // A method inside an `impl` block parses as an `ImplItemFn`, not an `Item`.
        Err(_) => {
            let method: syn::ImplItemFn = syn::parse2(item)?;
            return accept(method.attrs, method.vis, method.sig, method.block).map(|f| MachineFn {
                trace,
                takes_self,
                ..f
            });
        }
    };
    match item {
        syn::Item::Fn(f) => accept(f.attrs, f.vis, f.sig, *f.block).map(|f| MachineFn {
            trace,
            takes_self,
            ..f
        }),
        syn::Item::Verbatim(tokens) => {
            // `fn f();` inside a trait definition.
            let method: syn::TraitItemFn = syn::parse2(tokens)?;
            Err(trait_definition_error(&method.sig))
        }
        other => Err(syn::Error::new(
            item_keyword_span(&other),
            "`#[state_machine]` applies to an `async fn`",
        )),
    }
}

fn trait_definition_error(sig: &Signature) -> syn::Error {
    syn::Error::new(
        sig.fn_token.span,
        "`#[state_machine]` cannot rewrite an `async fn` in a trait definition: \
         put it on the method in each `impl` of the trait instead",
    )
}

fn item_keyword_span(item: &syn::Item) -> Span {
    match item {
        syn::Item::Struct(s) => s.struct_token.span,
        syn::Item::Enum(e) => e.enum_token.span,
        syn::Item::Impl(i) => i.impl_token.span,
        syn::Item::Trait(t) => t.trait_token.span,
        syn::Item::Mod(m) => m.mod_token.span,
        other => other.span(),
    }
}

fn accept(
    attrs: Vec<Attribute>,
    vis: Visibility,
    sig: Signature,
    body: Block,
) -> syn::Result<MachineFn> {
    if sig.asyncness.is_none() {
        // Another attribute (`#[async_trait]`, `#[tokio::main]`, a second
        // `#[state_machine]`) may have rewritten the `async fn` already.
        let message = if returns_boxed_or_opaque_future(&sig.output) {
            "`#[state_machine]` needs the `async fn` itself, but this fn already returns a future: \
             another attribute rewrote it first; put `#[state_machine]` on an inner `async fn` and call it, \
             or apply it before that attribute"
        } else {
            "`#[state_machine]` rewrites an `async fn`: add `async` here (if another attribute removed it, \
             put `#[state_machine]` on an inner `async fn` and call that)"
        };
        return Err(syn::Error::new(sig.fn_token.span, message));
    }
    if let Some(constness) = &sig.constness {
        return Err(syn::Error::new(
            constness.span,
            "an `async fn` cannot be `const`",
        ));
    }
    if let Some(variadic) = &sig.variadic {
        return Err(syn::Error::new(
            variadic.span(),
            "variadic functions are not supported",
        ));
    }
    let output = match &sig.output {
        ReturnType::Default => syn::parse_quote!(()),
        ReturnType::Type(_, ty) => {
            if let Some(span) = impl_trait_or_never(ty) {
                return Err(syn::Error::new(
                    span,
                    "`#[state_machine]` needs the output type written out: the step function is \
                     annotated with it, and `impl Trait` or `!` cannot be written there; \
                     name the type (or box it)",
                ));
            }
            (**ty).clone()
        }
    };
    Ok(MachineFn {
        attrs,
        vis,
        sig,
        body,
        output,
        self_mutable: false,
        trace: false,
        takes_self: Vec::new(),
    })
}

/// `-> Pin<Box<dyn Future ..>>` or `-> impl Future ..`: the shape other
/// attributes give an `async fn` they rewrote.
fn returns_boxed_or_opaque_future(output: &ReturnType) -> bool {
    match output {
        ReturnType::Type(_, ty) => {
            let text = quote::ToTokens::to_token_stream(ty).to_string();
            text.contains("Future")
        }
        ReturnType::Default => false,
    }
}

/// Finds an `impl Trait` or `!` anywhere inside the output type.
fn impl_trait_or_never(ty: &Type) -> Option<Span> {
    struct Finder(Option<Span>);
    impl<'ast> syn::visit::Visit<'ast> for Finder {
        fn visit_type_impl_trait(&mut self, t: &'ast syn::TypeImplTrait) {
            self.0.get_or_insert(t.impl_token.span);
        }
        fn visit_type_never(&mut self, t: &'ast syn::TypeNever) {
            self.0.get_or_insert(t.span());
        }
    }
    let mut finder = Finder(None);
    syn::visit::Visit::visit_type(&mut finder, ty);
    finder.0
}

/// Whether `ty` is `&mut T`.
fn is_unique_reference(ty: &syn::Type) -> bool {
    match ty {
        syn::Type::Reference(r) => r.mutability.is_some(),
        syn::Type::Paren(p) => is_unique_reference(&p.elem),
        syn::Type::Group(g) => is_unique_reference(&g.elem),
        _ => false,
    }
}

/// Whether `ty` has a `&mut` anywhere in it.
fn has_mutable_reference(ty: &syn::Type) -> bool {
    struct Finder(bool);
    impl<'ast> syn::visit::Visit<'ast> for Finder {
        fn visit_type_reference(&mut self, r: &'ast syn::TypeReference) {
            self.0 |= r.mutability.is_some();
            syn::visit::visit_type_reference(self, r);
        }
    }
    let mut finder = Finder(false);
    syn::visit::Visit::visit_type(&mut finder, ty);
    finder.0
}

/// One parameter of the function as the machine stores it before the first poll.
pub(crate) struct Param {
    /// Name of the variant field holding the argument until the first poll.
    pub field: Ident,
    /// How the argument is bound in the function signature (`self`, its
    /// name without `mut`, or a fresh name when the user wrote a pattern).
    pub arg: TokenStream,
    /// The user's pattern, bound at the start of the body (`None` for `self`).
    pub pat: Option<syn::Pat>,
    /// Declared with a type without drop glue (a primitive, a reference,
    /// a raw pointer, or an array or tuple of those): it is stored only
    /// while live.
    pub droppless: bool,
    /// Declared as a reference (`&T`, `&mut T`, `Pin<&mut T>`): a method
    /// call on it reborrows through it rather than borrowing the parameter.
    pub reference: bool,
    /// Its type has a `&mut` in it: the body can mutate through it what it
    /// borrowed through it before, so it may hold borrows that dangle.
    pub mutable_reference: bool,
    /// Its type visibly holds no reference (see
    /// `scan::is_plainly_owned_type`); a value taken from any other is
    /// checked in the never-run copy where the machine moves it while dead.
    pub plainly_owned: bool,
    /// Declared as `&mut T`: a reborrow through it borrows the parameter
    /// itself, which must then stay in place while the reborrow is held.
    pub unique_reference: bool,
}

impl Param {
    /// Bound by a plain name (`x`, `mut x`, or the receiver): the body's
    /// binding reads the argument straight out of the `Unresumed` state.
    /// Other patterns bind from a local the argument is read into first, so
    /// that a `_` or a partial move leaves the rest to drop where rustc drops
    /// the argument, at the end of the body.
    pub(crate) fn bound_by_name(&self) -> bool {
        match &self.pat {
            None => true,
            Some(syn::Pat::Ident(ident)) => ident.by_ref.is_none() && ident.subpat.is_none(),
            Some(_) => false,
        }
    }
}

impl MachineFn {
    /// The parameters in declaration order, with the signature rewritten so every
    /// argument has a plain name the machine can move into its first state.
    pub(crate) fn params(&mut self) -> Vec<Param> {
        let mut params = Vec::new();
        for (index, input) in self.sig.inputs.iter_mut().enumerate() {
            // A parameter bound by a plain name keeps it in the signature
            // (what rustdoc and the IDE show); a pattern gets a fresh name.
            let field = match input {
                FnArg::Typed(typed) => match &*typed.pat {
                    syn::Pat::Ident(p) if p.by_ref.is_none() && p.subpat.is_none() => {
                        p.ident.clone()
                    }
                    _ => Ident::new(&format!("__arg{index}"), Span::mixed_site()),
                },
                FnArg::Receiver(_) => Ident::new(&format!("__arg{index}"), Span::mixed_site()),
            };
            match input {
                FnArg::Receiver(receiver) => {
                    let self_token = receiver.self_token;
                    // `mut self` is the body's business: the machine binds the
                    // receiver mutably at the start of the body instead.
                    if receiver.reference.is_none() {
                        self.self_mutable = receiver.mutability.take().is_some();
                    }
                    params.push(Param {
                        field,
                        arg: quote::quote!(#self_token),
                        pat: None,
                        droppless: crate::scan::is_droppless_type(&receiver.ty),
                        reference: crate::scan::is_reference_type(&receiver.ty),
                        mutable_reference: has_mutable_reference(&receiver.ty),
                        plainly_owned: false,
                        unique_reference: is_unique_reference(&receiver.ty),
                    });
                }
                FnArg::Typed(typed) => {
                    let pat = (*typed.pat).clone();
                    *typed.pat = syn::Pat::Ident(syn::PatIdent {
                        attrs: Vec::new(),
                        by_ref: None,
                        mutability: None,
                        ident: field.clone(),
                        subpat: None,
                    });
                    params.push(Param {
                        arg: quote::quote!(#field),
                        field,
                        pat: Some(pat),
                        droppless: crate::scan::is_droppless_type(&typed.ty),
                        reference: crate::scan::is_reference_type(&typed.ty),
                        mutable_reference: has_mutable_reference(&typed.ty),
                        plainly_owned: crate::scan::is_plainly_owned_type(&typed.ty),
                        unique_reference: is_unique_reference(&typed.ty),
                    });
                }
            }
        }
        params
    }
}
