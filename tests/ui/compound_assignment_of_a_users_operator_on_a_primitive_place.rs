// A user's `impl AddAssign<Amount> for u32`: the place is primitive, but the
// operator is overloaded, so rustc evaluates the place (`index_mut`) before
// the value's await, where the machine evaluates the value first (a probe
// found the index made after the await). The never-run copy checks the
// place and the value are both primitive: refused at the place.
use std::ops::AddAssign;

use statemachine_runtime::{state_machine, yield_now};

struct Amount(u32);

impl AddAssign<Amount> for u32 {
    fn add_assign(&mut self, amount: Amount) {
        *self += amount.0;
    }
}

async fn amount() -> Amount {
    yield_now().await;
    Amount(1)
}

#[state_machine]
async fn bump(mut totals: Vec<u32>, i: usize) -> Vec<u32> {
    totals[i] += amount().await;
    totals
}

fn main() {
    let _ = bump(vec![0], 0);
}
