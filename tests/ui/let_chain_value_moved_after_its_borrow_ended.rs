// A value holding a borrow, taken whole by a `let` chain on one path. On
// the other, the machine moves it for its drop at a branch after its borrow
// ended (`names.push`): a dangling reference, undefined behaviour under
// Miri. rustc keeps the value in place and accepts the body; the macro
// cannot check that move, so it refuses the value.
use statemachine_runtime::state_machine;

struct D;

impl Drop for D {
    fn drop(&mut self) {}
}

#[state_machine]
async fn taken_on_one_path(n: u32) -> usize {
    let mut names = vec![String::from("a")];
    let pair = (D, &names[0]);
    if n > 5 && let taken = pair {
        drop(taken);
        return 0;
    }
    println!("{}", pair.1);
    names.push(String::from("b"));
    if n > 2 {
        std::future::ready(()).await;
    }
    std::future::ready(()).await;
    names.len()
}

fn main() {}
