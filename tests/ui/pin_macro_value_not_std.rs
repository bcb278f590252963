// A `pin!` used as a value that is not the standard one: the machine keeps
// its temporary in place itself, so it checks that the macro made a
// `Pin<&mut _>`.
use statemachine_runtime::{state_machine, yield_now};

macro_rules! pin {
    ($e:expr) => {
        Box::pin($e)
    };
}

#[state_machine]
async fn boxed() -> u32 {
    let n = pin!(async { 1 }).await;
    yield_now().await;
    n
}

fn main() {
    let _ = boxed();
}
