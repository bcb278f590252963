// In a `#[no_implicit_prelude]` module std's `Iterator` is not in scope, so
// `Iterator::map(self)` is no candidate and `w.map(n)` is a user trait's
// `map(&self)`, though `W` is an iterator (a probe found the machine then
// dropped `w` at the call while `r` still borrowed it: a use after free).
// The check needs `Iterator` in scope at the call: refused there.
#[no_implicit_prelude]
mod walker {
    pub struct W(pub ::std::vec::Vec<u32>);

    impl ::std::iter::Iterator for W {
        type Item = u32;
        fn next(&mut self) -> ::std::option::Option<u32> {
            self.0.pop()
        }
    }

    pub trait Mapper {
        fn map(&self, k: u32) -> u32;
    }

    impl Mapper for W {
        fn map(&self, k: u32) -> u32 {
            self.0.len() as u32 + k
        }
    }

    #[::statemachine_runtime::state_machine]
    pub async fn walk(n: u32) -> u32 {
        let w = W(::std::vec![n, 1]);
        let r = &w;
        ::std::future::ready(()).await;
        let k = w.map(n);
        ::std::future::ready(()).await;
        k + r.0[0]
    }
}

fn main() {}
