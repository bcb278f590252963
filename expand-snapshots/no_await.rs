use statemachine_runtime::state_machine;

#[state_machine]
pub async fn ready(n: u32) -> u32 {
    let m = n * 3;
    m + 1
}

fn main() {}
