//! A single-value channel whose receiver is a future; usable across threads.
//!
//! ```
//! use statemachine_runtime::{block_on, oneshot};
//!
//! let (tx, rx) = oneshot::channel();
//! std::thread::spawn(move || tx.send(5).unwrap());
//! assert_eq!(block_on(rx), Ok(5));
//! ```

use std::error::Error;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::task::{Context, Poll, Waker};

struct State<T> {
    value: Option<T>,
    rx_waker: Option<Waker>,
    /// The sender was dropped or has sent: no value will arrive after `value`.
    tx_done: bool,
    rx_dropped: bool,
}

struct Chan<T> {
    state: Mutex<State<T>>,
}

impl<T> Chan<T> {
    fn lock(&self) -> MutexGuard<'_, State<T>> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// Creates a oneshot channel: one value from the [`Sender`] to the
/// [`Receiver`].
///
/// # Examples
///
/// ```
/// use statemachine_runtime::{block_on, oneshot};
///
/// let (tx, rx) = oneshot::channel::<u8>();
/// drop(tx);
/// assert_eq!(block_on(rx), Err(oneshot::Canceled));
/// ```
pub fn channel<T>() -> (Sender<T>, Receiver<T>) {
    let chan = Arc::new(Chan {
        state: Mutex::new(State {
            value: None,
            rx_waker: None,
            tx_done: false,
            rx_dropped: false,
        }),
    });
    (
        Sender {
            chan: Some(chan.clone()),
        },
        Receiver { chan },
    )
}

/// The error of a [`Receiver`] whose [`Sender`] was dropped without sending.
///
/// # Examples
///
/// ```
/// use statemachine_runtime::oneshot::Canceled;
///
/// assert_eq!(Canceled.to_string(), "oneshot sender dropped without sending");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Canceled;

impl fmt::Display for Canceled {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("oneshot sender dropped without sending")
    }
}

impl Error for Canceled {}

/// The sending half of a [`channel`]. Dropping it without sending makes the
/// receiver yield `Err(Canceled)`.
///
/// # Examples
///
/// ```
/// use statemachine_runtime::{block_on, oneshot};
///
/// let (tx, rx) = oneshot::channel();
/// tx.send("hi").unwrap();
/// assert_eq!(block_on(rx), Ok("hi"));
/// ```
pub struct Sender<T> {
    /// `None` once the value was sent.
    chan: Option<Arc<Chan<T>>>,
}

impl<T> Sender<T> {
    /// Sends `value`, waking the receiver. Returns the value back if the
    /// receiver was dropped.
    ///
    /// # Examples
    ///
    /// ```
    /// use statemachine_runtime::oneshot;
    ///
    /// let (tx, rx) = oneshot::channel();
    /// drop(rx);
    /// assert_eq!(tx.send(3), Err(3));
    /// ```
    pub fn send(mut self, value: T) -> Result<(), T> {
        let chan = self
            .chan
            .take()
            .expect("sender holds its channel until send");
        let mut state = chan.lock();
        if state.rx_dropped {
            return Err(value);
        }
        state.value = Some(value);
        state.tx_done = true;
        let waker = state.rx_waker.take();
        drop(state);
        if let Some(waker) = waker {
            waker.wake();
        }
        Ok(())
    }

    /// Whether the receiver was dropped (a `send` would fail).
    ///
    /// # Examples
    ///
    /// ```
    /// use statemachine_runtime::oneshot;
    ///
    /// let (tx, rx) = oneshot::channel::<()>();
    /// assert!(!tx.is_canceled());
    /// drop(rx);
    /// assert!(tx.is_canceled());
    /// ```
    pub fn is_canceled(&self) -> bool {
        self.chan.as_ref().is_none_or(|c| c.lock().rx_dropped)
    }
}

impl<T> Drop for Sender<T> {
    fn drop(&mut self) {
        if let Some(chan) = self.chan.take() {
            let mut state = chan.lock();
            state.tx_done = true;
            let waker = state.rx_waker.take();
            drop(state);
            if let Some(waker) = waker {
                waker.wake();
            }
        }
    }
}

impl<T> fmt::Debug for Sender<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Sender")
            .field("sent", &self.chan.is_none())
            .finish_non_exhaustive()
    }
}

/// The receiving half of a [`channel`]: a future yielding the sent value, or
/// `Err(Canceled)` if the sender was dropped without sending. Polling it again
/// after it returned yields `Err(Canceled)`.
///
/// # Examples
///
/// ```
/// use statemachine_runtime::{LocalExecutor, oneshot};
///
/// let ex = LocalExecutor::new();
/// let (tx, rx) = oneshot::channel();
/// ex.spawn(async move { tx.send(1).unwrap() }).detach();
/// assert_eq!(ex.block_on(rx), Ok(1));
/// ```
#[must_use = "futures do nothing unless polled"]
pub struct Receiver<T> {
    chan: Arc<Chan<T>>,
}

impl<T> Receiver<T> {
    /// Takes the value if it has arrived, without waiting: `Ok(Some(v))` if
    /// sent, `Ok(None)` if not yet, `Err(Canceled)` if it never will be.
    ///
    /// # Examples
    ///
    /// ```
    /// use statemachine_runtime::oneshot;
    ///
    /// let (tx, mut rx) = oneshot::channel();
    /// assert_eq!(rx.try_recv(), Ok(None));
    /// tx.send(9).unwrap();
    /// assert_eq!(rx.try_recv(), Ok(Some(9)));
    /// ```
    pub fn try_recv(&mut self) -> Result<Option<T>, Canceled> {
        let mut state = self.chan.lock();
        match state.value.take() {
            Some(v) => Ok(Some(v)),
            None if state.tx_done => Err(Canceled),
            None => Ok(None),
        }
    }
}

impl<T> Future for Receiver<T> {
    type Output = Result<T, Canceled>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let mut state = self.chan.lock();
        if let Some(v) = state.value.take() {
            return Poll::Ready(Ok(v));
        }
        if state.tx_done {
            return Poll::Ready(Err(Canceled));
        }
        let old = match &mut state.rx_waker {
            Some(w) if w.will_wake(cx.waker()) => None,
            slot => slot.replace(cx.waker().clone()),
        };
        drop(state);
        // A waker's drop may run arbitrary code: never under the lock.
        drop(old);
        Poll::Pending
    }
}

impl<T> Drop for Receiver<T> {
    fn drop(&mut self) {
        let mut state = self.chan.lock();
        state.rx_dropped = true;
        let value = state.value.take();
        let waker = state.rx_waker.take();
        drop(state);
        drop(waker);
        drop(value);
    }
}

impl<T> fmt::Debug for Receiver<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let state = self.chan.lock();
        f.debug_struct("Receiver")
            .field("has_value", &state.value.is_some())
            .field("sender_done", &state.tx_done)
            .finish_non_exhaustive()
    }
}
