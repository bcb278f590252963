//! The thread-safe half of the executor: run queues and wakers.
//!
//! A waker never owns or touches a task (tasks may be `!Send`). It is an
//! `Arc<Header>` holding a task index, a generation and an `Arc<Shared>`;
//! waking it pushes a [`TaskRef`] onto a queue. The executor checks the
//! generation when it pops the reference, so waking a waker whose task is
//! gone is a no-op.
//!
//! Two queues:
//! - the *local* queue, a plain `Vec` touched only on the executor's thread
//!   (by the executor itself, and by wakers woken on that thread while the
//!   executor runs): no lock, no atomic beyond the `scheduled` flag;
//! - the *remote* queue, a `Mutex<Vec>`, for wakes from other threads (or
//!   from the executor's thread while it is not running), followed by an
//!   unpark of the executor's thread.

use std::cell::{Cell, UnsafeCell};
use std::ptr;
use std::sync::atomic::{AtomicBool, AtomicU32, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::task::Wake;
use std::thread::{self, Thread};

/// The index reserved for the future driven by `LocalExecutor::block_on`.
pub(crate) const MAIN: u32 = u32::MAX;

/// A scheduled task: slab index plus the generation of the slot when the
/// waker was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct TaskRef {
    pub(crate) idx: u32,
    pub(crate) generation: u32,
}

/// What only the executor's thread touches.
#[derive(Default)]
pub(crate) struct Local {
    pub(crate) queue: Vec<TaskRef>,
    /// Wakes performed on the executor's thread while it was running.
    pub(crate) wakes: u64,
}

/// A cell only the owner thread of a [`Shared`] may access.
///
/// Invariant: `with` is called only on the thread that owns the executor
/// this `Shared` belongs to (see [`Shared::owner_local`]).
pub(crate) struct OwnerCell<T>(UnsafeCell<T>);

impl<T> OwnerCell<T> {
    /// Runs `f` with exclusive access to the value.
    ///
    /// # Safety
    ///
    /// The caller must be on the owner thread, and `f` must not call `with`
    /// on the same cell again (no reentrancy).
    pub(crate) unsafe fn with<R>(&self, f: impl FnOnce(&mut T) -> R) -> R {
        // SAFETY: the caller is on the only thread that ever accesses the
        // cell, and there is no other live reference into it (no reentrancy;
        // `f` in this module only pushes, swaps or counts).
        f(unsafe { &mut *self.0.get() })
    }
}

thread_local! {
    /// The `Shared` of the executor currently running on this thread, if any.
    static RUNNING: Cell<*const Shared> = const { Cell::new(ptr::null()) };
}

/// State shared between an executor and its wakers (which may be on any
/// thread).
pub(crate) struct Shared {
    local: OwnerCell<Local>,
    remote: Mutex<Vec<TaskRef>>,
    remote_wakes: AtomicU64,
    /// Set (Release) after a push to `remote`; the executor swaps it to false
    /// before draining `remote` and parks only while it is false.
    notified: AtomicBool,
    /// Set when the executor is dropped: remote wakes become no-ops.
    closed: AtomicBool,
    /// The executor's thread (executors are `!Send`).
    thread: Thread,
}

// SAFETY: every field but `local` is `Send + Sync`. `local` is only accessed
// through `OwnerCell::with`, whose callers are (a) the executor's own methods,
// which run on the thread owning the executor (the executor, its join handles
// and spawners hold an `Rc` and are therefore `!Send` and `!Sync`), and
// (b) wakers, only when `RUNNING` on the current thread points to this
// `Shared`, which is set only by the executor's methods on its own thread
// (and reset before they return). So `local` is never accessed from two
// threads, and dropping `Shared` (possibly on another thread, by the last
// waker) requires exclusive ownership. `Local` itself is `Send`.
unsafe impl Sync for Shared {}
// (`Send` is automatic: every field, `OwnerCell<Local>` included, is `Send`.)

/// Restores the previously running executor of this thread on drop.
pub(crate) struct EnterGuard {
    prev: *const Shared,
}

impl Drop for EnterGuard {
    fn drop(&mut self) {
        RUNNING.set(self.prev);
    }
}

impl Shared {
    pub(crate) fn new() -> Self {
        Shared {
            local: OwnerCell(UnsafeCell::new(Local::default())),
            remote: Mutex::new(Vec::new()),
            remote_wakes: AtomicU64::new(0),
            notified: AtomicBool::new(false),
            closed: AtomicBool::new(false),
            thread: thread::current(),
        }
    }

    /// Marks this executor as running on the current thread until the guard
    /// drops. Only the executor's own methods call this, on its thread.
    pub(crate) fn enter(&self) -> EnterGuard {
        EnterGuard {
            prev: RUNNING.replace(self),
        }
    }

    fn on_owner_thread_running(&self) -> bool {
        RUNNING
            .try_with(|r| ptr::eq(r.get(), self))
            .unwrap_or(false)
    }

    /// Accesses the local part.
    ///
    /// # Safety
    ///
    /// Only on the executor's thread (from the executor's own methods), and
    /// not reentrantly.
    pub(crate) unsafe fn owner_local<R>(&self, f: impl FnOnce(&mut Local) -> R) -> R {
        // SAFETY: forwarded to the caller.
        unsafe { self.local.with(f) }
    }

    /// Schedules `r` from the executor's own thread.
    ///
    /// # Safety
    ///
    /// As for [`Shared::owner_local`].
    pub(crate) unsafe fn push_local(&self, r: TaskRef) {
        // SAFETY: forwarded to the caller.
        unsafe { self.local.with(|l| l.queue.push(r)) }
    }

    fn push_remote(&self, r: TaskRef) {
        if self.closed.load(Ordering::Acquire) {
            return;
        }
        self.remote
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(r);
        if !self.notified.swap(true, Ordering::AcqRel) {
            self.thread.unpark();
        }
    }

    /// Moves remotely scheduled tasks into `into`; false if there were none
    /// announced.
    pub(crate) fn drain_remote(&self, into: &mut Vec<TaskRef>) -> bool {
        if !self.notified.swap(false, Ordering::AcqRel) {
            return false;
        }
        into.append(&mut self.remote.lock().unwrap_or_else(PoisonError::into_inner));
        true
    }

    /// Parks the executor's thread until a remote wake is announced.
    pub(crate) fn park(&self) {
        while !self.notified.load(Ordering::Acquire) {
            thread::park();
        }
    }

    pub(crate) fn remote_wakes(&self) -> u64 {
        self.remote_wakes.load(Ordering::Relaxed)
    }

    /// Stops remote scheduling and forgets everything queued remotely.
    pub(crate) fn close(&self) {
        self.closed.store(true, Ordering::Release);
        let stale =
            std::mem::take(&mut *self.remote.lock().unwrap_or_else(PoisonError::into_inner));
        drop(stale);
    }
}

/// The waker of one task slot (or of the `block_on` main future).
///
/// Reused by the next task of the same slot when nobody else holds it.
pub(crate) struct Header {
    pub(crate) shared: Arc<Shared>,
    pub(crate) idx: u32,
    /// The generation of the task this header currently wakes; changed only
    /// when the executor holds the only references (header and its waker).
    pub(crate) generation: AtomicU32,
    /// True while the task is queued (or finished): further wakes coalesce.
    pub(crate) scheduled: AtomicBool,
}

impl Header {
    pub(crate) fn new(shared: Arc<Shared>, idx: u32, generation: u32) -> Self {
        Header {
            shared,
            idx,
            generation: AtomicU32::new(generation),
            scheduled: AtomicBool::new(true),
        }
    }
}

impl Wake for Header {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        let shared = &*self.shared;
        let local = shared.on_owner_thread_running();
        if local {
            // SAFETY: `RUNNING` points to `shared` on this thread, so this is
            // the executor's thread; `with` is not reentered (`f` only counts).
            unsafe { shared.local.with(|l| l.wakes += 1) };
        } else {
            shared.remote_wakes.fetch_add(1, Ordering::Relaxed);
        }
        // AcqRel: pairs with the executor's clearing swap, so a wake after the
        // clear always queues the task again.
        if self.scheduled.swap(true, Ordering::AcqRel) {
            return;
        }
        let r = TaskRef {
            idx: self.idx,
            generation: self.generation.load(Ordering::Relaxed),
        };
        if local {
            // SAFETY: as above: on the executor's thread, not reentrant.
            unsafe { shared.local.with(|l| l.queue.push(r)) };
        } else {
            shared.push_remote(r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::task::Waker;

    fn drain_all(shared: &Shared) -> Vec<TaskRef> {
        let mut out = Vec::new();
        // SAFETY: test thread owns the executor state.
        unsafe { shared.owner_local(|l| out.append(&mut l.queue)) };
        shared.drain_remote(&mut out);
        out
    }

    #[test]
    fn local_wake_coalesces_and_counts() {
        let shared = Arc::new(Shared::new());
        let header = Arc::new(Header::new(shared.clone(), 3, 7));
        header.scheduled.store(false, Ordering::Relaxed);
        let waker = Waker::from(header.clone());
        {
            let _g = shared.enter();
            for _ in 0..5 {
                waker.wake_by_ref();
            }
        }
        let q = drain_all(&shared);
        assert_eq!(
            q,
            vec![TaskRef {
                idx: 3,
                generation: 7
            }]
        );
        // SAFETY: owner thread.
        assert_eq!(unsafe { shared.owner_local(|l| l.wakes) }, 5);
        assert_eq!(shared.remote_wakes(), 0);
    }

    #[test]
    fn wake_without_running_executor_goes_remote() {
        let shared = Arc::new(Shared::new());
        let header = Arc::new(Header::new(shared.clone(), 1, 0));
        header.scheduled.store(false, Ordering::Relaxed);
        Waker::from(header).wake();
        assert_eq!(shared.remote_wakes(), 1);
        assert_eq!(drain_all(&shared).len(), 1);
        // Nothing announced any more.
        assert!(!shared.drain_remote(&mut Vec::new()));
    }

    #[test]
    fn cross_thread_wake_unparks_and_waker_outlives_shared_owner() {
        let shared = Arc::new(Shared::new());
        let header = Arc::new(Header::new(shared.clone(), 2, 1));
        header.scheduled.store(false, Ordering::Relaxed);
        let waker = Waker::from(header);
        let w2 = waker.clone();
        let t = thread::spawn(move || {
            w2.wake_by_ref();
            w2
        });
        shared.park();
        let q = drain_all(&shared);
        assert_eq!(q.len(), 1);
        let w2 = t.join().unwrap();
        // Drop every owner on this side, then the last waker on another thread.
        shared.close();
        drop(shared);
        drop(waker);
        thread::spawn(move || {
            w2.wake();
        })
        .join()
        .unwrap();
    }

    #[test]
    fn nested_enter_restores_previous() {
        let a = Arc::new(Shared::new());
        let b = Arc::new(Shared::new());
        let _ga = a.enter();
        {
            let _gb = b.enter();
            assert!(b.on_owner_thread_running());
            assert!(!a.on_owner_thread_running());
        }
        assert!(a.on_owner_thread_running());
    }
}
