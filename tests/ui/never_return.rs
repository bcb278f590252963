use statemachine_runtime::state_machine;

#[state_machine]
async fn forever() -> ! {
    loop {}
}

fn main() {
    let _ = forever();
}
