use statemachine_runtime::state_machine;

#[state_machine]
async fn twice(mut v: Vec<u32>) -> usize {
    let a = &mut v;
    let b = &mut v;
    a.push(1);
    b.push(2);
    statemachine_runtime::yield_now().await;
    v.len()
}

fn main() {
    let _ = twice(Vec::new());
}
