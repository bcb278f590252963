// The same through a `match` arm that awaits: `pair` keeps `rest` in scope.
use statemachine_runtime::state_machine;

#[state_machine]
async fn split() -> usize {
    let pair = (String::from("first"), String::from("rest"));
    match pair {
        (first, _) => {
            statemachine_runtime::yield_now().await;
            first.len()
        }
    }
}

fn main() {
    let _ = split();
}
