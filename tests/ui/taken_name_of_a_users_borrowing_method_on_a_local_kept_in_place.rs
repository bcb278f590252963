// A user type's `unwrap_or` that borrows, called after the last await on a
// local kept in place (borrowed across an earlier await): the machine moves
// `s` out of its slot at the call and drops it there, while `r` still
// borrows it. No await follows, but the call is checked all the same:
// refused at the method.
use statemachine_runtime::{state_machine, yield_now};

struct Names(Vec<String>);

impl Names {
    fn unwrap_or(&self, least: usize) -> usize {
        self.0.len().max(least)
    }
}

#[state_machine]
async fn count(names: Vec<String>) -> usize {
    let s = Names(names);
    let r = &s;
    yield_now().await;
    let k = s.unwrap_or(1);
    k + r.0.len()
}

fn main() {
    let _ = count(vec![String::from("a")]);
}
