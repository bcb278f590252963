// A trait declared in a nested block is moved to the top of the function
// with the block's other items, where it would be in scope in the whole
// body: a probe found `w.len()` outside the block then called its by-value
// `len` (103 where rustc gives 5). Refused at the trait's name.
use statemachine_runtime::state_machine;

#[state_machine]
async fn lengths() -> usize {
    let a = {
        trait Counted {
            fn len(self) -> usize;
        }
        impl<T> Counted for Vec<T> {
            fn len(self) -> usize {
                99
            }
        }
        std::future::ready(3usize).await
    };
    let w = vec![1u8];
    a + w.len()
}

fn main() {}
