//! The `#[state_machine]` attribute. Use it through `statemachine-runtime`,
//! which re-exports it and provides everything the generated code names.
//!
//! The expansion runs in stages with a typed structure between them:
//! [`input`] parses and validates the `async fn` into a [`input::MachineFn`],
//! [`lower`] turns its body into a control-flow graph of blocks whose edges are
//! split at every `.await` (a [`lower::LoweredBody`]), [`liveness`] decides which
//! values each block receives, and [`expand`] writes the state enum and the step
//! function. A value dead at an await that [`owned`] cannot prove free of
//! borrows is kept in place by lowering the body a second time.

mod awaiting_macros;
mod captures;
mod dead_moves;
mod expand;
mod input;
mod liveness;
mod lower;
mod owned;
mod pinning;
mod scan;

#[cfg(test)]
mod fuzz;

use proc_macro::TokenStream;

/// Rewrites an `async fn` into a pinned state machine written out in plain Rust.
///
/// See the `statemachine-runtime` crate for documentation and examples.
#[proc_macro_attribute]
pub fn state_machine(args: TokenStream, input: TokenStream) -> TokenStream {
    expand::state_machine(args.into(), input.into()).into()
}
