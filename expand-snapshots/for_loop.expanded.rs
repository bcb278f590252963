use statemachine_runtime::state_machine;
pub async fn weigh(s: &str) -> usize {
    s.len()
}
#[allow(refining_impl_trait)]
pub fn sum_lengths(
    words: Vec<&'static str>,
) -> impl ::statemachine_runtime::StateMachine<Output = usize> {
    #[allow(unreachable_code, unused_variables, unused_mut, unused_braces, clippy::all)]
    if false {
        let _ = async move || -> usize {
            let words = words;
            {
                let mut sum = 0;
                for w in words {
                    sum += weigh(w).await;
                }
                sum
            }
        };
        loop {}
    }
    /// Values kept in place while in scope (borrowed across an
    /// await, large and live across several, or an iterator).
    #[allow(nonstandard_style)]
    struct __Slots<T2> {
        iter2: ::statemachine_runtime::__private::Slot<T2, ()>,
        _pinned: ::core::marker::PhantomPinned,
    }
    #[allow(nonstandard_style, dead_code, clippy::all)]
    enum __State<A0, F0, T1> {
        Unresumed(A0),
        /// `weigh(w).await`, line 11: the awaitee, `sum`
        AwaitWeigh(F0, T1),
        Returned,
        Panicked,
    }
    #[allow(nonstandard_style, dead_code, clippy::all)]
    enum __Block<T1, T4, T6, T3> {
        Block2(T1),
        Block3(T1, T4),
        AfterWeigh(T1, T6),
        Block1(T1, T3),
    }
    #[allow(unused_variables, unused_mut, unused_assignments, unused_parens)]
    #[allow(unused_unsafe, unreachable_code, unreachable_patterns)]
    #[allow(dangerous_implicit_autorefs, clippy::all, clippy::pedantic)]
    let __machine = ::statemachine_runtime::__private::machine_with_slots(
        __State::Unresumed(words),
        __Slots {
            iter2: ::statemachine_runtime::__private::Slot::new(),
            _pinned: ::core::marker::PhantomPinned,
        },
        move |__frame, __cx| -> ::statemachine_runtime::__private::Step<usize> {
            let mut __running;
            let __output: usize = '__resume: loop {
                let mut __next;
                '__entry: {
                    match unsafe { __frame.state() } {
                        __State::Unresumed(words) => {
                            unsafe {
                                let __slot2 = __frame.slot(|s| &raw mut (*s).iter2);
                                let words = unsafe { __frame.take(words) };
                                __running = unsafe { __frame.start() };
                                let mut sum = 0;
                                {
                                    let mut __iter2 = ::core::iter::IntoIterator::into_iter(
                                        words,
                                    );
                                    let __guard2 = __slot2.init(__iter2);
                                    {
                                        ::core::mem::forget(__guard2);
                                        __next = __Block::Block2(sum);
                                        break '__entry;
                                    }
                                }
                            }
                        }
                        __State::AwaitWeigh(__awaitee, __p1) => {
                            let __p6 = unsafe { __frame.poll(__awaitee, __cx) }?;
                            let __p1 = unsafe { __frame.take(__p1) };
                            let __resumed2 = unsafe {
                                __frame.slot(|s| &raw mut (*s).iter2).guard()
                            };
                            __running = unsafe { __frame.start() };
                            let __p6 = {
                                let __p6 = unsafe { __running.resume(__awaitee, __p6) };
                                ::core::mem::forget(__resumed2);
                                __p6
                            };
                            __next = __Block::AfterWeigh(__p1, __p6);
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
                                    let __slot2 = __frame.slot(|s| &raw mut (*s).iter2);
                                    let __place2 = __slot2.place();
                                    let mut sum = __p1;
                                    let __guard2 = __slot2.guard();
                                    match ::core::iter::Iterator::next(&mut (*__place2)) {
                                        ::core::option::Option::Some(__item4) => {
                                            let __p4 = __item4;
                                            ::core::mem::forget(__guard2);
                                            break '__goto __Block::Block3(sum, __p4);
                                        }
                                        ::core::option::Option::None => {
                                            let __p3 = ();
                                            ::core::mem::forget(__guard2);
                                            break '__goto __Block::Block1(sum, __p3);
                                        }
                                    }
                                }
                            };
                            match __next {
                                __Block::Block3(__p1, __p4) => {
                                    unsafe {
                                        let __slot2 = __frame.slot(|s| &raw mut (*s).iter2);
                                        let mut sum = __p1;
                                        let __guard2 = __slot2.guard();
                                        {
                                            let mut __item4 = __p4;
                                            let w = __item4;
                                            let __awaitee = __frame.into_future(weigh(w));
                                            ::core::mem::forget(__guard2);
                                            __running.suspend(__State::AwaitWeigh(__awaitee, sum));
                                            let __State::AwaitWeigh(__awaitee, __p1) = (unsafe {
                                                __frame.state()
                                            }) else {
                                                ::core::panicking::panic(
                                                    "internal error: entered unreachable code",
                                                )
                                            };
                                            let __p6 = unsafe { __frame.poll(__awaitee, __cx) }?;
                                            let __p1 = unsafe { __frame.take(__p1) };
                                            let __resumed2 = unsafe {
                                                __frame.slot(|s| &raw mut (*s).iter2).guard()
                                            };
                                            __running = unsafe { __frame.start() };
                                            let __p6 = unsafe { __running.resume(__awaitee, __p6) };
                                            ::core::mem::forget(__resumed2);
                                            __next = __Block::AfterWeigh(__p1, __p6);
                                            continue '__dispatch;
                                        }
                                    }
                                }
                                __Block::Block1(__p1, __p3) => {
                                    unsafe {
                                        let __slot2 = __frame.slot(|s| &raw mut (*s).iter2);
                                        let mut sum = __p1;
                                        {
                                            {
                                                let __guard2 = __slot2.guard();
                                                let mut __value3 = __p3;
                                                __value3
                                            };
                                            ();
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
                        __Block::AfterWeigh(__p1, __p6) => {
                            unsafe {
                                let __slot2 = __frame.slot(|s| &raw mut (*s).iter2);
                                let mut sum = __p1;
                                let __guard2 = __slot2.guard();
                                {
                                    let mut __awaited6 = __p6;
                                    sum += __awaited6;
                                }
                                {
                                    ::core::mem::forget(__guard2);
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
    impl<A0, F0, T1, T2> ::statemachine_runtime::__private::MachineState<__Slots<T2>>
    for __State<A0, F0, T1> {
        const PANICKED: fn() -> Self = || Self::Panicked;
        const RETURNED: fn() -> Self = || Self::Returned;
        fn info(&self) -> ::statemachine_runtime::StateInfo {
            let __at = match self {
                Self::Unresumed(..) => ("Unresumed", "", 8),
                Self::AwaitWeigh(..) => ("AwaitWeigh", "weigh(w)", 11),
                Self::Returned => ("Returned", "", 8),
                Self::Panicked => ("Panicked", "", 8),
            };
            ::statemachine_runtime::__private::info("sum_lengths", __at)
        }
        unsafe fn drop_suspended(this: *mut Self, slots: *mut __Slots<T2>) {
            unsafe {
                if let __State::AwaitWeigh(__awaitee, __p1) = &mut *this {
                    let __drop2 = ::statemachine_runtime::__private::DropInPlace::new(
                        __p1,
                    );
                    let __drop1 = ::statemachine_runtime::__private::SlotPtr::of_slot(
                            &raw mut (*slots).iter2,
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
