//! `cargo run --release -p statemachine-bench --bin compare`: runs the whole
//! comparison and writes `target/statemachine-report/{report.md,index.html,
//! *.svg}`. Options (after `--`): `--quick` (tiny measurement times, for smoke
//! runs), `--html` (criterion's per-benchmark HTML reports and plots, linked
//! from the report; about 90 s more), `--only corpus,sizes,instructions,exec,build`
//! (`sizes`: future sizes on the differential test cases, also part of
//! `corpus`; `instructions`: instructions per poll under valgrind, skipped
//! with a note when valgrind is not installed), `--filter NAME` (workloads
//! whose name contains NAME; the differential cases are always all measured,
//! it takes milliseconds).
//!
//! Criterion is used as a library so that one command runs everything with
//! explicit, short warm-up and measurement times; its per-benchmark HTML
//! reports land in `target/criterion/` and are linked from the report.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use criterion::Criterion;
use statemachine_bench::alloc::{self, CountingAlloc};
use statemachine_bench::exec::{self, AsyncExecutor, AsyncStatic, FuturesPool, Ours, Peer, Tokio};
use statemachine_bench::report::{Estimate, ExecResult, Report, VariantResult, WorkloadResult};
use statemachine_bench::workloads::{self, Variant};
use statemachine_bench::{buildcost, instructions, report, sizes};
use statemachine_runtime::LocalExecutor;

#[global_allocator]
static ALLOC: CountingAlloc = CountingAlloc;

/// Command-line options.
#[derive(Debug, Clone)]
struct Options {
    quick: bool,
    /// Criterion's per-benchmark HTML reports and plots (slow to draw).
    html: bool,
    /// Only workloads whose name contains this.
    filter: Option<String>,
    corpus: bool,
    /// Future sizes on the differential cases (also run by `corpus`).
    sizes: bool,
    /// Instructions per poll, under valgrind.
    instructions: bool,
    exec: bool,
    build: bool,
}

impl Options {
    fn selected(&self, name: &str) -> bool {
        self.filter.as_deref().is_none_or(|f| name.contains(f))
    }

    fn parse() -> Options {
        let args: Vec<String> = std::env::args().skip(1).collect();
        let only = args
            .iter()
            .position(|a| a == "--only")
            .and_then(|i| args.get(i + 1).cloned());
        let has = |what: &str| {
            only.as_deref()
                .is_none_or(|o| o.split(',').any(|x| x == what))
        };
        let filter = args
            .iter()
            .position(|a| a == "--filter")
            .and_then(|i| args.get(i + 1).cloned());
        Options {
            quick: args.iter().any(|a| a == "--quick"),
            // Off by default: drawing criterion's plots costs about 1.2 s per
            // benchmark here, 90 s for the suite, which the 10-minute budget
            // (compile included) cannot spare.
            html: args.iter().any(|a| a == "--html"),
            filter,
            corpus: has("corpus"),
            sizes: has("corpus") || has("sizes"),
            instructions: has("instructions"),
            exec: has("exec"),
            build: has("build"),
        }
    }
}

fn workspace_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("bench/ has a parent")
        .to_path_buf()
}

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_dir().join("target"))
}

fn criterion(opts: &Options, dir: &Path) -> (Criterion, String) {
    // Short, explicit times: the suite (about 90 benchmarks) must fit in a
    // few minutes on 2 cores. 20 samples still give usable 95% intervals.
    let (warm, measure, samples) = if opts.quick {
        (Duration::from_millis(30), Duration::from_millis(80), 10)
    } else {
        (Duration::from_millis(300), Duration::from_millis(900), 20)
    };
    let c = Criterion::default()
        .output_directory(dir)
        .warm_up_time(warm)
        .measurement_time(measure)
        .sample_size(samples)
        .nresamples(20_000);
    let c = if opts.html {
        c.with_plots()
    } else {
        c.without_plots()
    };
    let settings = format!(
        "criterion warm-up {} ms, measurement {} ms, {} samples, 20,000 bootstrap resamples{}",
        warm.as_millis(),
        measure.as_millis(),
        samples,
        if opts.quick {
            " (--quick smoke run: figures are noisy)"
        } else {
            ""
        }
    );
    (c, settings)
}

/// Spawns `n` instances on a fresh executor and runs them: peak live heap
/// bytes per instance. `n` shrinks so the run stays under 1 GiB.
fn peak_per_instance(v: &Variant, size: usize, max_n: usize) -> (usize, f64) {
    const BUDGET: usize = 1 << 30;
    let n = max_n.min(BUDGET / (size + 64)).max(1);
    // Spawned, not run: the peak is reached once all N are queued, and
    // running 100,000 yield loops to completion would take seconds per variant.
    let ((), peak) = alloc::peak_during(|| {
        let ex = LocalExecutor::new();
        for _ in 0..n {
            (v.spawn)(&ex);
        }
        drop(ex);
    });
    (n, peak as f64 / n as f64)
}

fn measure_variant(v: &Variant, max_n: usize) -> VariantResult {
    let size = (v.size)();
    // One run outside the count, so lazily initialised statics don't count.
    let _ = (v.run)();
    let ((digest, polls), a) = alloc::count(|| (v.run)());
    let (peak_n, peak) = peak_per_instance(v, size, max_n);
    VariantResult {
        size,
        digest,
        polls,
        allocs: a.allocs,
        bytes: a.bytes,
        peak_n,
        peak_per_instance: peak,
        time: None,
        bench_id: String::new(),
    }
}

fn run_corpus(c: &mut Criterion, opts: &Options, dir: &Path) -> Vec<WorkloadResult> {
    let max_n = if opts.quick { 10_000 } else { 100_000 };
    let mut out = Vec::new();
    for w in workloads::all() {
        if !opts.selected(w.name) {
            continue;
        }
        eprintln!("== corpus {}: sizes, allocations, peak memory", w.name);
        let mut variants: Vec<(&str, Variant, VariantResult)> = vec![
            ("machine", w.machine, measure_variant(&w.machine, max_n)),
            ("compiler", w.compiler, measure_variant(&w.compiler, max_n)),
        ];
        if let Some(h) = w.hand {
            variants.push(("hand", h, measure_variant(&h, max_n)));
        }
        let group_name = format!("corpus_{}", w.name);
        let mut g = c.benchmark_group(&group_name);
        for (label, v, r) in &mut variants {
            let run = v.run;
            g.bench_function(*label, |b| b.iter(|| black_box(run())));
            r.bench_id = format!("{group_name}/{label}");
        }
        g.finish();
        for (label, _, r) in &mut variants {
            r.time = Estimate::read(dir, &group_name, label);
        }
        let hand = (variants.len() == 3).then(|| variants.pop().expect("hand").2);
        let compiler = variants.pop().expect("compiler").2;
        let machine = variants.pop().expect("machine").2;
        out.push(WorkloadResult {
            name: w.name,
            about: w.about,
            optimal: w.optimal,
            optimal_note: w.optimal_note,
            machine,
            compiler,
            hand,
        });
    }
    out
}

/// An executor workload: a name, its unit, and one iteration per peer.
struct ExecCase {
    name: &'static str,
    about: &'static str,
    unit: &'static str,
    units: f64,
    goal: bool,
}

fn bench_peer<P: Peer>(
    c: &mut Criterion,
    case: &ExecCase,
    remote: &exec::Remote,
    dir: &Path,
    run: fn(&mut P, &exec::Remote),
) -> (&'static str, Option<Estimate>, Option<f64>) {
    let group = format!("exec_{}", case.name);
    let mut p = P::new();
    // Warm up once (slabs and queues grow), then count one iteration.
    run(&mut p, remote);
    let ((), a) = alloc::count(|| run(&mut p, remote));
    let mut g = c.benchmark_group(&group);
    g.bench_function(P::NAME, |b| b.iter(|| run(&mut p, remote)));
    g.finish();
    (
        P::NAME,
        Estimate::read(dir, &group, P::NAME),
        Some(a.allocs as f64 / case.units),
    )
}

macro_rules! all_peers {
    ($c:expr, $case:expr, $remote:expr, $dir:expr, |$p:ident, $r:ident| $body:expr) => {
        vec![
            bench_peer::<Ours>($c, $case, $remote, $dir, |$p, $r| $body),
            bench_peer::<Tokio>($c, $case, $remote, $dir, |$p, $r| $body),
            bench_peer::<AsyncExecutor>($c, $case, $remote, $dir, |$p, $r| $body),
            bench_peer::<AsyncStatic>($c, $case, $remote, $dir, |$p, $r| $body),
            bench_peer::<FuturesPool>($c, $case, $remote, $dir, |$p, $r| $body),
        ]
    };
}

fn run_exec(c: &mut Criterion, opts: &Options, dir: &Path) -> Vec<ExecResult> {
    let remote = exec::Remote::start();
    let mut out = Vec::new();
    let mut push = |case: ExecCase, peers| {
        out.push(ExecResult {
            name: case.name,
            about: case.about,
            unit: case.unit,
            units: case.units,
            goal: case.goal,
            peers,
        })
    };
    macro_rules! case {
        ($name:literal, $about:literal, $unit:literal, $units:expr, $goal:expr, |$p:ident, $r:ident| $body:expr) => {
            if opts.selected($name) {
                eprintln!("== executors {}", $name);
                let case = ExecCase {
                    name: $name,
                    about: $about,
                    unit: $unit,
                    units: $units as f64,
                    goal: $goal,
                };
                let peers = all_peers!(c, &case, &remote, dir, |$p, $r| $body);
                push(case, peers);
            }
        };
    }
    case!(
        "spawn_one",
        "spawn one task from the root and wait for it",
        "task",
        1,
        true,
        |p, _r| exec::spawn_one(p)
    );
    case!(
        "spawn_many_1000",
        "spawn 1,000 trivial tasks, wait for all",
        "task",
        1000,
        true,
        |p, _r| exec::spawn_many(p, 1000)
    );
    case!(
        "spawn_many_25000",
        "spawn 25,000 trivial tasks, wait for all",
        "task",
        25_000,
        true,
        |p, _r| exec::spawn_many(p, 25_000)
    );
    case!(
        "yield_many",
        "300 tasks x 300 yields",
        "wake",
        300 * 300,
        true,
        |p, _r| exec::yield_many(p, 300, 300)
    );
    case!(
        "ring",
        "100 tasks in a ring pass one token 10,000 hops (ping-pong), then 99 more while the ring shuts down",
        "hop",
        10_000 + 99,
        true,
        |p, _r| exec::ring(p, 100, 10_000)
    );
    case!(
        "chained_spawn",
        "each task spawns the next, 1,000 deep",
        "task",
        1000,
        false,
        |p, _r| exec::chained_spawn(p, 1000)
    );
    case!(
        "remote_wake",
        "a task woken 100 times from another thread",
        "wake",
        100,
        false,
        |p, r| exec::remote_wake(p, r, 100)
    );
    if opts.selected("block_on_ready") {
        out.push(block_on_ready(c, dir));
    }
    out
}

fn block_on_ready(c: &mut Criterion, dir: &Path) -> ExecResult {
    eprintln!("== executors block_on_ready");
    let group = "exec_block_on_ready";
    let ready = || std::future::ready(black_box(1u64));
    let mut g = c.benchmark_group(group);
    let ex = LocalExecutor::new();
    let tokio_rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("tokio runtime");
    let mut count: Vec<(&'static str, Option<f64>)> = Vec::new();
    macro_rules! one {
        ($name:literal, $call:expr) => {{
            let _ = $call;
            let (_, a) = alloc::count(|| $call);
            count.push(($name, Some(a.allocs as f64)));
            g.bench_function($name, |b| b.iter(|| black_box($call)));
        }};
    }
    one!("ours", ex.block_on(ready()));
    one!("ours (free fn)", statemachine_runtime::block_on(ready()));
    one!("pollster", pollster::block_on(ready()));
    one!("futures", futures::executor::block_on(ready()));
    one!("futures-lite", futures_lite::future::block_on(ready()));
    one!("tokio", tokio_rt.block_on(ready()));
    g.finish();
    ExecResult {
        name: "block_on_ready",
        about: "block_on of an immediately ready future",
        unit: "call",
        units: 1.0,
        goal: false,
        peers: count
            .into_iter()
            .map(|(n, a)| (n, Estimate::read(dir, group, n), a))
            .collect(),
    }
}

fn machine_info() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|s| s.trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let rustc = std::process::Command::new("rustc")
        .arg("--version")
        .current_dir(workspace_dir())
        .output()
        .ok()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_else(|| "rustc ?".into());
    format!(
        "{cpu}, {cores} cores, {rustc}, {} {}",
        std::env::consts::OS,
        std::env::consts::ARCH
    )
}

fn main() {
    // The child that `instructions::measure` runs under valgrind.
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Some(result) = instructions::child(&args, &workloads::all()) {
        match result {
            Ok(line) => println!("{line}"),
            Err(e) => {
                eprintln!("{e}");
                std::process::exit(2);
            }
        }
        return;
    }
    let opts = Options::parse();
    // Large futures (rustc's wrapper chain is about 1 MiB, built by nested
    // moves) need more stack than the main thread's 8 MiB.
    let worker = std::thread::Builder::new()
        .name("compare".into())
        .stack_size(512 << 20)
        .spawn(move || run(opts))
        .expect("spawn worker thread");
    if worker.join().is_err() {
        std::process::exit(1);
    }
}

fn run(opts: Options) {
    let started = Instant::now();
    let target = target_dir();
    let criterion_dir = target.join("criterion");
    let out_dir = target.join("statemachine-report");
    let (mut c, settings) = criterion(&opts, &criterion_dir);

    let workloads = if opts.corpus {
        run_corpus(&mut c, &opts, &criterion_dir)
    } else {
        Vec::new()
    };
    let case_sizes = if opts.sizes {
        eprintln!("== sizes on the differential cases");
        sizes::measure()
    } else {
        Vec::new()
    };
    let instructions = opts.instructions.then(|| {
        let exe = std::env::current_exe().map_err(|e| format!("no path to this binary: {e}"));
        exe.and_then(|exe| instructions::measure(&exe, &workloads::all(), |n| opts.selected(n)))
    });
    if let Some(Err(e)) = &instructions {
        eprintln!("instructions per poll not counted: {e}");
    }
    let exec = if opts.exec {
        run_exec(&mut c, &opts, &criterion_dir)
    } else {
        Vec::new()
    };
    c.final_summary();
    let build = if opts.build {
        eprintln!("== build cost (two generated crates of 50 functions)");
        match buildcost::measure(&out_dir.join("buildcost"), &workspace_dir(), 50) {
            Ok(b) => Some(b),
            Err(e) => {
                eprintln!("build cost not measured: {e}");
                None
            }
        }
    } else {
        None
    };

    let report = Report {
        workloads,
        case_sizes,
        instructions,
        exec,
        build,
        machine_info: machine_info(),
        settings,
        macro_notes: workloads::MACRO_NOTES
            .iter()
            .map(|s| s.to_string())
            .collect(),
        criterion_dir,
        counting_alloc: alloc::installed(),
    };
    if let Err(e) = report.write(&out_dir) {
        eprintln!("could not write the report: {e}");
        std::process::exit(1);
    }
    if report.workloads.is_empty() {
        println!();
    } else {
        println!("\n{}", report.headline());
    }
    if let Some(line) = report.case_sizes_summary() {
        println!("{line}\n");
    }
    if let Some(line) = report.instructions_summary() {
        println!("{line}\n");
    }
    for g in report.goals() {
        println!(
            "[{}] {}: {}{}",
            if g.met { "met" } else { "MISSED" },
            g.what,
            g.measured,
            if g.why.is_empty() {
                String::new()
            } else {
                format!(" -- {}", g.why)
            }
        );
    }
    if let Some(b) = report.build {
        println!(
            "build cost: {} fns annotated {:.2} s, plain {:.2} s ({:.2}x)",
            b.fns,
            b.annotated,
            b.plain,
            b.annotated / b.plain
        );
    }
    println!(
        "\nreport: {} (and index.html), in {}",
        out_dir.join("report.md").display(),
        report::ns(started.elapsed().as_nanos() as f64)
    );
}
