// A `pin!` that is not the standard one: the machine would keep the value in
// place itself, so it checks that the macro made a `Pin<&mut _>`.
use statemachine_runtime::{state_machine, yield_now};

macro_rules! pin {
    ($e:expr) => {
        Box::pin($e)
    };
}

#[state_machine]
async fn boxed() -> u32 {
    let fut = pin!(async { 1 });
    yield_now().await;
    fut.await
}

fn main() {
    let _ = boxed();
}
