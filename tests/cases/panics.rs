// Panics: the values dropped during the unwind, the poisoned next poll.

differential!(panics panic_after_await, (a: D) -> u32 {
    let x = D("x");
    let v = leaf("one", 1u32).await;
    let y = D("y");
    if v == 1 {
        panic!("boom at {v}");
    }
    v
}, (D("a")));

differential!(panics panic_in_awaited_future, (a: D) -> u32 {
    let x = D("x");
    let v = async {
        let inner = D("inner");
        leaf("inner", ()).await;
        panic!("inside the awaitee");
    }.await;
    v
}, (D("a")));

differential!(panics panic_before_first_await, (a: D, b: D) -> u32 {
    let x = D("x");
    let n: Option<u32> = None;
    let v = n.expect("no value");
    leaf("never", v).await
}, (D("a"), D("b")));

differential!(panics panic_in_loop_with_drop_flags, (c: bool) -> u32 {
    let s = D("s");
    let t = D("t");
    if c {
        drop(s);
    }
    for i in 0..3u32 {
        let r = D("r");
        if leaf("i", i).await == 2 {
            panic!("at 2");
        }
    }
    t.touch();
    0
}, (true));
