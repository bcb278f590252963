use statemachine_runtime::state_machine;
pub async fn fetch(n: u32) -> u32 {
    n + 1
}
#[allow(refining_impl_trait)]
pub fn classify(
    __arg0: Option<u32>,
) -> impl ::core::future::Future<Output = u32> + ::statemachine_runtime::StateMachine {
    #[allow(nonstandard_style, dead_code)]
    #[allow(clippy::large_enum_variant, clippy::type_complexity)]
    enum __State<A0, F0, F1, T0> {
        /// Not polled yet: holds the arguments.
        Unresumed(A0),
        /// `fetch(n).await`, line 10
        AwaitFetch1(F0),
        /// `fetch(0).await`, line 12: the awaitee, `v`
        AwaitFetch2(F1, T0),
        /// Completed: polling again panics.
        Returned,
        /// A panic unwound through the body: polling again panics.
        Panicked,
    }
    impl<A0, F0, F1, T0> ::statemachine_runtime::__private::MachineState<()>
    for __State<A0, F0, F1, T0> {
        const PANICKED: Self = Self::Panicked;
        const RETURNED: Self = Self::Returned;
        fn info(&self) -> ::statemachine_runtime::StateInfo {
            ::statemachine_runtime::__private::info(
                "classify",
                match self {
                    Self::Unresumed(..) => ("Unresumed", "", 8),
                    Self::AwaitFetch1(..) => ("AwaitFetch1", "fetch(n)", 10),
                    Self::AwaitFetch2(..) => ("AwaitFetch2", "fetch(0)", 12),
                    Self::Returned => ("Returned", "", 8),
                    Self::Panicked => ("Panicked", "", 8),
                },
            )
        }
    }
    #[allow(nonstandard_style, dead_code)]
    #[allow(clippy::large_enum_variant, clippy::type_complexity)]
    enum __Block<T3, T4, T0, T2> {
        Block2(T3),
        Block3(T4),
        Block4(T0),
        Block1(::core::option::Option<T0>, T2),
    }
    #[allow(unused_variables, unused_mut, unused_assignments, unused_braces)]
    #[allow(unused_parens, unused_unsafe, unreachable_code, unreachable_patterns)]
    #[allow(dangerous_implicit_autorefs, clippy::all, clippy::pedantic)]
    let __machine = ::statemachine_runtime::__private::machine(
        __State::Unresumed(__arg0),
        (),
        move |__frame, __cx| -> ::statemachine_runtime::__private::Step<u32> {
            let mut __running;
            let __output: u32 = '__resume: loop {
                let mut __next;
                '__entry: {
                    match unsafe { __frame.state() } {
                        __State::Unresumed(__arg0) => {
                            __running = unsafe { __frame.start() };
                            let __arg0 = unsafe { ::core::ptr::read(__arg0) };
                            __next = '__goto: {
                                let v = __arg0;
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
                                        break '__goto __Block::Block4(v);
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
                                    let n = __p4;
                                    {
                                        let __p2 = n;
                                        __next = __Block::Block1(
                                            ::core::option::Option::None,
                                            __p2,
                                        );
                                        break '__entry;
                                    }
                                }
                                __Block::Block4(__p0) => {
                                    let v = __p0;
                                    let __awaitee = __frame.into_future(fetch(0));
                                    __running.suspend(__State::AwaitFetch2(__awaitee, v));
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
                            __running = unsafe { __frame.resume(__awaitee) };
                            let __value5 = __p6;
                            {
                                let __p2 = __value5;
                                __next = __Block::Block1(
                                    ::core::option::Option::None,
                                    __p2,
                                );
                                break '__entry;
                            }
                        }
                        __State::AwaitFetch2(__awaitee, __p0) => {
                            let __p8 = unsafe { __frame.poll(__awaitee, __cx) }?;
                            let __p0 = unsafe { ::core::ptr::read(__p0) };
                            __running = unsafe { __frame.resume(__awaitee) };
                            let v = __p0;
                            let __value7 = {
                                let mut __awaited8 = __p8;
                                (__awaited8 * 2)
                            };
                            {
                                let __p2 = __value7;
                                __next = __Block::Block1(
                                    ::core::option::Option::Some(v),
                                    __p2,
                                );
                                break '__entry;
                            }
                        }
                        __State::Returned => __frame.resumed_after_completion(),
                        __State::Panicked => __frame.resumed_after_panicking(),
                    }
                }
                '__dispatch: loop {
                    match __next {
                        __Block::Block1(__p0, __p2) => {
                            let __flag0 = __p0;
                            let __value1 = __p2;
                            break '__resume __value1;
                        }
                        _ => {
                            ::core::panicking::panic(
                                "internal error: entered unreachable code",
                            )
                        }
                    }
                }
            };
            __running.finish(__output)
        },
    );
    __machine
}
fn main() {}
