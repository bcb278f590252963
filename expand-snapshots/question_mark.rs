use statemachine_runtime::state_machine;

pub async fn read(n: u32) -> Result<u32, String> {
    if n == 0 {
        Err("zero".to_owned())
    } else {
        Ok(n)
    }
}

#[state_machine]
pub async fn total(a: u32, b: u32) -> Result<u32, String> {
    let x = read(a).await?;
    let y = read(b).await?;
    Ok(x + y)
}

fn main() {}
