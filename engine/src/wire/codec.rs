//! The byte layout every wire value is written in: little-endian numbers, lengths as `u32`,
//! text as UTF-8 with its length first, columns of numbers as one run of bytes. [`Reader`]
//! checks every length against the bytes left, so no input makes it panic or allocate more
//! than the message holds.

use crate::column::NO_CODE;
use std::fmt;

/// Why bytes could not be read back as the value they were meant to hold.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WireError {
    /// The bytes end before the value does.
    Truncated,
    /// A tag, length or offset names nothing the value can hold (what it was).
    Invalid(&'static str),
    /// A name the engine does not know (a field, code page or phrase of another build).
    Unknown(String),
}

impl fmt::Display for WireError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WireError::Truncated => f.write_str("the message ends too early"),
            WireError::Invalid(what) => write!(f, "the message holds an invalid {what}"),
            WireError::Unknown(name) => write!(f, "the message names {name:?}, which this build does not know"),
        }
    }
}

impl std::error::Error for WireError {}

/// Where a [`Writer`] puts its bytes, a run at a time: every run but the last holds exactly
/// [`RUN_BYTES`].
pub trait Sink {
    /// Takes the next run of bytes.
    fn write(&mut self, bytes: &[u8]);
}

impl Sink for Vec<u8> {
    fn write(&mut self, bytes: &[u8]) {
        self.extend_from_slice(bytes);
    }
}

/// Bytes a [`Writer`] gathers before handing them to its sink: a column of a million rows goes
/// out in a few runs, never whole a second time. A multiple of 8, so a column that starts at a
/// multiple of its item's size in the message does so in its runs too. As long as the parse
/// worker's slices of a file, so a run can be copied into a slice's buffer once it is parsed.
pub const RUN_BYTES: usize = 8 << 20;

/// Bytes being written to a [`Sink`].
pub struct Writer<'s> {
    buf: Vec<u8>,
    /// Bytes handed to the sink so far.
    flushed: usize,
    sink: &'s mut dyn Sink,
}

impl<'s> Writer<'s> {
    /// A writer into `sink`; call [`Writer::finish`] to hand over the last run.
    pub fn new(sink: &'s mut dyn Sink) -> Writer<'s> {
        Writer { buf: Vec::with_capacity(1 << 16), flushed: 0, sink }
    }

    /// Hands the sink what is left.
    pub fn finish(mut self) {
        if !self.buf.is_empty() {
            self.flush();
        }
    }

    fn flush(&mut self) {
        self.sink.write(&self.buf);
        self.flushed += self.buf.len();
        self.buf.clear();
    }

    fn extend(&mut self, mut bytes: &[u8]) {
        while !bytes.is_empty() {
            let (now, later) = bytes.split_at(bytes.len().min(RUN_BYTES - self.buf.len()));
            self.buf.extend_from_slice(now);
            if self.buf.len() == RUN_BYTES {
                self.flush();
            }
            bytes = later;
        }
    }

    /// Writes zeros up to the next multiple of `n` bytes of the message.
    fn align(&mut self, n: usize) {
        while !(self.flushed + self.buf.len()).is_multiple_of(n) {
            self.extend(&[0]);
        }
    }

    /// Writes the count of `items`, then, from a multiple of `N` bytes of the message on, every
    /// item as `N` bytes: a reader may copy the column straight into typed memory.
    fn run<T: Copy, const N: usize>(&mut self, items: &[T], bytes: impl Fn(T) -> [u8; N]) {
        self.size(items.len());
        self.align(N);
        let mut rest = items;
        while !rest.is_empty() {
            // Aligned, and runs end at multiples of N: an item never straddles two runs.
            let room = (RUN_BYTES - self.buf.len()) / N;
            let (now, later) = rest.split_at(rest.len().min(room));
            // Sized once, then filled item by item: a loop the compiler turns into plain
            // copies (an `extend` per item checks the capacity each time).
            let at = self.buf.len();
            self.buf.resize(at + now.len() * N, 0);
            let out = self.buf.get_mut(at..).unwrap_or_default();
            out.chunks_exact_mut(N).zip(now).for_each(|(out, &x)| out.copy_from_slice(&bytes(x)));
            if self.buf.len() == RUN_BYTES {
                self.flush();
            }
            rest = later;
        }
    }

    /// One byte.
    pub fn u8(&mut self, v: u8) {
        self.extend(&[v]);
    }

    /// A `u32`.
    pub fn u32(&mut self, v: u32) {
        self.extend(&v.to_le_bytes());
    }

    /// A `u64`.
    pub fn u64(&mut self, v: u64) {
        self.extend(&v.to_le_bytes());
    }

    /// A length or count (`u64`, so a 32-bit page reads what a 64-bit worker wrote).
    pub fn size(&mut self, v: usize) {
        self.u64(v as u64);
    }

    /// An `f64`, bit for bit (NaN stays NaN).
    pub fn f64(&mut self, v: f64) {
        self.u64(v.to_bits());
    }

    /// Text: its byte length, then its bytes.
    pub fn str(&mut self, s: &str) {
        self.size(s.len());
        self.extend(s.as_bytes());
    }

    /// A column of bytes (one per row: a status, a yes / no): its length, then the bytes.
    pub fn u8s(&mut self, v: &[u8]) {
        self.size(v.len());
        self.extend(v);
    }

    /// A column of `f64`: its length, then every value.
    pub fn f64s(&mut self, v: &[f64]) {
        self.run(v, |x| x.to_bits().to_le_bytes());
    }

    /// A column of `i32`.
    pub fn i32s(&mut self, v: &[i32]) {
        self.run(v, i32::to_le_bytes);
    }

    /// A column of `u32`.
    pub fn u32s(&mut self, v: &[u32]) {
        self.run(v, u32::to_le_bytes);
    }

    /// A column of dictionary codes into `values` values ([`NO_CODE`] where a row has none), in
    /// as few bytes a code as the dictionary needs: one below 255 values, two below 65,535,
    /// else four (the widest code, all ones, stands for none). An owner, stage or region
    /// column takes a byte a row instead of four.
    pub fn codes(&mut self, codes: &[u32], values: usize) {
        if values < 0xff {
            self.u8(1);
            self.run(codes, |c| [c.min(0xff) as u8]);
        } else if values < 0xffff {
            self.u8(2);
            self.run(codes, |c| (c.min(0xffff) as u16).to_le_bytes());
        } else {
            self.u8(4);
            self.u32s(codes);
        }
    }
}

/// The bytes `write` writes, in memory.
pub fn written(write: impl FnOnce(&mut Writer<'_>)) -> Vec<u8> {
    let mut out = Vec::new();
    let mut w = Writer::new(&mut out);
    write(&mut w);
    w.finish();
    out
}

/// Where a [`Reader`] takes its bytes from, front to back.
pub trait Source {
    /// Bytes not yet taken.
    fn remaining(&self) -> usize;
    /// Fills `out` with the next bytes; [`WireError::Truncated`] when fewer are left.
    fn fill(&mut self, out: &mut [u8]) -> Result<(), WireError>;
    /// Fills `out` with the next `f64`s, each 8 little-endian bytes. A source that holds the
    /// bytes in typed memory may copy them at once.
    fn fill_f64s(&mut self, out: &mut [f64]) -> Result<(), WireError> {
        fill_items(self, out, |b| f64::from_bits(u64::from_le_bytes(b)))
    }
    /// Fills `out` with the next `i32`s (see [`Source::fill_f64s`]).
    fn fill_i32s(&mut self, out: &mut [i32]) -> Result<(), WireError> {
        fill_items(self, out, i32::from_le_bytes)
    }
    /// Fills `out` with the next `u32`s (see [`Source::fill_f64s`]).
    fn fill_u32s(&mut self, out: &mut [u32]) -> Result<(), WireError> {
        fill_items(self, out, u32::from_le_bytes)
    }
}

/// Fills `out` with items of `N` bytes read through [`Source::fill`], a slice at a time.
pub fn fill_items<S: Source + ?Sized, T, const N: usize>(
    source: &mut S,
    out: &mut [T],
    item: impl Fn([u8; N]) -> T,
) -> Result<(), WireError> {
    let mut bytes = vec![0; out.len().min(SLICE_ITEMS) * N];
    for chunk in out.chunks_mut(SLICE_ITEMS) {
        let bytes = &mut bytes[..chunk.len() * N];
        source.fill(bytes)?;
        for (o, b) in chunk.iter_mut().zip(bytes.chunks_exact(N)) {
            *o = item(word(b));
        }
    }
    Ok(())
}

/// Items converted per slice by [`fill_items`].
const SLICE_ITEMS: usize = 1 << 14;

impl Source for &[u8] {
    fn remaining(&self) -> usize {
        self.len()
    }

    fn fill(&mut self, out: &mut [u8]) -> Result<(), WireError> {
        if out.len() > self.len() {
            return Err(WireError::Truncated);
        }
        let (head, rest) = self.split_at(out.len());
        out.copy_from_slice(head);
        *self = rest;
        Ok(())
    }
}

/// Bytes being read back from a [`Source`].
pub struct Reader<'s> {
    source: &'s mut dyn Source,
    /// Bytes of the message already read.
    at: usize,
}

impl<'s> Reader<'s> {
    /// A reader over `source`, which starts at the message's first byte.
    pub fn new(source: &'s mut dyn Source) -> Reader<'s> {
        Reader { source, at: 0 }
    }

    /// Whether every byte has been read.
    pub fn is_done(&self) -> bool {
        self.source.remaining() == 0
    }

    fn fill(&mut self, out: &mut [u8]) -> Result<(), WireError> {
        self.source.fill(out)?;
        self.at += out.len();
        Ok(())
    }

    /// The next `n` bytes.
    pub fn bytes(&mut self, n: usize) -> Result<Vec<u8>, WireError> {
        if n > self.source.remaining() {
            return Err(WireError::Truncated);
        }
        let mut out = vec![0; n];
        self.fill(&mut out)?;
        Ok(out)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], WireError> {
        let mut out = [0; N];
        self.fill(&mut out)?;
        Ok(out)
    }

    /// One byte.
    pub fn u8(&mut self) -> Result<u8, WireError> {
        Ok(self.array::<1>()?[0])
    }

    /// A `u32`.
    pub fn u32(&mut self) -> Result<u32, WireError> {
        Ok(u32::from_le_bytes(self.array()?))
    }

    /// A `u64`.
    pub fn u64(&mut self) -> Result<u64, WireError> {
        Ok(u64::from_le_bytes(self.array()?))
    }

    /// A length or count.
    pub fn size(&mut self) -> Result<usize, WireError> {
        usize::try_from(self.u64()?).map_err(|_| WireError::Invalid("length"))
    }

    /// A count of items each at least `size` bytes long, checked against the bytes left.
    pub fn count(&mut self, size: usize) -> Result<usize, WireError> {
        let n = self.size()?;
        match n.checked_mul(size.max(1)) {
            Some(bytes) if bytes <= self.source.remaining() => Ok(n),
            _ => Err(WireError::Truncated),
        }
    }

    /// An `f64`.
    pub fn f64(&mut self) -> Result<f64, WireError> {
        Ok(f64::from_bits(self.u64()?))
    }

    /// Text.
    pub fn string(&mut self) -> Result<String, WireError> {
        let n = self.count(1)?;
        let bytes = self.bytes(n)?;
        // Checked mostly a block of 64 bytes at a time (a read file's ids and names are
        // megabytes of text, mostly ASCII), as the standard library would check it.
        crate::ingest::check_utf8(&bytes).map_err(|_| WireError::Invalid("text"))?;
        // SAFETY: `check_utf8` found the bytes UTF-8.
        Ok(unsafe { String::from_utf8_unchecked(bytes) })
    }

    /// The count of a column of `N`-byte items and the zeros that align it; the count is
    /// checked against the bytes left.
    fn column<const N: usize>(&mut self) -> Result<usize, WireError> {
        let n = self.size()?;
        let pad = (N - self.at % N) % N;
        if self.bytes(pad)?.iter().any(|&b| b != 0) {
            return Err(WireError::Invalid("padding"));
        }
        match n.checked_mul(N) {
            Some(bytes) if bytes <= self.source.remaining() => Ok(n),
            _ => Err(WireError::Truncated),
        }
    }

    /// A column of bytes.
    pub fn u8s(&mut self) -> Result<Vec<u8>, WireError> {
        let n = self.count(1)?;
        self.bytes(n)
    }

    /// A column of `f64`.
    pub fn f64s(&mut self) -> Result<Vec<f64>, WireError> {
        let mut out = vec![0.0; self.column::<8>()?];
        self.source.fill_f64s(&mut out)?;
        self.at += out.len() * 8;
        Ok(out)
    }

    /// A column of `i32`.
    pub fn i32s(&mut self) -> Result<Vec<i32>, WireError> {
        let mut out = vec![0; self.column::<4>()?];
        self.source.fill_i32s(&mut out)?;
        self.at += out.len() * 4;
        Ok(out)
    }

    /// A column of `u32`.
    pub fn u32s(&mut self) -> Result<Vec<u32>, WireError> {
        let mut out = vec![0; self.column::<4>()?];
        self.source.fill_u32s(&mut out)?;
        self.at += out.len() * 4;
        Ok(out)
    }

    /// A column written by [`Writer::codes`] into a dictionary of `values` values, each code
    /// widened back to a `u32` and checked as it is: a code that names no value is invalid.
    pub fn codes(&mut self, values: usize) -> Result<Vec<u32>, WireError> {
        let codes = match self.u8()? {
            1 => {
                let bytes = self.u8s()?;
                // Each byte's code, looked up: a load per row instead of tests and branches.
                let mut code_of = [BAD_CODE; 256];
                for (b, c) in code_of.iter_mut().enumerate().take(values.min(0xff)) {
                    *c = b as u32;
                }
                code_of[0xff] = NO_CODE;
                widened(bytes.iter().map(|&b| code_of[b as usize]))
            }
            2 => {
                let n = self.column::<2>()?;
                let bytes = self.bytes(n * 2)?;
                widened(bytes.as_slice().chunks_exact(2).map(|pair| match *pair {
                    [lo, hi] => match u16::from_le_bytes([lo, hi]) {
                        0xffff => NO_CODE,
                        c if usize::from(c) < values => c.into(),
                        _ => BAD_CODE,
                    },
                    _ => BAD_CODE,
                }))
            }
            4 => {
                let codes = self.u32s()?;
                codes.iter().all(|&c| c == NO_CODE || (c as usize) < values).then_some(codes)
            }
            _ => return Err(WireError::Invalid("code width")),
        };
        codes.ok_or(WireError::Invalid("dictionary code"))
    }
}

/// What [`Reader::codes`] widens a code that names no value to, before it refuses the column
/// (no dictionary of a narrow width holds this many values).
const BAD_CODE: u32 = NO_CODE - 1;

/// Codes widened by `codes` (each a value's code, [`NO_CODE`] or [`BAD_CODE`]), collected in
/// one pass; `None` when one names no value.
fn widened(codes: impl Iterator<Item = u32>) -> Option<Vec<u32>> {
    let mut ok = true;
    let codes = codes
        .map(|c| {
            ok &= c != BAD_CODE;
            c
        })
        .collect();
    ok.then_some(codes)
}

/// A chunk of `N` bytes as an array (chunks_exact gives exactly `N`).
fn word<const N: usize>(chunk: &[u8]) -> [u8; N] {
    let mut out = [0; N];
    out.copy_from_slice(&chunk[..N]);
    out
}

/// Writes a value of a fieldless enum as its place in `all` (every value it can take).
pub fn put_tag<T: PartialEq>(w: &mut Writer<'_>, all: &[T], value: &T) {
    w.u8(all.iter().position(|v| v == value).unwrap_or(0) as u8);
}

/// Reads a value written by [`put_tag`]; a place `all` does not have is an invalid `what`.
pub fn take_tag<T: Copy>(r: &mut Reader<'_>, all: &[T], what: &'static str) -> Result<T, WireError> {
    all.get(r.u8()? as usize).copied().ok_or(WireError::Invalid(what))
}

/// A value that can be written to and read back from the wire.
pub trait Wire: Sized {
    /// Writes the value.
    fn put(&self, w: &mut Writer<'_>);
    /// Reads a value written by [`Wire::put`].
    fn take(r: &mut Reader<'_>) -> Result<Self, WireError>;
}

impl Wire for bool {
    fn put(&self, w: &mut Writer<'_>) {
        w.u8(*self as u8);
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, WireError> {
        match r.u8()? {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err(WireError::Invalid("yes / no")),
        }
    }
}

impl Wire for u32 {
    fn put(&self, w: &mut Writer<'_>) {
        w.u32(*self);
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, WireError> {
        r.u32()
    }
}

impl Wire for u64 {
    fn put(&self, w: &mut Writer<'_>) {
        w.u64(*self);
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, WireError> {
        r.u64()
    }
}

impl Wire for usize {
    fn put(&self, w: &mut Writer<'_>) {
        w.size(*self);
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, WireError> {
        r.size()
    }
}

impl Wire for f64 {
    fn put(&self, w: &mut Writer<'_>) {
        w.f64(*self);
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, WireError> {
        r.f64()
    }
}

impl Wire for char {
    fn put(&self, w: &mut Writer<'_>) {
        w.u32(*self as u32);
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, WireError> {
        char::from_u32(r.u32()?).ok_or(WireError::Invalid("character"))
    }
}

impl Wire for String {
    fn put(&self, w: &mut Writer<'_>) {
        w.str(self);
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, WireError> {
        r.string()
    }
}

impl<T: Wire> Wire for Option<T> {
    fn put(&self, w: &mut Writer<'_>) {
        match self {
            None => w.u8(0),
            Some(v) => {
                w.u8(1);
                v.put(w);
            }
        }
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, WireError> {
        match r.u8()? {
            0 => Ok(None),
            1 => T::take(r).map(Some),
            _ => Err(WireError::Invalid("option")),
        }
    }
}

impl<T: Wire> Wire for Vec<T> {
    fn put(&self, w: &mut Writer<'_>) {
        w.size(self.len());
        self.iter().for_each(|v| v.put(w));
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, WireError> {
        // Every item takes at least one byte: the count cannot ask for more than is left.
        let n = r.count(1)?;
        let mut out = Vec::with_capacity(n);
        for _ in 0..n {
            out.push(T::take(r)?);
        }
        Ok(out)
    }
}

impl<A: Wire, B: Wire> Wire for (A, B) {
    fn put(&self, w: &mut Writer<'_>) {
        self.0.put(w);
        self.1.put(w);
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, WireError> {
        Ok((A::take(r)?, B::take(r)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip<T: Wire + PartialEq + fmt::Debug>(v: T) {
        let bytes = written(|w| v.put(w));
        let mut source = &bytes[..];
        let mut r = Reader::new(&mut source);
        assert_eq!(T::take(&mut r).as_ref(), Ok(&v));
        assert!(r.is_done());
        // Every shorter message is reported as cut short, never read as something else.
        for cut in 0..bytes.len() {
            assert!(T::take(&mut Reader::new(&mut &bytes[..cut])).is_err(), "cut at {cut}");
        }
    }

    #[test]
    fn values_read_back_as_written() {
        round_trip(true);
        round_trip(7u32);
        round_trip(u64::MAX);
        round_trip(12_345usize);
        round_trip(-0.5f64);
        round_trip('ż');
        round_trip(String::from("Łódź 北京"));
        round_trip(Some(vec![(1u64, String::from("a")), (2, String::new())]));
        round_trip(Option::<u32>::None);
    }

    #[test]
    fn codes_take_the_fewest_bytes_their_dictionary_needs() {
        // (values in the dictionary, bytes a code, codes), missing rows included.
        let cases: [(usize, usize, Vec<u32>); 5] = [
            (3, 1, vec![0, 2, NO_CODE, 1]),
            (254, 1, vec![253, NO_CODE, 0]),
            (255, 2, vec![254, NO_CODE, 0]),
            (65_534, 2, vec![65_533, NO_CODE, 0]),
            (70_000, 4, vec![69_999, NO_CODE, 65_535, 0]),
        ];
        for (values, width, codes) in cases {
            let bytes = written(|w| {
                w.u8(9);
                w.codes(&codes, values);
                w.u8(7);
            });
            // Tag, width, count, padding to the width, the codes, the last byte.
            let pad = (width - (1 + 1 + 8) % width) % width;
            assert_eq!(bytes.len(), 1 + 1 + 8 + pad + codes.len() * width + 1, "{values} values");
            let mut source = &bytes[..];
            let mut r = Reader::new(&mut source);
            assert_eq!((r.u8(), r.codes(values), r.u8()), (Ok(9), Ok(codes.clone()), Ok(7)), "{values} values");
            assert!(r.is_done());
            for cut in 0..bytes.len() - 1 {
                let mut short = &bytes[..cut];
                let mut r = Reader::new(&mut short);
                assert!(r.u8().and_then(|_| r.codes(values)).is_err(), "{values} values, cut at {cut}");
            }
        }
        let bytes = written(|w| {
            w.u8(3);
            w.u8s(&[1]);
        });
        assert_eq!(Reader::new(&mut &bytes[..]).codes(3), Err(WireError::Invalid("code width")));
    }

    #[test]
    fn a_code_that_names_no_value_is_refused_at_every_width() {
        for (values, highest) in [(3, 2), (300, 299), (70_000, 69_999)] {
            let bytes = written(|w| w.codes(&[0, NO_CODE, highest], values));
            assert_eq!(Reader::new(&mut &bytes[..]).codes(values), Ok(vec![0, NO_CODE, highest]));
            // The same bytes read against one value fewer: the highest code names nothing.
            let short = Reader::new(&mut &bytes[..]).codes(values - 1);
            assert_eq!(short, Err(WireError::Invalid("dictionary code")), "{values} values");
        }
    }

    #[test]
    fn columns_read_back_bit_for_bit() {
        let bytes = written(|w| {
            w.f64s(&[1.5, f64::NAN, -0.0]);
            w.i32s(&[i32::MIN, 0, 7]);
            w.u32s(&[u32::MAX, 3]);
        });
        let mut source = &bytes[..];
        let mut r = Reader::new(&mut source);
        let f = r.f64s().unwrap();
        assert_eq!(f.iter().map(|x| x.to_bits()).collect::<Vec<_>>(), [1.5f64, f64::NAN, -0.0].map(f64::to_bits));
        assert_eq!(r.i32s().unwrap(), [i32::MIN, 0, 7]);
        assert_eq!(r.u32s().unwrap(), [u32::MAX, 3]);
        assert!(r.is_done());
    }

    #[test]
    fn long_columns_and_text_cross_runs_intact() {
        let column: Vec<u32> = (0..(RUN_BYTES as u32 / 4) * 2 + 5).collect();
        let text = "ż".repeat(RUN_BYTES / 2 + 3);
        let bytes = written(|w| {
            w.u8(7);
            w.u32s(&column);
            w.str(&text);
        });
        let mut source = &bytes[..];
        let mut r = Reader::new(&mut source);
        assert_eq!((r.u8(), r.u32s(), r.string()), (Ok(7), Ok(column), Ok(text)));
        assert!(r.is_done());
    }

    #[test]
    fn columns_start_at_a_multiple_of_their_item_size_and_runs_are_whole() {
        struct Lengths(Vec<usize>);
        impl Sink for Lengths {
            fn write(&mut self, bytes: &[u8]) {
                self.0.push(bytes.len());
            }
        }
        let mut runs = Lengths(Vec::new());
        let mut w = Writer::new(&mut runs);
        w.u8(1);
        w.f64s(&vec![0.5; RUN_BYTES / 8 + 3]);
        w.u32s(&[9]);
        w.finish();
        let (last, whole) = runs.0.split_last().unwrap();
        assert!(whole.iter().all(|&n| n == RUN_BYTES) && *last < RUN_BYTES, "{:?}", runs.0);
        // One byte, eight of count, seven of zeros: the first value starts at byte 16.
        let bytes = written(|w| {
            w.u8(1);
            w.f64s(&[2.5]);
        });
        assert_eq!((bytes.len(), &bytes[9..16]), (24, &[0u8; 7][..]));
        let read = |bytes: &[u8]| {
            let mut source = bytes;
            let mut r = Reader::new(&mut source);
            r.u8().and_then(|_| r.f64s())
        };
        assert_eq!(read(&bytes), Ok(vec![2.5]));
        let mut bad = bytes.clone();
        bad[12] = 1;
        assert_eq!(read(&bad), Err(WireError::Invalid("padding")));
    }

    #[test]
    fn a_huge_count_is_refused_before_anything_is_allocated() {
        let bytes = written(|w| w.size(usize::MAX / 2));
        assert_eq!(Vec::<String>::take(&mut Reader::new(&mut &bytes[..])), Err(WireError::Truncated));
        assert_eq!(Reader::new(&mut &bytes[..]).f64s(), Err(WireError::Truncated));
    }

    #[test]
    fn invalid_tags_and_text_are_named() {
        assert_eq!(bool::take(&mut Reader::new(&mut &[2u8][..])), Err(WireError::Invalid("yes / no")));
        let mut bytes = written(|w| w.size(2));
        bytes.extend_from_slice(&[0xff, 0xfe]);
        assert_eq!(String::take(&mut Reader::new(&mut &bytes[..])), Err(WireError::Invalid("text")));
    }
}
