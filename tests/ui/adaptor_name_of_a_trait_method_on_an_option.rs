// `enumerate` is an iterator's method that takes `self`, and `Option` has
// none of its own: on an `Option` the call is a trait's, which may borrow
// the local (a probe found the earlier check, which asked only whether the
// local was an `Option`, `Result`, iterator or `Copy`, let this through and
// the machine drop the local at the call). Refused at the receiver.
use statemachine_runtime::state_machine;

trait Numbered {
    fn enumerate(&self) -> usize;
}

impl<T> Numbered for Option<T> {
    fn enumerate(&self) -> usize {
        1
    }
}

#[state_machine]
async fn trait_method_on_an_option(n: u32) -> usize {
    let o = Some(vec![n]);
    let k = o.enumerate();
    std::future::ready(()).await;
    k + o.map_or(0, |v| v.len())
}

fn main() {}
