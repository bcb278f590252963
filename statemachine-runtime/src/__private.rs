//! Everything generated code names. Not a public API.
