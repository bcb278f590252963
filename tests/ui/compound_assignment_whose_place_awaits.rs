// A compound assignment whose place awaits (`v[f().await] += 1`): rustc
// evaluates the value or the place first depending on the operands' types,
// which the macro cannot see across the place's await. Refused at the place.
use statemachine_runtime::{state_machine, yield_now};

async fn index() -> usize {
    yield_now().await;
    0
}

#[state_machine]
async fn bump(mut totals: Vec<u32>) -> Vec<u32> {
    totals[index().await] += 1;
    totals
}

fn main() {
    let _ = bump(vec![0]);
}
