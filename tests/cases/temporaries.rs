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
