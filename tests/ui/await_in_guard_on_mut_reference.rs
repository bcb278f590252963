// A guard that awaits, on a `match` of `&mut`: refused with a hint.
use statemachine_runtime::state_machine;

async fn check(n: u32) -> bool {
    n > 1
}

#[state_machine]
async fn guarded(mut v: Option<u32>) -> u32 {
    match &mut v {
        Some(n) if check(*n).await => *n,
        _ => 0,
    }
}

fn main() {
    let _ = guarded(Some(1));
}
