use statemachine_runtime::state_machine;

async fn check(n: u32) -> bool {
    n > 1
}

#[state_machine]
async fn guarded(n: u32) -> u32 {
    match n {
        k if check(k).await => k,
        _ => 0,
    }
}

fn main() {
    let _ = guarded(1);
}
