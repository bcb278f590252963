use statemachine_runtime::state_machine;

#[state_machine]
async fn parse(s: &str) -> u32 {
    let Ok(n) = s.parse::<u32>() else {
        statemachine_runtime::yield_now().await;
        return 0;
    };
    n
}

fn main() {
    let _ = parse("1");
}
