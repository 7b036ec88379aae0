//! The byte layout every wire value is written in: little-endian numbers, lengths as `u32`,
//! text as UTF-8 with its length first, columns of numbers as one run of bytes. [`Reader`]
//! checks every length against the bytes left, so no input makes it panic or allocate more
//! than the message holds.

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

/// Bytes being written.
#[derive(Default)]
pub struct Writer {
    buf: Vec<u8>,
}

impl Writer {
    /// The bytes written.
    pub fn finish(self) -> Vec<u8> {
        self.buf
    }

    /// One byte.
    pub fn u8(&mut self, v: u8) {
        self.buf.push(v);
    }

    /// A `u32`.
    pub fn u32(&mut self, v: u32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }

    /// A `u64`.
    pub fn u64(&mut self, v: u64) {
        self.buf.extend_from_slice(&v.to_le_bytes());
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
        self.buf.extend_from_slice(s.as_bytes());
    }

    /// A column of `f64`: its length, then every value.
    pub fn f64s(&mut self, v: &[f64]) {
        self.size(v.len());
        self.buf.reserve(v.len() * 8);
        v.iter().for_each(|x| self.buf.extend_from_slice(&x.to_bits().to_le_bytes()));
    }

    /// A column of `i32`.
    pub fn i32s(&mut self, v: &[i32]) {
        self.size(v.len());
        self.buf.reserve(v.len() * 4);
        v.iter().for_each(|x| self.buf.extend_from_slice(&x.to_le_bytes()));
    }

    /// A column of `u32`.
    pub fn u32s(&mut self, v: &[u32]) {
        self.size(v.len());
        self.buf.reserve(v.len() * 4);
        v.iter().for_each(|x| self.buf.extend_from_slice(&x.to_le_bytes()));
    }
}

/// Bytes being read back, front to back.
pub struct Reader<'a> {
    buf: &'a [u8],
}

impl<'a> Reader<'a> {
    /// A reader over `buf`.
    pub fn new(buf: &'a [u8]) -> Reader<'a> {
        Reader { buf }
    }

    /// Whether every byte has been read.
    pub fn is_done(&self) -> bool {
        self.buf.is_empty()
    }

    /// The next `n` bytes.
    pub fn bytes(&mut self, n: usize) -> Result<&'a [u8], WireError> {
        if n > self.buf.len() {
            return Err(WireError::Truncated);
        }
        let (head, rest) = self.buf.split_at(n);
        self.buf = rest;
        Ok(head)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], WireError> {
        let mut out = [0; N];
        out.copy_from_slice(self.bytes(N)?);
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
            Some(bytes) if bytes <= self.buf.len() => Ok(n),
            _ => Err(WireError::Truncated),
        }
    }

    /// An `f64`.
    pub fn f64(&mut self) -> Result<f64, WireError> {
        Ok(f64::from_bits(self.u64()?))
    }

    /// Text.
    pub fn string(&mut self) -> Result<String, WireError> {
        let n = self.size()?;
        let bytes = self.bytes(n)?;
        String::from_utf8(bytes.to_vec()).map_err(|_| WireError::Invalid("text"))
    }

    /// A column of `f64`.
    pub fn f64s(&mut self) -> Result<Vec<f64>, WireError> {
        let n = self.count(8)?;
        let bytes = self.bytes(n * 8)?;
        Ok(bytes.chunks_exact(8).map(|c| f64::from_bits(u64::from_le_bytes(word(c)))).collect())
    }

    /// A column of `i32`.
    pub fn i32s(&mut self) -> Result<Vec<i32>, WireError> {
        let n = self.count(4)?;
        Ok(self.bytes(n * 4)?.chunks_exact(4).map(|c| i32::from_le_bytes(word(c))).collect())
    }

    /// A column of `u32`.
    pub fn u32s(&mut self) -> Result<Vec<u32>, WireError> {
        let n = self.count(4)?;
        Ok(self.bytes(n * 4)?.chunks_exact(4).map(|c| u32::from_le_bytes(word(c))).collect())
    }
}

/// A chunk of `N` bytes as an array (chunks_exact gives exactly `N`).
fn word<const N: usize>(chunk: &[u8]) -> [u8; N] {
    let mut out = [0; N];
    out.copy_from_slice(&chunk[..N]);
    out
}

/// Writes a value of a fieldless enum as its place in `all` (every value it can take).
pub fn put_tag<T: PartialEq>(w: &mut Writer, all: &[T], value: &T) {
    w.u8(all.iter().position(|v| v == value).unwrap_or(0) as u8);
}

/// Reads a value written by [`put_tag`]; a place `all` does not have is an invalid `what`.
pub fn take_tag<T: Copy>(r: &mut Reader<'_>, all: &[T], what: &'static str) -> Result<T, WireError> {
    all.get(r.u8()? as usize).copied().ok_or(WireError::Invalid(what))
}

/// A value that can be written to and read back from the wire.
pub trait Wire: Sized {
    /// Writes the value.
    fn put(&self, w: &mut Writer);
    /// Reads a value written by [`Wire::put`].
    fn take(r: &mut Reader<'_>) -> Result<Self, WireError>;
}

impl Wire for bool {
    fn put(&self, w: &mut Writer) {
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
    fn put(&self, w: &mut Writer) {
        w.u32(*self);
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, WireError> {
        r.u32()
    }
}

impl Wire for u64 {
    fn put(&self, w: &mut Writer) {
        w.u64(*self);
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, WireError> {
        r.u64()
    }
}

impl Wire for usize {
    fn put(&self, w: &mut Writer) {
        w.size(*self);
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, WireError> {
        r.size()
    }
}

impl Wire for f64 {
    fn put(&self, w: &mut Writer) {
        w.f64(*self);
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, WireError> {
        r.f64()
    }
}

impl Wire for char {
    fn put(&self, w: &mut Writer) {
        w.u32(*self as u32);
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, WireError> {
        char::from_u32(r.u32()?).ok_or(WireError::Invalid("character"))
    }
}

impl Wire for String {
    fn put(&self, w: &mut Writer) {
        w.str(self);
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, WireError> {
        r.string()
    }
}

impl<T: Wire> Wire for Option<T> {
    fn put(&self, w: &mut Writer) {
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
    fn put(&self, w: &mut Writer) {
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
    fn put(&self, w: &mut Writer) {
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
        let mut w = Writer::default();
        v.put(&mut w);
        let bytes = w.finish();
        let mut r = Reader::new(&bytes);
        assert_eq!(T::take(&mut r).as_ref(), Ok(&v));
        assert!(r.is_done());
        // Every shorter message is reported as cut short, never read as something else.
        for cut in 0..bytes.len() {
            assert!(T::take(&mut Reader::new(&bytes[..cut])).is_err(), "cut at {cut}");
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
    fn columns_read_back_bit_for_bit() {
        let mut w = Writer::default();
        w.f64s(&[1.5, f64::NAN, -0.0]);
        w.i32s(&[i32::MIN, 0, 7]);
        w.u32s(&[u32::MAX, 3]);
        let bytes = w.finish();
        let mut r = Reader::new(&bytes);
        let f = r.f64s().unwrap();
        assert_eq!(f.iter().map(|x| x.to_bits()).collect::<Vec<_>>(), [1.5f64, f64::NAN, -0.0].map(f64::to_bits));
        assert_eq!(r.i32s().unwrap(), [i32::MIN, 0, 7]);
        assert_eq!(r.u32s().unwrap(), [u32::MAX, 3]);
        assert!(r.is_done());
    }

    #[test]
    fn a_huge_count_is_refused_before_anything_is_allocated() {
        let mut w = Writer::default();
        w.size(usize::MAX / 2);
        let bytes = w.finish();
        assert_eq!(Vec::<String>::take(&mut Reader::new(&bytes)), Err(WireError::Truncated));
        assert_eq!(Reader::new(&bytes).f64s(), Err(WireError::Truncated));
    }

    #[test]
    fn invalid_tags_and_text_are_named() {
        assert_eq!(bool::take(&mut Reader::new(&[2])), Err(WireError::Invalid("yes / no")));
        let mut w = Writer::default();
        w.size(2);
        let mut bytes = w.finish();
        bytes.extend_from_slice(&[0xff, 0xfe]);
        assert_eq!(String::take(&mut Reader::new(&bytes)), Err(WireError::Invalid("text")));
    }
}
