//! The report: results gathered by the `compare` binary, written as Markdown
//! and as an HTML page with bar charts (plotters, SVG backend).

use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use plotters::prelude::*;

use crate::instructions::InstructionCount;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// A criterion estimate of one benchmark, in ns per iteration.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Estimate {
    /// Median.
    pub median: f64,
    /// Lower bound of the median's confidence interval.
    pub lo: f64,
    /// Upper bound.
    pub hi: f64,
}

impl Estimate {
    /// Reads `<criterion>/<group>/<function>/new/estimates.json`.
    pub fn read(criterion_dir: &Path, group: &str, function: &str) -> Option<Estimate> {
        let path = criterion_dir
            .join(group)
            .join(function)
            .join("new/estimates.json");
        let text = fs::read_to_string(path).ok()?;
        let v: serde_json::Value = serde_json::from_str(&text).ok()?;
        let m = &v["median"];
        Some(Estimate {
            median: m["point_estimate"].as_f64()?,
            lo: m["confidence_interval"]["lower_bound"].as_f64()?,
            hi: m["confidence_interval"]["upper_bound"].as_f64()?,
        })
    }

    /// The estimate divided by `n` (per poll, per task, ...).
    pub fn per(self, n: f64) -> Estimate {
        Estimate {
            median: self.median / n,
            lo: self.lo / n,
            hi: self.hi / n,
        }
    }

    /// `self / other` with a conservative interval (the extremes of the two
    /// intervals): if it excludes 1.0, the difference is not noise.
    pub fn ratio(self, other: Estimate) -> Ratio {
        Ratio {
            point: self.median / other.median,
            lo: self.lo / other.hi,
            hi: self.hi / other.lo,
        }
    }
}

/// A ratio of two estimates with its interval.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ratio {
    /// Ratio of the medians.
    pub point: f64,
    /// Lowest ratio the intervals allow.
    pub lo: f64,
    /// Highest.
    pub hi: f64,
}

impl std::fmt::Display for Ratio {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:.3} [{:.3}, {:.3}]", self.point, self.lo, self.hi)
    }
}

/// Formats nanoseconds with a readable unit.
pub fn ns(v: f64) -> String {
    if v >= 1e6 {
        format!("{:.2} ms", v / 1e6)
    } else if v >= 1e3 {
        format!("{:.2} µs", v / 1e3)
    } else {
        format!("{v:.2} ns")
    }
}

/// Formats an estimate as `median [lo, hi]`.
pub fn est(e: Estimate) -> String {
    format!("{} [{}, {}]", ns(e.median), ns(e.lo), ns(e.hi))
}

/// Everything measured for one variant of a workload.
#[derive(Debug, Clone, Default)]
pub struct VariantResult {
    /// `size_of_val` of the future.
    pub size: usize,
    /// Digest of the output (checked equal across variants).
    pub digest: u64,
    /// Polls of one run.
    pub polls: u64,
    /// Heap allocations in one construct-and-run.
    pub allocs: u64,
    /// Heap bytes requested in one construct-and-run.
    pub bytes: u64,
    /// Instances spawned for the peak-memory figure.
    pub peak_n: usize,
    /// Peak live heap bytes per spawned instance on our executor.
    pub peak_per_instance: f64,
    /// Criterion's construct-and-run time.
    pub time: Option<Estimate>,
    /// Criterion id (`group/function`) for the link to its report.
    pub bench_id: String,
}

/// One workload's results.
#[derive(Debug, Clone)]
pub struct WorkloadResult {
    /// Id.
    pub name: &'static str,
    /// Description.
    pub about: &'static str,
    /// Optimal size (hand-computed).
    pub optimal: usize,
    /// How.
    pub optimal_note: &'static str,
    /// `#[state_machine]`.
    pub machine: VariantResult,
    /// rustc.
    pub compiler: VariantResult,
    /// Hand-written.
    pub hand: Option<VariantResult>,
}

impl WorkloadResult {
    /// machine / compiler size.
    pub fn size_ratio(&self) -> f64 {
        self.machine.size as f64 / self.compiler.size as f64
    }
    /// machine / compiler construct-and-run time.
    pub fn time_ratio(&self) -> Option<Ratio> {
        Some(self.machine.time?.ratio(self.compiler.time?))
    }
    /// Whether every variant computed the same output with the same polls.
    pub fn agrees(&self) -> bool {
        let same = |v: &VariantResult| v.digest == self.compiler.digest;
        same(&self.machine)
            && self.machine.polls == self.compiler.polls
            && self.hand.as_ref().is_none_or(same)
    }
}

/// One executor workload across peers.
#[derive(Debug, Clone)]
pub struct ExecResult {
    /// Id.
    pub name: &'static str,
    /// Description.
    pub about: &'static str,
    /// What one unit is (task, wake, hop, call).
    pub unit: &'static str,
    /// Units per iteration.
    pub units: f64,
    /// Whether the goal "ours <= best peer" applies.
    pub goal: bool,
    /// (peer, time per iteration, allocations per unit).
    pub peers: Vec<(&'static str, Option<Estimate>, Option<f64>)>,
}

impl ExecResult {
    /// Our estimate per unit.
    pub fn ours(&self) -> Option<Estimate> {
        self.peers
            .iter()
            .find(|p| p.0 == "ours")
            .and_then(|p| p.1)
            .map(|e| e.per(self.units))
    }
    /// The fastest other peer per unit.
    pub fn best_peer(&self) -> Option<(&'static str, Estimate)> {
        self.peers
            .iter()
            .filter(|p| p.0 != "ours" && p.0 != "ours (free fn)")
            .filter_map(|p| Some((p.0, p.1?.per(self.units))))
            .min_by(|a, b| a.1.median.total_cmp(&b.1.median))
    }
}

/// The future sizes of one differential case (`tests/cases/*.rs`).
#[derive(Debug, Clone)]
pub struct CaseSize {
    /// The case file's stem (`basic`, `loops`, ...).
    pub file: &'static str,
    /// The case's name.
    pub name: &'static str,
    /// Whether the body panics (a `differential!(panics ...)` case).
    pub panics: bool,
    /// `size_of_val` of the `#[state_machine]` future.
    pub machine: usize,
    /// `size_of_val` of rustc's future.
    pub compiler: usize,
}

impl CaseSize {
    /// `file::name`.
    pub fn id(&self) -> String {
        format!("{}::{}", self.file, self.name)
    }
    /// machine / compiler size.
    pub fn ratio(&self) -> f64 {
        self.machine as f64 / self.compiler as f64
    }
}

/// Build cost of the attribute.
#[derive(Debug, Clone, Copy)]
pub struct BuildCost {
    /// Annotated functions in each crate.
    pub fns: usize,
    /// Seconds to rebuild the annotated crate (dependencies prebuilt).
    pub annotated: f64,
    /// Seconds for the same crate without the attribute.
    pub plain: f64,
}

/// The whole report.
#[derive(Debug, Clone)]
pub struct Report {
    /// Corpus results.
    pub workloads: Vec<WorkloadResult>,
    /// Executor results.
    pub exec: Vec<ExecResult>,
    /// Future sizes on the differential cases (empty when not measured).
    pub case_sizes: Vec<CaseSize>,
    /// Instructions per poll under valgrind: `None` when not requested, the
    /// reason when they could not be counted.
    pub instructions: Option<Result<Vec<InstructionCount>, String>>,
    /// Build cost, if measured.
    pub build: Option<BuildCost>,
    /// Machine description (CPU, cores, toolchain).
    pub machine_info: String,
    /// Criterion settings used.
    pub settings: String,
    /// Notes about macro failures and the variants used instead.
    pub macro_notes: Vec<String>,
    /// Where criterion wrote its reports.
    pub criterion_dir: PathBuf,
    /// Whether the counting allocator was installed.
    pub counting_alloc: bool,
}

/// A goal's verdict.
#[derive(Debug, Clone)]
pub struct Goal {
    /// The goal.
    pub what: String,
    /// The measured figure.
    pub measured: String,
    /// Met?
    pub met: bool,
    /// Why, when missed (or a caveat).
    pub why: String,
}

impl Report {
    fn find(&self, name: &str) -> Option<&WorkloadResult> {
        self.workloads.iter().find(|w| w.name == name)
    }

    /// The goals of issue 6, evaluated.
    pub fn goals(&self) -> Vec<Goal> {
        let mut goals = Vec::new();
        if !self.workloads.is_empty() {
            self.corpus_goals(&mut goals);
        }
        if !self.case_sizes.is_empty() {
            goals.push(self.case_sizes_goal());
        }
        if let Some(Ok(counts)) = &self.instructions {
            goals.extend(instruction_goals(counts));
        }
        for e in self.exec.iter().filter(|e| e.goal) {
            if let (Some(o), Some((peer, b))) = (e.ours(), e.best_peer()) {
                let r = o.ratio(b);
                goals.push(Goal {
                    what: format!("executor {}: ours / best peer <= 1.0", e.name),
                    measured: format!("{r} (best peer: {peer})"),
                    met: r.point <= 1.0,
                    why: if r.point <= 1.0 {
                        String::new()
                    } else if r.lo <= 1.0 {
                        // Single-digit-percent differences flip between runs
                        // on a shared 2-core machine: say so.
                        format!(
                            "the interval includes 1.0, so this run cannot tell ours from {peer}; if it persists: {}",
                            exec_miss_reason(e.name)
                        )
                    } else {
                        exec_miss_reason(e.name).into()
                    },
                });
            }
        }
        goals
    }

    /// The differential cases where the machine is larger than rustc's
    /// future.
    pub fn case_size_exceptions(&self) -> Vec<&CaseSize> {
        self.case_sizes
            .iter()
            .filter(|c| c.machine > c.compiler)
            .collect()
    }

    /// The compact summary of the differential cases' sizes: how many, how
    /// many with machine <= compiler, and the exceptions with both sizes.
    /// `None` when they were not measured.
    pub fn case_sizes_summary(&self) -> Option<String> {
        if self.case_sizes.is_empty() {
            return None;
        }
        let exceptions = self.case_size_exceptions();
        let n = self.case_sizes.len();
        let mut s = format!(
            "differential cases: {} of {n} with machine <= compiler",
            n - exceptions.len()
        );
        if exceptions.is_empty() {
            s.push_str(", no exception");
        } else {
            let list: Vec<String> = exceptions
                .iter()
                .map(|c| format!("{} {} > {}", c.name, c.machine, c.compiler))
                .collect();
            let _ = write!(s, "; larger: {}", list.join(", "));
        }
        Some(s)
    }

    fn case_sizes_goal(&self) -> Goal {
        let exceptions = self.case_size_exceptions();
        let n = self.case_sizes.len();
        let worst = self
            .case_sizes
            .iter()
            .max_by(|a, b| a.ratio().total_cmp(&b.ratio()));
        Goal {
            what: "size: machine <= compiler on every differential case".into(),
            measured: format!(
                "{} of {n} cases{}",
                n - exceptions.len(),
                worst
                    .map(|w| format!(
                        ", worst machine/compiler ratio {:.3} ({})",
                        w.ratio(),
                        w.name
                    ))
                    .unwrap_or_default()
            ),
            met: exceptions.is_empty(),
            why: if exceptions.is_empty() {
                String::new()
            } else {
                let groups: Vec<String> = SizeCause::ALL
                    .iter()
                    .filter_map(|&cause| {
                        let names: Vec<&str> = exceptions
                            .iter()
                            .filter(|c| case_size_cause(c.name).0 == cause)
                            .map(|c| c.name)
                            .collect();
                        (!names.is_empty()).then(|| {
                            format!(
                                "{} ({}): {}",
                                cause.short(),
                                cause.label(),
                                names.join(", ")
                            )
                        })
                    })
                    .collect();
                format!(
                    "larger on {} (sizes and each case's account: report.md, \"Size on the differential cases\"). Probable causes: {}",
                    exceptions.len(),
                    groups.join("; ")
                )
            },
        }
    }

    fn corpus_goals(&self, goals: &mut Vec<Goal>) {
        let bigger: Vec<String> = self
            .workloads
            .iter()
            .filter(|w| w.machine.size > w.compiler.size)
            .map(|w| format!("{} ({} > {})", w.name, w.machine.size, w.compiler.size))
            .collect();
        let worst = self
            .workloads
            .iter()
            .map(|w| (w.name, w.size_ratio()))
            .max_by(|a, b| a.1.total_cmp(&b.1));
        goals.push(Goal {
            what: "size: machine <= compiler on every workload".into(),
            measured: match worst {
                Some((n, r)) => format!("worst machine/compiler ratio {r:.3} ({n})"),
                None => "no workloads".into(),
            },
            met: bigger.is_empty(),
            why: if bigger.is_empty() {
                String::new()
            } else {
                format!(
                    "larger on {}. Likely cause: values kept in place (slots) sit in a struct beside the state enum, so the enum's tag and padding cannot share their bytes, while rustc lays out the tag, the values kept across every await and each await's own values as one object. One enum whose variants hold the slots at fixed offsets would close it.",
                    bigger.join(", ")
                )
            },
        });
        for name in ["issue62958", "wrap64k"] {
            if let Some(w) = self.find(name) {
                let r = w.machine.size as f64 / w.optimal as f64;
                goals.push(Goal {
                    what: format!("size within 1% of optimal on {name}"),
                    measured: format!(
                        "{} vs optimal {} ({:.4}x; rustc {:.2}x)",
                        w.machine.size,
                        w.optimal,
                        r,
                        w.compiler.size as f64 / w.optimal as f64
                    ),
                    met: r <= 1.01,
                    why: if r <= 1.01 {
                        String::new()
                    } else {
                        "the machine stores a value twice (e.g. an argument kept in the start state and copied into a later variant)".into()
                    },
                });
            }
        }
        if let Some(w) = self.find("chain16k_boxed")
            && let (Some(m), Some(h)) = (w.machine.time, w.hand.as_ref().and_then(|h| h.time))
        {
            let r = m.ratio(h);
            let c = w.compiler.time.map(|c| c.ratio(h));
            goals.push(Goal {
                what: "boxed 16 KiB chain construct-and-run: machine <= 1.5x hand-written".into(),
                measured: format!(
                    "machine/hand {r}; rustc/hand {}",
                    c.map(|c| c.to_string()).unwrap_or_else(|| "n/a".into())
                ),
                met: r.point <= 1.5,
                why: if r.point <= 1.5 {
                    String::new()
                } else {
                    "the 16 KiB argument is copied on each level's first poll (start state -> awaiting state) and into the box; a machine that constructs its sub-machine in place would avoid it".into()
                },
            });
        }
        let over: Vec<String> = self
            .workloads
            .iter()
            .filter_map(|w| Some((w.name, w.time_ratio()?)))
            .filter(|(_, r)| r.point > 1.05)
            .map(|(n, r)| format!("{n} {r}"))
            .collect();
        let timed = self
            .workloads
            .iter()
            .filter(|w| w.time_ratio().is_some())
            .count();
        goals.push(Goal {
            what: "time per transition: machine/compiler <= 1.05 (median) on every workload".into(),
            measured: format!(
                "{} of {timed} workloads within 1.05",
                timed - over.len()
            ),
            met: over.is_empty() && timed > 0,
            why: if over.is_empty() {
                String::new()
            } else {
                format!(
                    "over on {}. Likely causes, from the instruction counts: an await outside loops and joins (straight-line code) still goes back through the state `match` after suspending, to poll the awaitee it just wrote, where rustc's coroutine polls it in place (about 5 instructions; awaits in loops and after joins poll in place); in small states the tag is kept in the awaitee's niche and decoded at every poll (about 6 more: yield_loop); a loop whose body awaits still re-enters its head through the dispatch loop after each resume (match_arms); small values live across every await are moved out of the state and back at each resume. Ratios of workloads under 3 ns per poll move by up to 30% between builds of the same code (code placement): read them beside the instruction counts",
                    over.join("; ")
                )
            },
        });
    }

    /// The terminal table: workload, machine, compiler, ratio (size and
    /// time).
    pub fn headline(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(
            s,
            "{:<18} {:>9} {:>9} {:>6} | {:>11} {:>11} {:>22}",
            "workload", "machine", "compiler", "size", "machine", "compiler", "time ratio [CI]"
        );
        let _ = writeln!(
            s,
            "{:<18} {:>9} {:>9} {:>6} | {:>11} {:>11} {:>22}",
            "", "bytes", "bytes", "ratio", "per poll", "per poll", ""
        );
        for w in &self.workloads {
            let per = |v: &VariantResult| {
                v.time
                    .map(|t| ns(t.median / v.polls as f64))
                    .unwrap_or_else(|| "-".into())
            };
            let _ = writeln!(
                s,
                "{:<18} {:>9} {:>9} {:>6.3} | {:>11} {:>11} {:>22}",
                w.name,
                w.machine.size,
                w.compiler.size,
                w.size_ratio(),
                per(&w.machine),
                per(&w.compiler),
                w.time_ratio()
                    .map(|r| r.to_string())
                    .unwrap_or_else(|| "-".into())
            );
        }
        s
    }

    /// Writes `report.md`, `index.html` and the charts into `dir`.
    pub fn write(&self, dir: &Path) -> io::Result<()> {
        fs::create_dir_all(dir)?;
        let names: Vec<&str> = self.workloads.iter().map(|w| w.name).collect();
        let sizes: Vec<f64> = self.workloads.iter().map(|w| w.size_ratio()).collect();
        let times: Vec<f64> = self
            .workloads
            .iter()
            .map(|w| w.time_ratio().map_or(f64::NAN, |r| r.point))
            .collect();
        let exec_names: Vec<&str> = self.exec.iter().map(|e| e.name).collect();
        let exec_ratios: Vec<f64> = self
            .exec
            .iter()
            .map(|e| match (e.ours(), e.best_peer()) {
                (Some(o), Some((_, b))) => o.median / b.median,
                _ => f64::NAN,
            })
            .collect();
        let charts = [
            (
                "size_ratio.svg",
                "Future size: machine / compiler (lower is better)",
                &names,
                &sizes,
                1.0,
            ),
            (
                "time_ratio.svg",
                "Construct-and-run time: machine / compiler (median)",
                &names,
                &times,
                1.05,
            ),
            (
                "executor_ratio.svg",
                "Executor: ours / fastest peer (median)",
                &exec_names,
                &exec_ratios,
                1.0,
            ),
        ];
        for (file, title, labels, values, goal) in charts {
            bar_chart(&dir.join(file), title, labels, values, goal)
                .map_err(|e| io::Error::other(e.to_string()))?;
        }
        let md = self.markdown();
        fs::write(dir.join("report.md"), &md)?;
        fs::write(dir.join("index.html"), self.html())?;
        Ok(())
    }

    fn criterion_link(&self, id: &str) -> Option<String> {
        let rel = format!("{id}/report/index.html");
        self.criterion_dir
            .join(&rel)
            .exists()
            .then(|| format!("../criterion/{rel}"))
    }

    /// The Markdown report.
    pub fn markdown(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(s, "# `#[state_machine]` comparison report\n");
        let _ = writeln!(s, "Measured on: {}\n", self.machine_info);
        let _ = writeln!(s, "Settings: {}\n", self.settings);
        let _ = writeln!(s, "{READING}\n");
        let _ = writeln!(s, "## Headline\n\n```text\n{}```\n", self.headline());

        let _ = writeln!(s, "## Goals\n");
        let _ = writeln!(s, "| goal | measured | verdict | why / likely cause |");
        let _ = writeln!(s, "|---|---|---|---|");
        for g in self.goals() {
            let _ = writeln!(
                s,
                "| {} | {} | {} | {} |",
                g.what,
                g.measured,
                if g.met { "met" } else { "**missed**" },
                g.why
            );
        }

        let _ = writeln!(s, "\n## Sizes (bytes, `size_of_val` of the future)\n");
        let _ = writeln!(
            s,
            "| workload | machine | compiler | hand | optimal | machine/compiler | machine/optimal | compiler/optimal | optimal computed as |"
        );
        let _ = writeln!(s, "|---|---:|---:|---:|---:|---:|---:|---:|---|");
        for w in &self.workloads {
            let _ = writeln!(
                s,
                "| {} | {} | {} | {} | {} | {:.3} | {:.3} | {:.3} | {} |",
                w.name,
                w.machine.size,
                w.compiler.size,
                w.hand
                    .as_ref()
                    .map(|h| h.size.to_string())
                    .unwrap_or_else(|| "-".into()),
                w.optimal,
                w.size_ratio(),
                w.machine.size as f64 / w.optimal as f64,
                w.compiler.size as f64 / w.optimal as f64,
                w.optimal_note
            );
        }

        if !self.case_sizes.is_empty() {
            self.case_sizes_markdown(&mut s);
        }

        let _ = writeln!(
            s,
            "\n## Time (criterion median [95% CI] of construct-and-run; per poll = that / polls)\n"
        );
        let _ = writeln!(
            s,
            "| workload | polls | machine run | compiler run | hand run | machine per poll | compiler per poll | machine/compiler | machine/hand |"
        );
        let _ = writeln!(s, "|---|---:|---|---|---|---:|---:|---|---|");
        for w in &self.workloads {
            let run = |v: &VariantResult| {
                let t = v.time.map(est).unwrap_or_else(|| "-".into());
                match self.criterion_link(&v.bench_id) {
                    Some(l) => format!("[{t}]({l})"),
                    None => t,
                }
            };
            let per = |v: &VariantResult| {
                v.time
                    .map(|t| ns(t.median / v.polls as f64))
                    .unwrap_or_else(|| "-".into())
            };
            let mh = match (w.machine.time, w.hand.as_ref().and_then(|h| h.time)) {
                (Some(m), Some(h)) => m.ratio(h).to_string(),
                _ => "-".into(),
            };
            let _ = writeln!(
                s,
                "| {} | {} | {} | {} | {} | {} | {} | {} | {} |",
                w.name,
                w.compiler.polls,
                run(&w.machine),
                run(&w.compiler),
                w.hand.as_ref().map(run).unwrap_or_else(|| "-".into()),
                per(&w.machine),
                per(&w.compiler),
                w.time_ratio()
                    .map(|r| r.to_string())
                    .unwrap_or_else(|| "-".into()),
                mh
            );
        }

        self.instructions_markdown(&mut s);

        let _ = writeln!(
            s,
            "\n## Memory (counting global allocator{})\n",
            if self.counting_alloc {
                ""
            } else {
                "; NOT installed, figures are zero"
            }
        );
        let _ = writeln!(
            s,
            "Allocations and bytes are per construct-and-run of one instance. Peak is the allocator's peak of live heap bytes while N instances are spawned (queued, not yet polled) on our `LocalExecutor`, divided by N (N = 100,000, fewer where 100,000 instances would exceed 1 GiB; the task box and the executor's slot are included).\n"
        );
        let _ = writeln!(
            s,
            "| workload | allocs m/c/h | bytes m/c/h | N | peak per instance m/c/h (bytes) |"
        );
        let _ = writeln!(s, "|---|---|---|---:|---|");
        for w in &self.workloads {
            let h = w.hand.as_ref();
            let _ = writeln!(
                s,
                "| {} | {}/{}/{} | {}/{}/{} | {} | {:.0}/{:.0}/{} |",
                w.name,
                w.machine.allocs,
                w.compiler.allocs,
                h.map(|h| h.allocs.to_string())
                    .unwrap_or_else(|| "-".into()),
                w.machine.bytes,
                w.compiler.bytes,
                h.map(|h| h.bytes.to_string()).unwrap_or_else(|| "-".into()),
                if w.machine.peak_n == w.compiler.peak_n {
                    w.machine.peak_n.to_string()
                } else {
                    format!("{}/{}", w.machine.peak_n, w.compiler.peak_n)
                },
                w.machine.peak_per_instance,
                w.compiler.peak_per_instance,
                h.map(|h| format!("{:.0}", h.peak_per_instance))
                    .unwrap_or_else(|| "-".into()),
            );
        }
        let disagree: Vec<&str> = self
            .workloads
            .iter()
            .filter(|w| !w.agrees())
            .map(|w| w.name)
            .collect();
        if !disagree.is_empty() {
            let _ = writeln!(
                s,
                "\n**Output or poll count differs between variants on: {}** (a macro bug: see the differential tests).",
                disagree.join(", ")
            );
        }

        let _ = writeln!(s, "\n## Executors\n\n{EXEC_NOTES}\n");
        let _ = writeln!(
            s,
            "| workload | unit | peer | time per unit [CI] | allocs per unit | vs ours |"
        );
        let _ = writeln!(s, "|---|---|---|---|---:|---|");
        for e in &self.exec {
            let ours = e.ours();
            for (peer, t, a) in &e.peers {
                let per = t.map(|t| t.per(e.units));
                let _ = writeln!(
                    s,
                    "| {} | {} | {} | {} | {} | {} |",
                    e.name,
                    e.unit,
                    peer,
                    per.map(est).unwrap_or_else(|| "-".into()),
                    a.map(|a| format!("{a:.2}")).unwrap_or_else(|| "-".into()),
                    match (ours, per) {
                        (Some(o), Some(p)) if *peer != "ours" =>
                            format!("{:.2}", o.median / p.median),
                        _ => String::new(),
                    }
                );
            }
        }

        if let Some(b) = self.build {
            let _ = writeln!(s, "\n## Build cost\n");
            let _ = writeln!(
                s,
                "A generated crate with {} `async fn`s (a loop, a branch and three awaits each), rebuilt in debug with its dependencies prebuilt (best of 2):\n",
                b.fns
            );
            let _ = writeln!(s, "| crate | seconds |\n|---|---:|");
            let _ = writeln!(s, "| with `#[state_machine]` | {:.2} |", b.annotated);
            let _ = writeln!(s, "| without | {:.2} |", b.plain);
            let _ = writeln!(s, "| ratio | {:.2} |", b.annotated / b.plain);
        }

        if !self.macro_notes.is_empty() {
            let _ = writeln!(s, "\n## Macro failures met while building the corpus\n");
            for n in &self.macro_notes {
                let _ = writeln!(s, "- {n}");
            }
        }
        let _ = writeln!(
            s,
            "\nCriterion's detail reports: `target/criterion/report/index.html`."
        );
        s
    }

    /// The section "Instructions per poll": machine and rustc, under
    /// valgrind, or why they were not counted.
    fn instructions_markdown(&self, s: &mut String) {
        let Some(counted) = &self.instructions else {
            return;
        };
        let _ = writeln!(s, "\n## Instructions per poll (valgrind)\n");
        let _ = writeln!(s, "{INSTRUCTION_NOTES}\n");
        match counted {
            Err(why) => {
                let _ = writeln!(s, "Not counted: {why}.");
            }
            Ok(counts) => {
                let _ = writeln!(s, "| workload | machine | compiler | machine/compiler |");
                let _ = writeln!(s, "|---|---:|---:|---:|");
                for c in counts {
                    let _ = writeln!(
                        s,
                        "| {} | {:.1} | {:.1} | {:.3} |",
                        c.workload,
                        c.machine,
                        c.compiler,
                        c.ratio()
                    );
                }
            }
        }
    }

    /// One terminal line: instructions per poll, machine/compiler.
    pub fn instructions_summary(&self) -> Option<String> {
        match self.instructions.as_ref()? {
            Err(why) => Some(format!("instructions per poll: not counted ({why})")),
            Ok(counts) => {
                let each: Vec<String> = counts
                    .iter()
                    .map(|c| {
                        format!(
                            "{} {:.1}/{:.1} = {:.2}",
                            c.workload,
                            c.machine,
                            c.compiler,
                            c.ratio()
                        )
                    })
                    .collect();
                Some(format!(
                    "instructions per poll (valgrind), machine/compiler: {}",
                    each.join(", ")
                ))
            }
        }
    }

    /// The section "Size on the differential cases": one row per case, the
    /// summary and the exceptions with their probable cause.
    fn case_sizes_markdown(&self, s: &mut String) {
        let _ = writeln!(
            s,
            "\n## Size on the differential cases (bytes, `size_of_val` of the future)\n"
        );
        let _ = writeln!(s, "{CASE_SIZES_NOTES}\n");
        let _ = writeln!(s, "| case | machine | compiler | machine/compiler |");
        let _ = writeln!(s, "|---|---:|---:|---:|");
        for c in &self.case_sizes {
            let larger = c.machine > c.compiler;
            let _ = writeln!(
                s,
                "| {}{} | {} | {} | {} |",
                c.id(),
                if c.panics { " (panics)" } else { "" },
                c.machine,
                c.compiler,
                if larger {
                    format!("**{:.3}**", c.ratio())
                } else {
                    format!("{:.3}", c.ratio())
                }
            );
        }
        let exceptions = self.case_size_exceptions();
        let n = self.case_sizes.len();
        let smaller = self
            .case_sizes
            .iter()
            .filter(|c| c.machine < c.compiler)
            .count();
        let _ = writeln!(
            s,
            "\n**{n} cases: {} with machine <= compiler ({smaller} smaller, {} equal), {} exception{}.**\n",
            n - exceptions.len(),
            n - exceptions.len() - smaller,
            exceptions.len(),
            if exceptions.len() == 1 { "" } else { "s" }
        );
        if exceptions.is_empty() {
            return;
        }
        let _ = writeln!(
            s,
            "Exceptions and their probable cause, read from the layouts ({}):\n",
            SizeCause::ALL
                .iter()
                .filter(|&&cause| exceptions
                    .iter()
                    .any(|c| case_size_cause(c.name).0 == cause))
                .map(|cause| format!("**{}**: {}", cause.short(), cause.label()))
                .collect::<Vec<_>>()
                .join("; ")
        );
        for c in exceptions {
            let (cause, account) = case_size_cause(c.name);
            let _ = writeln!(
                s,
                "- {}: machine {} > compiler {} ({:.3}x). **{}**: {}.",
                c.id(),
                c.machine,
                c.compiler,
                c.ratio(),
                cause.short(),
                account
            );
        }
    }

    /// The HTML page: charts, then the Markdown tables rendered minimally.
    pub fn html(&self) -> String {
        let mut s = String::new();
        s.push_str("<!doctype html><html><head><meta charset=\"utf-8\"><title>#[state_machine] comparison report</title>");
        s.push_str("<style>body{font-family:sans-serif;max-width:1200px;margin:auto;padding:1em}table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #ccc;padding:2px 6px;text-align:left}pre{background:#f4f4f4;padding:8px;overflow-x:auto}.missed{color:#b00;font-weight:bold}.met{color:#080}</style></head><body>");
        s.push_str("<h1><code>#[state_machine]</code> comparison report</h1>");
        let _ = write!(
            s,
            "<p>Measured on: {}</p><p>Settings: {}</p><p>{}</p>",
            esc(&self.machine_info),
            esc(&self.settings),
            esc(READING)
        );
        if self.criterion_dir.join("report/index.html").exists() {
            s.push_str(
                "<p><a href=\"../criterion/report/index.html\">Criterion's detail reports</a></p>",
            );
        }
        s.push_str("<h2>Charts</h2>");
        for f in ["size_ratio.svg", "time_ratio.svg", "executor_ratio.svg"] {
            let _ = write!(s, "<p><img src=\"{f}\" alt=\"{f}\"></p>");
        }
        let _ = write!(s, "<h2>Headline</h2><pre>{}</pre>", esc(&self.headline()));
        s.push_str("<h2>Goals</h2><table><tr><th>goal</th><th>measured</th><th>verdict</th><th>why</th></tr>");
        for g in self.goals() {
            let _ = write!(
                s,
                "<tr><td>{}</td><td>{}</td><td class=\"{}\">{}</td><td>{}</td></tr>",
                esc(&g.what),
                esc(&g.measured),
                if g.met { "met" } else { "missed" },
                if g.met { "met" } else { "missed" },
                esc(&g.why)
            );
        }
        s.push_str("</table>");
        // The remaining sections: the Markdown tables, converted row by row.
        let md = self.markdown();
        let rest = md.split("## Sizes").nth(1).unwrap_or("");
        s.push_str(&md_tables_to_html(&format!("## Sizes{rest}")));
        s.push_str("</body></html>\n");
        s
    }
}

const READING: &str = "How to read it: each workload's body is written once and compiled twice, by #[state_machine] (machine) and by rustc (compiler); some also have a hand-written Future. A size ratio below 1 means the machine's future is smaller. Time is criterion's median construct-and-run time with its 95% confidence interval; a time ratio's interval is conservative (lowest/highest ratio the two intervals allow), so an interval that contains 1.0 means 'no measurable difference'. All leaves are tiny hand-written futures polled with a no-op waker, so corpus times contain no executor cost.";

const EXEC_NOTES: &str = "The same task bodies on each executor. Every root future awaits a shared `Rc` countdown, the ring passes its token over a shared `Rc<Cell>` one-value channel written here (no atomics), tasks yield with the corpus's `YieldOnce` (wake_by_ref then Pending), and the remote wake uses `futures::channel::oneshot` completed from a helper thread. tokio runs current-thread with a `LocalSet` (the tasks are `!Send`); async-executor's executors are driven by `futures_lite::future::block_on(ex.run(..))`; `StaticLocalExecutor` exists in async-executor 1.14 (feature `static`) and is leaked once per benchmark. Allocations per unit are counted over one iteration after a warm-up iteration.";

/// Issue 3's two transition targets (a 4 KiB buffer kept across 1,000
/// awaits, a deep chain of small awaits: within 1.05x of rustc), read on the
/// instruction counts, which code placement does not move.
fn instruction_goals(counts: &[InstructionCount]) -> Vec<Goal> {
    let causes = [
        ("buf4k", ""),
        (
            "deep_chain",
            "after suspending, the step function jumps back to its state `match` before polling the new awaitee, where rustc polls it in place (about 5 instructions per transition); polling it at the suspension instead measured 0.96x here but cost nested machines up to 3x their instructions, so it is not done",
        ),
    ];
    causes
        .iter()
        .filter_map(|&(name, cause)| {
            let c = counts.iter().find(|c| c.workload == name)?;
            let met = c.ratio() <= 1.05;
            Some(Goal {
                what: format!("instructions per poll on {name}: machine/compiler <= 1.05"),
                measured: format!("{:.1} / {:.1} = {:.3}", c.machine, c.compiler, c.ratio()),
                met,
                why: if met {
                    String::new()
                } else {
                    cause.to_string()
                },
            })
        })
        .collect()
}

/// What the instruction counts are, and are not.
const INSTRUCTION_NOTES: &str = "Executed instructions per poll, counted by valgrind's cachegrind \
(no cache simulation) on this binary: each variant runs n and 3n times in a child process and \
the difference is divided by the polls made, so start-up and construction outside the loop \
cancel. Unlike the times above, these figures do not move with code placement: the same code \
gives the same count in every build (they do move when inlining changes: polling the same future \
from four more places raised deep_chain's from 22.5 to 29.5). They are not time: a store, a mispredicted jump and a \
`rep movsb` iteration count one each, and copies of large values count per instruction of \
`memcpy`.";

const CASE_SIZES_NOTES: &str = "Every `differential!` case of the edition 2024 suite (`tests/cases/*.rs` as included by `tests/tests/differential.rs`), compiled here by `#[state_machine]` and by rustc: both futures are constructed with the case's argument values and dropped unpolled, so these are layouts, not run-time figures. The cases are small and test semantics, not size, so a few bytes matter: the ratio is the figure to read. Bold ratios are the exceptions (machine larger).";

/// The main reason a differential case's machine is larger than rustc's
/// future.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SizeCause {
    /// Slots (values kept in place) carry a drop flag each, padded.
    SlotFlags,
    /// A state's saved values are one tuple: padding and tag not shared.
    SavedTuple,
    /// Intermediate values of an expression are saved though dead.
    DeadTemporaries,
    /// Slots of values never live at the same await, side by side.
    SlotsSideBySide,
    /// A drop flag holds its value in a `Dead`, which has no niche.
    FlagWithoutNiche,
    /// A `join!`'s futures are an `async move` block's captures and its locals.
    JoinCaptures,
    /// No analysis recorded for this case.
    Unknown,
}

impl SizeCause {
    const ALL: [SizeCause; 7] = [
        SizeCause::SlotFlags,
        SizeCause::SavedTuple,
        SizeCause::DeadTemporaries,
        SizeCause::SlotsSideBySide,
        SizeCause::FlagWithoutNiche,
        SizeCause::JoinCaptures,
        SizeCause::Unknown,
    ];

    fn short(self) -> &'static str {
        match self {
            SizeCause::SlotFlags => "slot flags",
            SizeCause::SavedTuple => "saved tuple",
            SizeCause::DeadTemporaries => "dead intermediates",
            SizeCause::SlotsSideBySide => "slots beside the state",
            SizeCause::FlagWithoutNiche => "drop flag without a niche",
            SizeCause::JoinCaptures => "join captures",
            SizeCause::Unknown => "not analysed",
        }
    }

    fn label(self) -> &'static str {
        match self {
            SizeCause::SlotFlags => {
                "each value kept in place (a slot) carries a 1-byte drop flag padded to its alignment, in a struct beside the state enum, where rustc needs no flag for a value initialised at every await and packs the flags it needs"
            }
            SizeCause::SavedTuple => {
                "a state's saved values form one tuple whose padding the tag cannot use, where rustc lays saved locals out as separate fields and puts small ones beside its tag"
            }
            SizeCause::DeadTemporaries => {
                "a method chain's intermediate result or a copy of a `match` scrutinee is saved across the await though no longer used"
            }
            SizeCause::SlotsSideBySide => {
                "the values kept in place are in a slots struct beside the state enum for the whole function, and slots of scopes that overlap each have storage of their own (slots of scopes that never do share it), where rustc overlaps every value with those never live at the same await, saved values included"
            }
            SizeCause::FlagWithoutNiche => {
                "a value that may hold a borrow and may have been moved out is kept in a drop flag as an `Option<Dead<T>>`, so that passing the flag on never moves a reference that may dangle; `Dead` has no niche, so the flag takes a tag of its own, where rustc keeps the value in place with a drop-flag bit"
            }
            SizeCause::JoinCaptures => {
                "a `join!` or `try_join!` runs in an `async move` block that takes its evaluated futures, and rustc stores an async block's captures apart from its locals, so the futures take room twice (as captures and in the macro's own tuple), where rustc's `join!` in the function builds its tuple once"
            }
            SizeCause::Unknown => "not analysed yet",
        }
    }
}

/// Why each differential case that was larger at the time of writing is
/// larger: read from `-Zprint-type-sizes` layouts (machine's `__State`,
/// `__Slots` and rustc's coroutine) at commit 6419474. A case that becomes
/// larger later shows as "not analysed yet".
const CASE_SIZE_CAUSES: &[(&str, SizeCause, &str)] = &[
    (
        "short_circuit_and",
        SizeCause::SavedTuple,
        "`(x, d, a)` is saved as one 24 B tuple (two bools padded to a word), so the 1-byte tag takes a word of its own; rustc packs `x`, `a` and its tag into one word beside `d`",
    ),
    (
        "if_else_chain",
        SizeCause::SavedTuple,
        "`(inner, d, n)` is one 40 B tuple (the u32 `n` padded to 8), so the tag needs its own word; rustc puts `n` and its tag in one word",
    ),
    (
        "match_arms",
        SizeCause::DeadTemporaries,
        "the scrutinee `n % 3` (u32) is saved with `d` across the arms' awaits (a 24 B tuple, then a separate tag word); rustc keeps no copy of the scrutinee and its tag shares `n`'s word",
    ),
    (
        "maybe_moved_copy_reassigned_after_branch",
        SizeCause::SlotFlags,
        "`sent` (`Vec<u32>`) is kept in a slot, 24 B + flag padded to 32 beside the enum; rustc stores the Vec with no flag",
    ),
    (
        "conditional_move_across_awaits",
        SizeCause::SavedTuple,
        "`(u, s, c)` is one 40 B tuple (`c`'s byte padded to 8; the maybe-moved `s` is an `Option<D>` using its niche) and the tag takes a word; rustc fits `c`, `s`'s drop flag and its tag in one word",
    ),
    (
        "tail_expression_with_temporaries",
        SizeCause::DeadTemporaries,
        "`touch()`'s `&str` (16 B) is saved across the await besides the temporary `D` and the `len()` computed from it; rustc saves only the `D` and the usize",
    ),
    (
        "if_let_scrutinee_temporary",
        SizeCause::DeadTemporaries,
        "the scrutinee chain's intermediates, `touch()`'s `&str` and `get(0..1)`'s `Option<&str>` (32 B), are saved with the temporary `D` across the arm's await, and `n` (borrowed by the closure `|_| n`) sits in a slot with a flag (8 B)",
    ),
    (
        "if_let_scrutinee_temporary_else_branch",
        SizeCause::DeadTemporaries,
        "as in if_let_scrutinee_temporary: `touch()`'s `&str` and `get(5..6)`'s `Option<&str>` (32 B) saved with the temporary `D`, and `n` in a slot (8 B)",
    ),
    (
        "match_scrutinee_temporary",
        SizeCause::DeadTemporaries,
        "`touch()`'s `&str` (16 B) is saved with the temporary `D` across the arm's await; rustc saves only the `D`",
    ),
    (
        "iter_across_await",
        SizeCause::SlotFlags,
        "`v` is in a slot (Vec + flag = 32 B); also the loop binding `x` (`&D`, 8 B) is saved though dead before the await; either alone accounts for the 8 B",
    ),
    (
        "read_into_local_buffer_in_loop",
        SizeCause::SlotFlags,
        "four slots (`data`, `reader`, `buf`, `out`) carry flags padded to their alignment (29 B) and the tag takes a word (the `read()` awaitee has no niche); rustc needs no flags but stores `data` twice (argument and local), hence only 8 B apart",
    ),
    (
        "read_through_mut_parameter",
        SizeCause::SlotFlags,
        "`reader` (`&mut Reader`, a 16 B slot) and `buf` carry flags and the tag takes a word; rustc stores `reader` twice (argument and local) and still fits in 128 B",
    ),
    (
        "while_let_next_borrows_stream",
        SizeCause::SavedTuple,
        "`(sum, d)` is a 24 B tuple and the tag takes a word (the `next()` awaitee has no niche), and `stream` in its slot adds a flag; rustc fits `stream`, `sum` and its tag in one word",
    ),
    (
        "pop_borrows_local_stack",
        SizeCause::SlotFlags,
        "`stack` and `out` (two Vecs) are in slots, each flag padded to 8 B: exactly the 16 B difference",
    ),
    (
        "guard_of_local_lock_across_awaits",
        SizeCause::SlotFlags,
        "`lock` and `guard` are in slots, each flag padded to 8 B: exactly the 16 B difference",
    ),
    (
        "await_in_match_guard_on_temporary",
        SizeCause::SlotFlags,
        "the scrutinee temporary `(D, u32)` is kept in a slot while the guard awaits, and the chosen arm takes it out, so the slot has a flag, padded to 8 B: the difference (from the sizes, not checked with `-Zprint-type-sizes`)",
    ),
    (
        "slot_local_let_underscore_and_match",
        SizeCause::SlotFlags,
        "`moved` is in a slot (borrowed across the first await) and the `match` takes it out, so its slot has a flag, padded to 8 B: the difference (from the sizes, not checked with `-Zprint-type-sizes`)",
    ),
    (
        "awaited_call_borrows_temporaries",
        SizeCause::SlotsSideBySide,
        "the four temporaries the awaited calls borrow (`D`, 16 B each) are in slots side by side, 64 B for the whole function, where rustc overlaps them across the three awaits (two at most are live at once); the state enum is 64 B, rustc's whole coroutine 104 B (`-Zprint-type-sizes`, at a9d905a)",
    ),
    (
        "bindings_borrowed_by_the_arms_await",
        SizeCause::SlotsSideBySide,
        "the four arm bindings the awaits borrow (`s` three times and `g`, `D`, 16 B each) are in slots side by side, 64 B for the whole function, where rustc overlaps them as they are live at different awaits; `v` is in two slots (the argument and its `let mut` copy, 56 B) and the guard's scrutinee in a third with a flag (24 B): `__Slots` 144 B beside an 80 B state, against rustc's 184 B (`-Zprint-type-sizes`, at 9bf526c); the machine is 192 B since the eighth session's liveness fixes, which stopped carrying dead values rustc does not keep",
    ),
    (
        "else_if_let_chain_slices_and_labeled_values",
        SizeCause::SlotsSideBySide,
        "`last`, the `if let` binding of `v.last()` (`&D`, 8 B), is dead at its branch's await while in scope; for all the macro can see it is a value with drop glue that may hold a dangling borrow, so it stays in a slot of its own for its scope rather than being moved (see README, \"How values are stored\"), where rustc overlaps it: exactly the 8 B",
    ),
    (
        "dead_numbering_sequence",
        SizeCause::SlotsSideBySide,
        "six values that may hold a borrow of `v` (`a`, `b`, `c`, `d`, `e`; `(D, &D)` or `D`; and `o2`, which the `if let` takes out only when it matches, so on the other path it is still in scope, dead, at the third await) are each kept in a slot of their own for their scope, as they may dangle, side by side in the slots struct, where rustc overlaps `a` and `b`, which are in scope at different awaits: 16 B more (208 B before `o2` was kept in place at 018a4cc; it had been moved with the state, dangling reference and all)",
    ),
    (
        "for_loop_over_a_borrowed_temporary",
        SizeCause::SlotsSideBySide,
        "the three loops' `Vec`s and iterators are in slots; since the slots of the three loops share storage (slot regions, b9d3b23; 256 B before) the slots take about as much as the largest loop's, but beside the state enum rather than overlapping its saved values, and the awaited `leaf(.., item.touch().len())`'s intermediate `&str` is carried across its await (since b850c0d) (from the sizes, not checked with `-Zprint-type-sizes`); such a body did not build before d9f48c1 (E0716)",
    ),
    (
        "for_loop_over_a_locked_guard",
        SizeCause::SlotsSideBySide,
        "the second loop's `String` and its `Chars` (40 B) have slots of their own beside the first loop's `MutexGuard` and iterator (32 B), where rustc overlaps the two loops (from the sizes, not checked with `-Zprint-type-sizes`); such a body did not build before d9f48c1 (E0716)",
    ),
    (
        "pin_macro_used_as_a_value",
        SizeCause::SlotsSideBySide,
        "the three futures `pin!` pins as values (`Leaf<u32>` twice and `Leaf<D>`, 32 B to 40 B each) are each kept in a slot of their own for the whole function, where rustc overlaps them, as each lives for one statement (from the sizes, not checked with `-Zprint-type-sizes`); such a body did not build before dc50cbd (E0716)",
    ),
    (
        "match_on_a_borrowed_temporary_across_an_arms_await",
        SizeCause::SlotsSideBySide,
        "the `MutexGuard` and the `Ref` that the two scrutinees borrow are each kept in a slot of their own for the whole function, beside `m` and `c` in theirs, where rustc overlaps the two matches' temporaries (from the sizes, not checked with `-Zprint-type-sizes`); such a body did not build before 020d06e (E0505)",
    ),
    (
        "adaptors_consume_locals_kept_in_place_and_arm_bindings",
        SizeCause::SlotFlags,
        "`user`, `reply` and `walk` are in slots (borrowed across an await), each with a flag padded to 8 B since an adaptor takes it out: 3 x 8 B is the 24 B difference (from the sizes, not checked with `-Zprint-type-sizes`); such a body did not build before c35e3c7 (E0507)",
    ),
    (
        "methods_taken_by_their_names_where_no_await_follows",
        SizeCause::SlotsSideBySide,
        "the `for` loop's `Range<usize>` (16 B) is in a slot beside the state enum for the whole function, where rustc overlaps it with `b` at the second await (checked with `-Zprint-type-sizes`: the state is 88 B and the slots 16 B, against rustc's 96 B)",
    ),
    (
        "slot_local_moved_when_matched",
        SizeCause::SlotFlags,
        "four `Option<D>` locals are in slots (borrowed across an await), each with a flag padded to 8 B since a match takes it out: the difference (from the sizes, not checked with `-Zprint-type-sizes`); such a body did not build before 018a4cc (E0507)",
    ),
    (
        "panic_building_the_awaitee_with_slots_in_scope",
        SizeCause::DeadTemporaries,
        "the awaited call's operands are evaluated into locals of the statement (the `if`'s `&str` and `first.touch()`'s `&str`), so that its temporaries live to the end of the statement as rustc's do (since b850c0d); they have no drop glue and rustc does not keep them, but the macro cannot see that and carries them across the await: 8 B more in the layout (from the sizes, not checked with `-Zprint-type-sizes`)",
    ),
    (
        "condition_temporaries_drop_before_the_branch",
        SizeCause::SlotsSideBySide,
        "the futures the three conditions pin with `pin!` (`Leaf<bool>`, 24 B) share one storage (136 B before slot regions, b9d3b23), with a flag each, beside the state enum, where rustc keeps each pinned future among the values the awaiting state saves (from the sizes, not checked with `-Zprint-type-sizes`)",
    ),
    (
        "awaited_operand_temporaries_drop_after_the_await",
        SizeCause::DeadTemporaries,
        "the awaited expressions' temporaries are carried across their awaits as rustc's are, but with intermediates that have no drop glue (`touch()`'s `&str`, the `&D`) and the borrowed `String` in a slot of its own for the whole function, where rustc keeps only the values with drop glue and overlaps the statements (from the sizes, not checked with `-Zprint-type-sizes`); since this session's field-base change the `&D` that `identity(&D(\"borrowed\"))` returns, whose field is read, is kept in a slot too (for all the macro can see it may hold a borrow that dangles by the await; it has no drop glue, so rustc keeps nothing): 120 B, 104 B before",
    ),
    (
        "temporaries_taken_by_mut_self",
        SizeCause::SlotsSideBySide,
        "the `Vec` of the match's scrutinee, which its iterator borrows, is in a slot beside the state enum for the whole function, where rustc overlaps it with the first statement's temporaries (152 B before slot regions, b9d3b23) (from the sizes, not checked with `-Zprint-type-sizes`)",
    ),
    (
        "iterator_chains_in_awaiting_statements",
        SizeCause::SlotsSideBySide,
        "the two `Vec`s that `iter` borrows in the first two statements are kept to the end of their statements in slots, which share storage, beside the state enum, where rustc overlaps them with the values the states save (from the sizes, not checked with `-Zprint-type-sizes`); such a body did not build before 9c22ed1 (E0382)",
    ),
    (
        "unknown_methods_borrowing_temporaries",
        SizeCause::SlotsSideBySide,
        "each temporary that a method the macro does not know may borrow (three `Bag`s, 32 B each, the `D`, its `&str`, the array of `&D`) and the three loops' iterators are kept in slots; the slots of the loops, the match and the statement share storage (320 B before slot regions, b9d3b23), but beside the state enum, where rustc overlaps them with the values the states save (from the sizes, not checked with `-Zprint-type-sizes`); such a body did not build before this case was added (E0716, E0505)",
    ),
    (
        "struct_field_shorthand_in_awaiting_arms",
        SizeCause::SlotsSideBySide,
        "the `&str` that `a.touch()` returns, the receiver of `len` in the awaited `leaf(\"a\", a.touch().len() as u32)`, is kept to the end of the statement in a slot since bc86017 (for all the macro can see it may hold a borrow that dangles by the await), beside the state enum, where rustc keeps nothing for a value without drop glue: the 8 B (from the sizes, not checked with `-Zprint-type-sizes`)",
    ),
    (
        "compared_dereferenced_and_indexed_temporaries",
        SizeCause::SlotsSideBySide,
        "the `(D, u32)` tuple that `&` borrows in the last statement is kept in a slot (the future could hold the borrow), beside the state enum, where rustc keeps it among the values the awaiting state saves (from the sizes, not checked with `-Zprint-type-sizes`); before this case's fix its temporaries dropped before the await",
    ),
    (
        "temporaries_between_awaits_of_one_statement",
        SizeCause::DeadTemporaries,
        "every operand evaluated before the statement's later await is spilled and carried across it (the first await's `usize`, `touch()`'s `&str`, the sum so far), beside `D(\"t\")`, which rustc keeps too; rustc keeps only what is live or has drop glue (from the sizes, not checked with `-Zprint-type-sizes`); before this case's fix `D(\"t\")` dropped before the later await",
    ),
    (
        "large_buffer_live_across_awaits",
        SizeCause::SlotFlags,
        "`buf`'s 1-byte flag after the 4096 B array is padded to 8 B at the end of the machine; rustc needs no flag",
    ),
    (
        "bindings_of_a_borrowed_scrutinee_are_not_stored",
        SizeCause::SlotsSideBySide,
        "`n` and `acc` (borrowed in statements that await) and the `&mut Some(acc)` temporary the `if let` binds are in slots beside the state, 32 B with their flags, where rustc keeps `n` and `acc` among the saved values; the state enum is 56 B, rustc's whole coroutine 80 B (`-Zprint-type-sizes`, at d5040ac)",
    ),
    (
        "last_and_take_on_temporaries",
        SizeCause::SlotsSideBySide,
        "the `Vec<D>` and `Option<D>` temporaries that `last` and `take` borrow to the end of their statements (sharing storage), `d` and `name` are in slots beside the state, 80 B, where rustc overlaps them with the saved values and awaitees; the state enum is 88 B, rustc's whole coroutine 160 B (`-Zprint-type-sizes`, at d5040ac)",
    ),
    (
        "dead_value_in_a_drop_flag_outlives_its_borrow",
        SizeCause::FlagWithoutNiche,
        "`pair`, maybe taken by the `let` chain, is in its drop flag at both awaits: an `Option<Dead<(D, D, &String)>>` of 48 B (40 B and an 8 B tag), where rustc keeps the 40 B tuple and a flag bit; the state enum is 80 B with `names` in a 24 B slot beside it, rustc's whole coroutine 96 B (`-Zprint-type-sizes`, at this commit)",
    ),
    (
        "types_fixed_inside_a_loop_are_known_after_it",
        SizeCause::SlotsSideBySide,
        "`d`, `results`, `last`, `total` and the loops' iterators and `seen` stay in place across the loops' awaits, in slots beside the state (112 B, two sharing storage), where rustc overlaps them with the awaitees; the state enum is 56 B, rustc's whole coroutine 160 B (`-Zprint-type-sizes`, at this commit's parent with the exit change)",
    ),
    (
        "methods_on_places_in_temporaries_across_an_await",
        SizeCause::SlotsSideBySide,
        "`v`, the `(D, &Vec<D>)` and `Vec<D>` temporaries whose field and element the methods borrow, and the `&str`s `touch` returns are kept in slots beside the state (80 B with their flags, the statements' slots sharing storage), where rustc overlaps them with the awaitees; the state enum is 64 B, rustc's whole coroutine 136 B (`-Zprint-type-sizes`, at e38c54c)",
    ),
    (
        "destructuring_reassignments_drop_old_values_in_order",
        SizeCause::SlotsSideBySide,
        "`a` and `b`, each live across several awaits, and the `for` loop's iterator stay in place in slots beside the state (64 B with their flags), where rustc overlaps them with the awaitees; the state enum is 104 B, rustc's whole coroutine 152 B (`-Zprint-type-sizes`, at e38c54c)",
    ),
    (
        "comparison_copies_a_scalar_before_its_right_operand_changes_it",
        SizeCause::SlotsSideBySide,
        "`arr`, `x`, `fl`, `c`, `v`, `p` and the `one` and `two` it points at, each live across several awaits, and four right-hand blocks' values kept to the end of their statements stay in place in slots beside the state (96 B), where rustc overlaps them with the awaitees; the state enum is 136 B, rustc's whole coroutine 216 B (`-Zprint-type-sizes`, at 836dad6)",
    ),
    (
        "let_without_value_assigned_inside_expressions",
        SizeCause::SlotsSideBySide,
        "the state enum is 200 B, as rustc's whole coroutine; `range`, whose `len` borrows it after the await, is in an 8 B slot beside the state, where rustc overlaps it with the awaitees (`-Zprint-type-sizes`, at d51a299)",
    ),
    (
        "let_without_value_reassigned_in_loops_that_await",
        SizeCause::SlotsSideBySide,
        "`a` and `b`, borrowed by `touch` in the loops that await, and the `for` loop's iterator stay in place in slots beside the state (56 B with their flags), where rustc overlaps them with the awaitees; the state enum is 48 B, rustc's whole coroutine 88 B (`-Zprint-type-sizes`, at d51a299)",
    ),
    (
        "let_without_value_borrowed_across_an_await",
        SizeCause::SlotsSideBySide,
        "`items`, `maybe`, `later`, `again`, `tail` and the `for` loop's iterator, each borrowed across an await, stay in place in slots beside the state (144 B with their flags), where rustc overlaps them with the awaitees; the state enum is 40 B, rustc's whole coroutine 152 B (`-Zprint-type-sizes`, at d51a299)",
    ),
    (
        "receiver_changed_through_a_reborrow_or_beside_a_disjoint_field",
        SizeCause::SlotsSideBySide,
        "`x`, `pair`, `s` and the `&mut`s `r`, `p` and `t` that the awaited calls reborrow stay in place in slots beside the state (96 B with their flags), where rustc overlaps them with the awaitees; the state enum is 56 B, rustc's whole coroutine 112 B (`-Zprint-type-sizes`, at 20e1c58)",
    ),
    (
        "let_chain_value_used_on_the_other_path_before_its_borrow_ends",
        SizeCause::SlotsSideBySide,
        "`names`, `pair` and the chain's binding `taken` stay in place in slots beside the state (112 B with their flags), where rustc overlaps them with the awaitees; the state enum is 32 B, rustc's whole coroutine 136 B (`-Zprint-type-sizes`, at d51a299)",
    ),
    (
        "indexed_receiver_through_a_binding_of_a_mut_reference",
        SizeCause::SlotsSideBySide,
        "`pairs`, `grid`, the bindings `pair`, `last` and `first` whose places are held across the awaits, and the two loops' iterators stay in place in slots beside the state (104 B with their flags), where rustc overlaps them with the awaitees; the state enum is 72 B, rustc's whole coroutine 144 B (`-Zprint-type-sizes`, at d7b1fb1)",
    ),
    (
        "receiver_places_in_temporaries_held_across_an_awaiting_argument",
        SizeCause::SlotsSideBySide,
        "the temporaries whose places are held across the awaits (`make(..)`, the boxes) stay in place in slots beside the state (48 B with their flags), where rustc overlaps them with the awaitees; the state enum is 120 B, rustc's whole coroutine 144 B (`-Zprint-type-sizes`, at cf0c9f4)",
    ),
    (
        "method_on_a_borrowed_temporary_before_an_await",
        SizeCause::SlotsSideBySide,
        "the temporaries `D(\"t\")` and `D(\"named\")`, whose borrows are the method calls' receivers, and `name`, which may borrow its temporary, stay in place in slots beside the state (48 B with their flags), where rustc overlaps them with the awaitees; the state enum is 64 B, rustc's whole coroutine 88 B (`-Zprint-type-sizes`)",
    ),
    (
        "index_temporaries_of_values_read_before_an_await",
        SizeCause::SlotsSideBySide,
        "`l`, `v`, `rows`, `pairs`, `boxes` and `grid`, whose places are read through borrows held while their index operands run or across the awaits, stay in place in slots beside the state (192 B with their flags), where rustc overlaps them with the awaitees; the state enum is 128 B, rustc's whole coroutine 304 B (`-Zprint-type-sizes`, at 3f39618 plus this change)",
    ),
    (
        "indexed_receiver_held_as_the_method_takes_it",
        SizeCause::SlotsSideBySide,
        "the thirteen locals whose places are held or borrowed across the awaits (`map`, `rows`, `v`, `logged`, `slice`, ...) stay in place in slots beside the state (216 B with their flags), where rustc overlaps them with the awaitees; the state enum is 88 B, rustc's whole coroutine 288 B (`-Zprint-type-sizes`, at d7b1fb1)",
    ),
    (
        "branch_values_coerced_to_the_expected_type",
        SizeCause::SlotsSideBySide,
        "`s`, which `label` borrows across awaits, `label` and `shown` are in slots beside the state, 56 B, where rustc overlaps them with the awaitees; the state enum is 72 B, rustc's whole coroutine 120 B (`-Zprint-type-sizes`, at d5040ac)",
    ),
    (
        "tokio_join_of_leaves_and_a_borrowing_block",
        SizeCause::JoinCaptures,
        "the `join!`'s futures are the awaited `async move` block's captures and, once it runs, the fields of the macro's tuple or its locals: 240 B against 152 B (`-Zprint-type-sizes`)",
    ),
    (
        "tokio_join_drops_the_temporaries_of_its_arguments_together",
        SizeCause::JoinCaptures,
        "the `join!`'s futures are the awaited `async move` block's captures and, once it runs, the fields of the macro's tuple or its locals: 200 B against 128 B (`-Zprint-type-sizes`)",
    ),
    (
        "futures_join_drops_each_arguments_temporaries_at_once",
        SizeCause::JoinCaptures,
        "the `join!`'s futures are the awaited `async move` block's captures and, once it runs, the fields of the macro's tuple or its locals: 176 B against 104 B; the awaited block is 152 B of the state's 176 B (`-Zprint-type-sizes`)",
    ),
    (
        "bare_join_of_local_futures_as_a_statement",
        SizeCause::JoinCaptures,
        "the `join!`'s futures are the awaited `async move` block's captures and, once it runs, the fields of the macro's tuple or its locals: 208 B against 136 B (`-Zprint-type-sizes`)",
    ),
    (
        "tokio_try_join_with_question_mark",
        SizeCause::JoinCaptures,
        "the `join!`'s futures are the awaited `async move` block's captures and, once it runs, the fields of the macro's tuple or its locals: 224 B against 136 B (`-Zprint-type-sizes`)",
    ),
    (
        "tokio_try_join_succeeding_in_a_loop",
        SizeCause::JoinCaptures,
        "the `join!`'s futures are the awaited `async move` block's captures and, once it runs, the fields of the macro's tuple or its locals: 272 B against 176 B (`-Zprint-type-sizes`)",
    ),
    (
        "biased_join_and_join_in_an_operand",
        SizeCause::JoinCaptures,
        "the `join!`'s futures are the awaited `async move` block's captures and, once it runs, the fields of the macro's tuple or its locals: 200 B against 136 B (`-Zprint-type-sizes`)",
    ),
    (
        "for_pattern_binding_part_of_a_mutable_borrow",
        SizeCause::SlotsSideBySide,
        "`items`, `m` and `w`, which the loops borrow across their awaits, and the three loops' iterators, which share one storage (72 B), stay in place in slots beside the state (144 B in all), where rustc overlaps them with the awaitees; the state enum is 72 B, rustc's whole coroutine 200 B (`-Zprint-type-sizes`, at 29084e2)",
    ),
    (
        "join_in_the_arguments_of_a_formatting_macro",
        SizeCause::JoinCaptures,
        "the `join!`'s futures are the awaited `async move` block's captures and, once it runs, the fields of the macro's tuple: 192 B against 128 B (`-Zprint-type-sizes`)",
    ),
    (
        "tokio_join_argument_awaiting_after_another",
        SizeCause::JoinCaptures,
        "the `join!`'s futures are the awaited `async move` block's captures and the fields of the macro's tuple (the state is 192 B), and the temporary `D(\"t\")`, kept to the end of the statement, is in a slot (16 B): 208 B against 176 B (`-Zprint-type-sizes`)",
    ),
    (
        "for_loop_over_an_awaited_collection_whose_body_awaits",
        SizeCause::SlotsSideBySide,
        "the loops' iterators (two shared storages of 32 B, for loops whose scopes overlap the awaited values') and `x`, borrowed by the last loop's await, stay in place in slots beside the state (80 B), where rustc overlaps them with the awaitees; the state enum is 96 B, rustc's whole coroutine 160 B (`-Zprint-type-sizes`, at 9375f70)",
    ),
    (
        "for_zip_of_mutable_borrows_leaving_copy_parts",
        SizeCause::SlotsSideBySide,
        "`a`, `b`, `w`, `m`, the loop bindings borrowed across the awaits and the five loops' zipped iterators (one shared storage of 104 B) stay in place in slots beside the state (232 B), where rustc overlaps them with the awaitees; the state enum is 80 B, rustc's whole coroutine 280 B (`-Zprint-type-sizes`, at 9375f70)",
    ),
    (
        "order_temp_before_operand",
        SizeCause::SlotsSideBySide,
        "the statement's temporaries kept to its end, which the awaited future or a method result may borrow, stay in place in slots beside the state (48 B with their flags), where rustc overlaps them with the awaitee; the state enum is 72 B, rustc's whole coroutine 112 B (`-Zprint-type-sizes`, at 2cce443 plus the operand order change)",
    ),
    (
        "order_receiver_temp_binop",
        SizeCause::SlotsSideBySide,
        "the temporary receivers kept to the end of the statement stay in place in slots beside the state (48 B with their flags), where rustc overlaps them with the awaitee; the state enum is 56 B, rustc's whole coroutine 96 B (`-Zprint-type-sizes`)",
    ),
    (
        "order_array",
        SizeCause::SlotsSideBySide,
        "the temporary kept to the end of the statement is in a slot beside the state (16 B with its flag); the state enum is 112 B, rustc's whole coroutine 120 B (`-Zprint-type-sizes`)",
    ),
    (
        "order_two_awaits_temps",
        SizeCause::SlotsSideBySide,
        "the temporaries of both awaits, kept to the end of the statement, stay in place in slots beside the state (64 B with their flags), where rustc overlaps them with the awaitees; the state enum is 96 B, rustc's whole coroutine 152 B (`-Zprint-type-sizes`)",
    ),
    (
        "order_let_chain_ref_binding",
        SizeCause::SlotsSideBySide,
        "the chain's scrutinee temporaries, which the binding borrows across the await, stay in place in slots beside the state (56 B with their flags); the state enum is 80 B, rustc's whole coroutine 120 B (`-Zprint-type-sizes`)",
    ),
    (
        "local_reassigned_from_a_match_on_itself_whose_arm_awaits",
        SizeCause::SlotsSideBySide,
        "the matched locals and the arms' bindings kept in place (`st`, `d`, the shared storage of the arms' `job`s: 56 B with their flags) sit beside the state, where rustc overlaps them with the awaitees; the state enum is 72 B, rustc's whole coroutine 112 B (`-Zprint-type-sizes`)",
    ),
    (
        "ref_bindings_of_awaited_values_extend_them",
        SizeCause::SlotsSideBySide,
        "the three values the `ref` bindings extend and the `&mut` binding, kept in place for the rest of the block (64 B with their flags), sit beside the state; the state enum is 80 B, rustc's whole coroutine 136 B (`-Zprint-type-sizes`)",
    ),
    (
        "let_patterns_binding_nothing_drop_the_awaited_value_first",
        SizeCause::SlotsSideBySide,
        "the temporaries `D(\"t\")`, `D(\"u\")`, `D(\"v\")`, which the awaitees may borrow (through `touch()`), are kept in place in storage beside the state (16 B, shared), where rustc overlaps them with the awaitees; the state enum is 96 B, rustc's whole coroutine 104 B (`-Zprint-type-sizes`)",
    ),
    (
        "let_pattern_with_a_binding_drops_its_leftover_before_the_statements_temporaries",
        SizeCause::SlotsSideBySide,
        "the temporary `D(\"t\")`, which the awaitee may borrow (through `touch()`), is kept in place in a slot beside the state (16 B), where rustc overlaps it with the awaitee; rustc's whole coroutine is 104 B (`-Zprint-type-sizes`)",
    ),
    (
        "let_pattern_with_a_mutable_binding_and_a_later_await",
        SizeCause::SlotsSideBySide,
        "the temporary `D(\"t\")`, which the awaitee may borrow (through `touch()`), is kept in place in a slot beside the state (16 B), where rustc overlaps it with the awaitee; rustc's whole coroutine is 112 B (`-Zprint-type-sizes`)",
    ),
    (
        "assignment_pattern_drops_its_leftover_before_the_statements_temporaries",
        SizeCause::SlotsSideBySide,
        "the temporary `D(\"t\")`, which the awaitee may borrow (through `touch()`), is kept in place in a slot beside the state (16 B), where rustc overlaps it with the awaitee; rustc's whole coroutine is 96 B (`-Zprint-type-sizes`)",
    ),
    (
        "typed_let_pattern_with_two_bindings_and_a_leftover",
        SizeCause::SlotsSideBySide,
        "the temporary `D(\"t\")`, which the awaitee may borrow (through `touch()`), is kept in place in a slot beside the state (16 B), where rustc overlaps it with the awaitee; rustc's whole coroutine is 112 B (`-Zprint-type-sizes`)",
    ),
    (
        "let_pattern_with_a_nested_or_pattern_and_a_leftover",
        SizeCause::SlotsSideBySide,
        "the temporary `D(\"t\")`, which the awaitee may borrow (through `touch()`), is kept in place in a slot beside the state (16 B), where rustc overlaps it with the awaitee; rustc's whole coroutine is 88 B (`-Zprint-type-sizes`)",
    ),
    (
        "let_pattern_binding_a_value_kept_in_place_and_leaving_a_part",
        SizeCause::SlotsSideBySide,
        "`v`, borrowed across an await, and the temporary `D(\"t\")`, which the first awaitee may borrow, are kept in place in slots beside the state (40 B), where rustc overlaps the temporary with the awaitee; rustc's whole coroutine is 136 B (`-Zprint-type-sizes`)",
    ),
    (
        "order_block_tail_temp_expr_stmt",
        SizeCause::SlotsSideBySide,
        "not measured alone (its helpers are the case file's): the same shape as `order_temp_before_operand`, a temporary kept to the end of the statement in a slot beside the state, read from the report's sizes",
    ),
    (
        "order_overloaded_add_pp",
        SizeCause::SlotsSideBySide,
        "not measured alone (its helpers are the case file's): the same shape as `order_receiver_temp_binop`, temporaries kept to the end of the statement in slots beside the state, read from the report's sizes",
    ),
];

/// The recorded cause of a differential case's machine being larger, or
/// `Unknown` with a generic account.
fn case_size_cause(name: &str) -> (SizeCause, &'static str) {
    CASE_SIZE_CAUSES
        .iter()
        .find(|c| c.0 == name)
        .map(|c| (c.1, c.2))
        .unwrap_or((
            SizeCause::Unknown,
            "not analysed yet (compare the layouts with `-Zprint-type-sizes`): look for slot flags, padded saved-value tuples and saved intermediates",
        ))
}

fn exec_miss_reason(name: &str) -> &'static str {
    match name {
        n if n.starts_with("spawn") => {
            "each spawn boxes the task and takes a slab slot whose waker Arc is reused only when no one else holds it; see the allocations column"
        }
        "yield_many" => {
            "each wake goes through the Send + Sync waker (an Arc'd header with an atomic flag, fact 19)"
        }
        "ring" => {
            "every hop clones and drops the task's Arc-based waker (two atomic read-modify-writes), swaps its atomic `scheduled` flag and looks up the running executor in a thread-local before queueing; a non-atomic waker for same-thread wakes would remove most of it"
        }
        _ => "see the per-peer table",
    }
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Converts the report's own Markdown (headings, paragraphs, pipe tables,
/// list items, links) to HTML; not a general Markdown renderer.
fn md_tables_to_html(md: &str) -> String {
    let mut out = String::new();
    let mut in_table = false;
    let mut in_pre = false;
    for line in md.lines() {
        if line.starts_with("```") {
            out.push_str(if in_pre { "</pre>" } else { "<pre>" });
            in_pre = !in_pre;
            continue;
        }
        if in_pre {
            let _ = writeln!(out, "{}", esc(line));
            continue;
        }
        if line.starts_with('|') {
            if line.starts_with("|---") {
                continue;
            }
            if !in_table {
                out.push_str("<table>");
                in_table = true;
            }
            out.push_str("<tr>");
            for cell in line.trim_matches('|').split('|') {
                let _ = write!(out, "<td>{}</td>", inline(cell.trim()));
            }
            out.push_str("</tr>");
            continue;
        }
        if in_table {
            out.push_str("</table>");
            in_table = false;
        }
        if let Some(h) = line.strip_prefix("## ") {
            let _ = write!(out, "<h2>{}</h2>", inline(h));
        } else if let Some(li) = line.strip_prefix("- ") {
            let _ = write!(out, "<li>{}</li>", inline(li));
        } else if !line.trim().is_empty() {
            let _ = write!(out, "<p>{}</p>", inline(line));
        }
    }
    if in_table {
        out.push_str("</table>");
    }
    out
}

/// Links `[text](url)`, `code` and **bold** in one line.
fn inline(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(start) = rest.find('[') {
        let Some(mid) = rest[start..].find("](") else {
            break;
        };
        let Some(end) = rest[start + mid..].find(')') else {
            break;
        };
        out.push_str(&code_bold(&rest[..start]));
        let text = &rest[start + 1..start + mid];
        let url = &rest[start + mid + 2..start + mid + end];
        let _ = write!(out, "<a href=\"{}\">{}</a>", esc(url), code_bold(text));
        rest = &rest[start + mid + end + 1..];
    }
    out.push_str(&code_bold(rest));
    out
}

fn code_bold(s: &str) -> String {
    let mut out = String::new();
    for (i, part) in esc(s).split('`').enumerate() {
        if i % 2 == 1 {
            let _ = write!(out, "<code>{part}</code>");
        } else {
            let mut bold = false;
            for (j, p) in part.split("**").enumerate() {
                if j > 0 {
                    out.push_str(if bold { "</b>" } else { "<b>" });
                    bold = !bold;
                }
                out.push_str(p);
            }
            if bold {
                out.push_str("</b>");
            }
        }
    }
    out
}

/// A horizontal bar chart of ratios on a log axis (ratios here span 0.06 to
/// over 100), first label on top, with a goal line; bars over the goal are
/// red. NaN values (not measured) are drawn as empty rows.
pub fn bar_chart(
    path: &Path,
    title: &str,
    labels: &[&str],
    values: &[f64],
    goal: f64,
) -> Result<(), Box<dyn std::error::Error>> {
    let n = labels.len().max(1);
    let finite = || values.iter().copied().filter(|v| v.is_finite() && *v > 0.0);
    let max = finite().fold(goal, f64::max) * 3.0;
    let min = finite().fold(goal, f64::min) / 2.0;
    let root = SVGBackend::new(path, (900, 90 + 30 * n as u32)).into_drawing_area();
    root.fill(&WHITE)?;
    let mut chart = ChartBuilder::on(&root)
        .caption(title, ("sans-serif", 20))
        .margin(12)
        .x_label_area_size(50)
        .y_label_area_size(150)
        .build_cartesian_2d((min..max).log_scale(), (0..n).into_segmented())?;
    // Row i of the data is drawn at segment n - 1 - i, so the first is on top.
    let row = |i: usize| n - 1 - i;
    chart
        .configure_mesh()
        .disable_y_mesh()
        .light_line_style(WHITE)
        .bold_line_style(BLACK.mix(0.08))
        .y_labels(n)
        .y_label_formatter(&|v| match v {
            SegmentValue::CenterOf(i) => labels
                .get(n - 1 - *i)
                .map(|s| s.to_string())
                .unwrap_or_default(),
            _ => String::new(),
        })
        .x_desc("ratio (log scale); the line is the goal")
        .draw()?;
    let bars = values
        .iter()
        .enumerate()
        .filter(|(_, v)| v.is_finite() && **v > 0.0);
    chart.draw_series(bars.clone().map(|(i, &v)| {
        let color = if v <= goal {
            RGBColor(60, 140, 80)
        } else {
            RGBColor(190, 50, 50)
        };
        let mut bar = Rectangle::new(
            [
                (min, SegmentValue::Exact(row(i))),
                (v, SegmentValue::Exact(row(i) + 1)),
            ],
            color.filled(),
        );
        bar.set_margin(5, 5, 0, 0);
        bar
    }))?;
    let style =
        TextStyle::from(("sans-serif", 13).into_font()).pos(Pos::new(HPos::Left, VPos::Center));
    chart.draw_series(bars.map(|(i, &v)| {
        Text::new(
            format!("{v:.3}"),
            (v * 1.08, SegmentValue::CenterOf(row(i))),
            style.clone(),
        )
    }))?;
    chart.draw_series(std::iter::once(PathElement::new(
        vec![
            (goal, SegmentValue::Exact(0)),
            (goal, SegmentValue::Exact(n)),
        ],
        BLACK.stroke_width(2),
    )))?;
    root.present()?;
    Ok(())
}
