use statemachine_runtime::{state_machine, yield_now};

pub async fn fetch(n: u32) -> u32 {
    n + 1
}

#[state_machine]
pub async fn pick(flag: bool, n: u32) -> u32 {
    if flag {
        let x = fetch(n).await;
        x * 2
    } else {
        yield_now().await;
        n
    }
}

fn main() {}
