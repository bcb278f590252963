// `x` owns no borrow when built, but a later statement stores into it a
// value the macro takes to own none because a method is named `is_empty`,
// which this one is not `std`'s. The proof that nothing stores a borrow
// into `x` rests on that name, so the never-run copy checks `x`: the build
// fails where it holds a borrow of `buf`, which the machine would move,
// dead, at the await.
use statemachine_runtime::state_machine;

struct Name(String);

impl Name {
    fn touch(&self) {}
}

trait Peek {
    fn is_empty(&self) -> &u8;
}

impl Peek for [u8; 4096] {
    fn is_empty(&self) -> &u8 {
        &self[0]
    }
}

#[state_machine]
async fn stored_later(n: usize) -> usize {
    let buf = [1u8; 4096];
    let mut x = (Name(String::from("x")), None);
    x.1 = Some(buf.is_empty());
    x.0.touch();
    std::future::ready(()).await;
    std::future::ready(()).await;
    buf[1] as usize + n
}

fn main() {
    let _ = stored_later(1);
}
