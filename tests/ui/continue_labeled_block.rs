use statemachine_runtime::state_machine;

#[state_machine]
async fn labeled() -> u32 {
    'b: {
        statemachine_runtime::yield_now().await;
        continue 'b;
    }
    1
}

fn main() {
    let _ = labeled();
}
