// The check of a consuming method on a guard also reads the arguments of
// `std::vec!`, which the machine reads as it reads `vec!`'s.
use statemachine_runtime::{state_machine, yield_now};
use std::cell::RefCell;

#[state_machine]
async fn firsts(cell: &RefCell<Option<u32>>) -> usize {
    let guard = cell.borrow();
    let firsts = std::vec![guard.unwrap_or(0)];
    yield_now().await;
    firsts.len()
}

fn main() {
    let _ = firsts(&RefCell::new(Some(1)));
}
