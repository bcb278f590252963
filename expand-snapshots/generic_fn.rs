use std::fmt::Display;

use statemachine_runtime::{state_machine, yield_now};

#[state_machine]
pub async fn describe<T: Display + Clone>(value: T) -> String {
    let copy = value.clone();
    yield_now().await;
    format!("{value}/{copy}")
}

fn main() {}
