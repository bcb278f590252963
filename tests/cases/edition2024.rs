// Cases that need edition 2024 syntax (`let` chains).

differential!(if_let_chain, (a: Option<u32>, b: Option<u32>) -> u32 {
    let d = D("d");
    if let Some(x) = a && let Some(y) = b && x < y {
        leaf("both", x + y).await
    } else {
        leaf("neither", 0).await
    }
}, (Some(1), Some(2)));


// 21. if-let chain (edition 2024) with dead bindings holding borrows.
differential!(dead_if_let_chain_dead, (n: usize) -> usize {
    let mut v = vec![D("v0")];
    let k = v.first();
    k.unwrap().touch();
    let a = Some((D("a"), v.first().unwrap()));
    let b = Some((D("b"), v.first().unwrap()));
    let mut r = 0;
    if let Some(pa) = a && let Some(pb) = b {
        pa.1.touch();
        pb.1.touch();
        for _ in 0..n {
            v.push(D("pushed"));
        }
        leaf("first", ()).await;
        r = 1;
    }
    r + v.len()
}, (4));

// 26. the same with a let chain's later condition.
differential!(dead_let_chain_stores_into_binding, (n: usize) -> usize {
    let mut v = vec![D("v0")];
    let k = v.first();
    k.unwrap().touch();
    let mut r = 0;
    if let Some(b) = Some((D("b"), std::cell::Cell::new(None))) && { b.1.set(Some(&v[0])); true } {
        b.0.touch();
        for _ in 0..n {
            v.push(D("pushed"));
        }
        leaf("first", ()).await;
        r = 1;
    }
    r + v.len()
}, (4));

// A value holding a borrow, taken whole by a `let` chain on one path, is in
// a drop flag at the first await; its borrow ends before the second. The
// flag holds it in a `Dead`, so passing the flag on never moves the value
// typed (a dangling reference in it was undefined behaviour under Miri).
differential!(dead_value_in_a_drop_flag_outlives_its_borrow, (n: u32) -> usize {
    let mut names = vec![String::from("a")];
    let pair = (D("p"), D("q"), &names[0]);
    #[allow(irrefutable_let_patterns)]
    if n > 5 && let taken = pair {
        taken.0.touch();
    }
    leaf("x", ()).await;
    names.push(String::from("b"));
    leaf("y", ()).await;
    names.len()
}, (1));

// A value holding a borrow, taken by a `let` chain on one path and used on
// the other, whose borrow ends there before the join: sound (no move of
// it there reads the dangling reference, Miri), and not refused.
differential!(let_chain_value_used_on_the_other_path_before_its_borrow_ends, (n: u32) -> usize {
    let mut names = vec![String::from("a")];
    let pair = (D("p"), D("q"), &names[0]);
    if n > 5 && let taken = pair {
        taken.0.touch();
        leaf("then", ()).await;
    } else {
        pair.0.touch();
        names.push(String::from("b"));
    }
    leaf("x", ()).await;
    names.len()
}, (4));

// A guard bound by a `let` chain, whose `Copy` value the chain reads: the
// binding only borrows the scrutinee's value, which lives across the await.
differential!(value_of_a_guard_bound_by_a_let_chain_read_across_an_await, (n: u32) -> u32 {
    struct Guard(Option<u32>, &'static str);
    impl core::ops::Deref for Guard {
        type Target = Option<u32>;
        fn deref(&self) -> &Option<u32> { &self.0 }
    }
    impl Drop for Guard {
        fn drop(&mut self) { log(format!("drop guard {}", self.1)); }
    }
    let d = D("d");
    let mut c = 0;
    if let Some(g) = Some(Guard(Some(n), "chain")) && g.unwrap_or(0) > 0 {
        c = leaf("c", 1).await;
    }
    c
}, (2));

// An `if let` on a borrow of an awaited value that misses: the value, kept
// in place for the arm's awaits, drops before the `else` branch in 2024
// (2021 drops it at the end of the statement: a documented difference).
differential!(if_let_on_a_borrow_of_an_awaited_value_that_misses, (n: u32) -> u32 {
    let d = D("d");
    let mut s = 0;
    for k in [6, 1] {
        if let Ok(x) = &leaf("r", if k > 5 { Ok(D("ok")) } else { Err(D("err")) }).await {
            s += leaf(x.touch(), n).await;
        } else {
            log("else");
        }
    }
    s
}, (1));

/// A type whose `unwrap_or` borrows, against the naming convention.
pub struct Names(pub Vec<D>);

impl Names {
    pub fn unwrap_or(&self, least: usize) -> usize {
        self.0.len().max(least)
    }
}

// A borrowing `unwrap_or` on bindings the never-run copy does not check: a
// `let` chain's in a plain operand of a condition that does not await (its
// body does, and borrows the binding across the await), an arm guard's,
// and an arm's that does not await. The machine keeps such a binding to the
// end of its scope, as rustc does, whatever the method's name says (Miri:
// no use after free).
differential!(borrowing_methods_named_like_taking_ones_on_pattern_bindings, (n: u32) -> usize {
    let d = D("d");
    let first = Some(Names(vec![D("g")]));
    let mut total = 0;
    if let Some(g) = first && g.unwrap_or(1) > 0 {
        let r = &g;
        leaf("a", ()).await;
        log(r.0[0].touch());
        leaf("b", ()).await;
        total += g.0.len();
    }
    let second = Some(Names(vec![D("h")]));
    total += match second {
        Some(h) if h.unwrap_or(1) > 0 => {
            let r = &h;
            leaf("c", ()).await;
            log(r.0[0].touch());
            h.0.len()
        }
        _ => 0,
    };
    let third = Some(Names(vec![D("i")]));
    let k = match third {
        Some(i) => i.unwrap_or(1) + i.0.len(),
        None => 0,
    };
    leaf("e", ()).await;
    total + k + n as usize
}, (2));

// `into_future` on a local future (`IntoFuture`, in the 2024 prelude):
// taken, as `IntoFuture::into_future(self)` is found before any method that
// borrows on a type that is `IntoFuture` (E0034 at the parent: the check the
// other `into_*` names get found it ambiguous with its own).
differential!(into_future_on_a_local_future_kept_across_an_await, (n: u32) -> u32 {
    let d = D("d");
    let first = leaf("first", n);
    let seen = &first;
    leaf("a", ()).await;
    log(format!("{}", std::mem::size_of_val(seen) > 0));
    let ready = first.into_future();
    let v = ready.await;
    leaf("b", ()).await;
    v + 1
}, (2));
