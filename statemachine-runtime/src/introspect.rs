//! Introspection: where a machine is suspended, and which machines a task is
//! suspended in.
//!
//! Every machine written by `#[state_machine]` implements [`StateMachine`]:
//! [`StateMachine::state`] names the variant of its state enum, the source
//! text and line of the `.await` it is suspended at, and the function. This
//! reads the enum's discriminant through a `match` the macro wrote; the
//! machine stores nothing extra for it.
//!
//! [`LocalExecutor::dump`](crate::LocalExecutor::dump) lists the tasks of an
//! executor with the chain of machines each one is suspended in. The chain is
//! found without specialization: while a task is polled with introspection
//! enabled ([`LocalExecutor::set_introspection`](crate::LocalExecutor::set_introspection)),
//! every machine's `poll` notes its nesting depth in a thread-local, and one
//! that returns `Pending` records its state at that depth. After the task's
//! poll the records, outermost first, are the chain. A plain future (an
//! `async` block, a combinator) records nothing: it is invisible in the
//! chain, which goes on with the next machine it polls. The machine awaiting
//! it still shows its text (`join(a, b).await`), so nothing is lost but its
//! name. When several machines are pending at the same depth (under a
//! `join`), the last one polled is shown.
//!
//! The hook in a machine's `poll` is compiled only with the runtime's cargo
//! feature `introspect` (off by default): without it `poll` is exactly the
//! step function and [`StateMachine::state`] still works, but `dump` shows
//! no chains. With it, and introspection off on the executor, `poll` reads
//! a static flag; measured on three nested machines that still costs a few
//! ns per poll (6.3 ns to 8.8-10 ns), because the extra call changes what
//! the compiler inlines, hence the feature.

use core::fmt;
use core::future::Future;
use std::cell::{Cell, RefCell};
use std::sync::atomic::{AtomicBool, Ordering};

/// A future that can say where it is: implemented by every machine
/// `#[state_machine]` writes, which the functions it generates return as
/// `impl StateMachine<Output = T>`. `Debug` prints the state too:
/// `Machine(fetch_user @ src/lib.rs:12: db.query(&sql).await)`.
///
/// In a trait impl the attribute refines the trait's return type (the
/// `refining_impl_trait` lint is allowed on the method): callers that know
/// the concrete type can ask for the state; generic callers cannot.
///
/// ```
/// use statemachine_runtime::{state_machine, yield_now, StateMachine};
///
/// #[state_machine]
/// async fn twice() {
///     yield_now().await;
///     yield_now().await;
/// }
///
/// let machine = twice();
/// assert_eq!(machine.state().state, "Unresumed");
/// ```
pub trait StateMachine: Future + fmt::Debug {
    /// Where the machine is now.
    fn state(&self) -> StateInfo;
}

/// Where a machine is: one state of its state enum.
///
/// `Display` prints `function @ file:line: awaited.await`, or the state's
/// name when it is not at an await (`f @ src/lib.rs:3: Unresumed`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct StateInfo {
    /// The function's name, as written (`fetch_user`).
    pub function: &'static str,
    /// The variant's name: `Unresumed`, `Await<Role>` (`AwaitRead`,
    /// `AwaitFetch1`), `Returned` or `Panicked`.
    pub state: &'static str,
    /// The awaited expression's source text, without `.await`, when the
    /// machine is suspended at an await.
    pub awaiting: Option<&'static str>,
    /// The file of the function.
    pub file: &'static str,
    /// The await's line; the function's line in the other states.
    pub line: u32,
    /// With `#[state_machine(trace)]`: the transitions so far (each move from
    /// one state to another).
    pub transitions: Option<u64>,
}

impl fmt::Display for StateInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} @ {}:{}: ", self.function, self.file, self.line)?;
        match self.awaiting {
            Some(text) => write!(f, "{text}.await"),
            None => f.write_str(self.state),
        }
    }
}

thread_local! {
    /// Is a task being polled with introspection on?
    static RECORDING: Cell<bool> = const { Cell::new(false) };
    /// Machines being polled right now, nested.
    static DEPTH: Cell<usize> = const { Cell::new(0) };
    /// Machines that returned `Pending` during this task poll, with depth.
    static PENDING: RefCell<Vec<(usize, StateInfo)>> = const { RefCell::new(Vec::new()) };
}

/// Has any executor turned introspection on, ever? A plain load of a static
/// is cheaper than reading the thread-local, so machines read this first.
static EVER_ENABLED: AtomicBool = AtomicBool::new(false);

/// Called when an executor turns introspection on.
pub(crate) fn enable() {
    EVER_ENABLED.store(true, Ordering::Relaxed);
}

/// Is introspection recording on this thread? Read by every machine's poll.
#[inline(always)]
#[cfg_attr(not(feature = "introspect"), allow(dead_code))]
pub(crate) fn recording() -> bool {
    EVER_ENABLED.load(Ordering::Relaxed) && RECORDING.with(Cell::get)
}

/// Starts recording one task poll; returns the chain it saw when dropped
/// through [`TaskRecording::finish`].
pub(crate) struct TaskRecording(());

impl TaskRecording {
    pub(crate) fn start() -> Self {
        RECORDING.with(|r| r.set(true));
        DEPTH.with(|d| d.set(0));
        PENDING.with(|p| p.borrow_mut().clear());
        TaskRecording(())
    }

    /// The chain of machines the task is suspended in, outermost first.
    pub(crate) fn finish(self) -> Vec<StateInfo> {
        let mut pending = PENDING.with(|p| core::mem::take(&mut *p.borrow_mut()));
        pending.sort_by_key(|&(depth, _)| depth);
        pending.into_iter().map(|(_, info)| info).collect()
    }
}

impl Drop for TaskRecording {
    fn drop(&mut self) {
        RECORDING.with(|r| r.set(false));
    }
}

/// A machine's poll starts while recording: returns its depth.
#[cold]
#[inline(never)]
#[cfg_attr(not(feature = "introspect"), allow(dead_code))]
pub(crate) fn enter() -> usize {
    let depth = DEPTH.with(|d| d.replace(d.get() + 1));
    // Records of an earlier sibling at this depth or below are stale.
    PENDING.with(|p| p.borrow_mut().retain(|&(d, _)| d < depth));
    depth
}

/// The machine's poll at `depth` returned: note where it is if it is
/// pending. (A panic skips this: the depth is reset when the executor
/// polls its next task.)
#[cfg_attr(not(feature = "introspect"), allow(dead_code))]
pub(crate) fn leave(depth: usize, pending: Option<StateInfo>) {
    DEPTH.with(|d| d.set(depth));
    PENDING.with(|p| {
        let mut p = p.borrow_mut();
        match pending {
            Some(info) => p.push((depth, info)),
            None => p.retain(|&(d, _)| d <= depth),
        }
    });
}

/// One task in [`LocalExecutor::dump`](crate::LocalExecutor::dump).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct TaskDump {
    /// The task's id ([`JoinHandle::id`](crate::JoinHandle::id)).
    pub id: u64,
    /// The machines it was suspended in after its last poll, outermost
    /// first; empty when it was not polled with introspection on or contains
    /// no machine.
    pub chain: Vec<StateInfo>,
    /// `idle`, `running` or `completed` (the output waits for its handle).
    pub phase: &'static str,
}

impl fmt::Display for TaskDump {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "task {} [{}]: ", self.id, self.phase)?;
        if self.chain.is_empty() {
            return f.write_str("<opaque future>");
        }
        for (k, info) in self.chain.iter().enumerate() {
            if k > 0 {
                f.write_str(" -> ")?;
            }
            f.write_str(info.function)?;
        }
        if let Some(last) = self.chain.last() {
            write!(f, " @ {}:{}: ", last.file, last.line)?;
            match last.awaiting {
                Some(text) => write!(f, "{text}.await")?,
                None => f.write_str(last.state)?,
            }
        }
        Ok(())
    }
}

/// What [`LocalExecutor::dump`](crate::LocalExecutor::dump) returns: every
/// live task. `Display` prints one line per task.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Dump {
    /// The tasks, by id.
    pub tasks: Vec<TaskDump>,
}

impl fmt::Display for Dump {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for task in &self.tasks {
            writeln!(f, "{task}")?;
        }
        Ok(())
    }
}
