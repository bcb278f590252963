use statemachine_runtime::state_machine;

#[state_machine]
async fn outer() -> u32 {
    fn inner() -> u32 {
        statemachine_runtime::yield_now().await;
        1
    }
    statemachine_runtime::yield_now().await;
    inner()
}

fn main() {
    let _ = outer();
}
