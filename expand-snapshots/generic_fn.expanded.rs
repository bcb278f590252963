use std::fmt::Display;
use statemachine_runtime::{state_machine, yield_now};
#[allow(refining_impl_trait)]
pub fn describe<T: Display + Clone>(
    __arg0: T,
) -> impl ::core::future::Future<
    Output = String,
> + ::statemachine_runtime::StateMachine {
    #[allow(nonstandard_style, dead_code)]
    #[allow(clippy::large_enum_variant, clippy::type_complexity)]
    enum __State<A0, F0, T1, T0> {
        /// Not polled yet: holds the arguments.
        Unresumed { __arg0: A0 },
        /// `yield_now().await`, line 8
        AwaitYieldNow { __awaitee: F0, copy: T1, value: T0 },
        /// Completed: polling again panics.
        Returned,
        /// A panic unwound through the body: polling again panics.
        Panicked,
    }
    impl<A0, F0, T1, T0> ::statemachine_runtime::__private::MachineState<()>
    for __State<A0, F0, T1, T0> {
        const PANICKED: Self = Self::Panicked;
        fn info(&self) -> ::statemachine_runtime::StateInfo {
            ::statemachine_runtime::__private::info(
                "describe",
                ::core::panic::Location::caller().file(),
                match self {
                    Self::Unresumed { .. } => ("Unresumed", "", 6u32),
                    Self::AwaitYieldNow { .. } => ("AwaitYieldNow", "yield_now()", 8u32),
                    Self::Returned => ("Returned", "", 6u32),
                    Self::Panicked => ("Panicked", "", 6u32),
                },
            )
        }
    }
    #[allow(unused_variables, unused_mut, unused_assignments, unused_braces)]
    #[allow(unused_parens, unused_unsafe, unreachable_code, unreachable_patterns)]
    #[allow(dangerous_implicit_autorefs, clippy::all, clippy::pedantic)]
    let __machine = ::statemachine_runtime::__private::machine(
        __State::Unresumed {
            __arg0: __arg0,
        },
        (),
        move |
            mut __state,
            __slots,
            __cx: &mut ::core::task::Context<'_>,
        | -> ::core::task::Poll<String> {
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
                            let value = __arg0;
                            let copy = value.clone();
                            let __awaitee = ::core::future::IntoFuture::into_future(
                                yield_now(),
                            );
                            unsafe {
                                ::statemachine_runtime::__private::set_state(
                                    __running,
                                    __state.as_mut(),
                                    __State::AwaitYieldNow {
                                        __awaitee,
                                        copy,
                                        value,
                                    },
                                )
                            };
                            continue '__resume;
                        }
                    }
                    __State::AwaitYieldNow { __awaitee, copy: __p1, value: __p0 } => {
                        let ::core::task::Poll::Ready(__p2) = (unsafe {
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
                            let value = __p0;
                            let copy = __p1;
                            {
                                let mut __awaited2 = __p2;
                                __awaited2;
                            }
                            return {
                                let __ret = ::alloc::__export::must_use({
                                    ::alloc::fmt::format(format_args!("{0}/{1}", value, copy))
                                });
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
