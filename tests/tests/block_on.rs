//! `block_on`: fast path, cross-thread wakeups, no busy loop, nesting.

use std::future::{Future, poll_fn};
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Waker};
use std::thread;
use std::time::{Duration, Instant};

use statemachine_runtime::{block_on, oneshot, yield_now};

#[test]
fn ready_future_returns_its_output() {
    assert_eq!(block_on(async { 40 + 2 }), 42);
    assert_eq!(block_on(std::future::ready("x")), "x");
}

/// Pending until another thread sets `flag`; counts its polls.
struct Delayed {
    flag: Arc<AtomicBool>,
    waker: Arc<Mutex<Option<Waker>>>,
    polls: usize,
}

impl Future for Delayed {
    type Output = usize;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<usize> {
        self.polls += 1;
        *self.waker.lock().unwrap() = Some(cx.waker().clone());
        if self.flag.load(Ordering::Acquire) {
            Poll::Ready(self.polls)
        } else {
            Poll::Pending
        }
    }
}

#[test]
fn future_woken_from_another_thread_after_a_delay() {
    // Run on a fresh thread so no earlier notification is cached.
    thread::spawn(|| {
        let flag = Arc::new(AtomicBool::new(false));
        let waker = Arc::new(Mutex::new(None::<Waker>));
        let (f, w) = (flag.clone(), waker.clone());
        let t = thread::spawn(move || {
            thread::sleep(Duration::from_millis(50));
            f.store(true, Ordering::Release);
            w.lock().unwrap().take().expect("registered").wake();
        });
        let start = Instant::now();
        let polls = block_on(Delayed {
            flag,
            waker,
            polls: 0,
        });
        t.join().unwrap();
        assert!(start.elapsed() >= Duration::from_millis(50));
        // Parked the whole time: one poll before, one after the wake.
        assert_eq!(polls, 2, "no busy loop");
    })
    .join()
    .unwrap();
}

#[test]
fn wake_before_pending_is_not_lost() {
    let mut first = true;
    let out = block_on(poll_fn(|cx| {
        if first {
            first = false;
            cx.waker().wake_by_ref();
            Poll::Pending
        } else {
            Poll::Ready(9)
        }
    }));
    assert_eq!(out, 9);
}

#[test]
fn many_threads_waking_concurrently() {
    for _ in 0..20 {
        let remaining = Arc::new(AtomicUsize::new(4));
        let r = remaining.clone();
        let mut spawned = false;
        block_on(poll_fn(|cx| {
            if !spawned {
                spawned = true;
                for _ in 0..4 {
                    let (w, r) = (cx.waker().clone(), r.clone());
                    thread::spawn(move || {
                        r.fetch_sub(1, Ordering::AcqRel);
                        w.wake();
                    });
                }
            }
            if r.load(Ordering::Acquire) == 0 {
                Poll::Ready(())
            } else {
                Poll::Pending
            }
        }));
        assert_eq!(remaining.load(Ordering::Acquire), 0);
    }
}

#[test]
fn nested_block_on_does_not_steal_the_outer_wakeup() {
    let (tx, rx) = oneshot::channel();
    let out = block_on(async move {
        let t = thread::spawn(move || {
            thread::sleep(Duration::from_millis(10));
            tx.send(1).unwrap();
        });
        // Inner blocking call while the outer future is pending on `rx`.
        let inner = block_on(async {
            yield_now().await;
            2
        });
        let v = rx.await.unwrap();
        t.join().unwrap();
        v + inner
    });
    assert_eq!(out, 3);
}

#[test]
fn block_on_accepts_into_future() {
    let (tx, rx) = oneshot::channel::<u8>();
    tx.send(4).unwrap();
    assert_eq!(block_on(rx), Ok(4));
}
