//! Share links, the settings file and remembering on this device: the view (and, when asked,
//! the data) written into the URL fragment, a JSON file or the browser's storage, and read back.

pub mod crypto;
pub mod deflate;
pub mod device;
pub mod fragment;
pub mod link;
pub mod sync;
