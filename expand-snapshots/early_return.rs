use statemachine_runtime::{state_machine, yield_now};

#[state_machine]
pub async fn clamp(n: u32, limit: u32) -> u32 {
    if n > limit {
        return limit;
    }
    yield_now().await;
    n
}

fn main() {}
