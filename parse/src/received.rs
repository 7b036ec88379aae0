//! Reading a wire message that came as runs of `ArrayBuffer`s (see
//! [`pipelens_engine::wire::Source`]), a piece at a time, straight from the buffers.

use js_sys::{Array, Uint8Array};
use pipelens_engine::wire::{self, Source, WireError};
use wasm_bindgen::JsValue;

/// Small reads are served from a copy of this many bytes of the message; longer ones (a
/// column's run) are copied straight from the worker's buffers.
const BUFFER_BYTES: usize = 64 << 10;

/// A message received as the runs it came in (the worker's read file at the page, the tail's
/// part at the head's worker), read a piece at a time, so it is never copied whole.
pub struct Received {
    runs: Vec<Uint8Array>,
    /// The run being read, and where in it.
    run: usize,
    at: u32,
    /// Bytes not yet taken.
    left: usize,
    /// A copy of the next bytes, for small reads, and where in it.
    buf: Vec<u8>,
    pos: usize,
}

impl Received {
    /// The message in `runs`, an array of `ArrayBuffer`s, which it empties: each run is let go
    /// once read, so a big message's memory is given back while it is read.
    pub fn new(runs: &Array) -> Received {
        let taken: Vec<Uint8Array> = runs.iter().map(|b| Uint8Array::new(&b)).collect();
        runs.set_length(0);
        let runs = taken;
        let left = runs.iter().map(|r| r.length() as usize).sum();
        Received { runs, run: 0, at: 0, left, buf: Vec::new(), pos: 0 }
    }
}

impl Received {
    /// Moves on to the next run, letting go of the one read.
    fn next_run(&mut self) {
        if let Some(read) = self.runs.get_mut(self.run) {
            *read = Uint8Array::new_with_length(0);
        }
        self.run += 1;
        self.at = 0;
    }

    /// Fills `out` with items of `N` bytes: those the small-read copy already holds one by one,
    /// the rest copied straight from the runs by `copy(buffer, byte offset, into)`, a typed
    /// view (the writer starts every column at a multiple of its item size, and runs hold whole
    /// items).
    fn fill_typed<T, const N: usize>(
        &mut self,
        out: &mut [T],
        item: fn([u8; N]) -> T,
        copy: impl Fn(&JsValue, u32, &mut [T]),
    ) -> Result<(), WireError> {
        let buffered = self.buf.len() - self.pos;
        if buffered % N != 0 {
            // Not where a writer puts a column: read it byte by byte.
            return wire::fill_items(self, out, item);
        }
        if out.len() * N > self.left {
            return Err(WireError::Truncated);
        }
        let k = (buffered / N).min(out.len());
        for (o, b) in out[..k].iter_mut().zip(self.buf[self.pos..].chunks_exact(N)) {
            let mut word = [0; N];
            word.copy_from_slice(b);
            *o = item(word);
        }
        self.pos += k * N;
        let mut done = k;
        while done < out.len() {
            let run = self.runs.get(self.run).ok_or(WireError::Truncated)?;
            let whole = (run.length() - self.at) as usize / N;
            if whole == 0 {
                if run.length() > self.at {
                    return Err(WireError::Invalid("column across runs"));
                }
                self.next_run();
                continue;
            }
            let k = whole.min(out.len() - done);
            copy(&run.buffer(), self.at, &mut out[done..done + k]);
            self.at += (k * N) as u32;
            done += k;
        }
        self.left -= out.len() * N;
        Ok(())
    }
}

impl Source for Received {
    fn remaining(&self) -> usize {
        self.left
    }

    fn fill_f64s(&mut self, out: &mut [f64]) -> Result<(), WireError> {
        self.fill_typed(
            out,
            |b| f64::from_bits(u64::from_le_bytes(b)),
            |buffer, at, into| {
                js_sys::Float64Array::new_with_byte_offset_and_length(buffer, at, into.len() as u32).copy_to(into)
            },
        )
    }

    fn fill_i32s(&mut self, out: &mut [i32]) -> Result<(), WireError> {
        self.fill_typed(out, i32::from_le_bytes, |buffer, at, into| {
            js_sys::Int32Array::new_with_byte_offset_and_length(buffer, at, into.len() as u32).copy_to(into)
        })
    }

    fn fill_u32s(&mut self, out: &mut [u32]) -> Result<(), WireError> {
        self.fill_typed(out, u32::from_le_bytes, |buffer, at, into| {
            js_sys::Uint32Array::new_with_byte_offset_and_length(buffer, at, into.len() as u32).copy_to(into)
        })
    }

    fn fill(&mut self, out: &mut [u8]) -> Result<(), WireError> {
        if out.len() > self.left {
            return Err(WireError::Truncated);
        }
        let mut done = 0;
        while done < out.len() {
            let want = out.len() - done;
            if self.pos < self.buf.len() {
                let k = want.min(self.buf.len() - self.pos);
                out[done..done + k].copy_from_slice(&self.buf[self.pos..self.pos + k]);
                self.pos += k;
                done += k;
                continue;
            }
            let run = self.runs.get(self.run).ok_or(WireError::Truncated)?;
            let avail = (run.length() - self.at) as usize;
            if avail == 0 {
                self.next_run();
                continue;
            }
            if want >= BUFFER_BYTES {
                let k = avail.min(want);
                run.subarray(self.at, self.at + k as u32).copy_to(&mut out[done..done + k]);
                self.at += k as u32;
                done += k;
            } else {
                let k = avail.min(BUFFER_BYTES);
                self.buf.resize(k, 0);
                run.subarray(self.at, self.at + k as u32).copy_to(&mut self.buf);
                self.at += k as u32;
                self.pos = 0;
            }
        }
        self.left -= out.len();
        Ok(())
    }
}
