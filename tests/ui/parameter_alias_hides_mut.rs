// A parameter's type is an alias for `&mut Vec<u8>`, which the macro cannot
// see, so it takes the parameter to hold no borrow the body can change. `x`
// reborrows it; `p.push` then invalidates that reborrow, and the machine
// would move `x`, dead, at the await. A value taken from a parameter of any
// type but a plainly owned one is checked by the never-run copy: the build
// fails where it holds a reborrow of a parameter the body uses again.
use statemachine_runtime::state_machine;

struct Name(String);

impl Name {
    fn touch(&self) {}
}

type Bytes<'a> = &'a mut Vec<u8>;

#[state_machine]
async fn through_an_alias(p: Bytes<'static>) -> usize {
    let k = &p;
    std::future::ready(()).await;
    let _ = k.len();
    let x: (Name, &mut Vec<u8>) = (Name(String::from("x")), p);
    x.0.touch();
    p.push(2);
    std::future::ready(()).await;
    1
}

fn main() {
    let _ = through_an_alias(Box::leak(Box::new(vec![1u8])));
}
