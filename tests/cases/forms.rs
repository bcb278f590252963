// Blocks, async blocks, macros, items, shadowing, drop flags, temporaries.

differential!(async_block_awaited_and_not, (n: u32) -> u32 {
    let d = D("d");
    let captured = D("captured");
    let not_awaited = async { log("never runs"); 1 };
    let a = async move {
        let inner = D("inner");
        leaf("in_block", n).await + captured.0.len() as u32
    }.await;
    drop(not_awaited);
    a + leaf("after", 1).await
}, (2));

differential!(unsafe_block_with_await, (v: Vec<u32>) -> u32 {
    let d = D("d");
    let x = unsafe {
        let p = v.as_ptr();
        let k = leaf("k", 1usize).await;
        *p.add(k)
    };
    x
}, (vec![1, 2, 3]));

differential!(block_expression_value, (n: u32) -> u32 {
    let d = D("d");
    let x = {
        let a = D("a");
        let y = leaf("y", n).await;
        let b = D("b");
        y * 2
    };
    x + 1
}, (4));

differential!(let_else_after_await, (o: Option<D>) -> &'static str {
    let d = D("d");
    let v = leaf("v", o).await;
    let Some(inner) = v else { return "none" };
    leaf("after", ()).await;
    inner.into_name()
}, (Some(D("o"))));

differential!(let_else_with_await_in_init, (n: u32) -> u32 {
    let d = D("d");
    let Some(x) = leaf("opt", if n > 0 { Some(n) } else { None }).await else {
        return 0;
    };
    x + leaf("after", 1).await
}, (5));

differential!(let_patterns, (pair: (D, u32)) -> u32 {
    struct P { a: u32, b: D }
    let (first, mut second) = pair;
    let P { a, b: named } = leaf("p", P { a: 3, b: D("pb") }).await;
    second += a;
    let [x, y] = leaf("arr", [1u32, 2]).await;
    let ref r = named;
    first.touch();
    r.touch();
    second + x + y
}, ((D("pair"), 4)));

differential!(shadowing_same_scope, (n: u32) -> u32 {
    let x = D("x1");
    x.touch();
    let x = leaf("x", n).await;
    let x = x + 1;
    let y = D("y");
    leaf("tick", ()).await;
    x
}, (1));

differential!(shadowed_value_still_owes_drop, (n: u32) -> u32 {
    let s = D("first");
    let t = D("t");
    let s = D("second");
    leaf("tick", ()).await;
    s.touch();
    n
}, (1));

differential!(conditional_move_drop_flag, (c: bool) -> u32 {
    let s = D("s");
    let t = D("t");
    if c {
        drop(s);
    }
    leaf("tick", ()).await;
    t.touch();
    1
}, (true));

differential!(conditional_move_drop_flag_not_taken, (c: bool) -> u32 {
    let s = D("s");
    let t = D("t");
    if c {
        drop(s);
    }
    leaf("tick", ()).await;
    t.touch();
    1
}, (false));

differential!(conditional_move_across_awaits, (c: bool) -> u32 {
    let s = D("s");
    let u = D("u");
    if c {
        leaf("branch", ()).await;
        drop(s);
    }
    leaf("tick", ()).await;
    leaf("tock", ()).await;
    u.touch();
    2
}, (true));

differential!(moved_in_one_arm_awaits_in_other, (n: u32) -> u32 {
    let s = D("s");
    let r = match n {
        0 => { drop(s); 0 }
        _ => leaf("arm", n).await,
    };
    leaf("after", ()).await;
    r
}, (3));

differential!(deferred_initialization, (c: bool) -> u32 {
    let d = D("d");
    let x;
    leaf("tick", ()).await;
    if c { x = 1; } else { x = 2; }
    let y: D;
    y = leaf("y", D("y")).await;
    y.touch();
    x
}, (true));

differential!(reassigned_after_move, () -> &'static str {
    let mut s = D("s1");
    let name = s.into_name();
    leaf("tick", name).await;
    s = D("s2");
    leaf("tock", ()).await;
    s.into_name()
}, ());

differential!(macros_without_await, (n: u32) -> String {
    let d = D("d");
    let second = leaf("v", 2).await;
    let v = vec![n, second];
    assert!(v.len() == 2, "length {}", v.len());
    let s = format!("{n}-{:?}", v);
    println!("{s}");
    leaf("s", s).await
}, (7));

differential!(items_in_body, (n: u32) -> u32 {
    fn helper(x: u32) -> u32 { x * 10 }
    struct Local(u32);
    impl Local { fn get(&self) -> u32 { self.0 } }
    static COUNT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    const K: u32 = 2;
    let d = D("d");
    COUNT.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let l = Local(leaf("l", n).await);
    helper(l.get()) + K
}, (3));

// Items of nested blocks, in blocks that await and blocks that do not, with
// names the rest of the body does not use: moved to the top of the
// function, they mean what they meant in their block. (One named like a
// name used outside its block is refused, and so are nested `use`s and
// items beside a user macro's call outside their block: `ui/nested_*.rs`.)
differential!(items_in_nested_blocks, (n: u32) -> u32 {
    let d = D("d");
    let x = {
        fn tripled(x: u32) -> u32 { x * 3 }
        tripled(n)
    };
    let y = {
        const STEP: u32 = 5;
        struct Pair(u32, D);
        let p = Pair(leaf("p", STEP).await, D("pair"));
        p.1.touch();
        let s = { fn shown(p: u32) -> String { format!("{p}") } shown(p.0) };
        leaf("q", ()).await;
        p.0 + s.len() as u32
    };
    x + y
}, (3));

/// A user's macro with a named argument, like `tracing`'s fields.
macro_rules! value_of {
    ($name:ident = $value:expr) => {
        $value
    };
}

// Names a `move` closure or `async move` block mentions without taking the
// local of that name: a formatting macro's named argument, an item of the
// body's own, a binding of `matches!`'s pattern in its guard (also inside
// `assert!`), a user macro's named argument. Each local stays where it is,
// dropped at the end of its scope (a probe found each dropped at the next
// await: every mention counted as a capture). A named argument's value is
// read as an expression.
differential!(move_closures_mentioning_names_they_do_not_capture, (n: u32) -> u32 {
    let u = D("u");
    let a = D("a");
    let f = D("f");
    let g = D("g");
    let m = D("m");
    let b = D("b");
    let by_name = move || format!("{a}{f}", a = 5, f = b.touch()).len() as u32;
    let by_item = move || { fn g() -> u32 { 3 } g() };
    #[allow(non_upper_case_globals)]
    let by_static = async move { static f: u32 = 4; f + n };
    let by_pattern = move |v: Option<u32>| matches!(v, Some(m) if m > 1);
    let asserted = async move { assert!(matches!(Some(n), Some(a) if a > 0)); leaf("in", ()).await; n };
    let by_user_macro = move || value_of!(u = n + 1);
    leaf("h", ()).await;
    let r = by_name() + by_item() + by_static.await + u32::from(by_pattern(Some(n))) + asserted.await
        + by_user_macro();
    leaf("i", ()).await;
    r
}, (2));

/// A user's macro that drops what it is given.
macro_rules! ignored {
    ($($tokens:tt)*) => {
        0u32
    };
}

// A `move` closure naming a local only inside a macro that ignores it
// (`stringify!`, a user's macro): rustc captures nothing, and the local
// lives to the end of its scope, here borrowed across the await. The
// machine took every name in a macro's tokens to be captured, dropped `x`
// at the closure while `r` borrowed it (probe M; Miri: use after free).
differential!(move_closure_naming_a_local_only_inside_an_ignoring_macro, (n: u32) -> u32 {
    let x = vec![D("x"), D("y")];
    let r = &x;
    let s = D("s");
    let ignore = move || ignored!(x);
    let spelled = move || stringify!(s).len() as u32;
    let q = D("q");
    // A compared string, not a format string: no `q` in it (probe N).
    let compared = move || { assert_eq!("{q}", "{q}"); 1u32 };
    leaf("a", ()).await;
    let t = r[1].touch();
    ignore() + spelled() + compared() + t.len() as u32 + n
}, (2));

differential!(closures_around_awaits, (n: u32) -> u32 {
    let d = D("d");
    let add = move |x: u32| x + n;
    let v = add(leaf("v", 1).await);
    let owned = D("owned");
    let consume = move || owned.into_name().len() as u32;
    leaf("tick", ()).await;
    v + consume()
}, (3));

differential!(temporaries_across_await, (m: &std::sync::Mutex<Vec<u32>>) -> usize {
    let d = D("d");
    m.lock().unwrap().push(leaf("x", 5).await);
    let n = m.lock().unwrap().len();
    n
}, (&*Box::leak(Box::new(std::sync::Mutex::new(vec![1])))));

differential!(temporary_in_argument_lives_across_await, (n: u32) -> usize {
    fn both(a: &D, b: u32) -> usize { log(format!("both {} {b}", a.0)); a.0.len() + b as usize }
    let d = D("d");
    let r = both(&D("temp"), leaf("b", n).await);
    r
}, (2));

differential!(nested_awaits_in_one_expression, (n: u32) -> u32 {
    let d = D("d");
    leaf("outer", leaf("inner", n).await + 1).await * 2
}, (3));

differential!(await_on_local_future, (n: u32) -> u32 {
    let d = D("d");
    let fut = leaf("stored", n);
    let other = leaf("other", 1);
    log("before awaits");
    let a = fut.await;
    let b = other.await;
    a + b
}, (3));

differential!(tail_expression_with_temporaries, (n: u32) -> usize {
    let d = D("d");
    D("tail temp").touch().len() + leaf("n", n).await as usize
}, (3));

differential!(tuple_and_ranges, (n: u32) -> (u32, Vec<u32>) {
    let d = D("d");
    let r: Vec<u32> = (leaf("lo", 1).await..leaf("hi", n).await).collect();
    let t = (leaf("a", 1).await,);
    (t.0, r)
}, (4));

differential!(repeat_and_cast, (n: u8) -> (Vec<u64>, i64) {
    let d = D("d");
    let arr = [leaf("r", n).await as u64; 3];
    (arr.to_vec(), -(leaf("c", n).await as i64))
}, (2));

// ---- `.await` in match guards ----

// The guard sees the bindings by reference; the arm binds them by value
// once chosen. Guards that say no fall through to later arms.
differential!(await_in_match_guard, (v: Option<u32>) -> u32 {
    let d = D("d");
    let r = match v {
        Some(n) if leaf("big", n > 5).await => n * 2,
        Some(n) if leaf("odd", n % 2 == 1).await => n + 100,
        Some(n) => n,
        None => 0,
    };
    d.touch();
    r
}, (Some(4)));

differential!(await_in_match_guard_taken, (v: Option<u32>) -> u32 {
    let d = D("d");
    match v {
        None => 0,
        Some(n) if leaf("big", n > 5).await => {
            let inner = D("inner");
            n * 2 + leaf("arm", 1).await
        }
        Some(n) => n,
    }
}, (Some(7)));

// A binding compared before the guard's await is read after it, through
// the guard's reference, which lives across the await; here it also shadows
// a parameter of the same name.
differential!(guard_compares_binding_before_its_await, (n: u32, v: Option<u32>) -> u32 {
    let d = D("d");
    let a = match v {
        Some(n) if n > leaf("limit", 6).await => n * 2,
        Some(m) if m > leaf("small", 1).await => m + 100,
        _ => 0,
    };
    let kept = Some(D("kept"));
    let b = match kept {
        Some(k) if k.0.len() > leaf("len", 2).await as usize => 1,
        _ => 2,
    };
    d.touch();
    a + b + n
}, (7, Some(5)));

// A place compared with an await's value is read after the await, as rustc
// reads it: the reference it is read through lives across the await, and
// so does the primitive parameter it borrows.
differential!(place_operand_read_after_await, (n: u32, pair: (u32, u32)) -> u32 {
    let d = D("d");
    let r = &n;
    let first = if *r > leaf("cmp", 2).await { 1 } else { 2 };
    let p = &pair;
    let second = p.0 + leaf("add", p.1).await;
    let held = &n;
    leaf("held", 0).await;
    d.touch();
    first + second + *held
}, (5, (1, 2)));

// A scrutinee with drop glue, kept in place while the guard awaits and
// moved into the arm's bindings when chosen; dropped while suspended in a
// guard, it drops in rustc's order.
differential!(await_in_match_guard_owned_scrutinee, (n: u32) -> u32 {
    let before = D("before");
    let pair = (D("pair"), n);
    let after = D("after");
    match pair {
        (d, k) if leaf("first", k > 5).await => {
            d.touch();
            k
        }
        (d, k) if leaf("second", k > 1).await => {
            let inner = D("inner");
            d.touch();
            k + leaf("arm", 10).await
        }
        (d, k) => {
            d.touch();
            k + 100
        }
    }
}, (3));

// The scrutinee is a temporary (the value of an await), in place for the
// whole `match`.
differential!(await_in_match_guard_on_temporary, (n: u32) -> &'static str {
    let d = D("d");
    match leaf("make", (D("temp"), n)).await {
        (t, k) if leaf("check", k == 3).await => t.touch(),
        (t, _) => {
            d.touch();
            t.touch()
        }
    }
}, (3));

// The issue's combination: an await in a guard, inside a loop, inside a
// match arm.
differential!(await_in_guard_inside_loop_inside_arm, (cmds: Vec<u32>, mode: u8) -> u32 {
    let d = D("d");
    let mut total = 0;
    match mode {
        0 => {
            for c in cmds {
                match c {
                    k if leaf("small", k < 3).await => total += k,
                    k if k > 8 => break,
                    k => total += leaf("big", k).await,
                }
            }
        }
        _ => total = 1,
    }
    d.touch();
    total
}, (vec![1, 5, 2, 9, 4], 0));

// ---- `.await` in the `else` of a `let ... else` ----

// As in rustc, the unmatched value and the initializer's temporaries drop
// before the `else` block runs.
differential!(let_else_awaits_in_else, (ok: bool) -> u32 {
    let d = D("d");
    let Ok(v) = leaf("make", if ok { Ok(D("ok")) } else { Err(D("err")) }).await else {
        let inner = D("inner");
        leaf("in else", 1).await;
        return 7;
    };
    v.touch();
    leaf("after", 2).await
}, (false));

differential!(let_else_awaits_in_else_matched, (ok: bool) -> u32 {
    let d = D("d");
    let Ok(v) = leaf("make", if ok { Ok(D("ok")) } else { Err(D("err")) }).await else {
        leaf("in else", 1).await;
        return 7;
    };
    v.touch();
    leaf("after", 2).await
}, (true));

differential!(let_else_await_then_continue, (items: Vec<u32>) -> u32 {
    let d = D("d");
    let mut total = 0;
    for i in items {
        let held = D("held");
        let Some(half) = (i % 2 == 0).then_some(i / 2) else {
            total += leaf("odd", i).await;
            continue;
        };
        total += half;
    }
    d.touch();
    total
}, (vec![1, 2, 3, 4]));

// ---- `.await` in the place of an assignment ----

// rustc evaluates the value first, then the place; the place's temporaries
// (a guard, say) live to the end of the statement.
differential!(await_in_assignment_place, (n: u32) -> Vec<u32> {
    let d = D("d");
    let mut v = vec![0, 0, 0];
    v[leaf("index", 1usize).await] = leaf("value", n).await;
    let cell = std::cell::RefCell::new(vec![D("old")]);
    leaf("guard", cell.borrow_mut()).await[0] = D("new");
    *leaf("boxed", Box::new(D("boxed old"))).await = D("boxed new");
    d.touch();
    v
}, (5));

// ---- `.await` in the arguments of formatting macros ----

// Arguments are evaluated in order; a temporary made before an await lives
// to the end of the statement, as rustc keeps it.
differential!(await_in_format_macro_arguments, (n: u32) -> String {
    use std::fmt::Write as _;
    let d = D("d");
    let name = String::from("x");
    let s = format!("{} {} {n} {label}", name, leaf("one", n).await, label = leaf("two", "lbl").await);
    println!("{}", leaf("three", 3).await);
    let mut out = String::new();
    write!(out, "{}-{}", D("temp").touch(), leaf("four", 4).await).unwrap();
    d.touch();
    s + &out + &name
}, (7));

// A parameter as the scrutinee, bound by value in the chosen arm; a `ref`
// binding is a reference in the guard already.
differential!(await_in_match_guard_on_parameter, (msg: Option<String>) -> String {
    let d = D("d");
    match msg {
        Some(ref s) if leaf("short", s.len() < 3).await => String::from("short"),
        Some(s) if leaf("check", s.starts_with('h')).await => s,
        Some(s) => s + "!",
        None => String::new(),
    }
}, (Some(String::from("hello"))));

// Or-patterns that bind, in a match whose arms await and in one whose guard
// awaits.
differential!(or_pattern_bindings_with_awaits, (v: Result<u32, u32>) -> u32 {
    let d = D("d");
    let a = match v {
        Ok(x) | Err(x) => leaf("arm", x).await,
    };
    let b = match v {
        Ok(x) | Err(x) if leaf("guard", x > 1).await => x,
        _ => 0,
    };
    d.touch();
    a + b
}, (Err(3)));

// Probes: `else if let` chains, slice patterns and labeled breaks with values
// around awaits.
differential!(else_if_let_chain_slices_and_labeled_values, (v: Vec<D>, k: u32) -> u32 {
    let d = D("d");
    let first = if let [head, ..] = &v[..] {
        head.touch();
        leaf("head", 1).await
    } else if let Some(last) = v.last() {
        last.touch();
        leaf("last", 2).await
    } else {
        0
    };
    let found = 'search: {
        for (i, item) in v.iter().enumerate() {
            if leaf("probe", i as u32 == k).await {
                item.touch();
                break 'search i as u32 + 10;
            }
        }
        leaf("none", 99).await
    };
    let tail = match &v[..] {
        [a, b, rest @ ..] => {
            a.touch();
            leaf("pair", rest.len() as u32).await + b.touch().len() as u32
        }
        _ => 0,
    };
    tail + first + found + d.touch().len() as u32
}, (vec![D("p"), D("q"), D("r")], 1));

// A cast reads a slot's value and leaves it there, since what `as` takes has
// no drop glue: a loop index kept in place beside a borrowed item, and a
// field-less enum (not `Copy`) borrowed across an await.
differential!(cast_of_slot_locals, (v: Vec<D>) -> u32 {
    enum Level {
        Low = 1,
        High = 7,
    }
    let d = D("d");
    let mut sum = 0;
    for (i, item) in v.iter().enumerate() {
        sum += leaf("index", i as u32).await;
        item.touch();
        sum += i as u32 * 10;
    }
    let level = if sum > 5 { Level::High } else { Level::Low };
    let r = &level;
    leaf("level", ()).await;
    if let Level::High = r {
        sum += 100;
    }
    sum + level as u32 + d.touch().len() as u32
}, (vec![D("p"), D("q")]));

// A guard that awaits, on a `match` of a shared reference: the bindings are
// references by the default binding mode, in the guard and in the arm, and
// the matched value stays in place while the guard is suspended.
differential!(awaiting_guard_on_a_shared_reference, (v: Option<D>, k: u32) -> u32 {
    let d = D("d");
    let total = match &v {
        Some(x) if leaf("first", x.touch().len() as u32 == k).await => 10,
        Some(D(name)) if leaf("second", name.len() as u32 > k).await => {
            leaf("arm", ()).await;
            name.len() as u32
        }
        None => 1,
        _ => 2,
    };
    d.touch();
    let rest = match v {
        Some(x) => x.into_name().len() as u32,
        None => 0,
    };
    total + rest
}, (Some(D("abc")), 1));

// The same on a slice of a local and on a field through `&`, with `&`
// patterns that copy and a guard that awaits twice.
differential!(awaiting_guard_on_a_borrowed_slice, (v: Vec<u32>, pair: (D, u32)) -> u32 {
    let d = D("d");
    let head = match &v[..] {
        [first, .., last] if leaf("ends", first < last).await && leaf("again", true).await => {
            first + last
        }
        &[only] if leaf("only", only > 1).await => only,
        _ => 0,
    };
    let tail = match &pair.1 {
        n if leaf("field", *n == 7).await => pair.0.touch().len() as u32 + n,
        _ => 1,
    };
    d.touch();
    head + tail + v.len() as u32
}, (vec![3, 4, 9], (D("pair"), 7)));

// On `&mut`: the guard reads through the bindings, the chosen arm writes.
differential!(awaiting_guard_on_a_mutable_reference, (v: Vec<D>, k: u32) -> u32 {
    let d = D("d");
    let mut counts = vec![k, k + 1, k + 2];
    let mut v = v;
    let picked = match &mut counts[..] {
        [first, .., last] if leaf("ends", *first + *last > 10).await => {
            *last += 100;
            *first
        }
        [first, rest @ ..] if leaf("rest", rest.len() as u32 == 2).await => {
            *first += 1;
            leaf("arm", ()).await;
            rest[0]
        }
        _ => 0,
    };
    let named = match &mut v {
        list if leaf("list", list.len() == 2).await => {
            list.push(D("pushed"));
            list.len() as u32
        }
        _ => 0,
    };
    let made = match &mut vec![D("made")] {
        list if leaf("made", list.len() == 1).await => {
            list.push(D("more"));
            list.len() as u32
        }
        _ => 0,
    };
    d.touch();
    picked + named + made + counts.iter().sum::<u32>() + v.len() as u32
}, (vec![D("p"), D("q")], 1));

// `?` in a guard that awaits, and an awaiting guard inside an arm of another.
differential!(question_mark_and_nesting_in_awaiting_guards, (v: Vec<u32>) -> Result<u32, u32> {
    let d = D("d");
    let mut total = 0;
    for x in v {
        total += match x {
            n if leaf("ok", if n < 9 { Ok(n > 2) } else { Err(n) }).await? => match n % 2 {
                0 if leaf("even", true).await => n * 10,
                m => m + 100,
            },
            n => n,
        };
    }
    d.touch();
    Ok(total)
}, (vec![1, 4, 5, 9, 2]));

// A binding by value that the arm's await borrows stays in place: the
// `match` arm, the `if let`, the `while let` and the arm after an awaiting
// guard, each holding values that log their drops.
differential!(bindings_borrowed_by_the_arms_await, (v: Vec<Option<D>>) -> usize {
    let d = D("d");
    let mut v = v;
    let mut total = 0;
    match v.pop() {
        Some(Some(s)) => total += leaf("arm", &s).await.touch().len(),
        _ => {}
    }
    if let Some(Some(s)) = v.pop() {
        let before = D("before");
        total += leaf("if let", &s).await.touch().len();
    }
    while let Some(Some(mut s)) = v.pop() {
        s.0 = "renamed";
        total += leaf("while let", &s).await.touch().len();
    }
    match Some(D("guarded")) {
        Some(g) if leaf("guard", g.0.len() > 3).await => {
            total += leaf("guarded arm", &g).await.touch().len();
        }
        _ => {}
    }
    d.touch();
    total
}, (vec![Some(D("w1")), Some(D("w2")), None, Some(D("if")), Some(D("m"))]));

// Field shorthand in patterns (`P { a, n }`) of arms that await, with and
// without a guard, and under a reference.
differential!(struct_field_shorthand_in_awaiting_arms, (n: u32) -> u32 {
    struct P {
        a: D,
        n: u32,
    }
    let d = D("d");
    let p = P { a: D("a"), n };
    let first = match p {
        P { a, n } => leaf("a", a.touch().len() as u32).await + n,
    };
    let q = Some(P { a: D("q"), n: n + 1 });
    let second = if let Some(P { n, .. }) = &q { leaf("q", *n).await } else { 0 };
    let third = match q {
        Some(P { ref a, n }) if leaf("len", a.touch().len() as u32).await > 0 => n,
        _ => 0,
    };
    d.touch();
    first + second + third
}, (3));

// `?` and a consuming method on an awaited value inside an expression with
// a later await: the value is taken there and not carried past the next
// await. The error path returns from the middle of the expression.
differential!(try_and_consuming_methods_mid_expression, (n: u32) -> Result<u32, u32> {
    let d = D("d");
    let sum = leaf("a", Ok::<u32, u32>(n)).await? + leaf("b", Ok::<u32, u32>(1)).await?;
    let pair = (leaf("c", Ok::<u32, u32>(2)).await?, leaf("e", D("e")).await.into_name().len() as u32);
    let kept: Result<u32, u32> = Ok(3);
    let third = kept? + leaf("f", 4).await;
    let bytes = leaf("g", String::from("xy")).await.into_bytes().len() as u32 + leaf("h", 1).await;
    let failed = leaf("i", if n > 5 { Err(n) } else { Ok(0) }).await? + leaf("j", 1).await;
    d.touch();
    Ok(sum + pair.0 + pair.1 + third + bytes + failed)
}, (7));

// `vec![..]` moves its elements: they are not carried past the next await
// (nor dropped again), in both forms of the macro.
differential!(values_moved_into_vec_macro, (n: u32) -> usize {
    let d = D("d");
    let a = D("a");
    let b = D("b");
    let listed = vec![a, b];
    let text = String::from("filled");
    let filled = vec![text; 2];
    leaf("after", n).await;
    let c = D("c");
    let more = vec![c];
    leaf("again", 1).await;
    listed.len() + filled.len() + more.len()
}, (3));

// `pin!` pins its value for the rest of the block: held across awaits, the
// value stays in place, polled in part before an await and finished after
// it, and drops where rustc drops it (after the binding, before the locals
// declared earlier).
differential!(pin_macro_held_across_awaits, (n: u32) -> u32 {
    use std::future::Future as _;
    let d = D("d");
    let mut fut = std::pin::pin!(async {
        let inner = D("inner");
        leaf("first half", n).await + leaf("second half", 1).await + inner.touch().len() as u32
    });
    let mut early = None;
    std::future::poll_fn(|cx| {
        if let std::task::Poll::Ready(v) = fut.as_mut().poll(cx) {
            early = Some(v);
        }
        log(format!("polled: ready {}", early.is_some()));
        std::task::Poll::Ready(())
    })
    .await;
    let between = leaf("between", 2).await;
    let later = D("later");
    let done = match early {
        Some(v) => v,
        None => fut.await,
    };
    let pinned_unused = std::pin::pin!(D("pinned value"));
    leaf("after", ()).await;
    pinned_unused.touch();
    done + between + later.touch().len() as u32 + d.touch().len() as u32
}, (3));

// `pin!` used as a value: its temporary is polled in place and lives to the
// end of the statement, across the statement's later awaits (E0716 before).
differential!(pin_macro_used_as_a_value, (n: u32) -> u32 {
    use std::pin::pin;
    let d = D("d");
    let a = pin!(leaf("direct", n)).await + leaf("same statement", 1).await;
    let fut = leaf("local", D("moved in"));
    let b = std::convert::identity(pin!(fut)).await.touch().len() as u32;
    let c = std::convert::identity(std::pin::pin!(leaf("argument", 2))).await
        + leaf("after the argument", 3).await;
    d.touch();
    a + b + c
}, (3));

// A guard reads the locals it names in the block of the lowered `match`:
// here `k` of the inner scope, which must reach the guard's block (it was
// not counted as read there, and the outer `k` was read instead).
differential!(guard_reads_a_shadowing_local, (n: usize) -> usize {
    let d = D("d");
    let k = 1usize;
    let r = {
        let k = 10usize;
        let first = match leaf("scrutinee", n).await {
            v if v < k => {
                leaf("arm", ()).await;
                10
            }
            _ => 1,
        };
        leaf("between", ()).await;
        let mut looped = 0;
        for i in 0..3usize {
            match i {
                j if j + k > 11 => {
                    leaf("in loop", ()).await;
                    looped += 1;
                }
                _ => {}
            }
        }
        first + looped
    };
    r * 1000 + k + d.touch().len()
}, (4));

// Assigning to a local that may have been moved drops its old value at the
// assignment, after the new value is evaluated, as rustc does (it dropped
// at the end of the scope or at the next await): one assignment, two in a
// row, in a loop, and with an awaited value.
differential!(assignment_after_a_conditional_move, (c: bool) -> usize {
    let d = D("d");
    let mut s = D("s1");
    if c {
        drop(s);
    }
    leaf("first", ()).await;
    s = D("s2");
    log("assigned s2");
    let mut t = D("t1");
    if c {
        drop(t);
    }
    t = D("t2");
    t.touch();
    t = D("t3");
    log("assigned t3");
    let mut u = D("u1");
    if c {
        drop(u);
    }
    let mut i = 0;
    loop {
        u = D("in loop");
        log("assigned u");
        i += 1;
        if i == 2 {
            break;
        }
    }
    let mut w = D("w1");
    if c {
        drop(w);
    }
    w = leaf("awaited", D("w2")).await;
    log("assigned w2");
    leaf("last", ()).await;
    s.touch().len() + t.touch().len() + u.touch().len() + w.touch().len() + d.touch().len()
}, (false));

// A `match` whose guard awaits tests its arms in blocks of their own; the
// bindings of an arm without a guard, or with one that does not await,
// hide the locals of the same names that the test's edge carries on.
differential!(guard_match_bindings_shadow_carried_locals, (n: u32) -> usize {
    fn use_it(d: &D) -> usize {
        d.touch().len()
    }
    let d = n as usize;
    let k = n + 1;
    let e = use_it(match &D("g") {
        d if leaf("guard", n > 5).await => d,
        d if k > 100 => d,
        d => d,
    });
    d + e + k as usize
}, (1));

// `return` and `?` inside a closure or an `async` block that is not `move`
// leave the closure or the block, not the body: they stay as written.
differential!(return_and_question_mark_inside_closures_and_async_blocks, (xs: Vec<u32>) -> u32 {
    let d = D("d");
    let half = |x: u32| {
        if x == 0 {
            return 1;
        }
        x / 2
    };
    let decremented: Vec<u32> = xs
        .iter()
        .filter_map(|x| {
            let y = x.checked_sub(1)?;
            Some(y * 2)
        })
        .collect();
    let first = leaf("first", half(xs[0])).await;
    let tried: Result<u32, u32> = async {
        let a = leaf("a", Err::<u32, u32>(first)).await?;
        Ok(a + 1)
    }
    .await;
    d.touch();
    first + decremented.iter().sum::<u32>() + tried.unwrap_or_else(|e| e * 10)
}, (vec![0, 1, 4]));

// A name after `.`, after `::`, as a struct literal's field label or as a
// macro's named argument is not the local of that name: `id` is moved into
// the first await and not used again, so the machine does not keep it.
differential!(field_labels_and_named_arguments_are_not_uses, (id: String, n: u32) -> String {
    #[derive(Debug)]
    struct Row {
        id: String,
        n: u32,
    }
    let d = D("d");
    let got = leaf("send", id).await;
    let row = Row { id: got, n };
    let n = leaf("n", row.n).await;
    let text = format!("{id}-{n}", id = row.id);
    leaf("text", ()).await;
    d.touch();
    text
}, (String::from("k"), 2));

// A `match` on a tuple built from a value and an await: the value is
// spilled before the await, then moved into the tuple, so it is not
// passed on to the arms as well.
differential!(match_on_a_tuple_of_a_value_and_an_await, (cmd: String) -> usize {
    let d = D("d");
    let first = match (cmd, leaf("n", 1u32).await) {
        (s, 1) => s.len(),
        _ => 0,
    };
    let second = match (D("x"), leaf("a", 1u32).await) {
        (_, 1) => 1,
        _ => 2,
    };
    d.touch();
    first + second
}, (String::from("xyz")));

// Each branch of an `if` or a `match` whose value a `let` annotates, or
// the body returns, is coerced to that type where the branches join, as
// rustc coerces it (`&String` to `&str`, `Box<u32>` to `Box<dyn Debug>`).
differential!(branch_values_coerced_to_the_expected_type, (n: u32) -> Box<dyn std::fmt::Debug> {
    let d = D("d");
    if n > 9 {
        return Box::new(leaf("early", 1u8).await);
    }
    let s = String::from("owned");
    let label: &str = if n > 1 { &s } else { leaf("l", "lit").await };
    let shown: Box<dyn std::fmt::Debug> = match n {
        0 => Box::new(leaf("zero", 0u8).await),
        _ => Box::new(label.len()),
    };
    d.touch();
    leaf("shown", format!("{shown:?}")).await;
    if n > 1 {
        Box::new(leaf("a", n).await)
    } else {
        Box::new("small")
    }
}, (3));

// A `let` from an `if` whose then branch awaits and whose `else` leaves
// the body: the `else` never reaches the join, whose value then has the
// awaited value's type (E0282 when the `else` counted as a predecessor).
differential!(let_from_an_if_whose_else_returns, (n: u32) -> usize {
    let d = D("d");
    let v = if n > 0 { leaf("a", D("x")).await } else { return 0 };
    let w = if n > 1 { leaf("b", D("y")).await } else { panic!("small") };
    d.touch();
    v.touch().len() + w.touch().len()
}, (2));

// A user macro may hide a `break` (the macro cannot see into it): the
// user's code of each arm is then in a labeled block, so such a `break`
// in a loop of a closure still leaves that loop, and one in a loop the
// machine lowers is E0695 (`ui/break_in_user_macro.rs`), not a jump out of
// the machine's own loop.
macro_rules! leave_loop {
    () => {
        break
    };
}
macro_rules! doubled {
    ($e:expr) => {
        $e * 2
    };
}
differential!(user_macros_in_a_loop_that_awaits, (n: u32) -> u32 {
    let d = D("d");
    let mut k = 0;
    let mut count = || {
        for i in 0..10 {
            if i == n {
                leave_loop!();
            }
            k += 1;
        }
    };
    count();
    loop {
        if k > 2 {
            leaf("x", ()).await;
        }
        k += doubled!(1);
        if k > 6 {
            break;
        }
    }
    d.touch();
    k
}, (3));

// `?`, `return`, `break` and `continue` inside the arguments of macros the
// machine reads (`format!`, `assert!`, `vec!`, ...) leave the body, not
// the step function: before, each was a type error (`?` converting into
// the machine's `Pending`).
differential!(exits_inside_format_and_assert_arguments, (r: Result<u32, u32>, n: u32) -> Result<usize, u32> {
    let d = D("d");
    leaf("x", ()).await;
    let label = format!("{}-{}", D("t").touch(), r?);
    assert!(r? < 100, "{}", r?);
    let mut parts = vec![r?, n];
    for i in 0..4u32 {
        parts.push(format!("{}", if i == n { continue } else { i }).len() as u32);
        if i == 3 {
            log(&format!("{}", if n > 1 { break } else { i }));
        }
    }
    let total = leaf("y", parts.len()).await;
    d.touch();
    Ok(label.len() + total + format!("{}", if n > 5 { return Err(n) } else { n }).len())
}, (Ok(3), 1));

differential!(question_mark_inside_format_arguments_returns, (r: Result<u32, u32>) -> Result<usize, u32> {
    let d = D("d");
    leaf("x", ()).await;
    let label = format!("{}-{}", D("t").touch(), r?);
    d.touch();
    Ok(label.len())
}, (Err(4)));

// The same beside an awaited argument, which the machine lowers.
differential!(exits_beside_an_awaited_format_argument, (r: Result<u32, u32>, n: u32) -> Result<usize, u32> {
    let d = D("d");
    let s = format!("{}-{}-{}", r?, leaf("x", n).await, if n > 3 { return Err(n) } else { n });
    d.touch();
    Ok(s.len())
}, (Ok(3), 4));

// A branch whose value is a `return` never reaches the join of an `if` or
// `match` that an awaiting statement lowers: in edition 2021 the join took
// the `return`'s `!`, which falls back to `()` there (E0605/E0277).
differential!(returning_branch_values_in_awaiting_statements, (r: Option<u32>, n: u32) -> Result<u32, u32> {
    let d = D("d");
    let a = (leaf("x", n).await, if n > 3 { return Err(n) } else { n });
    let b = (leaf("y", n).await, match r { Some(v) => v, None => return Err(0) });
    let c = (leaf("z", n).await, if n <= 3 { n + 1 } else { return Err(n) });
    d.touch();
    Ok(a.1 + b.1 + c.1)
}, (Some(2), 1));

// The same inside nested formatting macros, `vec![value; n]`, a labeled
// block and a loop inside the arguments (whose own `break`s stay theirs).
differential!(exits_in_nested_and_repeated_macro_arguments, (r: Result<u32, u32>, n: u32) -> Result<usize, u32> {
    let d = D("d");
    leaf("x", ()).await;
    let a = format!("{}", format!("<{}>", r?));
    let b = vec![r?; 2];
    let c = format!("{}", 'b: {
        if n > 5 {
            break 'b 5;
        }
        r?
    });
    let e = format!("{}", loop {
        break r? + n;
    });
    let f = format!("{}", {
        assert!(r? < 10);
        2
    });
    leaf("y", ()).await;
    d.touch();
    Ok(a.len() + b.len() + c.len() + e.len() + f.len())
}, (Ok(3), 1));

differential!(question_mark_in_a_nested_format_returns, (r: Result<u32, u32>) -> Result<usize, u32> {
    let d = D("d");
    leaf("x", ()).await;
    let a = format!("{}-{}", D("t").touch(), format!("<{}>", r?));
    d.touch();
    Ok(a.len())
}, (Err(2)));

// Bindings of other names inside macro arguments (a `match` arm, `ref`, a
// `matches!` pattern, nested macros) beside a local kept in place, which
// the arguments also name: the local is read in place, the bindings are
// their own.
differential!(macro_argument_bindings_beside_a_kept_local, (n: u32) -> usize {
    let x = n;
    let r = &x;
    let d = D("d");
    leaf("a", ()).await;
    let v = vec![match 40u32 { y => y + x }; 2];
    let w = format!("{}", format!("{}-{}", x, { let ref y = 40u32; y + 1 }));
    let m = matches!(Some(3u32), Some(y) if y > x);
    leaf("b", ()).await;
    d.touch();
    v[0] as usize + w.len() + *r as usize + m as usize
}, (1));

// A loop over a borrowed collection whose only await is inside a
// formatting macro's arguments: the item borrowed there is held across the
// await, so the collection and the iterator stay in place (they were moved
// with the state: E0505 and E0597).
differential!(awaits_only_inside_format_arguments_in_a_loop, (n: u32) -> usize {
    let v = vec![D("a"), D("b")];
    for x in v.iter() {
        log(&format!("{}-{}", x.touch(), leaf("i", n).await));
    }
    for x in v.iter() {
        println!("{}-{}", x.touch(), leaf("j", n).await);
    }
    v.len()
}, (1));

macro_rules! show_first {
    ($x:ident) => {
        log(format!("{}", $x.0.touch()))
    };
}

// A local declared without a value, named in a user macro after an
// assignment in the same block: initialized there already, so the macro
// may use it (one that may assign it first is refused,
// `ui/let_assigned_by_a_user_macro.rs`).
differential!(let_without_value_in_a_user_macro_after_its_assignment, (n: usize) -> usize {
    let pair;
    pair = (D("p"), n);
    show_first!(pair);
    leaf("first", ()).await;
    pair.1
}, (4));

// A `let x;` local assigned inside an operand evaluated whenever its
// statement is (a call's argument): initialized there, so kept to the end
// of its scope (it was taken for uninitialized and dropped at the await).
differential!(let_without_value_assigned_inside_a_call_argument, (n: usize) -> usize {
    let a;
    let b;
    let k = std::convert::identity({ a = D("a"); 3 }) + std::cmp::max({ b = D("b"); 1 }, n);
    a.touch();
    leaf("x", ()).await;
    b.touch();
    k + n
}, (4));

// A local assigned in one call operand and moved by a later one: moved,
// as before assignments inside operands were read (a probe found E0382).
differential!(assigned_in_an_operand_then_moved_by_a_later_one, (n: u32) -> u32 {
    fn pair(x: u32, y: &'static str) -> u32 {
        x + y.len() as u32
    }
    let mut a = D("a0");
    a.touch();
    let k = pair({ a = D("a1"); n }, a.into_name());
    leaf("one", ()).await;
    log(String::from("after"));
    k
}, (3));

// A `let x;` local assigned in one branch of an `if` whose other branch
// always leaves (`panic!`, `return`): initialized after the `if`, so kept
// to the end of its scope (it dropped at the await, a probe found).
differential!(let_without_value_assigned_beside_a_leaving_branch, (n: u32) -> u32 {
    let a;
    if n > 0 {
        a = D("a");
    } else {
        panic!("no");
    }
    let b;
    if n == 0 {
        return 0;
    } else {
        b = D("b");
    }
    a.touch();
    b.touch();
    leaf("one", ()).await;
    log(String::from("after"));
    n
}, (3));

// A `let x;` local assigned in a `loop` or a labeled block before the
// statement that breaks out of it: assigned whenever the code after it
// runs, so kept to the end of its scope (it dropped at the await).
differential!(let_without_value_assigned_before_a_break, (n: u32) -> u32 {
    let a;
    loop {
        a = D("a");
        log(String::from("in the loop"));
        break;
    }
    let b;
    'block: {
        b = D("b");
        if n > 1 {
            break 'block;
        }
        log(String::from("not broken"));
    }
    a.touch();
    b.touch();
    leaf("one", ()).await;
    log(String::from("after"));
    n
}, (3));

// A `let x;` local assigned inside an expression the machine emitted as
// written (a condition, an operand, a labeled block, a loop's break value,
// a nested assignment, one branch of an `if`), then held across an await:
// rustc drops it at the end of its scope, behind a drop flag where only
// some paths assign it. The machine saw no assignment there and dropped it
// at the await (a probe's finding). Such an expression is now lowered, so
// each path's assignment is seen.
differential!(let_without_value_assigned_inside_expressions, (c: bool, n: u32) -> u32 {
    let maybe;
    if c {
        maybe = D("maybe");
        maybe.touch();
    }
    let in_condition;
    if { in_condition = D("condition"); c } {
        log("then");
    }
    let in_operand;
    let range = { in_operand = D("operand"); 0 }..n;
    let labeled;
    'b: {
        if c {
            labeled = D("labeled1");
            break 'b;
        }
        labeled = D("labeled2");
    }
    let in_break;
    let k = loop {
        break { in_break = D("break"); n };
    };
    let (outer, inner);
    outer = { inner = D("inner"); D("outer") };
    let in_a_short_circuit;
    if n > 1 && { in_a_short_circuit = D("short"); true } {
        in_a_short_circuit.touch();
    }
    let in_an_awaiting_statement;
    let pair = (leaf("y", n).await, { in_an_awaiting_statement = D("awaiting"); 1 });
    leaf("x", ()).await;
    in_an_awaiting_statement.touch();
    log("end");
    in_condition.touch();
    in_operand.touch();
    in_break.touch();
    outer.touch();
    inner.touch();
    range.len() as u32 + k + labeled.touch().len() as u32 + pair.0 + pair.1
}, (true, 2));

// A `let x;` local assigned in a loop without an await, before its `break`
// (with a `return` beside it): the machine passed the local on without
// declaring it (E0425, a probe's finding); the loop is now lowered.
differential!(let_without_value_assigned_in_a_loop_that_does_not_await, (n: u32) -> u32 {
    let a;
    let mut i = 0;
    loop {
        i += 1;
        if i > 5 {
            return 9;
        }
        if i > n {
            a = D("a");
            break;
        }
    }
    leaf("x", ()).await;
    log("end");
    a.touch();
    i
}, (2));

// A `let mut x;` local assigned on each round of a loop that awaits, and
// in a loop's condition: its drop flag holds a value that may hold a
// borrow in a `Dead`, and each assignment drops the old value first, as in
// rustc. The assignment expected the flag to hold the value itself (E0308
// on `Dead<T>`).
differential!(let_without_value_reassigned_in_loops_that_await, (n: u32) -> u32 {
    let mut a;
    for i in 0..n {
        a = D("a");
        a.touch();
        leaf("x", i).await;
    }
    let mut b;
    b = D("b0");
    b.touch();
    let mut k = 0;
    while { b = D("b"); k < n } {
        b.touch();
        k += 1;
        leaf("y", k).await;
    }
    b.touch();
    n + k
}, (3));

// A `let x;` local borrowed across an await: kept in a slot, empty until
// an assignment fills it (dropping an old value), as a `let x = v` is. It
// was moved between states while borrowed (E0505, E0597).
differential!(let_without_value_borrowed_across_an_await, (c: bool, n: u32) -> usize {
    let items;
    items = vec![D("a1"), D("a2")];
    for item in items.iter() {
        leaf("item", ()).await;
        item.touch();
    }
    let maybe;
    if { maybe = D("maybe"); c } {
        log("then");
    }
    let r = &maybe;
    leaf("r", ()).await;
    r.touch();
    let later;
    leaf("before", ()).await;
    later = vec![D("l1"), D("l2"), D("l3")];
    let tail = &later[1..];
    leaf("after", n).await;
    let mut again;
    again = D("again1");
    again.touch();
    again = D("again2");
    let view = &again;
    leaf("again", ()).await;
    view.touch();
    items.len() + tail.len()
}, (true, 2));

// A local assigned the value of a `match` or `if let` on itself whose arm
// takes it whole and awaits (a state machine's `st = match st { .. }`):
// the assignment comes after the arm's moves (E0382 before; probe F).
differential!(local_reassigned_from_a_match_on_itself_whose_arm_awaits, (n: u32) -> u32 {
    let mut st = Some(D("job"));
    st = match st {
        Some(job) => {
            leaf("work", ()).await;
            job.touch();
            Some(D("next"))
        }
        None => None,
    };
    leaf("after", ()).await;
    let mut state = if n > 0 { Ok(D("ok")) } else { Err(D("err")) };
    for round in 0..3u32 {
        state = match state {
            Ok(d) if round < 2 => {
                let r = leaf("round", round).await;
                d.touch();
                Ok(D(["r0", "r1", "r2"][r as usize]))
            }
            Ok(d) => Err(d),
            Err(e) => Err(e),
        };
    }
    st = if let Some(job) = st {
        leaf("again", ()).await;
        job.touch();
        None
    } else {
        Some(D("else"))
    };
    leaf("end", ()).await;
    n + u32::from(st.is_some()) + u32::from(state.is_ok())
}, (1));

// Compound assignments to places other than a plain local path whose value
// awaits: rustc evaluates a built-in operator's value first (its await), then
// the place (`indexed(..)` logs when), the index's temporaries dropping at
// the end of the statement; a value that changes the index (`i += 2`) moves
// the place. The never-run copy checks the operands are primitive. Each was
// refused at the parent.
differential!(compound_assignments_to_indexed_places_whose_value_awaits, (n: u32) -> u32 {
    let d = D("d");
    let mut v = vec![1u32, 2, 3, 4];
    v[indexed(1, "a").get()] += leaf("add", n).await;
    let mut i = 0;
    v[indexed(i, "b").get()] -= {
        i += 2;
        leaf("sub", 1u32).await
    };
    log(format!("i {i}"));
    let mut grid = vec![vec![1u64; 3]; 2];
    grid[indexed(1, "row").get()][indexed(2, "column").get()] *= leaf("mul", 3u64).await;
    *v.last_mut().unwrap() <<= leaf("shift", 2u32).await;
    let mut counts = [0usize; 3];
    for k in 0..3usize {
        counts[indexed(k % 2, "count").get()] += leaf("count", k).await;
    }
    let mut m = std::collections::BTreeMap::new();
    *m.entry(indexed(7, "key").get()).or_insert(0u32) += leaf("entry", 5u32).await;
    let r = &v;
    leaf("borrow", ()).await;
    log(format!("{r:?} {grid:?} {counts:?} {m:?}"));
    let mut flags = [false; 2];
    flags[indexed(0, "flag").get()] |= leaf("flag", true).await;
    v[0] + u32::from(flags[0])
}, (2));

/// Numbers whose `Index` and `IndexMut` log each call.
pub struct LoggedNumbers(pub Vec<u32>);

impl std::ops::Index<usize> for LoggedNumbers {
    type Output = u32;
    fn index(&self, i: usize) -> &u32 {
        log(format!("index {i}"));
        &self.0[i]
    }
}

impl std::ops::IndexMut<usize> for LoggedNumbers {
    fn index_mut(&mut self, i: usize) -> &mut u32 {
        log(format!("index_mut {i}"));
        &mut self.0[i]
    }
}

// More places of compound assignments whose value awaits (probe R): a user's
// logged `IndexMut`, called after the value's awaits; a `RefCell` guard made
// in the place after the await; a value that pushes to the vector and moves
// the index; a value that reassigns the reference a dereference goes through
// (checked, as the place changes); a value that breaks out of the loop after
// its await; the assignment as a value.
differential!(compound_assignments_to_places_made_after_their_value_awaits, (n: u32) -> u32 {
    let d = D("d");
    let mut nums = LoggedNumbers(vec![1, 2, 3]);
    nums[indexed(2, "i").get()] += leaf("a", n).await + leaf("b", 1u32).await;
    let cell = std::cell::RefCell::new(vec![1u32, 2]);
    cell.borrow_mut()[indexed(0, "c").get()] += leaf("c", n).await;
    let mut v = vec![1u32];
    // Read only after the value assigns it: the place comes second.
    #[allow(unused_assignments)]
    let mut i = 0;
    v[{ log("index of v"); i }] += {
        v.push(9);
        i = v.len() - 1;
        leaf("p", n).await
    };
    log(format!("i {i}"));
    let (mut a, mut b) = (1u32, 100u32);
    {
        #[allow(unused_assignments)]
        let mut r = &mut a;
        *r += {
            r = &mut b;
            leaf("r", n).await
        };
        log(format!("r {r}"));
    }
    let mut w = vec![0u32; 3];
    let mut k = 0;
    loop {
        w[indexed(k % 3, "w").get()] += {
            let more = leaf("more", k < 2).await;
            if !more {
                break;
            }
            k += 1;
            1
        };
    }
    let unit = { v[indexed(0, "u").get()] += leaf("u", n).await };
    log(format!("{unit:?}"));
    nums.0[2] + cell.borrow()[0] + v[0] + v[1] * 10 + a * 1000 + b + w[0] + w[1]
}, (2));
