// A bare `join!` may be tokio's, which drops its arguments' temporaries
// after the last argument, or futures', which drops each argument's at once:
// an argument that makes one is refused, at the argument.
use statemachine_runtime::{state_machine, yield_now};

async fn length(s: &str) -> usize {
    yield_now().await;
    s.len()
}

#[state_machine]
async fn lengths(n: u32) -> usize {
    use tokio::join;
    let (a, b) = join!(length(&n.to_string()), length("ab"));
    a + b
}

fn main() {
    let _ = lengths(1);
}
