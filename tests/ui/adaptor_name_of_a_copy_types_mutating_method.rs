// A `Copy` type's own `filter(&mut self)`: the earlier check accepted any
// `Copy` local, and the machine called the method on a copy taken out of
// the local's slot, so the change was lost (found by a probe). `Copy` is no
// longer enough: refused at the receiver.
use statemachine_runtime::state_machine;

#[derive(Clone, Copy)]
struct Point(u32);

impl Point {
    fn filter(&mut self) -> u32 {
        self.0 += 1;
        self.0
    }
}

#[state_machine]
async fn mutable_method_of_a_copy_type() -> u32 {
    let mut p = Point(1);
    let k = p.filter();
    std::future::ready(()).await;
    k + p.0
}

fn main() {}
