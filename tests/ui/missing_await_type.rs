use statemachine_runtime::{state_machine, yield_now};

#[state_machine]
async fn forgot() -> u32 {
    let n: u32 = async { 1 };
    yield_now().await;
    n
}

fn main() {
    let _ = forgot();
}
