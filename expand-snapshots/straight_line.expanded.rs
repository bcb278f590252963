use statemachine_runtime::{state_machine, yield_now};
#[allow(refining_impl_trait)]
pub fn add(a: u32, b: u32) -> impl ::statemachine_runtime::StateMachine<Output = u32> {
    #[allow(nonstandard_style, dead_code, clippy::all)]
    enum __State<A0, A1, F0, T2> {
        Unresumed(A0, A1),
        /// `yield_now().await`, line 6: the awaitee, `c`
        AwaitYieldNow(F0, T2),
        Returned,
        Panicked,
    }
    #[allow(unused_variables, unused_mut, unused_assignments, unused_parens)]
    #[allow(unused_unsafe, unreachable_code, unreachable_patterns)]
    #[allow(dangerous_implicit_autorefs, clippy::all, clippy::pedantic)]
    let __machine = ::statemachine_runtime::__private::machine(
        __State::Unresumed(a, b),
        move |__frame, __cx| -> ::statemachine_runtime::__private::Step<u32> {
            let mut __running;
            let __output: u32 = '__resume: loop {
                match unsafe { __frame.state() } {
                    __State::Unresumed(a, b) => {
                        let a = unsafe { __frame.take(a) };
                        let b = unsafe { __frame.take(b) };
                        __running = unsafe { __frame.start() };
                        let c = a + b;
                        let __awaitee = __frame.into_future(yield_now());
                        __running.suspend(__State::AwaitYieldNow(__awaitee, c));
                    }
                    __State::AwaitYieldNow(__awaitee, c) => {
                        let __p3 = unsafe { __frame.poll(__awaitee, __cx) }?;
                        let c = unsafe { __frame.take(c) };
                        __running = unsafe { __frame.start() };
                        let __p3 = unsafe { __running.resume(__awaitee, __p3) };
                        {
                            let mut __awaited3 = __p3;
                            __awaited3;
                        }
                        break '__resume c * 2;
                    }
                    __State::Returned => __frame.resumed_after_completion(),
                    __State::Panicked => __frame.resumed_after_panicking(),
                }
            };
            __running.complete(__output)
        },
    );
    impl<A0, A1, F0, T2> ::statemachine_runtime::__private::MachineState
    for __State<A0, A1, F0, T2> {
        const PANICKED: fn() -> Self = || Self::Panicked;
        const RETURNED: fn() -> Self = || Self::Returned;
        fn info(&self) -> ::statemachine_runtime::StateInfo {
            let __at = match self {
                Self::Unresumed(..) => ("Unresumed", "", 4),
                Self::AwaitYieldNow(..) => ("AwaitYieldNow", "yield_now()", 6),
                Self::Returned => ("Returned", "", 4),
                Self::Panicked => ("Panicked", "", 4),
            };
            ::statemachine_runtime::__private::info("add", __at)
        }
    }
    __machine
}
fn main() {}
