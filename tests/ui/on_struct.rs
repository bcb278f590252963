use statemachine_runtime::state_machine;

#[state_machine]
struct Machine {
    state: u32,
}

fn main() {
    let _ = Machine { state: 0 };
}
