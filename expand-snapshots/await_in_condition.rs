use statemachine_runtime::state_machine;

pub async fn ready(n: u32) -> bool {
    n.is_multiple_of(2)
}

#[state_machine]
pub async fn count_even(limit: u32) -> u32 {
    let mut i = 0;
    let mut even = 0;
    while i < limit {
        if ready(i).await {
            even += 1;
        }
        i += 1;
    }
    even
}

fn main() {}
