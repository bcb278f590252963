//! Diagnostics of an edition 2021 crate: see `tests/tests/ui.rs`. To bless
//! a changed output run `TRYBUILD=overwrite cargo test --manifest-path
//! tests/edition2021/Cargo.toml --test ui` and read the `.stderr` diff.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("ui/*.rs");
}
