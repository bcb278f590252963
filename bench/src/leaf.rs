//! Leaf futures shared by every variant of a workload (machine, compiler and
//! hand-written), so that the variants differ only in the code under test.
//!
//! They are hand-written and tiny on purpose: a leaf that went through an
//! executor or a timer would add that cost to both sides and hide the
//! difference between the machine and rustc's coroutine.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

/// Returns `Pending` once (waking itself), then `Ready(())`: one transition
/// of the awaiting future per await, and no executor work beyond a wake.
#[must_use = "futures do nothing unless polled"]
#[derive(Debug, Default)]
pub struct YieldOnce {
    yielded: bool,
}

/// A [`YieldOnce`]: the `wait()` of rust-lang/rust#62958's example.
#[inline]
pub fn wait() -> YieldOnce {
    YieldOnce { yielded: false }
}

impl Future for YieldOnce {
    type Output = ();

    #[inline]
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.yielded {
            Poll::Ready(())
        } else {
            self.yielded = true;
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    }
}

/// Like [`YieldOnce`] but carries a value and returns it plus one.
#[must_use = "futures do nothing unless polled"]
#[derive(Debug)]
pub struct Bump {
    value: u64,
    yielded: bool,
}

/// A [`Bump`] of `value`.
#[inline]
pub fn bump(value: u64) -> Bump {
    Bump {
        value,
        yielded: false,
    }
}

impl Future for Bump {
    type Output = u64;

    #[inline]
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u64> {
        if self.yielded {
            Poll::Ready(self.value.wrapping_add(1))
        } else {
            self.yielded = true;
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    }
}

/// The parser's input: a small tokenisable text, repeated.
pub static INPUT: [u8; 1024] = {
    let pattern = b"let x1 = 42 + foo(7, 19) * bar; if x1 >= 100 { y = \"str\" } ";
    let mut out = [b' '; 1024];
    let mut i = 0;
    while i < out.len() {
        out[i] = pattern[i % pattern.len()];
        i += 1;
    }
    out
};

/// Reads `INPUT[index]`; every 16th byte is `Pending` first, like a stream
/// whose buffer runs dry now and then.
#[must_use = "futures do nothing unless polled"]
#[derive(Debug)]
pub struct ByteAt {
    index: usize,
    yielded: bool,
}

/// A [`ByteAt`] for `index`.
#[inline]
pub fn byte_at(index: usize) -> ByteAt {
    ByteAt {
        index,
        yielded: !index.is_multiple_of(16),
    }
}

impl Future for ByteAt {
    type Output = u8;

    #[inline]
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u8> {
        if self.yielded {
            Poll::Ready(INPUT[self.index % INPUT.len()])
        } else {
            self.yielded = true;
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    }
}

/// The error of [`fallible`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LeafError(pub u32);

/// The error of the `?`-heavy workload; converted from [`LeafError`] by `?`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BenchError {
    /// A leaf failed.
    Leaf(u32),
    /// An addition overflowed.
    Overflow,
}

impl From<LeafError> for BenchError {
    fn from(e: LeafError) -> Self {
        BenchError::Leaf(e.0)
    }
}

/// A leaf that yields once and then fails for `n == u32::MAX` only.
#[must_use = "futures do nothing unless polled"]
#[derive(Debug)]
pub struct Fallible {
    n: u32,
    yielded: bool,
}

/// A [`Fallible`] for `n`.
#[inline]
pub fn fallible(n: u32) -> Fallible {
    Fallible { n, yielded: false }
}

impl Future for Fallible {
    type Output = Result<u64, LeafError>;

    #[inline]
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        if self.yielded {
            Poll::Ready(if self.n == u32::MAX {
                Err(LeafError(self.n))
            } else {
                Ok(u64::from(self.n) * 3)
            })
        } else {
            self.yielded = true;
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    }
}

/// A command for the branch-heavy workload.
#[derive(Debug, Clone, Copy)]
pub enum Cmd {
    /// Await a [`Bump`] of the value.
    Add(u64),
    /// Await a [`YieldOnce`].
    Yield,
    /// Pure computation, no await.
    Skip(u32),
}

/// The `i`-th command of a fixed pseudo-random sequence.
#[inline]
pub fn cmd(i: u32) -> Cmd {
    match i.wrapping_mul(2_654_435_761) >> 30 {
        0 | 1 => Cmd::Add(u64::from(i)),
        2 => Cmd::Yield,
        _ => Cmd::Skip(i),
    }
}

/// 16 KiB, 64-byte aligned: large copies at odd offsets can hit a slow
/// `memcpy` path on some x86 CPUs, which would measure alignment luck.
#[repr(align(64))]
#[derive(Debug, Clone, Copy)]
pub struct Big16K(pub [u8; 16384]);
