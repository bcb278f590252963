use statemachine_runtime::{state_machine, yield_now};

#[state_machine]
async fn in_closure() -> u32 {
    let f = || {
        yield_now().await;
        1
    };
    f()
}

fn main() {
    let _ = in_closure();
}
