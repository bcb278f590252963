// Drop order of operands evaluated before an await against the statement's
// temporaries, at every kind of temporary scope (probe E). Edition 2024 only:
// block tails and let chains are 2024's.

pub struct P(pub &'static str);
impl Drop for P {
    fn drop(&mut self) {
        log(format!("drop {}", self.0));
    }
}
impl std::ops::Add<u32> for P {
    type Output = u32;
    fn add(self, r: u32) -> u32 {
        log(format!("add {}", self.0));
        r
    }
}
impl std::ops::Add<P> for P {
    type Output = u32;
    fn add(self, r: P) -> u32 {
        log(format!("add {} {}", self.0, r.0));
        1
    }
}
pub fn g2(a: D, b: u32) -> u32 { log(format!("g2 {}", a.0)); b }
pub fn g3(a: &D, b: u32) -> u32 { log(format!("g3 {}", a.0)); b }
pub fn gd(a: D, b: D) -> u32 { log(format!("gd {} {}", a.0, b.0)); 1 }
pub fn g4(a: D, b: D, c: u32) -> u32 { log(format!("g4 {} {}", a.0, b.0)); c }

// && rhs is a terminating scope: its temporary drops before the tuple's operand.
differential!(order_andand_rhs_temp, (n: u32) -> u32 {
    let d = D("d");
    let p = (D("a"), n > 0 && leaf(D("t").touch(), n).await == 1);
    p.1 as u32
}, (1));

// match arm body is a terminating scope.
differential!(order_match_arm_temp, (n: u32) -> u32 {
    let d = D("d");
    let p = (D("a"), match n { 1 => leaf(D("t").touch(), n).await, _ => 0 });
    p.1
}, (1));

// block tail: 2024 drops inside, 2021 extends to the statement.
differential!(order_block_tail_temp, (n: u32) -> u32 {
    let d = D("d");
    let p = (D("a"), { leaf(D("t").touch(), n).await });
    p.1
}, (1));

differential!(order_block_tail_temp_expr_stmt, (n: u32) -> u32 {
    let d = D("d");
    gd(D("a"), { log("block"); leaf(D("t").touch(), D("b")).await });
    n
}, (1));

// block with a let and a tail, inside an operand.
differential!(order_block_let_in_operand, (n: u32) -> u32 {
    let d = D("d");
    let p = (D("a"), { let x = D("x"); leaf(D("t").touch(), n).await + x.touch().len() as u32 });
    p.1
}, (1));

// awaited value as an operand before a later await.
differential!(order_awaited_value_operand, (n: u32) -> u32 {
    let d = D("d");
    let p = (D("a"), leaf("x", D("b")).await, leaf(D("t").touch(), n).await);
    p.2
}, (1));

// temporary made before the operand.
differential!(order_temp_before_operand, (n: u32) -> u32 {
    let d = D("d");
    let p = (D("t0").touch().len(), D("a"), leaf(D("t").touch(), n).await);
    p.2
}, (1));

// nested calls with awaits in inner args.
differential!(order_nested_call_args, (n: u32) -> u32 {
    let d = D("d");
    let r = g2(D("a"), g2(D("b"), leaf(D("t").touch(), n).await));
    r
}, (1));

differential!(order_nested_tuple_in_call, (n: u32) -> u32 {
    let d = D("d");
    let r = g4(D("a"), D("c"), (D("b"), leaf(D("t").touch(), n).await).1);
    r
}, (1));

// &temp argument.
differential!(order_ref_temp_arg, (n: u32) -> u32 {
    let d = D("d");
    let r = g3(&D("t"), leaf(D("u").touch(), n).await);
    r
}, (1));

differential!(order_ref_temp_arg_after_operand, (n: u32) -> u32 {
    let d = D("d");
    let r = g4(D("a"), D("b"), g3(&D("t"), leaf(D("u").touch(), n).await));
    r
}, (1));

// receiver temporary before await in binary op.
differential!(order_receiver_temp_binop, (n: u32) -> u32 {
    let d = D("d");
    let r = D("x").touch().len() as u32 + leaf(D("t").touch(), n).await;
    r
}, (1));

// overloaded binary op with value operand.
differential!(order_overloaded_add, (n: u32) -> u32 {
    let d = D("d");
    let r = P("a") + leaf(D("t").touch(), n).await;
    r
}, (1));

differential!(order_overloaded_add_pp, (n: u32) -> u32 {
    let d = D("d");
    let r = P("a") + leaf(D("t").touch(), P("b")).await;
    r + n
}, (1));

// expression statement, tail expression, return.
differential!(order_expr_stmt, (n: u32) -> u32 {
    let d = D("d");
    g2(D("a"), leaf(D("t").touch(), n).await);
    n
}, (1));

differential!(order_tail, (n: u32) -> u32 {
    let d = D("d");
    g2(D("a"), leaf(D("t").touch(), n).await)
}, (1));

differential!(order_return, (n: u32) -> u32 {
    let d = D("d");
    if n > 0 {
        return g2(D("a"), leaf(D("t").touch(), n).await);
    }
    n
}, (1));

differential!(order_tail_tuple, (n: u32) -> (D, u32) {
    let d = D("d");
    (D("a"), leaf(D("t").touch(), n).await)
}, (1));

// in a loop body.
differential!(order_loop_body, (n: u32) -> u32 {
    let d = D("d");
    let mut s = 0;
    for i in 0..2u32 {
        let x = D("x");
        s += g2(D("a"), leaf(D("t").touch(), i).await);
        g2(D("b"), leaf(D("u").touch(), i).await);
    }
    s + n
}, (1));

differential!(order_while_loop, (n: u32) -> u32 {
    let d = D("d");
    let mut i = 0;
    while i < 2 {
        let p = (D("a"), leaf(D("t").touch(), i).await);
        i = p.1 + 1;
    }
    i + n
}, (1));

// match scrutinee with an await.
differential!(order_match_scrutinee, (n: u32) -> u32 {
    let d = D("d");
    match (D("a"), leaf(D("t").touch(), n).await) {
        (x, 1) => { x.touch(); leaf("arm", 1).await }
        _ => 0,
    }
}, (1));

differential!(order_if_scrutinee, (n: u32) -> u32 {
    let d = D("d");
    if g2(D("a"), leaf(D("t").touch(), n).await) == 1 {
        leaf("then", D("e")).await;
        1
    } else { 0 }
}, (1));

// array and struct literals.
#[allow(dead_code)]
pub struct S2 { pub x: D, pub y: u32, pub z: D }
differential!(order_array, (n: u32) -> u32 {
    let d = D("d");
    let a = [D("a"), D("b"), leaf(D("t").touch(), D("c")).await];
    a.len() as u32 + n
}, (1));

differential!(order_struct, (n: u32) -> u32 {
    let d = D("d");
    let s = S2 { x: D("a"), y: leaf(D("t").touch(), n).await, z: D("z") };
    s.y
}, (1));

differential!(order_struct_reordered, (n: u32) -> u32 {
    let d = D("d");
    let s = S2 { z: D("a"), y: leaf(D("t").touch(), n).await, x: D("b") };
    s.y
}, (1));

// place operand vs value.
differential!(order_place_operand, (n: u32) -> u32 {
    let d = D("d");
    let e = D("e");
    let p = (e, D("a"), leaf(D("t").touch(), n).await);
    p.2
}, (1));

differential!(order_index_operand, (n: u32) -> usize {
    let d = D("d");
    let v = vec![D("v0"), D("v1")];
    let p = (v[0].touch(), D("a"), leaf(D("t").touch(), n as usize).await, &v[leaf("i", 1usize).await]);
    p.2 + p.3.touch().len()
}, (1));

// method with args: receiver value.
differential!(order_method_value_receiver, (n: u32) -> u32 {
    let d = D("d");
    let r = Some(D("a")).map(|x| x).into_iter().count() as u32 + leaf(D("t").touch(), n).await;
    r
}, (1));

differential!(order_method_args, (n: u32) -> u32 {
    let d = D("d");
    let mut v = Vec::new();
    v.push((D("a"), leaf(D("t").touch(), n).await));
    v.len() as u32
}, (1));

// two temporaries around an operand, two awaits.
differential!(order_two_awaits_temps, (n: u32) -> u32 {
    let d = D("d");
    let p = (D("t0").touch().len(), D("a"), leaf(D("t1").touch(), n).await, D("b"), leaf(D("t2").touch(), n).await);
    p.2 + p.4
}, (1));

pub fn gb(a: D, b: u32) -> bool { log(format!("gb {}", a.0)); b == 1 }

// Expression scopes that coincide with a terminating scope.
differential!(order_arm_body_call, (n: u32) -> u32 {
    let d = D("d");
    let r = match n { 1 => g2(D("a"), leaf(D("t").touch(), n).await), _ => 0 };
    r
}, (1));

differential!(order_block_tail_call, (n: u32) -> u32 {
    let d = D("d");
    let r = { g2(D("a"), leaf(D("t").touch(), n).await) };
    r
}, (1));

differential!(order_block_tail_call_with_let, (n: u32) -> u32 {
    let d = D("d");
    let r = { let x = D("x"); g2(D("a"), leaf(D("t").touch(), n).await) };
    r
}, (1));

differential!(order_if_cond_call, (n: u32) -> u32 {
    let d = D("d");
    if gb(D("a"), leaf(D("t").touch(), n).await) { 1 } else { 0 }
}, (1));

differential!(order_if_cond_call_stmt, (n: u32) -> u32 {
    let d = D("d");
    let r = if gb(D("a"), leaf(D("t").touch(), n).await) { 1 } else { 0 };
    r
}, (1));

differential!(order_while_cond_call, (n: u32) -> u32 {
    let d = D("d");
    let mut i = 0;
    while gb(D("a"), leaf(D("t").touch(), i).await) { i += 1; }
    i + n
}, (0));

differential!(order_andand_rhs_call, (n: u32) -> u32 {
    let d = D("d");
    let r = n > 0 && gb(D("a"), leaf(D("t").touch(), n).await);
    r as u32
}, (1));

differential!(order_if_branch_tail_call, (n: u32) -> u32 {
    let d = D("d");
    let r = if n > 0 { g2(D("a"), leaf(D("t").touch(), n).await) } else { 0 };
    r
}, (1));

differential!(order_tail_if_branch_tail_call, (n: u32) -> u32 {
    let d = D("d");
    if n > 0 { g2(D("a"), leaf(D("t").touch(), n).await) } else { 0 }
}, (1));

differential!(order_loop_body_tail_call, (n: u32) -> u32 {
    let d = D("d");
    let mut i = 0;
    loop {
        i += 1;
        if i > 2 { break; }
        g2(D("a"), leaf(D("t").touch(), i).await)
    ; }
    i + n
}, (1));

differential!(order_match_arm_tuple, (n: u32) -> u32 {
    let d = D("d");
    let r = match n { 1 => (D("a"), leaf(D("t").touch(), n).await), _ => (D("z"), 0) };
    r.1
}, (1));

differential!(order_tail_overloaded_add, (n: u32) -> u32 {
    let d = D("d");
    P("a") + leaf(D("t").touch(), n).await
}, (1));

differential!(order_tail_struct, (n: u32) -> u32 {
    let d = D("d");
    let s = { S2 { x: D("a"), y: leaf(D("t").touch(), n).await, z: D("z") } };
    s.y
}, (1));

differential!(order_tail_nested, (n: u32) -> u32 {
    let d = D("d");
    g2(D("a"), g2(D("b"), leaf(D("t").touch(), n).await))
}, (1));

// panics in a later operand.
differential!(panics order_panic_later_operand, (n: u32) -> u32 {
    let d = D("d");
    let p = (D("a"), leaf(D("t").touch(), n).await, if n > 0 { panic!("later") } else { 1u32 });
    p.1
}, (1));



differential!(panics order_panic_arm_body_call, (n: u32) -> u32 {
    let d = D("d");
    let r = match n { 1 => g4(D("a"), D("b"), leaf(D("t").touch(), n).await + if n > 0 { panic!("arm") } else { 1u32 }), _ => 0 };
    r
}, (1));

differential!(panics order_panic_overloaded_add, (n: u32) -> u32 {
    let d = D("d");
    let r = P("a") + (leaf(D("t").touch(), n).await + if n > 0 { panic!("add") } else { 1u32 });
    r
}, (1));

differential!(panics order_panic_in_loop_operand, (n: u32) -> u32 {
    let d = D("d");
    let mut s = 0;
    for i in 0..3u32 {
        let x = D("x");
        s += g4(D("a"), D("b"), leaf(D("t").touch(), i).await + if i == 1 { panic!("loop") } else { 1u32 });
    }
    s + n
}, (1));

// Receiver check: arm and let-chain bindings (false refusal probes).
differential!(order_arm_binding_option_receiver, (n: u32) -> u32 {
    let d = D("d");
    let o = Some(n);
    match o {
        Some(v) => Some(v).unwrap_or(0) + leaf(D("t").touch(), 1u32).await,
        None => 0,
    }
}, (1));

differential!(order_let_chain_binding_receiver, (n: u32) -> u32 {
    let d = D("d");
    let o = Some(n);
    if let Some(v) = o && Some(v).unwrap_or(0) + leaf(D("t").touch(), 1u32).await > 1 {
        return 1;
    }
    0
}, (1));

differential!(order_let_chain_ref_binding, (n: u32) -> usize {
    let d = D("d");
    let o = vec![D("x")];
    if let Some(v) = o.first() && v.touch().len() + leaf(D("t").touch(), 1usize).await > 1 {
        return 1;
    }
    n as usize
}, (1));

// A local receiver that the method takes, before an argument that awaits:
// rustc moves it into the call first, so a future dropped at that await
// drops it with the statement's temporaries, before the locals declared
// after it (the machine dropped it in its scope's order; probe L). With
// the local moved with the state, kept in a slot, and an iterator.
differential!(local_receiver_taken_before_an_awaiting_argument, (n: u32) -> usize {
    let d = D("d");
    let o = Some(D("o"));
    let later = D("later");
    let k = o.map_or(leaf("a", 0usize).await, |x| x.into_name().len());
    log(later.touch());
    let kept = Some(D("kept"));
    let r = &kept;
    leaf("z", ()).await;
    log(r.as_ref().map_or("none", |k| k.touch()));
    let after = D("after");
    let v = kept.unwrap_or(leaf("b", D("default")).await);
    log(after.touch());
    let it = vec![D("i1"), D("i2")].into_iter();
    let last = D("last");
    let z: Vec<(D, u32)> = it.zip(leaf("w", vec![1u32, 2]).await).collect();
    log(last.touch());
    d.touch();
    k + v.0.len() + z.len() + n as usize
}, (2));
