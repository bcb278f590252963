// `select!` awaits inside its expansion, which the machine cannot see, and
// its branches may `return` or `break` out of the function: refused at the
// macro, with where to move it.
use statemachine_runtime::state_machine;

#[state_machine]
async fn first(n: u32) -> u32 {
    use statemachine_runtime::yield_now;
    let a = async { yield_now().await; n };
    let b = async { 2 };
    tokio::select! {
        x = a => x,
        y = b => return y,
    }
}

fn main() {
    let _ = first(1);
}
