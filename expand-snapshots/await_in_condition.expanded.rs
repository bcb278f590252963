use statemachine_runtime::state_machine;
pub async fn ready(n: u32) -> bool {
    n.is_multiple_of(2)
}
#[allow(refining_impl_trait)]
pub fn count_even(
    limit: u32,
) -> impl ::statemachine_runtime::StateMachine<Output = u32> {
    #[allow(nonstandard_style, dead_code, clippy::all)]
    enum __State<A0, F0, T2, T1, T0> {
        Unresumed(A0),
        /// `ready(i).await`, line 12: the awaitee, `even`, `i`, `limit`
        AwaitReady(F0, T2, T1, T0),
        Returned,
        Panicked,
    }
    #[allow(nonstandard_style, dead_code, clippy::all)]
    enum __Block<T0, T1, T2, T6, T3> {
        Block2(T0, T1, T2),
        Block3(T0, T1, T2),
        AfterReady(T0, T1, T2, T6),
        Block5(T0, T1, T2),
        Block6(T0, T1, T2),
        Block1(T2, T3),
    }
    #[allow(unused_variables, unused_mut, unused_assignments, unused_parens)]
    #[allow(unused_unsafe, unreachable_code, unreachable_patterns)]
    #[allow(dangerous_implicit_autorefs, clippy::all, clippy::pedantic)]
    let __machine = ::statemachine_runtime::__private::machine(
        __State::Unresumed(limit),
        move |__frame, __cx| -> ::statemachine_runtime::__private::Step<u32> {
            let mut __running;
            let __output: u32 = '__resume: loop {
                let mut __next;
                '__entry: {
                    match unsafe { __frame.state() } {
                        __State::Unresumed(limit) => {
                            let limit = unsafe { __frame.take(limit) };
                            __running = unsafe { __frame.start() };
                            let mut i = 0;
                            let mut even = 0;
                            {
                                __next = __Block::Block2(limit, i, even);
                                break '__entry;
                            }
                        }
                        __State::AwaitReady(__awaitee, __p2, __p1, __p0) => {
                            let __p6 = unsafe { __frame.poll(__awaitee, __cx) }?;
                            let __p0 = unsafe { __frame.take(__p0) };
                            let __p1 = unsafe { __frame.take(__p1) };
                            let __p2 = unsafe { __frame.take(__p2) };
                            __running = unsafe { __frame.start() };
                            let __p6 = unsafe { __running.resume(__awaitee, __p6) };
                            __next = __Block::AfterReady(__p0, __p1, __p2, __p6);
                            break '__entry;
                        }
                        __State::Returned => __frame.resumed_after_completion(),
                        __State::Panicked => __frame.resumed_after_panicking(),
                    }
                }
                '__dispatch: loop {
                    match __next {
                        __Block::Block2(__p0, __p1, __p2) => {
                            __next = '__goto: {
                                let limit = __p0;
                                let mut i = __p1;
                                let mut even = __p2;
                                if i < limit {
                                    break '__goto __Block::Block3(limit, i, even);
                                } else {
                                    let __p3 = ();
                                    break '__goto __Block::Block1(even, __p3);
                                }
                            };
                            match __next {
                                __Block::Block3(__p0, __p1, __p2) => {
                                    let limit = __p0;
                                    let mut i = __p1;
                                    let mut even = __p2;
                                    let __awaitee = __frame.into_future(ready(i));
                                    __running
                                        .suspend(__State::AwaitReady(__awaitee, even, i, limit));
                                    let __State::AwaitReady(__awaitee, __p2, __p1, __p0) = (unsafe {
                                        __frame.state()
                                    }) else {
                                        ::core::panicking::panic(
                                            "internal error: entered unreachable code",
                                        )
                                    };
                                    let __p6 = unsafe { __frame.poll(__awaitee, __cx) }?;
                                    let __p0 = unsafe { __frame.take(__p0) };
                                    let __p1 = unsafe { __frame.take(__p1) };
                                    let __p2 = unsafe { __frame.take(__p2) };
                                    __running = unsafe { __frame.start() };
                                    let __p6 = unsafe { __running.resume(__awaitee, __p6) };
                                    __next = __Block::AfterReady(__p0, __p1, __p2, __p6);
                                    continue '__dispatch;
                                }
                                __Block::Block1(__p2, __p3) => {
                                    let mut even = __p2;
                                    {
                                        let mut __value3 = __p3;
                                        __value3;
                                    }
                                    break '__resume even;
                                }
                                _ => {
                                    ::core::panicking::panic(
                                        "internal error: entered unreachable code",
                                    )
                                }
                            }
                        }
                        __Block::AfterReady(__p0, __p1, __p2, __p6) => {
                            __next = '__goto: {
                                let limit = __p0;
                                let mut i = __p1;
                                let mut even = __p2;
                                let __value5 = __p6;
                                if __value5 {
                                    break '__goto __Block::Block5(limit, i, even);
                                } else {
                                    break '__goto __Block::Block6(limit, i, even);
                                }
                            };
                            match __next {
                                __Block::Block5(__p0, __p1, __p2) => {
                                    let (__p0, __p1, __p2, __p4) = '__goto: {
                                        let limit = __p0;
                                        let mut i = __p1;
                                        let mut even = __p2;
                                        let __value7 = {
                                            even += 1;
                                            ()
                                        };
                                        {
                                            let __p4 = __value7;
                                            break '__goto (limit, i, even, __p4);
                                        }
                                    };
                                    {
                                        let limit = __p0;
                                        let mut i = __p1;
                                        let mut even = __p2;
                                        {
                                            {
                                                let mut __value4 = __p4;
                                                __value4;
                                            }
                                            i += 1;
                                        }
                                        {
                                            __next = __Block::Block2(limit, i, even);
                                            continue '__dispatch;
                                        }
                                    }
                                }
                                __Block::Block6(__p0, __p1, __p2) => {
                                    let (__p0, __p1, __p2, __p4) = '__goto: {
                                        let limit = __p0;
                                        let mut i = __p1;
                                        let mut even = __p2;
                                        {
                                            let __p4 = ();
                                            break '__goto (limit, i, even, __p4);
                                        }
                                    };
                                    {
                                        let limit = __p0;
                                        let mut i = __p1;
                                        let mut even = __p2;
                                        {
                                            {
                                                let mut __value4 = __p4;
                                                __value4;
                                            }
                                            i += 1;
                                        }
                                        {
                                            __next = __Block::Block2(limit, i, even);
                                            continue '__dispatch;
                                        }
                                    }
                                }
                                _ => {
                                    ::core::panicking::panic(
                                        "internal error: entered unreachable code",
                                    )
                                }
                            }
                        }
                        _ => {
                            ::core::panicking::panic(
                                "internal error: entered unreachable code",
                            )
                        }
                    }
                }
            };
            __running.complete(__output)
        },
    );
    impl<A0, F0, T2, T1, T0> ::statemachine_runtime::__private::MachineState
    for __State<A0, F0, T2, T1, T0> {
        const PANICKED: fn() -> Self = || Self::Panicked;
        const RETURNED: fn() -> Self = || Self::Returned;
        fn info(&self) -> ::statemachine_runtime::StateInfo {
            let __at = match self {
                Self::Unresumed(..) => ("Unresumed", "", 8),
                Self::AwaitReady(..) => ("AwaitReady", "ready(i)", 12),
                Self::Returned => ("Returned", "", 8),
                Self::Panicked => ("Panicked", "", 8),
            };
            ::statemachine_runtime::__private::info("count_even", __at)
        }
    }
    __machine
}
fn main() {}
