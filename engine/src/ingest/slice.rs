//! The next slice of a file as a read takes it: bytes in memory, or bytes kept elsewhere (a
//! browser's buffer) that a read copies straight to where it keeps the file's text.

use std::borrow::Cow;

/// A slice of a file, pushed into a read ([`crate::ingest::Session::push`] and the layers
/// under it). A read of ASCII or UTF-8 text (most CSV exports) appends the slice straight to
/// its text and checks it there: one copy of each byte instead of two.
pub trait Slice {
    /// Its length in bytes.
    fn len(&self) -> usize;
    /// Appends its bytes to `out`.
    fn append_to(&self, out: &mut Vec<u8>);
    /// Its bytes, copied only when they are not in memory already.
    fn bytes(&self) -> Cow<'_, [u8]> {
        let mut out = Vec::with_capacity(self.len());
        self.append_to(&mut out);
        Cow::Owned(out)
    }
    /// Whether it holds no byte.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl Slice for [u8] {
    fn len(&self) -> usize {
        <[u8]>::len(self)
    }
    fn append_to(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(self);
    }
    fn bytes(&self) -> Cow<'_, [u8]> {
        Cow::Borrowed(self)
    }
}
