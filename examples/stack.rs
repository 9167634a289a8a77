//! Measures the peak stack of every operation of every parameter set:
//! `cargo run --release --example stack` prints the README's table. The operations, their
//! budgets and the painted-stack meter are shared with `tests/stack.rs`, which enforces them.

#[path = "../tests/operations/mod.rs"]
mod operations;

use operations::KIB;
use operations::meter::peak_stack;

fn main() {
    println!("| parameter set | operation | peak stack (bytes) | budget |");
    println!("|---|---|---:|---:|");
    for op in operations::all() {
        let used = peak_stack(&*op.run);
        let over = if used > op.budget { " (over)" } else { "" };
        // SLH-DSA's signing budgets count the signature too, so are not whole KiB.
        let budget = if op.budget % KIB == 0 {
            format!("{} KiB", op.budget / KIB)
        } else {
            format!("{} bytes", op.budget)
        };
        println!("| {} | {} | {used} | {budget}{over} |", op.set, op.name);
    }
}
