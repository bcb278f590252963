// A glob import in a nested block, moved to the top of the function with
// the block's other items, would bring its names into the whole body.
// Refused at the `*`.
use statemachine_runtime::state_machine;

#[state_machine]
async fn larger(n: u32) -> u32 {
    let x = {
        use std::cmp::*;
        max(n, 2)
    };
    std::future::ready(()).await;
    x
}

fn main() {}
