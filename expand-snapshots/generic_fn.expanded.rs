use std::fmt::Display;
use statemachine_runtime::{state_machine, yield_now};
#[allow(refining_impl_trait)]
pub fn describe<T: Display + Clone>(
    value: T,
) -> impl ::statemachine_runtime::StateMachine<Output = String> {
    #[allow(nonstandard_style, dead_code, clippy::all)]
    enum __State<A0, F0, T1, T0> {
        Unresumed(A0),
        /// `yield_now().await`, line 8: the awaitee, `copy`, `value`
        AwaitYieldNow(F0, T1, T0),
        Returned,
        Panicked,
    }
    #[allow(unused_variables, unused_mut, unused_assignments, unused_parens)]
    #[allow(unused_unsafe, unreachable_code, unreachable_patterns)]
    #[allow(dangerous_implicit_autorefs, clippy::all, clippy::pedantic)]
    let __machine = ::statemachine_runtime::__private::machine(
        __State::Unresumed(value),
        move |__frame, __cx| -> ::statemachine_runtime::__private::Step<String> {
            let mut __running;
            let __output: String = '__resume: loop {
                match unsafe { __frame.state() } {
                    __State::Unresumed(value) => {
                        let value = unsafe { __frame.take(value) };
                        __running = unsafe { __frame.start() };
                        let copy = value.clone();
                        let __awaitee = __frame.into_future(yield_now());
                        __running
                            .suspend(__State::AwaitYieldNow(__awaitee, copy, value));
                    }
                    __State::AwaitYieldNow(__awaitee, copy, value) => {
                        let __p2 = unsafe { __frame.poll(__awaitee, __cx) }?;
                        let value = unsafe { __frame.take(value) };
                        let copy = unsafe { __frame.take(copy) };
                        __running = unsafe { __frame.start() };
                        let __p2 = unsafe { __running.resume(__awaitee, __p2) };
                        {
                            let mut __awaited2 = __p2;
                            #[allow(unused_macros)]
                            macro_rules! __statemachine_local_2 {
                                () => {
                                    __awaited2
                                };
                            }
                            __awaited2;
                        }
                        break '__resume ::alloc::__export::must_use({
                            ::alloc::fmt::format(format_args!("{0}/{1}", value, copy))
                        });
                    }
                    __State::Returned => __frame.resumed_after_completion(),
                    __State::Panicked => __frame.resumed_after_panicking(),
                }
            };
            __running.complete(__output)
        },
    );
    impl<A0, F0, T1, T0> ::statemachine_runtime::__private::MachineState
    for __State<A0, F0, T1, T0> {
        const PANICKED: fn() -> Self = || Self::Panicked;
        const RETURNED: fn() -> Self = || Self::Returned;
        fn info(&self) -> ::statemachine_runtime::StateInfo {
            let __at = match self {
                Self::Unresumed(..) => ("Unresumed", "", 6),
                Self::AwaitYieldNow(..) => ("AwaitYieldNow", "yield_now()", 8),
                Self::Returned => ("Returned", "", 6),
                Self::Panicked => ("Panicked", "", 6),
            };
            ::statemachine_runtime::__private::info("describe", __at)
        }
    }
    __machine
}
fn main() {}
