// A `let x;` local kept in a slot (borrowed across an await) starts empty.
// Reading it where rustc cannot prove it assigned is E0381 from the
// never-run copy of the body, as in rustc, never a read of the empty slot.
use statemachine_runtime::state_machine;

#[state_machine]
async fn maybe_unassigned(c: bool) -> usize {
    let items;
    if c {
        items = vec![1, 2];
    }
    for item in items.iter() {
        std::future::ready(*item).await;
    }
    0
}

fn main() {}
