//! The workload corpus. Each body is written once, in a `corpus!` call, and
//! emitted twice: into a `machine` module with `#[state_machine]` and into a
//! `compiler` module as a plain `async fn` that rustc lowers. Calls between
//! workload functions resolve inside their own module, so a machine calls
//! machines and rustc's future calls rustc's futures.

/// Emits every `fn` twice, as `$machine::name` (annotated) and
/// `$compiler::name` (plain `async fn`).
macro_rules! corpus {
    (
        machine = $machine:ident, compiler = $compiler:ident;
        $( $(#[doc = $doc:literal])* fn $name:ident ($($args:tt)*) -> $ret:ty $body:block )*
    ) => {
        /// The corpus compiled by `#[state_machine]`.
        #[allow(dropping_copy_types, clippy::unused_unit)]
        pub mod $machine {
            #[allow(unused_imports)]
            use crate::leaf::*;
            $(
                $(#[doc = $doc])*
                #[statemachine_runtime::state_machine]
                pub async fn $name($($args)*) -> $ret $body
            )*
        }

        /// The same corpus compiled by rustc.
        #[allow(dropping_copy_types, clippy::unused_unit)]
        pub mod $compiler {
            #[allow(unused_imports)]
            use crate::leaf::*;
            $(
                $(#[doc = $doc])*
                pub async fn $name($($args)*) -> $ret $body
            )*
        }
    };
}

corpus! {
    machine = machine, compiler = compiler;

    /// The transition floor: 1,000 awaits of a leaf that is `Pending` once.
    fn yield_loop() -> () {
        for _ in 0..1000 {
            wait().await;
        }
    }

    /// 1,000 sequential awaits: ten straight-line awaits (ten states) run
    /// 100 times. The intended body, 1,000 awaits in straight-line code, is
    /// impractical: the macro's compile time grows superlinearly with the
    /// number of awaits in one body (see the report's macro failures).
    fn deep_chain(seed: u64) -> u64 {
        let mut x = seed;
        for _ in 0..100 {
            x = bump(x).await;
            x = bump(x).await;
            x = bump(x).await;
            x = bump(x).await;
            x = bump(x).await;
            x = bump(x).await;
            x = bump(x).await;
            x = bump(x).await;
            x = bump(x).await;
            x = bump(x).await;
        }
        x
    }

    /// Level 1 of five nested machines.
    fn nested1(x: u64) -> u64 {
        let mut acc = x;
        for _ in 0..10 {
            acc = bump(acc).await;
        }
        acc
    }

    /// Level 2.
    fn nested2(x: u64) -> u64 {
        wait().await;
        nested1(x).await + 1
    }

    /// Level 3.
    fn nested3(x: u64) -> u64 {
        wait().await;
        nested2(x).await + 1
    }

    /// Level 4.
    fn nested4(x: u64) -> u64 {
        wait().await;
        nested3(x).await + 1
    }

    /// Level 5: the workload's entry point.
    fn nested5(x: u64) -> u64 {
        wait().await;
        nested4(x).await + 1
    }

    /// A 4 KiB buffer live across 1,000 awaits, written by indexing.
    fn buf4k(seed: u8) -> u64 {
        let mut buf = [seed; 4096];
        for i in 0..1000usize {
            buf[(i * 7) % 4096] = i as u8;
            wait().await;
        }
        buf.iter().map(|&b| u64::from(b)).sum()
    }

    /// rust-lang/rust#62958: the argument is stored twice by rustc.
    fn issue62958(arg: [u8; 8192]) -> () {
        wait().await;
        drop(arg)
    }

    /// A 64 KiB local live across an await: the leaf of `wrap64k`.
    fn big64k(seed: u8) -> u8 {
        let buf = [seed; 65536];
        wait().await;
        buf[4096] ^ buf[65535]
    }

    /// A generic wrapper: rustc keeps `f` both as the argument and as the
    /// awaited future, doubling the size at every level.
    fn wrap(f: impl std::future::Future<Output = u8>) -> u8 {
        f.await
    }

    /// The innermost function of the 16 KiB argument chain (fact 13).
    fn arg16k_0(v: [u8; 16384]) -> u8 {
        wait().await;
        v[1] ^ v[16383]
    }

    /// Wrapper 1.
    fn arg16k_1(v: [u8; 16384]) -> u8 {
        arg16k_0(v).await
    }

    /// Wrapper 2.
    fn arg16k_2(v: [u8; 16384]) -> u8 {
        arg16k_1(v).await
    }

    /// Wrapper 3.
    fn arg16k_3(v: [u8; 16384]) -> u8 {
        arg16k_2(v).await
    }

    /// Wrapper 4: the workload's entry point.
    fn arg16k_4(v: [u8; 16384]) -> u8 {
        arg16k_3(v).await
    }

    /// Innermost of the boxed 16 KiB chain.
    fn chain16k_0(v: Big16K) -> u8 {
        wait().await;
        v.0[100] ^ v.0[16000]
    }

    /// Middle of the boxed 16 KiB chain.
    fn chain16k_1(v: Big16K) -> u8 {
        chain16k_0(v).await
    }

    /// Outer level of the boxed 16 KiB chain (the future that is boxed).
    fn chain16k_2(v: Big16K) -> u8 {
        chain16k_1(v).await
    }

    /// Owns a heap value and runs 100 awaits; the bench drops it after 50.
    fn cancel_midway(n: u32) -> u64 {
        let v = vec![1u64; 16];
        let mut acc = 0u64;
        for i in 0..n {
            wait().await;
            acc += v[i as usize % 16];
        }
        acc
    }

    /// A match-heavy tokenizer over a byte stream fed one await per byte.
    fn parser(len: usize) -> u64 {
        let mut i = 0usize;
        let mut mode = 0u8;
        let mut num = 0u64;
        let mut sum = 0u64;
        let mut idents = 0u64;
        let mut puncts = 0u64;
        let mut strings = 0u64;
        while i < len {
            let b = byte_at(i).await;
            i += 1;
            // Written with compound assignments and a read before each `num =`,
            // a variant from when the macro lost such a local (see the
            // report's macro notes; kept so that runs stay comparable).
            // Mode-1 arms come first; arms are disjoint by mode.
            match (mode, b) {
                (1, b'0'..=b'9') => {
                    num *= 10;
                    num += u64::from(b - b'0');
                }
                (1, _) => {
                    sum += num;
                    num = 0;
                    mode = 0;
                }
                (0, b'0'..=b'9') => {
                    mode = 1;
                    num += u64::from(b - b'0');
                }
                (0, b'a'..=b'z' | b'A'..=b'Z' | b'_') => mode = 2,
                (0, b'"') => mode = 3,
                (0, b' ' | b'\n' | b'\t') => {}
                (0, b'(' | b')' | b'{' | b'}' | b';' | b',') => puncts += 1,
                (0, b'+' | b'-' | b'*' | b'/' | b'=' | b'<' | b'>') => puncts += 2,
                (0, _) => puncts += 3,
                (2, b'a'..=b'z' | b'A'..=b'Z' | b'_' | b'0'..=b'9') => {}
                (2, _) => {
                    idents += 1;
                    mode = 0;
                }
                (3, b'"') => {
                    strings += 1;
                    mode = 0;
                }
                (3, _) => {}
                _ => mode = 0,
            }
        }
        sum + idents * 1_000 + puncts * 1_000_000 + strings * 1_000_000_000
    }

    /// Three `?` per iteration: one converting through `From`, two on
    /// `Option`-derived errors.
    fn try_heavy(n: u32) -> Result<u64, BenchError> {
        let mut acc = 0u64;
        for i in 0..n {
            let a = fallible(i).await?;
            let b = a.checked_mul(7).ok_or(BenchError::Overflow)?;
            acc = acc.checked_add(b).ok_or(BenchError::Overflow)?;
        }
        Ok(acc)
    }

    /// Nested loops with labeled `continue` and `break` around awaits.
    fn labeled_loops(n: u32) -> u32 {
        let mut hits = 0u32;
        'outer: for i in 0..n {
            let mut j = 0u32;
            loop {
                j += 1;
                if j > 4 {
                    continue 'outer;
                }
                if (i * j) % 7 == 3 {
                    hits += 1;
                    wait().await;
                }
                if hits > 10_000 {
                    break 'outer;
                }
            }
        }
        hits
    }

    /// Grows a `String` (heap) across awaits.
    fn string_build(n: u32) -> usize {
        let mut s = String::new();
        for i in 0..n {
            s.push(char::from(b'a' + (i % 26) as u8));
            wait().await;
        }
        s.len()
    }

    /// A `match` with an await in some arms and a guard.
    fn match_arms(n: u32) -> u64 {
        let mut acc = 0u64;
        for i in 0..n {
            match cmd(i) {
                Cmd::Add(x) => acc += bump(x).await,
                Cmd::Yield => wait().await,
                // Compound assignments only, a variant from when `acc =
                // acc.rotate_left(3)` here lost `acc` (see the report).
                Cmd::Skip(k) if k % 2 == 0 => acc ^= u64::from(k),
                Cmd::Skip(k) => acc ^= acc << (k % 7),
            }
        }
        acc
    }
}
