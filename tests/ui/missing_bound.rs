use statemachine_runtime::state_machine;

#[state_machine]
async fn sum<T>(a: T, b: T) -> T {
    statemachine_runtime::yield_now().await;
    a + b
}

fn main() {
    let _ = sum(1, 2);
}
