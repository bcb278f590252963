//! Executor comparison: the same task bodies on our `LocalExecutor` and its
//! single-threaded peers. Tasks signal completion through one shared
//! [`Countdown`] and pass tokens over one shared [`Slot`] channel, so every
//! runtime pays the same for synchronisation and only the scheduling differs.

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::sync::mpsc;
use std::task::{Context, Poll, Waker};
use std::thread;

use crate::leaf::wait;

/// A single-threaded executor under comparison.
pub trait Peer {
    /// A handle that spawns `!Send` tasks from inside tasks.
    type Spawner: Clone + 'static;
    /// Name in the report.
    const NAME: &'static str;
    /// A fresh executor.
    fn new() -> Self;
    /// A spawner for this executor.
    fn spawner(&self) -> Self::Spawner;
    /// Spawns a detached task.
    fn spawn<F: Future<Output = ()> + 'static>(s: &Self::Spawner, fut: F);
    /// Drives `root` and the spawned tasks until `root` completes.
    fn block_on<F: Future>(&mut self, root: F) -> F::Output;
}

/// Ours: `statemachine_runtime::LocalExecutor`.
#[derive(Debug)]
pub struct Ours(statemachine_runtime::LocalExecutor);

impl Peer for Ours {
    type Spawner = statemachine_runtime::LocalSpawner;
    const NAME: &'static str = "ours";
    fn new() -> Self {
        Ours(statemachine_runtime::LocalExecutor::new())
    }
    fn spawner(&self) -> Self::Spawner {
        self.0.spawner()
    }
    fn spawn<F: Future<Output = ()> + 'static>(s: &Self::Spawner, fut: F) {
        s.spawn(fut).detach();
    }
    fn block_on<F: Future>(&mut self, root: F) -> F::Output {
        self.0.block_on(root)
    }
}

/// tokio's current-thread runtime with a `LocalSet` (the tasks are `!Send`).
#[derive(Debug)]
pub struct Tokio {
    rt: tokio::runtime::Runtime,
    local: tokio::task::LocalSet,
}

/// Spawns with `tokio::task::spawn_local`, valid inside the `LocalSet`.
#[derive(Debug, Clone, Copy)]
pub struct TokioSpawner;

impl Peer for Tokio {
    type Spawner = TokioSpawner;
    const NAME: &'static str = "tokio";
    fn new() -> Self {
        Tokio {
            rt: tokio::runtime::Builder::new_current_thread()
                .build()
                .expect("tokio runtime"),
            local: tokio::task::LocalSet::new(),
        }
    }
    fn spawner(&self) -> TokioSpawner {
        TokioSpawner
    }
    fn spawn<F: Future<Output = ()> + 'static>(_: &TokioSpawner, fut: F) {
        drop(tokio::task::spawn_local(fut));
    }
    fn block_on<F: Future>(&mut self, root: F) -> F::Output {
        self.rt.block_on(self.local.run_until(root))
    }
}

/// async-executor's `LocalExecutor`, driven by `futures_lite::future::block_on`.
#[derive(Debug)]
pub struct AsyncExecutor(Rc<async_executor::LocalExecutor<'static>>);

impl Peer for AsyncExecutor {
    type Spawner = Rc<async_executor::LocalExecutor<'static>>;
    const NAME: &'static str = "async-executor";
    fn new() -> Self {
        AsyncExecutor(Rc::new(async_executor::LocalExecutor::new()))
    }
    fn spawner(&self) -> Self::Spawner {
        self.0.clone()
    }
    fn spawn<F: Future<Output = ()> + 'static>(s: &Self::Spawner, fut: F) {
        s.spawn(fut).detach();
    }
    fn block_on<F: Future>(&mut self, root: F) -> F::Output {
        futures_lite::future::block_on(self.0.run(root))
    }
}

/// async-executor's `StaticLocalExecutor` (feature `static`): leaked once per
/// benchmark, so its spawner is a plain `&'static`.
#[derive(Debug)]
pub struct AsyncStatic(&'static async_executor::StaticLocalExecutor);

impl Peer for AsyncStatic {
    type Spawner = &'static async_executor::StaticLocalExecutor;
    const NAME: &'static str = "async-executor-static";
    fn new() -> Self {
        AsyncStatic(async_executor::LocalExecutor::new().leak())
    }
    fn spawner(&self) -> Self::Spawner {
        self.0
    }
    fn spawn<F: Future<Output = ()> + 'static>(s: &Self::Spawner, fut: F) {
        s.spawn(fut).detach();
    }
    fn block_on<F: Future>(&mut self, root: F) -> F::Output {
        futures_lite::future::block_on(self.0.run(root))
    }
}

/// futures' `LocalPool`.
#[derive(Debug)]
pub struct FuturesPool(futures::executor::LocalPool);

impl Peer for FuturesPool {
    type Spawner = futures::executor::LocalSpawner;
    const NAME: &'static str = "futures-LocalPool";
    fn new() -> Self {
        FuturesPool(futures::executor::LocalPool::new())
    }
    fn spawner(&self) -> Self::Spawner {
        self.0.spawner()
    }
    fn spawn<F: Future<Output = ()> + 'static>(s: &Self::Spawner, fut: F) {
        use futures::task::LocalSpawnExt;
        s.spawn_local(fut).expect("LocalPool spawn");
    }
    fn block_on<F: Future>(&mut self, root: F) -> F::Output {
        self.0.run_until(root)
    }
}

/// Completes when `tick` was called `n` times; the root future of every
/// executor workload awaits one.
#[derive(Debug, Clone)]
pub struct Countdown(Rc<CountdownInner>);

#[derive(Debug)]
struct CountdownInner {
    left: Cell<usize>,
    waker: RefCell<Option<Waker>>,
}

impl Countdown {
    /// A countdown from `n`.
    pub fn new(n: usize) -> Self {
        Countdown(Rc::new(CountdownInner {
            left: Cell::new(n),
            waker: RefCell::new(None),
        }))
    }
    /// One task done; wakes the waiter at zero.
    pub fn tick(&self) {
        let left = self.0.left.get() - 1;
        self.0.left.set(left);
        if left == 0
            && let Some(w) = self.0.waker.borrow_mut().take()
        {
            w.wake();
        }
    }
}

impl Future for Countdown {
    type Output = ();
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.0.left.get() == 0 {
            Poll::Ready(())
        } else {
            *self.0.waker.borrow_mut() = Some(cx.waker().clone());
            Poll::Pending
        }
    }
}

/// A one-value local channel (`!Send`, no atomics): the ring's links. Used by
/// every runtime, so the ring measures scheduling, not channel code.
#[derive(Debug, Default)]
pub struct Slot {
    value: Cell<Option<u64>>,
    waker: RefCell<Option<Waker>>,
}

impl Slot {
    /// Stores the token and wakes the receiver.
    pub fn send(&self, v: u64) {
        self.value.set(Some(v));
        if let Some(w) = self.waker.borrow_mut().take() {
            w.wake();
        }
    }
    /// Waits for the token.
    pub fn recv(self: &Rc<Self>) -> Recv {
        Recv(self.clone())
    }
}

/// The future of [`Slot::recv`].
#[derive(Debug)]
pub struct Recv(Rc<Slot>);

impl Future for Recv {
    type Output = u64;
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u64> {
        match self.0.value.take() {
            Some(v) => Poll::Ready(v),
            None => {
                *self.0.waker.borrow_mut() = Some(cx.waker().clone());
                Poll::Pending
            }
        }
    }
}

/// tokio's `spawn_one`: spawn one task from inside the root and wait for it.
pub fn spawn_one<P: Peer>(p: &mut P) {
    let s = p.spawner();
    p.block_on(async move {
        let done = Countdown::new(1);
        let d = done.clone();
        P::spawn(&s, async move { d.tick() });
        done.await
    });
}

/// Spawn `n` trivial tasks, then wait for all.
pub fn spawn_many<P: Peer>(p: &mut P, n: usize) {
    let s = p.spawner();
    p.block_on(async move {
        let done = Countdown::new(n);
        for _ in 0..n {
            let d = done.clone();
            P::spawn(&s, async move { d.tick() });
        }
        done.await
    });
}

/// `tasks` tasks each yielding `yields` times (async-executor's `yield_now`
/// bench shape; tokio's `yield_many` is 1,000 x 1,000 with Send tasks).
pub fn yield_many<P: Peer>(p: &mut P, tasks: usize, yields: usize) {
    let s = p.spawner();
    p.block_on(async move {
        let done = Countdown::new(tasks);
        for _ in 0..tasks {
            let d = done.clone();
            P::spawn(&s, async move {
                for _ in 0..yields {
                    wait().await;
                }
                d.tick()
            });
        }
        done.await
    });
}

/// A ring of `tasks` tasks passing one token `hops` times in total; task i
/// receives on link i and sends on link i + 1.
pub fn ring<P: Peer>(p: &mut P, tasks: usize, hops: u64) {
    let s = p.spawner();
    p.block_on(async move {
        let links: Vec<Rc<Slot>> = (0..tasks).map(|_| Rc::new(Slot::default())).collect();
        let done = Countdown::new(tasks);
        for i in 0..tasks {
            let rx = links[i].clone();
            let tx = links[(i + 1) % tasks].clone();
            let d = done.clone();
            P::spawn(&s, async move {
                loop {
                    let t = rx.recv().await;
                    // Forward even the last token so every task sees the end.
                    tx.send(t + 1);
                    if t + 1 >= hops {
                        break;
                    }
                }
                d.tick()
            });
        }
        links[0].send(0);
        done.await
    });
}

/// Each task spawns the next, `depth` deep (tokio's `chained_spawn`).
pub fn chained_spawn<P: Peer>(p: &mut P, depth: usize) {
    fn link<P: Peer>(s: P::Spawner, left: usize, done: Countdown) {
        if left == 0 {
            done.tick();
        } else {
            let s2 = s.clone();
            P::spawn(&s, async move { link::<P>(s2, left - 1, done) });
        }
    }
    let s = p.spawner();
    p.block_on(async move {
        let done = Countdown::new(1);
        link::<P>(s, depth, done.clone());
        done.await
    });
}

/// A thread that wakes tasks on request: each request is a waker-owning
/// oneshot sender, completed from this thread.
#[derive(Debug)]
pub struct Remote {
    tx: Option<mpsc::Sender<futures::channel::oneshot::Sender<()>>>,
    handle: Option<thread::JoinHandle<()>>,
}

impl Remote {
    /// Starts the waking thread.
    pub fn start() -> Self {
        let (tx, rx) = mpsc::channel::<futures::channel::oneshot::Sender<()>>();
        let handle = thread::spawn(move || {
            for s in rx {
                let _ = s.send(());
            }
        });
        Remote {
            tx: Some(tx),
            handle: Some(handle),
        }
    }
}

impl Drop for Remote {
    fn drop(&mut self) {
        self.tx.take();
        if let Some(h) = self.handle.take() {
            let _ = h.join();
        }
    }
}

/// `rounds` wake-ups of a task from another thread (futures' oneshot, so
/// the waker crosses threads); includes the parked executor being unparked.
pub fn remote_wake<P: Peer>(p: &mut P, remote: &Remote, rounds: usize) {
    let s = p.spawner();
    let tx = remote.tx.clone().expect("remote thread running");
    p.block_on(async move {
        let done = Countdown::new(1);
        let d = done.clone();
        P::spawn(&s, async move {
            for _ in 0..rounds {
                let (otx, orx) = futures::channel::oneshot::channel();
                tx.send(otx).expect("remote thread alive");
                orx.await.expect("remote sent");
            }
            d.tick()
        });
        done.await
    });
}
