// In a `#[no_implicit_prelude]` module std's `IntoIterator` is not in scope,
// so `v.into_iter()` on a `Vec` is a user trait's `into_iter(&self)`. The
// check of `into_iter` needs `IntoIterator` in scope at the call: refused.
#[no_implicit_prelude]
mod rows {
    pub trait Count {
        fn into_iter(&self) -> usize;
    }

    impl Count for ::std::vec::Vec<u32> {
        fn into_iter(&self) -> usize {
            self.len()
        }
    }

    #[::statemachine_runtime::state_machine]
    pub async fn count(n: u32) -> usize {
        let v = ::std::vec![n];
        let r = &v;
        ::std::future::ready(()).await;
        let k = v.into_iter();
        ::std::future::ready(()).await;
        k + r.len()
    }
}

fn main() {}
