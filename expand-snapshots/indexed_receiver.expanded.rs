use statemachine_runtime::{state_machine, yield_now};
#[allow(refining_impl_trait)]
pub fn push_to_row(
    rows: Vec<Vec<u32>>,
    i: usize,
) -> impl ::statemachine_runtime::StateMachine<Output = usize> {
    #[allow(unreachable_code, unused_variables, unused_mut, unused_braces, clippy::all)]
    if false {
        let _ = async move || -> usize {
            let mut rows = rows;
            let i = i;
            {
                {
                    let __held = &mut rows[i];
                    (*__held).push(next(7).await)
                };
                rows[i].len()
            }
        };
        loop {}
    }
    /// Values kept in place while in scope (borrowed across an
    /// await, large and live across several, or an iterator).
    #[allow(nonstandard_style)]
    struct __Slots<T0> {
        rows: ::statemachine_runtime::__private::Slot<T0, ()>,
        _pinned: ::core::marker::PhantomPinned,
    }
    #[allow(nonstandard_style, dead_code, clippy::all)]
    enum __State<A0, A1, F0, T2, T1> {
        Unresumed(A0, A1),
        /// `next(7).await`, line 5: the awaitee, `t2`, `i`
        AwaitNext(F0, T2, T1),
        Returned,
        Panicked,
    }
    #[allow(unused_variables, unused_mut, unused_assignments, unused_parens)]
    #[allow(unused_unsafe, unreachable_code, unreachable_patterns)]
    #[allow(dangerous_implicit_autorefs, clippy::all, clippy::pedantic)]
    let __machine = ::statemachine_runtime::__private::machine_with_slots(
        __State::Unresumed(rows, i),
        __Slots {
            rows: ::statemachine_runtime::__private::Slot::new(),
            _pinned: ::core::marker::PhantomPinned,
        },
        move |__frame, __cx| -> ::statemachine_runtime::__private::Step<usize> {
            let mut __running;
            let __output: usize = '__resume: loop {
                match unsafe { __frame.state() } {
                    __State::Unresumed(rows, i) => {
                        unsafe {
                            let __slot0 = __frame.slot(|s| &raw mut (*s).rows);
                            let __place0 = __slot0.place();
                            let mut rows = unsafe { __frame.take(rows) };
                            let __guard0 = __slot0.init(rows);
                            let i = unsafe { __frame.take(i) };
                            __running = unsafe { __frame.start() };
                            {
                                let mut __t2 = &mut (*__place0)[i];
                                let __awaitee = __frame.into_future(next(7));
                                ::core::mem::forget(__guard0);
                                __running.suspend(__State::AwaitNext(__awaitee, __t2, i));
                                continue '__resume;
                            }
                        }
                    }
                    __State::AwaitNext(__awaitee, __p2, __p1) => {
                        let __p3 = unsafe { __frame.poll(__awaitee, __cx) }?;
                        let __resumed0 = unsafe {
                            __frame.slot(|s| &raw mut (*s).rows).guard()
                        };
                        let __p1 = unsafe { __frame.take(__p1) };
                        let __p2 = unsafe { __frame.take(__p2) };
                        __running = unsafe { __frame.start() };
                        let __p3 = {
                            let __p3 = unsafe { __running.resume(__awaitee, __p3) };
                            ::core::mem::forget(__resumed0);
                            __p3
                        };
                        unsafe {
                            let __slot0 = __frame.slot(|s| &raw mut (*s).rows);
                            let __place0 = __slot0.place();
                            let __guard0 = __slot0.guard();
                            let i = __p1;
                            {
                                let mut __t2 = __p2;
                                let mut __awaited3 = __p3;
                                (*__t2).push(__awaited3);
                            }
                            break '__resume (*__place0)[i].len();
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
        A1,
        F0,
        T2,
        T1,
        T0,
    > ::statemachine_runtime::__private::MachineState<__Slots<T0>>
    for __State<A0, A1, F0, T2, T1> {
        const PANICKED: fn() -> Self = || Self::Panicked;
        const RETURNED: fn() -> Self = || Self::Returned;
        fn info(&self) -> ::statemachine_runtime::StateInfo {
            let __at = match self {
                Self::Unresumed(..) => ("Unresumed", "", 4),
                Self::AwaitNext(..) => ("AwaitNext", "next(7)", 5),
                Self::Returned => ("Returned", "", 4),
                Self::Panicked => ("Panicked", "", 4),
            };
            ::statemachine_runtime::__private::info("push_to_row", __at)
        }
        unsafe fn drop_suspended(this: *mut Self, slots: *mut __Slots<T0>) {
            unsafe {
                if let __State::AwaitNext(__awaitee, __p2, __p1) = &mut *this {
                    let __drop3 = ::statemachine_runtime::__private::SlotPtr::of_slot(
                            &raw mut (*slots).rows,
                        )
                        .guard();
                    let __drop2 = ::statemachine_runtime::__private::DropInPlace::new(
                        __p1,
                    );
                    let __drop1 = ::statemachine_runtime::__private::DropInPlace::new(
                        __p2,
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
async fn next(n: u32) -> u32 {
    yield_now().await;
    n
}
fn main() {}
