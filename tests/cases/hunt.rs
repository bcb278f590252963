differential!(hunt_assign_destructure_wild, (n: u32) -> u32 {
    let d = D("d");
    let s;
    (_, s) = leaf("req", (D("body"), 200u32)).await;
    log("after");
    leaf("next", ()).await;
    s + n
}, (1));
differential!(hunt_match_wild_part, (n: u32) -> u32 {
    let d = D("d");
    let s = match leaf("req", (D("body"), 200u32)).await { (_, s) => s };
    log("after");
    leaf("next", ()).await;
    s + n
}, (1));
differential!(hunt_if_let_wild_part, (n: u32) -> u32 {
    let d = D("d");
    let mut s = 0;
    if let (_, 200) = leaf("req", (D("body"), 200u32)).await { log("then"); s = 1; }
    log("after");
    leaf("next", ()).await;
    s + n
}, (1));
differential!(hunt_let_else_wild_part, (n: u32) -> u32 {
    let d = D("d");
    let (_, Some(s)) = leaf("req", (D("body"), Some(200u32))).await else { return 0 };
    log("after");
    leaf("next", ()).await;
    s + n
}, (1));
differential!(hunt_let_wild_block_value, (n: u32) -> u32 {
    let d = D("d");
    let (_, s) = { log("blk"); leaf("req", (D("body"), 200u32)).await };
    log("after");
    leaf("next", ()).await;
    s + n
}, (1));
differential!(hunt_let_wild_in_loop, (n: u32) -> u32 {
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
differential!(hunt_let_wild_if_value, (n: u32) -> u32 {
    let d = D("d");
    let (_, s) = if n > 0 { leaf("req", (D("body"), 200u32)).await } else { (D("e"), 1) };
    log("after");
    leaf("next", ()).await;
    s + n
}, (1));
