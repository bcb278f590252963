use statemachine_runtime::state_machine;

#[state_machine]
async fn lost() -> u32 {
    loop {
        statemachine_runtime::yield_now().await;
        break 'outer;
    }
    1
}

fn main() {
    let _ = lost();
}
