//! The differential suite in an edition 2024 crate.
use statemachine_tests::{
    Counter, D, Lock, LoggedRows, PanicOnDrop, Reader, differential, indexed, leaf, log, pop,
};

include!("../cases/basic.rs");
include!("../cases/loops.rs");
include!("../cases/forms.rs");
include!("../cases/panics.rs");
include!("../cases/temporaries.rs");
include!("../cases/edition2024.rs");
include!("../cases/borrows.rs");
include!("../cases/dead_values.rs");
include!("../cases/awaiting_macros.rs");
include!("../cases/operand_order.rs");
