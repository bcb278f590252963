//! `LocalExecutor`: a single-threaded executor with `Send + Sync` wakers.
//!
//! Layout, designed for speed:
//! - tasks live in a slab (`Vec<Slot>`) owned by the executor, indexed by a
//!   `u32`; a slot's generation changes every time it is freed;
//! - each task is one allocation (`Pin<Box<TaskCell<F>>>`, the future and
//!   later its output); each slot also owns a waker (`Arc<Header>`), built
//!   once and reused by the slot's next task when nobody else holds it, so
//!   spawning in steady state allocates once and polling never allocates;
//! - the task's box and waker are moved out of the slab while it is polled,
//!   so a task may spawn, cancel or join other tasks (or cancel itself)
//!   without a `RefCell` double borrow; everything that may run user code
//!   (dropping a future, an output or a foreign waker, waking) happens after
//!   the slab borrow ends.

mod task;
mod waker;

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::fmt;
use std::future::{Future, IntoFuture};
use std::marker::PhantomData;
use std::panic::{self, AssertUnwindSafe};
use std::pin::{Pin, pin};
use std::rc::Rc;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::task::{Context, Poll, Waker};
use std::thread;

use task::{ErasedTask, TaskCell};
use waker::{Header, MAIN, Shared, TaskRef};

/// Counters of a [`LocalExecutor`], as returned by [`LocalExecutor::stats`].
///
/// # Examples
///
/// ```
/// use statemachine_runtime::{ExecutorStats, LocalExecutor};
///
/// let ex = LocalExecutor::new();
/// ex.block_on(ex.spawn(async {}));
/// let s: ExecutorStats = ex.stats();
/// assert_eq!((s.tasks_spawned, s.tasks_completed, s.polls), (1, 1, 1));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ExecutorStats {
    /// Polls of spawned tasks (the future passed to
    /// [`LocalExecutor::block_on`] is not counted).
    pub polls: u64,
    /// Calls to `wake`/`wake_by_ref` on wakers of this executor's tasks and
    /// `block_on` future, from any thread, including wakes that coalesced
    /// with an earlier one and wakes of finished tasks.
    pub wakes: u64,
    /// Tasks spawned (not counting spawns refused after shutdown).
    pub tasks_spawned: u64,
    /// Tasks whose future returned `Ready` or panicked.
    pub tasks_completed: u64,
    /// Tasks whose future was dropped before completing (by
    /// [`JoinHandle::cancel`] or by dropping the executor).
    pub tasks_cancelled: u64,
}

/// Per-task metadata, kept for introspection ([`LocalExecutor::dump`]).
#[derive(Debug, Clone)]
struct TaskMeta {
    /// Unique per executor, starting at 1; never reused.
    id: u64,
    /// With introspection on: the machines the task was suspended in after
    /// its last poll, outermost first (empty otherwise; never allocates then).
    chain: Vec<crate::StateInfo>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    /// Waiting to be woken, or queued.
    Idle,
    /// Being polled: its box and waker are out of the slab.
    Running,
    /// Finished; the box holds the output for the join handle.
    Completed,
}

struct Live {
    /// `None` while the task is polled.
    task: Option<Pin<Box<dyn ErasedTask>>>,
    phase: Phase,
    has_handle: bool,
    cancel_requested: bool,
    join_waker: Option<Waker>,
    meta: TaskMeta,
}

struct Slot {
    generation: u32,
    header: Arc<Header>,
    /// Built from `header` once; `None` while the task is polled.
    waker: Option<Waker>,
    live: Option<Live>,
}

/// The parts of an occupied slot, borrowed separately.
struct SlotRef<'a> {
    header: &'a Arc<Header>,
    waker: &'a mut Option<Waker>,
    live: &'a mut Live,
}

#[derive(Default)]
struct Slab {
    slots: Vec<Slot>,
    free: Vec<u32>,
    live: usize,
}

impl Slab {
    fn get(&mut self, idx: u32, generation: u32) -> Option<SlotRef<'_>> {
        let slot = self.slots.get_mut(idx as usize)?;
        if slot.generation != generation {
            return None;
        }
        let Slot {
            header,
            waker,
            live,
            ..
        } = slot;
        Some(SlotRef {
            header,
            waker,
            live: live.as_mut()?,
        })
    }

    /// Frees the slot; returns what must be dropped outside the borrow.
    fn vacate(&mut self, idx: u32) -> Option<Live> {
        let slot = &mut self.slots[idx as usize];
        let live = slot.live.take()?;
        slot.generation = slot.generation.wrapping_add(1);
        // Finished or gone: further wakes of old wakers coalesce here.
        slot.header.scheduled.store(true, Ordering::Release);
        self.free.push(idx);
        self.live -= 1;
        Some(live)
    }
}

pub(crate) struct Inner {
    shared: Arc<Shared>,
    slab: RefCell<Slab>,
    /// Spare buffer swapped with the local queue for each batch.
    batch: Cell<Vec<TaskRef>>,
    main_header: Arc<Header>,
    main_waker: Waker,
    running: Cell<bool>,
    shut_down: Cell<bool>,
    next_id: Cell<u64>,
    polls: Cell<u64>,
    spawned: Cell<u64>,
    completed: Cell<u64>,
    cancelled: Cell<u64>,
    /// Record where each task is suspended after each poll (`dump`).
    introspect: Cell<bool>,
}

/// Marks the executor as running (on this thread) until dropped.
struct Running<'a> {
    inner: &'a Inner,
    _enter: waker::EnterGuard,
}

impl Drop for Running<'_> {
    fn drop(&mut self) {
        self.inner.running.set(false);
    }
}

fn bump(c: &Cell<u64>) {
    c.set(c.get() + 1);
}

/// Drops a task's remains (future or output), swallowing a panic from its
/// `Drop` so the executor survives it (the panic hook has reported it).
fn drop_quietly<T>(value: T) {
    let _ = panic::catch_unwind(AssertUnwindSafe(move || drop(value)));
}

impl Inner {
    fn new() -> Self {
        let shared = Arc::new(Shared::new());
        let main_header = Arc::new(Header::new(shared.clone(), MAIN, 0));
        let main_waker = Waker::from(main_header.clone());
        Inner {
            shared,
            slab: RefCell::default(),
            batch: Cell::default(),
            main_header,
            main_waker,
            running: Cell::new(false),
            shut_down: Cell::new(false),
            next_id: Cell::new(1),
            polls: Cell::new(0),
            spawned: Cell::new(0),
            completed: Cell::new(0),
            cancelled: Cell::new(0),
            introspect: Cell::new(false),
        }
    }

    fn enter(&self, what: &str) -> Running<'_> {
        assert!(
            !self.running.replace(true),
            "LocalExecutor::{what} called while the executor is already running \
             (from inside one of its tasks)"
        );
        Running {
            inner: self,
            _enter: self.shared.enter(),
        }
    }

    fn spawn<F>(self: &Rc<Self>, fut: F) -> JoinHandle<F::Output>
    where
        F: Future + 'static,
        F::Output: 'static,
    {
        if self.shut_down.get() {
            // Documented: after shutdown a spawned future is dropped at once.
            drop(fut);
            return JoinHandle::new(self.clone(), u32::MAX, 0);
        }
        let task: Pin<Box<dyn ErasedTask>> = Box::pin(TaskCell::new(fut));
        let id = self.next_id.get();
        self.next_id.set(id + 1);
        let r = {
            let mut slab = self.slab.borrow_mut();
            let live = Live {
                task: Some(task),
                phase: Phase::Idle,
                has_handle: true,
                cancel_requested: false,
                join_waker: None,
                meta: TaskMeta {
                    id,
                    chain: Vec::new(),
                },
            };
            slab.live += 1;
            match slab.free.pop() {
                Some(idx) => {
                    let slot = &mut slab.slots[idx as usize];
                    // Reuse the waker unless someone else still holds a clone
                    // (then it must keep naming the old generation).
                    if Arc::strong_count(&slot.header) == 2 {
                        slot.header
                            .generation
                            .store(slot.generation, Ordering::Relaxed);
                        slot.header.scheduled.store(true, Ordering::Relaxed);
                    } else {
                        let header =
                            Arc::new(Header::new(self.shared.clone(), idx, slot.generation));
                        slot.waker = Some(Waker::from(header.clone()));
                        slot.header = header;
                    }
                    slot.live = Some(live);
                    TaskRef {
                        idx,
                        generation: slot.generation,
                    }
                }
                None => {
                    let idx = u32::try_from(slab.slots.len())
                        .ok()
                        .filter(|&i| i != MAIN)
                        .expect("too many live tasks");
                    let header = Arc::new(Header::new(self.shared.clone(), idx, 0));
                    slab.slots.push(Slot {
                        generation: 0,
                        waker: Some(Waker::from(header.clone())),
                        header,
                        live: Some(live),
                    });
                    TaskRef { idx, generation: 0 }
                }
            }
        };
        bump(&self.spawned);
        // SAFETY: `Inner` is `!Send`, so this is the executor's thread; the
        // local queue is not borrowed anywhere else right now.
        unsafe { self.shared.push_local(r) };
        JoinHandle::new(self.clone(), r.idx, r.generation)
    }

    /// Polls one task if `r` still names a runnable one.
    fn run_task(&self, r: TaskRef) {
        let (mut task, waker) = {
            let mut slab = self.slab.borrow_mut();
            let Some(SlotRef {
                header,
                waker,
                live,
            }) = slab.get(r.idx, r.generation)
            else {
                return;
            };
            if live.phase != Phase::Idle {
                return;
            }
            live.phase = Phase::Running;
            // Clear before polling: a wake during the poll queues it again.
            header.scheduled.swap(false, Ordering::Acquire);
            let task = live.task.take().expect("idle task has its future");
            (task, waker.take().expect("idle task has its waker"))
        };
        bump(&self.polls);
        let mut chain = None;
        let ready = if self.introspect.get() {
            let recording = crate::introspect::TaskRecording::start();
            let ready = task
                .as_mut()
                .poll_task(&mut Context::from_waker(&waker))
                .is_ready();
            chain = Some(recording.finish());
            ready
        } else {
            task.as_mut()
                .poll_task(&mut Context::from_waker(&waker))
                .is_ready()
        };

        let mut to_drop: Option<Pin<Box<dyn ErasedTask>>> = None;
        let mut to_wake = None;
        {
            let mut slab = self.slab.borrow_mut();
            match slab.get(r.idx, r.generation) {
                None => to_drop = Some(task),
                Some(slot) => {
                    let live = slot.live;
                    *slot.waker = Some(waker);
                    if let Some(chain) = chain {
                        live.meta.chain = chain;
                    }
                    if ready {
                        bump(&self.completed);
                        live.phase = Phase::Completed;
                        slot.header.scheduled.store(true, Ordering::Release);
                        if live.cancel_requested || !live.has_handle {
                            to_drop = Some(task);
                            let gone = slab.vacate(r.idx);
                            to_wake = gone.and_then(|l| l.join_waker);
                        } else {
                            live.task = Some(task);
                            to_wake = live.join_waker.take();
                        }
                    } else if live.cancel_requested {
                        bump(&self.cancelled);
                        to_drop = Some(task);
                        let gone = slab.vacate(r.idx);
                        to_wake = gone.and_then(|l| l.join_waker);
                    } else {
                        live.phase = Phase::Idle;
                        live.task = Some(task);
                    }
                }
            }
        }
        if let Some(task) = to_drop {
            drop_quietly(task);
        }
        if let Some(w) = to_wake {
            w.wake();
        }
    }

    /// Runs every task queued right now (and anything announced remotely).
    /// Returns false if nothing was queued. Sets `main_ready` if the
    /// `block_on` future was woken.
    fn run_batch(&self, main_ready: &mut bool) -> bool {
        let mut batch = self.batch.take();
        // SAFETY: executor method, on its thread; no other borrow of the
        // local queue is live (tasks are not being polled here).
        unsafe {
            self.shared
                .owner_local(|l| std::mem::swap(&mut l.queue, &mut batch))
        };
        self.shared.drain_remote(&mut batch);
        if batch.is_empty() {
            self.batch.set(batch);
            return false;
        }
        // Put the buffer back even if a task's waker or drop unwinds.
        struct Restore<'a>(&'a Cell<Vec<TaskRef>>, Vec<TaskRef>);
        impl Drop for Restore<'_> {
            fn drop(&mut self) {
                self.1.clear();
                self.0.set(std::mem::take(&mut self.1));
            }
        }
        let mut guard = Restore(&self.batch, batch);
        for &r in &guard.1 {
            if r.idx == MAIN {
                *main_ready = true;
            } else {
                self.run_task(r);
            }
        }
        guard.1.clear();
        true
    }

    fn stats(&self) -> ExecutorStats {
        // SAFETY: executor method, on its thread; only reads a counter.
        let local_wakes = unsafe { self.shared.owner_local(|l| l.wakes) };
        ExecutorStats {
            polls: self.polls.get(),
            wakes: local_wakes + self.shared.remote_wakes(),
            tasks_spawned: self.spawned.get(),
            tasks_completed: self.completed.get(),
            tasks_cancelled: self.cancelled.get(),
        }
    }

    /// Drops every task's future (and unclaimed outputs); later spawns drop
    /// their future immediately.
    fn shutdown(&self) {
        self.shut_down.set(true);
        self.shared.close();
        loop {
            let gone: Vec<Live> = {
                let mut slab = self.slab.borrow_mut();
                let n = u32::try_from(slab.slots.len()).expect("slab index fits u32");
                (0..n).filter_map(|i| slab.vacate(i)).collect()
            };
            if gone.is_empty() {
                break;
            }
            for live in gone {
                if live.phase != Phase::Completed {
                    bump(&self.cancelled);
                }
                drop_quietly(live);
            }
        }
        // SAFETY: executor method, on its thread.
        let stale = unsafe { self.shared.owner_local(|l| std::mem::take(&mut l.queue)) };
        drop(stale);
    }
}

/// A single-threaded executor for futures that need not be `Send`.
///
/// [`spawn`](Self::spawn) queues a task; [`block_on`](Self::block_on) drives
/// a future together with every spawned task, parking the thread when nothing
/// is runnable; [`run_until_stalled`](Self::run_until_stalled) runs tasks
/// until none is runnable and returns.
///
/// Wakers are `Send + Sync`: a task woken from another thread (a timer, a
/// channel) is queued and the executor's thread unparked. A waker only holds
/// the task's index, its generation and a handle to the executor's queues; it
/// never owns or touches the task, so waking a waker whose task finished,
/// was cancelled or whose executor is gone is a no-op. A task woken many times
/// before it runs is queued once.
///
/// A panic in a task is caught; it resumes when the task's [`JoinHandle`] is
/// awaited. Dropping the executor drops every remaining task's future. A
/// future whose `Drop` spawns while the executor is being dropped gets its new
/// future dropped immediately (spawning after shutdown never runs anything),
/// and the returned handle reports the task as cancelled.
///
/// `block_on` and `run_until_stalled` may not be called from inside one of
/// the executor's own tasks (that panics). `run_until_stalled` returns only
/// once no task is runnable, so a task that yields forever keeps it running.
///
/// The executor, its [`JoinHandle`]s and [`LocalSpawner`]s are `!Send` and
/// `!Sync` (they stay on the thread that created the executor); only wakers
/// cross threads:
///
/// ```compile_fail
/// fn assert_send<T: Send>(_: T) {}
/// assert_send(statemachine_runtime::LocalExecutor::new());
/// ```
///
/// # Examples
///
/// ```
/// use statemachine_runtime::{LocalExecutor, yield_now};
/// use std::{cell::RefCell, rc::Rc};
///
/// let ex = LocalExecutor::new();
/// let log = Rc::new(RefCell::new(Vec::new()));
/// let handles: Vec<_> = (0..3)
///     .map(|i| {
///         let log = log.clone();
///         ex.spawn(async move {
///             yield_now().await;
///             log.borrow_mut().push(i);
///             i * 10
///         })
///     })
///     .collect();
/// let total = ex.block_on(async {
///     let mut sum = 0;
///     for h in handles {
///         sum += h.await;
///     }
///     sum
/// });
/// assert_eq!(total, 30);
/// assert_eq!(*log.borrow(), [0, 1, 2]);
/// ```
pub struct LocalExecutor {
    inner: Rc<Inner>,
}

impl LocalExecutor {
    /// Creates an executor bound to the current thread.
    ///
    /// # Examples
    ///
    /// ```
    /// let ex = statemachine_runtime::LocalExecutor::new();
    /// assert_eq!(ex.stats().tasks_spawned, 0);
    /// ```
    pub fn new() -> Self {
        LocalExecutor {
            inner: Rc::new(Inner::new()),
        }
    }

    /// Spawns a task. It runs when the executor is driven (by `block_on` or
    /// `run_until_stalled`), whether or not its handle is kept.
    ///
    /// # Examples
    ///
    /// ```
    /// use statemachine_runtime::LocalExecutor;
    /// use std::rc::Rc;
    ///
    /// let ex = LocalExecutor::new();
    /// let not_send = Rc::new(5);
    /// let handle = ex.spawn(async move { *not_send + 1 });
    /// assert_eq!(ex.block_on(handle), 6);
    /// ```
    pub fn spawn<F>(&self, fut: F) -> JoinHandle<F::Output>
    where
        F: Future + 'static,
        F::Output: 'static,
    {
        self.inner.spawn(fut)
    }

    /// Returns a cloneable handle that spawns onto this executor, for tasks
    /// that spawn tasks.
    ///
    /// # Examples
    ///
    /// ```
    /// use statemachine_runtime::LocalExecutor;
    ///
    /// let ex = LocalExecutor::new();
    /// let spawner = ex.spawner();
    /// let outer = ex.spawn(async move { spawner.spawn(async { 7 }).await });
    /// assert_eq!(ex.block_on(outer), 7);
    /// ```
    pub fn spawner(&self) -> LocalSpawner {
        LocalSpawner {
            inner: self.inner.clone(),
        }
    }

    /// Drives `fut` and every spawned task until `fut` completes, parking
    /// the thread whenever nothing is runnable. Returns `fut`'s output; tasks
    /// still pending stay in the executor.
    ///
    /// # Panics
    ///
    /// If called from inside one of this executor's tasks, or if `fut`
    /// panics (task panics are caught, see [`JoinHandle`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use statemachine_runtime::{LocalExecutor, sleep};
    /// use std::time::Duration;
    ///
    /// let ex = LocalExecutor::new();
    /// let out = ex.block_on(async {
    ///     sleep(Duration::from_millis(1)).await;
    ///     "done"
    /// });
    /// assert_eq!(out, "done");
    /// ```
    pub fn block_on<F: IntoFuture>(&self, fut: F) -> F::Output {
        let inner = &*self.inner;
        let _running = inner.enter("block_on");
        let mut fut = pin!(fut.into_future());
        let mut cx = Context::from_waker(&inner.main_waker);
        let mut main_ready = true;
        loop {
            if main_ready {
                main_ready = false;
                inner.main_header.scheduled.swap(false, Ordering::Acquire);
                if let Poll::Ready(out) = fut.as_mut().poll(&mut cx) {
                    return out;
                }
            }
            while !main_ready {
                if !inner.run_batch(&mut main_ready) {
                    inner.shared.park();
                }
            }
        }
    }

    /// Runs tasks until none is runnable, then returns (pending tasks, e.g.
    /// sleeping ones, stay in the executor).
    ///
    /// # Panics
    ///
    /// If called from inside one of this executor's tasks.
    ///
    /// # Examples
    ///
    /// ```
    /// use statemachine_runtime::{LocalExecutor, yield_now};
    /// use std::{cell::Cell, rc::Rc};
    ///
    /// let ex = LocalExecutor::new();
    /// let done = Rc::new(Cell::new(false));
    /// let d = done.clone();
    /// ex.spawn(async move {
    ///     yield_now().await;
    ///     d.set(true);
    /// })
    /// .detach();
    /// ex.run_until_stalled();
    /// assert!(done.get());
    /// ```
    pub fn run_until_stalled(&self) {
        let inner = &*self.inner;
        let _running = inner.enter("run_until_stalled");
        let mut main_ready = false;
        while inner.run_batch(&mut main_ready) {}
    }

    /// Returns the executor's counters.
    ///
    /// # Examples
    ///
    /// ```
    /// use statemachine_runtime::{LocalExecutor, yield_now};
    ///
    /// let ex = LocalExecutor::new();
    /// ex.spawn(async { yield_now().await }).detach();
    /// ex.run_until_stalled();
    /// let s = ex.stats();
    /// assert_eq!((s.polls, s.wakes, s.tasks_completed), (2, 1, 1));
    /// ```
    pub fn stats(&self) -> ExecutorStats {
        self.inner.stats()
    }

    /// Turns introspection on or off: while on, each task poll records the
    /// chain of `#[state_machine]` machines the task is suspended in, for
    /// [`dump`](Self::dump). Off by default. Needs the runtime's cargo
    /// feature `introspect`, which compiles the hook into machines' `poll`
    /// (without it, chains stay empty).
    pub fn set_introspection(&self, on: bool) {
        if on {
            crate::introspect::enable();
        }
        self.inner.introspect.set(on);
    }

    /// Lists every live task (spawned, not yet joined or cancelled) by id,
    /// with the chain of machines it was suspended in after its last poll
    /// (see [`set_introspection`](Self::set_introspection)): like a
    /// backtrace, `handler -> fetch_user -> query @ src/db.rs:12: read().await`.
    /// A task whose future contains no machine, or that was not polled with
    /// introspection on, shows as `<opaque future>`. Must not be called from
    /// inside a task's poll of this executor (it reads the task table).
    ///
    /// # Examples
    ///
    /// ```
    /// use statemachine_runtime::{LocalExecutor, state_machine};
    ///
    /// #[state_machine]
    /// async fn worker() {
    ///     std::future::pending::<()>().await;
    /// }
    ///
    /// let ex = LocalExecutor::new();
    /// ex.set_introspection(true);
    /// ex.spawn(worker()).detach();
    /// ex.spawn(async {}).detach();
    /// ex.spawn(std::future::pending::<()>()).detach();
    /// ex.run_until_stalled();
    /// let dump = ex.dump();
    /// assert_eq!(dump.tasks.len(), 2);
    /// assert_eq!(dump.tasks[0].chain[0].state, "AwaitPending");
    /// assert!(dump.to_string().starts_with("task 1 [idle]: worker @ "));
    /// assert!(dump.to_string().contains("task 3 [idle]: <opaque future>"));
    /// ```
    pub fn dump(&self) -> crate::Dump {
        let slab = self.inner.slab.borrow();
        let mut tasks: Vec<crate::TaskDump> = slab
            .slots
            .iter()
            .filter_map(|slot| slot.live.as_ref())
            .map(|live| crate::TaskDump {
                id: live.meta.id,
                chain: live.meta.chain.clone(),
                phase: match live.phase {
                    Phase::Idle => "idle",
                    Phase::Running => "running",
                    Phase::Completed => "completed",
                },
            })
            .collect();
        tasks.sort_by_key(|t| t.id);
        crate::Dump { tasks }
    }
}

impl Default for LocalExecutor {
    fn default() -> Self {
        Self::new()
    }
}

impl Drop for LocalExecutor {
    fn drop(&mut self) {
        self.inner.shutdown();
    }
}

impl fmt::Debug for LocalExecutor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let live = self.inner.slab.try_borrow().map(|s| s.live).ok();
        f.debug_struct("LocalExecutor")
            .field("live_tasks", &live)
            .field("stats", &self.inner.stats())
            .finish()
    }
}

/// A cloneable handle that spawns tasks onto a [`LocalExecutor`]; obtained
/// with [`LocalExecutor::spawner`]. After the executor is dropped, spawned
/// futures are dropped immediately and never run.
///
/// # Examples
///
/// ```
/// use statemachine_runtime::{LocalExecutor, LocalSpawner};
///
/// let ex = LocalExecutor::new();
/// let spawner: LocalSpawner = ex.spawner();
/// let h = spawner.spawn(async { 1 });
/// assert_eq!(ex.block_on(h), 1);
/// ```
#[derive(Clone)]
pub struct LocalSpawner {
    inner: Rc<Inner>,
}

impl LocalSpawner {
    /// Spawns a task, as [`LocalExecutor::spawn`].
    ///
    /// # Examples
    ///
    /// ```
    /// use statemachine_runtime::LocalExecutor;
    ///
    /// let ex = LocalExecutor::new();
    /// let s = ex.spawner();
    /// assert_eq!(ex.block_on(s.spawn(async { "hi" })), "hi");
    /// ```
    pub fn spawn<F>(&self, fut: F) -> JoinHandle<F::Output>
    where
        F: Future + 'static,
        F::Output: 'static,
    {
        self.inner.spawn(fut)
    }
}

impl fmt::Debug for LocalSpawner {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("LocalSpawner")
            .field("executor_alive", &!self.inner.shut_down.get())
            .finish()
    }
}

/// The handle of a spawned task: a future resolving to the task's output.
///
/// - Dropping it, or [`detach`](Self::detach), lets the task run on.
/// - [`cancel`](Self::cancel) drops the task's future (deferred until the
///   poll returns when called from inside the task itself).
/// - If the task panicked, awaiting the handle resumes the panic.
/// - Polling the handle again after it returned the output panics.
/// - If the task was cancelled because the executor was dropped (or spawned
///   after that), awaiting the handle panics with a message saying so.
///
/// # Examples
///
/// ```
/// use statemachine_runtime::LocalExecutor;
/// use std::panic::{catch_unwind, AssertUnwindSafe};
///
/// let ex = LocalExecutor::new();
/// let h = ex.spawn(async { panic!("task failed") });
/// let err = catch_unwind(AssertUnwindSafe(|| ex.block_on(h))).unwrap_err();
/// assert_eq!(err.downcast_ref::<&str>(), Some(&"task failed"));
/// // The executor survives.
/// assert_eq!(ex.block_on(ex.spawn(async { 1 })), 1);
/// ```
#[must_use = "a JoinHandle does nothing unless awaited; use `detach()` to let the task run on"]
pub struct JoinHandle<T> {
    inner: Rc<Inner>,
    idx: u32,
    generation: u32,
    /// Set once the output was returned (or the handle gave up on the task).
    done: bool,
    _output: PhantomData<fn() -> T>,
}

impl<T> JoinHandle<T> {
    fn new(inner: Rc<Inner>, idx: u32, generation: u32) -> Self {
        JoinHandle {
            inner,
            idx,
            generation,
            done: false,
            _output: PhantomData,
        }
    }

    /// Lets the task run on without a handle (same as dropping the handle).
    ///
    /// # Examples
    ///
    /// ```
    /// use statemachine_runtime::LocalExecutor;
    /// use std::{cell::Cell, rc::Rc};
    ///
    /// let ex = LocalExecutor::new();
    /// let ran = Rc::new(Cell::new(false));
    /// let r = ran.clone();
    /// ex.spawn(async move { r.set(true) }).detach();
    /// ex.run_until_stalled();
    /// assert!(ran.get());
    /// ```
    pub fn detach(self) {
        drop(self);
    }

    /// Cancels the task: its future is dropped now, or, when called from
    /// inside the task's own poll, right after that poll returns (the task is
    /// not polled again). A task that already finished has its output dropped.
    ///
    /// # Examples
    ///
    /// ```
    /// use statemachine_runtime::LocalExecutor;
    /// use std::future::pending;
    ///
    /// let ex = LocalExecutor::new();
    /// let h = ex.spawn(pending::<()>());
    /// ex.run_until_stalled();
    /// h.cancel();
    /// assert_eq!(ex.stats().tasks_cancelled, 1);
    /// ```
    pub fn cancel(mut self) {
        self.done = true;
        let (gone, old_waker) = {
            let mut slab = self.inner.slab.borrow_mut();
            match slab.get(self.idx, self.generation) {
                None => (None, None),
                Some(SlotRef { live, .. }) => {
                    live.has_handle = false;
                    let old_waker = live.join_waker.take();
                    match live.phase {
                        Phase::Running => {
                            live.cancel_requested = true;
                            (None, old_waker)
                        }
                        Phase::Idle => {
                            bump(&self.inner.cancelled);
                            (slab.vacate(self.idx), old_waker)
                        }
                        Phase::Completed => (slab.vacate(self.idx), old_waker),
                    }
                }
            }
        };
        drop(old_waker);
        if let Some(live) = gone {
            drop_quietly(live);
        }
    }

    /// Whether the task has finished (its output is waiting for this handle).
    ///
    /// # Examples
    ///
    /// ```
    /// use statemachine_runtime::LocalExecutor;
    ///
    /// let ex = LocalExecutor::new();
    /// let h = ex.spawn(async { 3 });
    /// assert!(!h.is_finished());
    /// ex.run_until_stalled();
    /// assert!(h.is_finished());
    /// assert_eq!(ex.block_on(h), 3);
    /// ```
    pub fn is_finished(&self) -> bool {
        let mut slab = self.inner.slab.borrow_mut();
        slab.get(self.idx, self.generation)
            .is_some_and(|s| s.live.phase == Phase::Completed)
    }

    /// The task's id, unique within its executor (0 if the task was refused
    /// because the executor had shut down). For introspection and logs.
    ///
    /// # Examples
    ///
    /// ```
    /// use statemachine_runtime::LocalExecutor;
    ///
    /// let ex = LocalExecutor::new();
    /// let (a, b) = (ex.spawn(async {}), ex.spawn(async {}));
    /// assert_ne!(a.id(), b.id());
    /// # a.detach(); b.detach();
    /// ```
    pub fn id(&self) -> u64 {
        let mut slab = self.inner.slab.borrow_mut();
        slab.get(self.idx, self.generation)
            .map_or(0, |s| s.live.meta.id)
    }
}

impl<T: 'static> Future for JoinHandle<T> {
    type Output = T;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<T> {
        assert!(
            !self.done,
            "JoinHandle polled after it already returned the task's output"
        );
        enum Step {
            Cancelled,
            Pending(Option<Waker>),
            Finished(Option<Live>),
        }
        let step = {
            let mut slab = self.inner.slab.borrow_mut();
            match slab.get(self.idx, self.generation) {
                None => Step::Cancelled,
                Some(SlotRef { live, .. }) => match live.phase {
                    Phase::Completed => Step::Finished(slab.vacate(self.idx)),
                    Phase::Idle | Phase::Running => Step::Pending(match &mut live.join_waker {
                        Some(w) if w.will_wake(cx.waker()) => None,
                        slot => slot.replace(cx.waker().clone()),
                    }),
                },
            }
        };
        match step {
            Step::Pending(old_waker) => {
                drop(old_waker);
                Poll::Pending
            }
            Step::Cancelled => {
                self.done = true;
                panic!(
                    "JoinHandle awaited after its task was cancelled \
                     (the executor was dropped, or the task was spawned after that)"
                )
            }
            Step::Finished(live) => {
                self.done = true;
                let mut live = live.expect("completed task is live");
                let mut out: Option<thread::Result<T>> = None;
                if let Some(task) = live.task.as_mut() {
                    task.as_mut().take_output(&mut out as &mut dyn Any);
                }
                drop(live);
                match out.expect("completed task holds its output") {
                    Ok(v) => Poll::Ready(v),
                    Err(payload) => panic::resume_unwind(payload),
                }
            }
        }
    }
}

impl<T> Drop for JoinHandle<T> {
    fn drop(&mut self) {
        if self.done {
            return;
        }
        let (gone, old_waker) = {
            let Ok(mut slab) = self.inner.slab.try_borrow_mut() else {
                return;
            };
            match slab.get(self.idx, self.generation) {
                None => (None, None),
                Some(SlotRef { live, .. }) => {
                    live.has_handle = false;
                    let old_waker = live.join_waker.take();
                    if live.phase == Phase::Completed {
                        (slab.vacate(self.idx), old_waker)
                    } else {
                        (None, old_waker)
                    }
                }
            }
        };
        drop(old_waker);
        if let Some(live) = gone {
            drop_quietly(live);
        }
    }
}

impl<T> fmt::Debug for JoinHandle<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("JoinHandle")
            .field("index", &self.idx)
            .field("generation", &self.generation)
            .field("done", &self.done)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::yield_now;

    #[test]
    fn spawn_yield_join_and_slot_reuse() {
        let ex = LocalExecutor::new();
        for round in 0..3 {
            let hs: Vec<_> = (0..4)
                .map(|i| {
                    ex.spawn(async move {
                        yield_now().await;
                        i + round
                    })
                })
                .collect();
            let sum = ex.block_on(async {
                let mut s = 0;
                for h in hs {
                    s += h.await;
                }
                s
            });
            assert_eq!(sum, 6 + 4 * round);
        }
        // Slots (and their wakers) were reused.
        assert_eq!(ex.inner.slab.borrow().slots.len(), 4);
        assert_eq!(ex.stats().tasks_completed, 12);
    }

    #[test]
    fn cross_thread_wake_and_stale_waker() {
        let ex = LocalExecutor::new();
        let (tx, rx) = std::sync::mpsc::channel::<Waker>();
        let h = ex.spawn(std::future::poll_fn(move |cx| {
            let _ = tx.send(cx.waker().clone());
            Poll::Ready(5)
        }));
        assert_eq!(ex.block_on(h), 5);
        let stale = rx.recv().unwrap();
        // Task gone: waking from another thread is a no-op.
        thread::spawn(move || stale.wake()).join().unwrap();
        ex.run_until_stalled();
        assert_eq!(ex.stats().polls, 1);
    }

    #[test]
    fn cancel_self_inside_poll() {
        let ex = LocalExecutor::new();
        let slot: Rc<RefCell<Option<JoinHandle<()>>>> = Rc::default();
        let s = slot.clone();
        let h = ex.spawn(async move {
            let me = s.borrow_mut().take().unwrap();
            me.cancel();
            yield_now().await;
            unreachable!("cancelled task polled again");
        });
        *slot.borrow_mut() = Some(h);
        ex.run_until_stalled();
        let st = ex.stats();
        assert_eq!((st.polls, st.tasks_cancelled), (1, 1));
    }
}
