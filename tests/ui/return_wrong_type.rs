use statemachine_runtime::{state_machine, yield_now};

// A `return` of the wrong type: rustc's message, on the returned value.
#[state_machine]
async fn wrong(n: u32) -> u32 {
    yield_now().await;
    if n > 3 {
        return "big";
    }
    n
}

fn main() {
    let _ = wrong(1);
}
