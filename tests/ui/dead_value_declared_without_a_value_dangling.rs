// `let pair;` then an assignment: the value holds a borrow of `names`, kept
// in place (borrowed across the first await), and a part of it is consumed
// on another path, so no slot can hold it: the machine moves it into its
// `Dead` at the branch that awaits. Its borrow ended before that branch, so
// the move would copy a dangling reference: the build fails, the copy's
// pointer to `pair`, set after each assignment, "later used".
use statemachine_runtime::{state_machine, yield_now};

struct Name(String);

impl Name {
    fn into_string(self) -> String {
        self.0
    }
    fn touch(&self) {}
}

#[state_machine]
async fn assign_then_branch(n: u32) -> usize {
    let mut names = vec![String::from("a")];
    let first = &names;
    yield_now().await;
    let _ = first.len();
    let pair;
    pair = (Name(String::from("p")), &names[0]);
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
    let _ = assign_then_branch(1);
}
