// As in `dead_value_dangling_at_a_branch.rs`, but the value's scope ends
// in a panic, so its end is never reached: the never-run copy also uses
// the value before each statement, and the build fails at the branch.
use statemachine_runtime::{state_machine, yield_now};

struct Name(String);

impl Name {
    fn into_string(self) -> String {
        self.0
    }
    fn touch(&self) {}
}

#[state_machine]
async fn grow_then_panic(n: u32) -> usize {
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
    panic!("{} names", names.len())
}

fn main() {
    let _ = grow_then_panic(1);
}
