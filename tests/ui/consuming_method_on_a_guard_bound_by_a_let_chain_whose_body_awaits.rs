// A guard bound by a `let` chain whose condition does not await, read by a
// later `let` of the chain through a consuming name: rustc keeps the guard,
// and its lock, to the end of the body, across the body's await, where the
// machine would have dropped it at the call (probe O: the body saw the
// mutex unlocked). Checked because the body awaits: refused at the method.
use statemachine_runtime::{state_machine, yield_now};
use std::sync::Mutex;

#[state_machine]
async fn first_id(ids: &Mutex<Option<u32>>) -> u32 {
    let mut k = 0;
    if let Ok(g) = ids.lock() && let v = g.unwrap_or(0) {
        yield_now().await;
        k = v;
    }
    k
}

fn main() {
    let _ = first_id(&Mutex::new(Some(1)));
}
