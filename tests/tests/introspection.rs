//! Introspection: `StateMachine::state` at each step of a machine, and
//! `LocalExecutor::dump` of nested machines.

use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

use statemachine_runtime::{LocalExecutor, StateMachine, oneshot, state_machine, yield_now};

const BASE: u32 = line!();
#[state_machine]
async fn three_steps(n: u32) -> u32 {
    let a = double(n).await;
    yield_now().await;
    let b = double(a).await;
    a + b
}

#[state_machine]
async fn double(n: u32) -> u32 {
    yield_now().await;
    n * 2
}

#[test]
fn state_names_and_lines_at_each_step() {
    let machine = three_steps(1);
    let info = machine.state();
    assert_eq!(
        (info.function, info.state, info.awaiting, info.line),
        ("three_steps", "Unresumed", None, BASE + 2)
    );
    assert_eq!(info.file, file!());
    assert_eq!(info.transitions, None);
    assert_eq!(
        info.to_string(),
        format!("three_steps @ {}:{}: Unresumed", file!(), BASE + 2)
    );

    let mut machine = pin!(machine);
    let mut cx = Context::from_waker(Waker::noop());
    let mut seen = Vec::new();
    let output = loop {
        match machine.as_mut().poll(&mut cx) {
            Poll::Ready(v) => break v,
            Poll::Pending => {
                let info = machine.state();
                seen.push((info.state, info.awaiting, info.line - BASE));
            }
        }
    };
    assert_eq!(output, 2 + 4);
    assert_eq!(
        seen,
        [
            ("AwaitDouble1", Some("double(n)"), 3),
            ("AwaitYieldNow", Some("yield_now()"), 4),
            ("AwaitDouble2", Some("double(a)"), 5),
        ]
    );
    assert_eq!(machine.state().state, "Returned");
    let debug = format!("{:?}", machine.as_ref().get_ref());
    assert_eq!(
        debug,
        format!("Machine(three_steps @ {}:{}: Returned)", file!(), BASE + 2)
    );
}

#[test]
fn display_names_the_awaited_expression() {
    let mut machine = pin!(three_steps(5));
    let mut cx = Context::from_waker(Waker::noop());
    assert!(machine.as_mut().poll(&mut cx).is_pending());
    assert_eq!(
        machine.state().to_string(),
        format!("three_steps @ {}:{}: double(n).await", file!(), BASE + 3)
    );
}

#[test]
fn a_join_is_named_as_written() {
    #[state_machine]
    async fn both(n: u32) -> u32 {
        let (a, b) = tokio::join!(double(n), yield_now());
        let ((), c) = futures::join!(yield_now(), double(a));
        a + c + u32::from(b == ())
    }
    let mut machine = pin!(both(1));
    let mut cx = Context::from_waker(Waker::noop());
    let mut seen = Vec::new();
    let output = loop {
        match machine.as_mut().poll(&mut cx) {
            Poll::Ready(v) => break v,
            Poll::Pending => {
                let info = machine.state();
                seen.push((info.state, info.awaiting));
            }
        }
    };
    assert_eq!(output, 2 + 4 + 1);
    seen.dedup();
    assert_eq!(
        seen,
        [
            ("AwaitJoin1", Some("tokio::join!(double(n), yield_now())")),
            ("AwaitJoin2", Some("futures::join!(yield_now(), double(a))")),
        ]
    );
}

#[test]
fn the_awaited_expression_is_spaced_as_written() {
    #[state_machine]
    async fn measure(text: String) -> usize {
        let count = length(&text[..2], &[1, -2]).await;
        count
    }
    async fn length(text: &str, extra: &[i32]) -> usize {
        yield_now().await;
        text.len() + extra.len()
    }
    let mut machine = pin!(measure("abc".to_string()));
    let mut cx = Context::from_waker(Waker::noop());
    assert!(machine.as_mut().poll(&mut cx).is_pending());
    // Not `length(& text[.. 2], & [1, - 2])`, as the tokens print.
    assert_eq!(
        machine.state().awaiting,
        Some("length(&text[..2], &[1, -2])")
    );
}

#[test]
fn a_pinned_temporary_is_named_as_written() {
    #[state_machine]
    async fn pinned(n: u32) -> u32 {
        std::convert::identity(pin!(double(n))).await + pin!(double(n)).await
    }
    let mut machine = pin!(pinned(1));
    let mut cx = Context::from_waker(Waker::noop());
    let mut seen = Vec::new();
    while machine.as_mut().poll(&mut cx).is_pending() {
        let info = machine.state();
        seen.push((info.state, info.awaiting));
    }
    // Not the macro's rewriting of `pin!`, `pin_temporary(.., &mut ..)`.
    assert_eq!(
        seen,
        [
            (
                "AwaitIdentity",
                Some("std::convert::identity(pin!(double(n)))")
            ),
            ("AwaitDouble", Some("pin!(double(n))")),
        ]
    );
}

#[test]
fn a_panic_leaves_the_machine_panicked() {
    #[state_machine]
    async fn boom(fail: bool) {
        yield_now().await;
        assert!(!fail, "boom");
    }
    let mut machine = Box::pin(boom(true));
    let mut cx = Context::from_waker(Waker::noop());
    assert!(machine.as_mut().poll(&mut cx).is_pending());
    let unwound = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let _ = machine.as_mut().poll(&mut cx);
    }));
    assert!(unwound.is_err());
    assert_eq!(machine.state().state, "Panicked");
}

// ---- dump: nested machines suspended at known points ----

const NESTED: u32 = line!();
#[state_machine]
async fn handler(rx: oneshot::Receiver<u32>) -> u32 {
    let user = fetch_user(rx).await;
    user + 1
}

#[state_machine]
async fn fetch_user(rx: oneshot::Receiver<u32>) -> u32 {
    yield_now().await;
    query(rx).await
}

#[state_machine]
async fn query(rx: oneshot::Receiver<u32>) -> u32 {
    rx.await.unwrap_or(0)
}

#[test]
fn dump_shows_nested_machines_as_a_chain() {
    let ex = LocalExecutor::new();
    ex.set_introspection(true);
    let (tx, rx) = oneshot::channel();
    let nested = ex.spawn(handler(rx));
    // A plain future in the middle: invisible in the chain.
    let (tx2, rx2) = oneshot::channel();
    let wrapped = ex.spawn(async move { fetch_user(rx2).await });
    let (_tx3, rx3) = oneshot::channel::<u32>();
    let opaque = ex.spawn(async move { rx3.await.unwrap_or(0) });
    ex.run_until_stalled();

    let dump = ex.dump();
    assert!(
        !dump.tasks[0].chain.is_empty(),
        "no chain: the runtime's feature `introspect` is on in `cargo test --workspace` \
         (a dev-dependency of the runtime); alone, run with `--features statemachine-runtime/introspect`"
    );
    let ids: Vec<u64> = dump.tasks.iter().map(|t| t.id).collect();
    assert_eq!(ids, [nested.id(), wrapped.id(), opaque.id()]);
    let chain: Vec<(&str, &str, u32)> = dump.tasks[0]
        .chain
        .iter()
        .map(|i| (i.function, i.state, i.line - NESTED))
        .collect();
    assert_eq!(
        chain,
        [
            ("handler", "AwaitFetchUser", 3),
            ("fetch_user", "AwaitQuery", 10),
            ("query", "AwaitRx", 15),
        ]
    );
    let text = dump.to_string();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        format!(
            "task {} [idle]: handler -> fetch_user -> query @ {}:{}: rx.await",
            nested.id(),
            file!(),
            NESTED + 15
        )
    );
    assert_eq!(
        lines[1],
        format!(
            "task {} [idle]: fetch_user -> query @ {}:{}: rx.await",
            wrapped.id(),
            file!(),
            NESTED + 15
        )
    );
    assert_eq!(
        lines[2],
        format!("task {} [idle]: <opaque future>", opaque.id())
    );

    // The chain follows the task: after the answer, the task is done.
    tx.send(41).unwrap();
    tx2.send(1).unwrap();
    assert_eq!(ex.block_on(nested), 42);
    assert_eq!(ex.block_on(wrapped), 1);
    assert_eq!(ex.dump().tasks.len(), 1);
}

#[test]
fn dump_without_introspection_records_nothing() {
    let ex = LocalExecutor::new();
    let (_tx, rx) = oneshot::channel();
    let task = ex.spawn(handler(rx));
    ex.run_until_stalled();
    let dump = ex.dump();
    assert_eq!(dump.tasks.len(), 1);
    assert!(dump.tasks[0].chain.is_empty());
    assert_eq!(
        dump.to_string(),
        format!("task {} [idle]: <opaque future>\n", task.id())
    );
}

// ---- trace: a two-task ping-pong ----

#[state_machine(trace)]
async fn ping(txs: Vec<oneshot::Sender<u32>>, rxs: Vec<oneshot::Receiver<u32>>) -> u32 {
    let mut ball = 0;
    let mut senders = txs.into_iter();
    for rx in rxs {
        senders.next().unwrap().send(ball).unwrap();
        ball = rx.await.unwrap();
    }
    ball
}

#[state_machine(trace)]
async fn pong(rxs: Vec<oneshot::Receiver<u32>>, txs: Vec<oneshot::Sender<u32>>) {
    for (rx, tx) in rxs.into_iter().zip(txs) {
        let ball = rx.await.unwrap();
        tx.send(ball + 1).unwrap();
    }
}

#[test]
fn trace_of_a_ping_pong() {
    let (to_pong, from_ping): (Vec<_>, Vec<_>) = (0..2).map(|_| oneshot::channel()).unzip();
    let (to_ping, from_pong): (Vec<_>, Vec<_>) = (0..2).map(|_| oneshot::channel()).unzip();
    let ex = LocalExecutor::new();
    let ping_machine = ping(to_pong, from_pong);
    assert_eq!(ping_machine.state().transitions, Some(0));
    let ping_task = ex.spawn(ping_machine);
    ex.spawn(pong(from_ping, to_ping)).detach();
    assert_eq!(ex.block_on(ping_task), 2);

    let trace = statemachine_runtime::trace::take_of(&["ping", "pong"]);
    let events: Vec<String> = trace
        .events
        .iter()
        .map(|e| format!("{} {} {}", e.function, e.kind, e.state))
        .collect();
    let expected = [
        "ping poll Unresumed",
        "ping pending AwaitRx",
        "pong poll Unresumed",
        "ping wake AwaitRx",
        "pong pending AwaitRx",
        "ping poll AwaitRx",
        "pong wake AwaitRx",
        "ping pending AwaitRx",
        "pong poll AwaitRx",
        "ping wake AwaitRx",
        "pong ready Returned",
        "ping poll AwaitRx",
        "ping ready Returned",
    ];
    assert_eq!(events, expected, "{}", trace.to_text());
    // Times never go backwards; each machine has its own id.
    assert!(trace.events.windows(2).all(|w| w[0].at <= w[1].at));
    let ids: std::collections::BTreeSet<u64> = trace.events.iter().map(|e| e.machine).collect();
    assert_eq!(ids.len(), 2);

    let text = trace.to_text();
    assert_eq!(text.lines().count(), 1 + expected.len(), "{text}");
    assert!(
        text.lines().nth(1).unwrap().ends_with("poll Unresumed"),
        "{text}"
    );
    let svg = trace.to_svg();
    assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
    assert_eq!(
        svg.matches("stroke=\"#d33\"").count(),
        3,
        "one tick per wake"
    );
}

#[test]
fn traced_machines_count_transitions() {
    #[state_machine(trace)]
    async fn counted() {
        yield_now().await;
        yield_now().await;
    }
    let mut machine = pin!(counted());
    let mut cx = Context::from_waker(Waker::noop());
    let mut seen = vec![machine.state().transitions];
    while machine.as_mut().poll(&mut cx).is_pending() {
        seen.push(machine.state().transitions);
    }
    seen.push(machine.state().transitions);
    assert_eq!(seen, [Some(0), Some(1), Some(2), Some(3)]);
    let debug = format!("{:?}", machine.as_ref().get_ref());
    assert!(
        debug.starts_with("Traced { machine: Machine(counted @ "),
        "{debug}"
    );
    assert!(
        debug.ends_with(": Returned), id: 1, transitions: 3 }")
            || debug.contains("transitions: 3 }"),
        "{debug}"
    );
    let _ = statemachine_runtime::trace::take_of(&["counted"]);
}
