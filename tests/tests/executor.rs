//! `LocalExecutor`: scheduling, wakers (local and cross-thread), join
//! handles, stats.

use std::cell::{Cell, RefCell};
use std::future::{Future, poll_fn};
use std::pin::Pin;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::task::{Context, Poll, Waker};
use std::thread;
use std::time::Duration;

use statemachine_runtime::{LocalExecutor, oneshot, yield_now};

/// A future that is pending until `flag` is set, recording its waker.
struct WaitFlag {
    flag: Arc<AtomicBool>,
    waker: Arc<Mutex<Option<Waker>>>,
    polls: Rc<Cell<u32>>,
}

impl Future for WaitFlag {
    type Output = u32;
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u32> {
        self.polls.set(self.polls.get() + 1);
        // Register before checking, so a set-then-wake in between is seen.
        *self.waker.lock().unwrap() = Some(cx.waker().clone());
        if self.flag.load(Ordering::Acquire) {
            Poll::Ready(self.polls.get())
        } else {
            Poll::Pending
        }
    }
}

#[test]
fn cross_thread_wake_of_pending_task() {
    let ex = LocalExecutor::new();
    let flag = Arc::new(AtomicBool::new(false));
    let waker = Arc::new(Mutex::new(None::<Waker>));
    let polls = Rc::new(Cell::new(0));
    let task = ex.spawn(WaitFlag {
        flag: flag.clone(),
        waker: waker.clone(),
        polls: polls.clone(),
    });
    ex.run_until_stalled();
    assert_eq!(polls.get(), 1, "pending after its first poll");

    let (f, w) = (flag.clone(), waker.clone());
    let t = thread::spawn(move || {
        thread::sleep(Duration::from_millis(30));
        f.store(true, Ordering::Release);
        w.lock().unwrap().take().expect("waker registered").wake();
    });
    // The executor parks (nothing runnable) until the other thread wakes it.
    let polls_at_ready = ex.block_on(task);
    t.join().unwrap();
    assert_eq!(polls_at_ready, 2, "one wake, one extra poll");
    assert!(ex.stats().wakes >= 1);
}

#[test]
fn cross_thread_wake_through_oneshot_while_parked() {
    let ex = LocalExecutor::new();
    let (tx, rx) = oneshot::channel();
    let h = ex.spawn(async move { rx.await.unwrap() + 1 });
    let t = thread::spawn(move || {
        thread::sleep(Duration::from_millis(20));
        tx.send(41).unwrap();
    });
    assert_eq!(ex.block_on(h), 42);
    t.join().unwrap();
}

#[test]
fn hundred_thousand_tasks_yielding_all_complete() {
    const TASKS: u64 = 100_000;
    const YIELDS: u64 = 3;
    let ex = LocalExecutor::new();
    let done = Rc::new(Cell::new(0u64));
    for _ in 0..TASKS {
        let done = done.clone();
        ex.spawn(async move {
            for _ in 0..YIELDS {
                yield_now().await;
            }
            done.set(done.get() + 1);
        })
        .detach();
    }
    ex.run_until_stalled();
    assert_eq!(done.get(), TASKS);
    let s = ex.stats();
    assert_eq!(s.tasks_spawned, TASKS);
    assert_eq!(s.tasks_completed, TASKS);
    assert_eq!(s.polls, TASKS * (YIELDS + 1));
    assert_eq!(s.wakes, TASKS * YIELDS);
}

#[test]
fn wake_during_own_poll_is_not_lost() {
    // The task wakes itself before returning Pending: it must be polled again.
    let ex = LocalExecutor::new();
    let mut polls = 0;
    let h = ex.spawn(poll_fn(move |cx| {
        polls += 1;
        if polls == 1 {
            cx.waker().wake_by_ref();
            Poll::Pending
        } else {
            Poll::Ready(polls)
        }
    }));
    ex.run_until_stalled();
    assert!(h.is_finished());
    assert_eq!(ex.block_on(h), 2);
}

#[test]
fn wake_from_other_thread_before_poll_returns_is_not_lost() {
    // Another thread wakes the task (and finishes) while the task is still
    // inside its poll, i.e. before it returned Pending.
    let ex = LocalExecutor::new();
    let mut polls = 0;
    let h = ex.spawn(poll_fn(move |cx| {
        polls += 1;
        if polls == 1 {
            let w = cx.waker().clone();
            thread::spawn(move || w.wake()).join().unwrap();
            Poll::Pending
        } else {
            Poll::Ready(polls)
        }
    }));
    assert_eq!(ex.block_on(h), 2);
}

#[test]
fn many_wakes_before_run_poll_once() {
    let ex = LocalExecutor::new();
    let (tx, rx) = mpsc::channel::<Waker>();
    let mut polls = 0;
    // Pending on the first two polls (so duplicate queue entries would each
    // poll it), ready on the third.
    let h = ex.spawn(poll_fn(move |cx| {
        polls += 1;
        match polls {
            1 => {
                tx.send(cx.waker().clone()).unwrap();
                Poll::Pending
            }
            2 => Poll::Pending,
            _ => Poll::Ready(polls),
        }
    }));
    ex.run_until_stalled();
    let waker = rx.recv().unwrap();
    let before = ex.stats();
    assert_eq!(before.polls, 1);
    // 10 wakes on this thread, 10 from another thread, before the executor runs.
    for _ in 0..10 {
        waker.wake_by_ref();
    }
    let w = waker.clone();
    thread::spawn(move || {
        for _ in 0..10 {
            w.wake_by_ref();
        }
    })
    .join()
    .unwrap();
    ex.run_until_stalled();
    let after = ex.stats();
    assert_eq!(after.polls, 2, "twenty wakes, one poll");
    assert_eq!(after.wakes - before.wakes, 20);
    waker.wake();
    assert_eq!(ex.block_on(h), 3);
}

#[test]
fn waker_is_stable_across_polls() {
    let ex = LocalExecutor::new();
    // A task polled several times sees the same waker each time.
    let seen: Rc<RefCell<Vec<Waker>>> = Rc::default();
    let s = seen.clone();
    let h = ex.spawn(async move {
        for _ in 0..3 {
            poll_fn(|cx| {
                s.borrow_mut().push(cx.waker().clone());
                Poll::Ready(())
            })
            .await;
            yield_now().await;
        }
    });
    ex.block_on(h);
    let seen = seen.borrow();
    assert_eq!(seen.len(), 3);
    assert!(seen.windows(2).all(|w| w[0].will_wake(&w[1])));
}

/// Counts drops of itself into a shared counter.
struct DropCounter(Rc<Cell<u32>>);

impl Drop for DropCounter {
    fn drop(&mut self) {
        self.0.set(self.0.get() + 1);
    }
}

#[test]
fn cancel_drops_the_future() {
    let ex = LocalExecutor::new();
    let drops = Rc::new(Cell::new(0));

    // Cancelled after being polled once.
    let guard = DropCounter(drops.clone());
    let h = ex.spawn(async move {
        let _guard = guard;
        std::future::pending::<()>().await;
    });
    ex.run_until_stalled();
    assert_eq!(drops.get(), 0);
    h.cancel();
    assert_eq!(drops.get(), 1, "cancel() dropped the future");

    // Cancelled before its first poll: never polled.
    let guard = DropCounter(drops.clone());
    let polled = Rc::new(Cell::new(false));
    let p = polled.clone();
    let h = ex.spawn(async move {
        p.set(true);
        drop(guard);
    });
    h.cancel();
    assert_eq!(drops.get(), 2);
    ex.run_until_stalled();
    assert!(!polled.get());
    assert_eq!(ex.stats().tasks_cancelled, 2);
}

#[test]
fn dropped_or_detached_handle_lets_task_run_on() {
    let ex = LocalExecutor::new();
    let log = Rc::new(RefCell::new(Vec::new()));
    let l = log.clone();
    drop(ex.spawn(async move {
        yield_now().await;
        l.borrow_mut().push("dropped handle");
    }));
    let l = log.clone();
    ex.spawn(async move {
        yield_now().await;
        yield_now().await;
        l.borrow_mut().push("detached");
    })
    .detach();
    ex.run_until_stalled();
    assert_eq!(*log.borrow(), ["dropped handle", "detached"]);
    assert_eq!(ex.stats().tasks_completed, 2);
}

#[test]
fn panic_in_task_is_isolated_and_resumed_by_handle() {
    let ex = LocalExecutor::new();
    let bad = ex.spawn(async {
        yield_now().await;
        panic!("task exploded");
    });
    let good = ex.spawn(async {
        yield_now().await;
        yield_now().await;
        7
    });
    ex.run_until_stalled();
    assert_eq!(ex.stats().tasks_completed, 2, "the executor survived");
    let payload = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| ex.block_on(bad)))
        .expect_err("awaiting the handle resumes the panic");
    assert_eq!(payload.downcast_ref::<&str>(), Some(&"task exploded"));
    assert_eq!(ex.block_on(good), 7);
    // A detached panicking task does not disturb anything either.
    ex.spawn(async { panic!("detached panic") }).detach();
    ex.run_until_stalled();
    assert_eq!(ex.block_on(ex.spawn(async { 1 })), 1);
}

#[test]
fn polling_a_completed_join_handle_again_panics() {
    let ex = LocalExecutor::new();
    let mut h = ex.spawn(async { 5 });
    ex.run_until_stalled();
    let mut cx = Context::from_waker(Waker::noop());
    assert_eq!(Pin::new(&mut h).poll(&mut cx), Poll::Ready(5));
    let payload = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let _ = Pin::new(&mut h).poll(&mut cx);
    }))
    .expect_err("second poll panics");
    let msg = payload.downcast_ref::<&str>().copied().unwrap_or_default();
    assert!(
        msg.contains("JoinHandle polled after it already returned"),
        "unexpected message: {msg:?}"
    );
}

#[test]
fn stats_count_polls_wakes_spawns_completions() {
    let ex = LocalExecutor::new();
    assert_eq!(ex.stats(), Default::default());
    let a = ex.spawn(async {
        yield_now().await;
        yield_now().await;
    });
    let b = ex.spawn(async {});
    let c = ex.spawn(std::future::pending::<()>());
    ex.block_on(async {
        a.await;
        b.await;
    });
    let s = ex.stats();
    assert_eq!(s.tasks_spawned, 3);
    assert_eq!(s.tasks_completed, 2);
    assert_eq!(s.polls, 3 + 1 + 1);
    // Two yields, plus the join handle wakes of the block_on future.
    assert!(s.wakes >= 2, "{s:?}");
    c.cancel();
    assert_eq!(ex.stats().tasks_cancelled, 1);
    assert!(format!("{ex:?}").contains("LocalExecutor"));
}

#[test]
fn tasks_spawn_tasks_through_a_spawner() {
    let ex = LocalExecutor::new();
    let spawner = ex.spawner();
    let h = ex.spawn(async move {
        let mut total = 0;
        let inner: Vec<_> = (1..=4).map(|i| spawner.spawn(async move { i })).collect();
        for h in inner {
            total += h.await;
        }
        total
    });
    assert_eq!(ex.block_on(h), 10);
    assert_eq!(ex.stats().tasks_completed, 5);
}

#[test]
fn ring_of_tasks_passes_a_token() {
    // Each task waits for the token from its predecessor and passes it on.
    const N: usize = 50;
    const ROUNDS: usize = 20;
    let ex = LocalExecutor::new();
    let hops = Rc::new(Cell::new(0usize));
    let mut senders = Vec::new();
    let mut receivers = Vec::new();
    for _ in 0..N {
        let (tx, rx) = futures_like_channel();
        senders.push(tx);
        receivers.push(rx);
    }
    for (i, rx) in receivers.into_iter().enumerate() {
        let next = senders[(i + 1) % N].clone();
        let hops = hops.clone();
        ex.spawn(async move {
            loop {
                let token = rx.recv().await;
                hops.set(hops.get() + 1);
                if token == N * ROUNDS {
                    break;
                }
                next.send(token + 1);
            }
        })
        .detach();
    }
    senders[0].send(1);
    ex.run_until_stalled();
    assert_eq!(hops.get(), N * ROUNDS);
}

/// A tiny single-threaded unbounded channel (Rc-based) built on wakers,
/// standing in for a user's `!Send` channel.
fn futures_like_channel() -> (LocalTx, LocalRx) {
    let shared = Rc::new(RefCell::new((Vec::<usize>::new(), None::<Waker>)));
    (LocalTx(shared.clone()), LocalRx(shared))
}

#[derive(Clone)]
struct LocalTx(Rc<RefCell<(Vec<usize>, Option<Waker>)>>);
struct LocalRx(Rc<RefCell<(Vec<usize>, Option<Waker>)>>);

impl LocalTx {
    fn send(&self, v: usize) {
        let w = {
            let mut s = self.0.borrow_mut();
            s.0.push(v);
            s.1.take()
        };
        if let Some(w) = w {
            w.wake();
        }
    }
}

impl LocalRx {
    async fn recv(&self) -> usize {
        poll_fn(|cx| {
            let mut s = self.0.borrow_mut();
            match s.0.pop() {
                Some(v) => Poll::Ready(v),
                None => {
                    s.1 = Some(cx.waker().clone());
                    Poll::Pending
                }
            }
        })
        .await
    }
}

#[test]
fn reentrant_block_on_panics_with_a_message() {
    let ex = Rc::new(LocalExecutor::new());
    let ex2 = ex.clone();
    let h = ex.spawn(async move {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| ex2.block_on(async {})))
            .map_err(|p| p.downcast_ref::<String>().cloned().unwrap_or_default())
    });
    let err = ex.block_on(h).expect_err("nested block_on panics");
    assert!(err.contains("already running"), "{err}");
}

#[test]
fn many_threads_wake_the_same_task() {
    let ex = LocalExecutor::new();
    let count = Arc::new(AtomicUsize::new(0));
    let (tx, rx) = mpsc::channel::<Waker>();
    let c = count.clone();
    let h = ex.spawn(poll_fn(move |cx| {
        if c.load(Ordering::Acquire) == 8 {
            Poll::Ready(())
        } else {
            let _ = tx.send(cx.waker().clone());
            Poll::Pending
        }
    }));
    ex.run_until_stalled();
    let waker = rx.recv().unwrap();
    let threads: Vec<_> = (0..8)
        .map(|_| {
            let (w, c) = (waker.clone(), count.clone());
            thread::spawn(move || {
                c.fetch_add(1, Ordering::AcqRel);
                w.wake();
            })
        })
        .collect();
    ex.block_on(h);
    for t in threads {
        t.join().unwrap();
    }
}
