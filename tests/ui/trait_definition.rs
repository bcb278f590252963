use statemachine_runtime::state_machine;

trait Fetch {
    #[state_machine]
    async fn fetch(&self) -> u32;
}

fn main() {}
