use statemachine_runtime::state_machine;

async fn index() -> usize {
    0
}

#[state_machine]
async fn assign() -> Vec<u32> {
    let mut v = vec![0];
    v[index().await] = 1;
    v
}

fn main() {
    let _ = assign();
}
