// `*r += ..` of an overloaded operator (`Wrapping<u32>: AddAssign`) whose
// value reassigns `r`: rustc evaluates the place first and adds to `a`,
// where the machine would evaluate the value first and add to `b` (a probe
// found 1102 against 3100). A dereference the value leaves alone is the same
// place in either order, but this one is checked: refused at the place.
use std::num::Wrapping;

use statemachine_runtime::{state_machine, yield_now};

#[state_machine]
async fn add(n: u32) -> u32 {
    let mut a = Wrapping(1u32);
    let mut b = Wrapping(100u32);
    let mut r = &mut a;
    *r += {
        r = &mut b;
        yield_now().await;
        Wrapping(n)
    };
    let _ = r;
    a.0 * 1000 + b.0
}

fn main() {
    let _ = add(2);
}
