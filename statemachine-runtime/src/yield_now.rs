//! `yield_now`: give other tasks a turn.

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

/// Returns a future that is pending once (after waking itself) and then ready,
/// so the executor runs other runnable tasks before this one continues.
///
/// # Examples
///
/// ```
/// use statemachine_runtime::{LocalExecutor, yield_now};
///
/// let ex = LocalExecutor::new();
/// ex.block_on(async {
///     for _ in 0..3 {
///         yield_now().await;
///     }
/// });
/// ```
pub fn yield_now() -> YieldNow {
    YieldNow { yielded: false }
}

/// The future returned by [`yield_now`].
///
/// # Examples
///
/// ```
/// use statemachine_runtime::{block_on, yield_now, YieldNow};
///
/// let y: YieldNow = yield_now();
/// block_on(y);
/// ```
#[must_use = "futures do nothing unless polled"]
pub struct YieldNow {
    yielded: bool,
}

impl Future for YieldNow {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.yielded {
            Poll::Ready(())
        } else {
            self.yielded = true;
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    }
}

impl fmt::Debug for YieldNow {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("YieldNow")
            .field("yielded", &self.yielded)
            .finish()
    }
}
