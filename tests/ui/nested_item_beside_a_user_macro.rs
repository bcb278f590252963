// A user's macro called outside a nested block may expand to the name of
// an item of that block (`step!()` expands to `STEP`, the module's const),
// which, moved to the top of the function, would shadow the module's item
// there (a probe found 24 where rustc gives 14). The machine cannot see
// into the macro: the item is refused at its name.
use statemachine_runtime::state_machine;

const STEP: u32 = 1;

macro_rules! step {
    () => {
        STEP
    };
}

#[state_machine]
async fn stepped() -> u32 {
    let s = step!();
    let b = {
        const STEP: u32 = 2;
        std::future::ready(STEP).await
    };
    s * 10 + b
}

fn main() {}
