//! Instructions per poll, counted by valgrind (cachegrind without its cache
//! simulation), for the machine and for rustc's future of each workload.
//!
//! Times of a 2 ns poll move by up to 30% with where the linker puts the code
//! (two binaries holding the same two functions measured buf4k at 1.29x and
//! 0.77x), so the time ratio alone cannot tell a 5% difference. The count of
//! executed instructions does not depend on placement: it is the same in
//! every build of the same code. It is not time either (a stored byte and a
//! mispredicted jump both count one), so the report shows both.
//!
//! The count comes from running this very binary under valgrind in a child
//! mode, [`CHILD_FLAG`], which runs one variant `n` times and exits. Two runs
//! (`n` and `3n`) are subtracted, which removes start-up and construction
//! outside the loop, and the difference is divided by the polls made.

use std::path::Path;
use std::process::Command;

use crate::workloads::{Variant, Workload};

/// `compare --count-instructions NAME machine|compiler N` runs variant `NAME`
/// `N` times and prints the polls it made.
pub const CHILD_FLAG: &str = "--count-instructions";

/// One workload's instructions per poll.
#[derive(Debug, Clone)]
pub struct InstructionCount {
    /// The workload.
    pub workload: &'static str,
    /// Per poll, machine.
    pub machine: f64,
    /// Per poll, rustc's future.
    pub compiler: f64,
}

impl InstructionCount {
    /// Machine over compiler.
    pub fn ratio(&self) -> f64 {
        self.machine / self.compiler
    }
}

/// The child mode: if `args` (without the program name) ask for a count, runs
/// it and returns the line to print; `None` if they do not.
pub fn child(args: &[String], workloads: &[Workload]) -> Option<Result<String, String>> {
    let rest = args.strip_prefix(&[CHILD_FLAG.to_string()])?;
    let [name, side, n] = rest else {
        return Some(Err(format!("usage: {CHILD_FLAG} NAME machine|compiler N")));
    };
    let Some(workload) = workloads.iter().find(|w| w.name == name) else {
        return Some(Err(format!("no workload {name}")));
    };
    let variant = match side.as_str() {
        "machine" => workload.machine,
        "compiler" => workload.compiler,
        _ => return Some(Err(format!("side {side}: machine or compiler"))),
    };
    let Ok(n) = n.parse::<u64>() else {
        return Some(Err(format!("count {n} is not a number")));
    };
    let polls: u64 = (0..n).map(|_| (variant.run)().1).sum();
    Some(Ok(polls.to_string()))
}

/// Counts every selected workload, or says why it could not.
pub fn measure(
    exe: &Path,
    workloads: &[Workload],
    selected: impl Fn(&str) -> bool,
) -> Result<Vec<InstructionCount>, String> {
    let version = Command::new("valgrind")
        .arg("--version")
        .output()
        .map_err(|e| format!("valgrind not found ({e})"))?;
    if !version.status.success() {
        return Err("valgrind --version failed".into());
    }
    let mut out = Vec::new();
    for w in workloads.iter().filter(|w| selected(w.name)) {
        eprintln!("== instructions {}", w.name);
        let per_poll = |side: &str, variant: &Variant| -> Result<f64, String> {
            // Enough runs that the loop dominates, few enough for valgrind.
            let polls = (variant.run)().1.max(1);
            let n = (2_000 / polls).clamp(1, 20);
            let (once, polls_once) = count(exe, w.name, side, n)?;
            let (thrice, polls_thrice) = count(exe, w.name, side, 3 * n)?;
            Ok((thrice - once) as f64 / (polls_thrice - polls_once) as f64)
        };
        out.push(InstructionCount {
            workload: w.name,
            machine: per_poll("machine", &w.machine)?,
            compiler: per_poll("compiler", &w.compiler)?,
        });
    }
    Ok(out)
}

/// Runs the child under cachegrind: (instructions, polls).
fn count(exe: &Path, name: &str, side: &str, n: u64) -> Result<(u64, u64), String> {
    let output = Command::new("valgrind")
        .args([
            "--tool=cachegrind",
            "--cache-sim=no",
            "--cachegrind-out-file=/dev/null",
        ])
        .arg(exe)
        .args([CHILD_FLAG, name, side, &n.to_string()])
        .output()
        .map_err(|e| format!("valgrind: {e}"))?;
    let stderr = String::from_utf8_lossy(&output.stderr);
    if !output.status.success() {
        return Err(format!("valgrind on {name} {side} failed:\n{stderr}"));
    }
    let instructions = instructions_in(&stderr)
        .ok_or_else(|| format!("no instruction count in valgrind's output:\n{stderr}"))?;
    let polls = String::from_utf8_lossy(&output.stdout)
        .trim()
        .parse()
        .map_err(|_| format!("{name} {side}: the child printed no poll count"))?;
    Ok((instructions, polls))
}

/// The total of cachegrind's `I refs:` line (`==12== I refs:  1,234,567`).
fn instructions_in(stderr: &str) -> Option<u64> {
    let line = stderr
        .lines()
        .find(|l| l.contains("I refs:") || l.contains("I   refs:"))?;
    let figure = line.rsplit(':').next()?;
    figure.trim().replace(',', "").parse().ok()
}

#[cfg(test)]
mod tests {
    use super::instructions_in;

    #[test]
    fn reads_cachegrind_totals() {
        let stderr = "==5406== Cachegrind, a high-precision tracing profiler\n\
                      ==5406== \n\
                      ==5406== I refs:        1,234,567\n";
        assert_eq!(instructions_in(stderr), Some(1_234_567));
        let old = "==1== I   refs:      42\n";
        assert_eq!(instructions_in(old), Some(42));
        assert_eq!(instructions_in("==1== no count here\n"), None);
    }
}
