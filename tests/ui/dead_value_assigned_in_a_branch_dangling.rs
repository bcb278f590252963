// A value declared by `let x;`, assigned in one branch, whose borrow ends
// in that branch: the machine fills its drop flag at the join, moving a
// dangling reference (undefined behaviour under Miri). The copy points at
// it after the assignment and uses the pointer later in its scope, so the
// borrow checker refuses the body (E0502).
use statemachine_runtime::state_machine;

struct D;

impl Drop for D {
    fn drop(&mut self) {}
}

#[state_machine]
async fn assigned_in_a_branch(n: u32) -> usize {
    let mut names = vec![String::from("a")];
    let maybe;
    if n > 2 {
        maybe = (D, &names[0]);
        println!("{}", maybe.1);
        names.push(String::from("b"));
    }
    if n > 3 {
        std::future::ready(()).await;
    }
    std::future::ready(()).await;
    names.len()
}

fn main() {}
