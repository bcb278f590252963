// `takes_self(finish)` says `finish` takes its receiver, but it borrows: the
// machine would drop `log` at the call, while rustc keeps it to the end of
// its scope. The never-run copy checks the list too: refused at the method.
use statemachine_runtime::{state_machine, yield_now};

struct Log(Vec<String>);

impl Log {
    fn finish(&self) -> usize {
        self.0.len()
    }
}

#[state_machine(takes_self(finish))]
async fn close(lines: Vec<String>) -> usize {
    let log = Log(lines);
    let n = log.finish();
    yield_now().await;
    n
}

fn main() {
    let _ = close(Vec::new());
}
