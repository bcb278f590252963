//! Runtime for `#[state_machine]` machines.

pub use statemachine_macro::state_machine;

#[doc(hidden)]
pub mod __private;
