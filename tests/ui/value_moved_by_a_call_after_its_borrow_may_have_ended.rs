// A value that may hold a borrow (the macro cannot see that a `bool` holds
// none), moved into a call on one path and moved by the machine for its
// drop on another, after the borrow it may hold ended. The message names
// the move as a call's, not a pattern's (it named a pattern before).
use statemachine_runtime::state_machine;

#[state_machine]
async fn moved_by_a_call(n: u32) -> u32 {
    let st = Some(String::from("job"));
    let r = &st;
    std::future::ready(()).await;
    let k = r.is_some();
    if let Some(job) = st {
        drop(job);
        u32::from(k)
    } else {
        n
    }
}

fn main() {}
