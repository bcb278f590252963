// A trait's method taking `self`, named like one the machine takes to consume
// its receiver: the never-run copy's check cannot tell it from its own
// method of that name (E0034). Called as `Parts::into_parts(pair)`, the local
// is an argument, which the machine moves without a check.
use statemachine_runtime::{state_machine, yield_now};

trait Parts {
    fn into_parts(self) -> (String, String);
}

impl Parts for (String, String) {
    fn into_parts(self) -> (String, String) {
        self
    }
}

#[state_machine]
async fn first(pair: (String, String)) -> String {
    yield_now().await;
    let (a, _) = pair.into_parts();
    a
}

fn main() {
    let _ = first((String::new(), String::new()));
}
