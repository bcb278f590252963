use statemachine_runtime::state_machine;
#[allow(refining_impl_trait)]
pub fn ready(n: u32) -> impl ::statemachine_runtime::StateMachine<Output = u32> {
    #[allow(nonstandard_style, dead_code, clippy::all)]
    enum __State<A0> {
        Unresumed(A0),
        Returned,
        Panicked,
    }
    #[allow(unused_variables, unused_mut, unused_assignments, unused_parens)]
    #[allow(unused_unsafe, unreachable_code, unreachable_patterns)]
    #[allow(dangerous_implicit_autorefs, clippy::all, clippy::pedantic)]
    let __machine = ::statemachine_runtime::__private::machine(
        __State::Unresumed(n),
        move |__frame, __cx| -> ::statemachine_runtime::__private::Step<u32> {
            let mut __running;
            let __output: u32 = '__resume: loop {
                match unsafe { __frame.state() } {
                    __State::Unresumed(n) => {
                        let n = unsafe { __frame.take(n) };
                        __running = unsafe { __frame.start() };
                        let m = n * 3;
                        break '__resume m + 1;
                    }
                    __State::Returned => __frame.resumed_after_completion(),
                    __State::Panicked => __frame.resumed_after_panicking(),
                }
            };
            __running.complete(__output)
        },
    );
    impl<A0> ::statemachine_runtime::__private::MachineState for __State<A0> {
        const PANICKED: fn() -> Self = || Self::Panicked;
        const RETURNED: fn() -> Self = || Self::Returned;
        fn info(&self) -> ::statemachine_runtime::StateInfo {
            let __at = match self {
                Self::Unresumed(..) => ("Unresumed", "", 4),
                Self::Returned => ("Returned", "", 4),
                Self::Panicked => ("Panicked", "", 4),
            };
            ::statemachine_runtime::__private::info("ready", __at)
        }
    }
    __machine
}
fn main() {}
