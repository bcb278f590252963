// Cases that need edition 2024 syntax (`let` chains).

differential!(if_let_chain, (a: Option<u32>, b: Option<u32>) -> u32 {
    let d = D("d");
    if let Some(x) = a && let Some(y) = b && x < y {
        leaf("both", x + y).await
    } else {
        leaf("neither", 0).await
    }
}, (Some(1), Some(2)));

