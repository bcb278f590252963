//! Real timers: one lazily started global timer thread.
//!
//! Deadlines live in a `BTreeMap` keyed by `(deadline, id)` (ordered like a
//! heap, but a dropped [`Sleep`] removes its entry, so cancelled timers do not
//! accumulate). The timer thread waits on a `Condvar` until the earliest
//! deadline, wakes every due waker (outside the lock) and waits again. It does
//! not depend on any executor: the waker it wakes can belong to
//! [`LocalExecutor`](crate::LocalExecutor), [`block_on`](crate::block_on),
//! tokio or anything else.

use std::collections::BTreeMap;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Condvar, Mutex, MutexGuard, OnceLock, PoisonError};
use std::task::{Context, Poll, Waker};
use std::thread;
use std::time::{Duration, Instant};

type Key = (Instant, u64);

struct TimerState {
    entries: BTreeMap<Key, Waker>,
    next_id: u64,
}

struct Timer {
    state: Mutex<TimerState>,
    cond: Condvar,
}

impl Timer {
    fn lock(&self) -> MutexGuard<'_, TimerState> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn run(&self) -> ! {
        let mut state = self.lock();
        let mut due = Vec::new();
        loop {
            let now = Instant::now();
            while let Some(entry) = state.entries.first_entry() {
                if entry.key().0 > now {
                    break;
                }
                due.push(entry.remove());
            }
            if !due.is_empty() {
                // Wake outside the lock: a waker may poll, drop or register
                // another `Sleep` on this thread.
                drop(state);
                for waker in due.drain(..) {
                    waker.wake();
                }
                state = self.lock();
                continue;
            }
            state = match state.entries.keys().next() {
                Some(&(deadline, _)) => {
                    let timeout = deadline.saturating_duration_since(now);
                    self.cond
                        .wait_timeout(state, timeout)
                        .unwrap_or_else(PoisonError::into_inner)
                        .0
                }
                None => self
                    .cond
                    .wait(state)
                    .unwrap_or_else(PoisonError::into_inner),
            };
        }
    }
}

fn timer() -> &'static Timer {
    static TIMER: OnceLock<Timer> = OnceLock::new();
    static STARTED: OnceLock<()> = OnceLock::new();
    let timer = TIMER.get_or_init(|| Timer {
        state: Mutex::new(TimerState {
            entries: BTreeMap::new(),
            next_id: 0,
        }),
        cond: Condvar::new(),
    });
    STARTED.get_or_init(|| {
        thread::Builder::new()
            .name("statemachine-timer".into())
            .spawn(move || timer.run())
            .expect("failed to spawn the statemachine timer thread");
    });
    timer
}

/// Returns a future that completes once `duration` has elapsed.
///
/// The deadline is fixed when `sleep` is called. The timer is real: a thread
/// blocked in [`block_on`](crate::block_on) or a parked
/// [`LocalExecutor`](crate::LocalExecutor) is woken by the global timer
/// thread at the deadline, without spinning. `sleep` works under any
/// executor, tokio included.
///
/// # Examples
///
/// ```
/// use std::time::{Duration, Instant};
/// use statemachine_runtime::{block_on, sleep};
///
/// let start = Instant::now();
/// block_on(sleep(Duration::from_millis(20)));
/// assert!(start.elapsed() >= Duration::from_millis(20));
/// ```
pub fn sleep(duration: Duration) -> Sleep {
    let now = Instant::now();
    // A duration too large for `Instant` becomes a deadline ~30 years away.
    let deadline = now
        .checked_add(duration)
        .unwrap_or_else(|| now + Duration::from_secs(86_400 * 365 * 30));
    sleep_until(deadline)
}

/// Returns a future that completes at `deadline` (immediately if it has
/// passed).
///
/// # Examples
///
/// ```
/// use std::time::{Duration, Instant};
/// use statemachine_runtime::{block_on, sleep_until};
///
/// let deadline = Instant::now() + Duration::from_millis(5);
/// block_on(sleep_until(deadline));
/// assert!(Instant::now() >= deadline);
/// ```
pub fn sleep_until(deadline: Instant) -> Sleep {
    Sleep {
        deadline,
        key: None,
    }
}

/// The future returned by [`sleep`] and [`sleep_until`].
///
/// Dropping it before the deadline removes its timer entry.
///
/// # Examples
///
/// ```
/// use std::time::Duration;
/// use statemachine_runtime::{block_on, sleep, Sleep};
///
/// let s: Sleep = sleep(Duration::from_millis(1));
/// let deadline = s.deadline();
/// block_on(s);
/// assert!(std::time::Instant::now() >= deadline);
/// ```
#[must_use = "futures do nothing unless polled"]
pub struct Sleep {
    deadline: Instant,
    /// The timer entry, once registered.
    key: Option<Key>,
}

impl Sleep {
    /// The instant at which this sleep completes.
    ///
    /// # Examples
    ///
    /// ```
    /// use std::time::{Duration, Instant};
    /// use statemachine_runtime::sleep;
    ///
    /// let before = Instant::now();
    /// assert!(sleep(Duration::from_secs(1)).deadline() >= before + Duration::from_secs(1));
    /// ```
    pub fn deadline(&self) -> Instant {
        self.deadline
    }

    fn unregister(&mut self) -> Option<Waker> {
        let key = self.key.take()?;
        timer().lock().entries.remove(&key)
    }
}

impl Future for Sleep {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if Instant::now() >= self.deadline {
            // Dropped outside the timer lock (a waker's drop may run anything).
            drop(self.unregister());
            return Poll::Ready(());
        }
        let timer = timer();
        let mut state = timer.lock();
        let old_waker = match self.key {
            Some(key) => match state.entries.get_mut(&key) {
                Some(w) if w.will_wake(cx.waker()) => None,
                Some(w) => Some(std::mem::replace(w, cx.waker().clone())),
                // Fired, yet the deadline has not passed on this thread's
                // clock: register again.
                None => state.entries.insert(key, cx.waker().clone()),
            },
            None => {
                let key = (self.deadline, state.next_id);
                state.next_id += 1;
                state.entries.insert(key, cx.waker().clone());
                self.key = Some(key);
                if state.entries.keys().next() == Some(&key) {
                    // New earliest deadline: the timer thread must wait less.
                    timer.cond.notify_one();
                }
                None
            }
        };
        drop(state);
        drop(old_waker);
        Poll::Pending
    }
}

impl Drop for Sleep {
    fn drop(&mut self) {
        if self.key.is_some() {
            drop(self.unregister());
        }
    }
}

impl fmt::Debug for Sleep {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Sleep")
            .field("deadline", &self.deadline)
            .field("registered", &self.key.is_some())
            .finish()
    }
}
