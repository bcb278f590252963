// Temporaries whose drop point differs between editions: tail expressions
// and `if let` scrutinees.

differential!(tail_temporary_vs_locals, (n: u32) -> usize {
    let d = D("local");
    leaf("n", n).await;
    D("tail temp").touch().len()
}, (3));

differential!(tail_temporary_of_block_value, (n: u32) -> usize {
    let d = D("outer");
    let v = {
        let inner = D("inner");
        leaf("n", n).await;
        D("block tail temp").touch().len()
    };
    v
}, (3));

differential!(if_let_scrutinee_temporary, (n: u32) -> u32 {
    let d = D("d");
    if let Some(x) = D("scrutinee temp").touch().get(0..1).map(|_| n) {
        leaf("then", x).await
    } else {
        leaf("else", 0).await
    }
}, (3));

differential!(if_let_scrutinee_temporary_else_branch, (n: u32) -> u32 {
    let d = D("d");
    if let Some(x) = D("scrutinee temp").touch().get(5..6).map(|_| n) {
        leaf("then", x).await
    } else {
        log("else runs");
        leaf("else", 0).await
    }
}, (3));

differential!(match_scrutinee_temporary, (n: u32) -> u32 {
    let d = D("d");
    match D("match temp").touch().len() as u32 + n {
        0 => 0,
        k => leaf("arm", k).await,
    }
}, (3));

differential!(if_branch_tail_temporary, (c: bool) -> usize {
    let d = D("d");
    let v = if c {
        let inner = D("inner");
        leaf("x", ()).await;
        D("if tail temp").touch().len()
    } else {
        0
    };
    v
}, (true));

differential!(match_arm_tail_temporary, (n: u32) -> usize {
    let d = D("d");
    let v = match n {
        0 => 0,
        _ => {
            let inner = D("inner");
            leaf("x", ()).await;
            D("arm tail temp").touch().len()
        }
    };
    v
}, (1));

differential!(loop_break_value_temporary, (n: u32) -> usize {
    let d = D("d");
    let v = loop {
        let inner = D("inner");
        leaf("x", n).await;
        break D("break temp").touch().len();
    };
    v
}, (1));

// A temporary that the awaited call borrows as an argument lives to the end
// of the statement, across the await: it stays in place while the future
// holds the borrow, and drops after the statement's value is used, the
// later temporary first (or with the machine, when dropped at the await).
differential!(awaited_call_borrows_temporaries, (n: u32) -> usize {
    fn pick<'a>(first: &'a D, _second: &'a D) -> &'a D {
        first
    }
    let d = D("d");
    let one = leaf("one", &D("one temp")).await.touch().len();
    log("between");
    let two = leaf("two", pick(&D("first temp"), &D("second temp"))).await.touch().len();
    d.touch();
    one + two + leaf("tail", &D("tail temp")).await.touch().len() + n as usize
}, (3));

// The extension reaches through derefs and fields: `&*v` and `&v.0` of an
// awaited value or a call extend that value, which drops just after the
// binding, as rustc drops it.
differential!(extended_through_deref_and_field, (n: u32) -> usize {
    let d = D("d");
    let s: &str = &*leaf("string", String::from("awaited")).await;
    let first: &D = &leaf("pair", (D("pair 0"), D("pair 1"))).await.0;
    let items: &[D] = &*vec![D("v0"), D("v1")];
    leaf("between", n).await;
    let later = D("later");
    leaf("again", ()).await;
    s.len() + first.touch().len() + items.len() + later.touch().len()
}, (3));

// The same with awaited values among the borrowed operands: each is moved
// into a slot before the call, the operands before it spilled in order.
differential!(awaited_call_borrows_awaited_values, (n: u32) -> usize {
    async fn both(a: &D, b: &D) -> usize {
        leaf("both", ()).await;
        a.touch().len() + b.touch().len()
    }
    fn pass(d: &D) -> &D {
        d
    }
    let d = D("d");
    let one = both(&D("first temp"), &leaf("awaited", D("awaited value")).await).await;
    log("between");
    let two = both(&leaf("awaited first", D("awaited first")).await, &D("later temp")).await;
    let three = both(pass(&leaf("inner", D("through a call")).await), &d).await;
    d.touch();
    one + two + three + both(&D("tail temp"), &leaf("tail", D("tail awaited")).await).await + n as usize
}, (3));

// `let r = &temporary;` extends the temporary to the end of the block,
// across the awaits after it; it drops just after `r`, before the locals
// declared earlier.
differential!(extended_temporary_across_await, (n: u32) -> usize {
    let d = D("d");
    let r = &D("extended");
    let sum = &(n + 1);
    let list = &mut vec![D("in list")];
    leaf("after", n).await;
    list.push(D("pushed"));
    let later = D("later");
    leaf("again", 1).await;
    r.touch().len() + *sum as usize + list.len()
}, (3));

// A borrow of an awaited value extends it to the end of the block, as a
// borrow of any temporary does: with no later await, and across one.
differential!(extended_awaited_value, (n: u32) -> usize {
    let d = D("d");
    let r = &leaf("first", D("first value")).await;
    let len = r.touch().len();
    let m = &mut leaf("second", vec![D("second value")]).await;
    m.push(D("pushed"));
    let later = D("later");
    leaf("between", n).await;
    len + m.len() + r.touch().len()
}, (3));

// The temporaries of a `for` loop's iterator expression live until the loop
// ends, after the iterator: here the iterator borrows them across the body's
// awaits (E0716 before they were kept in slots).
differential!(for_loop_over_a_borrowed_temporary, (n: usize) -> usize {
    let d = D("d");
    let mut total = 0;
    for item in vec![D("a"), D("b")].iter() {
        total += leaf("item", item.0.len()).await;
    }
    for (i, item) in vec![D("c"), D("e")].iter().enumerate() {
        item.touch();
        total += leaf("enumerated", i).await;
    }
    for item in &vec![D("f")] {
        total += leaf("referenced", item.touch().len()).await;
    }
    d.touch();
    total + n
}, (4));

differential!(for_loop_over_a_locked_guard, (n: usize) -> usize {
    let m = std::sync::Mutex::new(vec![D("m0"), D("m1")]);
    let mut total = 0;
    for item in m.lock().unwrap().iter() {
        log(format!("locked {}", m.try_lock().is_err()));
        total += leaf("item", item.0.len()).await;
    }
    log(format!("locked after {}", m.try_lock().is_err()));
    for c in format!("{n}{n}").chars() {
        total += leaf("char", c as usize).await;
    }
    total
}, (4));

differential!(for_loop_over_a_borrowed_awaited_value, (n: usize) -> usize {
    let d = D("d");
    let mut total = 0;
    for item in leaf("items", vec![D("a"), D("b")]).await.iter() {
        total += leaf("item", item.0.len()).await;
        if total > n {
            break;
        }
    }
    d.touch();
    total
}, (1));

// A block's value borrowed by an awaited call, with a later await in the
// statement: the block's value moves into the slot the call borrows, and is
// not carried again (E0382 before).
differential!(block_value_borrowed_by_an_awaited_call, (n: u32) -> u32 {
    let d = D("d");
    let a = std::convert::identity(&mut { leaf("block", n) }).await + leaf("same statement", 1).await;
    let b = std::convert::identity(&mut { leaf("block", D("in block")) }).await.touch().len() as u32
        + leaf("same statement", n).await;
    d.touch();
    a + b
}, (3));

// A `match` on a borrow of a temporary (a lock's guard, a `RefCell`'s
// `Ref`) whose arm awaits while its binding borrows that temporary: the
// temporary stays in place until the match ends, as rustc keeps it (E0505
// before).
differential!(match_on_a_borrowed_temporary_across_an_arms_await, (n: u32) -> u32 {
    let m = std::sync::Mutex::new(vec![n, 2]);
    let d = D("d");
    let r = match m.lock().unwrap().get(0) {
        Some(x) => leaf("arm", *x).await + *x,
        None => 0,
    };
    log(format!("locked after {}", m.try_lock().is_err()));
    let c = std::cell::RefCell::new(vec![D("c0")]);
    if let Some(x) = c.borrow().first() {
        leaf("if let", ()).await;
        x.touch();
    }
    log(format!("borrowed after {}", c.try_borrow_mut().is_err()));
    d.touch();
    r
}, (3));

// The temporaries of an `if` or `while` condition (or of an operand of its
// `&&`) that awaits, here `pin!`'s, drop before the branch runs, as rustc
// drops them (they were kept to the end of the `if` before).
differential!(condition_temporaries_drop_before_the_branch, (n: u32) -> u32 {
    use std::pin::pin;
    let d = D("d");
    let mut k = 0;
    if pin!(leaf("cond", n > 0)).await {
        k = leaf("then", 1).await;
    }
    while pin!(leaf("while cond", k < 3)).await {
        k += leaf("body", 1).await;
    }
    if n > 0 && std::convert::identity(pin!(leaf("rhs", true))).await {
        k += leaf("second then", 1).await;
    }
    d.touch();
    k
}, (1));

// The temporaries of an awaited expression's operands live to the end of
// the statement, after the await, as rustc keeps them: a value a method is
// called on, a borrowed one, one an accessor's result borrows (they dropped
// before the first poll before).
differential!(awaited_operand_temporaries_drop_after_the_await, (n: u32) -> usize {
    let a = leaf("a", D("called on").touch().len()).await;
    log("after a");
    let b = leaf("b", std::convert::identity(&D("borrowed")).0.len() > 1).await;
    log("after b");
    let c = leaf("c", String::from("xyz").as_str().len()).await + leaf("c2", 1).await;
    a + usize::from(b) + c + n as usize
}, (1));

// A temporary taken by `&mut self` (`Iterator::next`) in an awaited call's
// arguments or a scrutinee whose arms await, kept to the end of the
// statement: it is a mutable local of the machine.
differential!(temporaries_taken_by_mut_self, (n: usize) -> usize {
    let text = String::from("abc");
    let first = leaf("first", text.chars().next()).await;
    let k = match vec![D("v0"), D("v1")].iter().nth(n) {
        Some(d) => leaf("arm", d.touch().len()).await,
        None => 0,
    };
    usize::from(first.is_some()) + k
}, (1));

// Temporary receivers of the standard adaptors and consumers (`map`,
// `filter`, `sum`, ...) in a statement that awaits: each adaptor takes its
// receiver, so it is moved there, while the temporary that `iter` borrows
// is kept to the end of the statement, as rustc keeps it.
differential!(iterator_chains_in_awaiting_statements, (n: u32) -> u32 {
    let v = vec![D("a"), D("bb")];
    let a = leaf("a", vec![n, 2].iter().map(|x| x * 2).sum::<u32>()).await;
    let b = vec![D("c"), D("dd")]
        .iter()
        .map(|d| d.touch().len() as u32)
        .filter(|k| *k > 1)
        .sum::<u32>()
        + leaf("b", v.len() as u32).await;
    let c = leaf("c", Some(n)).await.map(|k| k + 1).unwrap_or(0) + leaf("c2", n).await;
    a + b + c
}, (3));

// A block receiver is a value the method takes (`{ b }.send()`), the way
// to call a builder's by-value method on a temporary in a statement that
// awaits.
differential!(braced_builder_receiver, (n: u32) -> u32 {
    struct Query {
        items: Vec<u32>,
        _log: D,
    }
    impl Query {
        fn bind(mut self, x: u32) -> Query {
            self.items.push(x);
            self
        }
        fn send(self) -> statemachine_tests::Leaf<u32> {
            leaf("send", self.items.iter().sum())
        }
    }
    let query = || Query { items: Vec::new(), _log: D("query") };
    { query().bind(n) }.send().await + leaf("after", 1).await
}, (3));

// Methods listed in `takes_self(..)` take their receiver, as a builder's
// do: a temporary receiver is moved into the call rather than kept to the
// end of the statement, a local one is moved rather than kept for its drop
// at a later await, and one in a slot is taken out of it first. Without the
// list, the chain is E0507 and the locals E0382 or E0507.
differential!(listed_methods_take_their_receiver, with(takes_self(bind, send, text)), (n: u32) -> u32 {
    struct Query {
        items: Vec<u32>,
        _log: D,
    }
    impl Query {
        fn bind(mut self, x: u32) -> Query {
            self.items.push(x);
            self
        }
        fn send(self) -> statemachine_tests::Leaf<Reply> {
            let sum = self.items.iter().sum();
            leaf("send", Reply { sum, _log: D("reply") })
        }
    }
    struct Reply {
        sum: u32,
        _log: D,
    }
    impl Reply {
        fn text(self) -> statemachine_tests::Leaf<u32> {
            leaf("text", self.sum)
        }
    }
    async fn count(query: &Query) -> usize {
        leaf("count", query.items.len()).await
    }
    let query = |name| Query { items: Vec::new(), _log: D(name) };
    let chained = query("chain").bind(n).bind(1).send().await.text().await;
    let local = query("local").bind(chained);
    let local = local.bind(2);
    let reply = local.send().await;
    leaf("between", 0).await;
    let kept = query("kept").bind(reply.sum);
    let counted = count(&kept).await as u32;
    let total = kept.send().await.text().await;
    leaf("after", 0).await;
    total + counted
}, (3));

// Temporaries of methods the macro does not know, in a `for` loop's
// iterator expression, a scrutinee whose arms await and an awaited call's
// arguments: each may be borrowed by what is held across the await (the
// iterator, the arm's bindings, the future), so it is kept in place to the
// end of the loop, the match or the statement, and drops there, as in rustc.
differential!(unknown_methods_borrowing_temporaries, (n: u32) -> usize {
    struct Bag {
        numbers: Vec<u32>,
        _log: D,
    }
    impl Bag {
        fn items(&self) -> std::slice::Iter<'_, u32> {
            self.numbers.iter()
        }
        fn lookup(&self, k: u32) -> Option<&u32> {
            self.numbers.iter().find(|x| **x == k)
        }
        fn all(&self) -> &[u32] {
            &self.numbers
        }
    }
    let bag = |name| Bag { numbers: vec![1, 2, 3], _log: D(name) };
    let mut total = 0;
    for x in bag("iterated").items() {
        total += leaf("item", *x as usize).await;
    }
    log("after the loop");
    for c in D("called on").touch().bytes() {
        total += leaf("byte", c as usize).await;
    }
    log("after the second loop");
    for d in [&D("listed")] {
        total += leaf("listed", d.touch().len()).await;
    }
    log("after the third loop");
    let found = match bag("scrutinee").lookup(n) {
        Some(x) => leaf("found", *x).await as usize,
        None => 0,
    };
    log("after the match");
    let held = leaf("held", bag("argument").all()).await.len();
    log("after the statement");
    total + found + held
}, (2));

// A `match` scrutinee's temporaries live to the end of the enclosing
// statement, not of the `match`: the `match`'s value may borrow them
// (`use_it(match &D("t") { d => d })`), and a later operand's temporaries
// drop before them. Two such matches in one statement keep theirs side by
// side.
differential!(match_scrutinee_temporaries_live_to_the_statements_end, (n: u32) -> usize {
    fn use_it(d: &D) -> usize {
        d.touch().len()
    }
    fn pick(d: &D, k: usize) -> usize {
        d.touch().len() + k
    }
    let a = use_it(match &D("referenced") {
        d => {
            leaf("arm", n).await;
            d
        }
    });
    log("after a");
    let b = use_it(match vec![D("v0"), D("v1")].first() {
        Some(d) => {
            leaf("first", ()).await;
            d
        }
        None => unreachable!(),
    });
    log("after b");
    let c = pick(
        match &D("left") {
            d => {
                leaf("left", ()).await;
                d
            }
        },
        match &String::from("right") {
            s => {
                leaf("right", ()).await;
                s.len()
            }
        },
    );
    log("after c");
    let k = match D("scrutinee").touch() {
        s => leaf("arm", s.len()).await,
    } + D("later").touch().len();
    log("after d");
    let e = use_it(match &D("guarded") {
        d if leaf("guard", n > 5).await => d,
        d => d,
    });
    log("after e");
    a + b + c + k + e
}, (1));

// The scrutinee of a `match` whose guard awaits is kept in place for the
// tests; the temporaries it was computed from live to the end of the
// statement as well, after the guard's await.
differential!(guard_awaiting_match_scrutinee_temporaries, (n: usize) -> usize {
    let z = D("z");
    let r = match D("t").touch().len() + n {
        k if leaf("g", k > 10).await => 1,
        k if leaf("g2", k > 2).await => {
            let a = D("arm");
            leaf("arm", ()).await;
            a.touch().len()
        }
        _ => 3,
    } + leaf("post", 0).await;
    log("after");
    let s = match D("u").touch().len() {
        k if leaf("g3", k > n).await => 1,
        _ => 3,
    };
    log("after s");
    z.touch();
    r + s
}, (1));

// Temporaries that a comparison borrows, that `*` dereferences or that is
// indexed, in an awaited call's arguments, live to the end of the
// statement, after the await, as in rustc.
differential!(compared_dereferenced_and_indexed_temporaries, (n: u32) -> u32 {
    let d = D("d");
    let a = leaf("x", D("l") == D("r")).await;
    log("after a");
    let b = leaf("y", *Box::new(D("boxed")) == D("other")).await;
    log("after b");
    let c = leaf("z", *std::rc::Rc::new(5u32) + vec![1u32, 2][1]).await;
    log("after c");
    let e = leaf("w", *&(D("tuple"), n).1).await;
    d.touch();
    u32::from(a) + u32::from(b) + c + e
}, (1));

// Temporaries made between two awaits of one statement, or after an await
// inside an awaited call's arguments, are evaluated before the later await
// and live to the end of the statement, as in rustc.
differential!(temporaries_between_awaits_of_one_statement, (n: u32) -> usize {
    let d = D("d");
    let a = leaf("a", 1usize).await + D("t").touch().len() + leaf("b", 2usize).await;
    log("after a");
    let c = leaf("c", leaf("a2", 1usize).await + D("t2").touch().len()).await;
    log("after c");
    d.touch();
    a + c + n as usize
}, (1));

// `last` and `take` take an iterator but borrow a slice or an `Option`: a
// temporary `Vec` or `Option` receiver of one lives to the end of the
// statement, across its await, as in rustc, while a temporary iterator is
// taken by the call.
differential!(last_and_take_on_temporaries, (n: u32) -> usize {
    let d = D("d");
    let last = leaf("last", vec![D("a"), D("b")].last().map(|d| d.0.len())).await;
    let taken = leaf("take", Some(D("o")).take().is_some()).await;
    let name = String::from("abc");
    let first: String = leaf("chars", name.chars().take(2).collect::<String>()).await;
    let end = leaf("split", name.split('b').last().map(str::len)).await;
    d.touch();
    last.unwrap_or(0) + usize::from(taken) + first.len() + end.unwrap_or(0) + n as usize
}, (1));

// An operand read through a temporary (`*v.first().unwrap()`) before an
// operand that runs code of its own (a block assigning what it points at):
// rustc reads the first operand before the block runs; the machine, having
// spilled the temporary, read through it after the block (8, not 5).
differential!(operand_through_a_temporary_read_before_a_later_block, (n: usize) -> usize {
    let mut v = vec![1usize, 2];
    let total = *v.first().unwrap() + { v[0] = n; 0 } + leaf("first", 0usize).await;
    let args = std::cmp::max(*v.first().unwrap(), { v[0] = 2 * n; 0 })
        + leaf("second", 0usize).await;
    total + v[0] + args
}, (4));

// A method lending a place inside a temporary (a field, an element, a
// dereference), in a statement that awaits: the place is lent where it is,
// and the temporary dropped at the statement's end. The machine spilled the
// place itself, moving it out of the temporary (E0507).
differential!(methods_on_places_in_temporaries_across_an_await, (n: usize) -> usize {
    let v = vec![D("v")];
    let total = (D("pair"), &v).0.touch().len() + leaf("first", 0usize).await;
    let more = vec![D("element")][0].touch().len()
        + (*Box::new(D("boxed"))).touch().len()
        + leaf("second", n).await;
    total + more + v.len()
}, (4));

// A comparison reads a scalar operand (an integer, a float, `bool`, `char`,
// a pointer) as a copy before its right operand runs, and borrows any other.
// The machine lowers a right operand that runs code (a block, an await)
// into statements before the comparison, which then read the place as the
// right operand had left it.
differential!(comparison_copies_a_scalar_before_its_right_operand_changes_it, (n: usize) -> usize {
    fn logged(i: usize) -> usize {
        log(format!("index {i}"));
        i
    }
    async fn set_to_ten(x: &mut usize) -> usize {
        *x = 10;
        5
    }
    let mut arr = [1usize, 2, 3];
    let mut x = 1usize;
    let mut fl = 1.5f64;
    let mut c = 'a';
    let (one, two) = (1u8, 2u8);
    let mut p: *const u8 = &one;
    let mut v = vec![1usize, 2];
    let by_index = (arr[logged(0)] < { log("block"); arr[0] = 0; 5 }) as usize
        + leaf("first", n).await;
    let by_place = (arr[1] == { arr[1] = 9; 2 }) as usize
        + (fl < { fl = 9.0; 5.0 }) as usize
        + (c == { c = 'b'; 'a' }) as usize
        + (p == { p = &two; &one as *const u8 }) as usize
        + leaf("second", n).await;
    let by_value = (v.len() == { v.push(3); 3 }) as usize + leaf("third", n).await;
    let across_an_await = (x < set_to_ten(&mut x).await) as usize;
    let in_an_argument = leaf("fourth", x == { x = 20; 10 }).await as usize;
    let name = String::from("a");
    let borrowed = (name == leaf("fifth", String::from("a")).await) as usize;
    by_index + by_place + by_value + across_an_await + in_an_argument + borrowed
        + arr[0] + arr[1] + x + v.len() + fl as usize + c as usize
        + (p == &two as *const u8) as usize
}, (4));

// A method's receiver that an argument which awaits changes: rustc takes a
// `Copy` receiver by value first (a borrowed one could not change). A
// receiver the argument only reads is used in place (`v.push(..v.len()..)`).
differential!(receiver_taken_before_an_awaiting_argument_changes_it, (n: usize) -> usize {
    #[derive(Clone, Copy)]
    struct Range(usize, usize);
    impl Range {
        fn width(self, extra: usize) -> usize {
            self.1 - self.0 + extra
        }
    }
    async fn widen(r: &mut Range) -> usize {
        r.1 += 10;
        1
    }
    async fn set_to_ten(x: &mut usize) -> usize {
        *x = 10;
        5
    }
    let mut x = 1usize;
    let mut range = Range(1, 2);
    let larger = x.max(set_to_ten(&mut x).await) + leaf("first", n).await;
    let width = range.width(widen(&mut range).await);
    let mut v = vec![D("v")];
    v.push(leaf("second", D(if v.len() == 1 { "one" } else { "many" })).await);
    larger + x + width + range.1 + v.len()
}, (4));

// The same where the right operand or argument is a block that awaits, in
// conditions and through a dereference; a `Copy` receiver that is not a
// scalar (`Option<u32>`) is taken by value too.
differential!(operands_read_before_a_block_that_awaits_changes_them, (n: u32) -> u32 {
    let d = D("d");
    let mut k = n;
    if k < { k = 100; leaf("x", 5u32).await } {
        log("less");
    }
    let mut i = 0;
    let mut w = n;
    while w < { w += 10; leaf("y", 25u32).await } {
        i += 1;
    }
    let mut b = Box::new(n);
    let boxed = (*b < { *b = 100; leaf("z", 5u32).await }) as u32;
    let mut flag = true;
    let then = flag.then_some({ flag = false; leaf("t", 5u32).await }).unwrap_or(0);
    let mut o = Some(n);
    let or = o.unwrap_or({ o = None; leaf("o", 7u32).await });
    d.touch();
    k + i + w + boxed + *b + then + flag as u32 + or + o.unwrap_or(3)
}, (1));

// A receiver changed by an awaiting argument through a reborrow of the
// `&mut` it is reached by (`set(r)`), which rustc copies first; and a
// receiver beside a field the argument assigns, which changes it not and
// is used in place (taken by value it was E0507).
differential!(receiver_changed_through_a_reborrow_or_beside_a_disjoint_field, (n: u32) -> usize {
    async fn set(r: &mut u32) -> u32 {
        *r = 100;
        5
    }
    async fn set_first(r: &mut (u32, u32)) -> u32 {
        r.0 = 100;
        5
    }
    struct Pushed {
        items: Vec<D>,
        count: u32,
    }
    let mut x = n;
    let r = &mut x;
    let larger = (*r).max(set(r).await);
    let mut pair = (n, n);
    let p = &mut pair;
    let first = (*p).0.max(set_first(p).await);
    let mut s = Pushed { items: vec![D("first")], count: 0 };
    s.items.push({ s.count = 5; leaf("pushed", D("pushed")).await });
    // Passed on through a field only, `s` is read, not changed: the
    // receiver stays in place (taken by value it would be E0507).
    async fn summary(s: &Pushed) -> D {
        D(if s.items.len() > 1 { "many" } else { "few" })
    }
    let t = &mut s;
    t.items.push(summary(t).await);
    (larger + x + first + pair.0) as usize + s.items.len() + s.count as usize
}, (1));

// A method on an indexed place whose argument awaits: rustc borrows the
// receiver before the argument and calls through the borrow. A `&mut self`
// method on a `Copy` element changes the element, not a copy of it.
differential!(indexed_receiver_changed_by_a_mut_method_across_an_await, (n: u32) -> u32 {
    use core::ops::AddAssign;
    let d = D("d");
    let mut a = [1u32, 2, 3];
    let mut v = vec![10u32, 20];
    a[1].add_assign(leaf("x", n).await);
    v[0].add_assign(leaf("y", n).await);
    a[0] + a[1] + v[0] + v[1]
}, (4));

// The same on `Vec` rows, an index changed by the argument, a field's
// rows, a shared reference, an argument that reads the root, and one that
// assigns it (copied first, the method taking it by value).
differential!(indexed_receiver_borrowed_across_an_awaiting_argument, (n: usize) -> usize {
    struct Grid { rows: Vec<Vec<D>> }
    let d = D("d");
    let mut v = vec![vec![D("a")], vec![]];
    let mut i = 0;
    v[i].push(leaf("x", D("x")).await);
    v[i + 1].push(leaf("y", D("y")).await);
    let mut nums = vec![1u32, 2, 3];
    let m = nums[0].max(nums[1] + leaf("m", 5u32).await);
    let k = nums[2].max({ nums[2] = 50; leaf("k", 9u32).await });
    let has = nums[1].to_string().contains(&leaf("s", "2").await.to_string());
    let owned = vec![vec![4u32], vec![5u32, 6]];
    let c = owned[1].contains(&leaf("c", 6u32).await);
    let r = &owned;
    let c2 = r[0].contains(&leaf("c2", 4u32).await);
    let mut g = Grid { rows: vec![vec![], vec![]] };
    g.rows[1].push(leaf("g", D("g")).await);
    v[i].push({ i += 1; leaf("z", D("z")).await });
    v[0].len() * 1000 + v[1].len() * 100 + m as usize + k as usize + has as usize
        + c as usize + c2 as usize + g.rows[1].len() + i
}, (4));

// Through `&mut` and `&` parameters and `let`s that reborrow them.
differential!(indexed_receiver_through_reference_parameters, (rows: &'static mut Vec<Vec<D>>, shared: &'static Vec<Vec<u32>>, n: u32) -> usize {
    let d = D("d");
    rows[0].push(leaf("p", D("p")).await);
    let found = shared[1].contains(&leaf("c", n).await);
    rows[1].push(D(if shared[0].len() + leaf("q", 1usize).await > 1 { "big" } else { "small" }));
    let mut local = &mut *rows;
    local[1].push(leaf("l", D("l")).await);
    let view: &Vec<Vec<D>> = &*local;
    let n0 = view[1].get(leaf("v", 1usize).await).map_or(7, |d| d.0.len());
    rows.len() + found as usize + rows[0].len() * 10 + rows[1].len() * 100 + n0
}, (Box::leak(Box::new(vec![vec![D("r0")], vec![]])), Box::leak(Box::new(vec![vec![4u32], vec![5u32, 6]])), 6));

// A method whose result owns nothing (`contains`, `starts_with`) still
// holds its receiver across the argument's await: the vector stays in place.
differential!(indexed_receiver_of_a_method_returning_an_owned_value, (n: u32) -> usize {
    let d = D("d");
    let v = vec![vec![1u32, n]];
    let c = v[0].contains(&leaf("c", n).await);
    let w = vec![D("w0"), D("w1")];
    let l = w[1].0.len().max(leaf("l", 1usize).await);
    let mut words = vec![String::from("ab")];
    let s = words[0].starts_with(leaf("s", "a").await);
    leaf("after", ()).await;
    let moved = w;
    drop(words);
    c as usize + l + s as usize + moved.len() + v.len()
}, (4));

// An indexed receiver reached through a `&mut` binding whose type does not
// show (a `for` loop's, an `if let`'s, a `let .. else`'s), for a method
// known to take `&mut self`: borrowed `&mut` through the binding.
differential!(indexed_receiver_through_a_binding_of_a_mut_reference, (n: u32) -> u32 {
    use core::ops::AddAssign;
    let d = D("d");
    let mut pairs = vec![[1u32, 2], [3, 4]];
    for pair in pairs.iter_mut() {
        pair[0].add_assign(leaf("pair", n).await);
    }
    for (i, pair) in (&mut pairs).into_iter().enumerate() {
        pair[1].add_assign(leaf("index", i as u32).await);
    }
    let mut grid = vec![vec![vec![D("g0")]], vec![vec![], vec![]]];
    if let Some(row) = grid.get_mut(1) {
        row[1].push(leaf("row", D("r")).await);
    }
    let Some(last) = grid.last_mut() else { return 0 };
    last[0].push(leaf("last", D("l")).await);
    let first = grid.first_mut().unwrap();
    first[0].push(leaf("first", D("f")).await);
    match grid.get_mut(0) {
        Some(cells) => cells[0].push(leaf("cells", D("c")).await),
        None => {}
    }
    let lens: u32 = grid.iter().flatten().map(|cell| cell.len() as u32).sum();
    pairs[0][0] * 1000 + pairs[0][1] * 100 + pairs[1][0] * 10 + pairs[1][1] + lens
}, (4));

// The receiver held as the method takes it: a by-value method of a number
// copies it before an argument that changes the vector or array (through a
// method, a closure, a reborrow), where a borrow would read the change or
// freed memory; a `&self` method borrows it `&` beside other shared
// borrows and through types without `IndexMut`, and calls `Index::index`,
// not `index_mut`; an argument's own binding of the root's name is not
// the root.
differential!(indexed_receiver_held_as_the_method_takes_it, (n: u32) -> u32 {
    use core::ops::AddAssign;
    use std::collections::HashMap;
    struct Logged(Vec<Vec<u32>>);
    impl core::ops::Index<usize> for Logged {
        type Output = Vec<u32>;
        fn index(&self, i: usize) -> &Vec<u32> {
            log("index");
            &self.0[i]
        }
    }
    impl core::ops::IndexMut<usize> for Logged {
        fn index_mut(&mut self, i: usize) -> &mut Vec<u32> {
            log("index_mut");
            &mut self.0[i]
        }
    }
    struct Rows<'a> { rows: &'a Vec<Vec<u32>>, k: u32 }
    let d = D("d");
    let mut a = [1u32, 9];
    let swapped = a[0].max({ a.swap(0, 1); leaf("swapped", n).await });
    let mut b = [1u32, 9];
    let by_closure = b[0].max({ let mut flip = || b.swap(0, 1); flip(); leaf("closure", n).await });
    let mut c = [1u32, 9];
    let r = &mut c;
    let reborrowed = r[0].max({ r.reverse(); leaf("reborrowed", n).await });
    let mut v = vec![1u32];
    let grown = v[0].max({ v.extend(0..100u32); leaf("grown", n).await });
    let mut rows = vec![vec![1u32], vec![2]];
    let shared = &rows;
    let found = rows[0].contains(&leaf("found", 1u32).await);
    let beside = shared.len() as u32;
    rows.push(vec![]);
    let mut logged = Logged(vec![vec![1]]);
    let indexed = logged[0].contains(&leaf("indexed", 1u32).await);
    logged.0.push(vec![]);
    let mut map = HashMap::new();
    map.insert("a", vec![1u32, 2]);
    let in_map = map["a"].contains(&leaf("in_map", 2u32).await);
    map.insert("b", vec![]);
    let mut slice = v.as_slice();
    let in_slice = slice[0].max(leaf("in_slice", 0u32).await);
    slice = &v[1..];
    let mut through = Rows { rows: &rows, k: 0 };
    let in_field = through.rows[1].contains(&leaf("in_field", 2u32).await);
    through.k += 1;
    let mut e = [1u32, 2];
    e[0].add_assign({ let e = n; leaf("own_name", e).await });
    swapped * 1000 + by_closure * 100 + reborrowed * 10 + grown + beside + found as u32
        + indexed as u32 + in_map as u32 + in_slice + slice.len() as u32 + in_field as u32
        + through.k + e[0] * 10000
}, (0));

// An indexed place borrowed as an operand before an await (`put(&mut
// rows[i], f().await)`): borrowed there, as rustc does (E0507 before, the
// place copied out), in calls, method calls, tuples, comparisons, through
// a field and a range, and through a `&` parameter.
differential!(indexed_place_borrowed_as_an_operand_before_an_await, (n: u32, shared: &'static Vec<Vec<u32>>) -> usize {
    struct Sink { total: usize }
    impl Sink {
        fn put(&mut self, row: &mut Vec<D>, d: D) -> usize { row.push(d); self.total += row.len(); self.total }
    }
    fn put(row: &mut Vec<D>, d: D) -> usize { row.push(d); row.len() }
    fn count(row: &[D], k: u32) -> usize { row.len() + k as usize }
    struct Grid { rows: Vec<Vec<D>> }
    let d = D("d");
    let mut rows = vec![vec![D("a")], vec![]];
    let a = put(&mut rows[1], leaf("x", D("x")).await);
    let b = count(&rows[0], leaf("k", n).await);
    let i = 1;
    let c = put(&mut rows[i], leaf("y", D("y")).await);
    let mut sink = Sink { total: 0 };
    let e = sink.put(&mut rows[0], leaf("z", D("z")).await);
    let (first, k) = (&rows[0], leaf("pair", 3usize).await);
    let f = first.len() + k;
    let tail = count(&rows[1][1..], leaf("tail", 1).await);
    let mut grid = Grid { rows: vec![vec![]] };
    let g = put(&mut grid.rows[0], leaf("g", D("g")).await);
    let h = shared[1].len().max(count(&[], leaf("h", shared[0][0]).await));
    let same = &rows[0][0].0 == &leaf("same", "a").await;
    a + b + c + e + f + tail + g + h + same as usize + rows[1].len() + grid.rows[0].len()
}, (4, Box::leak(Box::new(vec![vec![7u32], vec![1, 2]]))));

// A borrowed indexed place as a comparison's left operand before a right
// operand that awaits: held across the await, the vector kept in place.
differential!(indexed_place_borrowed_by_a_comparison_before_an_await, (n: u32) -> usize {
    let d = D("d");
    let v = vec![String::from("a")];
    let same = &v[0] == &leaf("s", String::from("a")).await;
    let w = vec![1u32, 2];
    let less = &w[1] < &leaf("w", n).await;
    v.len() + same as usize + less as usize + w.len()
}, (4));

// The same with an index that makes temporaries (`&w[g()] < &f().await`):
// the borrow is held as the lowering holds it, and the index's temporaries
// drop at the end of the statement (E0505 before: the vector was moved into
// the state while borrowed).
differential!(indexed_place_with_index_temporaries_borrowed_by_a_comparison, (n: u32) -> usize {
    let d = D("d");
    let w = vec![1u32, 2];
    let less = &w[indexed(1, "i").get()] < &leaf("w", n).await;
    let v = vec![String::from("a")];
    let same = &v[indexed(0, "j").get()] == &leaf("s", String::from("a")).await;
    less as usize + same as usize + w.len() + v.len()
}, (4));

// Receiver places other than `v[i]`: an index that makes a temporary, a
// dereference of an indexed `Box` or of a returned `&mut`, and an index
// that awaits. A `&mut self` method changed a copy of the element.
differential!(receiver_places_beyond_an_index_held_across_an_awaiting_argument, (n: u32) -> u32 {
    use core::ops::AddAssign;
    let d = D("d");
    let mut a = [1u32, 2];
    let idx = vec![1usize];
    a[*idx.first().unwrap()].add_assign(leaf("x", n).await);
    let mut boxes = vec![Box::new(1u32), Box::new(2)];
    (*boxes[1]).add_assign(leaf("b", n).await);
    let mut v = vec![1u32, 2];
    (*v.last_mut().unwrap()).add_assign(leaf("l", n).await);
    let mut w = vec![vec![1u32], vec![2]];
    w[leaf("i", 1usize).await].push(leaf("p", n).await);
    a[1] * 1000 + *boxes[1] * 100 + v[1] * 10 + w[1].len() as u32 + w[1][1]
}, (4));

// Results that borrow a held receiver (`get`, `split_at`, `entry`,
// `get_mut`), and `swap` and `drain` borrowing it `&mut`.
differential!(results_borrowing_an_indexed_receiver_held_across_an_await, (n: usize) -> usize {
    use std::collections::HashMap;
    let d = D("d");
    let v = vec![vec![1u32, 2, 3]];
    let item = v[0].get(leaf("i", n % 3).await);
    let words = vec![String::from("hello")];
    let (left, right) = words[0].split_at(leaf("k", n % 5).await);
    let mut groups: Vec<HashMap<u32, Vec<u32>>> = vec![HashMap::new()];
    groups[0].entry(leaf("e", 3u32).await).or_default().push(1);
    let mut m = vec![vec![1u32, 2, 3]];
    let r = m[0].get_mut(leaf("g", 1usize).await);
    if let Some(r) = r { *r += 10; }
    m[0].swap(0, leaf("s", 2usize).await);
    let drained: Vec<u32> = m[0].drain(..leaf("dr", 1usize).await).collect();
    *item.unwrap() as usize + left.len() + right.len() + groups[0].len() + m[0].len() + drained[0] as usize
}, (4));

// A receiver held across an await inside a formatting macro's arguments:
// the array stays in place (E0597 and E0505 before).
differential!(receivers_held_inside_formatting_arguments, (n: u32) -> usize {
    let d = D("d");
    let mut a = [vec![1u32], vec![2]];
    println!("{}", a[0].contains(&leaf("c", n).await));
    let s = format!("{:?}", a[1].push(leaf("p", n).await));
    a[1].len() + s.len()
}, (4));

// A receiver place in a temporary (`make().0`, `*Box::new(..)`,
// `*mem::replace(..)`): the temporary is kept in place to the end of the
// statement and the place borrowed (E0382 and E0507 before).
differential!(receiver_places_in_temporaries_held_across_an_awaiting_argument, (n: u32) -> usize {
    struct Pair(Vec<D>, D);
    fn make(name: &'static str) -> Pair { Pair(vec![D(name)], D("second")) }
    let d = D("d");
    make("first").0.push(leaf("x", D("x")).await);
    let b = (*Box::new(vec![D("b0")])).len().max(leaf("y", 1usize).await);
    let c = make("again").0.contains(&leaf("z", D("again")).await);
    let mut boxed = Box::new(vec![D("boxed")]);
    (*std::mem::replace(&mut boxed, Box::new(vec![]))).push(leaf("w", D("w")).await);
    let e = make("third").0.len().max(leaf("v", n as usize).await);
    b + c as usize + boxed.len() + e + make("last").1.0.len()
}, (4));

// Index operands of nested places evaluated in rustc's order (each base
// indexed before the next index runs), their temporaries dropped at the end
// of the statement, for a held receiver and for values read before an
// await (the index's temporaries dropped before the await before).
differential!(index_operands_run_and_drop_in_order_before_an_await, (n: u32) -> usize {
    let d = D("d");
    let mut l = LoggedRows(vec![vec![vec![D("a")], vec![]]]);
    l[indexed(0, "a").get()][indexed(1, "b").get()].push(leaf("x", D("x")).await);
    let c = l[indexed(0, "c").get()][indexed(0, "e").get()].contains(&leaf("y", D("a")).await);
    let v = vec![1u32, 2];
    let s = v[indexed(0, "f").get()] + leaf("y", n).await;
    let w = vec![vec![1u32], vec![2, 3]];
    let t = w[indexed(1, "g").get()][indexed(0, "h").get()] + leaf("z", n).await;
    let m = w[indexed(1, "k").get()].len().max(leaf("m", 1usize).await);
    l.0[0][1].len() + c as usize + s as usize + t as usize + m
}, (4));

// Explicit borrows of places whose index makes a temporary or awaits, of
// a nested logged place, and through a dereference, before an await.
differential!(places_with_index_temporaries_borrowed_before_an_await, (n: usize) -> usize {
    fn put(row: &mut Vec<D>, d: D) -> usize {
        row.push(d);
        row.len()
    }
    fn count(row: &[D], k: usize) -> usize {
        row.len() + k
    }
    let d = D("d");
    let mut rows = vec![vec![D("a")], vec![]];
    let a = put(&mut rows[indexed(1, "t").get()], leaf("x", D("x")).await);
    let l = LoggedRows(vec![vec![vec![D("a")]]]);
    let same = &l[indexed(0, "p").get()][indexed(0, "q").get()] == &leaf("s", vec![D("a")]).await;
    let mut boxes = vec![Box::new(vec![D("b")])];
    let b = put(&mut *boxes[0], leaf("b", D("bb")).await);
    let c = put(&mut rows[leaf("i", 1usize).await], leaf("y", D("y")).await);
    let e = count(&rows[0][..leaf("j", 1usize).await], leaf("k", 2usize).await);
    a + same as usize + b + c + e + n
}, (4));

// Places read as values before an await whose index operands make
// temporaries: nested logged places in rustc's order, ranges, `!`, fields
// of indexed places and a dereferenced indexed `Box`, the temporaries kept
// to the end of the statement (dropped early, or E0507, before).
differential!(index_temporaries_of_values_read_before_an_await, (n: u32) -> usize {
    fn count(row: &[u32], k: usize) -> usize { row.len() + k }
    struct Row { k: u32 }
    let d = D("d");
    let l = LoggedRows(vec![vec![vec![D("a")]]]);
    let k = l[indexed(0, "c").get()][indexed(0, "e").get()].len().max(leaf("y", 1usize).await);
    let same = l[indexed(0, "f").get()][indexed(0, "g").get()].len() == leaf("same", 1usize).await;
    let v = vec![1u32, 2, 3, 4];
    let e = &v[indexed(1, "e").get()..] == leaf("w", &[2u32, 3, 4][..]).await;
    let c = count(&v[indexed(1, "h").get()..], leaf("c", 1usize).await);
    let a = v[indexed(1, "a").get()..].len() + leaf("x", 1usize).await;
    let b = v[!indexed(1, "b").get() & 1] as usize + leaf("b", n as usize).await;
    let rows = vec![Row { k: 5 }];
    let r = rows[indexed(0, "r").get()].k + leaf("u", n).await;
    let pairs = vec![(1u32, String::from("ab"))];
    let p = pairs[indexed(0, "p").get()].1.len() + leaf("p", 1usize).await;
    let boxes = vec![Box::new(vec![7u32]), Box::new(vec![8u32, 9])];
    let t = (*boxes[indexed(1, "t").get()])[indexed(0, "s").get()] + leaf("t", n).await;
    let mut grid = vec![vec![1u32, 2, 3]];
    grid[0][indexed(1, "q").get()..].swap(0, leaf("q", 1usize).await);
    k + same as usize + e as usize + c + a + b + r as usize + p + t as usize + grid[0][2] as usize
}, (4));

// Receivers of methods the machine takes to consume them, which rustc
// keeps: a guard that dereferences to a `Copy` value is refused (UI tests
// `consuming_method_on_a_guard_local` and `..._temporary`), and the fix
// they suggest, calling the method on `*guard`, keeps the guard to the end
// of its scope or statement, as rustc does. References, strings, vectors
// and options are taken as before.
differential!(consuming_methods_on_the_values_guards_dereference_to, (n: u32, r: &'static Option<u32>) -> u32 {
    struct Guard(Option<u32>, &'static str);
    impl core::ops::Deref for Guard {
        type Target = Option<u32>;
        fn deref(&self) -> &Option<u32> { &self.0 }
    }
    impl Drop for Guard {
        fn drop(&mut self) { log(format!("drop guard {}", self.1)); }
    }
    let d = D("d");
    let local = Guard(Some(n), "local");
    let id = (*local).unwrap_or(0);
    let a = leaf("a", id).await;
    let b = (*Guard(Some(2), "temporary")).unwrap_or(0) + leaf("b", 1u32).await;
    let c = r.unwrap_or(1) + leaf("c", 1u32).await;
    let s = String::from("xy");
    let v = vec![1u32, 2];
    let e = s.into_bytes().len() as u32 + v.into_iter().sum::<u32>() + leaf("e", 1u32).await;
    log("end of body");
    a + b + c + e
}, (3, &Some(7)));

// A method called on an explicit borrow of a temporary (`(&D("t")).touch()`)
// before an await: the temporary lives to the end of the statement, in
// place, as the result may borrow it (E0505 before: the borrow was kept and
// the value moved into the state).
differential!(method_on_a_borrowed_temporary_before_an_await, (n: u32) -> u32 {
    let d = D("d");
    let k = (&D("t")).touch().len() as u32 * leaf("x", n).await;
    let name = (&D("named")).touch();
    let m = name.len() as u32 + leaf("y", n).await;
    let nested = (&(&D("nested"))).touch().len() as u32 + leaf("z", n).await;
    k + m + nested + d.touch().len() as u32
}, (2));

// Receivers of consuming names that the never-run copy must not refuse: a
// `&mut` local used again after the call (reborrowed, where the check once
// moved it), a local and a constructor whose type is only inferred from the
// call (`None`), and a `&mut` temporary.
differential!(consuming_methods_on_mut_references_and_types_inferred_later, (n: u32) -> u32 {
    fn get(o: &mut Option<u32>) -> &mut Option<u32> { o }
    let d = D("d");
    let mut o = Some(n);
    let slot = &mut o;
    leaf("a", ()).await;
    let later = None;
    let y = slot.unwrap_or(0) + slot.expect("set");
    *slot = Some(y);
    let z = get(&mut o).unwrap_or(0) + leaf("b", n).await;
    let named = later.unwrap_or(D("later"));
    z + named.touch().len() as u32 + None.unwrap_or(1u32) + d.touch().len() as u32
}, (1));

// Guards bound by patterns, whose `Copy` values are read: through `*` in an
// arm without a block (the form the check's note suggests), and in a guard,
// where the binding only borrows. The guard lives to the
// end of the arm, across the await, as in rustc.
differential!(values_of_guards_bound_by_patterns_read_across_an_await, (n: u32) -> u32 {
    struct Guard(Option<u32>, &'static str);
    impl core::ops::Deref for Guard {
        type Target = Option<u32>;
        fn deref(&self) -> &Option<u32> { &self.0 }
    }
    impl Drop for Guard {
        fn drop(&mut self) { log(format!("drop guard {}", self.1)); }
    }
    let d = D("d");
    let a = match Guard(Some(n), "arm") {
        g => (*g).unwrap_or(0) + leaf("a", 1).await,
    };
    let mut b = 0;
    match Guard(Some(n), "guard") {
        g if g.unwrap_or(0) > 0 => { b = leaf("b", 1).await; }
        _ => {}
    }
    a + b
}, (2));

// `try_into` takes its receiver: a local converted by it is moved, not kept
// for its drop at the end of its scope (E0507 before, as for any method the
// machine takes to borrow).
differential!(try_into_moves_its_receiver, (n: u32) -> u32 {
    let d = D("d");
    let v = vec![D("v0"), D("v1")];
    let pair: [D; 2] = v.try_into().unwrap();
    let w: Vec<D> = vec![D("w0")];
    let single: Result<[D; 2], Vec<D>> = w.try_into();
    leaf("a", ()).await;
    pair[0].touch();
    n + single.is_err() as u32 + leaf("b", 1).await
}, (1));

// A guard bound by a `match` arm, whose `Copy` value a consuming-named
// method reads, in an arm without an await: the guard ends with the arm in
// the machine as in rustc, so the receiver check leaves it (probe D).
differential!(guards_bound_by_arms_without_an_await_end_with_the_arm, (n: u32) -> u32 {
    let d = D("d");
    let m = std::sync::Mutex::new(Some(n));
    let a = match m.lock() {
        Ok(g) => g.unwrap_or(0),
        Err(_) => 0,
    };
    let c = std::cell::RefCell::new(Some(n));
    let b = match c.try_borrow() {
        Ok(r) => r.unwrap_or(0),
        Err(_) => 0,
    };
    let locked = m.try_lock().is_ok() as u32 + c.try_borrow_mut().is_ok() as u32;
    a + b + locked + leaf("a", 1u32).await
}, (2));

// `into` and `try_into` come from blanket impls over every type, so they
// take a receiver that dereferences to a `Copy` value itself: the receiver
// check leaves them (probe D).
differential!(into_and_try_into_take_receivers_that_dereference_to_copy, (n: u32) -> u32 {
    struct Meters(f64, &'static str);
    impl core::ops::Deref for Meters {
        type Target = f64;
        fn deref(&self) -> &f64 { &self.0 }
    }
    impl Drop for Meters {
        fn drop(&mut self) { log(format!("drop meters {}", self.1)); }
    }
    impl From<Meters> for f64 {
        fn from(m: Meters) -> f64 { m.0 }
    }
    impl TryFrom<Meters> for u8 {
        type Error = ();
        fn try_from(m: Meters) -> Result<u8, ()> { Ok(m.0 as u8) }
    }
    fn as_f64(x: f64) -> f64 { x }
    let d = D("d");
    let id = Meters(n as f64, "local");
    let b: u8 = id.try_into().unwrap();
    let a: f64 = match Some(Meters(n as f64, "arm")) {
        Some(m) => m.into(),
        None => 0.0,
    };
    let c: f64 = match Some(Meters(1.0, "awaiting arm")) {
        Some(m) => as_f64(m.into()) + leaf("c", 1.0f64).await,
        None => 0.0,
    };
    b as u32 + a as u32 + c as u32 + leaf("a", 1u32).await
}, (2));

// Dropped at an await inside a statement, rustc drops the operands already
// evaluated (`D("a")`, in a tuple or a call's arguments) before the
// statement's temporaries (`D("t")`), whatever the order they were made in
// (probe C; the machine dropped them in reverse order of creation).
differential!(operands_evaluated_before_an_await_drop_before_the_statements_temporaries, (n: u32) -> u32 {
    let d = D("d");
    let p = (D("a"), leaf(D("t").touch(), n).await);
    let q = (D("b"), D("c"), leaf(D("u").touch(), leaf("inner", n).await).await);
    p.1 + q.2
}, (1));

// What a `let` pattern leaves of an awaited value (`_`, `..`, a `_` of a
// tuple or struct) drops at the end of the `let`: the awaited value is a
// temporary of the statement. The machine dropped it at the next await or
// the end of the scope (probe F), also for `let _ = f().await;` in a body
// with values kept in place.
#[allow(dead_code)]
pub struct Reply {
    pub head: D,
    pub body: D,
    pub code: u32,
}

differential!(let_patterns_leaving_parts_of_an_awaited_value, (n: u32) -> u32 {
    let d = D("d");
    let (_, status) = leaf("req", (D("body"), 200u32)).await;
    log("after the tuple");
    let _: D = leaf("typed", D("typed")).await;
    log("after the typed wildcard");
    let Reply { head: _, code, .. } = leaf("reply", Reply { head: D("head"), body: D("rest"), code: 3 }).await;
    log("after the struct");
    let (a, ..) = (leaf("a", D("a")).await, D("b"), D("c"));
    log("after the rest");
    leaf("next", ()).await;
    a.touch();
    status + code + n
}, (1));

differential!(assignment_pattern_leaving_part_of_an_awaited_value, (n: u32) -> u32 {
    let d = D("d");
    let s;
    (_, s) = leaf("req", (D("body"), 200u32)).await;
    log("after");
    leaf("next", ()).await;
    s + n
}, (1));

differential!(let_pattern_leaving_part_of_a_block_value_that_awaits, (n: u32) -> u32 {
    let d = D("d");
    let (_, s) = { log("blk"); leaf("req", (D("body"), 200u32)).await };
    log("after");
    leaf("next", ()).await;
    s + n
}, (1));

differential!(let_pattern_leaving_part_of_an_awaited_value_in_a_loop, (n: u32) -> u32 {
    let d = D("d");
    let mut t = 0;
    for i in 0..2 {
        let (_, s) = leaf("req", (D("body"), i)).await;
        log("after");
        t += s;
        leaf("next", ()).await;
    }
    t + n
}, (1));

differential!(let_pattern_leaving_part_of_a_branch_value_that_awaits, (n: u32) -> u32 {
    let d = D("d");
    let (_, s) = if n > 0 { leaf("req", (D("body"), 200u32)).await } else { (D("e"), 1) };
    log("after");
    leaf("next", ()).await;
    s + n
}, (1));

differential!(let_underscore_of_an_awaited_value_beside_values_kept_in_place, (n: u32) -> usize {
    let v = vec![D("v")];
    let r = &v;
    leaf("held", ()).await;
    r[0].touch();
    let _ = leaf("discard", D("discarded")).await;
    log("after the let");
    let (_, k) = leaf("pair", (D("left"), n)).await;
    log("after the pair");
    leaf("end", ()).await;
    r.len() + k as usize
}, (1));

differential!(let_underscore_of_an_awaited_value_while_holding_a_guard, (n: u32) -> u32 {
    let lock = Lock(std::cell::RefCell::new(vec![1]));
    let g = lock.lock().await;
    let _ = leaf("send", D("sent")).await;
    log("after the send");
    leaf("end", ()).await;
    g.0[0] + n
}, (1));

// A value in a place's position before a later await of its statement (a
// receiver its method borrows, a compared value) is a temporary of the
// statement, dropped after the temporaries made after it, as rustc drops
// them in reverse order of creation. The machine listed it as an operand,
// dropped before them (probe G). A receiver a method takes by value is an
// operand: listed in `takes_self(..)` when the macro cannot know.
pub struct Held(pub D);
impl Drop for Held {
    fn drop(&mut self) {
        log(format!("drop held {}", (self.0).0));
    }
}
impl Held {
    pub fn by_ref(&self, b: D, n: u32) -> u32 {
        log(format!("by_ref {} {}", (self.0).0, b.0));
        n
    }
    pub fn by_value(self, b: D, n: u32) -> u32 {
        log(format!("by_value {} {}", (self.0).0, b.0));
        n
    }
}
pub fn held(a: D, n: u32) -> Held {
    log(format!("held {} {n}", a.0));
    Held(a)
}

differential!(receivers_and_compared_values_are_temporaries_of_their_statement, (n: u32) -> u32 {
    let d = D("d");
    let a = leaf("x", D("a")).await.touch().len() as u32 + leaf(D("t").touch(), n).await;
    let b = held(D("b"), leaf("y", n).await).by_ref(D("arg"), leaf(D("u").touch(), n).await);
    let c = (leaf("z", D("c")).await == D("other")) as u32 + leaf(D("v").touch(), n).await;
    let e = leaf("w", D("e")).await.into_name().len() as u32 + leaf(D("s").touch(), n).await;
    held(D("tail"), leaf("q", n).await).by_ref(D("arg"), leaf(D("r").touch(), n).await) + a + b + c + e
}, (1));

differential!(receiver_a_listed_method_takes_is_an_operand, with(takes_self(by_value)), (n: u32) -> u32 {
    let d = D("d");
    let b = held(D("b"), leaf("y", n).await).by_value(D("arg"), leaf(D("u").touch(), n).await);
    held(D("tail"), leaf("q", n).await).by_value(D("arg"), leaf(D("r").touch(), n).await) + b
}, (1));

// The left operand of `&&` and `||` is a terminating scope: when it
// awaits, its temporaries drop before the right operand runs (the machine
// kept them to the end of the statement; probe G).
pub fn right_side(s: &str) -> bool {
    log(format!("right {s}"));
    true
}

differential!(short_circuit_left_operands_that_await_drop_their_temporaries_first, (n: u32) -> u32 {
    let d = D("d");
    let a = leaf(D("a").touch(), n).await == 1 && right_side("a");
    let b = leaf(D("b").touch(), n).await == 0 || right_side("b");
    let c = !(leaf(D("c").touch(), n).await == 0) && right_side("c");
    let mut i = 0;
    while leaf(D("w").touch(), i).await < 2 && right_side("w") {
        i += 1;
    }
    let m = match n {
        k if leaf(D("g").touch(), k).await == 1 && right_side("g") => 1,
        _ => 0,
    };
    let arg = held(D("p"), (leaf(D("h").touch(), n).await == 1 && right_side("h")) as u32).by_ref(D("q"), 0);
    if leaf(D("i").touch(), n).await == 1 && right_side("i") {
        log("then");
    }
    a as u32 + b as u32 + c as u32 + i + m + arg
}, (1));

// `let ref r = value;` borrows a temporary that rustc extends to the end
// of the block, as `let r = &value;` does (E0716 before; probe F).
differential!(ref_bindings_of_awaited_values_extend_them, (n: u32) -> usize {
    let d = D("d");
    let ref r = leaf("r", D("r")).await;
    leaf("between", ()).await;
    let ref mut m = leaf("m", vec![D("m0")]).await;
    m.push(D("m1"));
    leaf("after", ()).await;
    let ref s = D("s");
    leaf("last", ()).await;
    r.touch().len() + m.len() + s.touch().len() + n as usize
}, (1));

// A place in a value made before a later await of its statement (a field
// of an awaited tuple or of a lock's guard, the target of an awaited box,
// an element indexed by an awaited index), borrowed by its method: the
// value is a temporary of the statement and the place is read where the
// method borrows it. The machine moved the place out first (E0382, E0507
// or E0509; probe G). Compared or formatted places are copied out first,
// as before: read later, a later operand could change them (probe J).
differential!(places_in_values_borrowed_before_a_later_await, (n: u32) -> usize {
    let d = D("d");
    let a = leaf("x", (D("a0"), D("a1"))).await.0.touch().len() + leaf(D("t").touch(), n as usize).await;
    let b = leaf("y", Box::new(D("b"))).await.touch().len() + leaf(D("u").touch(), n as usize).await;
    let c = (*leaf("z", Box::new(D("c"))).await).touch().len() + leaf(D("v").touch(), n as usize).await;
    let v = vec![D("v0"), D("v1")];
    let e = v[leaf("i", 1).await].touch().len() + leaf(D("w").touch(), n as usize).await;
    let lock = Lock(std::cell::RefCell::new(vec![7, 8]));
    let held = lock.lock().await.0.len() + leaf(D("g").touch(), n as usize).await;
    a + b + c + e + held
}, (1));

// A pattern that binds nothing (`_`, `(_, _)`, `_: D`) matched against an
// awaited value drops it before the statement's other temporaries (`t`),
// as the newest temporary in rustc (probe H: after them before).
differential!(let_patterns_binding_nothing_drop_the_awaited_value_first, (n: u32) -> u32 {
    let d = D("d");
    let _ = leaf(D("t").touch(), D("a")).await;
    log("after the first");
    let (_, _) = leaf(D("u").touch(), (D("b"), D("c"))).await;
    log("after the second");
    let _: D = leaf(D("v").touch(), D("e")).await;
    log("after the third");
    leaf("next", ()).await;
    n
}, (1));

// A compared indexed `Copy` element that a later operand changes is
// copied out before it, as rustc's built-in comparison reads it; and its
// index runs (and panics) before the later await (probe J: read after both
// while this session's place reading covered comparisons).
differential!(compared_copy_element_is_read_before_a_later_operand_changes_it, (n: u32) -> bool {
    let d = D("d");
    let mut v = vec![n];
    v[0] == { v[0] = 10; leaf("x", 10).await }
}, (1));

differential!(panics compared_element_index_panics_before_a_later_await, (n: u32) -> u32 {
    let d = D("d");
    let v = vec![1u32];
    let same = v[n as usize] == leaf("x", 1).await;
    u32::from(same)
}, (5));

// A pattern with bindings drops what it leaves of an awaited value before
// the statement's other temporaries (`t`), as the newest temporary in
// rustc: it matches inside the statement's scope and its bindings leave it
// in a tuple (probe H: after them before).
differential!(let_pattern_with_a_binding_drops_its_leftover_before_the_statements_temporaries, (n: u32) -> u32 {
    let d = D("d");
    let (_, x) = leaf(D("t").touch(), (D("a"), D("b"))).await;
    log("after let");
    x.touch();
    n
}, (1));
differential!(let_pattern_with_a_mutable_binding_and_a_later_await, (n: u32) -> u32 {
    let d = D("d");
    let (_, mut x) = leaf(D("t").touch(), (D("a"), vec![D("b")])).await;
    x.push(D("c"));
    log("after let");
    leaf("next", ()).await;
    x.len() as u32 + n
}, (1));
differential!(assignment_pattern_drops_its_leftover_before_the_statements_temporaries, (n: u32) -> u32 {
    let d = D("d");
    let k;
    (_, k) = leaf(D("t").touch(), (D("a"), 5u32)).await;
    log("after");
    leaf("next", ()).await;
    k + n
}, (1));
differential!(typed_let_pattern_with_two_bindings_and_a_leftover, (n: u32) -> u32 {
    let d = D("d");
    let (a, _, c): (D, D, u32) = leaf(D("t").touch(), (D("a"), D("b"), 3)).await;
    log("after");
    leaf("next", ()).await;
    a.touch();
    c + n
}, (1));

differential!(let_pattern_with_a_nested_or_pattern_and_a_leftover, (n: u32) -> u32 {
    let d = D("d");
    let (Ok(x) | Err(x), _) = leaf(D("t").touch(), (Ok::<u32, u32>(n), D("left"))).await;
    log("after");
    leaf("next", ()).await;
    x
}, (1));

differential!(let_pattern_binding_a_value_kept_in_place_and_leaving_a_part, (n: u32) -> usize {
    let d = D("d");
    let (_, mut v) = leaf(D("t").touch(), (D("a"), vec![D("b")])).await;
    let r = &mut v;
    leaf("g", ()).await;
    r.push(D("c"));
    v.len() + n as usize
}, (1));
