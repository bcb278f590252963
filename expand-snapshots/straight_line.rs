use statemachine_runtime::{state_machine, yield_now};

#[state_machine]
pub async fn add(a: u32, b: u32) -> u32 {
    let c = a + b;
    yield_now().await;
    c * 2
}

fn main() {}
