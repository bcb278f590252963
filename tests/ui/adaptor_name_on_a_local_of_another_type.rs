// A method of a user's type named like an adaptor of `Option` or an
// iterator (`map`), borrowing a local kept to the end of its scope: the
// machine takes such a name to consume the local, which it would then
// drop at the call, so the never-run copy refuses the local's type, at the
// receiver, with the way out in a note.
use statemachine_runtime::state_machine;

struct Grid(Vec<u32>);

impl Grid {
    fn map(&self, f: impl Fn(u32) -> u32) -> Vec<u32> {
        self.0.iter().map(|&c| f(c)).collect()
    }
}

#[state_machine]
async fn doubled(n: u32) -> usize {
    let grid = Grid(vec![n; 4]);
    let cells = grid.map(|c| c * 2);
    std::future::ready(()).await;
    cells.len() + grid.0.len()
}

fn main() {}
