use statemachine_runtime::{state_machine, yield_now};

#[state_machine]
pub async fn first_after_yield(v: Vec<u32>) -> u32 {
    let items = v;
    let first = &items[0];
    yield_now().await;
    *first + items.len() as u32
}

fn main() {}
