//! Shared helpers for the workspace's integration tests: an event log, values
//! that log their drop, leaf futures with a configurable number of `Pending`s,
//! and the differential check that runs one body compiled twice (by
//! `#[state_machine]` and by rustc) and compares everything observable.

use std::cell::{Cell, RefCell};
use std::fmt::Debug;
use std::future::Future;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

thread_local! {
    static LOG: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
    static PENDING: Cell<u32> = const { Cell::new(0) };
}

/// Appends an event to this thread's log.
pub fn log(event: impl Into<String>) {
    LOG.with(|l| l.borrow_mut().push(event.into()));
}

/// Takes this thread's log.
pub fn take_log() -> Vec<String> {
    LOG.with(|l| std::mem::take(&mut *l.borrow_mut()))
}

/// A value that logs `drop NAME` when dropped.
#[derive(Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct D(pub &'static str);

impl D {
    /// Logs `use NAME` (a side effect that needs a live value).
    pub fn touch(&self) -> &'static str {
        log(format!("use {}", self.0));
        self.0
    }
    /// Consumes the value, logging `consume NAME` then its drop.
    pub fn into_name(self) -> &'static str {
        log(format!("consume {}", self.0));
        self.0
    }
}

impl Drop for D {
    fn drop(&mut self) {
        log(format!("drop {}", self.0));
    }
}

/// A leaf future: logs its creation and each poll, returns `Pending` as many
/// times as the current pattern says (waking itself), then `value`.
#[must_use]
#[derive(Debug)]
pub struct Leaf<T> {
    name: &'static str,
    pending: u32,
    value: Option<T>,
}

impl<T> Future for Leaf<T> {
    type Output = T;
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<T> {
        // SAFETY: `Leaf` has no pinned fields.
        let this = unsafe { self.get_unchecked_mut() };
        log(format!("poll {}", this.name));
        if this.pending > 0 {
            this.pending -= 1;
            cx.waker().wake_by_ref();
            return Poll::Pending;
        }
        Poll::Ready(this.value.take().expect("leaf polled after completion"))
    }
}

impl<T> Drop for Leaf<T> {
    fn drop(&mut self) {
        log(format!("drop leaf {}", self.name));
    }
}

/// A leaf named `name` that completes with `value` after the current number
/// of `Pending`s.
pub fn leaf<T>(name: &'static str, value: T) -> Leaf<T> {
    log(format!("make {name}"));
    Leaf {
        name,
        pending: PENDING.with(Cell::get),
        value: Some(value),
    }
}

/// Everything observable about one run.
#[derive(Debug, PartialEq, Eq)]
pub struct Run {
    pub output: String,
    pub polls: u32,
    pub log: Vec<String>,
    /// The panic messages of two polls after `Ready` (the first panic
    /// leaves the future as it was: the second says the same).
    pub after_ready: [String; 2],
}

fn panic_message(payload: Box<dyn std::any::Any + Send>) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_owned()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "<non-string panic>".to_owned()
    }
}

/// The panic message of one more poll of a finished future.
fn poll_outcome<F: Future>(future: Pin<&mut F>) -> String {
    let mut cx = Context::from_waker(Waker::noop());
    match catch_unwind(AssertUnwindSafe(|| future.poll(&mut cx).is_ready())) {
        Ok(ready) => format!("no panic (ready: {ready})"),
        Err(payload) => panic_message(payload),
    }
}

/// Runs a future to completion with a no-op waker, counting polls.
pub fn run<F: Future>(future: F) -> Run
where
    F::Output: Debug,
{
    take_log();
    let mut future = Box::pin(future);
    let mut cx = Context::from_waker(Waker::noop());
    let mut polls = 0;
    let output = loop {
        polls += 1;
        if let Poll::Ready(v) = future.as_mut().poll(&mut cx) {
            break format!("{v:?}");
        }
        assert!(polls < 100_000, "future never completed");
    };
    let log = take_log();
    let after_ready = [(); 2].map(|()| poll_outcome(future.as_mut()));
    drop(future);
    take_log();
    Run {
        output,
        polls,
        log,
        after_ready,
    }
}

/// Polls a fresh future `k` times (it must stay pending), then drops it;
/// returns the log from creation to after the drop.
pub fn drop_after<F: Future>(future: F, k: u32) -> Vec<String> {
    take_log();
    let future = suspended_after(future, k);
    log("-- drop --");
    drop(future);
    take_log()
}

/// Pins `future` and polls it `k` times; it must stay pending.
fn suspended_after<F: Future>(future: F, k: u32) -> Pin<Box<F>> {
    let mut future = Box::pin(future);
    let mut cx = Context::from_waker(Waker::noop());
    for _ in 0..k {
        assert!(
            future.as_mut().poll(&mut cx).is_pending(),
            "completed before poll {k}"
        );
    }
    future
}

/// What a panicking body leaves behind.
#[derive(Debug, PartialEq, Eq)]
pub struct PanicRun {
    pub message: String,
    pub polls: u32,
    /// The log right after the panic was caught, before the future is dropped.
    pub log_at_panic: Vec<String>,
    /// The panic messages of the next two polls.
    pub next_poll: [String; 2],
    pub log_at_drop: Vec<String>,
}

/// Polls until the future panics.
pub fn run_panicking<F: Future>(future: F) -> PanicRun {
    take_log();
    let mut future = Box::pin(future);
    let mut cx = Context::from_waker(Waker::noop());
    let mut polls = 0;
    let message = loop {
        polls += 1;
        match catch_unwind(AssertUnwindSafe(|| {
            future.as_mut().poll(&mut cx).is_ready()
        })) {
            Ok(true) => panic!("completed without panicking"),
            Ok(false) => assert!(polls < 100_000, "future never completed"),
            Err(payload) => break panic_message(payload),
        }
    };
    let log_at_panic = take_log();
    let next_poll = [(); 2].map(|()| poll_outcome(future.as_mut()));
    drop(future);
    let log_at_drop = take_log();
    PanicRun {
        message,
        polls,
        log_at_panic,
        next_poll,
        log_at_drop,
    }
}

/// Sets how many times each leaf returns `Pending` before `Ready`.
pub fn set_pending(n: u32) {
    PENDING.with(|p| p.set(n));
}

/// The differential check: for 0, 1 and 2 `Pending`s per leaf, the machine and
/// rustc's future give the same output, poll count, event log and
/// after-completion panic; and for every number of polls before completion
/// (including none), dropping the future gives the same log.
pub fn check<M, C, FM, FC>(machine: M, compiler: C)
where
    M: Fn() -> FM,
    C: Fn() -> FC,
    FM: Future,
    FC: Future<Output = FM::Output>,
    FM::Output: Debug,
{
    for pending in 0..3 {
        set_pending(pending);
        let expected = run(compiler());
        let actual = run(machine());
        assert_eq!(
            actual, expected,
            "complete run differs with {pending} Pending per leaf"
        );
        assert!(
            expected.log.iter().any(|e| e.starts_with("drop ")),
            "a case must drop logged values, or its drop order is not checked"
        );
        for k in 0..expected.polls {
            let expected_drop = drop_after(compiler(), k);
            let actual_drop = drop_after(machine(), k);
            assert_eq!(
                actual_drop, expected_drop,
                "drop after {k} polls differs with {pending} Pending per leaf"
            );
        }
    }
    set_pending(0);
}

/// The differential check for a body that panics: the panic, the values
/// dropped during the unwind, the poisoned next poll and the final drop.
pub fn check_panic<M, C, FM, FC>(machine: M, compiler: C)
where
    M: Fn() -> FM,
    C: Fn() -> FC,
    FM: Future,
    FC: Future<Output = FM::Output>,
{
    for pending in 0..3 {
        set_pending(pending);
        let expected = run_panicking(compiler());
        let actual = run_panicking(machine());
        assert_eq!(
            actual, expected,
            "panicking run differs with {pending} Pending per leaf"
        );
    }
    set_pending(0);
}

/// Polls a fresh future `k` times (it must stay pending), then drops it
/// where a destructor panics: the log from creation to after the drop, and
/// the drop's panic message.
pub fn drop_panicking_after<F: Future>(future: F, k: u32) -> (Vec<String>, String) {
    take_log();
    let future = suspended_after(future, k);
    log("-- drop --");
    let message = match catch_unwind(AssertUnwindSafe(move || drop(future))) {
        Ok(()) => "no panic".to_owned(),
        Err(payload) => panic_message(payload),
    };
    (take_log(), message)
}

/// The differential check for a future whose drop panics while it is
/// suspended: for 1 and 2 `Pending`s per leaf and every number of polls
/// that leaves it suspended, the values dropped (the rest are dropped when
/// one destructor panics, as rustc's are) and the panic.
pub fn check_drop_panicking<M, C, FM, FC>(machine: M, compiler: C)
where
    M: Fn() -> FM,
    C: Fn() -> FC,
    FM: Future,
    FC: Future<Output = FM::Output>,
{
    for pending in 1..3 {
        set_pending(pending);
        for k in 1..=pending {
            let expected = drop_panicking_after(compiler(), k);
            let actual = drop_panicking_after(machine(), k);
            assert_eq!(
                actual, expected,
                "drop after {k} polls differs with {pending} Pending per leaf"
            );
        }
    }
    set_pending(0);
}

/// Emits one body twice, as `machine` (through `#[state_machine]`) and as
/// `compiler` (plain `async fn`), plus a test comparing them with [`check`].
///
/// ```text
/// differential!(name, (a: u32, b: D) -> u32 { body }, (1, D("b")));
/// ```
#[macro_export]
macro_rules! differential {
    // Parameters written as patterns, in brackets (a pattern fragment may
    // not be followed by `:`).
    ($name:ident, [$($params:tt)*] -> $ret:ty { $($body:tt)* }, ($($val:expr),* $(,)?)) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;
            #[::statemachine_runtime::state_machine]
            pub async fn machine($($params)*) -> $ret { $($body)* }
            #[allow(unused_mut, unused_variables, clippy::all)]
            pub async fn compiler($($params)*) -> $ret { $($body)* }
            #[test]
            fn matches_rustc() {
                $crate::check(|| machine($($val),*), || compiler($($val),*));
            }
        }
    };
    ($name:ident, ($($arg:ident : $ty:ty),* $(,)?) -> $ret:ty { $($body:tt)* }, ($($val:expr),* $(,)?)) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;
            #[::statemachine_runtime::state_machine]
            pub async fn machine($($arg: $ty),*) -> $ret { $($body)* }
            #[allow(unused_mut, unused_variables, clippy::all)]
            pub async fn compiler($($arg: $ty),*) -> $ret { $($body)* }
            #[test]
            fn matches_rustc() {
                $crate::check(|| machine($($val),*), || compiler($($val),*));
            }
        }
    };
    // Arguments for the attribute: `with(takes_self(send))`.
    ($name:ident, with($($args:tt)*), ($($arg:ident : $ty:ty),* $(,)?) -> $ret:ty { $($body:tt)* }, ($($val:expr),* $(,)?)) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;
            #[::statemachine_runtime::state_machine($($args)*)]
            pub async fn machine($($arg: $ty),*) -> $ret { $($body)* }
            #[allow(unused_mut, unused_variables, clippy::all)]
            pub async fn compiler($($arg: $ty),*) -> $ret { $($body)* }
            #[test]
            fn matches_rustc() {
                $crate::check(|| machine($($val),*), || compiler($($val),*));
            }
        }
    };
    // A body that panics (see `check_panic`).
    (panics $($case:tt)*) => {
        $crate::differential!(@panicking $crate::check_panic, $($case)*);
    };
    // A body whose first await's awaitee panics when dropped: dropped while
    // suspended there (see `check_drop_panicking`).
    (drop_panics $($case:tt)*) => {
        $crate::differential!(@panicking $crate::check_drop_panicking, $($case)*);
    };
    (@panicking $check:path, $name:ident, ($($arg:ident : $ty:ty),* $(,)?) -> $ret:ty { $($body:tt)* }, ($($val:expr),* $(,)?)) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;
            #[::statemachine_runtime::state_machine]
            pub async fn machine($($arg: $ty),*) -> $ret { $($body)* }
            #[allow(unused_mut, unused_variables, unreachable_code, clippy::all)]
            pub async fn compiler($($arg: $ty),*) -> $ret { $($body)* }
            #[test]
            fn matches_rustc() {
                $check(|| machine($($val),*), || compiler($($val),*));
            }
        }
    };
}

/// Emits one method body twice in an `impl` block: `$machine` through
/// `#[state_machine]` and `$compiler` as a plain `async fn`.
#[macro_export]
macro_rules! differential_impl {
    ($ty:ty, $machine:ident, $compiler:ident, ($($recv:tt)*), ($($arg:ident : $argty:ty),* $(,)?) -> $ret:ty { $($body:tt)* }) => {
        impl $ty {
            #[::statemachine_runtime::state_machine]
            pub async fn $machine($($recv)*, $($arg: $argty),*) -> $ret { $($body)* }
            #[allow(unused_variables, unused_mut)]
            pub async fn $compiler($($recv)*, $($arg: $argty),*) -> $ret { $($body)* }
        }
    };
}

/// Whether a value's type is `Send`, decided at compile time by method
/// resolution (an inherent method applies only when the bound holds), so a
/// test can compare the answer for two opaque futures.
#[macro_export]
macro_rules! is_send {
    ($value:expr) => {{
        #[allow(unused_imports)]
        use $crate::NotAuto as _;
        $crate::probe(&$value).is_send()
    }};
}

/// Whether a value's type is `Sync` (see [`is_send!`]).
#[macro_export]
macro_rules! is_sync {
    ($value:expr) => {{
        #[allow(unused_imports)]
        use $crate::NotAuto as _;
        $crate::probe(&$value).is_sync()
    }};
}

/// See [`is_send!`].
#[derive(Debug)]
pub struct Probe<T>(std::marker::PhantomData<T>);

/// See [`is_send!`].
pub fn probe<T>(_: &T) -> Probe<T> {
    Probe(std::marker::PhantomData)
}

/// The fallback answers of [`is_send!`] and [`is_sync!`].
pub trait NotAuto {
    /// `false`: the inherent method did not apply.
    fn is_send(&self) -> bool {
        false
    }
    /// `false`: the inherent method did not apply.
    fn is_sync(&self) -> bool {
        false
    }
}

impl<T> NotAuto for Probe<T> {}

impl<T: Send> Probe<T> {
    /// `true`: `T: Send`.
    pub fn is_send(&self) -> bool {
        true
    }
}

impl<T: Sync> Probe<T> {
    /// `true`: `T: Sync`.
    pub fn is_sync(&self) -> bool {
        true
    }
}

/// A reader that hands out its bytes a few at a time, each read after a leaf.
#[derive(Debug)]
pub struct Reader {
    data: Vec<u8>,
    pos: usize,
}

impl Reader {
    /// A reader over `data`.
    pub fn new(data: &[u8]) -> Self {
        Reader {
            data: data.to_vec(),
            pos: 0,
        }
    }

    /// Reads up to 3 bytes into `buf`.
    pub async fn read(&mut self, buf: &mut [u8]) -> usize {
        leaf("read", ()).await;
        let n = (self.data.len() - self.pos).min(buf.len()).min(3);
        buf[..n].copy_from_slice(&self.data[self.pos..self.pos + n]);
        self.pos += n;
        log(format!("read {n}"));
        n
    }

    /// Appends up to 3 bytes to `line`.
    pub async fn read_line(&mut self, line: &mut String) -> usize {
        let mut buf = [0u8; 3];
        let n = self.read(&mut buf).await;
        line.push_str(std::str::from_utf8(&buf[..n]).unwrap());
        n
    }
}

/// Pops after a leaf: a sub-future that borrows the stack mutably.
pub async fn pop(stack: &mut Vec<D>) -> Option<D> {
    leaf("pop", ()).await;
    stack.pop()
}

/// A stream of numbers: `next` borrows it mutably across its leaf.
#[derive(Debug)]
pub struct Counter(pub u32);

impl Counter {
    /// The next number, or `None` after 3.
    pub async fn next(&mut self) -> Option<u32> {
        leaf("next", ()).await;
        self.0 += 1;
        (self.0 <= 3).then_some(self.0)
    }
}

/// An async lock whose guard borrows it and logs its drop.
#[derive(Debug)]
pub struct Lock(pub std::cell::RefCell<Vec<u32>>);

/// The guard of a [`Lock`].
#[derive(Debug)]
pub struct Guard<'a>(pub std::cell::RefMut<'a, Vec<u32>>);

impl Drop for Guard<'_> {
    fn drop(&mut self) {
        log("drop guard");
    }
}

impl Lock {
    /// Locks after a leaf.
    pub async fn lock(&self) -> Guard<'_> {
        leaf("lock", ()).await;
        Guard(self.0.borrow_mut())
    }
}

/// Logs its drop, then panics: a destructor that fails.
#[derive(Debug)]
pub struct PanicOnDrop(pub &'static str);

impl Drop for PanicOnDrop {
    fn drop(&mut self) {
        log(format!("drop {}", self.0));
        if !std::thread::panicking() {
            panic!("dropping {}", self.0);
        }
    }
}

/// An index operand that logs when it is made, read and dropped, so that
/// the order in which an index's operands run and its temporaries drop is
/// observable: `v[indexed(0, "a").get()]`.
#[derive(Debug)]
pub struct Indexed(usize, &'static str);

/// An [`Indexed`] of `index`, logging `make NAME`.
pub fn indexed(index: usize, name: &'static str) -> Indexed {
    log(format!("make {name}"));
    Indexed(index, name)
}

impl Indexed {
    /// The index, logging `read NAME`.
    pub fn get(&self) -> usize {
        log(format!("read {}", self.1));
        self.0
    }
}

impl Drop for Indexed {
    fn drop(&mut self) {
        log(format!("drop {}", self.1));
    }
}

/// Rows whose `Index` and `IndexMut` log each call, so which of them a
/// place calls, and when, is observable.
#[derive(Debug)]
pub struct LoggedRows(pub Vec<Vec<Vec<D>>>);

impl std::ops::Index<usize> for LoggedRows {
    type Output = Vec<Vec<D>>;
    fn index(&self, i: usize) -> &Vec<Vec<D>> {
        log(format!("index {i}"));
        &self.0[i]
    }
}

impl std::ops::IndexMut<usize> for LoggedRows {
    fn index_mut(&mut self, i: usize) -> &mut Vec<Vec<D>> {
        log(format!("index_mut {i}"));
        &mut self.0[i]
    }
}
