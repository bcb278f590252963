// A user trait's `into_len(&self)`: an `into_*` name the machine takes to
// consume the local, on a method that borrows it. Refused at the method.
use statemachine_runtime::{state_machine, yield_now};

trait Len {
    fn into_len(&self) -> usize;
}

impl Len for Vec<String> {
    fn into_len(&self) -> usize {
        self.len()
    }
}

#[state_machine]
async fn count(names: Vec<String>) -> usize {
    let r = &names;
    yield_now().await;
    let k = names.into_len();
    yield_now().await;
    k + r.len()
}

fn main() {
    let _ = count(vec![String::from("a")]);
}
