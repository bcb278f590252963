// A guard bound by a `match` arm without a block, whose `Copy` value a
// method of a consuming name copies: the guard (and its lock) lives to the
// end of the arm's scope, across the await; the machine would have
// dropped it at the call. Refused at the receiver, with the fix.
use statemachine_runtime::{state_machine, yield_now};
use std::sync::Mutex;

#[state_machine]
async fn first_id(ids: &Mutex<Option<u32>>) -> u32 {
    match ids.lock() {
        Ok(guard) => guard.unwrap_or(0) + async { yield_now().await; 1 }.await,
        Err(_) => 0,
    }
}

fn main() {
    let _ = first_id(&Mutex::new(Some(1)));
}
