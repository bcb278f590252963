// A value that holds a borrow, never read again but still in scope at an
// await, is moved into the state there when a slot cannot hold it (here a
// part of it is consumed by a method on another path). If the borrow ended
// before the await, the move would copy a dangling reference: the build
// fails, with the borrow "later used" at the `.await`.
use statemachine_runtime::{state_machine, yield_now};

struct Name(String);

impl Name {
    fn into_string(self) -> String {
        self.0
    }
}

#[state_machine]
async fn first_then_grow(n: u32) -> usize {
    let mut names = vec![String::from("a")];
    let pair = (Name(String::from("p")), &names[0]);
    if n > 5 {
        return pair.0.into_string().len();
    }
    names.push(String::from("b"));
    yield_now().await;
    names.len()
}

fn main() {
    let _ = first_then_grow(1);
}
