//! Benchmark corpus and comparison report for `#[state_machine]`: machines
//! against rustc's async lowering and hand-written futures, and our
//! `LocalExecutor` against its peers. Run it with
//! `cargo run --release -p statemachine-bench --bin compare`.

#[macro_use]
mod corpus;
pub mod alloc;
pub mod buildcost;
pub mod exec;
pub mod hand;
pub mod instructions;
pub mod leaf;
pub mod report;
pub mod sizes;
pub mod workloads;

pub use corpus::*;
