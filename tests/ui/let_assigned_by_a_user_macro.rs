// A local declared by `let pair;` is initialized where the machine sees it
// assigned. Assigned only by a user macro, it would be taken for
// uninitialized and dropped at the await rather than at the end of its
// scope: refused, at the macro's mention of it.
use statemachine_runtime::state_machine;

struct Name(String);

impl Name {
    fn into_string(self) -> String {
        self.0
    }
    fn touch(&self) {}
}

#[allow(unused_macros)] // the function is not emitted with the error
macro_rules! set {
    ($place:ident = $value:expr) => {
        $place = $value
    };
}

#[state_machine]
async fn assign_in_a_macro(n: u32) -> usize {
    let names = vec![String::from("a")];
    let pair;
    set!(pair = (Name(String::from("p")), &names[0]));
    if n > 5 {
        return pair.0.into_string().len();
    }
    pair.0.touch();
    if n > 2 {
        std::future::ready(()).await;
    }
    names.len()
}

fn main() {
    let _ = assign_in_a_macro(1);
}
