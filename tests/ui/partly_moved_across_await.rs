// A pattern moves part of `pair` out, and `pair` is still in scope at the
// next await: rustc's future keeps what is left; a machine keeps `pair`
// whole, which is rustc's E0382 on the user's pattern. (Were the rest
// `Copy`, keeping it would compile and be right.)
use statemachine_runtime::state_machine;

#[state_machine]
async fn split(pair: (String, String)) -> usize {
    let (first, _) = pair;
    statemachine_runtime::yield_now().await;
    first.len()
}

fn main() {
    let _ = split((String::new(), String::new()));
}
