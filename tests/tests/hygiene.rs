//! Generated code cannot collide with user names: locals named like the
//! macro's internals, types named `Poll` and `Pin`, and modules named `core`
//! and `std` shadowing the crates (generated code uses absolute paths).
#![allow(dead_code, clippy::all)]

mod user {
    mod core {}
    mod std {}

    pub struct Poll;
    pub struct Pin;
    pub struct Context;

    #[statemachine_runtime::state_machine]
    pub async fn collide(state: u32, cx: u32) -> u32 {
        let this = 2;
        let fut = statemachine_runtime::yield_now();
        fut.await;
        let __state = 5;
        let __next = 7;
        let __cx = 11;
        let __self = 13;
        let __slots = [0u8; 64];
        let __value = 17;
        let mut buf = [1u8; 4096];
        for i in 0..3 {
            buf[i] = statemachine_runtime::yield_now().await.map_or(0, |()| 1) as u8;
        }
        let _types = (Poll, Pin, Context);
        state
            + cx
            + this
            + __state
            + __next
            + __cx
            + __self
            + __value
            + u32::from(__slots[0])
            + u32::from(buf[0])
    }

    trait YieldExt {
        fn map_or(self, default: u8, f: impl FnOnce(()) -> u8) -> u8;
    }
    impl YieldExt for () {
        fn map_or(self, _default: u8, f: impl FnOnce(()) -> u8) -> u8 {
            f(self)
        }
    }
}

#[test]
fn user_names_do_not_collide_with_generated_ones() {
    assert_eq!(
        statemachine_runtime::block_on(user::collide(1, 3)),
        1 + 3 + 2 + 5 + 7 + 11 + 13 + 17 + 1
    );
}
