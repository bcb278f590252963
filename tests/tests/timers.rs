//! `sleep` with real timers, under our executors and under tokio.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::{Duration, Instant};

use statemachine_runtime::{LocalExecutor, block_on, sleep, sleep_until};

#[test]
fn sleeps_finish_in_deadline_order_and_not_early() {
    let ex = LocalExecutor::new();
    let start = Instant::now();
    let order = Rc::new(RefCell::new(Vec::new()));
    for ms in [60u64, 20, 40] {
        let order = order.clone();
        // Deadlines are fixed here, not when the task first runs, so the
        // expected order holds however slowly the tasks start (e.g. Miri).
        let nap = sleep(Duration::from_millis(ms));
        ex.spawn(async move {
            nap.await;
            order.borrow_mut().push((ms, start.elapsed()));
        })
        .detach();
    }
    ex.block_on(sleep(Duration::from_millis(80)));
    let order = order.borrow();
    let ms: Vec<u64> = order.iter().map(|&(ms, _)| ms).collect();
    assert_eq!(ms, [20, 40, 60]);
    for &(ms, elapsed) in order.iter() {
        assert!(
            elapsed >= Duration::from_millis(ms),
            "{ms} ms sleep woke at {elapsed:?}"
        );
    }
}

#[test]
fn sleep_under_plain_block_on() {
    let start = Instant::now();
    block_on(sleep(Duration::from_millis(30)));
    let elapsed = start.elapsed();
    assert!(elapsed >= Duration::from_millis(30), "{elapsed:?}");
    assert!(elapsed < Duration::from_secs(10), "{elapsed:?}");
}

#[test]
fn sleep_under_local_executor() {
    let ex = LocalExecutor::new();
    let start = Instant::now();
    let h = ex.spawn(async move {
        sleep(Duration::from_millis(25)).await;
        start.elapsed()
    });
    let elapsed = ex.block_on(h);
    assert!(elapsed >= Duration::from_millis(25), "{elapsed:?}");
    // The executor was idle (parked) while the task slept: two polls only.
    assert_eq!(ex.stats().polls, 2);
}

#[tokio::test(flavor = "current_thread")]
async fn sleep_under_tokio_current_thread() {
    let start = Instant::now();
    sleep(Duration::from_millis(25)).await;
    assert!(start.elapsed() >= Duration::from_millis(25));
    // Several concurrent sleeps on tokio tasks finish in deadline order.
    let (a, b) = tokio::join!(
        async {
            sleep(Duration::from_millis(30)).await;
            Instant::now()
        },
        async {
            sleep(Duration::from_millis(10)).await;
            Instant::now()
        }
    );
    assert!(b <= a);
}

#[test]
fn zero_and_past_deadlines_are_ready_immediately() {
    block_on(sleep(Duration::ZERO));
    block_on(sleep_until(Instant::now() - Duration::from_millis(1)));
}

#[test]
fn dropped_sleep_does_not_fire_and_later_sleeps_still_work() {
    let ex = LocalExecutor::new();
    // Register a long sleep, then drop it by cancelling its task.
    let h = ex.spawn(sleep(Duration::from_secs(3600)));
    ex.run_until_stalled();
    h.cancel();
    let start = Instant::now();
    ex.block_on(sleep(Duration::from_millis(10)));
    assert!(start.elapsed() >= Duration::from_millis(10));
    assert!(start.elapsed() < Duration::from_secs(600));
}

#[test]
fn sleeps_from_many_threads() {
    let threads: Vec<_> = (0..4u64)
        .map(|i| {
            std::thread::spawn(move || {
                let d = Duration::from_millis(5 * (i + 1));
                let start = Instant::now();
                block_on(sleep(d));
                start.elapsed() >= d
            })
        })
        .collect();
    for t in threads {
        assert!(t.join().unwrap());
    }
}
