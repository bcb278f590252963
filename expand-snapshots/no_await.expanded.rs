use statemachine_runtime::state_machine;
#[allow(refining_impl_trait)]
pub fn ready(
    __arg0: u32,
) -> impl ::core::future::Future<Output = u32> + ::statemachine_runtime::StateMachine {
    #[allow(nonstandard_style, dead_code)]
    #[allow(clippy::large_enum_variant, clippy::type_complexity)]
    enum __State<A0> {
        /// Not polled yet: holds the arguments.
        Unresumed { __arg0: A0 },
        /// Completed: polling again panics.
        Returned,
        /// A panic unwound through the body: polling again panics.
        Panicked,
    }
    impl<A0> ::statemachine_runtime::__private::MachineState<()> for __State<A0> {
        const PANICKED: Self = Self::Panicked;
        fn info(&self) -> ::statemachine_runtime::StateInfo {
            ::statemachine_runtime::__private::info(
                "ready",
                ::core::panic::Location::caller().file(),
                match self {
                    Self::Unresumed { .. } => ("Unresumed", "", 4u32),
                    Self::Returned => ("Returned", "", 4u32),
                    Self::Panicked => ("Panicked", "", 4u32),
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
        | -> ::core::task::Poll<u32> {
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
                            let n = __arg0;
                            let m = n * 3;
                            return {
                                let __ret = m + 1;
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
