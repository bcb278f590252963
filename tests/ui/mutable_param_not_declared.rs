use statemachine_runtime::state_machine;

#[state_machine]
async fn push(v: Vec<u32>) -> Vec<u32> {
    statemachine_runtime::yield_now().await;
    v.push(1);
    v
}

fn main() {
    let _ = push(Vec::new());
}
