//! Future sizes on the differential cases (`tests/cases/*.rs`, the edition
//! 2024 set that `tests/tests/differential.rs` includes): each case body is
//! compiled twice here too, by `#[state_machine]` and by rustc, and both
//! futures are constructed with the case's argument values, measured with
//! `size_of_val` and dropped unpolled. No timing: this is cheap.
//!
//! The case files are included verbatim through a local `differential!` that
//! has the same input forms as the test harness's but emits a `sizes`
//! function instead of a test; `build.rs` generates the modules and the list
//! of cases from the suite's sources.

use crate::report::CaseSize;

/// One differential case: where it is and how to measure it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Case {
    /// The case file's stem (`basic`, `loops`, ...).
    file: &'static str,
    /// The case's name.
    name: &'static str,
    /// Whether it is a `differential!(panics ...)` or `(drop_panics ...)` case.
    panics: bool,
    /// Constructs both futures: (machine, compiler) `size_of_val`.
    sizes: fn() -> (usize, usize),
}

/// Emits `machine`, `compiler` and `sizes` in a module named after the case;
/// `$allow` are extra lints allowed on rustc's copy of the body, `$args` the
/// attribute's arguments.
macro_rules! case_module {
    ($name:ident, [$($allow:ident),*], ($($args:tt)*), [$($params:tt)*] -> $ret:ty { $($body:tt)* }, ($($val:expr),*)) => {
        pub(crate) mod $name {
            #[allow(unused_imports)]
            use super::*;
            #[::statemachine_runtime::state_machine($($args)*)]
            pub async fn machine($($params)*) -> $ret { $($body)* }
            #[allow(unused_mut, unused_variables, $($allow,)* clippy::all)]
            pub async fn compiler($($params)*) -> $ret { $($body)* }
            /// `size_of_val` of the machine and of rustc's future, both
            /// constructed with the case's arguments and dropped unpolled.
            pub fn sizes() -> (usize, usize) {
                let machine = machine($($val),*);
                let compiler = compiler($($val),*);
                (::std::mem::size_of_val(&machine), ::std::mem::size_of_val(&compiler))
            }
        }
    };
}

/// Same input forms as `statemachine_tests::differential!` (which the case
/// files would otherwise get through the harness's glob import); emits a
/// `case_module!` instead of a test.
macro_rules! differential {
    ($name:ident, [$($params:tt)*] -> $ret:ty { $($body:tt)* }, ($($val:expr),* $(,)?)) => {
        case_module!($name, [], (), [$($params)*] -> $ret { $($body)* }, ($($val),*));
    };
    ($name:ident, ($($arg:ident : $ty:ty),* $(,)?) -> $ret:ty { $($body:tt)* }, ($($val:expr),* $(,)?)) => {
        case_module!($name, [], (), [$($arg: $ty),*] -> $ret { $($body)* }, ($($val),*));
    };
    ($name:ident, with($($args:tt)*), ($($arg:ident : $ty:ty),* $(,)?) -> $ret:ty { $($body:tt)* }, ($($val:expr),* $(,)?)) => {
        case_module!($name, [], ($($args)*), [$($arg: $ty),*] -> $ret { $($body)* }, ($($val),*));
    };
    (panics $($case:tt)*) => {
        differential!(@panicking $($case)*);
    };
    (drop_panics $($case:tt)*) => {
        differential!(@panicking $($case)*);
    };
    (@panicking $name:ident, ($($arg:ident : $ty:ty),* $(,)?) -> $ret:ty { $($body:tt)* }, ($($val:expr),* $(,)?)) => {
        case_module!($name, [unreachable_code], (), [$($arg: $ty),*] -> $ret { $($body)* }, ($($val),*));
    };
}
// By path too, so that the generated modules can import it over the
// harness's glob-imported `differential!`.
use differential;

include!(concat!(env!("OUT_DIR"), "/differential_cases.rs"));

/// Measures every differential case, in suite order.
pub fn measure() -> Vec<CaseSize> {
    let out = CASES
        .iter()
        .map(|case| {
            let (machine, compiler) = (case.sizes)();
            CaseSize {
                file: case.file,
                name: case.name,
                panics: case.panics,
                machine,
                compiler,
            }
        })
        .collect();
    // The arguments and the unpolled futures logged their drops into the
    // harness's thread-local log; nothing reads it here.
    statemachine_tests::take_log();
    out
}
