// A `use` in a nested block is moved to the top of the function with the
// block's other items, where a trait it imports would be in scope in the
// whole body: a probe found a call outside the block (`n.pick()`) then
// resolved to the imported trait's by-value method instead of another
// trait's borrowing one (22 where rustc gives 12). Refused at the `use`.
use statemachine_runtime::state_machine;

mod picks {
    pub trait ByRef {
        fn pick(&self) -> u32 {
            1
        }
    }
    impl ByRef for u32 {}
    pub trait ByValue {
        fn pick(self) -> u32;
    }
    impl ByValue for u32 {
        fn pick(self) -> u32 {
            2
        }
    }
}

use picks::ByRef;

#[state_machine]
async fn chosen(n: u32) -> u32 {
    let a = n.pick();
    let b = {
        use picks::ByValue;
        std::future::ready(()).await;
        n.pick()
    };
    a * 10 + b
}

fn main() {}
