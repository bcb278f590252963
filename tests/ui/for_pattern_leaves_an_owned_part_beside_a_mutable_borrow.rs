// `for (x, _) in a.iter_mut().zip(names)`: `x` reborrows, so the item cannot
// be kept for the `String` the pattern leaves, which the machine would drop
// at the body's first await rather than at the end of the iteration.
// Refused at the `_`, with the fix.
use statemachine_runtime::{state_machine, yield_now};

#[state_machine]
async fn count(mut a: Vec<u32>, names: Vec<String>) -> u32 {
    for (x, _) in a.iter_mut().zip(names) {
        yield_now().await;
        *x += 1;
    }
    a.iter().sum()
}

fn main() {
    let _ = count(vec![1], vec![String::new()]);
}
