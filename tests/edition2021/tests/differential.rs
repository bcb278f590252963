//! The differential suite in an edition 2021 crate, where tail-expression and
//! `if let` temporaries drop later than in 2024.
use statemachine_tests::{
    differential, indexed, leaf, log, pop, Counter, Lock, LoggedRows, PanicOnDrop, Reader, D,
};

include!("../../cases/basic.rs");
include!("../../cases/loops.rs");
include!("../../cases/forms.rs");
include!("../../cases/panics.rs");
include!("../../cases/temporaries.rs");
include!("../../cases/borrows.rs");
include!("../../cases/dead_values.rs");
include!("../../cases/awaiting_macros.rs");
include!("../../cases/edition2021.rs");
