// `takes_self` needs the methods' names.
use statemachine_runtime::state_machine;

#[state_machine(takes_self())]
async fn fetch(n: u32) -> u32 {
    n
}

fn main() {
    let _ = fetch(1);
}
