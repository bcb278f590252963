// A machine holding a borrow of a non-`Sync` local (`&Cell`) across an await
// is not `Send`, like rustc's future.
use std::cell::Cell;

use statemachine_runtime::{state_machine, yield_now};

#[state_machine]
async fn borrows_cell() -> u32 {
    let cell = Cell::new(1);
    let r = &cell;
    yield_now().await;
    r.get()
}

fn require_send<T: Send>(_: T) {}

fn main() {
    require_send(borrows_cell());
}
