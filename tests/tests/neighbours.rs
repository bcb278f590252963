//! `#[state_machine]` next to the attribute macros users combine it with:
//! tokio's `#[tokio::test]` / `#[tokio::main]`, `#[async_trait]` and
//! `#[tracing::instrument]`. Each test checks the arrangement that works; the
//! arrangements that do not are described where they would go.

use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use async_trait::async_trait;
use statemachine_runtime::{block_on, state_machine, yield_now};

#[state_machine]
async fn double_after_sleep(n: u32) -> u32 {
    tokio::time::sleep(Duration::from_millis(1)).await;
    tokio::task::yield_now().await;
    n * 2
}

// ---- tokio -------------------------------------------------------------------
//
// `#[tokio::test]` / `#[tokio::main]` go on the *caller*. Stacked on the same
// function neither order works: with tokio outermost it turns the `async fn`
// into a plain `fn` that blocks on the body, and `#[state_machine]` then
// rejects a non-async fn; with `#[state_machine]` outermost tokio receives the
// machine's plain `fn .. -> impl Future` and rejects it ("the `async` keyword
// is missing from the function declaration").

#[tokio::test]
async fn tokio_test_awaits_a_machine_using_tokio_timers() {
    assert_eq!(double_after_sleep(21).await, 42);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tokio_spawn_runs_a_send_machine_on_worker_threads() {
    let handles: Vec<_> = (0..8)
        .map(|n| tokio::spawn(double_after_sleep(n)))
        .collect();
    let mut results = Vec::new();
    for handle in handles {
        results.push(handle.await.unwrap());
    }
    assert_eq!(results, vec![0, 2, 4, 6, 8, 10, 12, 14]);
}

#[tokio::main(flavor = "current_thread")]
async fn tokio_main_like() -> u32 {
    double_after_sleep(5).await + double_after_sleep(6).await
}

#[test]
fn tokio_main_awaits_machines() {
    assert_eq!(tokio_main_like(), 22);
}

// ---- async-trait ---------------------------------------------------------------
//
// `#[async_trait]` sits on the `impl` block, so it always expands before the
// `#[state_machine]` on a method inside it: the method `#[state_machine]`
// receives is already a plain `fn` returning `Pin<Box<dyn Future + Send>>`, and
// it is rejected (as a non-async fn). What works: write the machine as an
// inherent method (or free fn) and delegate to it from the trait method, or use
// a native `async fn` in the trait (stable since 1.75) and put
// `#[state_machine]` on the impl's method directly.

#[async_trait]
trait Fetch {
    async fn fetch(&self, n: u32) -> u32;
}

struct Store {
    base: u32,
}

impl Store {
    #[state_machine]
    async fn fetch_machine(&self, n: u32) -> u32 {
        yield_now().await;
        self.base + n
    }
}

#[async_trait]
impl Fetch for Store {
    async fn fetch(&self, n: u32) -> u32 {
        self.fetch_machine(n).await
    }
}

#[test]
fn async_trait_method_delegates_to_a_machine() {
    let store: Box<dyn Fetch + Send + Sync> = Box::new(Store { base: 40 });
    assert_eq!(block_on(store.fetch(2)), 42);
}

trait NativeFetch {
    async fn native_fetch(&self, n: u32) -> u32;
}

impl NativeFetch for Store {
    #[state_machine]
    async fn native_fetch(&self, n: u32) -> u32 {
        yield_now().await;
        self.base * n
    }
}

#[test]
fn native_async_trait_method_is_a_machine() {
    let store = Store { base: 7 };
    assert_eq!(block_on(store.native_fetch(6)), 42);
}

// ---- tracing::instrument --------------------------------------------------------
//
// Both orders compile, but only one keeps the span around every poll:
// - `#[tracing::instrument]` outermost: tracing rewrites the body into an
//   `async move` block wrapped in `Instrument`; the span is entered on every
//   poll and the events inside see it. But `#[state_machine]` then only wraps
//   that rustc-compiled async block: the user's body is not a machine.
// - `#[state_machine]` outermost: the machine is built from the user's body and
//   tracing then instruments a plain `fn .. -> impl Future`: the span is entered
//   only while the future is *created*, so events logged while it is polled are
//   outside the span (checked below). To get both, instrument at the call site:
//   `tracing::Instrument::instrument(machine(), span)`.

/// Each event's message with the names of the spans entered when it fired.
type Events = Vec<(String, Vec<&'static str>)>;

/// Records every event with the names of the spans entered on this thread.
#[derive(Clone, Default)]
struct Recorder {
    spans: Arc<Mutex<Vec<&'static str>>>,
    stack: Arc<Mutex<Vec<u64>>>,
    events: Arc<Mutex<Events>>,
}

impl Recorder {
    fn events(&self) -> Events {
        self.events.lock().unwrap().clone()
    }
}

struct Message(String);

impl tracing::field::Visit for Message {
    fn record_debug(&mut self, field: &tracing::field::Field, value: &dyn std::fmt::Debug) {
        if field.name() == "message" {
            self.0 = format!("{value:?}");
        }
    }
}

impl tracing::Subscriber for Recorder {
    fn enabled(&self, _: &tracing::Metadata<'_>) -> bool {
        true
    }
    fn new_span(&self, span: &tracing::span::Attributes<'_>) -> tracing::span::Id {
        let mut spans = self.spans.lock().unwrap();
        spans.push(span.metadata().name());
        tracing::span::Id::from_u64(spans.len() as u64)
    }
    fn record(&self, _: &tracing::span::Id, _: &tracing::span::Record<'_>) {}
    fn record_follows_from(&self, _: &tracing::span::Id, _: &tracing::span::Id) {}
    fn event(&self, event: &tracing::Event<'_>) {
        let mut message = Message(String::new());
        event.record(&mut message);
        let spans = self.spans.lock().unwrap();
        let entered = self
            .stack
            .lock()
            .unwrap()
            .iter()
            .map(|&id| spans[id as usize - 1])
            .collect();
        self.events.lock().unwrap().push((message.0, entered));
    }
    fn enter(&self, span: &tracing::span::Id) {
        self.stack.lock().unwrap().push(span.into_u64());
    }
    fn exit(&self, span: &tracing::span::Id) {
        let mut stack = self.stack.lock().unwrap();
        let position = stack.iter().rposition(|&id| id == span.into_u64());
        stack.remove(position.unwrap());
    }
}

#[tracing::instrument]
#[state_machine]
async fn instrument_outside(n: u32) -> u32 {
    tracing::info!("before");
    yield_now().await;
    tracing::info!("after");
    n + 1
}

#[state_machine]
#[tracing::instrument]
async fn machine_outside(n: u32) -> u32 {
    tracing::info!("before");
    yield_now().await;
    tracing::info!("after");
    n + 1
}

#[state_machine]
async fn plain_machine(n: u32) -> u32 {
    tracing::info!("before");
    yield_now().await;
    tracing::info!("after");
    n + 1
}

fn record<F: Future<Output = u32>>(make: impl FnOnce() -> F) -> Events {
    let recorder = Recorder::default();
    let result = tracing::subscriber::with_default(recorder.clone(), || block_on(make()));
    assert_eq!(result, 2);
    recorder.events()
}

fn owned(events: &[(&str, &[&'static str])]) -> Events {
    events
        .iter()
        .map(|(m, s)| ((*m).to_owned(), s.to_vec()))
        .collect()
}

#[test]
fn instrument_outermost_keeps_the_span_on_every_poll() {
    let events = record(|| instrument_outside(1));
    let span: &[&str] = &["instrument_outside"];
    assert_eq!(events, owned(&[("before", span), ("after", span)]));
}

#[test]
fn instrument_inside_the_machine_spans_only_the_call() {
    let events = record(|| machine_outside(1));
    assert_eq!(events, owned(&[("before", &[]), ("after", &[])]));
}

#[test]
fn instrument_at_the_call_site_spans_every_poll_of_the_machine() {
    use tracing::Instrument;
    let events = record(|| {
        let span = tracing::info_span!("call_site");
        let future: Pin<Box<dyn Future<Output = u32>>> =
            Box::pin(plain_machine(1).instrument(span));
        future
    });
    let span: &[&str] = &["call_site"];
    assert_eq!(events, owned(&[("before", span), ("after", span)]));
}
