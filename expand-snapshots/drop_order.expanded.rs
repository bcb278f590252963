use statemachine_runtime::{state_machine, yield_now};
#[allow(refining_impl_trait)]
pub fn scoped(
    name: String,
) -> impl ::statemachine_runtime::StateMachine<Output = usize> {
    #[allow(unreachable_code, unused_variables, unused_mut, unused_braces, clippy::all)]
    if false {
        let _ = async move || -> usize {
            let name = name;
            {
                let greeting = ::alloc::__export::must_use({
                    ::alloc::fmt::format(format_args!("hello {0}", name))
                });
                {
                    let temp = greeting.clone();
                    yield_now().await;
                    drop(temp);
                }
                yield_now().await;
                greeting.len()
            }
        };
        loop {}
    }
    /// Values kept in place while in scope (borrowed across an
    /// await, large and live across several, or an iterator).
    #[allow(nonstandard_style)]
    struct __Slots<T1> {
        greeting: ::statemachine_runtime::__private::Slot<T1, ()>,
        _pinned: ::core::marker::PhantomPinned,
    }
    #[allow(nonstandard_style, dead_code, clippy::all)]
    enum __State<A0, F0, T3, T0, F1> {
        Unresumed(A0),
        /// `yield_now().await`, line 8: the awaitee, `temp`, `name`
        AwaitYieldNow1(F0, T3, ::statemachine_runtime::__private::Dead<T0>),
        /// `yield_now().await`, line 11: the awaitee, `name`
        AwaitYieldNow2(F1, ::statemachine_runtime::__private::Dead<T0>),
        Returned,
        Panicked,
    }
    #[allow(unused_variables, unused_mut, unused_assignments, unused_parens)]
    #[allow(unused_unsafe, unreachable_code, unreachable_patterns)]
    #[allow(dangerous_implicit_autorefs, clippy::all, clippy::pedantic)]
    let __machine = ::statemachine_runtime::__private::machine_with_slots(
        __State::Unresumed(name),
        __Slots {
            greeting: ::statemachine_runtime::__private::Slot::new(),
            _pinned: ::core::marker::PhantomPinned,
        },
        move |__frame, __cx| -> ::statemachine_runtime::__private::Step<usize> {
            let mut __running;
            let __output: usize = '__resume: loop {
                match unsafe { __frame.state() } {
                    __State::Unresumed(name) => {
                        unsafe {
                            let __slot1 = __frame.slot(|s| &raw mut (*s).greeting);
                            let __place1 = __slot1.place();
                            let name = unsafe { __frame.take(name) };
                            __running = unsafe { __frame.start() };
                            let greeting = ::alloc::__export::must_use({
                                ::alloc::fmt::format(format_args!("hello {0}", name))
                            });
                            let __guard1 = __slot1.init(greeting);
                            {
                                let temp = (*__place1).clone();
                                let __awaitee = __frame.into_future(yield_now());
                                ::core::mem::forget(__guard1);
                                __running
                                    .suspend(
                                        __State::AwaitYieldNow1(
                                            __awaitee,
                                            temp,
                                            ::statemachine_runtime::__private::Dead::new(name),
                                        ),
                                    );
                                continue '__resume;
                            }
                        }
                    }
                    __State::AwaitYieldNow1(__awaitee, __p3, __p0) => {
                        let __p4 = unsafe { __frame.poll(__awaitee, __cx) }?;
                        let __p0 = unsafe { __frame.take(__p0) };
                        let __resumed1 = unsafe {
                            __frame.slot(|s| &raw mut (*s).greeting).guard()
                        };
                        let __p3 = unsafe { __frame.take(__p3) };
                        __running = unsafe { __frame.start() };
                        let __p4 = {
                            let __p4 = unsafe { __running.resume(__awaitee, __p4) };
                            ::core::mem::forget(__resumed1);
                            __p4
                        };
                        unsafe {
                            let __slot1 = __frame.slot(|s| &raw mut (*s).greeting);
                            let __flag0 = __p0;
                            let __guard1 = __slot1.guard();
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
                            let __awaitee = __frame.into_future(yield_now());
                            ::core::mem::forget(__guard1);
                            __running
                                .suspend(__State::AwaitYieldNow2(__awaitee, __flag0));
                            continue '__resume;
                        }
                    }
                    __State::AwaitYieldNow2(__awaitee, __p0) => {
                        let __p5 = unsafe { __frame.poll(__awaitee, __cx) }?;
                        let __p0 = unsafe { __frame.take(__p0) };
                        let __resumed1 = unsafe {
                            __frame.slot(|s| &raw mut (*s).greeting).guard()
                        };
                        __running = unsafe { __frame.start() };
                        let __p5 = {
                            let __p5 = unsafe { __running.resume(__awaitee, __p5) };
                            ::core::mem::forget(__resumed1);
                            __p5
                        };
                        unsafe {
                            let __slot1 = __frame.slot(|s| &raw mut (*s).greeting);
                            let __place1 = __slot1.place();
                            let __flag0 = __p0;
                            let __guard1 = __slot1.guard();
                            {
                                let mut __awaited5 = __p5;
                                __awaited5;
                            }
                            break '__resume (*__place1).len();
                        }
                    }
                    __State::Returned => __frame.resumed_after_completion(),
                    __State::Panicked => __frame.resumed_after_panicking(),
                }
            };
            __running.complete(__output)
        },
    );
    impl<
        A0,
        F0,
        T3,
        T0,
        F1,
        T1,
    > ::statemachine_runtime::__private::MachineState<__Slots<T1>>
    for __State<A0, F0, T3, T0, F1> {
        const PANICKED: fn() -> Self = || Self::Panicked;
        const RETURNED: fn() -> Self = || Self::Returned;
        fn info(&self) -> ::statemachine_runtime::StateInfo {
            let __at = match self {
                Self::Unresumed(..) => ("Unresumed", "", 4),
                Self::AwaitYieldNow1(..) => ("AwaitYieldNow1", "yield_now()", 8),
                Self::AwaitYieldNow2(..) => ("AwaitYieldNow2", "yield_now()", 11),
                Self::Returned => ("Returned", "", 4),
                Self::Panicked => ("Panicked", "", 4),
            };
            ::statemachine_runtime::__private::info("scoped", __at)
        }
        unsafe fn drop_suspended(this: *mut Self, slots: *mut __Slots<T1>) {
            unsafe {
                if let __State::AwaitYieldNow1(__awaitee, __p3, __p0) = &mut *this {
                    let __drop3 = ::statemachine_runtime::__private::DropInPlace::new(
                        __p0,
                    );
                    let __drop2 = ::statemachine_runtime::__private::SlotPtr::of_slot(
                            &raw mut (*slots).greeting,
                        )
                        .guard();
                    let __drop1 = ::statemachine_runtime::__private::DropInPlace::new(
                        __p3,
                    );
                    let __drop0 = ::statemachine_runtime::__private::DropInPlace::new(
                        __awaitee,
                    );
                    return;
                }
                if let __State::AwaitYieldNow2(__awaitee, __p0) = &mut *this {
                    let __drop2 = ::statemachine_runtime::__private::DropInPlace::new(
                        __p0,
                    );
                    let __drop1 = ::statemachine_runtime::__private::SlotPtr::of_slot(
                            &raw mut (*slots).greeting,
                        )
                        .guard();
                    let __drop0 = ::statemachine_runtime::__private::DropInPlace::new(
                        __awaitee,
                    );
                    return;
                }
                ::core::ptr::drop_in_place(this);
            }
        }
    }
    __machine
}
fn main() {}
