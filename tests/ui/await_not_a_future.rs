use statemachine_runtime::{state_machine, yield_now};

// Awaiting something that is not a future: rustc's message, at the user's
// expression.
#[state_machine]
async fn awaits_a_number(n: u32) -> u32 {
    yield_now().await;
    let m = n.await;
    m + 1
}

fn main() {
    let _ = awaits_a_number(1);
}
