// A guard bound by a `let` chain and consumed by name in the condition, which
// awaits later: the guard lives to the end of the `if`, across the await;
// the machine would have dropped it at the call. Refused at the receiver.
use statemachine_runtime::{state_machine, yield_now};
use std::sync::Mutex;

#[state_machine]
async fn first_id(ids: &Mutex<Option<u32>>) -> u32 {
    if let Ok(g) = ids.lock() && g.unwrap_or(0) + async { yield_now().await; 1 }.await > 1 {
        return 1;
    }
    0
}

fn main() {
    let _ = first_id(&Mutex::new(Some(1)));
}
