// Dead values that may hold a borrow of the body's data, from an
// adversarial review of `owned.rs`: each tries to get a borrow into a value
// the macro would move while it dangles (undefined behaviour under Miri),
// or checks that what stays in place still drops, panics and counts polls
// as rustc's future does.

// 1. Cow + &str: std operator whose output keeps the borrow.
differential!(dead_cow_add, (n: usize) -> usize {
    let mut s = String::from("a");
    let k = s.as_str();
    log(k);
    let d = D("d");
    let p = (D("p"), std::borrow::Cow::from("") + &*s);
    log(format!("{}", p.1));
    d.touch();
    for _ in 0..n {
        s.push_str("more text to force a reallocation of the string");
    }
    leaf("first", ()).await;
    s.len()
}, (4));

// 2. argument of `set` that names x: exempt from the "owns no borrows" check.
differential!(dead_set_arg_names_x, (n: usize) -> usize {
    let mut v = vec![D("v0")];
    let k = v.first();
    k.unwrap().touch();
    let x = (D("x"), std::cell::Cell::new(None), 0usize);
    x.1.set(Some(&v[x.2]));
    x.0.touch();
    if let Some(d) = x.1.get() { d.touch(); }
    for _ in 0..n {
        v.push(D("pushed"));
    }
    leaf("first", ()).await;
    v.len()
}, (4));

// 3. for loop over a method's borrow of x, storing through the loop binding.
differential!(dead_for_iter_store, (n: usize) -> usize {
    let mut v = vec![D("v0")];
    let k = v.first();
    k.unwrap().touch();
    let x = (D("x"), [std::cell::Cell::new(None)]);
    for c in x.1.iter() {
        c.set(Some(&v[0]));
    }
    x.0.touch();
    for _ in 0..n {
        v.push(D("pushed"));
    }
    leaf("first", ()).await;
    v.len()
}, (4));

// 4. if let on a method result borrowing x, storing through the binding.
differential!(dead_if_let_first_store, (n: usize) -> usize {
    let mut v = vec![D("v0")];
    let k = v.first();
    k.unwrap().touch();
    let x = (D("x"), [std::cell::Cell::new(None)]);
    if let Some(c) = x.1.first() {
        c.set(Some(&v[0]));
    }
    x.0.touch();
    for _ in 0..n {
        v.push(D("pushed"));
    }
    leaf("first", ()).await;
    v.len()
}, (4));

// 5. match on a method result borrowing x.
differential!(dead_match_first_store, (n: usize) -> usize {
    let mut v = vec![D("v0")];
    let k = v.first();
    k.unwrap().touch();
    let x = (D("x"), [std::cell::Cell::new(None)]);
    match x.1.first() {
        Some(c) => c.set(Some(&v[0])),
        None => {}
    }
    x.0.touch();
    for _ in 0..n {
        v.push(D("pushed"));
    }
    leaf("first", ()).await;
    v.len()
}, (4));


// 7. lifetime-extended temporary holding a borrow.
differential!(dead_extended_temporary, (n: usize) -> usize {
    let mut v = vec![D("v0")];
    let k = v.first();
    k.unwrap().touch();
    let r = &(D("t"), v.first());
    r.1.unwrap().touch();
    for _ in 0..n {
        v.push(D("pushed"));
    }
    leaf("first", ()).await;
    v.len()
}, (4));

// 8. a local declared by a macro: unknown to the builder, taken as an item.
macro_rules! dead_bind {
    ($name:ident = $e:expr) => {
        let $name = $e;
    };
}
differential!(dead_macro_declared_local, (n: usize) -> usize {
    let mut v = vec![D("v0")];
    let k = v.first();
    k.unwrap().touch();
    dead_bind!(w = &v[0]);
    let x = (D("x"), w);
    x.1.touch();
    for _ in 0..n {
        v.push(D("pushed"));
    }
    leaf("first", ()).await;
    v.len()
}, (4));

// 9. an inherent method named `to_string` that returns a borrow.
pub struct LoanHolder<'a>(&'a D);
impl<'a> LoanHolder<'a> {
    pub fn to_string(&self) -> (D, &'a D) {
        (D("h"), self.0)
    }
}
differential!(dead_inherent_to_string, (n: usize) -> usize {
    let mut v = vec![D("v0")];
    let k = v.first();
    k.unwrap().touch();
    let x = LoanHolder(&v[0]).to_string();
    x.1.touch();
    for _ in 0..n {
        v.push(D("pushed"));
    }
    leaf("first", ()).await;
    v.len()
}, (4));

// 10. a user operator that keeps its `&` operand.
pub struct LoanWrap;
impl<'a> std::ops::Add<&'a D> for LoanWrap {
    type Output = (D, &'a D);
    fn add(self, d: &'a D) -> (D, &'a D) {
        (D("sum"), d)
    }
}
differential!(dead_user_operator, (n: usize) -> usize {
    let mut v = vec![D("v0")];
    let k = v.first();
    k.unwrap().touch();
    let x = LoanWrap + &v[0];
    x.1.touch();
    for _ in 0..n {
        v.push(D("pushed"));
    }
    leaf("first", ()).await;
    v.len()
}, (4));

// 12. assignment of a Cow sum to a field of a proved value.
differential!(dead_assign_cow_sum, (n: usize) -> usize {
    let mut s = String::from("a");
    let k = s.as_str();
    log(k);
    let mut x = (D("x"), std::borrow::Cow::from("init"));
    x.1 = std::borrow::Cow::from("") + &*s;
    log(format!("{}", x.1));
    for _ in 0..n {
        s.push_str("more text to force a reallocation of the string");
    }
    leaf("first", ()).await;
    s.len()
}, (4));

// 13. while let over an iterator borrowing x, storing through the binding.
differential!(dead_while_let_store, (n: usize) -> usize {
    let mut v = vec![D("v0")];
    let k = v.first();
    k.unwrap().touch();
    let x = (D("x"), [std::cell::Cell::new(None), std::cell::Cell::new(None)]);
    let mut i = 0;
    while let Some(c) = x.1.get(i) {
        c.set(Some(&v[0]));
        i += 1;
    }
    x.0.touch();
    for _ in 0..n {
        v.push(D("pushed"));
    }
    leaf("first", ()).await;
    v.len()
}, (4));

// 14. a binding of a `for` over a proved vec!, storing with an argument naming it.
differential!(dead_for_binding_arg_names_it, (n: usize) -> usize {
    let mut v = vec![D("v0")];
    let k = v.first();
    k.unwrap().touch();
    let items = vec![(D("item"), std::cell::Cell::new(None), 0usize)];
    let mut count = 0;
    for item in items {
        item.1.set(Some(&v[item.2]));
        item.0.touch();
        for _ in 0..n {
            v.push(D("pushed"));
        }
        leaf("first", ()).await;
        count += 1;
        break;
    }
    count + v.len()
}, (4));

// 15. struct update syntax with a field holding a cell filled through the arg-naming hole, in a match arm.
differential!(dead_match_arm_binding_arg_names_it, (n: usize) -> usize {
    let mut v = vec![D("v0")];
    let k = v.first();
    k.unwrap().touch();
    let opt = Some((D("pair"), std::cell::Cell::new(None), 0usize));
    let r = match opt {
        Some(pair) => {
            pair.1.set(Some(&v[pair.2]));
            pair.0.touch();
            for _ in 0..n {
                v.push(D("pushed"));
            }
            leaf("first", ()).await;
            1
        }
        None => 0,
    };
    r + v.len()
}, (4));


// R16. a dead value moved in one branch only (maybe-moved, drop flag).
differential!(dead_maybe_moved_dead, (n: usize) -> usize {
    let mut v = vec![D("v0")];
    let k = v.first();
    k.unwrap().touch();
    let p = (D("p"), &v[0]);
    p.1.touch();
    if n > 10 {
        drop(p);
    }
    for _ in 0..n {
        v.push(D("pushed"));
    }
    leaf("first", ()).await;
    v.len()
}, (4));

// R17. reassigned in a loop, dead at the await in each iteration.
differential!(dead_reassigned_in_loop, (n: usize) -> usize {
    let mut v = vec![D("v0")];
    let k = v.first();
    k.unwrap().touch();
    let mut p = (D("p0"), &v[0]);
    p.1.touch();
    for i in 0..n {
        p = (D("pi"), &v[i]);
        p.1.touch();
        v.push(D("pushed"));
        v.push(D("pushed2"));
        leaf("first", ()).await;
    }
    v.len()
}, (3));

// R6. let-else with a dead binding holding a borrow.
differential!(dead_let_else_dead, (n: usize) -> usize {
    let mut v = vec![D("v0")];
    let k = v.first();
    k.unwrap().touch();
    let (d, Some(r)) = (D("d"), v.first()) else {
        return 0;
    };
    r.touch();
    d.touch();
    for _ in 0..n {
        v.push(D("pushed"));
    }
    leaf("first", ()).await;
    v.len()
}, (4));

// R1. arm binding with a guard, dead at the arm's await.
differential!(dead_arm_guard_dead, (n: usize) -> usize {
    let mut v = vec![D("v0")];
    let k = v.first();
    k.unwrap().touch();
    let opt = Some((D("pair"), v.first().unwrap()));
    let r = match opt {
        Some(pair) if pair.1.touch() == "v0" => {
            for _ in 0..n {
                v.push(D("pushed"));
            }
            leaf("first", ()).await;
            1
        }
        _ => 0,
    };
    r + v.len()
}, (4));

// R3. `@` binding.
differential!(dead_at_binding_dead, (n: usize) -> usize {
    let mut v = vec![D("v0")];
    let k = v.first();
    k.unwrap().touch();
    let opt = Some((D("pair"), v.first().unwrap()));
    let r = match opt {
        whole @ Some(_) => {
            whole.as_ref().unwrap().1.touch();
            for _ in 0..n {
                v.push(D("pushed"));
            }
            leaf("first", ()).await;
            1
        }
        None => 0,
    };
    r + v.len()
}, (4));

// R4. a `mut` arm binding reassigned in the arm.
differential!(dead_mut_arm_binding, (n: usize) -> usize {
    let mut v = vec![D("v0"), D("v1")];
    let k = v.first();
    k.unwrap().touch();
    let opt = Some((D("pair"), v.first().unwrap()));
    let r = match opt {
        Some(mut pair) => {
            pair.1 = &v[1];
            pair.1.touch();
            for _ in 0..n {
                v.push(D("pushed"));
            }
            leaf("first", ()).await;
            1
        }
        None => 0,
    };
    r + v.len()
}, (4));

// R10. a closure capturing a borrow, dead.
differential!(dead_closure_dead, (n: usize) -> usize {
    let mut v = vec![D("v0")];
    let k = v.first();
    k.unwrap().touch();
    let c = (D("c"), || v[0].touch());
    (c.1)();
    for _ in 0..n {
        v.push(D("pushed"));
    }
    leaf("first", ()).await;
    v.len()
}, (4));

// R14. shadowed after its last use.
differential!(dead_shadowed_dead, (n: usize) -> usize {
    let mut v = vec![D("v0")];
    let k = v.first();
    k.unwrap().touch();
    let p = (D("p"), &v[0]);
    p.1.touch();
    let p = D("p2");
    for _ in 0..n {
        v.push(D("pushed"));
    }
    leaf("first", ()).await;
    p.touch();
    v.len()
}, (4));

// R18. drop order: a kept value among moved ones, in a nested scope that ends after the await.
differential!(dead_drop_order_mix, (n: usize) -> usize {
    let mut v = vec![D("v0")];
    let k = v.first();
    k.unwrap().touch();
    let a = D("a");
    let total = {
        let p = (D("p"), &v[0]);
        let b = D("b");
        p.1.touch();
        let q = (D("q"), &v[0]);
        q.1.touch();
        let c = D("c");
        for _ in 0..n {
            v.push(D("pushed"));
        }
        leaf("first", ()).await;
        b.touch();
        leaf("second", ()).await;
        c.touch().len()
    };
    a.touch();
    total + v.len()
}, (4));

// R19. a kept value whose scope ends inside a loop body, with break/continue before its let.
differential!(dead_loop_slot_break, (n: usize) -> usize {
    let mut v = vec![D("v0")];
    let k = v.first();
    k.unwrap().touch();
    let mut i = 0;
    loop {
        i += 1;
        if i == 2 {
            continue;
        }
        if i > 4 {
            break;
        }
        let p = (D("p"), &v[0]);
        p.1.touch();
        for _ in 0..n {
            v.push(D("pushed"));
        }
        leaf("first", ()).await;
        if i == 3 {
            break;
        }
    }
    v.len()
}, (2));

// 16. assignment through a guard returned by a method of x.
differential!(dead_refcell_assign_through_guard, (n: usize) -> usize {
    let mut v = vec![D("v0")];
    let k = v.first();
    k.unwrap().touch();
    let x = (D("x"), std::cell::RefCell::new(None));
    *x.1.borrow_mut() = Some(&v[0]);
    x.0.touch();
    if let Some(d) = *x.1.borrow() { d.touch(); }
    for _ in 0..n {
        v.push(D("pushed"));
    }
    leaf("first", ()).await;
    v.len()
}, (4));

// 17. assignment through `get_mut` of a mutable x.
differential!(dead_get_mut_assign, (n: usize) -> usize {
    let mut v = vec![D("v0")];
    let k = v.first();
    k.unwrap().touch();
    let mut x = (D("x"), std::cell::Cell::new(None));
    *x.1.get_mut() = Some(&v[0]);
    x.0.touch();
    if let Some(d) = x.1.get() { d.touch(); }
    for _ in 0..n {
        v.push(D("pushed"));
    }
    leaf("first", ()).await;
    v.len()
}, (4));

// 18. an alias made by assigning a method's result to an earlier local.
differential!(dead_assign_alias_via_method, (n: usize) -> usize {
    let mut v = vec![D("v0")];
    let k = v.first();
    k.unwrap().touch();
    let other = [std::cell::Cell::new(None)];
    let mut r = &other[0];
    r.get();
    let x = (D("x"), [std::cell::Cell::new(None)]);
    r = x.1.first().unwrap();
    r.set(Some(&v[0]));
    x.0.touch();
    for _ in 0..n {
        v.push(D("pushed"));
    }
    leaf("first", ()).await;
    v.len()
}, (4));

// 19. arm bindings: one consumed after the await, the other dead holding a borrow.
differential!(dead_arm_sibling_consumed, (n: usize) -> usize {
    let mut v = vec![D("v0")];
    let k = v.first();
    k.unwrap().touch();
    let opt = Some((D("a"), (D("b"), v.first().unwrap())));
    let r = match opt {
        Some((a, b)) => {
            b.1.touch();
            for _ in 0..n {
                v.push(D("pushed"));
            }
            leaf("first", ()).await;
            a.into_name().len()
        }
        None => 0,
    };
    r + v.len()
}, (4));


// 22. for loop with `iter_mut` storing into a proved local.
differential!(dead_for_iter_mut_store, (n: usize) -> usize {
    let mut v = vec![D("v0")];
    let k = v.first();
    k.unwrap().touch();
    let mut x = (D("x"), [None, None]);
    for slot in x.1.iter_mut() {
        *slot = Some(&v[0]);
    }
    x.0.touch();
    for _ in 0..n {
        v.push(D("pushed"));
    }
    leaf("first", ()).await;
    v.len()
}, (4));


// P1. panic after the await with a kept dead value among moved ones.
differential!(panics dead_panic_with_kept_dead, (n: usize) -> usize {
    let mut v = vec![D("v0")];
    let k = v.first();
    k.unwrap().touch();
    let a = D("a");
    let p = (D("p"), &v[0]);
    p.1.touch();
    let b = D("b");
    v.push(D("pushed"));
    leaf("first", ()).await;
    b.touch();
    if n > 0 {
        panic!("boom");
    }
    a.touch();
    0
}, (1));

// P2. a kept dead value whose drop panics, with other values after it.
differential!(panics dead_panic_on_drop_kept_dead, (n: usize) -> usize {
    let mut v = vec![D("v0")];
    let k = v.first();
    k.unwrap().touch();
    let a = D("a");
    let r = {
        let p = (PanicOnDrop("p"), &v[0]);
        p.1.touch();
        let b = D("b");
        v.push(D("pushed"));
        leaf("first", ()).await;
        b.touch();
        n
    };
    a.touch();
    r
}, (1));

// P3. a proved dead value whose drop panics next to a kept one.
differential!(panics dead_panic_on_drop_proved_next_to_kept, (n: usize) -> usize {
    let mut v = vec![D("v0")];
    let k = v.first();
    k.unwrap().touch();
    let r = {
        let p = (D("p"), &v[0]);
        p.1.touch();
        let q = PanicOnDrop("q");
        let c = D("c");
        v.push(D("pushed"));
        leaf("first", ()).await;
        c.touch();
        n
    };
    r
}, (1));

// R20. a kept value in a loop whose iteration ends with `continue` after the await.
differential!(dead_loop_continue_after_await, (n: usize) -> usize {
    let mut v = vec![D("v0")];
    let k = v.first();
    k.unwrap().touch();
    let mut count = 0;
    for i in 0..n {
        let p = (D("p"), &v[0]);
        p.1.touch();
        let q = D("q");
        v.push(D("pushed"));
        leaf("first", ()).await;
        count += 1;
        if i % 2 == 0 {
            continue;
        }
        q.touch();
    }
    count + v.len()
}, (3));

// R21. early return while a kept dead value is in scope.
differential!(dead_early_return_kept, (n: usize) -> usize {
    let mut v = vec![D("v0")];
    let k = v.first();
    k.unwrap().touch();
    let p = (D("p"), &v[0]);
    p.1.touch();
    let q = D("q");
    v.push(D("pushed"));
    if leaf("first", n).await > 2 {
        return v.len();
    }
    leaf("second", ()).await;
    q.touch();
    0
}, (4));

// R22. `?` returning while a kept dead value is in scope (Option).
differential!(dead_question_mark_kept, (n: usize) -> Option<usize> {
    let mut v = vec![D("v0")];
    let k = v.first();
    k.unwrap().touch();
    let p = (D("p"), &v[0]);
    p.1.touch();
    v.push(D("pushed"));
    let m = leaf("first", if n > 2 { None } else { Some(n) }).await?;
    Some(m + v.len())
}, (4));

// 23. a `&mut` parameter reborrowed by a function call: "a parameter's
// references point outside the body" does not hold for what the body does to
// them afterwards.
pub fn dead_first_of(v: &[D]) -> &D {
    &v[0]
}
differential!(dead_mut_param_reborrow, (v: &'static mut Vec<D>, n: usize) -> usize {
    let x = (D("x"), dead_first_of(v));
    x.1.touch();
    for _ in 0..n {
        v.push(D("pushed"));
    }
    leaf("first", &*v).await.len()
}, (Box::leak(Box::new(vec![D("v0")])), 4));

// 24. the same through a local moved from the parameter and a UFCS call.
differential!(dead_mut_param_moved_local_ufcs, (p: &'static mut Vec<D>, n: usize) -> usize {
    let v = p;
    let x = (D("x"), Option::unwrap(<[D]>::first(v)));
    x.1.touch();
    for _ in 0..n {
        v.push(D("pushed"));
    }
    leaf("first", &*v).await.len()
}, (Box::leak(Box::new(vec![D("v0")])), 4));

// 25. a guard stores a borrow into a binding proved from a free scrutinee.
differential!(dead_guard_stores_into_binding, (n: usize) -> usize {
    let mut v = vec![D("v0")];
    let k = v.first();
    k.unwrap().touch();
    let r = match Some((D("b"), std::cell::Cell::new(None))) {
        Some(b) if { b.1.set(Some(&v[0])); true } => {
            b.0.touch();
            for _ in 0..n {
                v.push(D("pushed"));
            }
            leaf("first", ()).await;
            1
        }
        _ => 0,
    };
    r + v.len()
}, (4));


// 27. numbering: two matches whose arm bindings are rebound in the second
// lowering, then a destructuring let and a plain let, all dead holding borrows.
differential!(dead_numbering_sequence, (n: usize) -> usize {
    let mut v = vec![D("v0")];
    let k = v.first();
    k.unwrap().touch();
    let o1 = Some((D("o1"), v.first().unwrap()));
    let r1 = match o1 {
        Some(a) => {
            a.1.touch();
            v.push(D("p1"));
            leaf("first", ()).await;
            1
        }
        None => 0,
    };
    let o2 = Some((D("o2"), v.first().unwrap()));
    let mut r2 = 0;
    if let Some(b) = o2 {
        b.1.touch();
        v.push(D("p2"));
        leaf("second", ()).await;
        r2 = 1;
    }
    let (c, d) = (D("c"), (D("d"), v.first().unwrap()));
    d.1.touch();
    c.touch();
    let e = (D("e"), v.first().unwrap());
    e.1.touch();
    for _ in 0..n {
        v.push(D("pushed"));
    }
    leaf("third", ()).await;
    r1 + r2 + v.len()
}, (4));

// 28. a dead async block and a dead pinned future.
differential!(dead_dead_async_block_and_pin, (n: usize) -> usize {
    let d = D("d");
    let fut = async { D("inner").touch().len() };
    let pinned = std::pin::pin!(leaf("pinned", D("x")));
    d.touch();
    leaf("first", ()).await;
    n
}, (4));

// 29. let bindings: one consumed by a method after the await, the other
// dead holding a borrow. Both stay in place; `into_name` moves `a` out.
differential!(dead_let_sibling_consumed_by_method, (n: usize) -> usize {
    let mut v = vec![D("v0")];
    let k = v.first();
    k.unwrap().touch();
    let (a, b) = (D("a"), (D("b"), &v[0]));
    b.1.touch();
    for _ in 0..n {
        v.push(D("pushed"));
    }
    leaf("first", ()).await;
    a.into_name().len() + v.len()
}, (4));

// 30. matched on through a field, asserted on in a macro, used by a closure:
// each kept in place while its reference dangles at the await.
differential!(dead_values_matched_asserted_and_captured, (n: usize) -> usize {
    let mut v = vec![D("v0")];
    let k = v.first();
    k.unwrap().touch();
    let mut x = (D("x"), None);
    (x.1, _) = (Some(&v[0]), 0);
    if let Some(d) = x.1 {
        d.touch();
    }
    let y = (D("y"), &v[0]);
    assert_eq!(y.1.touch(), "v0");
    let z = (D("z"), &v[0]);
    let name = move || z.1.touch();
    log(name());
    for _ in 0..n {
        v.push(D("pushed"));
    }
    leaf("first", ()).await;
    v.len()
}, (4));

// 31. moved out by a match in one arm and by an `if let`: a drop flag says
// whether each still owes its drop at the await, as before.
differential!(dead_values_moved_in_one_arm, (n: usize) -> usize {
    let v = vec![D("v0"), D("v1")];
    let s = v.first().map(|d| D(d.0));
    match s {
        Some(t) => log(t.into_name()),
        None => {}
    }
    let u = v.get(n).map(|d| D(d.0));
    if let Some(t) = u {
        t.touch();
    }
    leaf("first", ()).await;
    n
}, (1));

// A temporary receiver kept to the end of a statement that awaits after
// the call, holding a borrow that dangles by the await: it stays in place,
// as rustc keeps it, whether the method may keep a borrow of it (`name`,
// which the macro does not know) or not (`is_named`).
differential!(dead_receiver_temporaries_holding_dangling_borrows, (n: u32) -> usize {
    struct Holder<'a>(D, Option<&'a D>, usize);
    impl Holder<'_> {
        fn name(&self) -> usize {
            self.0.touch().len() + usize::from(self.1.is_some())
        }
        fn is_named(&self) -> bool {
            !self.0.touch().is_empty()
        }
    }
    let mut v = vec![D("v0")];
    let a = Holder(D("first"), v.first(), 0).name() + {
        v.clear();
        leaf("a", n).await as usize
    };
    v.push(D("v1"));
    let b = Holder(D("second"), v.first(), 0).is_named() && {
        v.clear();
        leaf("b", true).await
    };
    v.push(D("v2"));
    // A field's base: `Copy` field read, the rest kept for its drop.
    let c = Holder(D("third"), v.first(), 7).2 + {
        v.clear();
        leaf("c", n).await as usize
    };
    a + usize::from(b) + c
}, (2));

// The bindings of a pattern matched on `&mut x` (or `&x`) are references or
// copies, with no drop glue: once dead they are not stored, as in rustc, so
// mutating `x` while a binding is still in scope at a later await builds
// (rustc accepts it; a dead value with drop glue holding the borrow is
// rejected there instead, `ui/dead_value_dangling_at_await.rs`).
differential!(bindings_of_a_borrowed_scrutinee_are_not_stored, (n: u32) -> u32 {
    let mut acc = n;
    let d = D("d");
    match &mut acc {
        0 => {}
        k if leaf("guard", *k % 2 == 1).await => {
            acc += 1;
            acc += leaf("arm", 2u32).await;
        }
        k => {
            *k += 1;
            acc += leaf("other", 1u32).await;
        }
    }
    if let Some(first) = &mut Some(acc) {
        *first += 1;
        acc += 1;
        acc += leaf("if let", *&n).await;
    }
    d.touch();
    acc
}, (3));

// The owned-value proof: a method of `std` that takes the local by value
// (`o.map(f)`) moves it rather than lending it, and a closure that names
// only its own parameters holds no borrow, so an `Option` assigned between
// awaits and then mapped is moved with the state, not kept in a slot
// (where `map` was E0507). A closure parameter of the same name hides the
// local.
differential!(option_assigned_between_awaits_then_mapped, (n: u32) -> usize {
    let d = D("d");
    let mut last = None;
    leaf("x", last.is_none()).await;
    last = Some(D("v"));
    let mut total = 0;
    leaf("y", total).await;
    total += n as usize;
    d.touch();
    last.map(|d| d.0.len()).unwrap_or(0) + total
}, (2));

// A value holding a borrow, partly consumed on one path (so no slot can
// hold it), dead before a branch whose other arm awaits: the machine moves
// it at the branch, so the never-run copy uses it at every exit from its
// scope (a `return`, a `?`, a `break`, a `continue`, the end of the loop's
// body), which must still build when its borrow lives that long.
differential!(dead_value_moved_at_a_branch_checked_at_its_exits, (n: u32) -> Option<usize> {
    let names = vec![String::from("a"), String::from("bb")];
    let mut total = 0;
    for round in 0..4u32 {
        let pair = (D("pair"), &names[(round % 2) as usize]);
        if n + round > 8 {
            return Some(pair.0.into_name().len());
        }
        total += pair.1.len();
        if round == 1 {
            leaf("odd", ()).await;
        } else if round == 3 {
            break;
        }
        if n > round {
            continue;
        }
        let Some(len) = names.get(round as usize).map(|s| s.len()) else {
            return None;
        };
        total += Some(len)?;
    }
    Some(total + names.len())
}, (2));

// The same value hidden by another binding of its name at the await where
// the machine moves it: the copy reaches it through a pointer taken at its
// `let`, since the name means the other binding there.
differential!(dead_value_hidden_at_the_await_that_moves_it, (n: u32) -> usize {
    let names = vec![String::from("a")];
    let pair = (D("pair"), &names[0]);
    if n > 5 {
        return pair.0.into_name().len();
    }
    let pair = pair.1.len();
    leaf("x", ()).await;
    names.len() + pair
}, (1));

// Values proved to own no borrow by a method's name (`clone`, `to_string`,
// `to_owned`, `len`), moved while dead: at awaits, in a drop flag, bound by
// a `for` loop, an arm and a destructuring `let`. The copy points a guard at
// each (`__private::OwnsNoBorrows`); these own none, so the body builds.
differential!(dead_values_owned_by_method_names, (n: usize) -> usize {
    let name = String::from("name");
    let count = {
        let copy = (D("copy"), name.clone());
        copy.0.touch();
        let count = name.len();
        leaf("first", ()).await;
        count
    };
    {
        let echo = (D("echo"), name.to_string());
        log(echo.1.clone());
        if n > 2 {
            leaf("second", ()).await;
        }
    }
    for word in [String::from("w")] {
        let owned = (D("owned"), word.to_owned());
        owned.0.touch();
        leaf("third", ()).await;
    }
    match (D("arm"), name.len()) {
        arm => {
            arm.0.touch();
            leaf("fourth", ()).await;
        }
    }
    count
}, (4));

// The same, with later bindings of the name `pair` (a `for` pattern, an
// `if let`) that assign their own local: the copy sets its pointer only
// after assignments to this one (E0308 on the pointer's type otherwise).
differential!(dead_value_declared_without_a_value_beside_rebindings, (n: usize) -> usize {
    let names = vec![D("a")];
    let k = &names;
    leaf("k", ()).await;
    log(format!("{}", k.len()));
    let pair;
    pair = (D("p"), &names[0]);
    pair.0.touch();
    for mut pair in 0..2u8 {
        pair *= 2;
        log(format!("{pair}"));
    }
    if let Some(mut pair) = Some(n) {
        pair += 1;
        log(format!("{pair}"));
    }
    if n > 5 {
        return pair.0.into_name().len();
    }
    if n > 2 {
        leaf("first", ()).await;
    }
    names.len()
}, (4));

// `let x;` locals assigned by a destructuring assignment are initialized
// from there: kept across the await and dropped at the end of their scope
// (they were taken for uninitialized and dropped before the await).
differential!(locals_assigned_by_destructuring, (n: usize) -> usize {
    struct Wrapper {
        count: usize,
        rest: D,
    }
    let pair;
    let other;
    let count;
    let rest;
    (pair, [other, _], Wrapper { count, rest }) =
        ((D("p"), 1), [D("o"), D("unused")], Wrapper { count: n, rest: D("rest") });
    if n > 5 {
        return pair.0.into_name().len();
    }
    pair.0.touch();
    leaf("first", ()).await;
    other.touch();
    rest.touch();
    count
}, (4));

// A value declared by `let x;` that may hold a borrow, assigned on both
// paths of a branch (one a destructuring assignment) and moved for its drop
// at a later branch: the copy points at it after each assignment.
differential!(dead_value_declared_without_a_value, (n: usize) -> usize {
    let names = vec![D("a")];
    let pair;
    if n > 1 {
        pair = (D("p"), &names[0]);
    } else {
        (pair, _) = ((D("q"), &names[0]), D("unused"));
    }
    if n > 5 {
        return pair.0.into_name().len();
    }
    pair.0.touch();
    if n > 2 {
        leaf("first", ()).await;
    }
    names.len()
}, (4));

// A temporary kept to the end of its statement, across its await, built by
// a user's method named like an owned-result method of `std` (`to_string`)
// that returns a borrow of its receiver. The copy has no name to check a
// temporary by, so such a temporary stays in place; moved, it carried a
// reference the block had invalidated (Miri: a retag of a dead tag).
differential!(temporary_from_a_user_method_named_to_string, (n: usize) -> usize {
    trait Peek {
        fn to_string(&self) -> View<'_>;
    }
    // Its `D` only logs its drop.
    #[allow(dead_code)]
    struct View<'a>(D, &'a u8);
    impl Peek for [u8; 4096] {
        fn to_string(&self) -> View<'_> {
            View(D("view"), &self[0])
        }
    }
    let mut buf = [1u8; 4096];
    let total = *buf.to_string().1 as usize
        + { buf[0] = n as u8; 0 }
        + leaf("first", 0usize).await;
    leaf("second", ()).await;
    total + buf[0] as usize
}, (4));

// Destructuring assignments to locals that hold a value: rustc writes them
// as a `let` of the pattern and one assignment per place, so each old
// value drops at its assignment, in order. The machine took the assigned
// locals for new ones and dropped the old values at the next await, after
// its future was made (and in reverse order); an operand that needed
// lowering (`(a, i) = (D, i + 1)` after an await) was E0070.
differential!(destructuring_reassignments_drop_old_values_in_order, (n: usize) -> usize {
    let mut a = D("a0");
    let mut b = D("b0");
    let mut i = 0;
    leaf("l0", ()).await;
    a.touch();
    b.touch();
    (a, b) = (D("a1"), D("b1"));
    leaf("l1", ()).await;
    b.touch();
    a.touch();
    (a, i) = (D("a2"), i + 1);
    leaf("l2", ()).await;
    let mut total = 0;
    for round in 0..2 {
        a.touch();
        [a] = [D("a3")];
        a.touch();
        (a, _) = (D("a4"), round);
        a.touch();
        total += leaf("l3", round).await;
    }
    let mut s = (D("s0"), 1);
    s.0.touch();
    (s.0, s.1) = (D("s1"), leaf("l4", 2).await);
    while i < 3 {
        b.touch();
        (b, i) = (D("w"), if i > 1 { leaf("l5", i).await + 1 } else { i + 1 });
    }
    b.touch();
    total + n + s.1 + i
}, (4));

// The same for a receiver temporary (`buf.len()` of a user's `len`, then
// `.len()` on its result) kept to the end of a statement whose block
// mutates `buf` before the await (Miri: a retag of a dead tag, when moved).
differential!(receiver_temporary_from_a_user_method_named_len, (n: usize) -> usize {
    trait Peek {
        fn len(&self) -> View<'_>;
    }
    struct View<'a>(D, &'a u8);
    impl View<'_> {
        fn len(&self) -> usize {
            self.0.touch();
            *self.1 as usize
        }
    }
    impl Peek for [u8; 4096] {
        fn len(&self) -> View<'_> {
            View(D("view"), &self[0])
        }
    }
    fn consume(a: usize, b: usize, _: ()) -> usize {
        a + b
    }
    let mut buf = [1u8; 4096];
    let r = consume(buf.len().len(), { buf[0] = 2; 0 }, leaf("a", ()).await);
    leaf("b", ()).await;
    leaf("c", ()).await;
    buf[1] as usize + r + n
}, (4));

// A value that owns no borrow (`D("d")`), taken whole by a `match` arm on
// one path and moved for its drop at a loop's edges on the other, with no
// await after it in its own block: it is proved to own no borrow there
// too, so neither checked nor refused (a generated body, seed 46, found
// the refusal of such a move).
differential!(owned_value_taken_by_an_arm_moved_at_a_loop_edge, (n: u32) -> u32 {
    let mut acc = leaf("first", n).await;
    if acc % 4 == 0 {
        let d = D("d");
        if acc > 2 {
            for i in 0..3u32 {
                if acc > 15 {
                    return acc;
                }
                if acc % 2 == i % 2 {
                    continue;
                }
            }
        } else {
            match d {
                v => {
                    v.touch();
                }
            }
        }
    } else {
        acc += leaf("second", 1u32).await;
    }
    acc
}, (4));
