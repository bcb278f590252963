//! The differential suite in an edition 2021 crate: see `tests/`.
