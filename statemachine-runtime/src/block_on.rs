//! `block_on`: run one future on the current thread.

use std::cell::Cell;
use std::future::{Future, IntoFuture};
use std::pin::pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::task::{Context, Poll, Wake, Waker};
use std::thread::{self, Thread};

/// Wakes one parked thread. The `notified` flag is what the parked thread
/// waits for; `unpark` only ends the `park` call, so spurious returns from
/// `park` and unpark tokens consumed by other code cannot lose a wakeup.
struct ThreadNotify {
    thread: Thread,
    notified: AtomicBool,
}

impl Wake for ThreadNotify {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        // Release: whatever the waker did before waking is visible to the
        // thread that observes the flag with Acquire.
        if !self.notified.swap(true, Ordering::Release) {
            self.thread.unpark();
        }
    }
}

/// A thread's parker and the waker built from it, built once per thread and
/// reused by every non-nested `block_on` call (no allocation on the fast path).
struct Parker {
    notify: Arc<ThreadNotify>,
    waker: Waker,
}

impl Parker {
    fn new() -> Self {
        let notify = Arc::new(ThreadNotify {
            thread: thread::current(),
            notified: AtomicBool::new(false),
        });
        let waker = Waker::from(notify.clone());
        Parker { notify, waker }
    }

    fn park(&self) {
        while !self.notify.notified.swap(false, Ordering::Acquire) {
            thread::park();
        }
    }
}

thread_local! {
    /// The cached parker of this thread; `None` while a `block_on` uses it, so
    /// a nested `block_on` (inside a future polled by another) builds its own
    /// and never consumes a notification meant for the outer one.
    static CACHED: Cell<Option<Parker>> = const { Cell::new(None) };
}

/// Puts the parker back into the thread-local cache when `block_on` returns
/// or unwinds.
struct PutBack(Option<Parker>);

impl Drop for PutBack {
    fn drop(&mut self) {
        let parker = self.0.take();
        // Ignore the error: during thread-local destruction there is no cache.
        let _ = CACHED.try_with(|c| c.set(parker));
    }
}

/// Runs a future to completion on the current thread and returns its output.
///
/// The thread is parked (`std::thread::park`) while the future is pending and
/// unparked by its waker, which may be woken from any thread; no wakeup is
/// lost and nothing spins. A future that is ready on its first poll costs one
/// poll and no allocation (the thread's waker is cached).
///
/// Calls may nest (a future polled by `block_on` may call `block_on`); the
/// inner call then blocks the outer one, as with any blocking call.
///
/// # Examples
///
/// ```
/// use std::{thread, time::Duration};
/// use statemachine_runtime::{block_on, oneshot};
///
/// assert_eq!(block_on(async { 1 + 2 }), 3);
///
/// let (tx, rx) = oneshot::channel();
/// thread::spawn(move || {
///     thread::sleep(Duration::from_millis(10));
///     tx.send("from another thread").unwrap();
/// });
/// assert_eq!(block_on(rx), Ok("from another thread"));
/// ```
pub fn block_on<F: IntoFuture>(fut: F) -> F::Output {
    let mut fut = pin!(fut.into_future());
    let parker = CACHED
        .try_with(Cell::take)
        .ok()
        .flatten()
        .unwrap_or_else(Parker::new);
    let guard = PutBack(Some(parker));
    let parker = guard.0.as_ref().expect("parker present until drop");
    let mut cx = Context::from_waker(&parker.waker);
    loop {
        if let Poll::Ready(out) = fut.as_mut().poll(&mut cx) {
            return out;
        }
        parker.park();
    }
}
