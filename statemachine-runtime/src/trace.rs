//! Opt-in trace of machines: `#[state_machine(trace)]` records every poll of
//! the machine, what it returned and every wake of its waker, with a
//! timestamp, in one process-wide log; [`take`] (or [`take_of`]) drains it and the [`Trace`]
//! it returns renders as a text timeline ([`Trace::to_text`]) or an SVG
//! picture ([`Trace::to_svg`]).
//!
//! A traced machine is the same machine behind a wrapper that holds its
//! trace id and transition count (16 bytes more) and polls it with a waker
//! that records wakes. Machines without `trace` are not touched.
//!
//! Transitions are counted between polls: a poll that leaves the machine in
//! another state than it found it counts one. An await that is ready at once
//! is passed within a poll and not counted.
//!
//! ```
//! use statemachine_runtime::{block_on, state_machine, trace, yield_now, StateMachine};
//!
//! #[state_machine(trace)]
//! async fn traced_twice() {
//!     yield_now().await;
//!     yield_now().await;
//! }
//!
//! block_on(traced_twice());
//! let log = trace::take_of(&["traced_twice"]);
//! let kinds: Vec<String> = log.events.iter().map(|e| format!("{} {}", e.kind, e.state)).collect();
//! // `yield_now` wakes its waker during the poll, before it returns `Pending`.
//! assert_eq!(kinds[..3], ["poll Unresumed", "wake AwaitYieldNow1", "pending AwaitYieldNow1"]);
//! assert_eq!(kinds.last().unwrap(), "ready Returned");
//! ```

use core::fmt;
use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll, Waker};
use std::fmt::Write as _;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::task::Wake;
use std::time::{Duration, Instant};

use crate::{StateInfo, StateMachine};

/// What happened to a traced machine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EventKind {
    /// A poll started; the event's state is the one the machine was in.
    Poll,
    /// The poll returned `Pending`; the state it is suspended in.
    Pending,
    /// The poll returned `Ready`.
    Ready,
    /// Its waker was woken (from any thread), while in the event's state.
    Wake,
}

impl fmt::Display for EventKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            EventKind::Poll => "poll",
            EventKind::Pending => "pending",
            EventKind::Ready => "ready",
            EventKind::Wake => "wake",
        })
    }
}

/// One event of the trace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct TraceEvent {
    /// Time since the first event of the process.
    pub at: Duration,
    /// The machine's trace id (one per machine, from 1, in order of first poll).
    pub machine: u64,
    /// The function that made the machine.
    pub function: &'static str,
    /// What happened.
    pub kind: EventKind,
    /// The machine's state (see [`EventKind`]).
    pub state: &'static str,
}

fn log() -> &'static Mutex<Vec<TraceEvent>> {
    static LOG: Mutex<Vec<TraceEvent>> = Mutex::new(Vec::new());
    &LOG
}

fn lock() -> std::sync::MutexGuard<'static, Vec<TraceEvent>> {
    log()
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Appends an event; returns its index in the log.
fn record(machine: u64, function: &'static str, state: &'static str, kind: EventKind) -> usize {
    static EPOCH: OnceLock<Instant> = OnceLock::new();
    let at = EPOCH.get_or_init(Instant::now).elapsed();
    let mut log = lock();
    log.push(TraceEvent {
        at,
        machine,
        function,
        kind,
        state,
    });
    log.len() - 1
}

/// Wakes of `machine` during its own poll (started at `since`) happened in
/// the state the poll left it in: it was suspended there already.
fn fix_wakes(machine: u64, since: usize, state: &'static str) {
    let mut log = lock();
    for e in log.iter_mut().skip(since) {
        if e.machine == machine && e.kind == EventKind::Wake {
            e.state = state;
        }
    }
}

/// Drains the process-wide log of traced machines' events (it grows until
/// drained).
#[must_use]
pub fn take() -> Trace {
    let events = core::mem::take(&mut *lock());
    Trace { events }
}

/// Drains the events of machines made by the named functions, leaving the
/// others in the log (so concurrent users, such as tests running in
/// parallel, do not take each other's events).
#[must_use]
pub fn take_of(functions: &[&str]) -> Trace {
    let mut log = lock();
    let (events, rest) = core::mem::take(&mut *log)
        .into_iter()
        .partition(|e: &TraceEvent| functions.contains(&e.function));
    *log = rest;
    Trace { events }
}

/// Events of traced machines, in the order they happened.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Trace {
    /// The events.
    pub events: Vec<TraceEvent>,
}

impl Trace {
    /// Keeps the events of machines made by the named functions.
    #[must_use]
    pub fn only(mut self, functions: &[&str]) -> Trace {
        self.events.retain(|e| functions.contains(&e.function));
        self
    }

    /// The machines in order of first event, with their function.
    fn lanes(&self) -> Vec<(u64, &'static str)> {
        let mut lanes: Vec<(u64, &'static str)> = Vec::new();
        for e in &self.events {
            if !lanes.iter().any(|&(m, _)| m == e.machine) {
                lanes.push((e.machine, e.function));
            }
        }
        lanes
    }

    /// A text timeline: one line per event, with a column per machine that
    /// shows what happened to it (`>` poll, `.` pending, `*` wake, `#` ready)
    /// and `|` while it is being polled.
    #[must_use]
    pub fn to_text(&self) -> String {
        let lanes = self.lanes();
        let mut out = String::new();
        let start = self.events.first().map_or(Duration::ZERO, |e| e.at);
        let header: Vec<String> = lanes.iter().map(|(m, f)| format!("{f}#{m}")).collect();
        let _ = writeln!(out, "{:>10}  {}", "time", header.join("  "));
        let mut running = vec![false; lanes.len()];
        for e in &self.events {
            let lane = lanes.iter().position(|&(m, _)| m == e.machine).unwrap_or(0);
            let mut cells = Vec::new();
            for (k, name) in header.iter().enumerate() {
                let mark = if k == lane {
                    match e.kind {
                        EventKind::Poll => ">",
                        EventKind::Pending => ".",
                        EventKind::Ready => "#",
                        EventKind::Wake => "*",
                    }
                } else if running[k] {
                    "|"
                } else {
                    " "
                };
                cells.push(format!("{mark:<width$}", width = name.len()));
            }
            match e.kind {
                EventKind::Poll => running[lane] = true,
                EventKind::Pending | EventKind::Ready => running[lane] = false,
                EventKind::Wake => {}
            }
            let micros = (e.at - start).as_micros();
            let _ = writeln!(
                out,
                "{micros:>8}us  {}  {} {} {}",
                cells.join("  "),
                header[lane],
                e.kind,
                e.state
            );
        }
        out
    }

    /// An SVG picture: one lane per machine, time left to right; a filled
    /// bar while it is polled, a thin bar labelled with its state while it is
    /// suspended, a red tick at each wake.
    #[must_use]
    pub fn to_svg(&self) -> String {
        const LEFT: f64 = 190.0;
        const WIDTH: f64 = 900.0;
        const LANE: f64 = 46.0;
        let lanes = self.lanes();
        let start = self.events.first().map_or(Duration::ZERO, |e| e.at);
        let end = self.events.last().map_or(Duration::ZERO, |e| e.at);
        let span = (end - start).as_secs_f64().max(1e-9);
        let x = |at: Duration| LEFT + (at - start).as_secs_f64() / span * WIDTH;
        let height = 40.0 + LANE * lanes.len() as f64;
        let mut svg = String::new();
        let _ = writeln!(
            svg,
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{height}" font-family="monospace" font-size="11">"#,
            w = LEFT + WIDTH + 120.0
        );
        let _ = writeln!(
            svg,
            r##"<rect width="100%" height="100%" fill="white"/><text x="8" y="16">state machine timeline: {:.1} us   <tspan fill="#4a7fd4">&#9632; polled</tspan>   <tspan fill="#999">&#9644; suspended (state)</tspan>   <tspan fill="#d33">| wake</tspan></text>"##,
            span * 1e6
        );
        for (row, &(machine, function)) in lanes.iter().enumerate() {
            let y = 30.0 + LANE * row as f64;
            let _ = writeln!(
                svg,
                r#"<text x="8" y="{}">{}#{machine}</text>"#,
                y + 18.0,
                escape(function)
            );
            let mine: Vec<&TraceEvent> = self
                .events
                .iter()
                .filter(|e| e.machine == machine)
                .collect();
            let mut open: Option<&TraceEvent> = None;
            for e in &mine {
                match e.kind {
                    EventKind::Poll => {
                        if let Some(p) = open.take() {
                            bar(&mut svg, x(p.at), x(e.at), y + 12.0, 4.0, "#bbb", p.state);
                        }
                        open = Some(e);
                    }
                    EventKind::Pending | EventKind::Ready => {
                        if let Some(p) = open.take() {
                            let _ = writeln!(
                                svg,
                                r##"<rect x="{:.1}" y="{y:.1}" width="{:.1}" height="20" fill="#4a7fd4"/>"##,
                                x(p.at),
                                (x(e.at) - x(p.at)).max(2.0)
                            );
                        }
                        if e.kind == EventKind::Pending {
                            open = Some(e);
                        } else {
                            let _ = writeln!(
                                svg,
                                r##"<text x="{:.1}" y="{:.1}" fill="#2a7">ready</text>"##,
                                x(e.at) + 4.0,
                                y + 14.0
                            );
                        }
                    }
                    EventKind::Wake => {
                        let _ = writeln!(
                            svg,
                            r##"<line x1="{0:.1}" x2="{0:.1}" y1="{1:.1}" y2="{2:.1}" stroke="#d33" stroke-width="2"/>"##,
                            x(e.at),
                            y - 2.0,
                            y + 24.0
                        );
                    }
                }
            }
            if let Some(p) = open {
                bar(
                    &mut svg,
                    x(p.at),
                    LEFT + WIDTH,
                    y + 12.0,
                    4.0,
                    "#bbb",
                    p.state,
                );
            }
        }
        svg.push_str("</svg>\n");
        svg
    }
}

/// A suspended stretch: a thin bar with the state's name under it when
/// there is room for it (the full text is the bar's tooltip).
fn bar(svg: &mut String, x0: f64, x1: f64, y: f64, h: f64, fill: &str, label: &str) {
    let label = escape(label);
    let _ = writeln!(
        svg,
        r#"<rect x="{x0:.1}" y="{y:.1}" width="{:.1}" height="{h}" fill="{fill}"><title>{label}</title></rect>"#,
        (x1 - x0).max(1.0),
    );
    if x1 - x0 > 7.0 * label.len() as f64 {
        let _ = writeln!(
            svg,
            r##"<text x="{:.1}" y="{:.1}" fill="#555">{label}</text>"##,
            x0 + 2.0,
            y + h + 12.0,
        );
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A machine with `#[state_machine(trace)]`: the machine, its trace id and
/// its transition count.
pub struct Traced<M> {
    machine: M,
    /// 0 until the first poll.
    id: u64,
    transitions: u64,
}

impl<M> Traced<M> {
    pub(crate) fn new(machine: M) -> Self {
        Traced {
            machine,
            id: 0,
            transitions: 0,
        }
    }
}

/// Records wakes of a traced machine's waker, then wakes the real one.
struct TraceWaker {
    inner: Waker,
    machine: u64,
    function: &'static str,
    /// The state the machine is suspended in (set after its poll).
    state: Mutex<&'static str>,
}

impl Wake for TraceWaker {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }
    fn wake_by_ref(self: &Arc<Self>) {
        let state = *self
            .state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        record(self.machine, self.function, state, EventKind::Wake);
        self.inner.wake_by_ref();
    }
}

impl<M: StateMachine> Future for Traced<M> {
    type Output = M::Output;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<M::Output> {
        static NEXT_ID: AtomicU64 = AtomicU64::new(1);
        // SAFETY: `machine` is structurally pinned and never moved out; the
        // other fields are plain data.
        let this = unsafe { self.get_unchecked_mut() };
        if this.id == 0 {
            this.id = NEXT_ID.fetch_add(1, Ordering::Relaxed);
        }
        let before = this.machine.state();
        let started = record(this.id, before.function, before.state, EventKind::Poll);
        let trace_waker = Arc::new(TraceWaker {
            inner: cx.waker().clone(),
            machine: this.id,
            function: before.function,
            state: Mutex::new(before.state),
        });
        let poll = {
            let waker = Waker::from(Arc::clone(&trace_waker));
            // SAFETY: as above: the machine is pinned with `self`.
            let machine = unsafe { Pin::new_unchecked(&mut this.machine) };
            machine.poll(&mut Context::from_waker(&waker))
        };
        let after = this.machine.state();
        *trace_waker
            .state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = after.state;
        fix_wakes(this.id, started, after.state);
        if after.state != before.state {
            this.transitions += 1;
        }
        let kind = if poll.is_ready() {
            EventKind::Ready
        } else {
            EventKind::Pending
        };
        record(this.id, after.function, after.state, kind);
        poll
    }
}

impl<M: StateMachine> StateMachine for Traced<M> {
    fn state(&self) -> StateInfo {
        StateInfo {
            transitions: Some(self.transitions),
            ..self.machine.state()
        }
    }
}

impl<M: StateMachine> fmt::Debug for Traced<M> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Traced")
            .field("machine", &self.machine)
            .field("transitions", &self.transitions)
            .finish()
    }
}
