use statemachine_runtime::{state_machine, yield_now};
pub struct Counter {
    n: u32,
}
#[automatically_derived]
impl ::core::default::Default for Counter {
    #[inline]
    fn default() -> Counter {
        Counter {
            n: ::core::default::Default::default(),
        }
    }
}
impl Counter {
    #[allow(refining_impl_trait)]
    pub fn bump(
        &mut self,
        by: u32,
    ) -> impl ::statemachine_runtime::StateMachine<Output = u32> {
        #[allow(nonstandard_style, dead_code, clippy::all)]
        enum __State<A0, A1, F0, T1, T0> {
            Unresumed(A0, A1),
            /// `yield_now().await`, line 11: the awaitee, `by`, `self_`
            AwaitYieldNow(F0, T1, T0),
            Returned,
            Panicked,
        }
        #[allow(unused_variables, unused_mut, unused_assignments, unused_parens)]
        #[allow(unused_unsafe, unreachable_code, unreachable_patterns)]
        #[allow(dangerous_implicit_autorefs, clippy::all, clippy::pedantic)]
        let __machine = ::statemachine_runtime::__private::machine(
            __State::Unresumed(self, by),
            move |__frame, __cx| -> ::statemachine_runtime::__private::Step<u32> {
                let mut __running;
                let __output: u32 = '__resume: loop {
                    match unsafe { __frame.state() } {
                        __State::Unresumed(__arg0, by) => {
                            let __self = unsafe { __frame.take(__arg0) };
                            let by = unsafe { __frame.take(by) };
                            __running = unsafe { __frame.start() };
                            let __awaitee = __frame.into_future(yield_now());
                            __running
                                .suspend(__State::AwaitYieldNow(__awaitee, by, __self));
                        }
                        __State::AwaitYieldNow(__awaitee, by, __self) => {
                            let __p2 = unsafe { __frame.poll(__awaitee, __cx) }?;
                            let __self = unsafe { __frame.take(__self) };
                            let by = unsafe { __frame.take(by) };
                            __running = unsafe { __frame.start() };
                            let __p2 = unsafe { __running.resume(__awaitee, __p2) };
                            {
                                let mut __awaited2 = __p2;
                                __awaited2;
                            }
                            __self.n += by;
                            break '__resume __self.n;
                        }
                        __State::Returned => __frame.resumed_after_completion(),
                        __State::Panicked => __frame.resumed_after_panicking(),
                    }
                };
                __running.complete(__output)
            },
        );
        impl<A0, A1, F0, T1, T0> ::statemachine_runtime::__private::MachineState
        for __State<A0, A1, F0, T1, T0> {
            const PANICKED: fn() -> Self = || Self::Panicked;
            const RETURNED: fn() -> Self = || Self::Returned;
            fn info(&self) -> ::statemachine_runtime::StateInfo {
                let __at = match self {
                    Self::Unresumed(..) => ("Unresumed", "", 10),
                    Self::AwaitYieldNow(..) => ("AwaitYieldNow", "yield_now()", 11),
                    Self::Returned => ("Returned", "", 10),
                    Self::Panicked => ("Panicked", "", 10),
                };
                ::statemachine_runtime::__private::info("bump", __at)
            }
        }
        __machine
    }
}
fn main() {}
