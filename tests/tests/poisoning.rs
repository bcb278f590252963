//! Poisoning that does not read the state: while the body runs, the bytes
//! that encode the state's tag may be the finished awaitee's, and its drop
//! may have changed them (a zeroize-on-drop type does).

use std::future::Future;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::pin::Pin;
use std::sync::atomic::{AtomicU8, Ordering};
use std::task::{Context, Poll, Waker};

use statemachine_runtime::{StateMachine, state_machine};

/// The byte the awaitee's drop leaves in its flag's place (0: none).
static LEFT_BEHIND: AtomicU8 = AtomicU8::new(0);

/// Ready at once; its drop scribbles over its own dead flag, as a type that
/// wipes itself on drop may.
struct Scribbler {
    flag: bool,
}

impl Future for Scribbler {
    type Output = ();
    fn poll(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<()> {
        Poll::Ready(())
    }
}

impl Drop for Scribbler {
    fn drop(&mut self) {
        let byte = LEFT_BEHIND.load(Ordering::Relaxed);
        if byte != 0 {
            // SAFETY: a byte of the value being dropped, never read again.
            unsafe { (&raw mut self.flag).cast::<u8>().write(byte) };
        }
    }
}

#[state_machine]
async fn panics_after_a_scribbling_awaitee() -> u32 {
    Scribbler { flag: true }.await;
    panic!("after the await")
}

fn panic_message(payload: Box<dyn std::any::Any + Send>) -> String {
    match payload.downcast::<&str>() {
        Ok(s) => (*s).to_owned(),
        Err(payload) => *payload.downcast::<String>().expect("a string"),
    }
}

// The machine's tag sits in the awaitee's `bool` (one byte in all): after
// the panic the machine must be poisoned whatever the byte became.
#[test]
fn a_panic_after_an_awaitee_that_scribbles_on_drop_poisons() {
    for byte in 0..=6 {
        LEFT_BEHIND.store(byte, Ordering::Relaxed);
        let mut machine = Box::pin(panics_after_a_scribbling_awaitee());
        assert_eq!(
            size_of_val(&*machine),
            1,
            "the tag is in the awaitee's niche"
        );
        let mut cx = Context::from_waker(Waker::noop());
        let first = catch_unwind(AssertUnwindSafe(|| {
            machine.as_mut().poll(&mut cx).is_ready()
        }));
        assert_eq!(panic_message(first.unwrap_err()), "after the await");
        assert_eq!(machine.state().state, "Panicked", "byte {byte}");
        let next = catch_unwind(AssertUnwindSafe(|| {
            machine.as_mut().poll(&mut cx).is_ready()
        }));
        assert_eq!(
            panic_message(next.unwrap_err()),
            "`async fn` resumed after panicking",
            "byte {byte}"
        );
    }
    LEFT_BEHIND.store(0, Ordering::Relaxed);
}
