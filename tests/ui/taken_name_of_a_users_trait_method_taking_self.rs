// A trait's method taking `self`, named like one the machine takes to consume
// its receiver, on a local still in scope at a later await: the never-run
// copy's check cannot tell it from its own method of that name (E0034).
// Called as `Parts::into_parts(pair)`, the local is an argument, which the
// machine moves without a check. (After the last await of its scope, the call
// is not checked: case `methods_taken_by_their_names_where_no_await_follows`.)
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
    let (a, _) = pair.into_parts();
    yield_now().await;
    a
}

fn main() {
    let _ = first((String::new(), String::new()));
}
