//! Base64 with the URL- and filename-safe alphabet of RFC 4648 section 5, written without padding,
//! so a share link's fragment needs no escaping anywhere.

use std::fmt;

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

#[allow(
    clippy::indexing_slicing,
    reason = "the index is masked to 6 bits and the alphabet has 64 entries"
)]
pub fn encode(data: &[u8]) -> String {
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b = [
            chunk.first().copied().unwrap_or(0),
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
        for i in 0..=chunk.len() {
            let sextet = (n >> (18 - 6 * i)) & 63;
            out.push(char::from(ALPHABET[sextet as usize]));
        }
    }
    out
}

/// Why a text is not base64url.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Base64Error {
    /// A character outside the alphabet, and where it is (0-based).
    Character { at: usize, found: char },
    /// A length of 4n+1 characters: a dangling character that holds no whole byte.
    Length,
}

impl fmt::Display for Base64Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Base64Error::Character { at, found } => write!(
                f,
                "character {} ({}) is not allowed in a share link",
                at + 1,
                crate::syntax::quote::quote_rune(*found)
            ),
            Base64Error::Length => {
                f.write_str("its length is impossible for the encoding (it was cut short)")
            }
        }
    }
}

fn value(c: u8) -> Option<u32> {
    ALPHABET.iter().position(|&a| a == c).map(|v| v as u32)
}

/// Decodes unpadded base64url; trailing `=` padding is tolerated (some tools add it).
pub fn decode(text: &str) -> Result<Vec<u8>, Base64Error> {
    let trimmed = text.trim_end_matches('=');
    let bytes = trimmed.as_bytes();
    if let Some(at) = bytes.iter().position(|&c| value(c).is_none()) {
        let found = trimmed
            .get(at..)
            .and_then(|s| s.chars().next())
            .unwrap_or('?');
        return Err(Base64Error::Character { at, found });
    }
    if bytes.len() % 4 == 1 {
        return Err(Base64Error::Length);
    }
    let mut out = Vec::with_capacity(bytes.len() / 4 * 3 + 2);
    for chunk in bytes.chunks(4) {
        let mut n = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            n |= value(c).unwrap_or(0) << (18 - 6 * i);
        }
        for i in 0..chunk.len() - 1 {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    Ok(out)
}
