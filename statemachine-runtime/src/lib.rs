//! Runtime for `#[state_machine]` machines.
//!
//! A user crate needs only this crate: it re-exports the
//! [`state_machine`] attribute and provides everything needed to run the
//! machines it generates (or any other future):
//!
//! - [`block_on`]: run one future to completion on the current thread, parking
//!   the thread while it is pending.
//! - [`LocalExecutor`]: a single-threaded executor for futures that need not
//!   be `Send`, with [`JoinHandle`]s, cancellation, panic isolation and
//!   [`ExecutorStats`]. Its wakers are `Send + Sync` and may be woken from any
//!   thread.
//! - [`yield_now`] and [`sleep`]: a cooperative yield and a real timer (a
//!   lazily started global timer thread), usable under any executor.
//! - [`oneshot`]: a small single-value channel usable across threads.
//! - Introspection: every generated machine implements [`StateMachine`]
//!   (`.state()` names the await it is suspended at, with its source text
//!   and line); [`LocalExecutor::dump`] lists tasks with the chain of
//!   machines each is suspended in (cargo feature `introspect`); and
//!   `#[state_machine(trace)]` records polls, wakes and transitions for a
//!   text or SVG timeline ([`trace`]).
//!
//! The attribute's arguments: `trace` (above), and `takes_self(method, ..)`,
//! the methods that take `self` by value. The macro sees no types, so a
//! method it does not know is taken to borrow its receiver, which is then
//! kept in place, or to the end of its statement; a builder's method that
//! takes `self` is a compile error (E0507 or E0382) until it is listed:
//!
//! ```
//! use statemachine_runtime::{block_on, state_machine, yield_now};
//!
//! struct Request(String);
//!
//! impl Request {
//!     fn header(mut self, h: &str) -> Request {
//!         self.0.push_str(h);
//!         self
//!     }
//!     async fn send(self) -> usize {
//!         yield_now().await;
//!         self.0.len()
//!     }
//! }
//!
//! #[state_machine(takes_self(header, send))]
//! async fn fetch(url: &str) -> usize {
//!     Request(url.to_string()).header("?").send().await
//! }
//!
//! assert_eq!(block_on(fetch("ab")), 3);
//! ```
//!
//! ```
//! use statemachine_runtime::{LocalExecutor, oneshot, yield_now};
//!
//! let ex = LocalExecutor::new();
//! let (tx, rx) = oneshot::channel();
//! let producer = ex.spawn(async move {
//!     yield_now().await;
//!     tx.send(21).unwrap();
//! });
//! producer.detach();
//! let doubled = ex.block_on(async move { rx.await.unwrap() * 2 });
//! assert_eq!(doubled, 42);
//! ```
#![warn(missing_docs)]

pub use statemachine_macro::state_machine;

#[doc(hidden)]
pub mod __private;

mod block_on;
mod executor;
mod introspect;
pub mod oneshot;
mod timer;
pub mod trace;
mod yield_now;

pub use block_on::block_on;
pub use executor::{ExecutorStats, JoinHandle, LocalExecutor, LocalSpawner};
pub use introspect::{Dump, StateInfo, StateMachine, TaskDump};
pub use timer::{Sleep, sleep, sleep_until};
pub use yield_now::{YieldNow, yield_now};
