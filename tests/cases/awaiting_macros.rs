// `join!` and `try_join!` of tokio and futures, whose expansions await.

differential!(tokio_join_of_leaves_and_a_borrowing_block, (n: u32) -> u32 {
    let d = D("d");
    let x = D("x");
    let (a, b) = tokio::join!(leaf("a", n), async {
        x.touch();
        leaf("b", 2).await
    });
    let e = D("e");
    a + b + leaf("after", 1).await
}, (3));

differential!(tokio_join_drops_the_temporaries_of_its_arguments_together, (n: u32) -> u32 {
    let d = D("d");
    let (a, b, ()) = tokio::join!(
        leaf(D("t1").touch(), n),
        leaf(D("t2").touch(), 2),
        async { log("third") },
    );
    a + b
}, (3));

differential!(futures_join_drops_each_arguments_temporaries_at_once, (n: u32) -> u32 {
    let d = D("d");
    let (a, b) = futures::join!(leaf(D("t1").touch(), n), leaf(D("t2").touch(), 2));
    a + b
}, (3));

differential!(bare_join_of_local_futures_as_a_statement, (n: u32) -> u32 {
    use tokio::join;
    let d = D("d");
    let first = leaf("first", n);
    let second = async move { leaf("second", n + 1).await };
    join!(first, second);
    let (x,) = join!(leaf("x", 7));
    let (y, z, w) =
        join!(async { leaf("y", 1).await }, async move { n }, leaf("w", leaf("inner", 2)).await);
    join!();
    x + y + z + w + leaf("after", 1).await
}, (3));

differential!(tokio_try_join_with_question_mark, (fail: bool) -> Result<u32, String> {
    let d = D("d");
    let ok = async { Ok::<u32, String>(leaf("ok", 1).await) };
    let maybe = async move {
        let v = leaf("maybe", 2).await;
        if fail { Err(format!("failed at {v}")) } else { Ok(v) }
    };
    let (a, b) = tokio::try_join!(ok, maybe)?;
    let e = D("e");
    Ok(a + b + leaf("after", 1).await)
}, (true));

differential!(tokio_try_join_succeeding_in_a_loop, (n: u32) -> Result<u32, String> {
    let d = D("d");
    let mut total = 0;
    for i in 0..n {
        let held = D("held");
        let (a, b) = tokio::try_join!(
            async { Ok::<u32, String>(leaf("a", i).await) },
            async { Ok(leaf("b", 10).await) },
        )?;
        total += a + b;
    }
    Ok(total)
}, (2));

differential!(biased_join_and_join_in_an_operand, (n: u32) -> u32 {
    let d = D("d");
    let x = D("x");
    let sum = tokio::join!(biased; leaf("a", n), leaf("b", 1)).0
        + leaf(x.touch(), 1).await
        + tokio::join!(leaf("c", 5)).0;
    sum
}, (3));

differential!(join_in_the_arguments_of_a_formatting_macro, (n: u32) -> String {
    let d = D("d");
    let shown = format!("{:?} {}", tokio::join!(leaf("a", n), leaf("b", 2)), leaf("c", 3).await);
    log(format!("shown {shown}"));
    shown
}, (1));

// An argument that awaits, after one already made: dropped there, rustc drops
// the made future before the awaiting argument's temporary (probe C).
differential!(tokio_join_argument_awaiting_after_another, (n: u32) -> u32 {
    let d = D("d");
    let (a, b) = tokio::join!(leaf("a", n), leaf(D("t").touch(), leaf("b", 2u32)).await);
    a + b
}, (1));
