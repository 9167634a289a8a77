//! The timing: every implementation of one operation runs in turn, batch after batch, and is
//! charged the median of its batches.
//!
//! Interleaving the batches makes machine noise (another process, a clock change) hit every
//! implementation alike; the median keeps the typical batch and drops the disturbed ones without
//! favouring a lucky one as the minimum would. Batches are timed in the thread's CPU time
//! (`CLOCK_THREAD_CPUTIME_ID`): the same as wall time on an idle machine, but on a busy one (a
//! shared build machine) it leaves out the time the thread waits for a core.

use std::hint::black_box;
use std::time::{Duration, Instant};

use cpu_time::ThreadTime;

use pqfips::backend::{self, Backend};

/// One implementation: a column of the tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Impl {
    /// The column heading (for pqfips, [`Impl::label`] adds the backend).
    pub name: &'static str,
    /// pqfips on some backend, or a peer.
    pub kind: Kind,
}

/// What an [`Impl`] is, for the ratio columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// pqfips on the given backend (`None`: dispatched, the best this CPU has); its batches run
    /// with `pqfips::backend::force` set to it.
    Pqfips(Option<Backend>),
    /// pqfips on the given backend with the SHA extensions switched off
    /// (`pqfips::backend::force_sha_ni(false)`): the SHA-2 path of a CPU without them.
    PqfipsWithoutShaNi(Backend),
    /// Another implementation; `simd` when it runs vector code (AVX2 and up) on this CPU.
    Peer { simd: bool },
}

/// pqfips as a user gets it: the backend detected at run time.
pub const PQFIPS: Impl = Impl {
    name: "pqfips",
    kind: Kind::Pqfips(None),
};

/// pqfips forced onto `backend` (or the best below it that the CPU has).
pub const fn pqfips_forced(backend: Backend) -> Impl {
    Impl {
        name: "pqfips",
        kind: Kind::Pqfips(Some(backend)),
    }
}

impl Impl {
    /// The column heading: pqfips's says which backend it ran on.
    pub fn label(&self) -> String {
        match self.kind {
            Kind::Pqfips(None) => format!("{} ({})", self.name, dispatched()),
            Kind::Pqfips(Some(b)) => format!("{} {b} forced", self.name),
            Kind::PqfipsWithoutShaNi(b) => format!("{} {b} forced, SHA-NI off", self.name),
            Kind::Peer { .. } => self.name.to_string(),
        }
    }

    /// The backend its batches force (`None` for dispatched pqfips and for the peers).
    fn backend(&self) -> Option<Backend> {
        match self.kind {
            Kind::Pqfips(b) => b,
            Kind::PqfipsWithoutShaNi(b) => Some(b),
            Kind::Peer { .. } => None,
        }
    }

    /// Whether its batches let pqfips use the SHA extensions (if the CPU has them).
    fn sha_ni(&self) -> bool {
        !matches!(self.kind, Kind::PqfipsWithoutShaNi(_))
    }

    /// Sets the backend and the SHA extensions as its batches run them.
    fn force(&self) {
        backend::force(self.backend());
        backend::force_sha_ni(self.sha_ni());
    }

    /// Whether this is a peer (the ratio columns compare pqfips against these).
    pub fn is_peer(&self) -> bool {
        matches!(self.kind, Kind::Peer { .. })
    }
}

/// The backend pqfips picks when nothing is forced: the best this CPU has.
pub fn dispatched() -> Backend {
    backend::available().last().unwrap_or(Backend::Portable)
}

/// The pqfips paths worth timing on this CPU: dispatched, then every backend below the best one
/// forced in turn (the best one forced is the dispatched one again).
pub fn pqfips_paths() -> Vec<Impl> {
    let best = dispatched();
    let mut paths = vec![PQFIPS];
    let mut below: Vec<Backend> = backend::available().filter(|b| *b != best).collect();
    below.reverse();
    paths.extend(below.into_iter().map(pqfips_forced));
    paths
}

/// The dispatched backend with the SHA extensions switched off, if this CPU has them and a SIMD
/// backend: the path a CPU without them takes through SHA-2 (SLH-DSA's SHA2 sets).
pub fn pqfips_without_sha_ni() -> Option<Impl> {
    let has_sha = backend::force_sha_ni(true);
    (has_sha && dispatched() != Backend::Portable).then(|| Impl {
        name: "pqfips",
        kind: Kind::PqfipsWithoutShaNi(dispatched()),
    })
}

/// Unforces the backend and the SHA extensions.
fn unforce() {
    backend::force(None);
    backend::force_sha_ni(true);
}

/// Runs `f` with the backend and the SHA extensions set as `imp`'s batches would run them, then
/// unforces both.
pub fn with_backend<T>(imp: &Impl, f: impl FnOnce() -> T) -> T {
    imp.force();
    let r = f();
    unforce();
    r
}

/// One implementation's closure in a race.
pub struct Lane<'a> {
    imp: Impl,
    run: Box<dyn FnMut() + 'a>,
}

impl<'a> Lane<'a> {
    /// `run` does one operation of `imp`, with its result passed through `black_box`.
    pub fn new(imp: Impl, run: impl FnMut() + 'a) -> Self {
        Self {
            imp,
            run: Box::new(run),
        }
    }

    /// Runs the closure once with its backend set.
    fn call(&mut self) {
        self.imp.force();
        (self.run)();
    }
}

/// How many calls each lane makes per batch.
#[derive(Clone, Copy, Debug)]
pub enum Reps {
    /// As many as fit the budget, split evenly between the lanes (at least one).
    Budget,
    /// Exactly this many, for every lane: for closures that cycle through a list of inputs whose
    /// costs differ (ML-DSA signing, whose time depends on its number of rejections), so that
    /// every lane does the same work in the same batch.
    Fixed(u32),
}

/// How long and in how many batches to time one operation.
#[derive(Clone, Copy, Debug)]
pub struct Plan {
    /// Interleaved batches per lane (odd, so that the median is one batch's time).
    pub batches: u32,
    /// The time all lanes share when [`Reps::Budget`] sizes the batches.
    pub budget: Duration,
    /// Calls per batch.
    pub reps: Reps,
}

impl Plan {
    /// 15 batches in `budget`.
    pub const fn new(budget: Duration) -> Self {
        Self {
            batches: 15,
            budget,
            reps: Reps::Budget,
        }
    }

    /// The same plan with `batches` batches.
    pub const fn batches(self, batches: u32) -> Self {
        Self { batches, ..self }
    }

    /// The same plan with exactly `reps` calls per batch.
    pub const fn fixed(self, reps: u32) -> Self {
        Self {
            reps: Reps::Fixed(reps),
            ..self
        }
    }
}

/// One timed result: an implementation and its median time per call.
pub type Time = (Impl, Duration);

/// Times every lane: one calibrating call each, then `plan.batches` rounds in which every lane
/// runs one batch in turn. Returns each lane's median time per call.
pub fn race(plan: Plan, lanes: &mut [Lane<'_>]) -> Vec<Time> {
    let n = lanes.len() as u32;
    let reps: Vec<u32> = lanes
        .iter_mut()
        .map(|lane| {
            let start = ThreadTime::now();
            lane.call();
            let once = start.elapsed().max(Duration::from_nanos(50));
            match plan.reps {
                Reps::Fixed(r) => r,
                Reps::Budget => {
                    let per_lane = plan.budget / plan.batches / n;
                    u32::try_from(per_lane.as_nanos() / once.as_nanos())
                        .unwrap_or(u32::MAX)
                        .max(1)
                }
            }
        })
        .collect();
    let mut samples = vec![Vec::with_capacity(plan.batches as usize); lanes.len()];
    for _ in 0..plan.batches {
        for ((lane, r), s) in lanes.iter_mut().zip(&reps).zip(&mut samples) {
            lane.imp.force();
            let start = ThreadTime::now();
            for _ in 0..*r {
                (lane.run)();
            }
            s.push(start.elapsed() / *r);
        }
    }
    unforce();
    lanes
        .iter()
        .zip(samples)
        .map(|(lane, s)| (lane.imp, median(s)))
        .collect()
}

/// The middle sample (the mean of the two middle ones for an even count).
fn median(mut s: Vec<Duration>) -> Duration {
    s.sort_unstable();
    let mid = s.len() / 2;
    if s.len() % 2 == 1 {
        s[mid]
    } else {
        (s[mid - 1] + s[mid]) / 2
    }
}

/// Busy for `d` before the first race: without it, the first rows ran while the CPU was still
/// clocking up, and the implementation timed first showed up to 25% slower than in the same row
/// later.
pub fn warm_up(d: Duration) {
    let start = Instant::now();
    let mut x = 0u64;
    while start.elapsed() < d {
        for i in 0..1000 {
            x = black_box(x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(i));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_median_is_the_middle_sample() {
        let ms = Duration::from_millis;
        assert_eq!(median(vec![ms(9), ms(1), ms(5)]), ms(5));
        assert_eq!(median(vec![ms(9), ms(1), ms(5), ms(3)]), ms(4));
    }

    #[test]
    fn every_lane_runs_the_planned_batches_with_its_backend() {
        let (mut a, mut b) = (0u32, 0u32);
        let portable = pqfips_forced(Backend::Portable);
        let peer = Impl {
            name: "peer",
            kind: Kind::Peer { simd: false },
        };
        let t = race(
            Plan::new(Duration::from_millis(1)).batches(3).fixed(4),
            &mut [
                Lane::new(portable, || {
                    assert_eq!(backend::active(), Backend::Portable);
                    a += 1;
                }),
                Lane::new(peer, || b += 1),
            ],
        );
        // One calibrating call and 3 batches of 4.
        assert_eq!((a, b), (13, 13));
        assert_eq!(
            t.iter().map(|(i, _)| *i).collect::<Vec<_>>(),
            [portable, peer]
        );
        assert_eq!(
            backend::active(),
            dispatched(),
            "the race leaves nothing forced"
        );
    }
}
