// In a `#[no_implicit_prelude]` module std's `IntoFuture` is not in scope,
// so `f.into_future()` on a future is a user trait's `into_future(&self)`.
// The check of `into_future` needs `IntoFuture` in scope at the call:
// refused.
#[no_implicit_prelude]
mod waits {
    pub trait Count {
        fn into_future(&self) -> usize;
    }

    impl Count for ::std::future::Ready<u32> {
        fn into_future(&self) -> usize {
            1
        }
    }

    #[::statemachine_runtime::state_machine]
    pub async fn count(n: u32) -> usize {
        let f = ::std::future::ready(n);
        let r = &f;
        ::std::future::ready(()).await;
        let k = f.into_future();
        ::std::future::ready(()).await;
        k + ::std::mem::size_of_val(r)
    }
}

fn main() {}
