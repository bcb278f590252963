use statemachine_runtime::state_machine;

#[state_machine]
fn add(a: u32, b: u32) -> u32 {
    a + b
}

fn main() {
    let _ = add(1, 2);
}
