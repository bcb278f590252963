use statemachine_runtime::{state_machine, yield_now};
#[allow(refining_impl_trait)]
pub fn search(
    rows: u32,
    cols: u32,
) -> impl ::statemachine_runtime::StateMachine<Output = (u32, u32)> {
    #[allow(nonstandard_style, dead_code, clippy::all)]
    enum __State<A0, A1, F0, T4, T2, T1, T0> {
        Unresumed(A0, A1),
        /// `yield_now().await`, line 9: the awaitee, `c`, `r`, `cols`, `rows`
        AwaitYieldNow(F0, T4, T2, T1, T0),
        Returned,
        Panicked,
    }
    #[allow(nonstandard_style, dead_code, clippy::all)]
    enum __Block<T0, T1, T2, T4, T6, T5, T3> {
        Block2(T0, T1, T2),
        Block4(T0, T1, T2, T4),
        Block5(T0, T1, T2, T4),
        AfterYieldNow(T0, T1, T2, T4, T6),
        Block3(T0, T1, T2, T5),
        Block1(T3),
    }
    #[allow(unused_variables, unused_mut, unused_assignments, unused_parens)]
    #[allow(unused_unsafe, unreachable_code, unreachable_patterns)]
    #[allow(dangerous_implicit_autorefs, clippy::all, clippy::pedantic)]
    let __machine = ::statemachine_runtime::__private::machine(
        __State::Unresumed(rows, cols),
        move |__frame, __cx| -> ::statemachine_runtime::__private::Step<(u32, u32)> {
            let mut __running;
            let __output: (u32, u32) = '__resume: loop {
                let mut __next;
                '__entry: {
                    match unsafe { __frame.state() } {
                        __State::Unresumed(rows, cols) => {
                            let (__p0, __p1, __p2) = '__goto: {
                                let rows = unsafe { __frame.take(rows) };
                                let cols = unsafe { __frame.take(cols) };
                                __running = unsafe { __frame.start() };
                                let mut r = 0;
                                {
                                    break '__goto (rows, cols, r);
                                }
                            };
                            {
                                let rows = __p0;
                                let cols = __p1;
                                let mut r = __p2;
                                {
                                    let mut c = 0;
                                    {
                                        __next = __Block::Block4(rows, cols, r, c);
                                        break '__entry;
                                    }
                                }
                            }
                        }
                        __State::AwaitYieldNow(__awaitee, __p4, __p2, __p1, __p0) => {
                            let __p6 = unsafe { __frame.poll(__awaitee, __cx) }?;
                            let __p0 = unsafe { __frame.take(__p0) };
                            let __p1 = unsafe { __frame.take(__p1) };
                            let __p2 = unsafe { __frame.take(__p2) };
                            let __p4 = unsafe { __frame.take(__p4) };
                            __running = unsafe { __frame.start() };
                            let __p6 = unsafe { __running.resume(__awaitee, __p6) };
                            __next = __Block::AfterYieldNow(
                                __p0,
                                __p1,
                                __p2,
                                __p4,
                                __p6,
                            );
                            break '__entry;
                        }
                        __State::Returned => __frame.resumed_after_completion(),
                        __State::Panicked => __frame.resumed_after_panicking(),
                    }
                }
                '__dispatch: loop {
                    match __next {
                        __Block::Block4(__p0, __p1, __p2, __p4) => {
                            let mut __carried = (__p0, __p1, __p2, __p4);
                            '__loop: loop {
                                let (__p0, __p1, __p2, __p4) = __carried;
                                __next = '__goto: {
                                    let rows = __p0;
                                    let cols = __p1;
                                    let mut r = __p2;
                                    {
                                        let mut c = __p4;
                                        if c < cols {
                                            break '__goto __Block::Block5(rows, cols, r, c);
                                        } else {
                                            let __p5 = ();
                                            break '__goto __Block::Block3(rows, cols, r, __p5);
                                        }
                                    }
                                };
                                match __next {
                                    __Block::Block5(__p0, __p1, __p2, __p4) => {
                                        let rows = __p0;
                                        let cols = __p1;
                                        let mut r = __p2;
                                        {
                                            let mut c = __p4;
                                            let __awaitee = __frame.into_future(yield_now());
                                            __running
                                                .suspend(
                                                    __State::AwaitYieldNow(__awaitee, c, r, cols, rows),
                                                );
                                            let __State::AwaitYieldNow(
                                                __awaitee,
                                                __p4,
                                                __p2,
                                                __p1,
                                                __p0,
                                            ) = (unsafe { __frame.state() }) else {
                                                ::core::panicking::panic(
                                                    "internal error: entered unreachable code",
                                                )
                                            };
                                            let __p6 = unsafe { __frame.poll(__awaitee, __cx) }?;
                                            let __p0 = unsafe { __frame.take(__p0) };
                                            let __p1 = unsafe { __frame.take(__p1) };
                                            let __p2 = unsafe { __frame.take(__p2) };
                                            let __p4 = unsafe { __frame.take(__p4) };
                                            __running = unsafe { __frame.start() };
                                            let __p6 = unsafe { __running.resume(__awaitee, __p6) };
                                            __next = __Block::AfterYieldNow(
                                                __p0,
                                                __p1,
                                                __p2,
                                                __p4,
                                                __p6,
                                            );
                                            continue '__dispatch;
                                        }
                                    }
                                    __Block::Block3(__p0, __p1, __p2, __p5) => {
                                        __next = '__goto: {
                                            let rows = __p0;
                                            let cols = __p1;
                                            let mut r = __p2;
                                            {
                                                {
                                                    let mut __value5 = __p5;
                                                    __value5;
                                                }
                                                r += 1;
                                                if r == rows {
                                                    {
                                                        let __p3 = (0, 0);
                                                        break '__goto __Block::Block1(__p3);
                                                    };
                                                }
                                            }
                                            {
                                                break '__goto __Block::Block2(rows, cols, r);
                                            }
                                        };
                                        match __next {
                                            __Block::Block2(__p0, __p1, __p2) => {
                                                let rows = __p0;
                                                let cols = __p1;
                                                let mut r = __p2;
                                                {
                                                    let mut c = 0;
                                                    {
                                                        __carried = (rows, cols, r, c);
                                                        continue '__loop;
                                                    }
                                                }
                                            }
                                            __Block::Block1(__p3) => {
                                                let found = __p3;
                                                break '__resume found;
                                            }
                                            _ => {
                                                ::core::panicking::panic(
                                                    "internal error: entered unreachable code",
                                                )
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
                        }
                        __Block::AfterYieldNow(__p0, __p1, __p2, __p4, __p6) => {
                            let (__p3,) = '__goto: {
                                let rows = __p0;
                                let cols = __p1;
                                let mut r = __p2;
                                {
                                    let mut c = __p4;
                                    {
                                        {
                                            let mut __awaited6 = __p6;
                                            __awaited6;
                                        }
                                        if r * c == 6 {
                                            {
                                                let __p3 = (r, c);
                                                break '__goto (__p3,);
                                            };
                                        }
                                        c += 1;
                                    }
                                    {
                                        __next = __Block::Block4(rows, cols, r, c);
                                        continue '__dispatch;
                                    }
                                }
                            };
                            {
                                let found = __p3;
                                break '__resume found;
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
    impl<A0, A1, F0, T4, T2, T1, T0> ::statemachine_runtime::__private::MachineState
    for __State<A0, A1, F0, T4, T2, T1, T0> {
        const PANICKED: fn() -> Self = || Self::Panicked;
        const RETURNED: fn() -> Self = || Self::Returned;
        fn info(&self) -> ::statemachine_runtime::StateInfo {
            let __at = match self {
                Self::Unresumed(..) => ("Unresumed", "", 4),
                Self::AwaitYieldNow(..) => ("AwaitYieldNow", "yield_now()", 9),
                Self::Returned => ("Returned", "", 4),
                Self::Panicked => ("Panicked", "", 4),
            };
            ::statemachine_runtime::__private::info("search", __at)
        }
    }
    __machine
}
fn main() {}
