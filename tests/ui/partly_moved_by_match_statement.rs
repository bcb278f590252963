// A `match` without awaits whose arm moves part of `pair` out, with `pair`
// still in scope at the next await: E0382, as for a `let`.
use statemachine_runtime::state_machine;

#[state_machine]
async fn split() -> usize {
    let pair = (String::from("first"), String::from("rest"));
    let n = match pair {
        (first, _) => first.len(),
    };
    statemachine_runtime::yield_now().await;
    n
}

fn main() {
    let _ = split();
}
