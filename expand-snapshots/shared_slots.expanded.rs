use statemachine_runtime::{state_machine, yield_now};
#[allow(refining_impl_trait)]
pub fn total_length(
    a: &str,
    b: &str,
) -> impl ::statemachine_runtime::StateMachine<Output = usize> {
    #[allow(unreachable_code, unused_variables, unused_mut, unused_braces, clippy::all)]
    if false {
        let _ = async move || -> usize {
            let a = a;
            let b = b;
            {
                let mut total = 0;
                for word in a.to_uppercase().split(' ') {
                    yield_now().await;
                    total += word.len();
                }
                for c in ::alloc::__export::must_use({
                        ::alloc::fmt::format(format_args!("{0}!", b))
                    })
                    .chars()
                {
                    yield_now().await;
                    total += c.len_utf8();
                }
                total
            }
        };
        loop {}
    }
    /// Values kept in place while in scope (borrowed across an
    /// await, large and live across several, or an iterator).
    /// Values of scopes that never overlap share a storage.
    #[allow(nonstandard_style)]
    struct __Slots<T0, T3, T4, T9, T10> {
        a: ::statemachine_runtime::__private::Slot<T0, ()>,
        t3: ::statemachine_runtime::__private::SharedSlot<T3, ()>,
        iter4: ::statemachine_runtime::__private::SharedSlot<T4, ()>,
        t9: ::statemachine_runtime::__private::SharedSlot<T9, ()>,
        iter10: ::statemachine_runtime::__private::SharedSlot<T10, ()>,
        __shared0: ::statemachine_runtime::__private::Shared<T3, T9>,
        __shared1: ::statemachine_runtime::__private::Shared<T4, T10>,
        _pinned: ::core::marker::PhantomPinned,
    }
    #[allow(nonstandard_style, dead_code, clippy::all)]
    enum __State<A0, A1, F0, T7, T2, T1, F1, T13> {
        Unresumed(A0, A1),
        /// `yield_now().await`, line 10: the awaitee, `word`, `total`, `b`
        AwaitYieldNow1(F0, T7, T2, T1),
        /// `yield_now().await`, line 14: the awaitee, `c`, `total`
        AwaitYieldNow2(F1, T13, T2),
        Returned,
        Panicked,
    }
    #[allow(nonstandard_style, dead_code, clippy::all)]
    enum __Block<T1, T2, T6, T7, T8, T5, T12, T13, T14, T11> {
        Block2(T1, T2),
        Block3(T1, T2, T6),
        AfterYieldNow1(T1, T2, T7, T8),
        Block1(T1, T2, T5),
        Block6(T2),
        Block7(T2, T12),
        AfterYieldNow2(T2, T13, T14),
        Block5(T2, T11),
    }
    #[allow(unused_variables, unused_mut, unused_assignments, unused_parens)]
    #[allow(unused_unsafe, unreachable_code, unreachable_patterns)]
    #[allow(dangerous_implicit_autorefs, clippy::all, clippy::pedantic)]
    let __machine = ::statemachine_runtime::__private::machine_with_slots(
        __State::Unresumed(a, b),
        __Slots {
            a: ::statemachine_runtime::__private::Slot::new(),
            t3: ::statemachine_runtime::__private::SharedSlot::new(),
            iter4: ::statemachine_runtime::__private::SharedSlot::new(),
            t9: ::statemachine_runtime::__private::SharedSlot::new(),
            iter10: ::statemachine_runtime::__private::SharedSlot::new(),
            __shared0: ::statemachine_runtime::__private::Shared::new(),
            __shared1: ::statemachine_runtime::__private::Shared::new(),
            _pinned: ::core::marker::PhantomPinned,
        },
        move |__frame, __cx| -> ::statemachine_runtime::__private::Step<usize> {
            let mut __running;
            let __output: usize = '__resume: loop {
                let mut __next;
                '__entry: {
                    match unsafe { __frame.state() } {
                        __State::Unresumed(a, b) => {
                            unsafe {
                                let __slot0 = __frame.slot(|s| &raw mut (*s).a);
                                let __place0 = __slot0.place();
                                let __slot3 = __frame
                                    .shared_slot(|s| (
                                        &raw mut (*s).t3,
                                        &raw mut (*s).__shared0,
                                    ));
                                let __place3 = __slot3.place();
                                let __slot4 = __frame
                                    .shared_slot(|s| (
                                        &raw mut (*s).iter4,
                                        &raw mut (*s).__shared1,
                                    ));
                                let a = unsafe { __frame.take(a) };
                                let __guard0 = __slot0.init(a);
                                let b = unsafe { __frame.take(b) };
                                __running = unsafe { __frame.start() };
                                let mut total = 0;
                                {
                                    let mut __t3 = (*__place0).to_uppercase();
                                    let __guard3 = __slot3.init(__t3);
                                    let mut __iter4 = ::core::iter::IntoIterator::into_iter(
                                        (*__place3).split(' '),
                                    );
                                    let __guard4 = __slot4.init(__iter4);
                                    {
                                        ::core::mem::forget(__guard0);
                                        ::core::mem::forget(__guard3);
                                        ::core::mem::forget(__guard4);
                                        __next = __Block::Block2(b, total);
                                        break '__entry;
                                    }
                                }
                            }
                        }
                        __State::AwaitYieldNow1(__awaitee, __p7, __p2, __p1) => {
                            let __p8 = unsafe { __frame.poll(__awaitee, __cx) }?;
                            let __resumed0 = unsafe {
                                __frame.slot(|s| &raw mut (*s).a).guard()
                            };
                            let __p1 = unsafe { __frame.take(__p1) };
                            let __p2 = unsafe { __frame.take(__p2) };
                            let __resumed3 = unsafe {
                                __frame
                                    .shared_slot(|s| (
                                        &raw mut (*s).t3,
                                        &raw mut (*s).__shared0,
                                    ))
                                    .guard()
                            };
                            let __resumed4 = unsafe {
                                __frame
                                    .shared_slot(|s| (
                                        &raw mut (*s).iter4,
                                        &raw mut (*s).__shared1,
                                    ))
                                    .guard()
                            };
                            let __p7 = unsafe { __frame.take(__p7) };
                            __running = unsafe { __frame.start() };
                            let __p8 = {
                                let __p8 = unsafe { __running.resume(__awaitee, __p8) };
                                ::core::mem::forget(__resumed0);
                                ::core::mem::forget(__resumed3);
                                ::core::mem::forget(__resumed4);
                                __p8
                            };
                            __next = __Block::AfterYieldNow1(__p1, __p2, __p7, __p8);
                            break '__entry;
                        }
                        __State::AwaitYieldNow2(__awaitee, __p13, __p2) => {
                            let __p14 = unsafe { __frame.poll(__awaitee, __cx) }?;
                            let __resumed0 = unsafe {
                                __frame.slot(|s| &raw mut (*s).a).guard()
                            };
                            let __p2 = unsafe { __frame.take(__p2) };
                            let __resumed9 = unsafe {
                                __frame
                                    .shared_slot(|s| (
                                        &raw mut (*s).t9,
                                        &raw mut (*s).__shared0,
                                    ))
                                    .guard()
                            };
                            let __resumed10 = unsafe {
                                __frame
                                    .shared_slot(|s| (
                                        &raw mut (*s).iter10,
                                        &raw mut (*s).__shared1,
                                    ))
                                    .guard()
                            };
                            let __p13 = unsafe { __frame.take(__p13) };
                            __running = unsafe { __frame.start() };
                            let __p14 = {
                                let __p14 = unsafe { __running.resume(__awaitee, __p14) };
                                ::core::mem::forget(__resumed0);
                                ::core::mem::forget(__resumed9);
                                ::core::mem::forget(__resumed10);
                                __p14
                            };
                            __next = __Block::AfterYieldNow2(__p2, __p13, __p14);
                            break '__entry;
                        }
                        __State::Returned => __frame.resumed_after_completion(),
                        __State::Panicked => __frame.resumed_after_panicking(),
                    }
                }
                '__dispatch: loop {
                    match __next {
                        __Block::Block2(__p1, __p2) => {
                            __next = '__goto: {
                                unsafe {
                                    let __slot0 = __frame.slot(|s| &raw mut (*s).a);
                                    let __slot3 = __frame
                                        .shared_slot(|s| (
                                            &raw mut (*s).t3,
                                            &raw mut (*s).__shared0,
                                        ));
                                    let __slot4 = __frame
                                        .shared_slot(|s| (
                                            &raw mut (*s).iter4,
                                            &raw mut (*s).__shared1,
                                        ));
                                    let __place4 = __slot4.place();
                                    let __guard0 = __slot0.guard();
                                    let b = __p1;
                                    let mut total = __p2;
                                    let __guard3 = __slot3.guard();
                                    let __guard4 = __slot4.guard();
                                    match ::core::iter::Iterator::next(&mut (*__place4)) {
                                        ::core::option::Option::Some(__item6) => {
                                            let __p6 = __item6;
                                            ::core::mem::forget(__guard0);
                                            ::core::mem::forget(__guard3);
                                            ::core::mem::forget(__guard4);
                                            break '__goto __Block::Block3(b, total, __p6);
                                        }
                                        ::core::option::Option::None => {
                                            let __p5 = ();
                                            ::core::mem::forget(__guard0);
                                            ::core::mem::forget(__guard3);
                                            ::core::mem::forget(__guard4);
                                            break '__goto __Block::Block1(b, total, __p5);
                                        }
                                    }
                                }
                            };
                            match __next {
                                __Block::Block3(__p1, __p2, __p6) => {
                                    unsafe {
                                        let __slot0 = __frame.slot(|s| &raw mut (*s).a);
                                        let __shared0 = __slot0.shared();
                                        let __slot3 = __frame
                                            .shared_slot(|s| (
                                                &raw mut (*s).t3,
                                                &raw mut (*s).__shared0,
                                            ));
                                        let __slot4 = __frame
                                            .shared_slot(|s| (
                                                &raw mut (*s).iter4,
                                                &raw mut (*s).__shared1,
                                            ));
                                        let __guard0 = __slot0.guard();
                                        let b = __p1;
                                        let mut total = __p2;
                                        let __guard3 = __slot3.guard();
                                        let __guard4 = __slot4.guard();
                                        {
                                            let mut __item6 = __p6;
                                            let word = __item6;
                                            let __awaitee = __frame.into_future(yield_now());
                                            ::core::mem::forget(__guard0);
                                            ::core::mem::forget(__guard3);
                                            ::core::mem::forget(__guard4);
                                            __running
                                                .suspend(
                                                    __State::AwaitYieldNow1(__awaitee, word, total, b),
                                                );
                                            let __State::AwaitYieldNow1(__awaitee, __p7, __p2, __p1) = (unsafe {
                                                __frame.state()
                                            }) else {
                                                ::core::panicking::panic(
                                                    "internal error: entered unreachable code",
                                                )
                                            };
                                            let __p8 = unsafe { __frame.poll(__awaitee, __cx) }?;
                                            let __resumed0 = unsafe {
                                                __frame.slot(|s| &raw mut (*s).a).guard()
                                            };
                                            let __p1 = unsafe { __frame.take(__p1) };
                                            let __p2 = unsafe { __frame.take(__p2) };
                                            let __resumed3 = unsafe {
                                                __frame
                                                    .shared_slot(|s| (
                                                        &raw mut (*s).t3,
                                                        &raw mut (*s).__shared0,
                                                    ))
                                                    .guard()
                                            };
                                            let __resumed4 = unsafe {
                                                __frame
                                                    .shared_slot(|s| (
                                                        &raw mut (*s).iter4,
                                                        &raw mut (*s).__shared1,
                                                    ))
                                                    .guard()
                                            };
                                            let __p7 = unsafe { __frame.take(__p7) };
                                            __running = unsafe { __frame.start() };
                                            let __p8 = unsafe { __running.resume(__awaitee, __p8) };
                                            ::core::mem::forget(__resumed0);
                                            ::core::mem::forget(__resumed3);
                                            ::core::mem::forget(__resumed4);
                                            __next = __Block::AfterYieldNow1(__p1, __p2, __p7, __p8);
                                            continue '__dispatch;
                                        }
                                    }
                                }
                                __Block::Block1(__p1, __p2, __p5) => {
                                    unsafe {
                                        let __slot0 = __frame.slot(|s| &raw mut (*s).a);
                                        let __slot3 = __frame
                                            .shared_slot(|s| (
                                                &raw mut (*s).t3,
                                                &raw mut (*s).__shared0,
                                            ));
                                        let __slot4 = __frame
                                            .shared_slot(|s| (
                                                &raw mut (*s).iter4,
                                                &raw mut (*s).__shared1,
                                            ));
                                        let __slot9 = __frame
                                            .shared_slot(|s| (
                                                &raw mut (*s).t9,
                                                &raw mut (*s).__shared0,
                                            ));
                                        let __place9 = __slot9.place();
                                        let __slot10 = __frame
                                            .shared_slot(|s| (
                                                &raw mut (*s).iter10,
                                                &raw mut (*s).__shared1,
                                            ));
                                        let __guard0 = __slot0.guard();
                                        let b = __p1;
                                        let mut total = __p2;
                                        {
                                            {
                                                let __guard3 = __slot3.guard();
                                                let __guard4 = __slot4.guard();
                                                let mut __value5 = __p5;
                                                __value5
                                            };
                                            ();
                                        }
                                        {
                                            let mut __t9 = ::alloc::__export::must_use({
                                                ::alloc::fmt::format(format_args!("{0}!", b))
                                            });
                                            let __guard9 = __slot9.init(__t9);
                                            let mut __iter10 = ::core::iter::IntoIterator::into_iter(
                                                (*__place9).chars(),
                                            );
                                            let __guard10 = __slot10.init(__iter10);
                                            {
                                                ::core::mem::forget(__guard0);
                                                ::core::mem::forget(__guard9);
                                                ::core::mem::forget(__guard10);
                                                __next = __Block::Block6(total);
                                                continue '__dispatch;
                                            }
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
                        __Block::AfterYieldNow1(__p1, __p2, __p7, __p8) => {
                            unsafe {
                                let __slot0 = __frame.slot(|s| &raw mut (*s).a);
                                let __slot3 = __frame
                                    .shared_slot(|s| (
                                        &raw mut (*s).t3,
                                        &raw mut (*s).__shared0,
                                    ));
                                let __slot4 = __frame
                                    .shared_slot(|s| (
                                        &raw mut (*s).iter4,
                                        &raw mut (*s).__shared1,
                                    ));
                                let __guard0 = __slot0.guard();
                                let b = __p1;
                                let mut total = __p2;
                                let __guard3 = __slot3.guard();
                                let __guard4 = __slot4.guard();
                                {
                                    let word = __p7;
                                    {
                                        {
                                            let mut __awaited8 = __p8;
                                            __awaited8;
                                        }
                                        total += word.len();
                                    }
                                }
                                {
                                    ::core::mem::forget(__guard0);
                                    ::core::mem::forget(__guard3);
                                    ::core::mem::forget(__guard4);
                                    __next = __Block::Block2(b, total);
                                    continue '__dispatch;
                                }
                            }
                        }
                        __Block::Block6(__p2) => {
                            __next = '__goto: {
                                unsafe {
                                    let __slot0 = __frame.slot(|s| &raw mut (*s).a);
                                    let __slot9 = __frame
                                        .shared_slot(|s| (
                                            &raw mut (*s).t9,
                                            &raw mut (*s).__shared0,
                                        ));
                                    let __slot10 = __frame
                                        .shared_slot(|s| (
                                            &raw mut (*s).iter10,
                                            &raw mut (*s).__shared1,
                                        ));
                                    let __place10 = __slot10.place();
                                    let __guard0 = __slot0.guard();
                                    let mut total = __p2;
                                    let __guard9 = __slot9.guard();
                                    let __guard10 = __slot10.guard();
                                    match ::core::iter::Iterator::next(&mut (*__place10)) {
                                        ::core::option::Option::Some(__item12) => {
                                            let __p12 = __item12;
                                            ::core::mem::forget(__guard0);
                                            ::core::mem::forget(__guard9);
                                            ::core::mem::forget(__guard10);
                                            break '__goto __Block::Block7(total, __p12);
                                        }
                                        ::core::option::Option::None => {
                                            let __p11 = ();
                                            ::core::mem::forget(__guard0);
                                            ::core::mem::forget(__guard9);
                                            ::core::mem::forget(__guard10);
                                            break '__goto __Block::Block5(total, __p11);
                                        }
                                    }
                                }
                            };
                            match __next {
                                __Block::Block7(__p2, __p12) => {
                                    unsafe {
                                        let __slot0 = __frame.slot(|s| &raw mut (*s).a);
                                        let __shared0 = __slot0.shared();
                                        let __slot9 = __frame
                                            .shared_slot(|s| (
                                                &raw mut (*s).t9,
                                                &raw mut (*s).__shared0,
                                            ));
                                        let __slot10 = __frame
                                            .shared_slot(|s| (
                                                &raw mut (*s).iter10,
                                                &raw mut (*s).__shared1,
                                            ));
                                        let __guard0 = __slot0.guard();
                                        let mut total = __p2;
                                        let __guard9 = __slot9.guard();
                                        let __guard10 = __slot10.guard();
                                        {
                                            let mut __item12 = __p12;
                                            let c = __item12;
                                            let __awaitee = __frame.into_future(yield_now());
                                            ::core::mem::forget(__guard0);
                                            ::core::mem::forget(__guard9);
                                            ::core::mem::forget(__guard10);
                                            __running
                                                .suspend(__State::AwaitYieldNow2(__awaitee, c, total));
                                            let __State::AwaitYieldNow2(__awaitee, __p13, __p2) = (unsafe {
                                                __frame.state()
                                            }) else {
                                                ::core::panicking::panic(
                                                    "internal error: entered unreachable code",
                                                )
                                            };
                                            let __p14 = unsafe { __frame.poll(__awaitee, __cx) }?;
                                            let __resumed0 = unsafe {
                                                __frame.slot(|s| &raw mut (*s).a).guard()
                                            };
                                            let __p2 = unsafe { __frame.take(__p2) };
                                            let __resumed9 = unsafe {
                                                __frame
                                                    .shared_slot(|s| (
                                                        &raw mut (*s).t9,
                                                        &raw mut (*s).__shared0,
                                                    ))
                                                    .guard()
                                            };
                                            let __resumed10 = unsafe {
                                                __frame
                                                    .shared_slot(|s| (
                                                        &raw mut (*s).iter10,
                                                        &raw mut (*s).__shared1,
                                                    ))
                                                    .guard()
                                            };
                                            let __p13 = unsafe { __frame.take(__p13) };
                                            __running = unsafe { __frame.start() };
                                            let __p14 = unsafe { __running.resume(__awaitee, __p14) };
                                            ::core::mem::forget(__resumed0);
                                            ::core::mem::forget(__resumed9);
                                            ::core::mem::forget(__resumed10);
                                            __next = __Block::AfterYieldNow2(__p2, __p13, __p14);
                                            continue '__dispatch;
                                        }
                                    }
                                }
                                __Block::Block5(__p2, __p11) => {
                                    unsafe {
                                        let __slot0 = __frame.slot(|s| &raw mut (*s).a);
                                        let __slot9 = __frame
                                            .shared_slot(|s| (
                                                &raw mut (*s).t9,
                                                &raw mut (*s).__shared0,
                                            ));
                                        let __slot10 = __frame
                                            .shared_slot(|s| (
                                                &raw mut (*s).iter10,
                                                &raw mut (*s).__shared1,
                                            ));
                                        let __guard0 = __slot0.guard();
                                        let mut total = __p2;
                                        {
                                            {
                                                let __guard9 = __slot9.guard();
                                                let __guard10 = __slot10.guard();
                                                let mut __value11 = __p11;
                                                __value11
                                            };
                                            ();
                                        }
                                        break '__resume total;
                                    }
                                }
                                _ => {
                                    ::core::panicking::panic(
                                        "internal error: entered unreachable code",
                                    )
                                }
                            }
                        }
                        __Block::AfterYieldNow2(__p2, __p13, __p14) => {
                            unsafe {
                                let __slot0 = __frame.slot(|s| &raw mut (*s).a);
                                let __slot9 = __frame
                                    .shared_slot(|s| (
                                        &raw mut (*s).t9,
                                        &raw mut (*s).__shared0,
                                    ));
                                let __slot10 = __frame
                                    .shared_slot(|s| (
                                        &raw mut (*s).iter10,
                                        &raw mut (*s).__shared1,
                                    ));
                                let __guard0 = __slot0.guard();
                                let mut total = __p2;
                                let __guard9 = __slot9.guard();
                                let __guard10 = __slot10.guard();
                                {
                                    let c = __p13;
                                    {
                                        {
                                            let mut __awaited14 = __p14;
                                            __awaited14;
                                        }
                                        total += c.len_utf8();
                                    }
                                }
                                {
                                    ::core::mem::forget(__guard0);
                                    ::core::mem::forget(__guard9);
                                    ::core::mem::forget(__guard10);
                                    __next = __Block::Block6(total);
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
    impl<
        A0,
        A1,
        F0,
        T7,
        T2,
        T1,
        F1,
        T13,
        T0,
        T3,
        T4,
        T9,
        T10,
    > ::statemachine_runtime::__private::MachineState<__Slots<T0, T3, T4, T9, T10>>
    for __State<A0, A1, F0, T7, T2, T1, F1, T13> {
        const PANICKED: fn() -> Self = || Self::Panicked;
        const RETURNED: fn() -> Self = || Self::Returned;
        fn info(&self) -> ::statemachine_runtime::StateInfo {
            let __at = match self {
                Self::Unresumed(..) => ("Unresumed", "", 7),
                Self::AwaitYieldNow1(..) => ("AwaitYieldNow1", "yield_now()", 10),
                Self::AwaitYieldNow2(..) => ("AwaitYieldNow2", "yield_now()", 14),
                Self::Returned => ("Returned", "", 7),
                Self::Panicked => ("Panicked", "", 7),
            };
            ::statemachine_runtime::__private::info("total_length", __at)
        }
        unsafe fn drop_suspended(
            this: *mut Self,
            slots: *mut __Slots<T0, T3, T4, T9, T10>,
        ) {
            unsafe {
                if let __State::AwaitYieldNow1(__awaitee, __p7, __p2, __p1) = &mut *this {
                    let __drop6 = ::statemachine_runtime::__private::SlotPtr::of_slot(
                            &raw mut (*slots).a,
                        )
                        .guard();
                    let __drop5 = ::statemachine_runtime::__private::DropInPlace::new(
                        __p1,
                    );
                    let __drop4 = ::statemachine_runtime::__private::DropInPlace::new(
                        __p2,
                    );
                    let __drop3 = ::statemachine_runtime::__private::SlotPtr::of_shared(
                            &raw mut (*slots).t3,
                            &raw mut (*slots).__shared0,
                        )
                        .guard();
                    let __drop2 = ::statemachine_runtime::__private::SlotPtr::of_shared(
                            &raw mut (*slots).iter4,
                            &raw mut (*slots).__shared1,
                        )
                        .guard();
                    let __drop1 = ::statemachine_runtime::__private::DropInPlace::new(
                        __p7,
                    );
                    let __drop0 = ::statemachine_runtime::__private::DropInPlace::new(
                        __awaitee,
                    );
                    return;
                }
                if let __State::AwaitYieldNow2(__awaitee, __p13, __p2) = &mut *this {
                    let __drop5 = ::statemachine_runtime::__private::SlotPtr::of_slot(
                            &raw mut (*slots).a,
                        )
                        .guard();
                    let __drop4 = ::statemachine_runtime::__private::DropInPlace::new(
                        __p2,
                    );
                    let __drop3 = ::statemachine_runtime::__private::SlotPtr::of_shared(
                            &raw mut (*slots).t9,
                            &raw mut (*slots).__shared0,
                        )
                        .guard();
                    let __drop2 = ::statemachine_runtime::__private::SlotPtr::of_shared(
                            &raw mut (*slots).iter10,
                            &raw mut (*slots).__shared1,
                        )
                        .guard();
                    let __drop1 = ::statemachine_runtime::__private::DropInPlace::new(
                        __p13,
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
