use statemachine_runtime::state_machine;

#[state_machine]
async fn stray() -> u32 {
    statemachine_runtime::yield_now().await;
    break;
}

fn main() {
    let _ = stray();
}
