// A value bound inside a `format!` argument, whose block awaits: the
// machine lowers it as any block, and moves `view` (proved to own no borrow
// by a user method named `len`) while dead at the await. The never-run
// copy checks it inside the argument too: the build fails where it holds a
// borrow of `buf`.
use statemachine_runtime::state_machine;

struct Name(String);

impl Name {
    fn touch(&self) {}
}

struct View<'a>(Name, &'a u8);

trait Peek {
    fn len(&self) -> View<'_>;
}

impl Peek for [u8; 4096] {
    fn len(&self) -> View<'_> {
        View(Name(String::from("view")), &self[0])
    }
}

#[state_machine]
async fn in_an_argument(n: usize) -> String {
    let buf = [1u8; 4096];
    let s = format!("{}", {
        let view = buf.len();
        view.0.touch();
        std::future::ready(()).await;
        n
    });
    std::future::ready(()).await;
    s + &buf[1].to_string()
}

fn main() {
    let _ = in_an_argument(1);
}
