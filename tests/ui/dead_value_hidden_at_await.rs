// As in `dead_value_dangling_at_await.rs`, but another binding of the
// value's name hides it at the await where the machine moves it: the
// never-run copy reaches it through a pointer taken at its `let`, and the
// build fails at the `.await`.
use statemachine_runtime::{state_machine, yield_now};

struct Name(String);

impl Name {
    fn into_string(self) -> String {
        self.0
    }
}

#[state_machine]
async fn grow_then_hide(n: u32) -> usize {
    let mut names = vec![String::from("a")];
    let pair = (Name(String::from("p")), &names[0]);
    if n > 5 {
        return pair.0.into_string().len();
    }
    names.push(String::from("b"));
    let pair = names.len();
    yield_now().await;
    pair
}

fn main() {
    let _ = grow_then_hide(1);
}
