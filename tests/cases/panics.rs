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

// The iterator of a `for` loop stays in place without a drop flag: the
// unwind must still drop the items it has not yielded, after the body's
// locals and before the values declared earlier.
differential!(panics panic_in_for_over_vec, (a: D, names: Vec<D>) -> u32 {
    let before = D("before");
    let mut total = 0;
    for n in names {
        let inner = D("inner");
        leaf("len", ()).await;
        if n.0 == "boom" {
            panic!("boom");
        }
        total += 1;
    }
    total
}, (D("a"), vec![D("ab"), D("boom"), D("cd")]));

// A buffer that is only borrowed stays filled for its whole scope, so its
// slot has no drop flag: dropped at the end of its scope, by the unwind, and
// when the machine is dropped while suspended.
differential!(panics panic_with_borrowed_buffer_in_place, (n: u32) -> u32 {
    let mut names = vec![D("x"), D("y")];
    let mut r = Reader::new(&[1, 2, 3]);
    let mut buf = [0u8; 2];
    let got = r.read(&mut buf).await;
    names.push(D("z"));
    leaf("again", ()).await;
    if got + n as usize > 2 {
        panic!("read {got}");
    }
    names.len() as u32
}, (1));

// Building the awaited future panics while a value that stays in place is in
// scope: the unwind drops it there, in scope order, not later with the machine.
differential!(panics panic_building_the_awaitee_with_slots_in_scope, (n: usize) -> usize {
    let before = D("before");
    let names = vec![D("x"), D("y")];
    let first = &names[0];
    leaf("one", ()).await;
    let after = D("after");
    leaf(if names.len() > n { panic!("building") } else { "two" }, first.touch().len()).await
}, (1));

// A local's destructor panics as the body returns: the locals are dropped
// before the machine completes, so the machine is poisoned, not returned.
differential!(panics panic_in_drop_while_returning, (n: u32) -> u32 {
    let d = D("d");
    let p = PanicOnDrop("p");
    let v = leaf("one", n).await;
    v + 1
}, (1));

// `panic!` whose argument awaits: the value is computed, then the panic
// unwinds through the body.
differential!(panics panic_with_awaited_argument, (n: u32) -> u32 {
    let d = D("d");
    if n > 1 {
        panic!("bad {} {}", d.touch(), leaf("why", n).await);
    }
    n
}, (3));

// An arm's block that awaits and then panics with `panic!(..);` diverges:
// it has no value, as in rustc.
differential!(panics arm_block_ends_in_a_panic_statement, (n: u32) -> u32 {
    let z = D("z");
    let k = match n {
        1 => {
            leaf("arm", ()).await;
            panic!("arm");
        }
        _ => 0,
    };
    z.touch();
    k
}, (1));

// An assignment whose old value's destructor panics: rustc stores the new
// value anyway and drops it with its scope, after the locals declared
// later. The machine dropped it at once, inside the assignment, when the
// old value was in a drop flag or a slot (a probe's finding).
differential!(panics assignment_whose_old_value_panics_in_its_drop, (n: u32) -> usize {
    let mut x = PanicOnDrop("old x");
    log(x.0);
    leaf("first", ()).await;
    let later = D("declared later");
    x = PanicOnDrop("new x");
    leaf("second", ()).await;
    log(x.0);
    later.touch();
    n as usize
}, (1));

// The same for a `let x;` local kept in a slot, borrowed across an await.
differential!(panics slot_assignment_whose_old_value_panics_in_its_drop, (n: u32) -> usize {
    let mut x;
    x = PanicOnDrop("old x");
    log(x.0);
    let later = D("declared later");
    x = PanicOnDrop("new x");
    let r = &x;
    leaf("first", ()).await;
    log(r.0);
    later.touch();
    n as usize
}, (1));

// An index out of bounds in a receiver panics before the argument that
// awaits is evaluated: the receiver is borrowed first, as in rustc.
differential!(panics indexed_receiver_out_of_bounds_before_an_awaiting_argument, (i: usize) -> usize {
    let d = D("d");
    let mut rows = vec![vec![D("r0")]];
    rows[i].push(leaf("never", D("pushed")).await);
    rows.len()
}, (3));

// The same for an indexed place borrowed as an argument: the index panics
// before the argument that awaits is made.
differential!(panics indexed_place_borrowed_out_of_bounds_before_an_await, (i: usize) -> usize {
    fn put(row: &mut Vec<D>, d: D) -> usize {
        row.push(d);
        row.len()
    }
    let d = D("d");
    let mut rows = vec![vec![D("r0")]];
    put(&mut rows[i], leaf("never", D("pushed")).await)
}, (3));

// A nested place's outer index panics before its inner index operand is
// made, as rustc indexes each base first.
differential!(panics outer_index_panics_before_the_inner_index_is_made, (n: u32) -> usize {
    let d = D("d");
    let mut v = vec![vec![vec![D("a")]]];
    v[n as usize][indexed(0, "j").get()].push(leaf("x", D("x")).await);
    v.len()
}, (4));

// The outer index of a nested place read as a value panics before the
// inner index operand is made.
differential!(panics outer_index_of_a_value_panics_before_the_inner_index_is_made, (n: usize) -> u32 {
    let d = D("d");
    let w = vec![vec![1u32], vec![2, 3]];
    w[indexed(n, "g").get()][indexed(0, "h").get()] + leaf("z", 1u32).await
}, (4));

// A compound assignment to an index out of bounds whose value awaits: rustc
// evaluates the value first, so the panic comes after the await's polls.
differential!(panics compound_assignment_out_of_bounds_panics_after_its_value_awaits, (n: u32) -> u32 {
    let d = D("d");
    let mut v = vec![1u32];
    v[indexed(3, "out").get()] += leaf("add", n).await;
    v[0]
}, (2));

/// An awaited future whose own drop panics, after it gave its output.
pub struct PanicsWhenDropped<F>(pub F);

impl<F: std::future::Future + Unpin> std::future::Future for PanicsWhenDropped<F> {
    type Output = F::Output;
    fn poll(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<F::Output> {
        std::pin::Pin::new(&mut self.0).poll(cx)
    }
}

impl<F> Drop for PanicsWhenDropped<F> {
    fn drop(&mut self) {
        log("drop the awaitee");
        if !std::thread::panicking() {
            panic!("dropping the awaitee");
        }
    }
}

// The awaitee's drop, right after it gave its output, panics: rustc's future
// leaks the output (it is never dropped), drops the values saved across the
// await and is poisoned; so is the machine.
differential!(panics awaitee_whose_drop_panics_leaks_its_output, (n: u32) -> u32 {
    let saved = D("saved");
    let out = PanicsWhenDropped(leaf("one", D("out"))).await;
    n + out.touch().len() as u32
}, (1));

// The same with values kept in place (probe T, review): the slots in scope
// at the await are dropped by the unwind too, between the values saved in
// the state, innermost first. A borrowed vector between two saved values; a
// `for` loop's iterator; a vector a `&mut` borrow held across the awaits of
// a loop goes through. At 1936962 the machine never dropped the slots.
differential!(panics awaitee_whose_drop_panics_with_a_borrowed_local_in_place, (n: u32) -> u32 {
    let before = D("before");
    let buf = vec![D("b")];
    let r = &buf;
    let after = D("after");
    let out = PanicsWhenDropped(leaf("one", D("out"))).await;
    out.touch();
    r.len() as u32 + n
}, (1));

differential!(panics awaitee_whose_drop_panics_in_a_for_loop, (names: Vec<D>) -> u32 {
    let before = D("before");
    for name in names {
        let inner = D("inner");
        let out = PanicsWhenDropped(leaf("one", D("out"))).await;
        out.touch();
        name.touch();
    }
    0
}, (vec![D("x"), D("y")]));

differential!(panics awaitee_whose_drop_panics_with_a_mutable_borrow_held_in_a_loop, (n: u32) -> u32 {
    let mut buf = vec![D("b0")];
    let r = &mut buf;
    for _ in 0..2u32 {
        let out = PanicsWhenDropped(leaf("one", D("out"))).await;
        r.push(out);
    }
    n
}, (1));

// Dropped while suspended at such an awaitee: its drop panics, and the
// values in scope (saved or kept in place) are dropped all the same, as
// rustc's future drops its locals. At 1936962 the machine stopped at the
// awaitee where slots were in scope.
differential!(drop_panics dropped_at_an_awaitee_whose_drop_panics, (n: u32) -> u32 {
    let a = D("a");
    let out = PanicsWhenDropped(leaf("one", D("out"))).await;
    let b = D("b");
    n + out.touch().len() as u32
}, (1));

differential!(drop_panics dropped_at_an_awaitee_whose_drop_panics_with_a_borrowed_local_in_place, (n: u32) -> u32 {
    let a = D("a");
    let buf = vec![D("b")];
    let r = &buf;
    let c = D("c");
    let out = PanicsWhenDropped(leaf("one", D("out"))).await;
    out.touch();
    r.len() as u32 + n
}, (1));

differential!(drop_panics dropped_at_an_awaitee_whose_drop_panics_in_a_for_loop, (v: Vec<D>) -> u32 {
    let a = D("a");
    for x in v {
        let out = PanicsWhenDropped(leaf("one", D("out"))).await;
        x.touch();
    }
    0
}, (vec![D("x"), D("y")]));
