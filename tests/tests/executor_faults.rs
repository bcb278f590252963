//! `LocalExecutor` under bad input and faults: stale wakers, self-cancel,
//! drops that spawn, executor drop with pending tasks.

use std::cell::{Cell, RefCell};
use std::future::{Future, pending, poll_fn};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::pin::Pin;
use std::rc::Rc;
use std::sync::mpsc;
use std::task::{Context, Poll, Waker};
use std::thread;

use statemachine_runtime::{JoinHandle, LocalExecutor, LocalSpawner, yield_now};

struct DropCounter(Rc<Cell<u32>>);

impl Drop for DropCounter {
    fn drop(&mut self) {
        self.0.set(self.0.get() + 1);
    }
}

#[test]
fn waker_dropped_on_another_thread_after_executor_is_gone() {
    let ex = LocalExecutor::new();
    let drops = Rc::new(Cell::new(0));
    let (tx, rx) = mpsc::channel::<Waker>();
    let guard = DropCounter(drops.clone());
    let h = ex.spawn(async move {
        let _guard = guard;
        poll_fn(|cx| {
            tx.send(cx.waker().clone()).unwrap();
            Poll::<()>::Pending
        })
        .await;
    });
    h.detach();
    ex.run_until_stalled();
    let waker = rx.recv().unwrap();
    let spare = waker.clone();
    drop(ex);
    assert_eq!(drops.get(), 1, "executor drop dropped the pending future");
    // Wake (a no-op) and drop the last wakers on other threads.
    let t = thread::spawn(move || {
        waker.wake_by_ref();
        waker.wake();
    });
    t.join().unwrap();
    thread::spawn(move || drop(spare)).join().unwrap();
    assert_eq!(drops.get(), 1);
}

#[test]
fn waker_of_completed_or_cancelled_task_is_a_no_op() {
    let ex = LocalExecutor::new();
    let (tx, rx) = mpsc::channel::<Waker>();
    let tx2 = tx.clone();
    let done = ex.spawn(poll_fn(move |cx| {
        tx.send(cx.waker().clone()).unwrap();
        Poll::Ready(())
    }));
    let cancelled = ex.spawn(poll_fn(move |cx| {
        tx2.send(cx.waker().clone()).unwrap();
        Poll::<()>::Pending
    }));
    ex.run_until_stalled();
    ex.block_on(done);
    cancelled.cancel();
    let polls = ex.stats().polls;
    // New tasks reuse the freed slots; stale wakers must not poll them.
    let fresh_polls = Rc::new(Cell::new(0));
    let fp = fresh_polls.clone();
    let fresh = ex.spawn(poll_fn(move |_| {
        fp.set(fp.get() + 1);
        Poll::<()>::Pending
    }));
    ex.run_until_stalled();
    assert_eq!(fresh_polls.get(), 1);
    for w in rx.try_iter() {
        let w2 = w.clone();
        thread::spawn(move || w2.wake()).join().unwrap();
        w.wake();
    }
    ex.run_until_stalled();
    assert_eq!(
        fresh_polls.get(),
        1,
        "stale wakers did not wake the new task"
    );
    assert_eq!(ex.stats().polls, polls + 1);
    fresh.cancel();
}

#[test]
fn cancel_from_inside_the_tasks_own_poll() {
    let ex = LocalExecutor::new();
    let log = Rc::new(RefCell::new(Vec::new()));
    let me: Rc<RefCell<Option<JoinHandle<()>>>> = Rc::default();

    struct Logged(Rc<RefCell<Vec<&'static str>>>);
    impl Drop for Logged {
        fn drop(&mut self) {
            self.0.borrow_mut().push("future dropped");
        }
    }

    let (l, m) = (log.clone(), me.clone());
    let guard = Logged(log.clone());
    let h = ex.spawn(async move {
        let _guard = guard;
        l.borrow_mut().push("first poll");
        let handle = m.borrow_mut().take().expect("handle stored");
        handle.cancel();
        l.borrow_mut().push("cancel returned inside poll");
        yield_now().await;
        l.borrow_mut().push("polled after cancel");
    });
    *me.borrow_mut() = Some(h);
    ex.run_until_stalled();
    assert_eq!(
        *log.borrow(),
        [
            "first poll",
            "cancel returned inside poll",
            "future dropped"
        ]
    );
    let s = ex.stats();
    assert_eq!((s.polls, s.tasks_cancelled, s.tasks_completed), (1, 1, 0));
}

#[test]
fn future_whose_drop_spawns_while_executor_drops() {
    let ex = LocalExecutor::new();
    let spawned_drops = Rc::new(Cell::new(0));
    let spawned_polls = Rc::new(Cell::new(0));
    let late_handle: Rc<RefCell<Option<JoinHandle<()>>>> = Rc::default();

    struct SpawnOnDrop {
        spawner: LocalSpawner,
        drops: Rc<Cell<u32>>,
        polls: Rc<Cell<u32>>,
        handle: Rc<RefCell<Option<JoinHandle<()>>>>,
    }
    impl Drop for SpawnOnDrop {
        fn drop(&mut self) {
            let guard = DropCounter(self.drops.clone());
            let polls = self.polls.clone();
            let h = self.spawner.spawn(async move {
                let _guard = guard;
                polls.set(polls.get() + 1);
                pending::<()>().await;
            });
            *self.handle.borrow_mut() = Some(h);
        }
    }

    let sod = SpawnOnDrop {
        spawner: ex.spawner(),
        drops: spawned_drops.clone(),
        polls: spawned_polls.clone(),
        handle: late_handle.clone(),
    };
    ex.spawn(async move {
        let _sod = sod;
        pending::<()>().await;
    })
    .detach();
    ex.run_until_stalled();
    drop(ex);
    // Documented behaviour: a spawn after shutdown drops the future at once.
    assert_eq!(spawned_drops.get(), 1);
    assert_eq!(spawned_polls.get(), 0);
    let h = late_handle
        .borrow_mut()
        .take()
        .expect("spawn returned a handle");
    let payload = catch_unwind(AssertUnwindSafe(|| {
        statemachine_runtime::block_on(h);
    }))
    .expect_err("awaiting a cancelled task panics");
    let msg = payload.downcast_ref::<&str>().copied().unwrap_or_default();
    assert!(msg.contains("cancelled"), "unexpected message: {msg:?}");
}

#[test]
fn dropping_executor_drops_pending_and_unpolled_futures() {
    let drops = Rc::new(Cell::new(0));
    let outputs_dropped = Rc::new(Cell::new(0));
    let ex = LocalExecutor::new();
    let mut handles = Vec::new();
    for i in 0..10 {
        let guard = DropCounter(drops.clone());
        let h = ex.spawn(async move {
            let _guard = guard;
            if i % 2 == 0 {
                pending::<()>().await;
            }
        });
        if i < 5 {
            handles.push(h);
        } else {
            h.detach();
        }
    }
    // Half were polled (odd ones completed), then more never polled at all.
    ex.run_until_stalled();
    assert_eq!(
        drops.get(),
        5,
        "the completed futures were dropped on completion"
    );
    for _ in 0..3 {
        let guard = DropCounter(drops.clone());
        ex.spawn(async move {
            let _guard = guard;
        })
        .detach();
    }
    // A finished task whose output nobody claimed: the output is dropped too.
    let out_guard = DropCounter(outputs_dropped.clone());
    let claimed_later = ex.spawn(async move { out_guard });
    ex.run_until_stalled();
    assert_eq!(drops.get(), 8);
    drop(ex);
    assert_eq!(drops.get(), 13, "every future dropped with the executor");
    assert_eq!(outputs_dropped.get(), 1, "unclaimed output dropped");
    // Handles outliving the executor drop quietly.
    drop(handles);
    drop(claimed_later);
}

#[test]
fn cancelled_task_handle_is_not_awaitable_after_executor_drop() {
    let ex = LocalExecutor::new();
    let h = ex.spawn(pending::<u8>());
    drop(ex);
    let mut h = h;
    let payload = catch_unwind(AssertUnwindSafe(|| {
        let _ = Pin::new(&mut h).poll(&mut Context::from_waker(Waker::noop()));
    }))
    .expect_err("panics");
    let msg = payload.downcast_ref::<&str>().copied().unwrap_or_default();
    assert!(msg.contains("cancelled"), "{msg}");
}

#[test]
fn panicking_drop_on_cancel_does_not_break_the_executor() {
    struct PanicOnDrop;
    impl Drop for PanicOnDrop {
        fn drop(&mut self) {
            panic!("drop panicked");
        }
    }
    let ex = LocalExecutor::new();
    let me: Rc<RefCell<Option<JoinHandle<()>>>> = Rc::default();
    let m = me.clone();
    let h = ex.spawn(async move {
        let _p = PanicOnDrop;
        m.borrow_mut().take().unwrap().cancel();
        yield_now().await;
    });
    *me.borrow_mut() = Some(h);
    ex.run_until_stalled();
    assert_eq!(ex.block_on(ex.spawn(async { 3 })), 3);
}

#[test]
fn queued_wake_of_cancelled_task_does_not_poll_the_slots_next_task() {
    let ex = LocalExecutor::new();
    let (tx, rx) = mpsc::channel::<Waker>();
    let old = ex.spawn(poll_fn(move |cx| {
        tx.send(cx.waker().clone()).unwrap();
        Poll::<()>::Pending
    }));
    ex.run_until_stalled();
    let stale = rx.recv().unwrap();
    // Queued, then cancelled before the executor ran it again.
    stale.wake_by_ref();
    old.cancel();
    // The next task takes the freed slot.
    let polls = Rc::new(Cell::new(0));
    let p = polls.clone();
    let fresh = ex.spawn(poll_fn(move |_| {
        p.set(p.get() + 1);
        Poll::<()>::Pending
    }));
    ex.run_until_stalled();
    assert_eq!(polls.get(), 1, "the stale queue entry was ignored");
    fresh.cancel();
    drop(stale);
}
