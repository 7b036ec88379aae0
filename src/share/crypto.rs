//! Locking a link's data with a passphrase, with the browser's own cryptography (WebCrypto):
//! AES-256-GCM under a key derived from the passphrase by PBKDF2-SHA-256 with a random salt.
//! Nothing here is hand-made cryptography; this file only passes bytes to `crypto.subtle`.
//!
//! Locked bytes: format byte (1), salt (16), IV (12), then the ciphertext with GCM's tag.

use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{CryptoKey, SubtleCrypto};

const FORMAT: u8 = 1;
const SALT: usize = 16;
const IV: usize = 12;
/// PBKDF2 iterations: OWASP's 2023 figure for PBKDF2-HMAC-SHA-256.
const ITERATIONS: u32 = 600_000;

/// Why data could not be locked or unlocked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LockError {
    /// The browser offers no WebCrypto here (pages served over plain http from another host).
    Unavailable,
    /// The passphrase does not open the data, or the link was cut short.
    WrongPassphrase,
}

impl std::fmt::Display for LockError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(crate::i18n::t(match self {
            LockError::Unavailable => crate::i18n::messages::Message::NoEncryption,
            LockError::WrongPassphrase => crate::i18n::messages::Message::WrongPassphrase,
        }))
    }
}

fn subtle() -> Result<(web_sys::Crypto, SubtleCrypto), LockError> {
    let crypto = web_sys::window().and_then(|w| w.crypto().ok()).ok_or(LockError::Unavailable)?;
    // `subtle` is undefined outside secure contexts.
    let subtle = Reflect::get(&crypto, &"subtle".into()).map_err(|_| LockError::Unavailable)?;
    let subtle = subtle.dyn_into::<SubtleCrypto>().map_err(|_| LockError::Unavailable)?;
    Ok((crypto, subtle))
}

fn object(pairs: &[(&str, JsValue)]) -> Object {
    let o = Object::new();
    for (k, v) in pairs {
        let _ = Reflect::set(&o, &(*k).into(), v);
    }
    o
}

async fn wait(promise: Result<js_sys::Promise, JsValue>) -> Result<JsValue, JsValue> {
    JsFuture::from(promise?).await
}

/// The AES-GCM key of `passphrase` and `salt`.
async fn key(subtle: &SubtleCrypto, passphrase: &str, salt: &[u8]) -> Result<CryptoKey, JsValue> {
    let raw = Uint8Array::from(passphrase.as_bytes());
    let usages = Array::of1(&"deriveKey".into());
    let base = wait(subtle.import_key_with_str("raw", &raw, "PBKDF2", false, &usages)).await?;
    let pbkdf2 = object(&[
        ("name", "PBKDF2".into()),
        ("hash", "SHA-256".into()),
        ("salt", Uint8Array::from(salt).into()),
        ("iterations", ITERATIONS.into()),
    ]);
    let aes = object(&[("name", "AES-GCM".into()), ("length", 256.into())]);
    let usages = Array::of2(&"encrypt".into(), &"decrypt".into());
    let key = wait(subtle.derive_key_with_object_and_object(&pbkdf2, &base.unchecked_into(), &aes, false, &usages));
    Ok(key.await?.unchecked_into())
}

fn gcm(iv: &[u8]) -> Object {
    object(&[("name", "AES-GCM".into()), ("iv", Uint8Array::from(iv).into())])
}

/// Encrypts `data` under `passphrase`.
pub async fn lock(passphrase: &str, data: &[u8]) -> Result<Vec<u8>, LockError> {
    let (crypto, subtle) = subtle()?;
    let mut head = vec![0u8; 1 + SALT + IV];
    crypto.get_random_values_with_u8_array(&mut head[1..]).map_err(|_| LockError::Unavailable)?;
    head[0] = FORMAT;
    let (salt, iv) = head[1..].split_at(SALT);
    let key = key(&subtle, passphrase, salt).await.map_err(|_| LockError::Unavailable)?;
    let sealed = wait(subtle.encrypt_with_object_and_u8_array(&gcm(iv), &key, data))
        .await
        .map_err(|_| LockError::Unavailable)?;
    head.extend(Uint8Array::new(&sealed).to_vec());
    Ok(head)
}

/// Decrypts what [`lock`] wrote.
pub async fn unlock(passphrase: &str, locked: &[u8]) -> Result<Vec<u8>, LockError> {
    let (_, subtle) = subtle()?;
    if locked.len() < 1 + SALT + IV + 16 || locked[0] != FORMAT {
        return Err(LockError::WrongPassphrase);
    }
    let (salt, rest) = locked[1..].split_at(SALT);
    let (iv, sealed) = rest.split_at(IV);
    let key = key(&subtle, passphrase, salt).await.map_err(|_| LockError::Unavailable)?;
    let open = wait(subtle.decrypt_with_object_and_u8_array(&gcm(iv), &key, sealed))
        .await
        .map_err(|_| LockError::WrongPassphrase)?;
    Ok(Uint8Array::new(&open).to_vec())
}
