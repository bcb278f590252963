use statemachine_runtime::state_machine;

#[state_machine]
mod machines {}

fn main() {}
