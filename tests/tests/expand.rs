//! Expansion snapshots: every `expand-snapshots/*.rs` input is expanded with
//! `cargo expand` (the version pinned by `scripts/test`) and compared with its
//! committed `*.expanded.rs`.
//!
//! Locally a missing snapshot is written (that is how snapshots are refreshed:
//! delete or change, run `cargo test -p statemachine-tests --test expand`,
//! review the diff). With `CI` set a missing or stale snapshot fails the run,
//! because macrotest's refreshing `expand` would write it and pass.

#[test]
fn expansion_snapshots() {
    let inputs = concat!(env!("CARGO_MANIFEST_DIR"), "/../expand-snapshots/*.rs");
    if std::env::var_os("CI").is_some() {
        macrotest::expand_without_refresh(inputs);
    } else {
        macrotest::expand(inputs);
    }
}

// The snapshot inputs are real code: each is compiled here with the real
// macro and its machine run, so a snapshot never records the expansion of a
// function that does not build or computes the wrong answer.
#[allow(dead_code)]
#[path = "../../expand-snapshots/await_in_condition.rs"]
mod await_in_condition;
#[allow(dead_code)]
#[path = "../../expand-snapshots/borrow_across_await.rs"]
mod borrow_across_await;
#[allow(dead_code)]
#[path = "../../expand-snapshots/drop_order.rs"]
mod drop_order;
#[allow(dead_code)]
#[path = "../../expand-snapshots/early_return.rs"]
mod early_return;
#[allow(dead_code)]
#[path = "../../expand-snapshots/for_loop.rs"]
mod for_loop;
#[allow(dead_code)]
#[path = "../../expand-snapshots/generic_fn.rs"]
mod generic_fn;
#[allow(dead_code)]
#[path = "../../expand-snapshots/if_else.rs"]
mod if_else;
#[allow(dead_code)]
#[path = "../../expand-snapshots/indexed_receiver.rs"]
mod indexed_receiver;
#[allow(dead_code)]
#[path = "../../expand-snapshots/loop_labels.rs"]
mod loop_labels;
#[allow(dead_code)]
#[path = "../../expand-snapshots/match_guard.rs"]
mod match_guard;
#[allow(dead_code)]
#[path = "../../expand-snapshots/method_mut_self.rs"]
mod method_mut_self;
#[allow(dead_code)]
#[path = "../../expand-snapshots/no_await.rs"]
mod no_await;
#[allow(dead_code)]
#[path = "../../expand-snapshots/question_mark.rs"]
mod question_mark;
#[allow(dead_code)]
#[path = "../../expand-snapshots/shared_slots.rs"]
mod shared_slots;
#[allow(dead_code)]
#[path = "../../expand-snapshots/straight_line.rs"]
mod straight_line;
#[allow(dead_code)]
#[path = "../../expand-snapshots/three_awaits.rs"]
mod three_awaits;
#[allow(dead_code)]
#[path = "../../expand-snapshots/while_let.rs"]
mod while_let;

use statemachine_runtime::block_on;

#[test]
fn snapshot_inputs_run() {
    assert_eq!(block_on(straight_line::add(1, 2)), 6);
    assert_eq!(block_on(if_else::pick(true, 4)), 10);
    assert_eq!(block_on(if_else::pick(false, 4)), 4);
    assert_eq!(block_on(match_guard::classify(Some(11))), 12);
    assert_eq!(block_on(match_guard::classify(Some(3))), 3);
    assert_eq!(block_on(match_guard::classify(None)), 2);
    assert_eq!(block_on(loop_labels::search(5, 4)), (2, 3));
    assert_eq!(block_on(loop_labels::search(2, 2)), (0, 0));
    assert_eq!(block_on(question_mark::total(1, 2)), Ok(3));
    assert_eq!(block_on(question_mark::total(1, 0)), Err("zero".to_owned()));
    assert_eq!(block_on(early_return::clamp(9, 5)), 5);
    assert_eq!(block_on(early_return::clamp(3, 5)), 3);
    let mut counter = method_mut_self::Counter::default();
    assert_eq!(block_on(counter.bump(2)), 2);
    assert_eq!(block_on(counter.bump(3)), 5);
    assert_eq!(block_on(generic_fn::describe(7)), "7/7");
    assert_eq!(block_on(no_await::ready(2)), 7);
    assert_eq!(block_on(for_loop::sum_lengths(vec!["ab", "cde"])), 5);
    assert_eq!(block_on(while_let::drain(vec![1, 2, 3])), 6);
    assert_eq!(block_on(await_in_condition::count_even(5)), 3);
    assert_eq!(block_on(drop_order::scoped("x".to_owned())), 7);
    assert!(block_on(three_awaits::copy_user(4)));
    assert_eq!(
        block_on(borrow_across_await::first_after_yield(vec![5, 6])),
        7
    );
    assert_eq!(block_on(shared_slots::total_length("ab cd", "xyz")), 8);
    assert_eq!(
        block_on(indexed_receiver::push_to_row(vec![vec![1], vec![]], 1)),
        1
    );
}
