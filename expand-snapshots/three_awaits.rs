use statemachine_runtime::state_machine;

pub async fn fetch(id: u32) -> String {
    format!("user{id}")
}

pub async fn store(key: String, value: usize) -> bool {
    !key.is_empty() && value > 0
}

/// The readability target: a three-await function.
#[state_machine]
pub async fn copy_user(id: u32) -> bool {
    let name = fetch(id).await;
    let len = name.len();
    let backup = fetch(id + 1).await;
    store(name + &backup, len).await
}

fn main() {}
