use statemachine_runtime::{state_machine, yield_now};

#[state_machine]
pub async fn scoped(name: String) -> usize {
    let greeting = format!("hello {name}");
    {
        let temp = greeting.clone();
        yield_now().await;
        drop(temp);
    }
    yield_now().await;
    greeting.len()
}

fn main() {}
