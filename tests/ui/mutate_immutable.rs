use statemachine_runtime::{state_machine, yield_now};

#[state_machine]
async fn frozen() -> u32 {
    let n = 1;
    yield_now().await;
    n += 1;
    n
}

fn main() {
    let _ = frozen();
}
