//! Memory the page readies for a read file's columns while the workers read it. Reading the
//! worker's message back allocates about as much as the message holds, at once; memory the
//! page's wasm has never had must first be grown and then faulted in by the system, page by
//! page (about 13 ms per 32 MiB in Chromium, against under 1 ms for memory already in use), and
//! at a million rows that took half of the one task that reads the message. Readied instead
//! while the page is otherwise idle, a step at a time, and let go just before the message is
//! read, the same memory is taken again by the columns, already there.

/// Bytes written in one step: a few milliseconds of the page's time.
pub const STEP_BYTES: usize = 8 << 20;

/// Most bytes readied. Readied memory is held while the workers hold the read file too (their
/// columns, then the message they write): for a file of a gigabyte, readying all the page will
/// need made the tab's peak about 1.7 times the file. Above this, the page grows its memory as
/// it reads the message, after the workers are gone; below it (a file of about 200 MB or
/// less), the task that reads the message finds all it needs.
pub const MOST_BYTES: usize = 128 << 20;

/// Bytes of a file above which nothing is readied. Such a file is read in seconds, and the page
/// grows most of its memory as it reads the message anyway: the 10M-row file of the speed
/// issue (1.2 GB) was drawn in the same 5.4-5.6 s with and without, while the memory readied
/// was held at the tab's peak, beside both workers' halves (its renderer's peak: 1,922 MiB with
/// it, 1,805 MiB without, two loads each).
pub const FILES_UP_TO_BYTES: f64 = 512.0 * 1024.0 * 1024.0;

/// Page memory the columns of a read file take per byte of the file, aimed at until the tail's
/// part says more: a deals export's columns take about two thirds of its size in the page (ids
/// and names as text, a dictionary code, a date or a status in four bytes a row or less, an
/// amount in eight). Readied memory is held while the workers read, so this aims low.
pub const PER_FILE_BYTE: f64 = 0.5;

/// Page memory the columns take per byte of the workers' message: the message carries each
/// dictionary code in one byte a row (in two when a dictionary holds 255 values or more), the
/// page's columns in four (a 1M-row deals file with seven dictionary columns: about 61 MB of
/// message, 82 MB of columns).
pub const PER_MESSAGE_BYTE: f64 = 1.4;

/// Zeros the blocks are written with, a copy at a time (`Vec::resize` and `fill` write byte by
/// byte in the page's size-optimised build; a copy is one `memory.copy`).
static ZEROS: [u8; 1 << 16] = [0; 1 << 16];

/// Memory held for the columns of a file being read, in blocks grown whole (so the columns find
/// them whole) and written a step at a time.
#[derive(Default)]
pub struct Readied {
    blocks: Vec<Vec<u8>>,
    /// Bytes the blocks hold (their capacity), and the bytes wanted.
    held: usize,
    want: usize,
}

impl Readied {
    /// Wants `bytes` readied in all for a file of `file_bytes` (never fewer than before, never
    /// more than [`MOST_BYTES`], none for a file over [`FILES_UP_TO_BYTES`]).
    pub fn aim(&mut self, file_bytes: f64, bytes: usize) {
        if file_bytes <= FILES_UP_TO_BYTES {
            self.want = self.want.max(bytes.min(MOST_BYTES));
        }
    }

    /// Writes up to `bytes` more of the wanted memory, growing a block for what is not held yet.
    pub fn step(&mut self, bytes: usize) {
        if self.held < self.want {
            let more = self.want - self.held;
            let mut block = Vec::new();
            // Memory the page cannot have is not readied: the columns will say so themselves.
            match block.try_reserve_exact(more) {
                Ok(()) => self.blocks.push(block),
                Err(_) => self.want = self.held,
            }
            self.held = self.want.min(self.held + more);
        }
        let mut left = bytes;
        for block in &mut self.blocks {
            // Written, so every page is faulted in now.
            while left > 0 && block.len() < block.capacity() {
                let k = left.min(block.capacity() - block.len()).min(ZEROS.len());
                block.extend_from_slice(&ZEROS[..k]);
                left -= k;
            }
        }
        // Black-boxed, so the writes are not dropped as never read.
        std::hint::black_box(&mut self.blocks);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readies_what_is_wanted_a_step_at_a_time_and_no_more() {
        let mut r = Readied::default();
        let file = 1e6;
        r.step(10);
        assert_eq!(r.held, 0, "nothing wanted, nothing held");
        r.aim(file, 25);
        r.step(10);
        r.step(10);
        assert_eq!(r.blocks.iter().map(Vec::len).sum::<usize>(), 20);
        r.aim(file, 5);
        r.aim(file, 40);
        r.step(100);
        assert_eq!(r.blocks.iter().map(Vec::len).sum::<usize>(), 40);
        assert_eq!(r.held, 40);
        assert_eq!(r.blocks.len(), 2);
        // Never more than the most readied.
        r.aim(file, usize::MAX / 2);
        assert_eq!(r.want, MOST_BYTES);
    }

    #[test]
    fn nothing_is_readied_for_a_file_over_the_limit() {
        let mut r = Readied::default();
        r.aim(FILES_UP_TO_BYTES + 1.0, 25);
        r.step(10);
        assert_eq!((r.want, r.held, r.blocks.len()), (0, 0, 0));
        r.aim(FILES_UP_TO_BYTES, 25);
        assert_eq!(r.want, 25, "a file of the limit is readied for");
    }
}
