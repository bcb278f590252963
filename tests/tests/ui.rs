//! Diagnostics: each input under `tests/ui/` is one user mistake, and its
//! `.stderr` holds the one error the user sees, spanned on the offending
//! tokens. To bless a new or changed output run
//! `TRYBUILD=overwrite cargo test -p statemachine-tests --test ui`, then read
//! the `.stderr` diff: an error on the attribute, a second error for the same
//! mistake or a leaked generated name is a bug in the macro, not a new
//! expectation.

use std::fs;
use std::path::Path;

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("ui/*.rs");
}

/// The committed expectations themselves must keep the product's promise:
/// exactly one error per mistake, never pointing at the attribute itself.
#[test]
fn each_expectation_has_one_error_on_user_tokens() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("ui");
    let mut checked = 0;
    for entry in fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let name = path.file_name().unwrap().to_str().unwrap().to_owned();
        let source = fs::read_to_string(&path).unwrap();
        let stderr = fs::read_to_string(path.with_extension("stderr"))
            .unwrap_or_else(|_| panic!("{name}: no .stderr committed"));
        let errors: Vec<&str> = stderr
            .lines()
            .filter(|l| l.starts_with("error[") || l.starts_with("error:"))
            .collect();
        assert_eq!(
            errors.len(),
            1,
            "{name}: expected one error, got {errors:?}"
        );
        assert!(
            !errors[0].contains("__"),
            "{name}: a generated name leaks into the message: {}",
            errors[0]
        );

        // The primary location is the first ` --> ui/NAME:LINE:COL` line.
        let marker = format!("--> ui/{name}:");
        let location = stderr
            .lines()
            .find_map(|l| l.trim_start().strip_prefix(&marker))
            .unwrap_or_else(|| panic!("{name}: no primary location in\n{stderr}"));
        let mut parts = location.split(':').map(|n| n.parse::<usize>().unwrap());
        let (line, column) = (parts.next().unwrap(), parts.next().unwrap());
        let text = source.lines().nth(line - 1).unwrap();
        let at: String = text.chars().skip(column - 1).collect();
        assert!(
            !at.starts_with("#[state_machine"),
            "{name}: the error points at the attribute, not at the user's tokens:\n{stderr}"
        );
        checked += 1;
    }
    assert!(checked >= 15, "only {checked} UI cases");
}
