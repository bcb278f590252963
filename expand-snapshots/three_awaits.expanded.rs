use statemachine_runtime::state_machine;
pub async fn fetch(id: u32) -> String {
    ::alloc::__export::must_use({ ::alloc::fmt::format(format_args!("user{0}", id)) })
}
pub async fn store(key: String, value: usize) -> bool {
    !key.is_empty() && value > 0
}
/// The readability target: a three-await function.
#[allow(refining_impl_trait)]
pub fn copy_user(id: u32) -> impl ::statemachine_runtime::StateMachine<Output = bool> {
    #[allow(unreachable_code, unused_variables, unused_mut, unused_braces, clippy::all)]
    if false {
        let _ = async move || -> bool {
            let mut __statemachine_owns_no_borrows_5 = ::statemachine_runtime::__private::OwnsNoBorrows::new();
            let id = id;
            {
                let name = fetch(id).await;
                let len = name.len();
                let backup = fetch(id + 1).await;
                __statemachine_owns_no_borrows_5.points_at(&raw const backup);
                store(name + &backup, len).await
            }
        };
        loop {}
    }
    #[allow(nonstandard_style, dead_code, clippy::all)]
    enum __State<A0, F0, T0, F1, T3, T2, F2, T5> {
        Unresumed(A0),
        /// `fetch(id).await`, line 14: the awaitee, `id`
        AwaitFetch1(F0, T0),
        /// `fetch(id + 1).await`, line 16: the awaitee, `len`, `name`
        AwaitFetch2(F1, T3, T2),
        /// `store(name + &backup, len).await`, line 17: the awaitee, `backup`
        AwaitStore(F2, ::statemachine_runtime::__private::Dead<T5>),
        Returned,
        Panicked,
    }
    #[allow(unused_variables, unused_mut, unused_assignments, unused_parens)]
    #[allow(unused_unsafe, unreachable_code, unreachable_patterns)]
    #[allow(dangerous_implicit_autorefs, clippy::all, clippy::pedantic)]
    let __machine = ::statemachine_runtime::__private::machine(
        __State::Unresumed(id),
        move |__frame, __cx| -> ::statemachine_runtime::__private::Step<bool> {
            let mut __running;
            let __output: bool = '__resume: loop {
                match unsafe { __frame.state() } {
                    __State::Unresumed(id) => {
                        let id = unsafe { __frame.take(id) };
                        __running = unsafe { __frame.start() };
                        let __awaitee = __frame.into_future(fetch(id));
                        __running.suspend(__State::AwaitFetch1(__awaitee, id));
                    }
                    __State::AwaitFetch1(__awaitee, id) => {
                        let __p1 = unsafe { __frame.poll(__awaitee, __cx) }?;
                        let id = unsafe { __frame.take(id) };
                        __running = unsafe { __frame.start() };
                        let name = unsafe { __running.resume(__awaitee, __p1) };
                        let len = name.len();
                        let __awaitee = __frame.into_future(fetch(id + 1));
                        __running.suspend(__State::AwaitFetch2(__awaitee, len, name));
                    }
                    __State::AwaitFetch2(__awaitee, len, name) => {
                        let __p4 = unsafe { __frame.poll(__awaitee, __cx) }?;
                        let name = unsafe { __frame.take(name) };
                        let len = unsafe { __frame.take(len) };
                        __running = unsafe { __frame.start() };
                        let backup = unsafe { __running.resume(__awaitee, __p4) };
                        let __awaitee = __frame.into_future(store(name + &backup, len));
                        __running
                            .suspend(
                                __State::AwaitStore(
                                    __awaitee,
                                    ::statemachine_runtime::__private::Dead::new(backup),
                                ),
                            );
                    }
                    __State::AwaitStore(__awaitee, __flag5) => {
                        let __p7 = unsafe { __frame.poll(__awaitee, __cx) }?;
                        let __flag5 = unsafe { __frame.take(__flag5) };
                        __running = unsafe { __frame.start() };
                        break '__resume unsafe { __running.resume(__awaitee, __p7) };
                    }
                    __State::Returned => __frame.resumed_after_completion(),
                    __State::Panicked => __frame.resumed_after_panicking(),
                }
            };
            __running.complete(__output)
        },
    );
    impl<A0, F0, T0, F1, T3, T2, F2, T5> ::statemachine_runtime::__private::MachineState
    for __State<A0, F0, T0, F1, T3, T2, F2, T5> {
        const PANICKED: fn() -> Self = || Self::Panicked;
        const RETURNED: fn() -> Self = || Self::Returned;
        fn info(&self) -> ::statemachine_runtime::StateInfo {
            let __at = match self {
                Self::Unresumed(..) => ("Unresumed", "", 13),
                Self::AwaitFetch1(..) => ("AwaitFetch1", "fetch(id)", 14),
                Self::AwaitFetch2(..) => ("AwaitFetch2", "fetch(id + 1)", 16),
                Self::AwaitStore(..) => ("AwaitStore", "store(name + &backup, len)", 17),
                Self::Returned => ("Returned", "", 13),
                Self::Panicked => ("Panicked", "", 13),
            };
            ::statemachine_runtime::__private::info("copy_user", __at)
        }
    }
    __machine
}
fn main() {}
