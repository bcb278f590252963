// `unwrap_or` is taken to consume its receiver, but on a guard that
// dereferences to a `Copy` value it copies `*guard` and leaves the guard
// (and its lock) alive to the end of its scope; the machine would have
// dropped it at the next await. Refused, with the fix.
use statemachine_runtime::{state_machine, yield_now};
use std::sync::Mutex;

#[state_machine]
async fn first_id(ids: &Mutex<Option<u32>>) -> u32 {
    let guard = ids.lock().unwrap();
    let id = guard.unwrap_or(0);
    yield_now().await;
    id
}

fn main() {
    let _ = first_id(&Mutex::new(Some(1)));
}
