// Edition 2021 keeps an `if let` scrutinee's temporaries to the end of the
// statement, so rustc's own future accepts this; the machine drops them at
// the end of the `if let`, as edition 2024 does, while `use_it`'s argument
// still borrows one. The never-run copy of the body checks it with edition
// 2024's scopes: E0716, not a read of a dropped value.
use statemachine_runtime::{state_machine, yield_now};

fn use_it(s: &String) -> usize {
    s.len()
}

#[state_machine]
async fn first_len(n: usize) -> usize {
    use_it(if let Some(s) = vec![String::from("a")].first() {
        yield_now().await;
        s
    } else {
        return n;
    })
}

fn main() {
    let _ = first_len(1);
}
