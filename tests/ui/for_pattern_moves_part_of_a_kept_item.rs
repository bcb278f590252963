// A `for` pattern that leaves part of the item unbound keeps that part to
// the end of the iteration (rustc's `match` on `next()`), which the machine
// does by keeping the item whole; a part moved out by value would leave it
// partly moved. Refused, with the fix.
use statemachine_runtime::{state_machine, yield_now};

#[state_machine]
async fn firsts(pairs: Vec<(String, String)>) -> usize {
    let mut total = 0;
    for (first, _) in pairs {
        yield_now().await;
        total += first.len();
    }
    total
}

fn main() {
    let _ = firsts(Vec::new());
}
