// As in `binding_in_macro_hides_slot.rs`, but the binding is a `match`
// arm's inside a nested `format!`: the `x?` there would otherwise move the
// outer `x` out of its slot while `r` still borrows it.
use statemachine_runtime::state_machine;

#[state_machine]
async fn hidden_in_nested_format(n: u32) -> Result<usize, u32> {
    let x: Result<String, u32> = Ok(String::from("outer"));
    let r = &x;
    std::future::ready(()).await;
    let s = format!("{}", format!("{}", match Ok::<String, u32>(String::from("in")) {
        x => x?.len(),
    }));
    Ok(s.len() + r.as_ref().map_or(0, |s| s.len()) + n as usize)
}

fn main() {
    let _ = hidden_in_nested_format(1);
}
