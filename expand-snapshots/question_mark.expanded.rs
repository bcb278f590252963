use statemachine_runtime::state_machine;
pub async fn read(n: u32) -> Result<u32, String> {
    if n == 0 { Err("zero".to_owned()) } else { Ok(n) }
}
#[allow(refining_impl_trait)]
pub fn total(
    a: u32,
    b: u32,
) -> impl ::statemachine_runtime::StateMachine<Output = Result<u32, String>> {
    #[allow(nonstandard_style, dead_code, clippy::all)]
    enum __State<A0, A1, F0, T1, F1, T3> {
        Unresumed(A0, A1),
        /// `read(a).await`, line 13: the awaitee, `b`
        AwaitRead1(F0, T1),
        /// `read(b).await`, line 14: the awaitee, `x`
        AwaitRead2(F1, T3),
        Returned,
        Panicked,
    }
    #[allow(unused_variables, unused_mut, unused_assignments, unused_parens)]
    #[allow(unused_unsafe, unreachable_code, unreachable_patterns)]
    #[allow(dangerous_implicit_autorefs, clippy::all, clippy::pedantic)]
    let __machine = ::statemachine_runtime::__private::machine(
        __State::Unresumed(a, b),
        move |
            __frame,
            __cx,
        | -> ::statemachine_runtime::__private::Step<Result<u32, String>> {
            let mut __running;
            let __output: Result<u32, String> = '__resume: loop {
                match unsafe { __frame.state() } {
                    __State::Unresumed(a, b) => {
                        let a = unsafe { __frame.take(a) };
                        let b = unsafe { __frame.take(b) };
                        __running = unsafe { __frame.start() };
                        let __awaitee = __frame.into_future(read(a));
                        __running.suspend(__State::AwaitRead1(__awaitee, b));
                    }
                    __State::AwaitRead1(__awaitee, b) => {
                        let __p2 = unsafe { __frame.poll(__awaitee, __cx) }?;
                        let b = unsafe { __frame.take(b) };
                        __running = unsafe { __frame.start() };
                        let __p2 = unsafe { __running.resume(__awaitee, __p2) };
                        let x = {
                            let mut __awaited2 = __p2;
                            (match ::statemachine_runtime::__private::Branch::branch(
                                __awaited2,
                            ) {
                                ::core::ops::ControlFlow::Continue(__output) => __output,
                                ::core::ops::ControlFlow::Break(__residual) => {
                                    break '__resume (::statemachine_runtime::__private::FromResidual::from_residual(
                                        __residual,
                                    ));
                                }
                            })
                        };
                        let __awaitee = __frame.into_future(read(b));
                        __running.suspend(__State::AwaitRead2(__awaitee, x));
                    }
                    __State::AwaitRead2(__awaitee, x) => {
                        let __p4 = unsafe { __frame.poll(__awaitee, __cx) }?;
                        let x = unsafe { __frame.take(x) };
                        __running = unsafe { __frame.start() };
                        let __p4 = unsafe { __running.resume(__awaitee, __p4) };
                        let y = {
                            let mut __awaited4 = __p4;
                            (match ::statemachine_runtime::__private::Branch::branch(
                                __awaited4,
                            ) {
                                ::core::ops::ControlFlow::Continue(__output) => __output,
                                ::core::ops::ControlFlow::Break(__residual) => {
                                    break '__resume (::statemachine_runtime::__private::FromResidual::from_residual(
                                        __residual,
                                    ));
                                }
                            })
                        };
                        break '__resume Ok(x + y);
                    }
                    __State::Returned => __frame.resumed_after_completion(),
                    __State::Panicked => __frame.resumed_after_panicking(),
                }
            };
            __running.complete(__output)
        },
    );
    impl<A0, A1, F0, T1, F1, T3> ::statemachine_runtime::__private::MachineState
    for __State<A0, A1, F0, T1, F1, T3> {
        const PANICKED: fn() -> Self = || Self::Panicked;
        const RETURNED: fn() -> Self = || Self::Returned;
        fn info(&self) -> ::statemachine_runtime::StateInfo {
            let __at = match self {
                Self::Unresumed(..) => ("Unresumed", "", 12),
                Self::AwaitRead1(..) => ("AwaitRead1", "read(a)", 13),
                Self::AwaitRead2(..) => ("AwaitRead2", "read(b)", 14),
                Self::Returned => ("Returned", "", 12),
                Self::Panicked => ("Panicked", "", 12),
            };
            ::statemachine_runtime::__private::info("total", __at)
        }
    }
    __machine
}
fn main() {}
