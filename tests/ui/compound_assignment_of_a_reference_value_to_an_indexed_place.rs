// `+=` of a reference (`u32: AddAssign<&u32>`, an overloaded operator) to an
// indexed place, with a value that awaits: rustc evaluates the place first,
// where the machine evaluates the value first. Refused at the place.
use statemachine_runtime::{state_machine, yield_now};

static STEP: u32 = 1;

async fn step() -> &'static u32 {
    yield_now().await;
    &STEP
}

#[state_machine]
async fn bump(mut totals: Vec<u32>, i: usize) -> Vec<u32> {
    totals[i] += step().await;
    totals
}

fn main() {
    let _ = bump(vec![0], 0);
}
