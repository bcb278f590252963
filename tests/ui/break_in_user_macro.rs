// A `break` hidden in a user macro, in a loop whose body awaits: the loop
// is the machine's, which the macro cannot see the `break` leave. The
// user's code is in a labeled block, so the build fails with E0695 rather
// than the `break` leaving the machine's own loop.
use statemachine_runtime::{state_machine, yield_now};

macro_rules! leave_loop {
    () => {
        break
    };
}

#[state_machine]
async fn hidden_break(n: u32) -> u32 {
    loop {
        if n > 2 {
            yield_now().await;
        }
        leave_loop!();
    }
    n
}

fn main() {
    let _ = hidden_break(1);
}
