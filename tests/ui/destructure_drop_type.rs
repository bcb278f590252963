// A by-value pattern through a constructor whose type has a `Drop` impl can
// only copy fields out, leaving the value in place; the machine would read
// it as a move of the whole local, so it is refused, with the fix.
use statemachine_runtime::{state_machine, yield_now};

struct Named(&'static str);

impl Drop for Named {
    fn drop(&mut self) {}
}

#[state_machine]
async fn copies_a_field(named: Named) -> usize {
    let Named(text) = named;
    yield_now().await;
    text.len()
}

fn main() {
    let _ = copies_a_field(Named("x"));
}
