// Bodies only edition 2021 accepts: an `if let` scrutinee's and a block
// tail's temporaries live to the end of the statement there.

// The machine leaves an `async` block as written, so its `if let`s and
// blocks keep the user's edition, in the machine and in the never-run copy
// of the body alike (the function has a slot, so the copy is there).
differential!(async_block_values_borrow_statement_temporaries, (n: usize) -> usize {
    fn use_it(s: &D) -> usize {
        s.touch().len()
    }
    let keep = vec![D("keep")];
    let kept = &keep[0];
    leaf("kept", ()).await;
    kept.touch();
    let fallback = D("fallback");
    let from_if_let = async {
        use_it(if let Some(s) = vec![D("v")].first() {
            leaf("in", ()).await;
            s
        } else {
            &fallback
        })
    };
    let from_block = async {
        use_it({
            leaf("in block", ()).await;
            vec![D("w")].first().unwrap()
        })
    };
    from_if_let.await + from_block.await + n
}, (1));
