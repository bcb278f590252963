use statemachine_runtime::{state_machine, yield_now};

#[derive(Default)]
pub struct Counter {
    n: u32,
}

impl Counter {
    #[state_machine]
    pub async fn bump(&mut self, by: u32) -> u32 {
        yield_now().await;
        self.n += by;
        self.n
    }
}

fn main() {}
