use statemachine_runtime::state_machine;

async fn one() -> u32 {
    1
}

#[state_machine]
async fn in_macro() -> Vec<u32> {
    vec![one().await, 2]
}

fn main() {
    let _ = in_macro();
}
