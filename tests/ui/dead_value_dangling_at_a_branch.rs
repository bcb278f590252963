// A value that holds a borrow and that no slot can hold (a part of it is
// consumed on another path) is dead before a branch whose other arm awaits:
// the machine moves it into its `Dead` at the branch. Its borrow ended
// before that, so the move would copy a dangling reference: the build
// fails, with the borrow "later used" at the next statement.
use statemachine_runtime::{state_machine, yield_now};

struct Name(String);

impl Name {
    fn into_string(self) -> String {
        self.0
    }
    fn touch(&self) {}
}

#[state_machine]
async fn grow_then_branch(n: u32) -> usize {
    let mut names = vec![String::from("a")];
    let pair = (Name(String::from("p")), &names[0]);
    if n > 5 {
        return pair.0.into_string().len();
    }
    pair.0.touch();
    names.push(String::from("b"));
    if n > 2 {
        yield_now().await;
    }
    names.len()
}

fn main() {
    let _ = grow_then_branch(1);
}
