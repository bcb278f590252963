// A user type's own `into_iter(&self)`, on a type that is not
// `IntoIterator`: the machine takes `into_iter` to consume the local, and
// checks that it is an `IntoIterator`, whose method takes `self` and is found
// first. Refused at the local.
use statemachine_runtime::{state_machine, yield_now};

struct Rows(Vec<u32>);

impl Rows {
    fn into_iter(&self) -> std::slice::Iter<'_, u32> {
        self.0.iter()
    }
}

#[state_machine]
async fn total(rows: Vec<u32>) -> u32 {
    let rows = Rows(rows);
    let r = &rows;
    yield_now().await;
    let sum: u32 = rows.into_iter().sum();
    yield_now().await;
    sum + r.0.len() as u32
}

fn main() {
    let _ = total(vec![1]);
}
