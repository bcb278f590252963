// The guard local `g` is the receiver, and an arm and an `if let` of the
// same statement bind other `g`s: the check must still see the local.
use statemachine_runtime::{state_machine, yield_now};
use std::sync::Mutex;

#[state_machine]
async fn first_id(ids: &Mutex<Option<u32>>) -> u32 {
    let g = ids.lock().unwrap();
    let other = Some(3u32);
    let v = g.unwrap_or(0)
        + match 3u32 { g => g }
        + if let Some(g) = other { g } else { 0 }
        + async { yield_now().await; 1 }.await;
    v
}

fn main() {
    let _ = first_id(&Mutex::new(Some(1)));
}
