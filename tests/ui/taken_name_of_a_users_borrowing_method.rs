// A user type's `unwrap_or` that borrows: the machine takes `unwrap*` to
// consume a local by its name, and would drop `s` at the call while `r`
// still borrows it (a probe found a use after free under Miri). The never-run
// copy checks that the call takes `s` by value: refused at the method.
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
    yield_now().await;
    k + r.0.len()
}

fn main() {
    let _ = count(vec![String::from("a")]);
}
