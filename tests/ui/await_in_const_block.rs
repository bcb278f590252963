use statemachine_runtime::state_machine;

#[state_machine]
async fn in_const() -> u32 {
    statemachine_runtime::yield_now().await;
    const { async { 1u32 }.await }
}

fn main() {
    let _ = in_const();
}
