// A user's `&mut self` method on an indexed place whose argument awaits:
// the macro cannot see the receiver type, and borrows the receiver `&`
// unless the method's name is one it knows takes `&mut self`. The body
// fails to build, at the receiver, rather than change a copy.
use statemachine_runtime::state_machine;

#[derive(Clone, Copy)]
struct Counter(u32);

impl Counter {
    fn bump(&mut self, by: u32) {
        self.0 += by;
    }
}

#[state_machine]
async fn bumped() -> u32 {
    let mut counters = [Counter(1), Counter(2)];
    counters[1].bump(std::future::ready(3).await);
    counters[1].0
}

fn main() {}
