//! Hand-written futures for the workloads where a person would plausibly
//! write one: the floor that both the machine and rustc are measured against.
//! Each is written the obvious way (a struct per function, the awaited leaf
//! stored inline), not tuned below what the others could reach.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, ready};

use crate::leaf::{Big16K, YieldOnce, wait};

/// `for _ in 0..1000 { wait().await }`.
#[derive(Debug)]
pub struct YieldLoop {
    done: u32,
    sub: Option<YieldOnce>,
}

/// A [`YieldLoop`].
pub fn yield_loop() -> YieldLoop {
    YieldLoop { done: 0, sub: None }
}

impl Future for YieldLoop {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        loop {
            if let Some(sub) = &mut self.sub {
                ready!(Pin::new(sub).poll(cx));
                self.sub = None;
                self.done += 1;
            }
            if self.done == 1000 {
                return Poll::Ready(());
            }
            self.sub = Some(wait());
        }
    }
}

/// A 4 KiB buffer written between 1,000 awaits, then summed.
#[derive(Debug)]
pub struct Buf4k {
    buf: [u8; 4096],
    i: usize,
    sub: Option<YieldOnce>,
}

/// A [`Buf4k`] filled with `seed`.
pub fn buf4k(seed: u8) -> Buf4k {
    Buf4k {
        buf: [seed; 4096],
        i: 0,
        sub: None,
    }
}

impl Future for Buf4k {
    type Output = u64;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u64> {
        loop {
            if let Some(sub) = &mut self.sub {
                ready!(Pin::new(sub).poll(cx));
                self.sub = None;
                self.i += 1;
            }
            if self.i == 1000 {
                return Poll::Ready(self.buf.iter().map(|&b| u64::from(b)).sum());
            }
            let i = self.i;
            self.buf[(i * 7) % 4096] = i as u8;
            self.sub = Some(wait());
        }
    }
}

/// rust-lang/rust#62958 written by hand: the argument is stored once.
#[derive(Debug)]
pub struct Issue62958 {
    arg: [u8; 8192],
    sub: Option<YieldOnce>,
}

/// An [`Issue62958`].
pub fn issue62958(arg: [u8; 8192]) -> Issue62958 {
    Issue62958 {
        arg,
        sub: Some(wait()),
    }
}

impl Future for Issue62958 {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let Some(sub) = &mut self.sub else {
            panic!("polled after completion")
        };
        ready!(Pin::new(sub).poll(cx));
        self.sub = None;
        std::hint::black_box(&self.arg);
        Poll::Ready(())
    }
}

/// The 64 KiB leaf of the wrapper workload.
#[derive(Debug)]
pub struct Big64k {
    buf: [u8; 65536],
    sub: Option<YieldOnce>,
}

/// A [`Big64k`].
pub fn big64k(seed: u8) -> Big64k {
    Big64k {
        buf: [seed; 65536],
        sub: Some(wait()),
    }
}

impl Future for Big64k {
    type Output = u8;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u8> {
        let Some(sub) = &mut self.sub else {
            panic!("polled after completion")
        };
        ready!(Pin::new(sub).poll(cx));
        self.sub = None;
        Poll::Ready(self.buf[4096] ^ self.buf[65535])
    }
}

/// A wrapper that stores the wrapped future once and polls it in place.
#[derive(Debug)]
pub struct Wrap<F>(F);

/// A [`Wrap`] of `f`.
pub fn wrap<F: Future>(f: F) -> Wrap<F> {
    Wrap(f)
}

impl<F: Future> Future for Wrap<F> {
    type Output = F::Output;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
        // SAFETY: structural pinning: the field is never moved out.
        unsafe { self.map_unchecked_mut(|w| &mut w.0) }.poll(cx)
    }
}

/// Innermost level of the boxed 16 KiB chain.
#[derive(Debug)]
pub struct Chain16k0 {
    v: Big16K,
    sub: Option<YieldOnce>,
}

/// Middle level: owns the inner level.
#[derive(Debug)]
pub struct Chain16k1(Chain16k0);

/// Outer level: the future that gets boxed.
#[derive(Debug)]
pub struct Chain16k2(Chain16k1);

/// The 3-level chain of the boxed 16 KiB workload.
pub fn chain16k(v: Big16K) -> Chain16k2 {
    Chain16k2(Chain16k1(Chain16k0 {
        v,
        sub: Some(wait()),
    }))
}

impl Future for Chain16k0 {
    type Output = u8;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u8> {
        let Some(sub) = &mut self.sub else {
            panic!("polled after completion")
        };
        ready!(Pin::new(sub).poll(cx));
        self.sub = None;
        Poll::Ready(self.v.0[100] ^ self.v.0[16000])
    }
}

impl Future for Chain16k1 {
    type Output = u8;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u8> {
        // SAFETY: structural pinning: the field is never moved out.
        unsafe { self.map_unchecked_mut(|w| &mut w.0) }.poll(cx)
    }
}

impl Future for Chain16k2 {
    type Output = u8;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u8> {
        // SAFETY: structural pinning: the field is never moved out.
        unsafe { self.map_unchecked_mut(|w| &mut w.0) }.poll(cx)
    }
}
