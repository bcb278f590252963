// A `&mut` iterator is an iterator, but a method of the iterator's own type
// taking `&mut self` wins over `Iterator::map` on it, and reborrows the
// local rather than moving it. References are refused at the receiver.
use statemachine_runtime::state_machine;

struct Walker(Vec<u32>);

impl Iterator for Walker {
    type Item = u32;
    fn next(&mut self) -> Option<u32> {
        self.0.pop()
    }
}

impl Walker {
    fn map(&mut self, f: fn(usize) -> usize) -> usize {
        f(self.0.len())
    }
}

#[state_machine]
async fn own_method_through_a_mutable_reference() -> usize {
    let mut w = Walker(vec![1, 2]);
    let r = &mut w;
    let k = r.map(|x| x);
    std::future::ready(()).await;
    k + r.0.len()
}

fn main() {}
