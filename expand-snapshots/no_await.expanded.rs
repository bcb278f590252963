use statemachine_runtime::state_machine;
#[allow(refining_impl_trait)]
pub fn ready(
    n: u32,
) -> impl ::core::future::Future<Output = u32> + ::statemachine_runtime::StateMachine {
    #[allow(nonstandard_style, dead_code)]
    #[allow(clippy::large_enum_variant, clippy::type_complexity)]
    enum __State<A0> {
        /// Not polled yet: holds the arguments.
        Unresumed(A0),
        /// Completed: polling again panics.
        Returned,
        /// A panic unwound through the body: polling again panics.
        Panicked,
    }
    #[allow(unused_variables, unused_mut, unused_assignments, unused_braces)]
    #[allow(unused_parens, unused_unsafe, unreachable_code, unreachable_patterns)]
    #[allow(dangerous_implicit_autorefs, clippy::all, clippy::pedantic)]
    let __machine = ::statemachine_runtime::__private::machine(
        __State::Unresumed(n),
        (),
        move |__frame, __cx| -> ::statemachine_runtime::__private::Step<u32> {
            let mut __running;
            let __output: u32 = '__resume: loop {
                match unsafe { __frame.state() } {
                    __State::Unresumed(n) => {
                        __running = unsafe { __frame.start() };
                        let n = unsafe { ::core::ptr::read(n) };
                        let m = n * 3;
                        break '__resume m + 1;
                    }
                    __State::Returned => __frame.resumed_after_completion(),
                    __State::Panicked => __frame.resumed_after_panicking(),
                }
            };
            __running.finish(__output)
        },
    );
    impl<A0> ::statemachine_runtime::__private::MachineState for __State<A0> {
        const PANICKED: Self = Self::Panicked;
        const RETURNED: Self = Self::Returned;
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
