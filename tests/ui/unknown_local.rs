use statemachine_runtime::{state_machine, yield_now};

#[state_machine]
async fn typo() -> u32 {
    let count = 1;
    yield_now().await;
    cout + 1
}

fn main() {
    let _ = typo();
}
