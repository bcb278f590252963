// A method listed in `takes_self(..)` that the body never calls is a
// mistake (a typo, say): the list would change nothing.
use statemachine_runtime::state_machine;

struct Query(u32);

impl Query {
    async fn send(self) -> u32 {
        self.0
    }
}

#[state_machine(takes_self(sned))]
async fn fetch(n: u32) -> u32 {
    Query(n).send().await
}

fn main() {
    let _ = fetch(1);
}
