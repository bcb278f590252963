use statemachine_runtime::{state_machine, yield_now};
#[allow(refining_impl_trait)]
pub fn scoped(
    __arg0: String,
) -> impl ::core::future::Future<Output = usize> + ::statemachine_runtime::StateMachine {
    #[allow(
        non_camel_case_types,
        non_snake_case,
        dead_code,
        clippy::large_enum_variant,
        clippy::type_complexity
    )]
    enum __State<A0, F0, T3, T1, T0, F1> {
        /// Not polled yet: holds the arguments.
        Unresumed { __arg0: A0 },
        /// `yield_now().await`, line 8
        AwaitYieldNow1 { __awaitee: F0, temp: T3, greeting: T1, name: T0 },
        /// `yield_now().await`, line 11
        AwaitYieldNow2 { __awaitee: F1, greeting: T1, name: T0 },
        /// Completed: polling again panics.
        Returned,
        /// A panic unwound through the body: polling again panics.
        Panicked,
    }
    impl<A0, F0, T3, T1, T0, F1> ::statemachine_runtime::__private::MachineState<()>
    for __State<A0, F0, T3, T1, T0, F1> {
        const PANICKED: Self = Self::Panicked;
        fn info(&self) -> ::statemachine_runtime::StateInfo {
            ::statemachine_runtime::__private::info(
                "scoped",
                ::core::panic::Location::caller().file(),
                match self {
                    Self::Unresumed { .. } => {
                        ("Unresumed", ::core::option::Option::None, 4u32)
                    }
                    Self::AwaitYieldNow1 { .. } => {
                        (
                            "AwaitYieldNow1",
                            ::core::option::Option::Some("yield_now()"),
                            8u32,
                        )
                    }
                    Self::AwaitYieldNow2 { .. } => {
                        (
                            "AwaitYieldNow2",
                            ::core::option::Option::Some("yield_now()"),
                            11u32,
                        )
                    }
                    Self::Returned => ("Returned", ::core::option::Option::None, 4u32),
                    Self::Panicked => ("Panicked", ::core::option::Option::None, 4u32),
                },
            )
        }
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
                match unsafe { &mut *__this } {
                    __State::Unresumed { __arg0 } => {
                        __running = unsafe {
                            ::statemachine_runtime::__private::running(__this, __slots)
                        };
                        let __arg0 = unsafe { ::core::ptr::read(__arg0) };
                        {
                            let name = __arg0;
                            let greeting = ::alloc::__export::must_use({
                                ::alloc::fmt::format(format_args!("hello {0}", name))
                            });
                            {
                                let temp = greeting.clone();
                                let __awaitee = ::core::future::IntoFuture::into_future(
                                    yield_now(),
                                );
                                unsafe {
                                    ::statemachine_runtime::__private::set_state(
                                        __running,
                                        __state.as_mut(),
                                        __State::AwaitYieldNow1 {
                                            __awaitee,
                                            temp,
                                            greeting,
                                            name,
                                        },
                                    )
                                };
                                continue '__resume;
                            }
                        }
                    }
                    __State::AwaitYieldNow1 {
                        __awaitee,
                        temp: __p3,
                        greeting: __p1,
                        name: __p0,
                    } => {
                        let ::core::task::Poll::Ready(__p4) = (unsafe {
                            ::statemachine_runtime::__private::poll_awaitee(
                                __this,
                                __slots,
                                __awaitee,
                                __cx,
                            )
                        }) else {
                            return ::core::task::Poll::Pending;
                        };
                        let __p0 = unsafe { ::core::ptr::read(__p0) };
                        let __p1 = unsafe { ::core::ptr::read(__p1) };
                        let __p3 = unsafe { ::core::ptr::read(__p3) };
                        __running = unsafe {
                            ::statemachine_runtime::__private::running(__this, __slots)
                        };
                        unsafe { ::core::ptr::drop_in_place(__awaitee) };
                        {
                            let name = __p0;
                            let greeting = __p1;
                            {
                                let __value2 = {
                                    let temp = __p3;
                                    {
                                        let mut __awaited4 = __p4;
                                        __awaited4;
                                    }
                                    drop(temp);
                                    ()
                                };
                                __value2;
                            }
                            let __awaitee = ::core::future::IntoFuture::into_future(
                                yield_now(),
                            );
                            unsafe {
                                ::statemachine_runtime::__private::set_state(
                                    __running,
                                    __state.as_mut(),
                                    __State::AwaitYieldNow2 {
                                        __awaitee,
                                        greeting,
                                        name,
                                    },
                                )
                            };
                            continue '__resume;
                        }
                    }
                    __State::AwaitYieldNow2 {
                        __awaitee,
                        greeting: __p1,
                        name: __p0,
                    } => {
                        let ::core::task::Poll::Ready(__p5) = (unsafe {
                            ::statemachine_runtime::__private::poll_awaitee(
                                __this,
                                __slots,
                                __awaitee,
                                __cx,
                            )
                        }) else {
                            return ::core::task::Poll::Pending;
                        };
                        let __p0 = unsafe { ::core::ptr::read(__p0) };
                        let __p1 = unsafe { ::core::ptr::read(__p1) };
                        __running = unsafe {
                            ::statemachine_runtime::__private::running(__this, __slots)
                        };
                        unsafe { ::core::ptr::drop_in_place(__awaitee) };
                        {
                            let name = __p0;
                            let greeting = __p1;
                            {
                                let mut __awaited5 = __p5;
                                __awaited5;
                            }
                            return {
                                let __ret = greeting.len();
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
                    }
                    __State::Returned => {
                        ::statemachine_runtime::__private::resumed_after_completion()
                    }
                    __State::Panicked => {
                        ::statemachine_runtime::__private::resumed_after_panicking()
                    }
                }
            }
        },
    );
    __machine
}
fn main() {}
