// Borrows across `.await`: the borrowed local stays in place (a slot).

differential!(iter_across_await, (n: u32) -> u32 {
    let d = D("d");
    let v = vec![D("a"), D("b"), D("c")];
    let mut total = n;
    for x in v.iter() {
        total += leaf("item", x.0.len() as u32).await;
    }
    total
}, (1));

differential!(iter_mut_enumerate_across_await, () -> Vec<u32> {
    let d = D("d");
    let mut v = vec![1u32, 2, 3];
    for (i, x) in v.iter_mut().enumerate() {
        *x += leaf("item", i as u32).await;
    }
    v
}, ());

differential!(read_into_local_buffer_in_loop, (data: Vec<u8>) -> Vec<u8> {
    let d = D("d");
    let mut reader = Reader::new(&data);
    let mut buf = [0u8; 8];
    let mut out = Vec::new();
    loop {
        let n = reader.read(&mut buf).await;
        if n == 0 { break; }
        out.extend_from_slice(&buf[..n]);
    }
    out
}, (b"hello world".to_vec()));

differential!(read_through_mut_parameter, (reader: &'static mut Reader) -> usize {
    let d = D("d");
    let mut buf = [0u8; 4];
    let mut total = 0;
    loop {
        let n = reader.read(&mut buf).await;
        if n == 0 { break total; }
        total += n;
    }
}, (Box::leak(Box::new(Reader::new(b"abcdefg")))));

differential!(while_let_next_borrows_stream, () -> u32 {
    let d = D("d");
    let mut stream = Counter(0);
    let mut sum = 0;
    while let Some(x) = stream.next().await {
        sum += x;
    }
    sum
}, ());

differential!(pop_borrows_local_stack, () -> Vec<&'static str> {
    let d = D("d");
    let mut stack = vec![D("x"), D("y")];
    let mut out = Vec::new();
    while let Some(item) = pop(&mut stack).await {
        out.push(item.into_name());
    }
    out
}, ());

differential!(reference_held_across_await, () -> usize {
    let s = D("s");
    let r = &s;
    leaf("tick", ()).await;
    r.touch().len()
}, ());

differential!(slice_held_across_await, () -> usize {
    let d = D("d");
    let v = vec![1u8, 2, 3, 4];
    let slice = &v[1..];
    leaf("tick", ()).await;
    slice.len()
}, ());

differential!(guard_of_local_lock_across_awaits, () -> Vec<u32> {
    let d = D("d");
    let lock = Lock(std::cell::RefCell::new(vec![1]));
    let mut guard = lock.lock().await;
    guard.0.push(leaf("push", 2).await);
    leaf("tick", ()).await;
    drop(guard);
    log("after drop");
    let v = lock.0.borrow().clone();
    v
}, ());

differential!(guard_of_parameter_lock, (lock: &'static Lock) -> usize {
    let d = D("d");
    let guard = lock.lock().await;
    leaf("tick", ()).await;
    guard.0.len()
}, (Box::leak(Box::new(Lock(std::cell::RefCell::new(vec![1, 2]))))));

differential!(borrowed_then_consumed_by_value, (data: Vec<u8>) -> Vec<u8> {
    let d = D("d");
    let mut reader = Reader::new(&data);
    let mut s = String::new();
    reader.read_line(&mut s).await;
    leaf("tick", ()).await;
    String::into_bytes(s)
}, (b"xyz".to_vec()));

differential!(large_buffer_live_across_awaits, (n: u32) -> u32 {
    let d = D("d");
    let mut buf = [0u8; 4096];
    for i in 0..n {
        buf[(i as usize) % 4096] = i as u8;
        leaf("tick", ()).await;
    }
    buf[1] as u32 + buf[2] as u32
}, (3));

// Collections live across the loop's awaits and used only in place (indexed,
// receivers of borrowing methods) stay in their slots without a drop flag:
// dropped at every cancellation point and at the end in rustc's order.
differential!(collections_kept_in_place_across_loop_awaits, (a: D, n: u32) -> usize {
    let mut names = vec![D("first")];
    let mut text = String::new();
    let after = D("after");
    for i in 0..n {
        leaf("tick", i).await;
        names.push(D("pushed"));
        text.push_str("ab");
        if names.len() > 2 {
            names.remove(0);
        }
        names[0].touch();
    }
    after.touch();
    names.len() + text.len()
}, (D("a"), 3));

// Locals in slots (borrowed across an await): `let _ = x;` leaves the value
// in its slot to the end of its scope; a `match` whose arm binds it whole
// moves it out.
differential!(slot_local_let_underscore_and_match, () -> u32 {
    let kept = D("kept");
    let moved = D("moved");
    let (r, s) = (&kept, &moved);
    leaf("one", 1).await;
    r.touch();
    s.touch();
    let _ = kept;
    match moved {
        m => {
            m.touch();
        }
    }
    leaf("two", 2).await
}, ());

// Bindings of a destructuring pattern borrowed across an await are kept in
// place, all of them, so they still drop in reverse order.
differential!(destructured_bindings_borrowed_across_await, (n: u32) -> u32 {
    let (a, b, k) = (D("a"), D("b"), n);
    let r = leaf("one", &a).await;
    r.touch();
    b.touch();
    k + 1
}, (3));

differential!(let_else_binding_borrowed_across_await, (v: Option<(D, u32)>) -> u32 {
    let d = D("d");
    let Some((item, n)) = v else {
        leaf("none", 0).await;
        return 0;
    };
    let r = leaf("one", &item).await;
    r.touch();
    n
}, (Some((D("item"), 4))));

differential!(for_pattern_bindings_borrowed_across_await, (v: Vec<(D, u32)>) -> u32 {
    let mut total = 0;
    for (item, n) in v {
        let r = leaf("one", &item).await;
        r.touch();
        total += n;
    }
    total
}, (vec![(D("x"), 1), (D("y"), 2)]));

// A `ref` / `ref mut` binding borrows the place it is matched against, as
// `&t.1` would: the local it is rooted at stays in place while the binding is
// held across an await.
differential!(ref_bindings_in_let_held_across_await, (n: u32) -> usize {
    let d = D("d");
    let t = (n, D("t1"));
    let (q, ref s) = t;
    leaf("one", ()).await;
    s.touch();
    let whole = D("whole");
    let ref w = whole;
    leaf("two", ()).await;
    w.touch();
    let mut pair = (D("p0"), vec![D("v0")]);
    let (ref b, ref mut a) = pair;
    leaf("three", ()).await;
    a.push(D("v1"));
    b.touch();
    pair.1.len() + q as usize + s.0.len()
}, (3));

differential!(ref_bindings_in_match_and_if_let_held_across_await, (opt: Option<D>) -> usize {
    let d = D("d");
    let mut total = 0;
    if let Some(ref v) = opt {
        leaf("if_let", ()).await;
        total += v.touch().len();
    }
    let other = Some(D("other"));
    let n = match other {
        Some(ref v) => {
            leaf("arm", ()).await;
            v.touch().len()
        }
        None => 0,
    };
    let mut m = Some(vec![D("m0")]);
    if let Some(ref mut v) = m {
        leaf("mut_arm", ()).await;
        v.push(D("m1"));
    }
    let mut count = Some(2u32);
    while let Some(ref mut c) = count {
        leaf("while_let", ()).await;
        if *c == 0 {
            break;
        }
        *c -= 1;
    }
    let maybe = Some(D("else"));
    let Some(ref e) = maybe else {
        return 0;
    };
    leaf("let_else", ()).await;
    e.touch();
    total + n + Option::map_or(m, 0, |v| v.len()) + Option::map_or(opt, 0, |v| v.0.len())
}, (Some(D("opt"))));

// A non-`move` closure borrows the locals it names: held across an await, it
// reaches their slots through a reference, reading, writing and formatting
// them, with a borrow of the same local alive beside it.
differential!(closures_borrow_locals_across_await, (k: u32, s: D) -> usize {
    let d = D("d");
    let add = |x: u32| x + k;
    let mut total = 0u32;
    let mut bump = |by: u32| total += by;
    bump(add(leaf("first", 1).await));
    bump(leaf("second", 2).await);
    let r = &s;
    let name = || format!("{}:{k}", s.touch());
    leaf("third", ()).await;
    let label = name();
    r.touch();
    let mut names = vec![D("v0")];
    let mut push = |n: &'static str| names.push(D(n));
    push("v1");
    let mut last = D("last 0");
    let mut replace = |n: &'static str| last = D(n);
    replace("last 1");
    leaf("fourth", ()).await;
    push("v2");
    replace("last 2");
    label.len() + total as usize + names.len() + d.touch().len() + last.touch().len()
}, (3, D("s")));

// A non-`move` async block borrows the locals it names, as a closure does:
// awaited where it is made, or held across another await and awaited later.
differential!(async_blocks_borrow_locals_across_await, (s: D) -> usize {
    let d = D("d");
    let mut log_lines = vec![D("l0")];
    let n = async { leaf("inside", s.touch().len()).await }.await;
    let later = async {
        log_lines.push(D("l1"));
        leaf("later", n).await + s.touch().len()
    };
    leaf("between", ()).await;
    let m = later.await;
    let counted = async { log_lines.len() + leaf("count", 1).await }.await;
    m + counted + d.touch().len()
}, (D("s")));

// A non-`move` async block that awaits a future it names takes it by value
// (RFC 2229), as `async move` would: joined later across another await, or
// awaited where it is made (E0507 before: the futures were kept in place as
// if borrowed, and awaited out of their slots).
differential!(async_blocks_take_the_futures_they_await, (n: u32) -> u32 {
    let d = D("d");
    let a = async { let _inner = D("in a"); leaf("a", n).await };
    let b = async { leaf("b", n + 1).await };
    let both = async { a.await + b.await };
    leaf("before", ()).await;
    let joined = both.await;
    let c = async { let _inner = D("in c"); leaf("c", n).await };
    let once = async { c.await + 1 }.await;
    leaf("after", ()).await;
    joined + once + d.touch().len() as u32
}, (1));

// Parentheses keep a place a place: `&(s)` and `(s).touch()` borrow the
// slot's value, where a value use would move it out (and drop it early).
differential!(parenthesized_slot_local_stays_borrowed, (s: D) -> usize {
    let d = D("d");
    let n = (&(s)).touch().len() + (s).touch().len();
    log("after the borrows");
    let r = &s;
    leaf("tick", ()).await;
    n + r.touch().len() + d.touch().len()
}, (D("s")));

// Uses of a slot local that move nothing: `_ = s` and calling it (`Fn`
// borrows the closure), also with an awaited argument, through a `Box<dyn
// Fn>`, and twice. Each once moved the value out and dropped it early.
differential!(slot_local_assigned_to_underscore_and_called, (n: usize) -> usize {
    let s = D("s");
    let r = &s;
    leaf("first", ()).await;
    r.touch();
    _ = s;
    log("after the assignments");
    let captured = D("captured");
    let f = move |k: usize| captured.touch().len() + k;
    let g: Box<dyn Fn() -> usize> = Box::new(move || n);
    let (rf, rg) = (&f, &g);
    leaf("second", ()).await;
    let a = rf(0) + rg();
    let b = f(1) + (f)(2) + g();
    log("called");
    let c = f(leaf("argument", 3).await) + g();
    leaf("third", ()).await;
    a + b + c + f(4) + s.touch().len()
}, (5));

// The base of a struct update moves only the fields not written, here a
// copy: the slot keeps the value, which drops at the end of its scope.
differential!(struct_update_from_slot_local, (n: u32) -> u32 {
    struct P {
        a: D,
        b: u32,
    }
    let p = P { a: D("pa"), b: n };
    let r = &p;
    leaf("first", ()).await;
    r.a.touch();
    let q = P { a: D("qa"), ..p };
    log("after the update");
    let u = P { a: leaf("awaited field", D("ua")).await, ..p };
    leaf("second", ()).await;
    q.a.touch();
    u.a.touch();
    q.b + u.b + p.b
}, (7));

// A name bound in an inner block, match arm or `if let` goes out of scope
// with it; the slot local of the same name is the one read after, and
// field shorthand `P { n }` reads it too.
differential!(slot_local_shadowed_in_inner_scopes, (m: u32) -> u32 {
    struct P {
        n: u32,
    }
    let d = D("d");
    let mut n = 1u32;
    n += m;
    let k = { let n = 10u32; n } + n;
    let j = match 7u32 { n => n } + n;
    let i = if let Some(n) = Some(100u32) { n } else { 0 } + n;
    let p = P { n };
    let r = &n;
    leaf("tick", ()).await;
    k + j + i + p.n * 10 + *r + d.touch().len() as u32
}, (3));

// What a `move` closure or async block takes (RFC 2229): a slot local used
// only through a field gives a copy of the field and stays in its slot;
// names the body binds itself, field names and plain string text take
// nothing; a name used whole is taken.
differential!(move_captures_of_slot_locals, (n: u32) -> usize {
    struct P {
        name: &'static str,
    }
    let t = (D("t0"), n);
    let s = D("s");
    let name = D("name");
    let taken = D("taken");
    let p = P { name: "pp" };
    let r = (&t, &s, &name, &taken);
    leaf("first", ()).await;
    r.0.0.touch();
    r.1.touch();
    r.2.touch();
    r.3.touch();
    let field = move || t.1 + 1;
    let shadowing = move |s: u32| s + 1;
    let inner_let = move || {
        let s = 2u32;
        s
    };
    let by_field_name = move || p.name.len();
    let text = move || {
        log("{s} {name}");
        1
    };
    let whole = move || taken.touch().len();
    let block = async move { t.1 + { let name = 3u32; name } }.await;
    let v = field() + shadowing(1) + inner_let() + block;
    let w = by_field_name() + text() + whole();
    drop((field, shadowing, inner_let, by_field_name, text, whole));
    log("dropped the closures");
    leaf("second", ()).await;
    v as usize + w + t.0.touch().len() + s.touch().len() + name.touch().len()
}, (5));

// The same for locals moved between states: the capture decides whether
// the local is still there at the next await.
differential!(move_captures_of_carried_locals, (n: u32) -> usize {
    let t = (D("t0"), n);
    let s = D("s");
    let whole = D("whole");
    let field = move || t.1 + 1;
    let shadowing = move |s: u32| s + 1;
    let text = move || {
        log("{s}");
        1
    };
    let taken = move || whole.touch().len();
    let v = field() + shadowing(1);
    log("called the closures");
    leaf("tick", ()).await;
    v as usize + text() + taken() + t.0.touch().len()
}, (5));

// Patterns that move nothing out of a value whose type has a `Drop` impl
// (a literal, a unit variant, `..`) leave it where it is, in a slot or
// carried, to drop at the end of its scope; a type without one is
// destructured by value, moving all of it.
differential!(patterns_that_leave_a_drop_type_in_place, (n: u32) -> usize {
    #[allow(dead_code)]
    enum E {
        A,
        B(u32),
    }
    impl Drop for E {
        fn drop(&mut self) {
            log("drop E");
        }
    }
    struct Pair {
        left: D,
        right: D,
    }
    let s = D("s");
    let e = E::B(n);
    let pair = Pair { left: D("left"), right: D("right") };
    let r = &s;
    leaf("first", ()).await;
    r.touch();
    let Some(k) = Some(1usize) else { return 0 };
    let D("s") = s else { return 0 };
    let a = match s {
        D("x") => 1,
        _ => 2,
    };
    let b = match e {
        E::A => 0,
        E::B(..) => 1,
    };
    log("after the matches");
    let Pair { left, right } = pair;
    leaf("second", ()).await;
    k + a + b + left.touch().len() + right.touch().len() + s.touch().len()
}, (3));

// Dead values of unknown type held to the end of their scope: a reference
// into a vector that grows after the reference's last use is not read or
// moved again (under Miri, moving it would be a dangling reference), while
// a value with drop glue is held and dropped at the end of its scope.
differential!(dead_values_held_for_their_drop, (n: usize) -> usize {
    let mut v = vec![D("v0")];
    let first = v.first().unwrap();
    first.touch();
    let owned = D("owned").touch().to_string();
    let d = D("d");
    d.touch();
    leaf("first", ()).await;
    for _ in 0..n {
        v.push(D("pushed"));
    }
    leaf("second", ()).await;
    v.len() + owned.len()
}, (4));

// The same for a dead reference assigned again after the await: held like
// a maybe-moved value, it is not moved while it dangles, and the old value
// drops at the assignment.
differential!(dead_reference_assigned_again, (n: usize) -> usize {
    static OTHER: D = D("other");
    let mut v = vec![D("v0")];
    let mut r = v.first().unwrap();
    r.touch();
    for _ in 0..n {
        v.push(D("pushed"));
    }
    leaf("first", ()).await;
    r = &OTHER;
    leaf("second", ()).await;
    r.touch().len() + v.len()
}, (4));

// A dead value with drop glue that holds a reference inline: once dead, its
// reference may dangle (the borrow checker lets `v` grow, since dropping the
// tuple drops only its `D`). Moving it into a state would move a dangling
// reference (undefined behaviour under Miri); it stays in place instead,
// and drops at the end of its scope.
differential!(dead_value_holding_a_dangling_borrow, (n: usize) -> usize {
    let mut v = vec![D("v0")];
    let pair = (D("pair"), v.first().unwrap());
    pair.1.touch();
    for _ in 0..n {
        v.push(D("pushed"));
    }
    leaf("first", ()).await;
    let d = D("d");
    leaf("second", ()).await;
    d.touch().len() + v.len()
}, (4));

// The same when the borrow enters after the `let`, through interior
// mutability: by a method on a field, and by a method given a local
// declared after the value. Neither value can be proved free of borrows,
// so both stay in place; `owned`, built by value and only borrowed by calls
// given nothing else, is moved with the state.
differential!(dead_values_given_borrows_after_their_let, (n: usize) -> usize {
    let mut v = vec![D("v0")];
    let owned = (D("owned"), n);
    owned.0.touch();
    let cell = (D("cell"), ::std::cell::Cell::new(None));
    cell.1.set(Some(&v[0]));
    let later = (D("later"), ::std::cell::Cell::new(None));
    let first = v.first().unwrap();
    later.1.set(Some(first));
    log(cell.1.get().map_or("none", |d| d.0));
    for _ in 0..n {
        v.push(D("pushed"));
    }
    leaf("first", ()).await;
    let d = D("d");
    leaf("second", ()).await;
    d.touch().len() + v.len()
}, (4));

// A destructuring `let` whose binding holds a borrow inline and is dead at
// an await: its bindings stay in place, in order.
differential!(dead_destructured_binding_holding_a_borrow, (n: usize) -> usize {
    let mut v = vec![D("v0")];
    let (left, pair) = (D("left"), (D("pair"), v.first().unwrap()));
    pair.1.touch();
    left.touch();
    for _ in 0..n {
        v.push(D("pushed"));
    }
    leaf("first", ()).await;
    v.len()
}, (4));

// A `match` on a temporary that holds a borrow, with an arm that lets the
// borrow dangle before its await: the temporary is held for its drop from
// the arm's entry, before the arm's code runs, not moved at the await
// (undefined behaviour under Miri before).
differential!(dead_match_scrutinee_temporary_holding_a_borrow, (n: usize) -> usize {
    let mut v = vec![D("v0")];
    let k = match (D("t"), v.first()) {
        (_, Some(x)) => {
            x.touch();
            for _ in 0..n {
                v.push(D("pushed"));
            }
            leaf("first", ()).await;
            1
        }
        _ => 0,
    };
    k + v.len()
}, (4));

// The same for the temporary of an `if let`.
differential!(dead_if_let_scrutinee_temporary_holding_a_borrow, (n: usize) -> usize {
    let mut v = vec![D("v0")];
    let mut k = 0;
    if let (_, Some(x)) = (D("t"), v.first()) {
        x.touch();
        for _ in 0..n {
            v.push(D("pushed"));
        }
        leaf("first", ()).await;
        k = 1;
    }
    k + v.len()
}, (4));

// The same for the temporary of a `while let`.
differential!(dead_while_let_scrutinee_temporary_holding_a_borrow, (n: usize) -> usize {
    let mut v = vec![D("v0")];
    let mut k = 0;
    while let (_, Some(x)) = (D("t"), v.first()) {
        x.touch();
        for _ in 0..n {
            v.push(D("pushed"));
        }
        leaf("first", ()).await;
        k += 1;
        if k == 2 {
            break;
        }
    }
    k + v.len()
}, (2));

// A binding of an `if let` that holds a borrow inline and is dead at the
// branch's await: kept in place (undefined behaviour under Miri before).
differential!(dead_if_let_binding_holding_a_borrow, (n: usize) -> usize {
    let mut v = vec![D("v0")];
    let opt = Some((D("pair"), v.first().unwrap()));
    let mut k = 0;
    if let Some(pair) = opt {
        pair.1.touch();
        for _ in 0..n {
            v.push(D("pushed"));
        }
        leaf("first", ()).await;
        k = 1;
    }
    k + v.len()
}, (4));

// The same for a `match` arm's binding (in place already before, as the
// arm's body is one statement that awaits and borrows it).
differential!(dead_arm_binding_holding_a_borrow, (n: usize) -> usize {
    let mut v = vec![D("v0")];
    let opt = Some((D("pair"), v.first().unwrap()));
    let k = match opt {
        Some(pair) => {
            pair.1.touch();
            for _ in 0..n {
                v.push(D("pushed"));
            }
            leaf("first", ()).await;
            1
        }
        None => 0,
    };
    k + v.len()
}, (4));

// A `for` loop's binding that holds a borrow inline, dead at an await after
// which the loop always breaks: the iterator is not used again, so the
// borrow checker lets `v` grow, and the binding is kept in place.
differential!(dead_for_binding_holding_a_borrow, (n: usize) -> usize {
    let mut v = vec![D("v0")];
    let pairs = vec![(D("pair"), v.first().unwrap())];
    let mut k = 0;
    for pair in pairs {
        pair.1.touch();
        for _ in 0..n {
            v.push(D("pushed"));
        }
        leaf("first", ()).await;
        k += 1;
        break;
    }
    k + v.len()
}, (4));

// A slot local consumed by a method known to take `self`, in plain code and
// as the receiver of a call whose argument awaits.
differential!(slot_local_consumed_by_method, (data: Vec<u8>) -> usize {
    let d = D("d");
    let mut reader = Reader::new(&data);
    let mut s = String::new();
    reader.read_line(&mut s).await;
    let mut fallback = None;
    reader.read_line(fallback.get_or_insert_with(String::new)).await;
    let first = if data.len() > 2 { fallback.unwrap_or(leaf("default", String::new()).await) } else { String::new() };
    leaf("tick", ()).await;
    d.touch();
    s.into_bytes().len() + first.len()
}, (b"xyz".to_vec()));

// Consumed in one branch only: the slot's flag says whether it still owes
// its drop at the await and when the machine is dropped there.
differential!(slot_local_consumed_in_one_branch, (n: u32) -> u32 {
    let mut held = D("held");
    let r = &mut held;
    leaf("borrowing", r).await.touch();
    if n > 2 {
        log(held.into_name());
    }
    leaf("after", ()).await;
    n
}, (4));

// A reborrow through a `&mut` parameter held across an await, the parameter
// used again after it: the parameter stays in place (E0505 before).
differential!(reborrow_of_mut_parameter_across_await, (v: &'static mut Vec<D>) -> usize {
    let d = D("d");
    let r = &mut *v;
    leaf("first", ()).await;
    r.push(D("pushed"));
    let first = v.get_mut(0);
    leaf("second", ()).await;
    if let Some(f) = first {
        f.touch();
    }
    d.touch();
    v.len()
}, (Box::leak(Box::new(vec![D("v0")]))));

// A slot local moved out by an `if let` or by a `match` arm only when it
// matches, the other arms leaving it in place (E0507 before: the pattern
// bound by value from the slot in place).
differential!(slot_local_moved_when_matched, (n: usize) -> usize {
    let mut s = Some(D("s"));
    let mut t = Some(D("t"));
    let r = &mut s;
    let u = &mut t;
    leaf("borrowing", (r, u)).await;
    if n > 2 {
        if let Some(d) = s {
            log(d.into_name());
        }
    }
    let k = match t {
        Some(d) if d.0.len() > n => d.touch().len(),
        Some(d) => d.into_name().len(),
        _ => 0,
    };
    let mut w = Some(D("w"));
    let mut x = Some(D("x"));
    leaf("borrowing again", (&mut w, &mut x)).await;
    if let Some(d) = w {
        leaf("in the if let", ()).await;
        log(d.into_name());
    }
    let j = match x {
        Some(d) if d.touch().len() > n => 1,
        Some(d) => leaf("in the arm", d).await.into_name().len(),
        _ => 0,
    };
    leaf("after", ()).await;
    k + j
}, (4));

// The same on values dead at the await that may hold a dangling borrow:
// now kept in slots rather than moved.
differential!(dead_values_moved_when_matched, (n: usize) -> usize {
    let mut v = vec![D("v0")];
    let k = v.first();
    k.unwrap().touch();
    let a: Result<(D, &D), (D, &D)> = Err((D("a"), &v[0]));
    if let Ok(pair) = a {
        log(pair.0.into_name());
    }
    let b: Result<(D, &D), (D, &D)> = if n > 10 { Ok((D("b"), &v[0])) } else { Err((D("b"), &v[0])) };
    match b {
        Ok(pair) if pair.1.touch().len() > n => log(pair.0.into_name()),
        Ok(pair) => log(pair.0.into_name()),
        _ => log("kept"),
    }
    for _ in 0..n {
        v.push(D("pushed"));
    }
    leaf("first", ()).await;
    v.len()
}, (4));

// A user's method named like an adaptor of `Iterator` or `Option` (`sum`,
// `count`) may borrow its receiver: a local receiver is not taken by it.
// Taken, `stats` left its slot while `first` borrowed it (Miri: dangling
// reference), and `bag` dropped at the first await instead of at the end
// of its scope.
differential!(user_methods_named_like_adaptors_borrow_locals, (n: u32) -> usize {
    struct Stats {
        values: Vec<u32>,
        _log: D,
    }
    impl Stats {
        fn sum(&self) -> u32 {
            self.values.iter().sum()
        }
    }
    struct Bag {
        items: Vec<u32>,
        _log: D,
    }
    impl Bag {
        fn count(&self) -> usize {
            self.items.len()
        }
    }
    let stats = Stats { values: vec![1, 2, 3], _log: D("stats") };
    let first = &stats.values;
    let total = stats.sum();
    let bag = Bag { items: vec![4, 5], _log: D("bag") };
    let k = bag.count();
    leaf("x", ()).await;
    let after = D("after");
    let j = leaf("y", bag.count()).await;
    leaf("z", ()).await;
    after.touch();
    first.iter().sum::<u32>() as usize + total as usize + k + j + n as usize
}, (1));

// A `match`, `if let` or `while let` on a borrow of an awaited value whose
// arms await: the value is a temporary of the construct, kept in place
// while the bindings borrow it, dropped when the construct ends (E0505
// before).
differential!(match_and_if_let_on_a_borrow_of_an_awaited_value, (n: u32) -> u32 {
    let d = D("d");
    let mut s = match &leaf("v", vec![D("a"), D("b")]).await {
        v if v.len() > 1 => {
            let b = D("arm");
            v[0].touch().len() as u32 + leaf(v[1].touch(), n).await
        }
        _ => 0,
    };
    if let Some(x) = &leaf("o", Some(D("o"))).await {
        s += leaf(x.touch(), n).await;
    } else {
        log("else");
    }
    if let Some(x) = &mut leaf("m", Some(1u32)).await {
        *x += leaf("inc", n).await;
        s += *x;
    }
    let mut k = 0;
    while let Some(x) = &leaf("w", if k < 2 { Some(D("w")) } else { None }).await {
        k += 1;
        s += leaf(x.touch(), n).await;
    }
    s
}, (1));

// A struct pattern with shorthand fields (`Job { name, n }`) that takes a
// local kept in place whole: tested in place with its bindings made `_`,
// written out as `Job { name: _, n: _ }` (a parse error before; probe F).
pub struct Job {
    pub name: D,
    pub n: u32,
}
pub enum JobState {
    Busy { job: D, left: u32 },
    Done,
}

differential!(shorthand_field_patterns_taking_a_local_kept_in_place, (n: u32) -> u32 {
    let j = Job { name: D("job"), n };
    let r = &j;
    leaf("a", ()).await;
    r.name.touch();
    let k = match j {
        Job { name, n } => {
            name.touch();
            n
        }
    };
    let st = if n > 5 { JobState::Done } else { JobState::Busy { job: D("busy"), left: n } };
    let s = &st;
    leaf("b", ()).await;
    if let JobState::Busy { left, .. } = s {
        log(format!("left {left}"));
    }
    let m = if let JobState::Busy { job, left } = st {
        job.touch();
        left
    } else {
        0
    };
    leaf("c", ()).await;
    k + m
}, (2));

// A local consumed by an adaptor of `Option`, `Result` or an iterator
// (`user.map(..)`, `it.filter(..)`) and still in scope at a later await:
// taken, so neither stored nor dropped after the call (E0507 or E0382
// before; probe F). The never-run copy checks the local is a type whose own
// method of the name takes `self` (a `Copy` `Option<u32>` is used again
// after its `map`).
differential!(locals_consumed_by_adaptors_of_options_results_and_iterators, (n: u32) -> usize {
    let d = D("d");
    let user = if n > 0 { Some(D("user")) } else { None };
    let name = user.map(|u| u.0);
    leaf("x", ()).await;
    let reply: Result<D, D> = if n > 5 { Ok(D("ok")) } else { Err(D("err")) };
    let code = reply.map_err(|e| e.into_name().len()).ok().map_or(0, |d| d.0.len());
    leaf("y", ()).await;
    let v = vec![D("a"), D("bb"), D("ccc")];
    let it = v.iter();
    let long: Vec<&D> = it.filter(|d| d.0.len() > 1).collect();
    leaf("z", ()).await;
    let mut rest = v.iter();
    let first = rest.next();
    let pairs: Vec<(usize, &D)> = (&mut rest).enumerate().collect();
    let slot = &v[0];
    let count = Some(3u32);
    let plus = count.map(|c| c + 1).unwrap_or(0) + leaf(D("t").touch(), 1).await;
    leaf("w", ()).await;
    name.map(|s| s.len()).unwrap_or(0)
        + code
        + long.len()
        + pairs.len()
        + usize::from(first.is_some())
        + slot.touch().len()
        + count.unwrap_or(0) as usize
        + plus as usize
}, (1));

// Adaptor names consuming locals kept in place (borrowed across an await
// first), a `match` arm's binding in an arm that awaits, the predicates
// `is_some_and` and `is_ok_and`, and an iterator's own adaptors: each local
// is moved out of its slot at the call and not dropped again.
differential!(adaptors_consume_locals_kept_in_place_and_arm_bindings, (n: u32) -> usize {
    let d = D("d");
    let user = Some(D("user"));
    let seen = &user;
    leaf(seen.as_ref().map_or("none", |u| u.touch()), ()).await;
    let name = user.map(|u| u.into_name());
    leaf("a", ()).await;
    let reply: Result<D, D> = if n > 1 { Ok(D("ok")) } else { Err(D("err")) };
    let by_ref = &reply;
    leaf(by_ref.as_ref().map_or("e", |r| r.touch()), ()).await;
    let ok = reply.is_ok_and(|r| r.0.len() == 2);
    let lookup = match n {
        0 => None,
        k => Some(D(if k > 1 { "big" } else { "small" })),
    };
    let found = match lookup {
        Some(found) => {
            let named = Some(found).is_some_and(|f| f.0.len() > 3);
            leaf("arm", ()).await;
            named
        }
        None => false,
    };
    let rows = vec![D("r1"), D("r22")];
    let walk = rows.iter();
    let first = &walk;
    leaf("walk", first.len()).await;
    let numbered: Vec<(usize, &D)> = walk.enumerate().collect();
    leaf("b", ()).await;
    name.map_or(0, |s| s.len()) + usize::from(ok) + usize::from(found) + numbered.len()
}, (2));

// An array's own `map(self)` consumes an array local, and a shared
// reference (`&Option<u32>` from a loop over a borrowed vector) is accepted
// whatever method the name resolves to: taking it copies it, and it has
// nothing to drop (both refused by the first per-name check; probe L).
differential!(adaptor_names_on_arrays_and_shared_references, (n: u32) -> usize {
    let d = D("d");
    let pair = [D("p0"), D("p1")];
    let names = pair.map(|p| p.into_name());
    leaf("a", ()).await;
    let slots = vec![Some(n), None, Some(n + 1)];
    let mut total = 0;
    for slot in &slots {
        total += slot.map_or(0, |v| v as usize);
        let seen = slot.is_some_and(|v| v > n);
        leaf("slot", ()).await;
        total += usize::from(seen);
    }
    names.len() + total
}, (2));

/// A pair whose methods take it by value under names the machine takes to
/// consume a local (`into_*`, `unwrap*`, `expect*`), and one listed in
/// `takes_self(..)` (`finish`).
pub struct Bundle(pub D, pub D);

impl Bundle {
    pub fn into_parts(self) -> (D, D) {
        (self.0, self.1)
    }
    /// Drops the second part here, at the call.
    pub fn unwrap_first(self) -> D {
        self.0
    }
    pub fn expect_second(self, _why: &str) -> D {
        self.1
    }
    pub fn finish(self) -> usize {
        self.0.touch().len() + self.1.touch().len()
    }
}

/// A method named like one that consumes, which reborrows a `&mut`.
pub struct Tally(pub Vec<D>);

impl Tally {
    #[allow(clippy::wrong_self_convention)]
    pub fn into_count(&mut self) -> usize {
        self.0.push(D("pushed"));
        self.0.len()
    }
}

/// A trait's method taking `self`, called as a path (`Split::into_halves(b)`):
/// the never-run copy's check would find it ambiguous with its own.
pub trait Split {
    fn into_halves(self) -> (D, D);
}

impl Split for Bundle {
    fn into_halves(self) -> (D, D) {
        (self.1, self.0)
    }
}

// Methods the machine takes to consume a local by their names alone, on user
// types whose methods take `self` (inherent, listed in `takes_self(..)`,
// a trait's called as a path), on locals kept in place, on references (a
// `Copy` `Option` read through `&`, a `&mut` reborrowed and used again), and
// `into_iter` on a `Vec`: the never-run copy's check accepts each, and the
// drops match rustc's.
differential!(methods_taken_by_their_names_on_user_types_and_references, with(takes_self(finish)), (n: u32) -> usize {
    let d = D("d");
    let b = Bundle(D("b0"), D("b1"));
    let seen = &b;
    leaf(seen.0.touch(), ()).await;
    let (x, y) = b.into_parts();
    let c = Bundle(D("c0"), D("c1"));
    let first = c.unwrap_first();
    leaf("a", ()).await;
    let e = Bundle(D("e0"), D("e1"));
    let second = e.expect_second("set");
    let f = Bundle(D("f0"), D("f1"));
    let total = f.finish();
    let h = Bundle(D("h0"), D("h1"));
    let (h1, h0) = Split::into_halves(h);
    let o = Some(n);
    let o_ref = &o;
    let p = o_ref.expect("some");
    leaf("b", ()).await;
    let mut t = Tally(vec![D("t")]);
    let tr = &mut t;
    let k = tr.into_count();
    leaf("c", ()).await;
    let j = tr.into_count();
    let v = vec![D("v0"), D("v11")];
    let mut lens = 0;
    for item in v.into_iter() {
        lens += item.touch().len();
        leaf("item", ()).await;
    }
    log(x.touch());
    log(y.touch());
    log(first.touch());
    log(second.touch());
    log(h1.touch());
    log(h0.touch());
    total + p as usize + k + j + lens
}, (2));

// A box kept in place (borrowed across an await) whose contents are moved
// out: `*b` alone is E0507 on the slot (the macro cannot tell it from a copy
// through a reference), so the README's way out moves the box first. The
// contents then drop where rustc drops them, the box at the move.
differential!(box_contents_moved_out_of_a_box_kept_in_place, (n: u32) -> usize {
    let d = D("d");
    let b = Box::new(D("boxed"));
    let r = &b;
    leaf("one", ()).await;
    log(r.touch());
    let inner = *{ b };
    leaf("two", ()).await;
    inner.touch().len() + n as usize
}, (2));

/// Methods named like ones that consume, which borrow.
pub struct Shelf(pub Vec<D>);

impl Shelf {
    pub fn unwrap_or(&self, least: usize) -> usize {
        self.0.len().max(least)
    }
    pub fn map(&self, f: impl Fn(&D) -> usize) -> Vec<usize> {
        self.0.iter().map(f).collect()
    }
}

// The same names on locals whose scope has no await after the call (a block
// inside a loop that awaits, the code after the body's last await): taking
// and borrowing them come to the same there, as the machine passes them on
// at no edge, so the never-run copy does not check the calls, and rustc's
// drops apply. At the parent the check refused each: the borrowing
// `unwrap_or` and `map`, and the trait's `into_halves` (E0034).
differential!(methods_taken_by_their_names_where_no_await_follows, (n: u32) -> usize {
    let d = D("d");
    let mut total = 0;
    for k in 0..2 {
        {
            let s = Shelf(vec![D("s")]);
            let most = s.unwrap_or(k);
            log(s.0[0].touch());
            total += most;
        }
        total += leaf("k", k).await;
    }
    let b = Bundle(D("b0"), D("b1"));
    leaf("a", ()).await;
    let (h1, h0) = b.into_halves();
    let shelf = Shelf(vec![D("x"), D("y")]);
    let lens = shelf.map(|e| e.touch().len());
    log(shelf.0[1].touch());
    log(h1.touch());
    log(h0.touch());
    total + lens.len() + n as usize
}, (2));
