use statemachine_runtime::state_machine;

pub async fn weigh(s: &str) -> usize {
    s.len()
}

#[state_machine]
pub async fn sum_lengths(words: Vec<&'static str>) -> usize {
    let mut sum = 0;
    for w in words {
        sum += weigh(w).await;
    }
    sum
}

fn main() {}
