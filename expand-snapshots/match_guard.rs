use statemachine_runtime::state_machine;

pub async fn fetch(n: u32) -> u32 {
    n + 1
}

#[state_machine]
pub async fn classify(v: Option<u32>) -> u32 {
    match v {
        Some(n) if n > 10 => fetch(n).await,
        Some(n) => n,
        None => fetch(0).await * 2,
    }
}

fn main() {}
