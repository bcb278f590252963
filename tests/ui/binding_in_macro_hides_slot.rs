// A local kept in place (here borrowed across an await) is reached by its
// name inside a macro's arguments; a binding there that hides it would be
// read as the outer local, so the macro refuses it at the binding.
use statemachine_runtime::state_machine;

#[state_machine]
async fn hidden_in_format(n: u32) -> usize {
    let x = 1u32;
    let r = &x;
    std::future::ready(()).await;
    let s = format!("{}", {
        let x = 40 + n;
        x
    });
    s.len() + *r as usize
}

fn main() {
    let _ = hidden_in_format(1);
}
