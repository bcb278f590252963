// An item of a nested block is moved to the top of the function, so that
// the split body sees it everywhere; there it would shadow the module's
// `seven` that the rest of the body calls (a probe found it called the
// block's: 331 where rustc gives 371). Refused at the item's name.
use statemachine_runtime::state_machine;

fn seven() -> u32 {
    7
}

#[state_machine]
async fn digits(n: u32) -> u32 {
    let x = {
        fn seven() -> u32 {
            3
        }
        seven()
    };
    let y = seven();
    std::future::ready(()).await;
    x * 100 + y * 10 + n
}

fn main() {}
