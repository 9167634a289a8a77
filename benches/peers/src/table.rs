//! The report: the races of one algorithm gathered into Markdown tables of µs per operation and
//! of time ratios pqfips / peer.

use std::fmt::Write as _;
use std::time::Duration;

use crate::race::{Impl, Kind, Time};

/// The results of one algorithm: one row per (parameter set, operation), one column per
/// implementation.
pub struct Table {
    title: &'static str,
    columns: Vec<Impl>,
    rows: Vec<Row>,
}

struct Row {
    set: &'static str,
    op: &'static str,
    /// Per column; `None` where that implementation did not run the operation.
    times: Vec<Option<Duration>>,
}

/// The convention of every ratio column.
pub const RATIO_CONVENTION: &str = "time ratio pqfips / peer: below 1.00 pqfips is faster, \
                                    0.50 means twice as fast";

impl Table {
    /// An empty table whose columns are `columns`, in that order.
    pub fn new(title: &'static str, columns: &[Impl]) -> Self {
        Self {
            title,
            columns: columns.to_vec(),
            rows: Vec::new(),
        }
    }

    /// Records one race, and says on stderr that it is done (a full run takes minutes).
    pub fn add(&mut self, set: &'static str, op: &'static str, times: &[Time]) {
        let mut row = Row {
            set,
            op,
            times: vec![None; self.columns.len()],
        };
        for (imp, t) in times {
            let i = self
                .columns
                .iter()
                .position(|c| c == imp)
                .expect("every lane is a column");
            row.times[i] = Some(*t);
        }
        eprintln!("  {set} {op}: done");
        self.rows.push(row);
    }

    /// Two Markdown tables: µs per operation for every implementation, then pqfips (dispatched) /
    /// each peer, against the fastest peer, and pqfips's portable path against the fastest peer
    /// that runs no vector code.
    pub fn by_operation(&self) -> String {
        let mut out = String::new();
        let us_head: Vec<String> = self.columns.iter().map(Impl::label).collect();
        writeln!(out, "### {}: µs per operation\n", self.title).unwrap();
        header(&mut out, "set: op", &us_head);
        for row in &self.rows {
            let cells: Vec<String> = row.times.iter().map(|t| t.map_or("—".into(), us)).collect();
            line(&mut out, &format!("{}: {}", row.set, row.op), &cells);
        }

        let peers: Vec<usize> = (0..self.columns.len())
            .filter(|&i| self.columns[i].is_peer())
            .collect();
        let portable = self.position(Kind::Pqfips(Some(pqfips::backend::Backend::Portable)));
        let mut ratio_head: Vec<String> = peers.iter().map(|&i| self.columns[i].label()).collect();
        ratio_head.push("fastest peer".into());
        if portable.is_some() {
            ratio_head.push("portable: pqfips portable / fastest portable peer".into());
        }
        writeln!(
            out,
            "\n### {}: pqfips / peer ({RATIO_CONVENTION})\n",
            self.title
        )
        .unwrap();
        header(&mut out, "set: op", &ratio_head);
        let pq = self
            .position(Kind::Pqfips(None))
            .expect("pqfips dispatched is a column");
        for row in &self.rows {
            let mut cells: Vec<String> = peers
                .iter()
                .map(|&i| ratio_cell(row.times[pq], row.times[i]))
                .collect();
            cells.push(self.against_fastest(row, pq, |_| true));
            if let Some(p) = portable {
                cells.push(self.against_fastest(row, p, |k| k == Kind::Peer { simd: false }));
            }
            line(&mut out, &format!("{}: {}", row.set, row.op), &cells);
        }
        out
    }

    /// One Markdown table with a line per parameter set and implementation (every pqfips path,
    /// then the peers), the operations as columns: µs, then the ratio of the line's time to the
    /// fastest peer's.
    pub fn by_implementation(&self) -> String {
        let mut out = String::new();
        let ops: Vec<&str> = self.rows.iter().fold(Vec::new(), |mut ops, r| {
            if !ops.contains(&r.op) {
                ops.push(r.op);
            }
            ops
        });
        // With a single peer its name goes in the heading rather than in every ratio cell.
        let peers: Vec<&Impl> = self.columns.iter().filter(|c| c.is_peer()).collect();
        let only = match peers[..] {
            [peer] => Some(peer.label()),
            _ => None,
        };
        let against = only.clone().unwrap_or_else(|| "fastest peer".into());
        let mut head: Vec<String> = ops.iter().map(|op| format!("{op} µs")).collect();
        head.extend(ops.iter().map(|op| format!("{op} / {against}")));
        writeln!(
            out,
            "### {}: µs per operation and pqfips / {against} ({RATIO_CONVENTION})\n",
            self.title
        )
        .unwrap();
        header(&mut out, "set | implementation", &head);
        let mut sets: Vec<&str> = self.rows.iter().map(|r| r.set).collect();
        sets.dedup();
        for set in sets {
            for (c, imp) in self.columns.iter().enumerate() {
                let row_of = |op: &&str| self.rows.iter().find(|r| r.set == set && r.op == *op);
                let mut cells: Vec<String> = ops
                    .iter()
                    .map(|op| row_of(op).and_then(|r| r.times[c]).map_or("—".into(), us))
                    .collect();
                cells.extend(ops.iter().map(|op| match (imp.is_peer(), row_of(op)) {
                    (false, Some(r)) if only.is_some() => {
                        let peer = self.columns.iter().position(Impl::is_peer);
                        ratio_cell(r.times[c], peer.and_then(|p| r.times[p]))
                    }
                    (false, Some(r)) => self.against_fastest(r, c, |_| true),
                    _ => String::new(),
                }));
                line(&mut out, &format!("{set} | {}", imp.label()), &cells);
            }
        }
        out
    }

    fn position(&self, kind: Kind) -> Option<usize> {
        self.columns.iter().position(|c| c.kind == kind)
    }

    /// "ratio (name)": column `of` against the fastest peer of `row` whose kind `admits`.
    fn against_fastest(&self, row: &Row, of: usize, admits: impl Fn(Kind) -> bool) -> String {
        let fastest = (0..self.columns.len())
            .filter(|&i| self.columns[i].is_peer() && admits(self.columns[i].kind))
            .filter_map(|i| row.times[i].map(|t| (t, i)))
            .min();
        match fastest {
            Some((t, i)) => format!(
                "{} ({})",
                ratio_cell(row.times[of], Some(t)),
                self.columns[i].label()
            ),
            None => "—".into(),
        }
    }
}

/// µs with three significant figures or more, thousands grouped: 8.42, 42.4, 679, 6 804.
fn us(d: Duration) -> String {
    let us = d.as_secs_f64() * 1e6;
    match us {
        x if x < 10.0 => format!("{x:.2}"),
        x if x < 100.0 => format!("{x:.1}"),
        x => {
            let digits = format!("{x:.0}");
            let mut grouped = String::new();
            for (i, c) in digits.chars().enumerate() {
                if i > 0 && (digits.len() - i) % 3 == 0 {
                    grouped.push(' ');
                }
                grouped.push(c);
            }
            grouped
        }
    }
}

fn ratio_cell(ours: Option<Duration>, theirs: Option<Duration>) -> String {
    match (ours, theirs) {
        (Some(a), Some(b)) => format!("{:.2}", a.as_secs_f64() / b.as_secs_f64()),
        _ => "—".into(),
    }
}

/// The heading and alignment lines; `first` may hold several columns ("a | b"), left-aligned.
fn header(out: &mut String, first: &str, head: &[String]) {
    line(out, first, head);
    let left = first
        .split('|')
        .map(|_| "---")
        .collect::<Vec<_>>()
        .join("|");
    writeln!(out, "|{left}|{}", "--:|".repeat(head.len())).unwrap();
}

fn line(out: &mut String, first: &str, cells: &[String]) {
    writeln!(out, "| {first} | {} |", cells.join(" | ")).unwrap();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::race::{PQFIPS, pqfips_forced};
    use pqfips::backend::Backend;

    const FAST: Impl = Impl {
        name: "fast",
        kind: Kind::Peer { simd: true },
    };
    const SLOW: Impl = Impl {
        name: "slow",
        kind: Kind::Peer { simd: false },
    };
    const PORTABLE: Impl = pqfips_forced(Backend::Portable);

    fn us_(us: u64) -> Duration {
        Duration::from_micros(us)
    }

    /// pqfips 10 µs, its portable path 20 µs, a SIMD peer 5 µs and a portable one 40 µs; then
    /// the same without the SIMD peer.
    fn table() -> Table {
        let mut t = Table::new("T", &[PQFIPS, PORTABLE, FAST, SLOW]);
        t.add(
            "S",
            "op",
            &[
                (PQFIPS, us_(10)),
                (PORTABLE, us_(20)),
                (FAST, us_(5)),
                (SLOW, us_(40)),
            ],
        );
        t.add(
            "S",
            "op2",
            &[(PQFIPS, us_(10)), (PORTABLE, us_(20)), (SLOW, us_(40))],
        );
        t
    }

    #[test]
    fn by_operation_gives_every_ratio_and_the_fastest_peers() {
        let (pq, portable) = (PQFIPS.label(), PORTABLE.label());
        let ratio = format!("### T: pqfips / peer ({RATIO_CONVENTION})");
        let expected = format!(
            "### T: µs per operation\n\n\
             | set: op | {pq} | {portable} | fast | slow |\n\
             |---|--:|--:|--:|--:|\n\
             | S: op | 10.0 | 20.0 | 5.00 | 40.0 |\n\
             | S: op2 | 10.0 | 20.0 | — | 40.0 |\n\
             \n{ratio}\n\n\
             | set: op | fast | slow | fastest peer | portable: pqfips portable / fastest portable peer |\n\
             |---|--:|--:|--:|--:|\n\
             | S: op | 2.00 | 0.25 | 2.00 (fast) | 0.50 (slow) |\n\
             | S: op2 | — | 0.25 | 0.25 (slow) | 0.50 (slow) |\n"
        );
        assert_eq!(table().by_operation(), expected);
    }

    #[test]
    fn by_implementation_names_a_single_peer_once() {
        let pq = PQFIPS.label();
        let mut t = Table::new("T", &[PQFIPS, SLOW]);
        t.add("S", "op", &[(PQFIPS, us_(10)), (SLOW, us_(40))]);
        let head = format!("### T: µs per operation and pqfips / slow ({RATIO_CONVENTION})");
        let expected = format!(
            "{head}\n\n\
             | set | implementation | op µs | op / slow |\n\
             |---|---|--:|--:|\n\
             | S | {pq} | 10.0 | 0.25 |\n\
             | S | slow | 40.0 |  |\n"
        );
        assert_eq!(t.by_implementation(), expected);
    }

    #[test]
    fn by_implementation_gives_a_line_per_path_and_peer() {
        let (pq, portable) = (PQFIPS.label(), PORTABLE.label());
        let head =
            format!("### T: µs per operation and pqfips / fastest peer ({RATIO_CONVENTION})");
        let expected = format!(
            "{head}\n\n\
             | set | implementation | op µs | op2 µs | op / fastest peer | op2 / fastest peer |\n\
             |---|---|--:|--:|--:|--:|\n\
             | S | {pq} | 10.0 | 10.0 | 2.00 (fast) | 0.25 (slow) |\n\
             | S | {portable} | 20.0 | 20.0 | 4.00 (fast) | 0.50 (slow) |\n\
             | S | fast | 5.00 | — |  |  |\n\
             | S | slow | 40.0 | 40.0 |  |  |\n"
        );
        assert_eq!(table().by_implementation(), expected);
    }

    #[test]
    fn microseconds_keep_three_figures_and_group_thousands() {
        let ns = Duration::from_nanos;
        assert_eq!(us(ns(8_424)), "8.42");
        assert_eq!(us(ns(42_449)), "42.4");
        assert_eq!(us(ns(679_400)), "679");
        assert_eq!(us(ns(6_804_000)), "6 804");
        assert_eq!(us(ns(137_200_000)), "137 200");
        assert_eq!(us(ns(1_500_000_000)), "1 500 000");
    }

    #[test]
    fn ratios_are_pqfips_over_peer() {
        let ms = Duration::from_millis;
        assert_eq!(ratio_cell(Some(ms(1)), Some(ms(2))), "0.50");
        assert_eq!(ratio_cell(Some(ms(3)), Some(ms(2))), "1.50");
        assert_eq!(ratio_cell(None, Some(ms(2))), "—");
    }
}
