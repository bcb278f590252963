// `+=` of an overloaded operator (`Wrapping<u32>: AddAssign`) to an indexed
// place, with a value that awaits: rustc evaluates the place first
// (`index_mut`, before the await), where the machine evaluates the value
// first, as rustc does for primitive operands. The never-run copy checks the
// operands are primitive: refused at the place.
use std::num::Wrapping;

use statemachine_runtime::{state_machine, yield_now};

async fn step() -> Wrapping<u32> {
    yield_now().await;
    Wrapping(1)
}

#[state_machine]
async fn bump(mut totals: Vec<Wrapping<u32>>, i: usize) -> Vec<Wrapping<u32>> {
    totals[i] += step().await;
    totals
}

fn main() {
    let _ = bump(vec![Wrapping(0)], 0);
}
