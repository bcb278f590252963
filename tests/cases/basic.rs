// Differential cases: each body is compiled by `#[state_machine]` and by
// rustc, and both are run under 0, 1 and 2 `Pending`s per leaf (see
// `statemachine_tests::check`). Included by the edition 2024 and 2021 suites.

differential!(straight_line, (a: D, n: u32) -> u32 {
    let x = D("x");
    let v = leaf("one", n).await;
    x.touch();
    let w = leaf("two", v + 1).await;
    a.touch();
    v + w
}, (D("a"), 3));

differential!(no_await, (a: D) -> &'static str {
    let b = D("b");
    b.touch();
    a.0
}, (D("a")));

differential!(param_drop_order, (a: D, b: D, c: u32) -> u32 {
    let x = D("x");
    leaf("one", ()).await;
    let y = D("y");
    leaf("two", ()).await;
    c
}, (D("a"), D("b"), 7));

// Patterns in the signature: `_` keeps its argument to the end of the body,
// a tuple pattern moves part of its argument out, `mut` rebinds.
differential!(parameter_patterns, [_: D, (first, n): (D, u32), mut last: D, _unused: D] -> u32 {
    let x = D("x");
    leaf("one", n).await;
    last.touch();
    last = D("last2");
    first.touch();
    last.touch();
    leaf("two", n).await + 1
}, (D("ignored"), (D("first"), 3), D("last"), D("unused")));

differential!(moved_before_await, (a: D) -> &'static str {
    let s = D("s");
    let t = s;
    leaf("one", ()).await;
    t.touch();
    let name = a.into_name();
    leaf("two", ()).await;
    name
}, (D("a")));

differential!(consumed_by_awaited_call, (a: D) -> &'static str {
    let request = D("request");
    let name = leaf("send", request).await.into_name();
    a.touch();
    name
}, (D("a")));

differential!(unused_after_await_still_dropped_at_scope_end, () -> u32 {
    let a = D("a");
    let b = D("b");
    b.touch();
    let n = leaf("one", 1).await;
    let c = D("c");
    leaf("two", n).await + 1
}, ());

differential!(nested_in_call_args, (a: D) -> u32 {
    fn add3(x: u32, y: u32, z: u32) -> u32 { log(format!("add3 {x} {y} {z}")); x + y + z }
    let x = add3({ log("first"); 1 }, leaf("mid", 2).await, { log("last"); 3 });
    a.touch();
    x
}, (D("a")));

differential!(nested_in_method_receiver, (a: D) -> usize {
    let mut v = vec![D("v0")];
    v.push(leaf("push", D("v1")).await);
    let n = leaf("len", v).await.len();
    a.touch();
    n
}, (D("a")));

differential!(binary_operators, (a: u32) -> u32 {
    let d = D("d");
    let x = a * leaf("one", 2).await + leaf("two", 3).await - (leaf("three", 1).await << 1);
    d.touch();
    x
}, (10));

differential!(short_circuit_and, (a: bool) -> (bool, bool) {
    let d = D("d");
    let x = a && leaf("rhs", true).await;
    let y = !a && { log("not evaluated when a"); leaf("rhs2", false).await };
    d.touch();
    (x, y)
}, (true));

differential!(short_circuit_or, (a: bool) -> bool {
    let d = D("d");
    let x = a || leaf("rhs", false).await;
    d.touch();
    x
}, (false));

differential!(struct_tuple_array_literals, (a: u32) -> (u32, [u32; 3], (u32, u32)) {
    #[derive(Debug)]
    struct P { x: u32, y: u32 }
    let d = D("d");
    let p = P { x: leaf("x", a).await, y: { log("y"); 2 } };
    let arr = [leaf("a0", 1).await, p.y, leaf("a2", 3).await];
    let t = (leaf("t0", 4).await, p.x);
    d.touch();
    (p.x + p.y, arr, t)
}, (5));

differential!(index_cast_field_unary, (v: Vec<u32>) -> i64 {
    let d = D("d");
    let i = leaf("i", 1usize).await;
    let x = v[leaf("idx", i).await] as i64;
    let y = -(leaf("neg", x).await);
    let pair = (D("p0"), 9u32);
    let z = leaf("field", pair).await.1;
    d.touch();
    x + y + z as i64
}, (vec![10, 20, 30]));

differential!(if_else_chain, (n: u32) -> &'static str {
    let d = D("d");
    let r = if n > 10 {
        let inner = D("big");
        leaf("big", "big").await
    } else if leaf("cond", n).await > 5 {
        leaf("mid", "mid").await
    } else {
        let inner = D("small");
        inner.touch();
        "small"
    };
    d.touch();
    r
}, (7));

differential!(if_without_else, (n: u32) -> u32 {
    let d = D("d");
    let mut total = n;
    if n > 1 {
        total += leaf("add", 5).await;
    }
    if n > 100 {
        total += leaf("never", 1000).await;
    }
    d.touch();
    total
}, (3));

differential!(if_let_binding, (o: Option<D>) -> &'static str {
    let d = D("d");
    let r = if let Some(x) = o {
        leaf("some", ()).await;
        x.into_name()
    } else {
        "none"
    };
    d.touch();
    r
}, (Some(D("o"))));

differential!(if_let_else_branch, (o: Option<D>) -> &'static str {
    let d = D("d");
    if let Some(x) = o {
        x.into_name()
    } else {
        leaf("none", "none").await
    }
}, (None));

differential!(match_arms, (n: u32) -> String {
    let d = D("d");
    let s = match n % 3 {
        0 => leaf("zero", String::from("zero")).await,
        1 => {
            let t = D("t");
            let m = leaf("one", 1).await;
            format!("one {m}")
        }
        _ => String::from("other"),
    };
    d.touch();
    s
}, (4));

differential!(match_scrutinee_awaits, (n: u32) -> u32 {
    let d = D("d");
    match leaf("scrutinee", Some(D("inner"))).await {
        Some(x) if n > 0 => { x.touch(); leaf("arm", n).await }
        Some(x) => { x.touch(); 0 }
        None => 1,
    }
}, (2));

differential!(match_binding_same_name, (x: D) -> &'static str {
    let d = D("d");
    let opt = Some(D("inner"));
    match opt {
        Some(opt) => { leaf("arm", ()).await; x.touch(); opt.into_name() }
        None => "none",
    }
}, (D("x")));

// `as` also coerces: a value cast to a type with drop glue is stored across
// the await even though it is dead there, and dropped at the end of its scope.
differential!(cast_to_box_dead_at_await, (n: u32) -> u32 {
    let b = Box::new(D("boxed")) as Box<dyn std::any::Any>;
    let m = n as u64;
    leaf("tick", m as u32).await
}, (2));

// A pattern that moves part of a local out: what is left drops with the
// local at the end of its scope. (Kept across a later await, it is refused:
// see tests/ui/partly_moved_across_await.rs.)
differential!(partial_move_after_the_last_await_in_scope, () -> u32 {
    let n = {
        let pair = (D("first"), D("rest"));
        let n = leaf("one", 1).await;
        let (first, _) = pair;
        first.touch();
        n
    };
    leaf("two", n).await
}, ());

differential!(let_underscore_keeps_the_value, () -> u32 {
    let kept = D("kept");
    let _ = kept;
    leaf("one", 1).await
}, ());

differential!(match_arm_moves_part_after_the_await, () -> u32 {
    let pair = (D("first"), D("rest"));
    let n = leaf("one", 1).await;
    match pair {
        (first, _) => first.touch(),
    };
    n
}, ());

differential!(match_wildcard_arm_keeps_the_value, (n: u32) -> u32 {
    let value = Some(D("value"));
    match value {
        Some(v) if n > 5 => {
            v.touch();
        }
        _ => {
            leaf("one", 1).await;
        }
    }
    leaf("two", 2).await
}, (3));

// An `if let` or `match` without awaits that moves a local on some paths
// only: on the others the local keeps its value to the end of its scope.
differential!(if_let_miss_keeps_the_value, (ok: bool) -> u32 {
    let res: Result<D, D> = if ok { Ok(D("ok")) } else { Err(D("err")) };
    if let Ok(v) = res {
        v.touch();
    }
    leaf("one", 1).await
}, (false));

differential!(if_let_match_moves_the_value, (ok: bool) -> u32 {
    let res: Result<D, D> = if ok { Ok(D("ok")) } else { Err(D("err")) };
    if let Ok(v) = res {
        v.touch();
    }
    leaf("one", 1).await
}, (true));

differential!(match_moves_on_some_arms, (n: u32) -> u32 {
    let value = Some(D("value"));
    match value {
        Some(v) if n > 5 => {
            v.touch();
        }
        _ => {}
    }
    leaf("one", 1).await
}, (3));

// A `Copy` value "moved" by a pattern is still there: used after the await.
differential!(copy_tuple_matched_then_used, (n: u32) -> u32 {
    let d = D("d");
    let pair = (n, 7u32);
    let m = match pair {
        (3, _) => 1,
        (k, _) => k,
    };
    let (a, b) = pair;
    leaf("one", 1).await;
    d.touch();
    pair.0 + pair.1 + m + a + b
}, (3));

// A place compared with an awaited value is read after the await: a value
// without drop glue (here a `u32` parameter) must still be kept for it.
differential!(droppless_place_compared_after_await, (n: u32) -> bool {
    let d = D("d");
    let m = 4u32;
    let lower = m < leaf("one", n).await;
    lower && n == leaf("two", n).await
}, (7));
