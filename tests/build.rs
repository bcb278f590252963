//! Generates random `async fn` bodies (nested control flow with awaits, drops
//! and early exits) for the differential suite: `tests/generated.rs` compiles
//! each one with `#[state_machine]` and with rustc and compares the runs.
//! The seed and count can be set with `STATEMACHINE_GEN_SEED` and
//! `STATEMACHINE_GEN_COUNT`.

use std::fmt::Write;

/// xorshift64*: small, seeded, reproducible.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// A droppable value in scope: its name and whether it may be moved here
/// (declared at the current loop depth) or was moved on some path.
struct Var {
    name: String,
    loop_depth: usize,
    maybe_moved: bool,
}

struct Gen {
    rng: Rng,
    vars: Vec<Var>,
    next: usize,
    loop_depth: usize,
    out: String,
    indent: usize,
}

impl Gen {
    fn line(&mut self, text: &str) {
        for _ in 0..self.indent {
            self.out.push_str("    ");
        }
        self.out.push_str(text);
        self.out.push('\n');
    }

    fn fresh(&mut self, prefix: &str) -> String {
        self.next += 1;
        format!("{prefix}{}", self.next)
    }

    fn block(&mut self, depth: usize, len: usize) {
        let scope = self.vars.len();
        for _ in 0..len {
            self.stmt(depth);
        }
        // Values declared in this block go out of scope; moves of outer
        // values stay recorded (they are `maybe_moved` from now on).
        self.vars.truncate(scope);
    }

    fn nested(&mut self, open: &str, depth: usize) {
        self.line(open);
        self.indent += 1;
        let len = 1 + self.rng.below(3) as usize;
        self.block(depth + 1, len);
        self.indent -= 1;
    }

    fn stmt(&mut self, depth: usize) {
        let choice = if depth >= 3 {
            self.rng.below(6)
        } else {
            self.rng.below(12)
        };
        match choice {
            0 => {
                let name = self.fresh("d");
                self.line(&format!("let {name} = D(\"{name}\");"));
                self.vars.push(Var {
                    name,
                    loop_depth: self.loop_depth,
                    maybe_moved: false,
                });
            }
            1 | 2 if self.rng.below(5) == 0 => {
                // A `join!` of a leaf and an async block that may borrow a
                // live value, tokio's or futures'.
                let (a, b) = (self.fresh("j"), self.fresh("j"));
                let (k, m) = (self.rng.below(5), self.rng.below(5));
                let live: Vec<usize> = (0..self.vars.len())
                    .filter(|&i| !self.vars[i].maybe_moved)
                    .collect();
                let touch = live
                    .get(self.rng.below(live.len().max(1) as u64) as usize)
                    .map(|&i| format!("{}.touch(); ", self.vars[i].name))
                    .unwrap_or_default();
                let path = if self.rng.below(2) == 0 {
                    "tokio"
                } else {
                    "futures"
                };
                self.line(&format!(
                    "let ({a}, {b}) = {path}::join!(leaf(\"{a}\", {k}u32), async {{ {touch}leaf(\"{b}\", {m}u32).await }});"
                ));
                self.line(&format!("acc += {a} + {b};"));
            }
            1 | 2 if self.rng.below(4) == 0 => {
                // A compound assignment to an indexed place whose value
                // awaits: the index is made after the await, its temporary
                // dropped at the end of the statement.
                let leaf = self.fresh("t");
                let (i, k) = (self.rng.below(3), self.rng.below(5));
                self.line(&format!(
                    "tally[::statemachine_tests::indexed({i}, \"{leaf}\").get()] += leaf(\"{leaf}\", {k}u32).await;"
                ));
            }
            1 | 2 => {
                let leaf = self.fresh("l");
                let k = self.rng.below(5);
                self.line(&format!("acc += leaf(\"{leaf}\", {k}u32).await;"));
            }
            3 => {
                let live: Vec<usize> = (0..self.vars.len())
                    .filter(|&i| !self.vars[i].maybe_moved)
                    .collect();
                if let Some(&i) = live.get(self.rng.below(live.len().max(1) as u64) as usize) {
                    let name = self.vars[i].name.clone();
                    self.line(&format!("{name}.touch();"));
                } else {
                    self.line("log(\"nothing to touch\");");
                }
            }
            4 => {
                // A move, only of a value declared at this loop depth.
                let movable: Vec<usize> = (0..self.vars.len())
                    .filter(|&i| {
                        !self.vars[i].maybe_moved && self.vars[i].loop_depth == self.loop_depth
                    })
                    .collect();
                if let Some(&i) = movable.get(self.rng.below(movable.len().max(1) as u64) as usize)
                {
                    let name = self.vars[i].name.clone();
                    // Moved by a call, or by a pattern that binds it whole;
                    // `let _ = x;` moves nothing.
                    match self.rng.below(4) {
                        0 => self.line(&format!("let _ = {name};")),
                        1 => {
                            let taken = self.fresh("t");
                            self.line(&format!("let {taken} = {name};"));
                            self.vars[i].maybe_moved = true;
                            self.vars.push(Var {
                                name: taken,
                                loop_depth: self.loop_depth,
                                maybe_moved: false,
                            });
                        }
                        2 => {
                            self.line(&format!("match {name} {{ v => {{ v.touch(); }} }}"));
                            self.vars[i].maybe_moved = true;
                        }
                        _ => {
                            self.line(&format!("drop({name});"));
                            self.vars[i].maybe_moved = true;
                        }
                    }
                } else {
                    self.line("acc += 1;");
                }
            }
            5 => {
                let limit = 3 + self.rng.below(20);
                self.line(&format!("if acc > {limit} {{ return Ok(acc); }}"));
            }
            6 | 7 => {
                let m = 2 + self.rng.below(3);
                let r = self.rng.below(m);
                self.nested(&format!("if acc % {m} == {r} {{"), depth);
                if self.rng.below(2) == 0 {
                    self.line("} else {");
                    self.indent += 1;
                    let len = 1 + self.rng.below(2) as usize;
                    self.block(depth + 1, len);
                    self.indent -= 1;
                }
                self.line("}");
            }
            8 => {
                let n = 1 + self.rng.below(3);
                let i = self.fresh("i");
                self.loop_depth += 1;
                self.nested(&format!("for {i} in 0..{n}u32 {{"), depth);
                self.indent += 1;
                let exit = self.rng.below(4);
                match exit {
                    0 => self.line(&format!("if {i} == 1 {{ break; }}")),
                    1 => self.line(&format!("if acc % 2 == {i} % 2 {{ continue; }}")),
                    _ => self.line(&format!("acc += {i};")),
                }
                self.indent -= 1;
                self.line("}");
                self.loop_depth -= 1;
            }
            9 => {
                // Sometimes the middle arm's guard awaits, on the value or
                // on a reference to it (the `&mut acc` arms then change the
                // local the reference was taken of).
                let guard = self.fresh("g");
                let (scrutinee, middle) = match self.rng.below(5) {
                    0 => ("acc % 3", "1".to_string()),
                    1 => ("acc % 3", format!("k if leaf(\"{guard}\", k == 1).await")),
                    2 => (
                        "&(acc % 3)",
                        format!("k if leaf(\"{guard}\", *k == 1).await"),
                    ),
                    3 => (
                        "&mut (acc % 3)",
                        format!("k if leaf(\"{guard}\", *k == 1).await"),
                    ),
                    _ => (
                        "&mut acc",
                        format!("k if leaf(\"{guard}\", *k % 3 == 1).await"),
                    ),
                };
                self.line(&format!("match {scrutinee} {{"));
                self.indent += 1;
                for arm in ["0", &middle, "_"] {
                    self.nested(&format!("{arm} => {{"), depth);
                    self.line("}");
                }
                self.indent -= 1;
                self.line("}");
            }
            10 => {
                let leaf = self.fresh("q");
                let fail = self.rng.below(4) == 0;
                let value = if fail {
                    "Err::<u32, u32>(acc)"
                } else {
                    "Ok::<u32, u32>(1)"
                };
                self.line(&format!("acc += leaf(\"{leaf}\", {value}).await?;"));
            }
            _ => {
                let n = self.fresh("n");
                self.loop_depth += 1;
                self.line(&format!("let mut {n} = 0u32;"));
                self.nested("loop {", depth);
                self.indent += 1;
                self.line(&format!("{n} += 1;"));
                self.line(&format!("if {n} >= 2 {{ break; }}"));
                self.indent -= 1;
                self.line("}");
                self.loop_depth -= 1;
            }
        }
    }
}

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-env-changed=STATEMACHINE_GEN_SEED");
    println!("cargo::rerun-if-env-changed=STATEMACHINE_GEN_COUNT");
    let seed: u64 = std::env::var("STATEMACHINE_GEN_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x0005_eed0_fa5c);
    let count: usize = std::env::var("STATEMACHINE_GEN_COUNT")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(120);
    let mut file = String::new();
    writeln!(file, "pub const SEED: u64 = {seed};").unwrap();
    writeln!(file, "pub const COUNT: usize = {count};").unwrap();
    for index in 0..count {
        let mut g = Gen {
            rng: Rng(seed
                .wrapping_add(index as u64)
                .wrapping_mul(0x9e37_79b9_7f4a_7c15)
                | 1),
            vars: Vec::new(),
            next: 0,
            loop_depth: 0,
            out: String::new(),
            indent: 1,
        };
        g.line("let mut acc = 0u32;");
        g.line("let mut tally = [0u32; 3];");
        g.line("let first = D(\"first\");");
        g.vars.push(Var {
            name: "first".into(),
            loop_depth: 0,
            maybe_moved: false,
        });
        let len = 3 + g.rng.below(5) as usize;
        g.block(0, len);
        g.line("log(format!(\"acc {acc} tally {tally:?}\"));");
        g.line("Ok(acc)");
        writeln!(
            file,
            "differential!(generated_{index}, (a: D) -> Result<u32, u32> {{\n{}}}, (D(\"a\")));",
            g.out
        )
        .unwrap();
    }
    let out = std::path::Path::new(&std::env::var("OUT_DIR").unwrap()).join("generated_cases.rs");
    std::fs::write(out, file).unwrap();
}
