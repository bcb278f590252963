use statemachine_runtime::{state_machine, yield_now};

#[state_machine]
pub async fn push_to_row(mut rows: Vec<Vec<u32>>, i: usize) -> usize {
    rows[i].push(next(7).await);
    rows[i].len()
}

async fn next(n: u32) -> u32 {
    yield_now().await;
    n
}

fn main() {}
