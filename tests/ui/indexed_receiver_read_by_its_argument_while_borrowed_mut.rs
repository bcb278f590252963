// `add_assign` on an array element, the argument reading the array:
// rustc's two-phase borrow accepts it, while the machine holds `&mut a[0]`
// across the argument's await and the never-run copy holds it too.
use statemachine_runtime::state_machine;

#[state_machine]
async fn read_while_held(n: u32) -> u32 {
    use std::ops::AddAssign;
    let mut a = [1u32, 2];
    a[0].add_assign(std::future::ready(a).await[1] + n);
    a[0]
}

fn main() {}
