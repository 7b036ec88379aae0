//! What reading a file as two halves buys, natively: one whole read against a head and a
//! tail read on two threads (standing in for two web workers), the tail's part carried through
//! the wire as between workers, then absorbed. Prints milliseconds (medians of the runs) and
//! checks the merged read equals the whole read. Never fails on time.
//!
//! ```text
//! cargo run --release -p pipelens_engine --bin pipelens-halves -- FILE [--runs 3] [--slice-mib 8] [--sequential]
//! ```
//!
//! `--sequential` reads the tail first and then the head on one thread: each half's own cost,
//! free of the other's competition for the cores (a loaded 2-core machine shares them).

use pipelens_engine::ingest::{read_in_slices, DatasetKind, Imported, ReadOptions, Session, Step, Tail, TailPart};
use pipelens_engine::wire;
use std::time::Instant;

/// Bytes of the file's start the tail is given (the header and the mapping's sample).
const HEAD: usize = 1 << 20;

/// Times of one read in two halves, in milliseconds.
#[derive(Clone, Copy, Default)]
struct Times {
    head: f64,
    tail: f64,
    wire: f64,
    absorb: f64,
    finish: f64,
    wall: f64,
    wire_bytes: usize,
}

fn ms(since: Instant) -> f64 {
    since.elapsed().as_secs_f64() * 1000.0
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(f64::NAN)
}

/// Reads a tail over `bytes` from `cut` in slices of `slice` bytes.
fn tail(bytes: &[u8], options: &ReadOptions, cut: u64, slice: usize) -> Result<TailPart, String> {
    let head = &bytes[..bytes.len().min(HEAD)];
    let tail = Tail::new("f.csv", bytes.len() as u64, options.clone(), head, cut);
    tail.read_slices(bytes, slice, usize::MAX).map_err(|why| why.to_string())
}

/// Bytes past the cut the head is pushed at first: enough to find the boundary, little to
/// decode for nothing (it asks again if the boundary lies further).
const PAST_CUT: usize = 256 << 10;

/// Pumps a head session until it pauses (or ends), its slices stopping `PAST_CUT` past `cut`.
fn head_until_paused(
    session: &mut Session,
    bytes: &[u8],
    slice: usize,
    cut: usize,
) -> Result<Option<Imported>, String> {
    loop {
        match session.step(usize::MAX) {
            Step::NeedInput => {
                let at = (session.bytes_pushed() as usize).min(bytes.len());
                let stop = cut.saturating_add(PAST_CUT);
                let end = at.saturating_add(slice).min(if at < stop { stop } else { usize::MAX }).min(bytes.len());
                session.push(&bytes[at..end], end == bytes.len());
            }
            Step::Paused { .. } => return Ok(None),
            Step::Progress { .. } | Step::Restart => {}
            Step::Done(imported) => return Ok(Some(imported)),
            Step::Failed(e) => return Err(e.to_string()),
        }
    }
}

/// One read in two halves: its times and the merged result.
fn halves(bytes: &[u8], options: &ReadOptions, slice: usize, sequential: bool) -> Result<(Times, Imported), String> {
    let cut = bytes.len() as u64 / 2;
    let started = Instant::now();
    let mut t = Times::default();
    let (head, part) = if sequential {
        let at = Instant::now();
        let part = tail(bytes, options, cut, slice);
        t.tail = ms(at);
        let at = Instant::now();
        let mut session = Session::new("f.csv", bytes.len() as u64, options.clone()).stop_at(cut);
        let head = head_until_paused(&mut session, bytes, slice, cut as usize).map(|done| (session, done));
        t.head = ms(at);
        (head, part)
    } else {
        std::thread::scope(|s| {
            let tail = s.spawn(|| {
                let at = Instant::now();
                let part = tail(bytes, options, cut, slice);
                (part, ms(at))
            });
            let at = Instant::now();
            let mut session = Session::new("f.csv", bytes.len() as u64, options.clone()).stop_at(cut);
            let head = head_until_paused(&mut session, bytes, slice, cut as usize).map(|done| (session, done));
            t.head = ms(at);
            let (part, tail_ms) = tail.join().unwrap_or_else(|_| (Err("the tail panicked".into()), 0.0));
            t.tail = tail_ms;
            (head, part)
        })
    };
    let (mut session, done) = head?;
    if let Some(imported) = done {
        return Err(format!("the head read the whole file ({} rows)", imported.report.rows_read));
    }
    let at = Instant::now();
    let mut encoded = Vec::new();
    wire::write_tail_part(&part?, &mut encoded);
    t.wire_bytes = encoded.len();
    t.wire = ms(at);
    let at = Instant::now();
    wire::absorb_tail_part(&mut encoded.as_slice(), &mut session).map_err(|e| e.to_string())?;
    t.absorb = ms(at);
    let at = Instant::now();
    let imported = match head_until_paused(&mut session, bytes, slice, cut as usize)? {
        Some(imported) => imported,
        None => return Err("paused again".into()),
    };
    t.finish = ms(at);
    t.wall = ms(started);
    Ok((t, imported))
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: pipelens-halves FILE [--runs N] [--slice-mib N]");
        std::process::exit(2);
    };
    let flag = |name: &str, default: usize| -> usize {
        args.windows(2).find(|w| w[0] == name).and_then(|w| w[1].parse().ok()).unwrap_or(default).max(1)
    };
    let (runs, slice) = (flag("--runs", 3), flag("--slice-mib", 8) << 20);
    let sequential = args.iter().any(|a| a == "--sequential");
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let options = ReadOptions::new(DatasetKind::Deals);
    let mut whole_ms = Vec::new();
    let mut whole = None;
    for _ in 0..runs {
        let at = Instant::now();
        let read = read_in_slices("f.csv", &bytes, slice, options.clone());
        whole_ms.push(ms(at));
        whole = Some(read);
    }
    let Some(Ok(whole)) = whole else {
        eprintln!("the whole read failed");
        std::process::exit(1);
    };
    let mut all: Vec<Times> = Vec::new();
    let mut same = true;
    for _ in 0..runs {
        match halves(&bytes, &options, slice, sequential) {
            Ok((t, merged)) => {
                same &= merged.data == whole.data && merged.report == whole.report;
                all.push(t);
            }
            Err(e) => {
                eprintln!("two halves: {e}");
                std::process::exit(1);
            }
        }
    }
    let pick = |f: fn(&Times) -> f64| median(all.iter().map(f).collect());
    let mib = bytes.len() as f64 / (1 << 20) as f64;
    println!("{path}: {mib:.1} MiB, {} rows, slices of {} MiB, medians of {runs}", whole.report.rows_read, slice >> 20);
    println!("whole read            {:>8.1} ms", median(whole_ms.clone()));
    println!("head (to the cut)     {:>8.1} ms", pick(|t| t.head));
    let how = if sequential { "after each other" } else { "in parallel" };
    println!("tail (from the cut)   {:>8.1} ms  ({how})", pick(|t| t.tail));
    println!(
        "wire (write)          {:>8.1} ms  ({:.1} MiB)",
        pick(|t| t.wire),
        all[0].wire_bytes as f64 / (1 << 20) as f64
    );
    println!("absorb (from wire)     {:>8.1} ms", pick(|t| t.absorb));
    println!("finish (settle dates) {:>8.1} ms", pick(|t| t.finish));
    println!(
        "two halves, wall      {:>8.1} ms  ({:.2}x the whole read)",
        pick(|t| t.wall),
        median(whole_ms) / pick(|t| t.wall)
    );
    println!("merged == whole read: {same}");
    if !same {
        std::process::exit(1);
    }
}
