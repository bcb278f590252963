use statemachine_runtime::{state_machine, yield_now};
#[allow(refining_impl_trait)]
pub fn first_after_yield(
    v: Vec<u32>,
) -> impl ::statemachine_runtime::StateMachine<Output = u32> {
    #[allow(unreachable_code, unused_variables, unused_mut, unused_braces, clippy::all)]
    if false {
        let _ = async move || -> u32 {
            let v = v;
            {
                let items = v;
                let first = &items[0];
                yield_now().await;
                *first + items.len() as u32
            }
        };
        loop {}
    }
    /// Values kept in place while in scope (borrowed across an
    /// await, large and live across several, or an iterator).
    #[allow(nonstandard_style)]
    struct __Slots<T1> {
        items: ::statemachine_runtime::__private::Slot<T1, ()>,
        _pinned: ::core::marker::PhantomPinned,
    }
    #[allow(nonstandard_style, dead_code, clippy::all)]
    enum __State<A0, F0, T2> {
        Unresumed(A0),
        /// `yield_now().await`, line 7: the awaitee, `first`
        AwaitYieldNow(F0, T2),
        Returned,
        Panicked,
    }
    #[allow(unused_variables, unused_mut, unused_assignments, unused_parens)]
    #[allow(unused_unsafe, unreachable_code, unreachable_patterns)]
    #[allow(dangerous_implicit_autorefs, clippy::all, clippy::pedantic)]
    let __machine = ::statemachine_runtime::__private::machine_with_slots(
        __State::Unresumed(v),
        __Slots {
            items: ::statemachine_runtime::__private::Slot::new(),
            _pinned: ::core::marker::PhantomPinned,
        },
        move |__frame, __cx| -> ::statemachine_runtime::__private::Step<u32> {
            let mut __running;
            let __output: u32 = '__resume: loop {
                match unsafe { __frame.state() } {
                    __State::Unresumed(v) => {
                        unsafe {
                            let __slot1 = __frame.slot(|s| &raw mut (*s).items);
                            let __place1 = __slot1.place();
                            let v = unsafe { __frame.take(v) };
                            __running = unsafe { __frame.start() };
                            let items = v;
                            let __guard1 = __slot1.init(items);
                            let first = &(*__place1)[0];
                            let __awaitee = __frame.into_future(yield_now());
                            ::core::mem::forget(__guard1);
                            __running.suspend(__State::AwaitYieldNow(__awaitee, first));
                            continue '__resume;
                        }
                    }
                    __State::AwaitYieldNow(__awaitee, __p2) => {
                        let __p3 = unsafe { __frame.poll(__awaitee, __cx) }?;
                        let __resumed1 = unsafe {
                            __frame.slot(|s| &raw mut (*s).items).guard()
                        };
                        let __p2 = unsafe { __frame.take(__p2) };
                        __running = unsafe { __frame.start() };
                        let __p3 = {
                            let __p3 = unsafe { __running.resume(__awaitee, __p3) };
                            ::core::mem::forget(__resumed1);
                            __p3
                        };
                        unsafe {
                            let __slot1 = __frame.slot(|s| &raw mut (*s).items);
                            let __place1 = __slot1.place();
                            let __guard1 = __slot1.guard();
                            let first = __p2;
                            {
                                let mut __awaited3 = __p3;
                                __awaited3;
                            }
                            break '__resume (*first + (*__place1).len() as u32);
                        }
                    }
                    __State::Returned => __frame.resumed_after_completion(),
                    __State::Panicked => __frame.resumed_after_panicking(),
                }
            };
            __running.complete(__output)
        },
    );
    impl<A0, F0, T2, T1> ::statemachine_runtime::__private::MachineState<__Slots<T1>>
    for __State<A0, F0, T2> {
        const PANICKED: fn() -> Self = || Self::Panicked;
        const RETURNED: fn() -> Self = || Self::Returned;
        fn info(&self) -> ::statemachine_runtime::StateInfo {
            let __at = match self {
                Self::Unresumed(..) => ("Unresumed", "", 4),
                Self::AwaitYieldNow(..) => ("AwaitYieldNow", "yield_now()", 7),
                Self::Returned => ("Returned", "", 4),
                Self::Panicked => ("Panicked", "", 4),
            };
            ::statemachine_runtime::__private::info("first_after_yield", __at)
        }
        unsafe fn drop_suspended(this: *mut Self, slots: *mut __Slots<T1>) {
            unsafe {
                if let __State::AwaitYieldNow(__awaitee, __p2) = &mut *this {
                    let __drop2 = ::statemachine_runtime::__private::SlotPtr::of_slot(
                            &raw mut (*slots).items,
                        )
                        .guard();
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
fn main() {}
