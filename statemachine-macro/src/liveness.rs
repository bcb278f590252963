//! Stage 3: decide which values each block receives.
//!
//! A local in scope at a block's entry is passed to it when it is live there
//! (read before being assigned on some path) or when it still owes a drop
//! (initialized and not known to be droppless). When it owes a drop on some
//! incoming edges and was moved on others, it travels as an `Option` (a drop
//! flag) and is dropped at the end of its scope. Values that a block does not
//! receive are dropped (or were moved) before the edge, as rustc would.

use std::collections::BTreeSet;

use crate::lower::{BlockId, Event, LocalId, LoweredBody};

/// How a local reaches a block.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Carry {
    /// Initialized on every path: bound under its own name.
    Value,
    /// Initialized on some paths only and never read again: an `Option`
    /// held until its scope ends, so it is dropped when rustc drops it.
    DropFlag,
    /// Initialized and never read again, nor assigned in the block: held
    /// only for its drop, in a `Dead` that keeps it only if it has drop
    /// glue (a dead reference may dangle and must not be moved).
    Dead,
}

/// What each reachable block receives, in declaration order.
pub(crate) struct Plan {
    pub reachable: Vec<bool>,
    pub params: Vec<Vec<(LocalId, Carry)>>,
}

impl Plan {
    pub(crate) fn carry(&self, block: BlockId, local: LocalId) -> Option<Carry> {
        self.params[block]
            .iter()
            .find(|(l, _)| *l == local)
            .map(|(_, c)| *c)
    }
}

/// Initialization state of a local on an edge.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Init {
    Yes,
    No,
    Maybe,
}

pub(crate) fn plan(body: &LoweredBody) -> Plan {
    let reachable = reachable(body);
    let live = live_in(body, &reachable);
    let touched = touched_from(body, &reachable);
    let n = body.blocks.len();
    // None = not yet known (no reachable predecessor processed).
    let mut carry: Vec<Vec<(LocalId, Option<Carry>)>> = vec![Vec::new(); n];
    let mut known: Vec<Vec<(LocalId, Option<Init>)>> = vec![Vec::new(); n];
    for (b, block) in body.blocks.iter().enumerate() {
        known[b] = block
            .in_scope
            .iter()
            .filter(|l| !block.entry_defs.contains(l))
            .map(|&l| (l, None))
            .collect();
    }
    let mut order: Vec<BlockId> = (0..n).filter(|&b| reachable[b]).collect();
    order.sort_by_key(|&b| body.blocks[b].order);
    loop {
        let mut changed = false;
        for &b in &order {
            for index in 0..known[b].len() {
                let local = known[b][index].0;
                // A live local is initialized on every path (the borrow
                // checker guarantees it) and is received as a value.
                if live[b].contains(&local) {
                    if known[b][index].1 != Some(Init::Yes) {
                        known[b][index].1 = Some(Init::Yes);
                        changed = true;
                    }
                    continue;
                }
                let mut joined: Option<Init> = None;
                for goto in body.gotos.iter().filter(|g| g.to == b && reachable[g.from]) {
                    let Some(state) = edge_state(
                        body,
                        &known,
                        goto.from,
                        goto.events.get(&local).copied(),
                        local,
                    ) else {
                        continue;
                    };
                    joined = Some(match joined {
                        None => state,
                        Some(prev) if prev == state => prev,
                        Some(_) => Init::Maybe,
                    });
                }
                if joined.is_some() && known[b][index].1 != joined {
                    known[b][index].1 = joined;
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
    for &b in &order {
        let block = &body.blocks[b];
        carry[b] = block
            .in_scope
            .iter()
            .map(|&l| {
                // A slot stays where it is: no block receives it.
                if body.locals[l].slot {
                    return (l, None);
                }
                if block.entry_defs.contains(&l) || live[b].contains(&l) {
                    return (l, Some(Carry::Value));
                }
                let state = known[b].iter().find(|(k, _)| *k == l).and_then(|(_, s)| *s);
                let droppless = body.locals[l].droppless;
                let c = match state {
                    _ if droppless => None,
                    Some(Init::Yes) if body.locals[l].temporary && !body.locals[l].only_dropped => {
                        Some(Carry::Value)
                    }
                    // Dead but assigned again later: held like a maybe-moved
                    // value, whose flag the assignment drops (and which is
                    // filled only with drop glue, so a dead reference is not
                    // moved either).
                    Some(Init::Yes) if touched[b].contains(&l) => Some(Carry::DropFlag),
                    Some(Init::Yes) => Some(Carry::Dead),
                    Some(Init::Maybe) => Some(Carry::DropFlag),
                    Some(Init::No) | None => None,
                };
                (l, c)
            })
            .collect();
    }
    let params = carry
        .into_iter()
        .map(|ls| {
            ls.into_iter()
                .filter_map(|(l, c)| c.map(|c| (l, c)))
                .collect()
        })
        .collect();
    Plan { reachable, params }
}

/// The declarations (`let`s and patterns, by `Local::declaration`) whose
/// locals some block receives dead, only for their drop (in a `Dead` or a
/// drop flag), without being provably free of borrows of the body's data:
/// moving one could move a dangling reference, so a second lowering keeps
/// them in place.
pub(crate) fn dead_declarations_that_may_borrow(
    body: &LoweredBody,
    plan: &Plan,
) -> BTreeSet<usize> {
    plan.params
        .iter()
        .flatten()
        .filter(|(_, carry)| matches!(carry, Carry::Dead | Carry::DropFlag))
        .map(|&(l, _)| &body.locals[l])
        .filter(|local| !local.owns_no_borrows)
        .filter_map(|local| local.declaration)
        .collect()
}

/// The locals the machine takes to be gone at some edge where they are
/// still in scope, or keeps in place: there alone does it matter whether
/// a call the macro takes to consume one by its name alone (`x.unwrap_or(0)`)
/// really takes it. The machine treats any other local as still there at
/// every edge in its scope, as a call that borrows it needs (had the call
/// taken it, passing it on would not build, E0382), and what the call does
/// to it happens in the generated code, where rustc drops it as in the
/// `async fn`.
pub(crate) fn taken_while_in_scope(body: &LoweredBody, plan: &Plan) -> BTreeSet<LocalId> {
    let moved_at_edges = body
        .gotos
        .iter()
        .filter(|g| plan.reachable[g.from])
        .flat_map(|g| {
            g.events
                .iter()
                .filter(|&(_, event)| *event == Event::Moved)
                .map(|(&l, _)| l)
                .filter(move |l| g.visible.contains(l) || body.blocks[g.to].in_scope.contains(l))
        });
    let kept_in_place = (0..body.locals.len()).filter(|&l| body.locals[l].slot);
    moved_at_edges.chain(kept_in_place).collect()
}

/// The state of `local` on an edge leaving `from`, given what `from` did to
/// it before the edge.
fn edge_state(
    body: &LoweredBody,
    known: &[Vec<(LocalId, Option<Init>)>],
    from: BlockId,
    event: Option<Event>,
    local: LocalId,
) -> Option<Init> {
    match event {
        Some(Event::Moved) => return Some(Init::No),
        // What is left still owes its drop.
        Some(Event::Assigned | Event::PartlyMoved) => return Some(Init::Yes),
        None => {}
    }
    let block = &body.blocks[from];
    if block.entry_defs.contains(&local) {
        return Some(Init::Yes);
    }
    match known[from].iter().find(|(l, _)| *l == local) {
        // A local the source did not receive stays uninitialized; one whose
        // state is not known yet gives no information.
        Some((_, state)) => *state,
        // Declared inside the source block.
        None => Some(Init::Yes),
    }
}

fn reachable(body: &LoweredBody) -> Vec<bool> {
    let mut seen = vec![false; body.blocks.len()];
    let mut stack = vec![0];
    while let Some(b) = stack.pop() {
        if std::mem::replace(&mut seen[b], true) {
            continue;
        }
        for &g in &body.blocks[b].out {
            stack.push(body.gotos[g].to);
        }
    }
    seen
}

/// Locals read at or after each block's entry before being assigned.
/// The locals each block or a block after it names or moves (while in
/// scope): a local outside the set is never touched again, so it can be
/// held as [`Carry::Dead`] to the end of its scope.
fn touched_from(body: &LoweredBody, reachable: &[bool]) -> Vec<BTreeSet<LocalId>> {
    backward_fixpoint(body, reachable, |b, after| {
        let block = &body.blocks[b];
        let mut set: BTreeSet<LocalId> = block.mentions.iter().copied().collect();
        for &g in &block.out {
            let goto = &body.gotos[g];
            set.extend(goto.events.keys().copied());
            set.extend(after[goto.to].iter().copied());
        }
        set.retain(|l| block.in_scope.contains(l));
        set
    })
}

fn live_in(body: &LoweredBody, reachable: &[bool]) -> Vec<BTreeSet<LocalId>> {
    backward_fixpoint(body, reachable, |b, live| {
        let block = &body.blocks[b];
        let visible = |l: &LocalId| block.in_scope.contains(l);
        let mut set: BTreeSet<LocalId> = block.uses.iter().copied().filter(visible).collect();
        for &g in &block.out {
            let goto = &body.gotos[g];
            let target = &body.blocks[goto.to];
            set.extend(live[goto.to].iter().copied().filter(|l| {
                !target.entry_defs.contains(l)
                    && goto.events.get(l) != Some(&Event::Assigned)
                    && visible(l)
            }));
        }
        set
    })
}

/// A set per block that depends on the sets of its successors (`step`
/// computes a block's from them), iterated until nothing changes.
fn backward_fixpoint(
    body: &LoweredBody,
    reachable: &[bool],
    step: impl Fn(BlockId, &[BTreeSet<LocalId>]) -> BTreeSet<LocalId>,
) -> Vec<BTreeSet<LocalId>> {
    let n = body.blocks.len();
    let mut sets: Vec<BTreeSet<LocalId>> = vec![BTreeSet::new(); n];
    loop {
        let mut changed = false;
        for b in (0..n).rev().filter(|&b| reachable[b]) {
            let set = step(b, &sets);
            if set != sets[b] {
                sets[b] = set;
                changed = true;
            }
        }
        if !changed {
            return sets;
        }
    }
}
