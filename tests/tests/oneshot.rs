//! The `oneshot` channel, across threads and executors.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};
use std::thread;
use std::time::Duration;

use statemachine_runtime::oneshot::{self, Canceled};
use statemachine_runtime::{LocalExecutor, block_on};

#[test]
fn value_sent_from_another_thread() {
    let (tx, rx) = oneshot::channel();
    let t = thread::spawn(move || {
        thread::sleep(Duration::from_millis(10));
        tx.send(String::from("hello")).unwrap();
    });
    assert_eq!(block_on(rx).as_deref(), Ok("hello"));
    t.join().unwrap();
}

#[test]
fn sender_dropped_gives_canceled_and_wakes_receiver() {
    let ex = LocalExecutor::new();
    let (tx, rx) = oneshot::channel::<u8>();
    let h = ex.spawn(rx);
    ex.run_until_stalled();
    assert!(!h.is_finished());
    thread::spawn(move || drop(tx)).join().unwrap();
    assert_eq!(ex.block_on(h), Err(Canceled));
}

#[test]
fn receiver_dropped_returns_the_value() {
    let (tx, rx) = oneshot::channel();
    assert!(!tx.is_canceled());
    drop(rx);
    assert!(tx.is_canceled());
    assert_eq!(tx.send(vec![1, 2]), Err(vec![1, 2]));
}

#[test]
fn try_recv_and_poll_after_completion() {
    let (tx, mut rx) = oneshot::channel();
    assert_eq!(rx.try_recv(), Ok(None));
    tx.send(3).unwrap();
    let mut cx = Context::from_waker(Waker::noop());
    assert_eq!(Pin::new(&mut rx).poll(&mut cx), Poll::Ready(Ok(3)));
    assert_eq!(Pin::new(&mut rx).poll(&mut cx), Poll::Ready(Err(Canceled)));
    assert_eq!(rx.try_recv(), Err(Canceled));
}

#[tokio::test(flavor = "current_thread")]
async fn works_under_tokio() {
    let (tx, rx) = oneshot::channel();
    let t = thread::spawn(move || {
        thread::sleep(Duration::from_millis(5));
        tx.send(8u32).unwrap();
    });
    assert_eq!(rx.await, Ok(8));
    t.join().unwrap();
}
