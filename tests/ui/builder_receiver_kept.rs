// A temporary receiver of a method the macro does not know is kept to the
// end of the statement, as rustc keeps a temporary a method borrows; a
// builder's `send(self)` takes it instead, so keeping it is E0382 on the
// receiver. Braces around it (`{ Query::new() }.send()`) say that the
// method takes it.
use statemachine_runtime::state_machine;

struct Query(Vec<u32>);

impl Query {
    fn new() -> Query {
        Query(Vec::new())
    }
    fn bind(mut self, n: u32) -> Query {
        self.0.push(n);
        self
    }
    async fn send(self) -> u32 {
        self.0.iter().sum()
    }
}

#[state_machine]
async fn fetch(n: u32) -> u32 {
    Query::new().send().await + n
}

fn main() {
    let _ = fetch(1);
}
