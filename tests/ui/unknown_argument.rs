use statemachine_runtime::state_machine;

#[state_machine(unpin)]
async fn ready() -> u32 {
    1
}

fn main() {
    let _ = ready();
}
