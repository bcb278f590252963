// The guard local `g` is the receiver, and a closure of the same statement
// names its parameter `g`: the check still sees the local.
use statemachine_runtime::{state_machine, yield_now};
use std::sync::Mutex;

#[state_machine]
async fn first_id(ids: &Mutex<Option<u32>>, xs: Vec<u32>) -> u32 {
    let g = ids.lock().unwrap();
    let v = g.unwrap_or(0) + xs.iter().map(|g| g + 1).sum::<u32>() + async { yield_now().await; 1 }.await;
    v
}

fn main() {
    let _ = first_id(&Mutex::new(Some(1)), vec![1]);
}
