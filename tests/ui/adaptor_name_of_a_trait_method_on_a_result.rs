// `ok_or` takes `self` on an `Option` only: on a `Result` the call is a
// trait's `ok_or(&self)`, which borrows the local. Refused at the receiver
// (a probe found the earlier, per-type check let it through).
use statemachine_runtime::state_machine;

trait OkOr {
    fn ok_or(&self, x: u32) -> u32;
}

impl<T, E> OkOr for Result<T, E> {
    fn ok_or(&self, x: u32) -> u32 {
        x
    }
}

#[state_machine]
async fn trait_method_on_a_result(r: Result<u32, String>) -> u32 {
    let k = r.ok_or(3);
    std::future::ready(()).await;
    k + r.map_or(0, |x| x)
}

fn main() {}
