// Loops, labels, break values, `?` and early returns.

differential!(for_loop_over_vec, (a: u32, names: Vec<D>) -> u32 {
    let mut total = 0;
    for n in names {
        let d = leaf("len", n.0.len() as u32).await;
        total += d + a;
    }
    total
}, (5, vec![D("ab"), D("cde")]));

differential!(for_loop_early_return, (names: Vec<D>) -> Result<u32, D> {
    let mut total = 0;
    let guard = D("guard");
    for n in names {
        let d = leaf("len", n.0.len() as u32).await;
        if d > 2 { return Err(n); }
        total += d;
    }
    Ok(total)
}, (vec![D("ab"), D("cde"), D("f")]));

differential!(for_iter_expression_awaits, (n: u32) -> u32 {
    let d = D("d");
    let mut sum = 0;
    for i in 0..leaf("bound", n).await {
        sum += leaf("item", i).await;
    }
    d.touch();
    sum
}, (4));

differential!(while_loop, (n: u32) -> u32 {
    let d = D("d");
    let mut i = 0;
    let mut acc = 0;
    while i < n {
        let step = D("step");
        acc += leaf("body", i).await;
        i += 1;
    }
    acc
}, (3));

differential!(while_condition_awaits, (n: u32) -> u32 {
    let d = D("d");
    let mut i = 0;
    while leaf("cond", i).await < n {
        i += 1;
    }
    i
}, (3));

differential!(while_let_pops, (items: Vec<D>) -> Vec<&'static str> {
    let mut stack = items;
    let mut out = Vec::new();
    while let Some(item) = leaf("pop", stack.pop()).await {
        out.push(item.into_name());
    }
    out
}, (vec![D("x"), D("y")]));

differential!(loop_break_value, (n: u32) -> u32 {
    let d = D("d");
    let mut i = 0;
    let found = loop {
        i += 1;
        let v = leaf("probe", i * 3).await;
        if v > n { break v; }
    };
    d.touch();
    found
}, (10));

differential!(loop_break_value_awaits, (n: u32) -> u32 {
    let d = D("d");
    let mut i = 0;
    loop {
        i += 1;
        if i == n { break leaf("final", i * 100).await; }
        leaf("tick", ()).await;
    }
}, (3));

differential!(labeled_break_continue, (n: u32) -> Vec<(u32, u32)> {
    let d = D("d");
    let mut out = Vec::new();
    'outer: for i in 0..n {
        let row = D("row");
        for j in 0..n {
            if j > i { continue 'outer; }
            if i + j > 4 { break 'outer; }
            let v = leaf("cell", (i, j)).await;
            out.push(v);
        }
    }
    out
}, (4));

differential!(continue_in_verbatim_code, (n: u32) -> u32 {
    let d = D("d");
    let mut sum = 0;
    for i in 0..n {
        let t = D("t");
        if i % 2 == 0 {
            continue;
        }
        sum += leaf("odd", i).await;
    }
    sum
}, (6));

differential!(nested_verbatim_loop_breaks_stay, (n: u32) -> u32 {
    let d = D("d");
    let mut sum = 0;
    for i in 0..n {
        let mut j = 0;
        loop {
            j += 1;
            if j > i { break; }
        }
        sum += leaf("sum", j).await;
    }
    sum
}, (4));

differential!(labeled_block_break, (n: u32) -> u32 {
    let d = D("d");
    let v = 'block: {
        let inner = D("inner");
        if n > 2 {
            break 'block leaf("early", n).await;
        }
        leaf("late", 0).await
    };
    d.touch();
    v
}, (3));

differential!(question_mark_result, (input: Vec<Result<u32, &'static str>>) -> Result<u32, String> {
    let d = D("d");
    let mut total = 0;
    for r in input {
        let t = D("t");
        total += leaf("item", r).await?;
    }
    Ok(total)
}, (vec![Ok(1), Err("bad"), Ok(3)]));

differential!(question_mark_option, (input: Vec<Option<u32>>) -> Option<u32> {
    let d = D("d");
    let first = leaf("first", input.first().copied()).await??;
    let second = input.get(1).copied()??;
    Some(first + second + leaf("end", 1).await)
}, (vec![Some(1), Some(2)]));

differential!(question_mark_from_conversion, (n: u32) -> Result<u32, Box<dyn std::error::Error>> {
    let d = D("d");
    let parsed: u32 = leaf("text", String::from("12x")).await.parse()?;
    Ok(parsed + n)
}, (1));

differential!(question_mark_in_labeled_loop, (rows: Vec<Vec<Result<u32, u32>>>) -> Result<u32, u32> {
    let d = D("d");
    let mut sum = 0;
    'rows: for row in rows {
        for cell in row {
            let v = leaf("cell", cell).await?;
            if v == 0 { continue 'rows; }
            sum += v;
        }
    }
    Ok(sum)
}, (vec![vec![Ok(1), Ok(0), Ok(5)], vec![Ok(2), Err(9)]]));

differential!(early_return_in_match_arm, (n: u32) -> u32 {
    let d = D("d");
    let x = match n {
        0 => return leaf("zero", 100).await,
        k => {
            let e = D("e");
            leaf("k", k).await
        }
    };
    x + leaf("after", 1).await
}, (0));

differential!(return_without_value, (n: u32) -> () {
    let d = D("d");
    if leaf("check", n).await > 1 {
        let inner = D("inner");
        return;
    }
    log("not reached");
}, (2));

differential!(await_in_guard_position_of_loop_in_match, (cmds: Vec<u32>) -> u32 {
    let d = D("d");
    let mut total = 0;
    for c in cmds {
        match c {
            0 => {
                let mut k = 0;
                while k < 2 {
                    total += leaf("inner", k).await;
                    k += 1;
                }
            }
            n if n > 5 => break,
            n => total += leaf("n", n).await,
        }
    }
    total
}, (vec![1, 0, 7, 3]));

differential!(question_mark_inside_cast_and_binary, (a: Option<u32>) -> Option<u64> {
    let d = D("d");
    leaf("tick", ()).await;
    let x = a? as u64;
    let y = a? + 1;
    Some(x + y as u64 + leaf("after", a).await? as u64)
}, (Some(2)));

differential!(whole_assignment_in_lowered_branch_of_loop, (c: bool) -> u64 {
    let d = D("d");
    let mut flip = c;
    let mut num = 0u64;
    let mut sum = 0u64;
    loop {
        leaf("tick", ()).await;
        if flip { num = 2; flip = false; } else { sum += num + 1; }
        if sum > 5 { return sum; }
    }
}, (true));

// A branch whose value is an assignment that reads the local it assigns
// (`acc = acc.rotate_left(3)`, a match arm or an `else` without braces'
// statements), beside a branch that awaits: the read is of the branch's
// entry value (E0282 and E0381 before: the branch received no `acc`).
differential!(branch_value_assignment_reads_what_it_assigns, (n: u32) -> u64 {
    let d = D("d");
    let mut acc = 1u64;
    let mut num = 0u64;
    for i in 0..n {
        match i % 3 {
            0 => acc += u64::from(i),
            1 => leaf("yield", ()).await,
            _ => acc = acc.rotate_left(3),
        }
        if i % 2 == 0 { leaf("even", ()).await } else { num = num * 10 + u64::from(i) }
    }
    acc + num + d.touch().len() as u64
}, (7));

// What a `for` pattern leaves of the item (`_`, `(a, _)`, an or-pattern
// binding nothing) stays in rustc's `match` on `next()` to the end of the
// iteration, after the body's locals: the machine keeps the item across the
// body's awaits (it dropped it at the first suspension before). A top-level
// or-pattern is parenthesized in the machine's `let` (a syntax error
// before).
differential!(for_pattern_leaves_part_of_the_item_to_the_end_of_the_iteration, (n: u32) -> u32 {
    let d = D("d");
    let mut acc = 0;
    for _ in vec![D("x"), D("y")] {
        acc += leaf("wild", n).await;
        log("end of the wild body");
    }
    for (a, _) in vec![(1u32, D("p")), (2, D("q"))] {
        let s = D("s");
        acc += a + leaf("pair", n).await;
        s.touch();
    }
    for (i, _) in vec![D("e0"), D("e1")].into_iter().enumerate() {
        acc += i as u32 + leaf("enumerated", n).await;
    }
    for Some(_) | None in vec![Some(D("some")), None] {
        acc += leaf("or", n).await;
    }
    acc + d.touch().len() as u32
}, (1));

// The same for iterators whose items the macro cannot see to have no drop
// glue: a borrowed iterator (`&mut it`) yields owned items, kept to the end
// of each iteration, after the body's locals (dropped first at 9f7d0ed,
// which took any borrow to yield references).
differential!(for_item_of_a_borrowed_iterator_dropped_after_the_body, (n: u32) -> u32 {
    let d = D("d");
    let mut total = 0;
    let mut it = vec![D("i1"), D("i2"), D("i3")].into_iter();
    for _ in &mut it {
        let b = D("body");
        total += leaf("l", n).await;
        b.touch();
    }
    for (k, _) in (0u32..2).zip(vec![D("z1"), D("z2")]) {
        total += k + leaf("z", n).await;
    }
    for _ in 0..2 {
        total += leaf("range", n).await;
    }
    total + d.touch().len() as u32
}, (1));

// A pattern binding part of an item that is a `&mut` borrow (`iter_mut()`,
// `values_mut()`, zipped or enumerated) reborrows through it: the item owns
// nothing, so it is not kept (refused, then E0499, while 6f04741 kept it).
differential!(for_pattern_binding_part_of_a_mutable_borrow, (n: u32) -> u32 {
    let d = D("d");
    let mut items = vec![(1u32, String::from("a")), (2, String::from("b"))];
    for (id, _) in items.iter_mut() {
        *id += leaf("i", n).await;
    }
    let mut m = std::collections::BTreeMap::new();
    m.insert(String::from("k"), 1u32);
    for (_, v) in m.iter_mut() {
        *v += leaf("v", n).await;
    }
    let w = vec![1u32, 2];
    for ((id, _), k) in items.iter_mut().zip(w.iter()) {
        let add = k + leaf("z", n).await;
        *id += add;
    }
    items[0].0 + items[1].0 + m["k"] + items[0].1.len() as u32 + d.touch().len() as u32
}, (1));

differential!(maybe_moved_copy_reassigned_after_branch, (n: u32) -> u32 {
    let d = D("d");
    let mut ball = 0u32;
    let mut sent = Vec::new();
    for i in 0..n {
        if i % 2 == 0 {
            sent.push(ball);
        }
        ball = leaf("rx", i + ball).await;
    }
    ball + sent.len() as u32
}, (4));

// An accumulator updated by an integer method inside an awaiting loop, with
// `?` on the update: the method's result borrows nothing, so `acc` is moved
// with the state (no slot, no flag), as in rustc's layout.
differential!(checked_accumulator_in_awaiting_loop, (a: D, n: u32) -> Result<u64, D> {
    let mut acc = 0u64;
    let mut names = vec![D("names")];
    for i in 0..n {
        let v = leaf("v", u64::from(i) + 1).await;
        acc = acc.checked_mul(v).ok_or(D("overflow"))?;
        acc = acc.wrapping_add(1);
        names.push(D("pushed"));
    }
    a.touch();
    Ok(acc)
}, (D("a"), 4));

// Code after a loop may use a type that only the loop's body fixes
// (`results.push(f().await)`): the loop's exit is written after the body.
differential!(types_fixed_inside_a_loop_are_known_after_it, (n: u32) -> usize {
    let d = D("d");
    let mut results = Vec::new();
    for i in 0..n {
        results.push(leaf("a", Some(i)).await);
    }
    let some = results.iter().filter(|r| r.is_some()).count();
    let mut last = None;
    while last.is_none() {
        last = Some(leaf("b", D("last")).await);
    }
    let named = last.as_ref().map(|d| d.0.len()).unwrap_or(0);
    let mut total = 0;
    'outer: loop {
        let mut seen = Vec::new();
        seen.push(leaf("c", total).await);
        total += 1;
        if total > 1 {
            break 'outer seen;
        }
    }
    .iter()
    .for_each(|x| total += x);
    d.touch();
    some + named + total
}, (2));

differential!(for_pattern_leaving_the_owned_side_of_a_zip_with_mutable_borrows, (n: u32) -> u32 {
    let d = D("d");
    let mut a = vec![1u32, 2];
    for ((i, _), _) in a.iter_mut().enumerate().zip(vec![D("z1"), D("z2")]) {
        let b = D("body");
        leaf("z", n).await;
        log(format!("index {i}"));
    }
    a[0] + d.touch().len() as u32
}, (1));

// The awaited collection is moved into `into_iter`, not kept as a
// temporary (E0382 before); a temporary its awaitee borrows lives to the
// end of the loop.
differential!(for_loop_over_an_awaited_collection_whose_body_awaits, (n: u32) -> u32 {
    let d = D("d");
    let mut s = 0;
    for x in leaf("v", vec![D("v0"), D("v1")]).await {
        s += leaf("item", n).await;
    }
    for x in leaf(D("t").touch(), vec![D("w0"), D("w1")]).await {
        let b = D("body");
        s += leaf("item", n).await;
    }
    for x in leaf("r", vec![D("r0")]).await.into_iter().rev() {
        s += leaf(x.touch(), n).await;
    }
    #[allow(unused_parens)]
    for x in (leaf("p", vec![D("p0")]).await) {
        s += leaf(x.touch(), n).await;
    }
    s
}, (1));

// A collection made by a block or a branch that awaits is moved into the
// loop, as an awaited one is (E0382 before); a borrow of an awaited
// collection keeps it in place, borrowed by the iterator across the body's
// awaits and dropped after it when the loop ends (E0505 before).
differential!(for_loop_over_a_block_branch_or_borrow_that_awaits, (n: u32) -> u32 {
    let d = D("d");
    let mut s = 0;
    for x in { log("block"); leaf("v", vec![D("v0"), D("v1"), D("v2")]).await } {
        if x.0 == "v1" {
            break;
        }
        s += leaf(x.touch(), n).await;
    }
    for x in if n > 0 { leaf("w", vec![D("w0"), D("w1")]).await } else { vec![D("e")] } {
        let b = D("body");
        s += leaf(x.touch(), n).await;
    }
    #[allow(clippy::match_single_binding)]
    for x in match n { 0 => Vec::new(), _ => leaf("m", vec![D("m0")]).await } {
        s += leaf(x.touch(), n).await;
    }
    for x in &leaf("r", vec![D("r0"), D("r1")]).await {
        let b = D("body");
        s += leaf(x.touch(), n).await;
        if x.0 == "r0" {
            continue;
        }
        log("after continue");
    }
    for x in &mut leaf("u", vec![1u32, 2]).await {
        *x += leaf("u item", n).await;
        s += *x;
    }
    for x in &(leaf("p", [D("p0")]).await) {
        s += leaf(x.touch(), n).await;
    }
    // A body that does not await: the loop's blocks still carry values
    // between them (E0505 before; probe H).
    for x in &leaf("q", vec![D("q0"), D("q1")]).await {
        s += x.touch().len() as u32;
    }
    leaf("after", ()).await;
    s
}, (1));

// A `for` pattern binding the `&mut` side of a zip and leaving the other
// side's `Copy` parts (a range's integers, shared borrows): the item is not
// kept beside the reborrow, and the never-run copy checks that what is
// left has no drop glue (probe D; refused before).
differential!(for_zip_of_mutable_borrows_leaving_copy_parts, (n: u32) -> u32 {
    let d = D("d");
    let mut a = vec![1u32, 2, 3];
    for (x, _) in a.iter_mut().zip(0..2) {
        *x += leaf("range", n).await;
    }
    let b = vec![D("b0"), D("b1")];
    for (x, _) in a.iter_mut().zip(b.iter()) {
        let body = D("body");
        *x += leaf("iter", n).await;
    }
    let w = vec![5u32, 6];
    for (x, _) in a.iter_mut().zip(&w) {
        *x += leaf("ref", n).await;
    }
    let mut m = std::collections::BTreeMap::new();
    m.insert(1u32, D("m1"));
    m.insert(2, D("m2"));
    for (slot, (_, v)) in a.iter_mut().zip(m.iter()) {
        *slot += v.touch().len() as u32 + leaf("map", n).await;
    }
    for (x, (i, _)) in a.iter_mut().zip(b.iter().enumerate()) {
        *x += i as u32 + leaf("enumerate", n).await;
    }
    a.iter().sum::<u32>() + d.touch().len() as u32 + b.len() as u32
}, (1));
