// A by-value method of a `Copy` element (a user's, which the macro cannot
// tell from one borrowing `self`) whose argument pushes to the vector.
// rustc copies the receiver first and accepts the body; the machine holds
// `&points[0]` across the argument, where a push may reallocate. The
// never-run copy holds the same borrow, so the push fails to build instead
// of reading freed memory.
use statemachine_runtime::state_machine;

#[derive(Clone, Copy)]
struct Point(u32);

impl Point {
    fn plus(self, k: u32) -> u32 {
        self.0 + k
    }
}

#[state_machine]
async fn pushed_while_held() -> u32 {
    let mut points = vec![Point(1)];
    let sum = points[0].plus({
        points.push(Point(2));
        std::future::ready(3).await
    });
    sum + points[1].0
}

fn main() {}
