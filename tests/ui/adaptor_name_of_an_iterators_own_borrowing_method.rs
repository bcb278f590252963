// `ok` takes `self` on a `Result` only: an iterator's own `ok(&self)` is
// what the call resolves to, and it borrows the local. Refused at the
// receiver (a probe found the earlier, per-type check let it through).
use statemachine_runtime::state_machine;

struct Counter(u32);

impl Iterator for Counter {
    type Item = u32;
    fn next(&mut self) -> Option<u32> {
        None
    }
}

impl Counter {
    fn ok(&self) -> bool {
        true
    }
}

#[state_machine]
async fn own_method_of_an_iterator() -> bool {
    let c = Counter(1);
    let k = c.ok();
    std::future::ready(()).await;
    k && c.0 == 1
}

fn main() {}
