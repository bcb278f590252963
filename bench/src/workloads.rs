//! The workload table: for each workload, how to construct and run each
//! variant, its sizes, and the optimal size computed by hand.

use std::future::Future;
use std::hint::black_box;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

use statemachine_runtime::LocalExecutor;

use crate::leaf::{BenchError, Big16K};
use crate::{compiler, hand, machine};

/// Folds a workload's output into a `u64`, so that variants can be checked
/// against each other and the result kept alive with `black_box`.
pub trait Digest {
    /// The folded value.
    fn digest(self) -> u64;
}

impl Digest for () {
    fn digest(self) -> u64 {
        0
    }
}

macro_rules! digest_as_u64 {
    ($($t:ty),*) => {$(
        impl Digest for $t {
            fn digest(self) -> u64 {
                self as u64
            }
        }
    )*};
}
digest_as_u64!(u8, u32, u64, usize);

impl Digest for Result<u64, BenchError> {
    fn digest(self) -> u64 {
        match self {
            Ok(v) => v,
            Err(BenchError::Leaf(n)) => u64::from(n) | 1 << 63,
            Err(BenchError::Overflow) => u64::MAX,
        }
    }
}

/// Polls `fut` to completion with a no-op waker; returns the digest of its
/// output and the number of polls. Inlined so the future stays on the
/// caller's stack, as it would under `block_on`. The pinned reference goes
/// through `black_box` before every poll, as it would through an executor's
/// task pointer: without it LLVM folds rustc's whole 1,000-poll loop into a
/// constant and the "transition" measured is zero.
#[inline(always)]
pub fn drive<F: Future<Output: Digest>>(fut: F) -> (u64, u64) {
    let mut fut = pin!(fut);
    let mut cx = Context::from_waker(Waker::noop());
    let mut polls = 0;
    loop {
        polls += 1;
        if let Poll::Ready(out) = black_box(fut.as_mut()).poll(&mut cx) {
            return (out.digest(), polls);
        }
    }
}

/// Polls `fut` `k` times (or to completion), then drops it: cancellation.
#[inline(always)]
pub fn cancel_after<F: Future<Output: Digest>>(fut: F, k: u64) -> (u64, u64) {
    let mut fut = pin!(fut);
    let mut cx = Context::from_waker(Waker::noop());
    for polls in 1..=k {
        if let Poll::Ready(out) = black_box(fut.as_mut()).poll(&mut cx) {
            return (out.digest(), polls);
        }
    }
    (u64::MAX, k)
}

/// One variant of a workload (machine, compiler or hand-written).
#[derive(Debug, Clone, Copy)]
pub struct Variant {
    /// `size_of_val` of the future as constructed.
    pub size: fn() -> usize,
    /// Constructs the future and runs it (to completion, or to the
    /// cancellation point); returns (digest, polls).
    pub run: fn() -> (u64, u64),
    /// Spawns one instance, detached, on our executor (peak-memory figure).
    pub spawn: fn(&LocalExecutor),
}

/// A workload of the corpus.
#[derive(Debug, Clone, Copy)]
pub struct Workload {
    /// Short id, used in benchmark ids and file names.
    pub name: &'static str,
    /// One line for the report.
    pub about: &'static str,
    /// The size with each live value stored once, computed by hand (see
    /// `optimal_note`).
    pub optimal: usize,
    /// How `optimal` was computed.
    pub optimal_note: &'static str,
    /// Compiled by `#[state_machine]`.
    pub machine: Variant,
    /// Compiled by rustc.
    pub compiler: Variant,
    /// Written by hand, where practical.
    pub hand: Option<Variant>,
}

/// Builds a [`Variant`] from one constructor expression; `$run` is
/// [`drive`] or a cancellation driver.
macro_rules! variant {
    ($fut:expr) => {
        variant!($fut, |f| drive(f))
    };
    ($fut:expr, $run:expr) => {
        Variant {
            size: || std::mem::size_of_val(&$fut),
            run: || ($run)($fut),
            spawn: |ex| ex.spawn($fut).detach(),
        }
    };
}

/// The three variants of a workload whose constructor has the same path in
/// every module.
macro_rules! variants {
    ($($path:ident)::+ ($($arg:expr),*) $(, $run:expr)?) => {
        (
            variant!(machine::$($path)::+($($arg),*) $(, $run)?),
            variant!(compiler::$($path)::+($($arg),*) $(, $run)?),
        )
    };
}

/// The corpus, in report order.
pub fn all() -> Vec<Workload> {
    let mut out = Vec::new();
    let mut add =
        |name, about, optimal, optimal_note, (machine, compiler): (Variant, Variant), hand| {
            out.push(Workload {
                name,
                about,
                optimal,
                optimal_note,
                machine,
                compiler,
                hand,
            })
        };

    add(
        "yield_loop",
        "1,000 awaits of a leaf that is Pending once: 1,001 polls, the transition floor",
        12,
        "Range<i32> 8 + leaf 1 + tag 1, align 4",
        variants!(yield_loop()),
        Some(variant!(hand::yield_loop())),
    );
    add(
        "deep_chain",
        "1,000 sequential awaits: 10 straight-line x = bump(x).await, looped 100 times",
        32,
        "Range<i32> 8 + Bump leaf 16 (x moves into it) + tag 1, align 8",
        variants!(deep_chain(black_box(1))),
        None,
    );
    add(
        "nested5",
        "5 nested machines, each level awaits the next (18 awaits, 15 polls)",
        64,
        "level 1: Range 8 + Bump 16 + tag = 32; each level above: max(x 8 + leaf 1, inner) + tag, 8-aligned: 40, 48, 56, 64",
        variants!(nested5(black_box(1))),
        None,
    );
    add(
        "buf4k",
        "a 4 KiB buffer live across 1,000 awaits, written by indexing (fact 12)",
        4120,
        "buf 4096 + Range<usize> 16 + leaf 1 + tag 1, align 8",
        variants!(buf4k(black_box(3))),
        Some(variant!(hand::buf4k(black_box(3)))),
    );
    add(
        "issue62958",
        "async fn f(arg: [u8; 8192]) { wait().await; drop(arg) } (rust-lang/rust#62958)",
        8194,
        "arg 8192 + leaf 1 + tag 1",
        variants!(issue62958(black_box([5u8; 8192]))),
        Some(variant!(hand::issue62958(black_box([5u8; 8192])))),
    );
    add(
        "wrap64k",
        "a 64 KiB future through 4 generic wrapper async fns (wrap(f) { f.await })",
        65542,
        "buf 65536 + leaf 1 + tag 1, plus a 1-byte tag per wrapper",
        (
            variant!(machine::wrap(machine::wrap(machine::wrap(machine::wrap(
                machine::big64k(black_box(9))
            ))))),
            variant!(compiler::wrap(compiler::wrap(compiler::wrap(
                compiler::wrap(compiler::big64k(black_box(9)))
            )))),
        ),
        Some(variant!(hand::wrap(hand::wrap(hand::wrap(hand::wrap(
            hand::big64k(black_box(9))
        )))))),
    );
    add(
        "arg16k_4wrappers",
        "a [u8; 16384] argument passed down 4 wrapper async fns, used after an await (fact 13)",
        16390,
        "arg 16384 + leaf 1 + tag 1, plus a 1-byte tag per wrapper",
        variants!(arg16k_4(black_box([7u8; 16384]))),
        None,
    );
    add(
        "chain16k_boxed",
        "a 64-aligned 16 KiB argument through a 3-level chain, Box::pinned: construct and run",
        16448,
        "Big16K 16384 + leaf 1 + tags, rounded to the 64-byte alignment",
        variants!(chain16k_2(black_box(Big16K([1u8; 16384]))), |f| drive(
            Box::pin(f)
        )),
        Some(variant!(
            hand::chain16k(black_box(Big16K([1u8; 16384]))),
            |f| drive(Box::pin(f))
        )),
    );
    add(
        "cancel_midway",
        "owns a Vec, 100 awaits; polled 50 times and dropped",
        48,
        "Vec 24 + acc 8 + Range<u32> 8 + leaf 1 + tag 1, align 8",
        variants!(cancel_midway(black_box(100)), |f| cancel_after(f, 50)),
        None,
    );
    add(
        "parser",
        "match-heavy tokenizer over 1,024 bytes, one await per byte (Pending every 16th)",
        80,
        "7 u64/usize counters 56 + mode 1 + len 8 + ByteAt 16 + tag 1, align 8",
        variants!(parser(black_box(1024))),
        None,
    );
    add(
        "try_heavy",
        "1,000 iterations with three `?` each (one through From)",
        32,
        "acc 8 + Range<u32> 8 + Fallible 8 + tag 1, align 8",
        variants!(try_heavy(black_box(1000))),
        None,
    );
    add(
        "labeled_loops",
        "nested loops with labeled continue/break around awaits",
        24,
        "hits 4 + Range<u32> 8 + i 4 + j 4 + leaf 1 + tag 1, align 4",
        variants!(labeled_loops(black_box(1000))),
        None,
    );
    add(
        "string_build",
        "a String grown by one char per await, 1,000 awaits",
        40,
        "String 24 + Range<u32> 8 + leaf 1 + tag 1, align 8",
        variants!(string_build(black_box(1000))),
        None,
    );
    add(
        "match_arms",
        "a match with awaits in some arms and a guard, 1,000 iterations",
        40,
        "acc 8 + Range<u32> 8 + max(Bump 16, leaf 1) + tag 1, align 8",
        variants!(match_arms(black_box(1000))),
        None,
    );
    out
}

/// Macro failures met while writing the corpus, with minimal reproducers;
/// the corpus uses an accepted variant of the body instead (see the source).
pub const MACRO_NOTES: &[&str] = &[
    "**Lost local after a whole assignment (E0425, later E0282)**, in `parser` and \
     `match_arms`; fixed since (a branch's value that assigns a local now \
     reads it first), the variants kept so that runs stay comparable. \
     Reproducer: `#[state_machine] async fn f(c: bool) -> u64 { let mut num = 0u64; \
     let mut sum = 0u64; loop { wait().await; if c { num = 1; } else { sum += num; } \
     if sum > 5 { return sum; } } }` gives `error[E0425]: cannot find value num`. \
     A statement that assigns `x = ..` somewhere and reads `x` elsewhere does not \
     receive `x` when the assignment is its first mention in the block. The original \
     `match_arms` arm `Cmd::Skip(_) => acc = acc.rotate_left(3)` and `parser` arms \
     `num = u64::from(d)` / `num = num * 10 + d` fail the same way. Variant used: \
     compound assignments (`acc ^= acc << (k % 7)`, `num *= 10; num += d`) and a \
     read before the one remaining `num = 0`.",
    "**Compile time superlinear in straight-line awaits**, in `deep_chain`. \
     Reproducer: one `#[state_machine] async fn f(seed: u64) -> u64 { let mut x = \
     seed; x = bump(x).await; /* ...repeated N times */ x }`. Release build of the \
     crate: N = 100 takes 2.4 s, N = 200 17.5 s, N = 400 157 s (measured at 7fef119; \
     earlier, N = 100 took 13 s and N = 200 did not finish in 150 s); rustc's own \
     `async fn` takes 0.15 s for 100 and 0.5 s for 300. `cargo check` takes as long: \
     the time is rustc type-checking the step function, 63% of it in the trait \
     solver's obligation forest (perf), as every mention of a state variant \
     instantiates all of the enum's type parameters, one per await, as inference \
     variables whose `Sized` obligations stay pending until the last arm is checked \
     (dropping the `MachineState` bound from the step function's calls saved only \
     20%). So 1,000 straight-line awaits are out of reach. \
     Variant used: ten straight-line awaits in a 100-iteration loop (still 1,000 \
     sequential transitions, through ten states).",
    "**Performance cliff, not a compile error**: the same `buf4k` body with the \
     buffer wrapped in a struct (`let mut buf = Big4K([seed; 4096]); .. buf.0[i] = \
     ..`) ran at 747 ns per poll against rustc's 6.8 ns (109x), against 2.2x for the \
     bare array: a buffer reached through a field is not kept in place, so all 4 KiB \
     move on every transition (fact 12).",
    "Fixed while the corpus was being written (no variant needed now): a match \
     with an await arm followed by a guarded arm lost the locals of later arms \
     (`match n { 0 => wait().await, k if k == 2 => acc = 2, _ => acc = 1 }`, E0425); \
     and before the slots commit (59e0a45) a bare `[u8; 4096]` live across awaits \
     (the `buf4k` body) crashed LLVM (SIGSEGV in ScalarEvolution) in the release \
     build, or took minutes with a `for b in buf` tail (1,024 bytes: over 150 s).",
];
