//! Randomly generated bodies (see `build.rs`), each compiled both ways and
//! checked with the differential harness.
#![allow(unused_mut, unreachable_code, clippy::all)]

use statemachine_tests::{D, differential, leaf, log};

include!(concat!(env!("OUT_DIR"), "/generated_cases.rs"));

#[test]
fn report_generated_count() {
    println!("differential suite: {COUNT} generated bodies, seed {SEED}");
    assert!(COUNT > 0);
}
