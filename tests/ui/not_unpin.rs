// A machine is `!Unpin` like rustc's futures: moving one out from behind a
// pin needs it to be `Unpin`, so this does not compile.
use statemachine_runtime::{state_machine, yield_now};

#[state_machine]
async fn suspended() -> u32 {
    let buf = [0u8; 16];
    let r = &buf;
    yield_now().await;
    r[0] as u32
}

fn requires_unpin<F: Unpin>(_: F) {}

fn main() {
    requires_unpin(suspended());
}
