use statemachine_runtime::{state_machine, yield_now};
#[allow(refining_impl_trait)]
pub fn clamp(
    n: u32,
    limit: u32,
) -> impl ::statemachine_runtime::StateMachine<Output = u32> {
    #[allow(nonstandard_style, dead_code, clippy::all)]
    enum __State<A0, A1, F0, T0> {
        Unresumed(A0, A1),
        /// `yield_now().await`, line 8: the awaitee, `n`
        AwaitYieldNow(F0, T0),
        Returned,
        Panicked,
    }
    #[allow(nonstandard_style, dead_code, clippy::all)]
    enum __Block<T1, T0> {
        Block2(T1),
        Block3(T0),
    }
    #[allow(unused_variables, unused_mut, unused_assignments, unused_parens)]
    #[allow(unused_unsafe, unreachable_code, unreachable_patterns)]
    #[allow(dangerous_implicit_autorefs, clippy::all, clippy::pedantic)]
    let __machine = ::statemachine_runtime::__private::machine(
        __State::Unresumed(n, limit),
        move |__frame, __cx| -> ::statemachine_runtime::__private::Step<u32> {
            let mut __running;
            let __output: u32 = '__resume: loop {
                let mut __next;
                match unsafe { __frame.state() } {
                    __State::Unresumed(n, limit) => {
                        __next = '__goto: {
                            let n = unsafe { __frame.take(n) };
                            let limit = unsafe { __frame.take(limit) };
                            __running = unsafe { __frame.start() };
                            if n > limit {
                                break '__goto __Block::Block2(limit);
                            } else {
                                break '__goto __Block::Block3(n);
                            }
                        };
                        match __next {
                            __Block::Block2(__p1) => {
                                let limit = __p1;
                                {
                                    break '__resume limit;
                                }
                            }
                            __Block::Block3(__p0) => {
                                let (__p0, __p2) = '__goto: {
                                    let n = __p0;
                                    {
                                        let __p2 = ();
                                        break '__goto (n, __p2);
                                    }
                                };
                                {
                                    let n = __p0;
                                    {
                                        let mut __value2 = __p2;
                                        __value2;
                                    }
                                    let __awaitee = __frame.into_future(yield_now());
                                    __running.suspend(__State::AwaitYieldNow(__awaitee, n));
                                    continue '__resume;
                                }
                            }
                            _ => {
                                ::core::panicking::panic(
                                    "internal error: entered unreachable code",
                                )
                            }
                        }
                    }
                    __State::AwaitYieldNow(__awaitee, n) => {
                        let __p4 = unsafe { __frame.poll(__awaitee, __cx) }?;
                        let n = unsafe { __frame.take(n) };
                        __running = unsafe { __frame.start() };
                        let __p4 = unsafe { __running.resume(__awaitee, __p4) };
                        {
                            let mut __awaited4 = __p4;
                            __awaited4;
                        }
                        break '__resume n;
                    }
                    __State::Returned => __frame.resumed_after_completion(),
                    __State::Panicked => __frame.resumed_after_panicking(),
                }
            };
            __running.complete(__output)
        },
    );
    impl<A0, A1, F0, T0> ::statemachine_runtime::__private::MachineState
    for __State<A0, A1, F0, T0> {
        const PANICKED: fn() -> Self = || Self::Panicked;
        const RETURNED: fn() -> Self = || Self::Returned;
        fn info(&self) -> ::statemachine_runtime::StateInfo {
            let __at = match self {
                Self::Unresumed(..) => ("Unresumed", "", 4),
                Self::AwaitYieldNow(..) => ("AwaitYieldNow", "yield_now()", 8),
                Self::Returned => ("Returned", "", 4),
                Self::Panicked => ("Panicked", "", 4),
            };
            ::statemachine_runtime::__private::info("clamp", __at)
        }
    }
    __machine
}
fn main() {}
