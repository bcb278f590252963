//! Methods, generic and lifetime-carrying functions, trait impls, `Send` and
//! `Sync`, and machines run on tokio and on the project's own executor.

use std::pin::Pin;
use std::rc::Rc;

use statemachine_runtime::state_machine;
use statemachine_tests::{D, check, differential, differential_impl, is_send, is_sync, leaf, log};

#[derive(Debug)]
pub struct Counter {
    name: D,
    n: u32,
}

fn counter() -> Counter {
    Counter {
        name: D("counter"),
        n: 1,
    }
}

differential_impl!(Counter, by_ref_machine, by_ref_compiler, (&self), (k: u32) -> u32 {
    let _d = D("d");
    let v = leaf("by_ref", k).await;
    self.name.touch();
    v + self.n
});

differential_impl!(Counter, by_mut_machine, by_mut_compiler, (&mut self), (k: u32) -> u32 {
    let _d = D("d");
    self.n += leaf("by_mut", k).await;
    log(format!("{self:?}"));
    self.n
});

differential_impl!(Counter, by_value_machine, by_value_compiler, (self), () -> &'static str {
    let _d = D("d");
    leaf("by_value", ()).await;
    let Counter { name, n } = self;
    name.into_name()
});

differential_impl!(Counter, by_mut_value_machine, by_mut_value_compiler, (mut self), () -> u32 {
    self.n += leaf("x", 2).await;
    self.name.touch();
    self.n
});

// `mut self` kept in place (borrowed across an await): the never-run copy
// of the body mutates the receiver too (E0596 when the signature lost its
// `mut`).
differential_impl!(Counter, mut_self_in_place_machine, mut_self_in_place_compiler, (mut self), () -> u32 {
    let name = &self.name;
    leaf("x", ()).await;
    name.touch();
    self.n += leaf("y", 2).await;
    self.n
});

differential_impl!(Counter, pinned_machine, pinned_compiler, (self: Pin<&mut Self>), (k: u32) -> u32 {
    let _d = D("d");
    let this = self.get_mut();
    this.n += leaf("pinned", k).await;
    this.n
});

// A guard that awaits, on a field of `&mut self`: the guard borrows through
// the receiver across its await.
differential_impl!(Counter, guard_machine, guard_compiler, (&mut self), (k: u32) -> u32 {
    let _d = D("d");
    match self.n {
        n if leaf("guard", n + k > 3).await => {
            self.n += 10;
            self.n
        }
        n => n,
    }
});

// The same on a reference to a place reached through `&mut self`, and on a
// reference to a temporary.
differential_impl!(Counter, guard_on_ref_machine, guard_on_ref_compiler, (&mut self), (k: u32) -> u32 {
    let _d = D("d");
    let name = match &self.name.0.as_bytes()[1..] {
        [first, ..] if leaf("first", *first == b'o').await => {
            self.n += u32::from(*first);
            1
        }
        _ => 0,
    };
    let doubled = match &(self.n * 2) {
        m if leaf("doubled", *m > k).await => *m,
        _ => k,
    };
    name + doubled
});

/// Rows pushed to through the receiver while an argument awaits.
#[derive(Debug)]
pub struct Table {
    rows: Vec<Vec<D>>,
}

// A method on an indexed place of the receiver whose argument awaits
// (`self.rows[i].push(f().await)`): borrowed `&mut` through `&mut self`
// and `mut self`, `&` through `&self` (E0507 before).
differential_impl!(Table, push_machine, push_compiler, (&mut self), (i: usize) -> usize {
    self.rows[i].push(leaf("push", D("pushed")).await);
    self.rows[i].len()
});

differential_impl!(Table, owned_push_machine, owned_push_compiler, (mut self), (i: usize) -> usize {
    let _d = D("d");
    self.rows[i].push(leaf("push", D("pushed")).await);
    self.rows.len() + self.rows[i].len()
});

differential_impl!(Table, count_machine, count_compiler, (&self), (i: usize) -> usize {
    self.rows[i].len().max(self.rows.len() + leaf("count", 1).await)
        + usize::from(self.rows[i].is_empty().then_some(0).is_some())
});

fn table() -> Table {
    Table {
        rows: vec![vec![D("r0")], vec![]],
    }
}

#[test]
fn methods_on_indexed_receiver_places_match_rustc() {
    let (mut a, mut b) = (table(), table());
    let machine = statemachine_tests::run(a.push_machine(1));
    let compiler = statemachine_tests::run(b.push_compiler(1));
    assert_eq!(machine, compiler);
    assert_eq!(format!("{:?}", a.rows), format!("{:?}", b.rows));
    check(
        || table().owned_push_machine(0),
        || table().owned_push_compiler(0),
    );
    let t = table();
    check(|| t.count_machine(0), || t.count_compiler(0));
}

#[test]
fn methods_match_rustc() {
    let c = counter();
    check(|| c.by_ref_machine(3), || c.by_ref_compiler(3));
    let mut c = counter();
    check(
        || counter().by_value_machine(),
        || counter().by_value_compiler(),
    );
    check(
        || counter().by_mut_value_machine(),
        || counter().by_mut_value_compiler(),
    );
    check(
        || counter().mut_self_in_place_machine(),
        || counter().mut_self_in_place_compiler(),
    );
    // `&mut self` and `Pin<&mut Self>`: the receiver outlives each future.
    let mut runs = Vec::new();
    for _ in 0..2 {
        let mut a = counter();
        let mut b = counter();
        runs.push((
            statemachine_tests::run(a.by_mut_machine(2)),
            statemachine_tests::run(b.by_mut_compiler(2)),
        ));
        runs.push((
            statemachine_tests::run(a.guard_machine(3)),
            statemachine_tests::run(b.guard_compiler(3)),
        ));
        runs.push((
            statemachine_tests::run(a.guard_on_ref_machine(3)),
            statemachine_tests::run(b.guard_on_ref_compiler(3)),
        ));
        runs.push((
            statemachine_tests::run(Pin::new(&mut a).pinned_machine(5)),
            statemachine_tests::run(Pin::new(&mut b).pinned_compiler(5)),
        ));
    }
    for (machine, compiler) in runs {
        assert_eq!(machine, compiler);
    }
    c.n = 0;
}

// Generic and lifetime-carrying functions.

#[state_machine]
async fn generic_machine<T: Clone + std::fmt::Debug, U>(value: T, extra: U) -> (T, T)
where
    U: Into<u32>,
{
    let _d = D("d");
    let copy = leaf("clone", value.clone()).await;
    let n: u32 = extra.into();
    log(format!("extra {n}"));
    (value, copy)
}

async fn generic_compiler<T: Clone + std::fmt::Debug, U>(value: T, extra: U) -> (T, T)
where
    U: Into<u32>,
{
    let _d = D("d");
    let copy = leaf("clone", value.clone()).await;
    let n: u32 = extra.into();
    log(format!("extra {n}"));
    (value, copy)
}

#[state_machine]
async fn first_machine<'a>(items: &'a [D], label: &str) -> &'a str {
    let _d = D("d");
    log(label);
    let i = leaf("first", 0usize).await;
    items[i].0
}

async fn first_compiler<'a>(items: &'a [D], label: &str) -> &'a str {
    let _d = D("d");
    log(label);
    let i = leaf("first", 0usize).await;
    items[i].0
}

#[state_machine]
async fn impl_trait_argument_machine(items: impl IntoIterator<Item = u32>) -> u32 {
    let _d = D("d");
    let mut sum = 0;
    for i in items {
        sum += leaf("i", i).await;
    }
    sum
}

async fn impl_trait_argument_compiler(items: impl IntoIterator<Item = u32>) -> u32 {
    let _d = D("d");
    let mut sum = 0;
    for i in items {
        sum += leaf("i", i).await;
    }
    sum
}

/// A trait's method named like one the machine takes to consume a local.
trait IntoHalves {
    fn into_halves(self) -> (D, D);
}

struct Halves(D, D);

impl IntoHalves for Halves {
    fn into_halves(self) -> (D, D) {
        (self.1, self.0)
    }
}

// On a type parameter the bound's method is found as the type's own, before
// the never-run copy's check's method of that name: it is called, and the
// check passes (a trait's method on a concrete type would be ambiguous).
#[state_machine]
async fn bound_method_machine<T: IntoHalves>(pair: T) -> &'static str {
    let _d = D("d");
    leaf("before", ()).await;
    let (second, first) = pair.into_halves();
    leaf("after", ()).await;
    log(first.touch());
    second.touch()
}

async fn bound_method_compiler<T: IntoHalves>(pair: T) -> &'static str {
    let _d = D("d");
    leaf("before", ()).await;
    let (second, first) = pair.into_halves();
    leaf("after", ()).await;
    log(first.touch());
    second.touch()
}

#[test]
fn generic_and_lifetime_functions_match_rustc() {
    check(
        || generic_machine(D("v").0.to_string(), 7u8),
        || generic_compiler(D("v").0.to_string(), 7u8),
    );
    let items = [D("first"), D("second")];
    let label = String::from("label");
    check(
        || first_machine(&items, &label),
        || first_compiler(&items, &label),
    );
    check(
        || impl_trait_argument_machine(vec![1, 2, 3]),
        || impl_trait_argument_compiler(vec![1, 2, 3]),
    );
    check(
        || bound_method_machine(Halves(D("h0"), D("h1"))),
        || bound_method_compiler(Halves(D("h0"), D("h1"))),
    );
}

// A method implementing an `async fn` of a trait.

trait Service {
    async fn call(&self, request: u32) -> u32;
}

struct MachineService(D);
struct CompilerService(D);

impl Service for MachineService {
    #[state_machine]
    async fn call(&self, request: u32) -> u32 {
        let _d = D("d");
        self.0.touch();
        leaf("call", request * 2).await
    }
}

impl Service for CompilerService {
    async fn call(&self, request: u32) -> u32 {
        let _d = D("d");
        self.0.touch();
        leaf("call", request * 2).await
    }
}

#[test]
fn trait_impl_method_matches_rustc() {
    let m = MachineService(D("service"));
    let c = CompilerService(D("service"));
    check(|| m.call(4), || c.call(4));
}

// Send and Sync follow rustc's answer.

differential!(holds_rc_across_await, () -> u32 {
    let _d = D("d");
    let rc = Rc::new(5);
    leaf("tick", ()).await;
    *rc
}, ());

// A temporary in an awaited call's arguments lives across the await: here
// an `Rc`, so both futures are `!Send`.
differential!(rc_temporary_in_awaited_arguments, () -> u32 {
    let _d = D("d");
    leaf("tick", Rc::new(5u32).pow(1)).await
}, ());

// An `Rc` that `*` dereferences in an awaited call's arguments lives across
// the await too.
differential!(rc_dereferenced_in_awaited_arguments, () -> u32 {
    let _d = D("d");
    leaf("tick", *Rc::new(5u32) + u32::from(Rc::new(1u8) == Rc::new(1u8))).await
}, ());

differential!(rc_moved_before_await, () -> u32 {
    let _d = D("d");
    let rc = Rc::new(5);
    drop(rc);
    leaf("tick", ()).await;
    1
}, ());

differential!(rc_borrowed_then_moved_before_await, () -> u32 {
    let _d = D("d");
    let rc = Rc::new(5);
    let n = *rc;
    drop(rc);
    leaf("tick", ()).await;
    n
}, ());

differential!(rc_in_scope_not_used_after_await, () -> u32 {
    let _d = D("d");
    let rc = Rc::new(5);
    let n = *rc;
    leaf("tick", ()).await;
    n
}, ());

differential!(rc_borrowed_dead_reference, (rc: &'static Rc<u32>) -> u32 {
    let _d = D("d");
    let r = &**rc;
    let n = *r;
    leaf("tick", ()).await;
    n
}, (Box::leak(Box::new(Rc::new(3)))));

differential!(cell_held_across_await, () -> u32 {
    let _d = D("d");
    let c = std::cell::Cell::new(3);
    leaf("tick", ()).await;
    c.get()
}, ());

differential!(raw_pointer_dead_at_await, () -> u32 {
    let _d = D("d");
    let p = std::ptr::null::<u32>();
    let n = (p as usize == 0) as u32;
    leaf("tick", ()).await;
    n
}, ());

// The same with the pointer's type written: the macro knows it has no drop
// glue and forgets it once dead, as rustc does.
differential!(typed_raw_pointer_dead_at_await, () -> u32 {
    let _d = D("d");
    let p: *const u32 = std::ptr::null();
    let n = (p as usize == 0) as u32;
    leaf("tick", ()).await;
    n
}, ());

// Parameters whose written types have no drop glue (primitives, arrays and
// tuples of them, pointers) are not stored once dead. The awaited future
// holds 512 bytes, more than the arguments, so a stored `big` would show.
differential!(droppless_params_dead_at_await, (p: (*const u8, u32), seed: u8, big: [u64; 32]) -> u64 {
    let d = D("d");
    let sum = big[0] + big[31] + u64::from(seed) + u64::from(p.1);
    let held = async {
        let buf = [3u8; 512];
        leaf("inner", ()).await;
        buf[0]
    }
    .await;
    d.touch();
    sum + u64::from(held)
}, ((std::ptr::null(), 3), 7, [1; 32]));

// A closure that borrows a local across an await: rustc's holds `&Cell`,
// which is not `Send`, and `&mut u32`, which is; the machine's holds its
// reference to the slot with the same auto traits.
differential!(closure_borrows_cell_across_await, () -> u32 {
    let _d = D("d");
    let c = std::cell::Cell::new(3);
    let get = || c.get();
    leaf("tick", ()).await;
    get()
}, ());

differential!(closure_borrows_mutably_across_await, () -> u32 {
    let _d = D("d");
    let mut n = 3;
    let mut bump = || n += 1;
    leaf("tick", ()).await;
    bump();
    n
}, ());

// A `let` that shadows a dead reference does not read it: the reference is
// not kept across the await (a `&Cell` kept there would make the machine
// `!Send`, and a dead reference to a value assigned since is invalid).
differential!(shadowing_let_does_not_keep_the_shadowed_reference, () -> u32 {
    let _d = D("d");
    let c = std::cell::Cell::new(3);
    let r = &c;
    let n = std::cell::Cell::get(r);
    leaf("first", ()).await;
    let r = n + 1;
    leaf("second", ()).await;
    r
}, ());

#[test]
fn send_and_sync_match_rustc() {
    assert!(!is_send!(holds_rc_across_await::machine()));
    assert!(!is_send!(holds_rc_across_await::compiler()));
    assert!(!is_send!(rc_temporary_in_awaited_arguments::machine()));
    assert!(!is_send!(rc_temporary_in_awaited_arguments::compiler()));
    assert!(!is_send!(rc_dereferenced_in_awaited_arguments::machine()));
    assert!(!is_send!(rc_dereferenced_in_awaited_arguments::compiler()));
    assert!(is_send!(rc_moved_before_await::machine()));
    assert!(is_send!(rc_moved_before_await::compiler()));
    assert!(!is_send!(rc_in_scope_not_used_after_await::machine()));
    assert!(!is_send!(rc_in_scope_not_used_after_await::compiler()));
    // An argument is held until the first poll: a `&Rc` argument makes both
    // futures `!Send`.
    assert!(!is_send!(rc_borrowed_dead_reference::machine(Box::leak(
        Box::new(Rc::new(3))
    ))));
    assert_eq!(
        is_send!(rc_borrowed_dead_reference::machine(Box::leak(Box::new(
            Rc::new(3)
        )))),
        is_send!(rc_borrowed_dead_reference::compiler(Box::leak(Box::new(
            Rc::new(3)
        ))))
    );
    // A `Cell` is `Send` but not `Sync`: so are both futures holding it.
    assert!(is_send!(cell_held_across_await::machine()));
    assert_eq!(
        is_sync!(cell_held_across_await::machine()),
        is_sync!(cell_held_across_await::compiler())
    );
    assert!(is_send!(generic_machine(1u32, 2u8)));
    assert!(is_sync!(generic_machine(1u32, 2u8)));
    // The documented difference: rustc does not hold a value without drop
    // glue that is dead at the await (here a raw pointer); the macro cannot
    // see drop glue where no type is written and keeps it, so its machine is
    // not `Send`.
    assert!(is_send!(raw_pointer_dead_at_await::compiler()));
    assert!(!is_send!(raw_pointer_dead_at_await::machine()));
    // With the type written (`let p: *const u32`, or a parameter's type), it
    // is forgotten once dead, as rustc does.
    assert!(is_send!(typed_raw_pointer_dead_at_await::compiler()));
    assert!(is_send!(typed_raw_pointer_dead_at_await::machine()));

    // The other direction: rustc keeps a local that was ever borrowed (here
    // by `*rc`) until its scope ends, even once moved; the machine stores
    // only what is still initialized, so it is `Send` here and rustc's is not.
    assert!(is_send!(rc_borrowed_then_moved_before_await::machine()));
    assert!(!is_send!(rc_borrowed_then_moved_before_await::compiler()));

    assert!(is_send!(
        shadowing_let_does_not_keep_the_shadowed_reference::compiler()
    ));
    assert!(is_send!(
        shadowing_let_does_not_keep_the_shadowed_reference::machine()
    ));

    // Closures holding borrows across an await.
    assert!(!is_send!(closure_borrows_cell_across_await::compiler()));
    assert!(!is_send!(closure_borrows_cell_across_await::machine()));
    assert!(is_send!(closure_borrows_mutably_across_await::compiler()));
    assert!(is_send!(closure_borrows_mutably_across_await::machine()));
    assert!(is_sync!(closure_borrows_mutably_across_await::compiler()));
    assert!(is_sync!(closure_borrows_mutably_across_await::machine()));
}

// A local whose written type has no drop glue, dead at the await.
differential!(typed_local_dead_at_await, (seed: u8) -> u64 {
    let d = D("d");
    let big: [u64; 32] = [u64::from(seed); 32];
    let sum = big[0] + big[31];
    leaf("tick", ()).await;
    d.touch();
    sum
}, (7));

/// Dead values without drop glue are not stored: suspended at the await the
/// machines hold the awaitee and `d`, not the 256-byte arrays, as rustc's.
#[test]
fn dead_droppless_values_are_not_stored() {
    let machine = typed_local_dead_at_await::machine(7);
    let compiler = typed_local_dead_at_await::compiler(7);
    assert!(std::mem::size_of_val(&machine) < 256);
    assert!(std::mem::size_of_val(&machine) <= std::mem::size_of_val(&compiler));

    let args = || ((std::ptr::null(), 3), 7, [1; 32]);
    let (p, seed, big) = args();
    let machine = droppless_params_dead_at_await::machine(p, seed, big);
    let (p, seed, big) = args();
    let compiler = droppless_params_dead_at_await::compiler(p, seed, big);
    assert!(std::mem::size_of_val(&machine) <= std::mem::size_of_val(&compiler));
    // The awaited block's 512 bytes and `sum` and `d`, without `big` (256).
    assert!(std::mem::size_of_val(&machine) < 512 + 256);
}

// On real executors.

#[state_machine]
async fn sleepy_sum(n: u64) -> u64 {
    let mut sum = 0;
    for i in 0..n {
        statemachine_runtime::sleep(std::time::Duration::from_millis(1)).await;
        statemachine_runtime::yield_now().await;
        sum += i;
    }
    sum
}

#[state_machine]
async fn tokio_work(n: u64) -> u64 {
    let mut sum = 0;
    for i in 0..n {
        tokio::time::sleep(std::time::Duration::from_millis(1)).await;
        tokio::task::yield_now().await;
        let (tx, rx) = tokio::sync::oneshot::channel();
        tokio::spawn(async move { tx.send(i).unwrap() });
        sum += rx.await.unwrap();
    }
    sum
}

#[tokio::test(flavor = "current_thread")]
async fn runs_on_tokio() {
    assert_eq!(tokio_work(5).await, 10);
    assert_eq!(sleepy_sum(4).await, 6);
    let handle = tokio::spawn(tokio_work(3));
    assert_eq!(handle.await.unwrap(), 3);
}

#[test]
fn runs_on_own_executor() {
    let executor = statemachine_runtime::LocalExecutor::new();
    let handles: Vec<_> = (0..10).map(|n| executor.spawn(sleepy_sum(n))).collect();
    let total = executor.block_on(async {
        let mut total = 0;
        for h in handles {
            total += h.await;
        }
        total
    });
    assert_eq!(total, (0..10u64).map(|n| n * n.saturating_sub(1) / 2).sum());
    assert_eq!(statemachine_runtime::block_on(sleepy_sum(3)), 3);
}

// `#[in_place]`: the escape hatch that keeps a local in place (here a value
// whose borrow the macro cannot see, handed out through a raw pointer).

#[state_machine]
async fn in_place_machine(n: u32) -> u32 {
    // A raw pointer made by a macro: the macro cannot see this borrow.
    #[in_place]
    let mut total = 0u32;
    let p: *mut u32 = core::ptr::addr_of_mut!(total);
    for i in 0..n {
        // SAFETY: `total` stays in place (in its slot) across the await.
        unsafe { *p += leaf("i", i).await };
    }
    total
}

#[allow(unused_mut)]
async fn in_place_compiler(n: u32) -> u32 {
    let mut total = 0u32;
    let p: *mut u32 = core::ptr::addr_of_mut!(total);
    for i in 0..n {
        // SAFETY: `total` stays in place in rustc's coroutine.
        unsafe { *p += leaf("i", i).await };
    }
    total
}

#[test]
fn in_place_keeps_a_local_where_raw_pointers_see_it() {
    for pending in 0..3 {
        statemachine_tests::set_pending(pending);
        assert_eq!(
            statemachine_tests::run(in_place_machine(4)).output,
            statemachine_tests::run(in_place_compiler(4)).output
        );
        assert_eq!(statemachine_tests::run(in_place_machine(4)).output, "6");
    }
    statemachine_tests::set_pending(0);
}
// An operator whose output keeps a borrow of its operand: the macro takes
// `n + &words` to borrow `words` only for the operator (true of `std`'s
// operators), so here `words` must be marked `#[in_place]`; without it the
// build fails with E0505 at `words`, never at run time.

struct Words(String);

struct View<'a>(&'a str);

impl<'a> core::ops::Add<&'a Words> for usize {
    type Output = View<'a>;
    fn add(self, words: &'a Words) -> View<'a> {
        View(&words.0[self..])
    }
}

async fn show(view: View<'_>) -> String {
    leaf("show", view.0.len()).await;
    view.0.to_owned()
}

#[state_machine]
async fn operator_borrow_machine(n: usize) -> String {
    #[in_place]
    let words = Words(String::from("hello"));
    let plain = String::from("!");
    show(n + &words).await + &plain
}

async fn operator_borrow_compiler(n: usize) -> String {
    let words = Words(String::from("hello"));
    let plain = String::from("!");
    show(n + &words).await + &plain
}

#[test]
fn an_operator_output_borrowing_its_operand_works_in_place() {
    for pending in 0..3 {
        statemachine_tests::set_pending(pending);
        let machine = statemachine_tests::run(operator_borrow_machine(1));
        let compiler = statemachine_tests::run(operator_borrow_compiler(1));
        assert_eq!(machine.output, "\"ello!\"");
        assert_eq!(machine.output, compiler.output);
        assert_eq!(machine.polls, compiler.polls);
    }
    statemachine_tests::set_pending(0);
}

// Borrows across awaits in a generic function: the borrowed local stays in a
// slot whose borrow lifetime is inferred, not `'static` (which would need
// `T: 'static`).

#[state_machine]
async fn generic_borrows_machine<T: std::fmt::Debug>(items: Vec<T>, mut buf: [u8; 4]) -> usize {
    let _d = D("d");
    let mut total = 0;
    for item in items.iter() {
        log(format!("{item:?}"));
        total += leaf("item", 1usize).await;
    }
    let mut reader = statemachine_tests::Reader::new(b"abcde");
    total += reader.read(&mut buf).await;
    let first = &items[0];
    leaf("tick", ()).await;
    log(format!("{first:?}"));
    total
}

async fn generic_borrows_compiler<T: std::fmt::Debug>(items: Vec<T>, mut buf: [u8; 4]) -> usize {
    let _d = D("d");
    let mut total = 0;
    for item in items.iter() {
        log(format!("{item:?}"));
        total += leaf("item", 1usize).await;
    }
    let mut reader = statemachine_tests::Reader::new(b"abcde");
    total += reader.read(&mut buf).await;
    let first = &items[0];
    leaf("tick", ()).await;
    log(format!("{first:?}"));
    total
}

#[test]
fn borrows_in_a_generic_function_match_rustc() {
    check(
        || generic_borrows_machine(vec![D("x"), D("y")], [0; 4]),
        || generic_borrows_compiler(vec![D("x"), D("y")], [0; 4]),
    );
    // Borrowing a `T` that is not `'static` works too.
    let local = String::from("not static");
    check(
        || generic_borrows_machine(vec![&local], [0; 4]),
        || generic_borrows_compiler(vec![&local], [0; 4]),
    );
}

// The same with `impl Trait` arguments, which are type parameters without a
// name (probe S: E0310 before they got the lifetime bound too): the argument
// is borrowed across the await by its statement's temporary, and by a local.

#[state_machine]
async fn impl_trait_borrows_machine(
    label: impl AsRef<str> + std::fmt::Display,
    items: Vec<impl std::fmt::Debug>,
) -> usize {
    let _d = D("d");
    let n = leaf("len", label.as_ref().len()).await;
    let first = &items[0];
    leaf("tick", ()).await;
    log(format!("{label} {first:?}"));
    n
}

async fn impl_trait_borrows_compiler(
    label: impl AsRef<str> + std::fmt::Display,
    items: Vec<impl std::fmt::Debug>,
) -> usize {
    let _d = D("d");
    let n = leaf("len", label.as_ref().len()).await;
    let first = &items[0];
    leaf("tick", ()).await;
    log(format!("{label} {first:?}"));
    n
}

#[test]
fn borrows_of_impl_trait_arguments_match_rustc() {
    let local = String::from("not static");
    check(
        || impl_trait_borrows_machine(local.as_str(), vec![D("x")]),
        || impl_trait_borrows_compiler(local.as_str(), vec![D("x")]),
    );
}

// A slot local named through a `macro_rules!` fragment, which reaches the
// attribute wrapped in an invisible group, stays a place, as `(s)` does
// (`parenthesized_slot_local_stays_borrowed` in the case files).
macro_rules! borrow_through_fragment {
    ($name:ident, $s:ident, $place:expr) => {
        differential!($name, ($s: D) -> usize {
            let n = (&$place).touch().len() + $place.touch().len();
            log("after the borrows");
            let r = &$s;
            leaf("tick", ()).await;
            n + r.touch().len()
        }, (D("s")));
    };
}
borrow_through_fragment!(slot_local_in_macro_fragment_stays_borrowed, s, s);

// tokio's statement form of `pin!`, which shadows each name with its pinned
// reference: the values stay in place across the awaits after it.
differential!(tokio_pin_statement_held_across_awaits, (n: u32) -> u32 {
    let d = D("d");
    let first = async { leaf("first", n).await };
    let second = async {
        let inner = D("second inner");
        leaf("second", 1).await + inner.touch().len() as u32
    };
    tokio::pin!(first, second);
    leaf("between", ()).await;
    let a = first.as_mut().await;
    a + second.await + d.touch().len() as u32
}, (3));

// Generic functions and a method of a generic impl whose dead values the
// macro cannot prove free of borrows: kept in place (with the frame's
// lifetime), they still run, drop and are Send/Sync as rustc's futures.
mod dead_generic {
    use statemachine_tests::{D, leaf, log};
    use std::fmt::Debug;

    #[::statemachine_runtime::state_machine]
    pub async fn machine<T: Debug>(t: T, n: usize) -> usize {
        let s = format!("{t:?}").to_uppercase();
        let d = (D("d"), s.len());
        log(s.clone());
        d.0.touch();
        leaf("first", ()).await;
        n
    }
    pub async fn compiler<T: Debug>(t: T, n: usize) -> usize {
        let s = format!("{t:?}").to_uppercase();
        let d = (D("d"), s.len());
        log(s.clone());
        d.0.touch();
        leaf("first", ()).await;
        n
    }

    // the dead value holds a borrow of a generic parameter's value.
    #[::statemachine_runtime::state_machine]
    pub async fn machine2<T: Debug>(t: T, n: usize) -> usize {
        let p = (D("p"), &t);
        log(format!("{:?}", p.1));
        leaf("first", ()).await;
        log(format!("{t:?}"));
        n
    }
    pub async fn compiler2<T: Debug>(t: T, n: usize) -> usize {
        let p = (D("p"), &t);
        log(format!("{:?}", p.1));
        leaf("first", ()).await;
        log(format!("{t:?}"));
        n
    }

    pub struct Holder<T> {
        pub t: T,
        pub name: D,
    }
    impl<T: Debug> Holder<T> {
        #[::statemachine_runtime::state_machine]
        pub async fn machine(&self, n: usize) -> usize {
            let p = (D("p"), &self.t);
            log(format!("{:?}", p.1));
            let s = format!("{:?}", self.t).to_uppercase();
            log(s.clone());
            leaf("first", ()).await;
            self.name.touch();
            n
        }
        pub async fn compiler(&self, n: usize) -> usize {
            let p = (D("p"), &self.t);
            log(format!("{:?}", p.1));
            let s = format!("{:?}", self.t).to_uppercase();
            log(s.clone());
            leaf("first", ()).await;
            self.name.touch();
            n
        }
    }

    #[test]
    fn dead_generic_matches() {
        statemachine_tests::check(|| machine(3u8, 2), || compiler(3u8, 2));
        statemachine_tests::check(
            || machine2(String::from("x"), 2),
            || compiler2(String::from("x"), 2),
        );
        let h = Holder {
            t: vec![1u8],
            name: D("h"),
        };
        statemachine_tests::check(|| h.machine(2), || h.compiler(2));
        assert_eq!(
            statemachine_tests::is_send!(machine(3u8, 2)),
            statemachine_tests::is_send!(compiler(3u8, 2))
        );
        assert_eq!(
            statemachine_tests::is_sync!(machine(3u8, 2)),
            statemachine_tests::is_sync!(compiler(3u8, 2))
        );
        assert_eq!(
            statemachine_tests::is_send!(h.machine(2)),
            statemachine_tests::is_send!(h.compiler(2))
        );
    }
}
