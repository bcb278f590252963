use statemachine_runtime::{state_machine, yield_now};

#[state_machine]
pub async fn search(rows: u32, cols: u32) -> (u32, u32) {
    let mut r = 0;
    let found = 'outer: loop {
        let mut c = 0;
        while c < cols {
            yield_now().await;
            if r * c == 6 {
                break 'outer (r, c);
            }
            c += 1;
        }
        r += 1;
        if r == rows {
            break (0, 0);
        }
    };
    found
}

fn main() {}
