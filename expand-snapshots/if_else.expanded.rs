use statemachine_runtime::{state_machine, yield_now};
pub async fn fetch(n: u32) -> u32 {
    n + 1
}
#[allow(refining_impl_trait)]
pub fn pick(
    flag: bool,
    n: u32,
) -> impl ::statemachine_runtime::StateMachine<Output = u32> {
    #[allow(nonstandard_style, dead_code, clippy::all)]
    enum __State<A0, A1, F0, F1, T1> {
        Unresumed(A0, A1),
        /// `fetch(n).await`, line 10
        AwaitFetch(F0),
        /// `yield_now().await`, line 13: the awaitee, `n`
        AwaitYieldNow(F1, T1),
        Returned,
        Panicked,
    }
    #[allow(nonstandard_style, dead_code, clippy::all)]
    enum __Block<T1> {
        Block2(T1),
        Block3(T1),
    }
    #[allow(unused_variables, unused_mut, unused_assignments, unused_parens)]
    #[allow(unused_unsafe, unreachable_code, unreachable_patterns)]
    #[allow(dangerous_implicit_autorefs, clippy::all, clippy::pedantic)]
    let __machine = ::statemachine_runtime::__private::machine(
        __State::Unresumed(flag, n),
        move |__frame, __cx| -> ::statemachine_runtime::__private::Step<u32> {
            let mut __running;
            let __output: u32 = '__resume: loop {
                let mut __next;
                match unsafe { __frame.state() } {
                    __State::Unresumed(flag, n) => {
                        __next = '__goto: {
                            let flag = unsafe { __frame.take(flag) };
                            let n = unsafe { __frame.take(n) };
                            __running = unsafe { __frame.start() };
                            if flag {
                                break '__goto __Block::Block2(n);
                            } else {
                                break '__goto __Block::Block3(n);
                            }
                        };
                        match __next {
                            __Block::Block2(__p1) => {
                                let n = __p1;
                                let __awaitee = __frame.into_future(fetch(n));
                                __running.suspend(__State::AwaitFetch(__awaitee));
                                continue '__resume;
                            }
                            __Block::Block3(__p1) => {
                                let n = __p1;
                                let __awaitee = __frame.into_future(yield_now());
                                __running.suspend(__State::AwaitYieldNow(__awaitee, n));
                                continue '__resume;
                            }
                            _ => {
                                ::core::panicking::panic(
                                    "internal error: entered unreachable code",
                                )
                            }
                        }
                    }
                    __State::AwaitFetch(__awaitee) => {
                        let __p5 = unsafe { __frame.poll(__awaitee, __cx) }?;
                        __running = unsafe { __frame.start() };
                        let __p5 = unsafe { __running.resume(__awaitee, __p5) };
                        let (__p3,) = '__goto: {
                            let __value4 = {
                                let x = __p5;
                                x * 2
                            };
                            {
                                let __p3 = __value4;
                                break '__goto (__p3,);
                            }
                        };
                        {
                            let __value2 = __p3;
                            break '__resume __value2;
                        }
                    }
                    __State::AwaitYieldNow(__awaitee, __p1) => {
                        let __p9 = unsafe { __frame.poll(__awaitee, __cx) }?;
                        let __p1 = unsafe { __frame.take(__p1) };
                        __running = unsafe { __frame.start() };
                        let __p9 = unsafe { __running.resume(__awaitee, __p9) };
                        let (__p3,) = '__goto: {
                            let n = __p1;
                            let __value7 = {
                                let __value8 = {
                                    {
                                        let mut __awaited9 = __p9;
                                        __awaited9;
                                    }
                                    n
                                };
                                __value8
                            };
                            {
                                let __p3 = __value7;
                                break '__goto (__p3,);
                            }
                        };
                        {
                            let __value2 = __p3;
                            break '__resume __value2;
                        }
                    }
                    __State::Returned => __frame.resumed_after_completion(),
                    __State::Panicked => __frame.resumed_after_panicking(),
                }
            };
            __running.complete(__output)
        },
    );
    impl<A0, A1, F0, F1, T1> ::statemachine_runtime::__private::MachineState
    for __State<A0, A1, F0, F1, T1> {
        const PANICKED: fn() -> Self = || Self::Panicked;
        const RETURNED: fn() -> Self = || Self::Returned;
        fn info(&self) -> ::statemachine_runtime::StateInfo {
            let __at = match self {
                Self::Unresumed(..) => ("Unresumed", "", 8),
                Self::AwaitFetch(..) => ("AwaitFetch", "fetch(n)", 10),
                Self::AwaitYieldNow(..) => ("AwaitYieldNow", "yield_now()", 13),
                Self::Returned => ("Returned", "", 8),
                Self::Panicked => ("Panicked", "", 8),
            };
            ::statemachine_runtime::__private::info("pick", __at)
        }
    }
    __machine
}
fn main() {}
