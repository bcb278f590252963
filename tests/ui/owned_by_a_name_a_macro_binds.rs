// A name the body does not bind itself may be bound by a user macro (here a
// closure returning a borrow of `v`). The macro takes such a name for an
// item, so `(Name, f())` for a value that owns no borrow, and would move
// `x`, dead at the await, after the pushes to `v` ended its borrow. In a
// body that calls such a macro, a value proved so is checked by the
// never-run copy: the build fails wherever it holds a borrow of a local.
use statemachine_runtime::state_machine;

struct Name(String);

impl Name {
    fn touch(&self) {}
}

macro_rules! bind {
    ($name:ident = $value:expr) => {
        let $name = $value;
    };
}

#[state_machine]
async fn bound_by_a_macro(n: usize) -> usize {
    let v = vec![n];
    let k = &v;
    std::future::ready(()).await;
    let _ = k.len();
    bind!(f = || &v[0]);
    let x = (Name(String::from("x")), f());
    x.0.touch();
    std::future::ready(()).await;
    v.len()
}

fn main() {
    let _ = bound_by_a_macro(1);
}
