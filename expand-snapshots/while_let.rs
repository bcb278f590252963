use statemachine_runtime::{state_machine, yield_now};

#[state_machine]
pub async fn drain(mut stack: Vec<u32>) -> u32 {
    let mut sum = 0;
    while let Some(top) = stack.pop() {
        yield_now().await;
        sum += top;
    }
    sum
}

fn main() {}
