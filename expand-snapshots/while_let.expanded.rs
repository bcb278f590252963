use statemachine_runtime::{state_machine, yield_now};
#[allow(refining_impl_trait)]
pub fn drain(
    stack: Vec<u32>,
) -> impl ::statemachine_runtime::StateMachine<Output = u32> {
    #[allow(unreachable_code, unused_variables, unused_mut, unused_braces, clippy::all)]
    if false {
        let _ = async move || -> u32 {
            let mut stack = stack;
            {
                let mut sum = 0;
                while let Some(top) = stack.pop() {
                    yield_now().await;
                    sum += top;
                }
                sum
            }
        };
        loop {}
    }
    /// Values kept in place while in scope (borrowed across an
    /// await, large and live across several, or an iterator).
    #[allow(nonstandard_style)]
    struct __Slots<T0> {
        stack: ::statemachine_runtime::__private::Slot<T0, ()>,
        _pinned: ::core::marker::PhantomPinned,
    }
    #[allow(nonstandard_style, dead_code, clippy::all)]
    enum __State<A0, F0, T4, T1> {
        Unresumed(A0),
        /// `yield_now().await`, line 7: the awaitee, `top`, `sum`
        AwaitYieldNow(F0, T4, T1),
        Returned,
        Panicked,
    }
    #[allow(nonstandard_style, dead_code, clippy::all)]
    enum __Block<T1, T4, T5, T2> {
        Block2(T1),
        Block3(T1, T4),
        AfterYieldNow(T1, T4, T5),
        Block1(T1, T2),
    }
    #[allow(unused_variables, unused_mut, unused_assignments, unused_parens)]
    #[allow(unused_unsafe, unreachable_code, unreachable_patterns)]
    #[allow(dangerous_implicit_autorefs, clippy::all, clippy::pedantic)]
    let __machine = ::statemachine_runtime::__private::machine_with_slots(
        __State::Unresumed(stack),
        __Slots {
            stack: ::statemachine_runtime::__private::Slot::new(),
            _pinned: ::core::marker::PhantomPinned,
        },
        move |__frame, __cx| -> ::statemachine_runtime::__private::Step<u32> {
            let mut __running;
            let __output: u32 = '__resume: loop {
                let mut __next;
                '__entry: {
                    match unsafe { __frame.state() } {
                        __State::Unresumed(stack) => {
                            unsafe {
                                let __slot0 = __frame.slot(|s| &raw mut (*s).stack);
                                let mut stack = unsafe { __frame.take(stack) };
                                let __guard0 = __slot0.init(stack);
                                __running = unsafe { __frame.start() };
                                let mut sum = 0;
                                {
                                    ::core::mem::forget(__guard0);
                                    __next = __Block::Block2(sum);
                                    break '__entry;
                                }
                            }
                        }
                        __State::AwaitYieldNow(__awaitee, __p4, __p1) => {
                            let __p5 = unsafe { __frame.poll(__awaitee, __cx) }?;
                            let __resumed0 = unsafe {
                                __frame.slot(|s| &raw mut (*s).stack).guard()
                            };
                            let __p1 = unsafe { __frame.take(__p1) };
                            let __p4 = unsafe { __frame.take(__p4) };
                            __running = unsafe { __frame.start() };
                            let __p5 = {
                                let __p5 = unsafe { __running.resume(__awaitee, __p5) };
                                ::core::mem::forget(__resumed0);
                                __p5
                            };
                            __next = __Block::AfterYieldNow(__p1, __p4, __p5);
                            break '__entry;
                        }
                        __State::Returned => __frame.resumed_after_completion(),
                        __State::Panicked => __frame.resumed_after_panicking(),
                    }
                }
                '__dispatch: loop {
                    match __next {
                        __Block::Block2(__p1) => {
                            __next = '__goto: {
                                unsafe {
                                    let __slot0 = __frame.slot(|s| &raw mut (*s).stack);
                                    let __place0 = __slot0.place();
                                    let __guard0 = __slot0.guard();
                                    let mut sum = __p1;
                                    {
                                        let mut __t3 = (*__place0).pop();
                                        match __t3 {
                                            Some(__bind4) => {
                                                let __p4 = __bind4;
                                                ::core::mem::forget(__guard0);
                                                break '__goto __Block::Block3(sum, __p4);
                                            }
                                            _ => {
                                                let __p2 = ();
                                                ::core::mem::forget(__guard0);
                                                break '__goto __Block::Block1(sum, __p2);
                                            }
                                        }
                                    }
                                }
                            };
                            match __next {
                                __Block::Block3(__p1, __p4) => {
                                    unsafe {
                                        let __slot0 = __frame.slot(|s| &raw mut (*s).stack);
                                        let __guard0 = __slot0.guard();
                                        let mut sum = __p1;
                                        {
                                            let top = __p4;
                                            let __awaitee = __frame.into_future(yield_now());
                                            ::core::mem::forget(__guard0);
                                            __running
                                                .suspend(__State::AwaitYieldNow(__awaitee, top, sum));
                                            let __State::AwaitYieldNow(__awaitee, __p4, __p1) = (unsafe {
                                                __frame.state()
                                            }) else {
                                                ::core::panicking::panic(
                                                    "internal error: entered unreachable code",
                                                )
                                            };
                                            let __p5 = unsafe { __frame.poll(__awaitee, __cx) }?;
                                            let __resumed0 = unsafe {
                                                __frame.slot(|s| &raw mut (*s).stack).guard()
                                            };
                                            let __p1 = unsafe { __frame.take(__p1) };
                                            let __p4 = unsafe { __frame.take(__p4) };
                                            __running = unsafe { __frame.start() };
                                            let __p5 = unsafe { __running.resume(__awaitee, __p5) };
                                            ::core::mem::forget(__resumed0);
                                            __next = __Block::AfterYieldNow(__p1, __p4, __p5);
                                            continue '__dispatch;
                                        }
                                    }
                                }
                                __Block::Block1(__p1, __p2) => {
                                    unsafe {
                                        let __slot0 = __frame.slot(|s| &raw mut (*s).stack);
                                        let __guard0 = __slot0.guard();
                                        let mut sum = __p1;
                                        {
                                            let mut __value2 = __p2;
                                            __value2;
                                        }
                                        break '__resume sum;
                                    }
                                }
                                _ => {
                                    ::core::panicking::panic(
                                        "internal error: entered unreachable code",
                                    )
                                }
                            }
                        }
                        __Block::AfterYieldNow(__p1, __p4, __p5) => {
                            unsafe {
                                let __slot0 = __frame.slot(|s| &raw mut (*s).stack);
                                let __guard0 = __slot0.guard();
                                let mut sum = __p1;
                                {
                                    let top = __p4;
                                    {
                                        {
                                            let mut __awaited5 = __p5;
                                            __awaited5;
                                        }
                                        sum += top;
                                    }
                                }
                                {
                                    ::core::mem::forget(__guard0);
                                    __next = __Block::Block2(sum);
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
            };
            __running.complete(__output)
        },
    );
    impl<A0, F0, T4, T1, T0> ::statemachine_runtime::__private::MachineState<__Slots<T0>>
    for __State<A0, F0, T4, T1> {
        const PANICKED: fn() -> Self = || Self::Panicked;
        const RETURNED: fn() -> Self = || Self::Returned;
        fn info(&self) -> ::statemachine_runtime::StateInfo {
            let __at = match self {
                Self::Unresumed(..) => ("Unresumed", "", 4),
                Self::AwaitYieldNow(..) => ("AwaitYieldNow", "yield_now()", 7),
                Self::Returned => ("Returned", "", 4),
                Self::Panicked => ("Panicked", "", 4),
            };
            ::statemachine_runtime::__private::info("drain", __at)
        }
        unsafe fn drop_suspended(this: *mut Self, slots: *mut __Slots<T0>) {
            unsafe {
                if let __State::AwaitYieldNow(__awaitee, __p4, __p1) = &mut *this {
                    let __drop3 = ::statemachine_runtime::__private::SlotPtr::of_slot(
                            &raw mut (*slots).stack,
                        )
                        .guard();
                    let __drop2 = ::statemachine_runtime::__private::DropInPlace::new(
                        __p1,
                    );
                    let __drop1 = ::statemachine_runtime::__private::DropInPlace::new(
                        __p4,
                    );
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
