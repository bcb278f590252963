// Edition 2021 keeps a block tail's temporaries to the end of the
// statement; the machine drops them at the end of a block that awaits, as
// edition 2024 does, while `use_it`'s argument still borrows one: E0716
// from the never-run copy, checked with edition 2024's scopes.
use statemachine_runtime::{state_machine, yield_now};

fn use_it(s: &String) -> usize {
    s.len()
}

#[state_machine]
async fn first_len() -> usize {
    use_it({
        yield_now().await;
        vec![String::from("a")].first().unwrap()
    })
}

fn main() {
    let _ = first_len();
}
