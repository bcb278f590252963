// The macro proves a value owns no borrow of the body's data partly by the
// names of `std` methods whose results are owned (`x.len()`, `x.clone()`).
// Here a user's `len` returns a borrow of its receiver, a buffer kept in
// place. The machine moves `view`, dead at the await, typed; had a write to
// the buffer ended that borrow first, that move would copy a dangling
// reference. So the never-run copy points a guard at every value so proved,
// declared before every local and dropped after them: the build fails
// wherever such a value holds a borrow of a local, dangling or not.
use statemachine_runtime::{state_machine, yield_now};

struct Name(String);

impl Name {
    fn touch(&self) {}
}

fn check(_: u8) {}

struct View<'a>(Name, &'a u8);

trait Peek {
    fn len(&self) -> View<'_>;
}

impl Peek for [u8; 4096] {
    fn len(&self) -> View<'_> {
        View(Name(String::from("view")), &self[0])
    }
}

#[state_machine]
async fn peek(n: u8) -> u8 {
    let buf = [1u8; 4096];
    let view = buf.len();
    view.0.touch();
    check(*view.1);
    yield_now().await;
    yield_now().await;
    buf[0] + n
}

fn main() {
    let _ = peek(1);
}
