use statemachine_runtime::{state_machine, yield_now};

// The two loops' temporaries and iterators are kept in place (the
// iterators borrow them across the awaits), and never at the same time:
// the second loop's share storage with the first's.
#[state_machine]
pub async fn total_length(a: &str, b: &str) -> usize {
    let mut total = 0;
    for word in a.to_uppercase().split(' ') {
        yield_now().await;
        total += word.len();
    }
    for c in format!("{b}!").chars() {
        yield_now().await;
        total += c.len_utf8();
    }
    total
}

fn main() {}
