// A guard that awaits may not mutate through a binding of `match &mut x`,
// as in rustc: the error is rustc's, at the guard.
use statemachine_runtime::state_machine;

async fn check(n: u32) -> bool {
    n > 1
}

#[state_machine]
async fn guarded(mut v: Option<u32>) -> u32 {
    match &mut v {
        Some(n) if check(*n).await && { *n += 1; true } => *n,
        _ => 0,
    }
}

fn main() {
    let _ = guarded(Some(1));
}
