//! A mutation fuzzer for the import path that needs no nightly compiler: it mutates seed
//! inputs (the shared corpus when present, the repository's fixtures, and deals tables it
//! writes in each supported code page) and runs each through
//! `pipelens_engine::ingest::import_everything` (detection, decoding, header and mapping,
//! rows, the code-page override, KPIs). Deterministic for a seed.
//!
//! ```text
//! pipelens-fuzz-import [--execs N] [--seed S] [--corpus DIR]... [--max-len BYTES] [--out DIR]
//! ```
//! Prints the executions run, executions per second and every input that panicked or took
//! longer than 10 s, each saved under `--out` (default `engine/tests/fuzz-regressions/`),
//! where `tests/fuzz_regressions.rs` replays it. Exits with 1 when any was found.

use pipelens_engine::ingest::import_everything;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// xorshift64*: small, deterministic, good enough to pick mutations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

/// Byte strings that matter to the decoders, the sniffer and the readers.
const TOKENS: &[&[u8]] = &[
    b"\"",
    b",",
    b";",
    b"\t",
    b"|",
    b"\n",
    b"\r\n",
    b"\r",
    b"\xEF\xBB\xBF",
    b"\xFF\xFE",
    b"\xFE\xFF",
    b"\x00",
    b"\xC3",
    b"\xC3\xAB",
    b"\xE2\x82\xAC",
    b"\xF0\x9F\x98\x80",
    b"\xB3",
    b"\xD5\xC5",
    b"\x81\x30\x81\x30",
    b"\xA4\x40",
    b"\x82\xA0",
    b"\xC8\xE2",
    b"\xFF",
    b"\x80",
    b"deal_id",
    b"amount",
    b"stage",
    b"created_date",
    b"close_date",
    b"owner",
    b"Won",
    b"Lost",
    b"2024-02-30",
    b"31/12/2024",
    b"1 234,50",
    b"-1e308",
    b"NaN",
    b"PK\x03\x04",
    b"{",
];

fn mutate(rng: &mut Rng, input: &mut Vec<u8>, seeds: &[Vec<u8>], max_len: usize) {
    for _ in 0..1 + rng.below(8) {
        let len = input.len();
        match rng.below(9) {
            0 if len > 0 => {
                let i = rng.below(len);
                input[i] ^= 1 << rng.below(8);
            }
            1 if len > 0 => {
                let i = rng.below(len);
                input[i] = rng.next() as u8;
            }
            2 => {
                let token = TOKENS[rng.below(TOKENS.len())];
                let at = rng.below(len + 1);
                input.splice(at..at, token.iter().copied());
            }
            3 if len > 0 => {
                let at = rng.below(len);
                let end = (at + 1 + rng.below(64)).min(len);
                input.drain(at..end);
            }
            4 if len > 0 => {
                let at = rng.below(len);
                let end = (at + 1 + rng.below(256)).min(len);
                let copy = input[at..end].to_vec();
                let to = rng.below(input.len() + 1);
                input.splice(to..to, copy);
            }
            5 if !seeds.is_empty() => {
                let other = &seeds[rng.below(seeds.len())];
                let from = rng.below(other.len() + 1);
                let end = (from + rng.below(4096)).min(other.len());
                let at = rng.below(len + 1);
                input.splice(at..at, other[from..end].iter().copied());
            }
            6 if len > 0 => input.truncate(rng.below(len)),
            7 => {
                let at = rng.below(len + 1);
                let bytes: Vec<u8> = (0..1 + rng.below(16)).map(|_| rng.next() as u8).collect();
                input.splice(at..at, bytes);
            }
            _ => {
                // Turn a run of bytes into high bytes: legacy code pages' territory.
                if len > 0 {
                    let at = rng.below(len);
                    for b in input.iter_mut().skip(at).take(1 + rng.below(32)) {
                        *b |= 0x80;
                    }
                }
            }
        }
    }
    input.truncate(max_len);
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(&p, out);
        } else {
            out.push(p);
        }
    }
}

/// Deals tables written in each code page the detector knows.
fn generated() -> Vec<Vec<u8>> {
    let people = [
        ("windows-1250", "Łukasz Żółć;Grzegorz Brzęczyszczykiewicz", ';'),
        ("ISO-8859-2", "Paweł Ślązak;Jędrzej Źdźbło", ';'),
        ("gb18030", "张伟,王芳,负责人", ','),
        ("Big5", "陳大文,林美玲", ','),
        ("Shift_JIS", "山田太郎,タナカ ユウキ", ','),
        ("windows-1251", "Иван Петров,Мария Смирнова", ','),
        ("windows-1252", "Jürgen Größ;Käthe Weiß", ';'),
        ("UTF-8", "Zoë O'Neil,李娜", ','),
    ];
    let mut out = Vec::new();
    for (name, names, d) in people {
        let mut text = format!("deal_id{d}amount{d}stage{d}created_date{d}close_date{d}owner\n");
        for (i, person) in names.split([';', ',']).cycle().take(40).enumerate() {
            text.push_str(&format!("D{i}{d}{},5{d}Won{d}2024-01-{:02}{d}2024-02-01{d}{person}\n", 100 + i, 1 + i % 28));
        }
        let encoding = encoding_rs::Encoding::for_label(name.as_bytes()).unwrap_or(encoding_rs::UTF_8);
        out.push(encoding.encode(&text).0.into_owned());
    }
    out
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value = |flag: &str| args.iter().position(|a| a == flag).and_then(|i| args.get(i + 1)).cloned();
    let execs: u64 = value("--execs").and_then(|v| v.parse().ok()).unwrap_or(100_000);
    let seed: u64 = value("--seed").and_then(|v| v.parse().ok()).unwrap_or(1).max(1);
    let max_len: usize = value("--max-len").and_then(|v| v.parse().ok()).unwrap_or(4_096);
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = value("--out").map_or_else(|| here.join("tests/fuzz-regressions"), PathBuf::from);
    let mut dirs: Vec<PathBuf> = args.windows(2).filter(|w| w[0] == "--corpus").map(|w| PathBuf::from(&w[1])).collect();
    if dirs.is_empty() {
        dirs = vec![here.join("../../shared/corpus"), here.join("../shared/corpus"), here.join("tests/fixtures")];
    }
    let mut files = Vec::new();
    for dir in &dirs {
        walk(dir, &mut files);
    }
    files.sort();
    files.dedup();
    let mut seeds: Vec<Vec<u8>> = files
        .iter()
        .filter_map(|p| std::fs::read(p).ok())
        .map(|mut b| {
            b.truncate(max_len);
            b
        })
        .collect();
    let from_files = seeds.len();
    seeds.extend(generated());
    println!("seeds: {} files, {} generated; seed {seed}; {execs} executions", from_files, seeds.len() - from_files);

    // Panics are caught and reported here, not printed by the default hook.
    std::panic::set_hook(Box::new(|_| {}));
    let mut rng = Rng(seed);
    let (start, mut found, mut slowest) = (Instant::now(), 0usize, Duration::ZERO);
    for n in 0..execs {
        let mut input = seeds[rng.below(seeds.len())].clone();
        mutate(&mut rng, &mut input, &seeds, max_len);
        let knobs = rng.next();
        let began = Instant::now();
        let outcome = std::panic::catch_unwind(|| import_everything(&input, knobs));
        let took = began.elapsed();
        slowest = slowest.max(took);
        let problem = match outcome {
            Err(_) => Some("panic"),
            Ok(_) if took > Duration::from_secs(10) => Some("slow"),
            Ok(_) => None,
        };
        if let Some(problem) = problem {
            found += 1;
            let _ = std::fs::create_dir_all(&out);
            let path = out.join(format!("{problem}-{seed}-{n}-{knobs:016x}.bin"));
            let _ = std::fs::write(&path, &input);
            println!("{problem} at execution {n} ({} bytes, {:?}): saved as {}", input.len(), took, path.display());
        }
        if (n + 1) % 50_000 == 0 {
            let secs = start.elapsed().as_secs_f64();
            println!("{} executions, {:.0}/s, {found} found", n + 1, (n + 1) as f64 / secs);
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "done: {execs} executions in {secs:.1} s ({:.0} execs/s), slowest {:?}, {found} panics or hangs",
        execs as f64 / secs.max(1e-9),
        slowest
    );
    std::process::exit(i32::from(found > 0));
}
