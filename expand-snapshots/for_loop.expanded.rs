use statemachine_runtime::state_machine;
pub async fn weigh(s: &str) -> usize {
    s.len()
}
#[allow(refining_impl_trait)]
pub fn sum_lengths(
    __arg0: Vec<&'static str>,
) -> impl ::core::future::Future<Output = usize> + ::statemachine_runtime::StateMachine {
    #[allow(
        non_camel_case_types,
        non_snake_case,
        dead_code,
        clippy::large_enum_variant,
        clippy::type_complexity
    )]
    enum __State<A0, F0, T2, T1> {
        /// Not polled yet: holds the arguments.
        Unresumed { __arg0: A0 },
        /// `weigh(w).await`, line 11
        AwaitWeigh { __awaitee: F0, __saved: (T2, T1) },
        /// Completed: polling again panics.
        Returned,
        /// A panic unwound through the body: polling again panics.
        Panicked,
    }
    impl<A0, F0, T2, T1> ::statemachine_runtime::__private::MachineState<()>
    for __State<A0, F0, T2, T1> {
        const PANICKED: Self = Self::Panicked;
        fn info(&self) -> ::statemachine_runtime::StateInfo {
            ::statemachine_runtime::__private::info(
                "sum_lengths",
                ::core::panic::Location::caller().file(),
                match self {
                    Self::Unresumed { .. } => {
                        ("Unresumed", ::core::option::Option::None, 8u32)
                    }
                    Self::AwaitWeigh { .. } => {
                        ("AwaitWeigh", ::core::option::Option::Some("weigh(w)"), 11u32)
                    }
                    Self::Returned => ("Returned", ::core::option::Option::None, 8u32),
                    Self::Panicked => ("Panicked", ::core::option::Option::None, 8u32),
                },
            )
        }
    }
    #[allow(
        non_camel_case_types,
        non_snake_case,
        dead_code,
        clippy::large_enum_variant,
        clippy::type_complexity
    )]
    enum __Block<T1, T2, T4, T6, T3> {
        Block2 { sum: T1, iter2: T2 },
        Block3 { sum: T1, iter2: T2, item4: T4 },
        AfterWeigh { sum: T1, iter2: T2, awaited6: T6 },
        Block1 { sum: T1, iter2: T2, value3: T3 },
    }
    #[allow(
        unused_variables,
        unused_mut,
        unused_assignments,
        unreachable_code,
        unreachable_patterns,
        unused_braces,
        unused_parens,
        unused_unsafe,
        dangerous_implicit_autorefs,
        clippy::all,
        clippy::pedantic
    )]
    let __machine = ::statemachine_runtime::__private::machine(
        __State::Unresumed {
            __arg0: __arg0,
        },
        (),
        move |
            mut __state,
            __slots,
            __cx: &mut ::core::task::Context<'_>,
        | -> ::core::task::Poll<usize> {
            '__resume: loop {
                let __this = ::statemachine_runtime::__private::state_ptr(
                    __state.as_mut(),
                );
                let __running;
                let mut __next;
                '__entry: {
                    match unsafe { &mut *__this } {
                        __State::Unresumed { __arg0 } => {
                            __running = unsafe {
                                ::statemachine_runtime::__private::running(__this, __slots)
                            };
                            let __arg0 = unsafe { ::core::ptr::read(__arg0) };
                            {
                                let words = __arg0;
                                let mut sum = 0;
                                {
                                    let mut __iter2 = ::core::iter::IntoIterator::into_iter(
                                        words,
                                    );
                                    {
                                        __next = __Block::Block2 {
                                            sum,
                                            iter2: __iter2,
                                        };
                                        break '__entry;
                                    }
                                }
                            }
                        }
                        __State::AwaitWeigh { __awaitee, __saved } => {
                            let ::core::task::Poll::Ready((__p6, (__p2, __p1))) = (unsafe {
                                ::statemachine_runtime::__private::poll_awaitee(
                                    __this,
                                    __slots,
                                    __awaitee,
                                    __saved,
                                    __cx,
                                )
                            }) else {
                                return ::core::task::Poll::Pending;
                            };
                            __running = unsafe {
                                ::statemachine_runtime::__private::running(__this, __slots)
                            };
                            __next = __Block::AfterWeigh {
                                sum: __p1,
                                iter2: __p2,
                                awaited6: __p6,
                            };
                            break '__entry;
                        }
                        __State::Returned => {
                            ::statemachine_runtime::__private::resumed_after_completion()
                        }
                        __State::Panicked => {
                            ::statemachine_runtime::__private::resumed_after_panicking()
                        }
                    }
                }
                '__dispatch: loop {
                    match __next {
                        __Block::Block2 { sum: __p1, iter2: __p2 } => {
                            __next = '__goto: {
                                let mut sum = __p1;
                                {
                                    let mut __iter2 = __p2;
                                    match ::core::iter::Iterator::next(&mut __iter2) {
                                        ::core::option::Option::Some(__item4) => {
                                            let __p4 = __item4;
                                            break '__goto __Block::Block3 {
                                                sum,
                                                iter2: __iter2,
                                                item4: __p4,
                                            };
                                        }
                                        ::core::option::Option::None => {
                                            let __p3 = ();
                                            break '__goto __Block::Block1 {
                                                sum,
                                                iter2: __iter2,
                                                value3: __p3,
                                            };
                                        }
                                    }
                                }
                            };
                            match __next {
                                __Block::Block3 { sum: __p1, iter2: __p2, item4: __p4 } => {
                                    let mut sum = __p1;
                                    {
                                        let mut __iter2 = __p2;
                                        {
                                            let mut __item4 = __p4;
                                            let w = __item4;
                                            let __awaitee = ::core::future::IntoFuture::into_future(
                                                weigh(w),
                                            );
                                            unsafe {
                                                ::statemachine_runtime::__private::set_state(
                                                    __running,
                                                    __state.as_mut(),
                                                    __State::AwaitWeigh {
                                                        __awaitee,
                                                        __saved: (__iter2, sum),
                                                    },
                                                )
                                            };
                                            continue '__resume;
                                        }
                                    }
                                }
                                __Block::Block1 {
                                    sum: __p1,
                                    iter2: __p2,
                                    value3: __p3,
                                } => {
                                    let mut sum = __p1;
                                    {
                                        {
                                            let mut __iter2 = __p2;
                                            let mut __value3 = __p3;
                                            __value3
                                        };
                                        ();
                                    }
                                    return {
                                        let __ret = sum;
                                        unsafe {
                                            ::statemachine_runtime::__private::set_state(
                                                __running,
                                                __state.as_mut(),
                                                __State::Returned,
                                            )
                                        };
                                        ::core::task::Poll::Ready(__ret)
                                    };
                                }
                                _ => {
                                    ::core::panicking::panic(
                                        "internal error: entered unreachable code",
                                    )
                                }
                            }
                        }
                        __Block::AfterWeigh {
                            sum: __p1,
                            iter2: __p2,
                            awaited6: __p6,
                        } => {
                            let mut sum = __p1;
                            {
                                let mut __iter2 = __p2;
                                {
                                    let mut __awaited6 = __p6;
                                    sum += __awaited6;
                                }
                                {
                                    __next = __Block::Block2 {
                                        sum,
                                        iter2: __iter2,
                                    };
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
            }
        },
    );
    __machine
}
fn main() {}
