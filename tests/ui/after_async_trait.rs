// `#[async_trait]` on the impl rewrites its methods first: the method is no
// longer an `async fn` when `#[state_machine]` sees it.
use async_trait::async_trait;
use statemachine_runtime::state_machine;

#[async_trait]
trait Fetch {
    async fn fetch(&self) -> u32;
}

struct Service;

#[async_trait]
impl Fetch for Service {
    #[state_machine]
    async fn fetch(&self) -> u32 {
        statemachine_runtime::yield_now().await;
        1
    }
}

fn main() {}
