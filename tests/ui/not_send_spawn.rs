use std::rc::Rc;

use statemachine_runtime::{state_machine, yield_now};

#[state_machine]
async fn local() -> u32 {
    let rc = Rc::new(1);
    yield_now().await;
    *rc
}

fn require_send<T: Send>(_: T) {}

fn main() {
    require_send(local());
}
