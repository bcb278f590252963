// The body of a machine with slots runs inside an `unsafe` block (the slots
// are reached through raw pointers); calling an unsafe fn without `unsafe`
// must still be rejected, as rustc rejects it in the plain `async fn`.
use statemachine_runtime::{state_machine, yield_now};

unsafe fn dangerous() -> u32 {
    1
}

#[state_machine]
async fn sum(items: Vec<u32>) -> u32 {
    let mut total = 0;
    for x in items {
        yield_now().await;
        total += x + dangerous();
    }
    total
}

fn main() {
    let _ = sum(vec![1]);
}
