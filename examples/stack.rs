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
        println!(
            "| {} | {} | {used} | {} KiB{over} |",
            op.set,
            op.name,
            op.budget / KIB
        );
    }
}
