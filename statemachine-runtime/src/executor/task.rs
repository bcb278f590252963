//! One spawned task: its future, then its output, in one allocation.

use std::any::Any;
use std::future::Future;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::pin::Pin;
use std::task::{Context, Poll};
use std::thread;

/// A type-erased task, boxed and pinned once at spawn.
pub(crate) trait ErasedTask {
    /// Polls the future (catching a panic); on completion the future is
    /// dropped in place and the output (or panic payload) stored.
    fn poll_task(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()>;

    /// Moves the stored output into `out`, which must be an
    /// `Option<thread::Result<Output>>`.
    fn take_output(self: Pin<&mut Self>, out: &mut dyn Any);
}

enum Stage<F: Future> {
    /// Structurally pinned: never moved out, only dropped in place.
    Running(F),
    Finished(thread::Result<F::Output>),
    Consumed,
}

pub(crate) struct TaskCell<F: Future> {
    stage: Stage<F>,
}

impl<F: Future> TaskCell<F> {
    pub(crate) fn new(fut: F) -> Self {
        TaskCell {
            stage: Stage::Running(fut),
        }
    }
}

impl<F: Future> ErasedTask for TaskCell<F>
where
    F::Output: 'static,
{
    fn poll_task(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        // SAFETY: the `Running` future is never moved out of `stage`: below it
        // is only pinned and polled, then dropped in place by assignment.
        let stage = unsafe { &mut self.get_unchecked_mut().stage };
        let Stage::Running(fut) = stage else {
            return Poll::Ready(());
        };
        // SAFETY: `fut` lives in a pinned allocation and stays where it is
        // until it is dropped (structural pinning of `Stage::Running`).
        let fut = unsafe { Pin::new_unchecked(fut) };
        let mut out = match catch_unwind(AssertUnwindSafe(|| fut.poll(cx))) {
            Ok(Poll::Pending) => return Poll::Pending,
            Ok(Poll::Ready(v)) => Ok(v),
            Err(payload) => Err(payload),
        };
        // Drop the future in place now, as an `async fn` has dropped its
        // locals by the time it returns; a panicking `Drop` counts as a panic
        // of the task. (If the drop unwinds, the assignment still completes.)
        if let Err(payload) = catch_unwind(AssertUnwindSafe(|| *stage = Stage::Consumed))
            && out.is_ok()
        {
            out = Err(payload);
        }
        *stage = Stage::Finished(out);
        Poll::Ready(())
    }

    fn take_output(self: Pin<&mut Self>, out: &mut dyn Any) {
        // SAFETY: only a `Finished` output is moved out; a `Running` future
        // is left untouched.
        let stage = unsafe { &mut self.get_unchecked_mut().stage };
        if !matches!(stage, Stage::Finished(_)) {
            return;
        }
        if let (Stage::Finished(result), Some(slot)) = (
            std::mem::replace(stage, Stage::Consumed),
            out.downcast_mut::<Option<thread::Result<F::Output>>>(),
        ) {
            *slot = Some(result);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;
    use std::rc::Rc;
    use std::task::Waker;

    struct CountDrop(Rc<Cell<u32>>);
    impl Drop for CountDrop {
        fn drop(&mut self) {
            self.0.set(self.0.get() + 1);
        }
    }

    #[test]
    fn output_and_in_place_drop() {
        let drops = Rc::new(Cell::new(0));
        let guard = CountDrop(drops.clone());
        let mut task: Pin<Box<dyn ErasedTask>> = Box::pin(TaskCell::new(async move {
            let _g = &guard;
            let buf = [1u8, 2, 3];
            let r = &buf;
            std::future::ready(()).await;
            r.iter().map(|&b| u32::from(b)).sum::<u32>()
        }));
        let mut cx = Context::from_waker(Waker::noop());
        assert!(task.as_mut().poll_task(&mut cx).is_ready());
        assert_eq!(drops.get(), 1, "future dropped on completion");
        let mut out: Option<thread::Result<u32>> = None;
        task.as_mut().take_output(&mut out);
        assert_eq!(out.unwrap().unwrap(), 6);
    }

    #[test]
    fn panic_is_captured() {
        fn boom() {
            panic!("boom")
        }
        let mut task: Pin<Box<dyn ErasedTask>> = Box::pin(TaskCell::new(async { boom() }));
        let mut cx = Context::from_waker(Waker::noop());
        let prev = std::panic::take_hook();
        std::panic::set_hook(Box::new(|_| {}));
        let r = task.as_mut().poll_task(&mut cx);
        std::panic::set_hook(prev);
        assert!(r.is_ready());
        let mut out: Option<thread::Result<()>> = None;
        task.as_mut().take_output(&mut out);
        let payload = out.unwrap().unwrap_err();
        assert_eq!(payload.downcast_ref::<&str>(), Some(&"boom"));
    }
}
