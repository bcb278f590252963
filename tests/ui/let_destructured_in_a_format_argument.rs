// A `let x;` local assigned by a destructuring assignment inside a
// `format!` argument: the machine does not track assignments there, so it
// refuses it as it refuses `x = v` there.
use statemachine_runtime::state_machine;

struct Name(String);

#[state_machine]
async fn in_an_argument(n: usize) -> usize {
    let x: Name;
    let s = format!("{}", {
        (x, _) = (Name(String::from("x")), 0);
        1
    });
    std::future::ready(()).await;
    s.len() + x.0.len() + n
}

fn main() {
    let _ = in_an_argument(1);
}
