//! A user crate with `#![deny(warnings, clippy::pedantic)]`: generated code
//! must not trigger any lint (`./scripts/test` runs clippy on this file with
//! `-D warnings`, which makes the pedantic group errors here).
#![deny(warnings, clippy::pedantic)]

use statemachine_runtime::{block_on, state_machine, yield_now};

/// A counter whose methods are machines.
#[derive(Debug, Default)]
pub struct Counter {
    n: u64,
}

impl Counter {
    /// Adds `k` after a yield.
    #[state_machine]
    pub async fn add(&mut self, k: u64) -> u64 {
        yield_now().await;
        self.n += k;
        self.n
    }
}

/// Sums a slice with a borrow held across awaits and a buffer in place.
#[state_machine]
pub async fn sum(values: Vec<u64>) -> u64 {
    let mut buf = [0u8; 64];
    let mut total = 0;
    for v in &values {
        yield_now().await;
        total += v;
        buf[usize::try_from(*v % 64).unwrap_or(0)] = 1;
    }
    total + u64::from(buf[1])
}

/// Control flow with `?`, labels and early returns.
///
/// # Errors
/// When an item is odd.
#[state_machine]
pub async fn check_even(items: Vec<u64>) -> Result<u64, String> {
    let mut count = 0;
    'outer: for i in items {
        for _ in 0..2 {
            yield_now().await;
            if i == 0 {
                continue 'outer;
            }
        }
        if i % 2 == 1 {
            return Err(format!("odd {i}"));
        }
        count += u64::try_from(i).map_err(|e| e.to_string())?;
    }
    Ok(count)
}

async fn is_short(s: &str) -> bool {
    yield_now().await;
    s.len() < 3
}

/// Awaits in a match guard, in a `let ... else`, in an assignment's place
/// and in `format!`'s arguments.
#[state_machine]
pub async fn forms(words: Vec<String>, first: Option<String>) -> String {
    let mut out: Vec<String> = Vec::new();
    for w in words {
        match w {
            s if is_short(&s).await => out.push(s),
            s => out.push(s.to_uppercase()),
        }
    }
    let longest = match &out[..] {
        [one] if is_short(one).await => one.len(),
        [.., last] => last.len(),
        [] => 0,
    };
    out.push(longest.to_string());
    let Some(head) = first else {
        yield_now().await;
        return out.join(",");
    };
    let mut slots = [0u8; 2];
    slots[usize::from(is_short(&head).await)] = 1;
    format!(
        "{head}:{}:{}:{}",
        out.join(","),
        slots[1],
        is_short(&head).await
    )
}

/// A body that is one expression, borrowing an argument across the await
/// (the argument is kept in place, so the never-run copy of the body is
/// emitted too). On one line, where `unused_braces` looks at the braces.
#[rustfmt::skip]
#[state_machine]
pub async fn one_expression(word: String) -> bool { is_short(&word).await }

/// Receivers of methods taken to consume them, one a temporary in a
/// statement that awaits: the never-run copy checks their types.
#[state_machine]
pub async fn consumed(values: Option<Vec<u64>>, pairs: Vec<(u8, u8)>) -> usize {
    let mut pairs = pairs;
    let n = values.unwrap_or_default().len();
    let firsts: Vec<u8> = (&mut pairs).into_iter().map(|p| p.0).collect();
    yield_now().await;
    n + firsts.len() + (Some(1usize)).map_or(0, |x| x + 1) + async { 1 }.await
}

/// `join!`s, rewritten into an awaited `async move` block over their
/// evaluated arguments.
#[state_machine]
pub async fn joined(words: Vec<String>) -> usize {
    let (a, b) = tokio::join!(is_short(&words[0]), async { words.len() });
    let ((), c) = futures::join!(yield_now(), is_short("abc"));
    usize::from(a) + b + usize::from(c)
}

#[test]
fn lint_clean_machines_run() {
    assert!(block_on(one_expression("ab".into())));
    assert_eq!(
        block_on(forms(vec!["ab".into(), "long".into()], Some("x".into()))),
        "x:ab,LONG,4:1:true"
    );
    assert_eq!(block_on(forms(vec!["abcd".into()], None)), "ABCD,4");
    assert_eq!(block_on(forms(vec!["ab".into()], None)), "ab,2");
    let mut c = Counter::default();
    assert_eq!(block_on(c.add(2)), 2);
    assert_eq!(block_on(sum(vec![1, 2, 3])), 7);
    assert_eq!(block_on(check_even(vec![2, 0, 4])), Ok(6));
    assert_eq!(block_on(check_even(vec![2, 3])), Err("odd 3".to_owned()));
    assert_eq!(block_on(joined(vec!["ab".into(), "abcd".into()])), 3);
}
