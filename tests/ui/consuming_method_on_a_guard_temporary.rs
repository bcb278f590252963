// A temporary guard whose `Copy` value a method of a consuming name copies
// lives to the end of the statement, across its await; the machine would
// have dropped it at the call. Refused, with the fix.
use statemachine_runtime::{state_machine, yield_now};
use std::cell::RefCell;

#[state_machine]
async fn held(cell: &RefCell<Option<u32>>) -> u32 {
    cell.borrow().unwrap_or(0) + async { yield_now().await; 1 }.await
}

fn main() {
    let _ = held(&RefCell::new(Some(1)));
}
