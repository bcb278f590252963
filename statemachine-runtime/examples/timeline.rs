//! Writes a timeline of two traced tasks playing ping-pong, with a timer in
//! between: `target/statemachine-timeline.svg` (picture) and the same as text
//! on stdout. Also prints an executor dump taken while both were suspended.
//!
//! ```sh
//! cargo run -p statemachine-runtime --example timeline
//! ```

use std::time::Duration;

use statemachine_runtime::{LocalExecutor, oneshot, sleep, state_machine, trace};

#[state_machine(trace)]
async fn ping(txs: Vec<oneshot::Sender<u32>>, rxs: Vec<oneshot::Receiver<u32>>) -> u32 {
    let mut ball = 0;
    let mut senders = txs.into_iter();
    for rx in rxs {
        let _ = senders.next().map(|tx| tx.send(ball));
        ball = rx.await.unwrap_or(0);
    }
    ball
}

#[state_machine(trace)]
async fn pong(rxs: Vec<oneshot::Receiver<u32>>, txs: Vec<oneshot::Sender<u32>>) {
    let mut senders = txs.into_iter();
    for rx in rxs {
        let ball = rx.await.unwrap_or(0);
        think().await;
        let _ = senders.next().map(|tx| tx.send(ball + 1));
    }
}

#[state_machine(trace)]
async fn think() {
    sleep(Duration::from_millis(2)).await;
}

fn main() -> std::io::Result<()> {
    let rounds = 3;
    let (to_pong, from_ping): (Vec<_>, Vec<_>) = (0..rounds).map(|_| oneshot::channel()).unzip();
    let (to_ping, from_pong): (Vec<_>, Vec<_>) = (0..rounds).map(|_| oneshot::channel()).unzip();
    let ex = LocalExecutor::new();
    ex.set_introspection(true);
    let ping_task = ex.spawn(ping(to_pong, from_pong));
    ex.spawn(pong(from_ping, to_ping)).detach();
    ex.run_until_stalled();
    println!("dump while suspended:\n{}", ex.dump());
    let ball = ex.block_on(ping_task);
    println!("ball after {rounds} rounds: {ball}\n");

    let timeline = trace::take();
    println!("{}", timeline.to_text());
    let manifest = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = manifest.parent().unwrap_or(manifest).join("target");
    std::fs::create_dir_all(&dir)?;
    let path = dir.join("statemachine-timeline.svg");
    std::fs::write(&path, timeline.to_svg())?;
    println!("wrote {}", path.display());
    Ok(())
}
