use statemachine_runtime::state_machine;
pub async fn fetch(n: u32) -> u32 {
    n + 1
}
#[allow(refining_impl_trait)]
pub fn classify(
    v: Option<u32>,
) -> impl ::statemachine_runtime::StateMachine<Output = u32> {
    #[allow(nonstandard_style, dead_code, clippy::all)]
    enum __State<A0, F0, F1> {
        Unresumed(A0),
        /// `fetch(n).await`, line 10
        AwaitFetch1(F0),
        /// `fetch(0).await`, line 12
        AwaitFetch2(F1),
        Returned,
        Panicked,
    }
    #[allow(nonstandard_style, dead_code, clippy::all)]
    enum __Block<T3, T4> {
        Block2(T3),
        Block3(T4),
        Block4,
    }
    #[allow(unused_variables, unused_mut, unused_assignments, unused_parens)]
    #[allow(unused_unsafe, unreachable_code, unreachable_patterns)]
    #[allow(dangerous_implicit_autorefs, clippy::all, clippy::pedantic)]
    let __machine = ::statemachine_runtime::__private::machine(
        __State::Unresumed(v),
        move |__frame, __cx| -> ::statemachine_runtime::__private::Step<u32> {
            let mut __running;
            let __output: u32 = '__resume: loop {
                let mut __next;
                match unsafe { __frame.state() } {
                    __State::Unresumed(v) => {
                        __next = '__goto: {
                            let v = unsafe { __frame.take(v) };
                            __running = unsafe { __frame.start() };
                            match v {
                                Some(n) if n > 10 => {
                                    let __p3 = n;
                                    break '__goto __Block::Block2(__p3);
                                }
                                Some(__bind4) => {
                                    let __p4 = __bind4;
                                    break '__goto __Block::Block3(__p4);
                                }
                                None => {
                                    break '__goto __Block::Block4;
                                }
                            }
                        };
                        match __next {
                            __Block::Block2(__p3) => {
                                let n = __p3;
                                let __awaitee = __frame.into_future(fetch(n));
                                __running.suspend(__State::AwaitFetch1(__awaitee));
                                continue '__resume;
                            }
                            __Block::Block3(__p4) => {
                                let (__p2,) = '__goto: {
                                    let n = __p4;
                                    {
                                        let __p2 = n;
                                        break '__goto (__p2,);
                                    }
                                };
                                {
                                    let __value1 = __p2;
                                    break '__resume __value1;
                                }
                            }
                            __Block::Block4 => {
                                let __awaitee = __frame.into_future(fetch(0));
                                __running.suspend(__State::AwaitFetch2(__awaitee));
                                continue '__resume;
                            }
                            _ => {
                                ::core::panicking::panic(
                                    "internal error: entered unreachable code",
                                )
                            }
                        }
                    }
                    __State::AwaitFetch1(__awaitee) => {
                        let __p6 = unsafe { __frame.poll(__awaitee, __cx) }?;
                        __running = unsafe { __frame.start() };
                        let __p6 = unsafe { __running.resume(__awaitee, __p6) };
                        let (__p2,) = '__goto: {
                            let __value5 = __p6;
                            {
                                let __p2 = __value5;
                                break '__goto (__p2,);
                            }
                        };
                        {
                            let __value1 = __p2;
                            break '__resume __value1;
                        }
                    }
                    __State::AwaitFetch2(__awaitee) => {
                        let __p8 = unsafe { __frame.poll(__awaitee, __cx) }?;
                        __running = unsafe { __frame.start() };
                        let __p8 = unsafe { __running.resume(__awaitee, __p8) };
                        let (__p2,) = '__goto: {
                            let __value7 = {
                                let mut __awaited8 = __p8;
                                (__awaited8 * 2)
                            };
                            {
                                let __p2 = __value7;
                                break '__goto (__p2,);
                            }
                        };
                        {
                            let __value1 = __p2;
                            break '__resume __value1;
                        }
                    }
                    __State::Returned => __frame.resumed_after_completion(),
                    __State::Panicked => __frame.resumed_after_panicking(),
                }
            };
            __running.complete(__output)
        },
    );
    impl<A0, F0, F1> ::statemachine_runtime::__private::MachineState
    for __State<A0, F0, F1> {
        const PANICKED: fn() -> Self = || Self::Panicked;
        const RETURNED: fn() -> Self = || Self::Returned;
        fn info(&self) -> ::statemachine_runtime::StateInfo {
            let __at = match self {
                Self::Unresumed(..) => ("Unresumed", "", 8),
                Self::AwaitFetch1(..) => ("AwaitFetch1", "fetch(n)", 10),
                Self::AwaitFetch2(..) => ("AwaitFetch2", "fetch(0)", 12),
                Self::Returned => ("Returned", "", 8),
                Self::Panicked => ("Panicked", "", 8),
            };
            ::statemachine_runtime::__private::info("classify", __at)
        }
    }
    __machine
}
fn main() {}
