//! A raw DEFLATE (RFC 1951) decompressor for share links: stored, fixed and dynamic Huffman
//! blocks, so it reads what any compressor writes (ours, zlib, the browser's
//! `CompressionStream('deflate-raw')`).
//!
//! Links come from anywhere, so every input is treated as hostile: all reads are bounds-checked,
//! incomplete or over-subscribed code tables are refused where RFC 1951 does not allow them, and
//! the output is capped (a few hundred bytes of DEFLATE can expand to gigabytes).

use std::fmt;

use super::tables::{DIST_BASE, DIST_EXTRA, LENGTH_BASE, LENGTH_EXTRA};

/// Why compressed data could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InflateError {
    /// The data ends before its last block does.
    Truncated,
    /// Something RFC 1951 does not allow; the text says what.
    Invalid(&'static str),
    /// The data would expand beyond the given number of bytes.
    TooLarge(usize),
}

impl fmt::Display for InflateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InflateError::Truncated => f.write_str("the compressed data is cut short"),
            InflateError::Invalid(what) => write!(f, "the compressed data is corrupt ({what})"),
            InflateError::TooLarge(limit) => write!(
                f,
                "the compressed data expands beyond {} MB; refused",
                limit / (1024 * 1024)
            ),
        }
    }
}

struct BitReader<'a> {
    data: &'a [u8],
    pos: usize,
    bits: u32,
    count: u32,
}

impl BitReader<'_> {
    fn bits(&mut self, need: u32) -> Result<u32, InflateError> {
        while self.count < need {
            let byte = *self.data.get(self.pos).ok_or(InflateError::Truncated)?;
            self.pos += 1;
            self.bits |= u32::from(byte) << self.count;
            self.count += 8;
        }
        let value = self.bits & ((1u32 << need) - 1);
        self.bits = self.bits.checked_shr(need).unwrap_or(0);
        self.count -= need;
        Ok(value)
    }
}

const MAX_BITS: usize = 15;

/// A canonical Huffman code: how many symbols have each length, and the symbols ordered by
/// (length, value), as RFC 1951 section 3.2.2 builds it.
struct Huffman {
    counts: [u16; MAX_BITS + 1],
    symbols: Vec<u16>,
}

impl Huffman {
    /// Builds the code from each symbol's bit length (0: unused). `complete` demands that the
    /// lengths fill the code space exactly, except for the one-code case RFC 1951 allows.
    #[allow(
        clippy::indexing_slicing,
        reason = "code lengths are at most MAX_BITS (4-bit and 3-bit fields of the format), stored headers are fetched as 4 bytes with `get`, and CLEN_ORDER holds indices below 19"
    )]
    fn new(lengths: &[u8]) -> Result<Huffman, InflateError> {
        let mut counts = [0u16; MAX_BITS + 1];
        for &len in lengths {
            let slot = counts
                .get_mut(usize::from(len))
                .ok_or(InflateError::Invalid("code length over 15"))?;
            *slot += 1;
        }
        counts[0] = 0;
        let mut left: i32 = 1;
        for &count in counts.iter().skip(1) {
            left = left * 2 - i32::from(count);
            if left < 0 {
                return Err(InflateError::Invalid("over-subscribed code"));
            }
        }
        let mut offsets = [0u16; MAX_BITS + 2];
        for len in 1..=MAX_BITS {
            offsets[len + 1] = offsets[len] + counts[len];
        }
        let mut symbols = vec![0u16; lengths.len()];
        for (symbol, &len) in lengths.iter().enumerate() {
            if len != 0 {
                let at = &mut offsets[usize::from(len)];
                if let Some(slot) = symbols.get_mut(usize::from(*at)) {
                    *slot = symbol as u16;
                }
                *at += 1;
            }
        }
        Ok(Huffman { counts, symbols })
    }

    #[allow(
        clippy::indexing_slicing,
        reason = "code lengths are at most MAX_BITS (4-bit and 3-bit fields of the format), stored headers are fetched as 4 bytes with `get`, and CLEN_ORDER holds indices below 19"
    )]
    fn decode(&self, r: &mut BitReader) -> Result<u16, InflateError> {
        let (mut code, mut first, mut index) = (0i32, 0i32, 0i32);
        for len in 1..=MAX_BITS {
            code |= r.bits(1)? as i32;
            let count = i32::from(self.counts[len]);
            if code - first < count {
                let at = (index + code - first) as usize;
                return self
                    .symbols
                    .get(at)
                    .copied()
                    .ok_or(InflateError::Invalid("bad code"));
            }
            index += count;
            first = (first + count) << 1;
            code <<= 1;
        }
        Err(InflateError::Invalid("code not in the table"))
    }
}

/// The order in which code-length code lengths are sent (RFC 1951 section 3.2.7).
const CLEN_ORDER: [usize; 19] = [
    16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15,
];

/// Decompresses raw DEFLATE `data`, refusing output longer than `limit` bytes. Bytes after the
/// final block are ignored, as zlib ignores them.
pub fn inflate(data: &[u8], limit: usize) -> Result<Vec<u8>, InflateError> {
    let mut r = BitReader {
        data,
        pos: 0,
        bits: 0,
        count: 0,
    };
    let mut out = Vec::new();
    loop {
        let last = r.bits(1)? == 1;
        match r.bits(2)? {
            0 => stored(&mut r, &mut out, limit)?,
            1 => {
                let (lit, dist) = fixed_codes()?;
                codes(&mut r, &mut out, limit, &lit, &dist)?;
            }
            2 => {
                let (lit, dist) = dynamic_codes(&mut r)?;
                codes(&mut r, &mut out, limit, &lit, &dist)?;
            }
            _ => return Err(InflateError::Invalid("block type 3")),
        }
        if last {
            return Ok(out);
        }
    }
}

#[allow(
    clippy::indexing_slicing,
    reason = "code lengths are at most MAX_BITS (4-bit and 3-bit fields of the format), stored headers are fetched as 4 bytes with `get`, and CLEN_ORDER holds indices below 19"
)]
fn stored(r: &mut BitReader, out: &mut Vec<u8>, limit: usize) -> Result<(), InflateError> {
    // Skip to the byte boundary: the remaining bits of the current byte are padding.
    r.bits = 0;
    r.count = 0;
    let header = r
        .data
        .get(r.pos..r.pos + 4)
        .ok_or(InflateError::Truncated)?;
    let len = u16::from_le_bytes([header[0], header[1]]);
    let nlen = u16::from_le_bytes([header[2], header[3]]);
    if len != !nlen {
        return Err(InflateError::Invalid("stored block length check"));
    }
    r.pos += 4;
    let len = usize::from(len);
    let bytes = r
        .data
        .get(r.pos..r.pos + len)
        .ok_or(InflateError::Truncated)?;
    if out.len() + len > limit {
        return Err(InflateError::TooLarge(limit));
    }
    out.extend_from_slice(bytes);
    r.pos += len;
    Ok(())
}

fn fixed_codes() -> Result<(Huffman, Huffman), InflateError> {
    let mut lengths = [0u8; 288];
    for (symbol, len) in lengths.iter_mut().enumerate() {
        *len = match symbol {
            0..=143 => 8,
            144..=255 => 9,
            256..=279 => 7,
            _ => 8,
        };
    }
    Ok((Huffman::new(&lengths)?, Huffman::new(&[5u8; 30])?))
}

#[allow(
    clippy::indexing_slicing,
    reason = "code lengths are at most MAX_BITS (4-bit and 3-bit fields of the format), stored headers are fetched as 4 bytes with `get`, and CLEN_ORDER holds indices below 19"
)]
fn dynamic_codes(r: &mut BitReader) -> Result<(Huffman, Huffman), InflateError> {
    let nlen = r.bits(5)? as usize + 257;
    let ndist = r.bits(5)? as usize + 1;
    let ncode = r.bits(4)? as usize + 4;
    if nlen > 286 || ndist > 30 {
        return Err(InflateError::Invalid("too many length or distance codes"));
    }
    let mut clens = [0u8; 19];
    for &at in CLEN_ORDER.iter().take(ncode) {
        clens[at] = r.bits(3)? as u8;
    }
    let clen_code = Huffman::new(&clens)?;
    let mut lengths = vec![0u8; nlen + ndist];
    let mut i = 0;
    while i < lengths.len() {
        let symbol = clen_code.decode(r)?;
        let (value, repeat) = match symbol {
            0..=15 => (symbol as u8, 1),
            16 => {
                let previous = *i
                    .checked_sub(1)
                    .and_then(|p| lengths.get(p))
                    .ok_or(InflateError::Invalid("repeat with no previous length"))?;
                (previous, 3 + r.bits(2)? as usize)
            }
            17 => (0, 3 + r.bits(3)? as usize),
            _ => (0, 11 + r.bits(7)? as usize),
        };
        if i + repeat > lengths.len() {
            return Err(InflateError::Invalid("too many code lengths"));
        }
        for slot in lengths.iter_mut().skip(i).take(repeat) {
            *slot = value;
        }
        i += repeat;
    }
    if lengths.get(256).copied().unwrap_or(0) == 0 {
        return Err(InflateError::Invalid("no end-of-block code"));
    }
    let (lit, dist) = lengths.split_at(nlen);
    Ok((Huffman::new(lit)?, Huffman::new(dist)?))
}

fn codes(
    r: &mut BitReader,
    out: &mut Vec<u8>,
    limit: usize,
    lit: &Huffman,
    dist: &Huffman,
) -> Result<(), InflateError> {
    loop {
        let symbol = lit.decode(r)?;
        match symbol {
            0..=255 => {
                if out.len() >= limit {
                    return Err(InflateError::TooLarge(limit));
                }
                out.push(symbol as u8);
            }
            256 => return Ok(()),
            _ => {
                let li = usize::from(symbol - 257);
                let base = *LENGTH_BASE
                    .get(li)
                    .ok_or(InflateError::Invalid("length symbol out of range"))?;
                let extra = LENGTH_EXTRA.get(li).copied().unwrap_or(0);
                let length = usize::from(base) + r.bits(u32::from(extra))? as usize;
                let di = usize::from(dist.decode(r)?);
                let base = *DIST_BASE
                    .get(di)
                    .ok_or(InflateError::Invalid("distance symbol out of range"))?;
                let extra = DIST_EXTRA.get(di).copied().unwrap_or(0);
                let distance = usize::from(base) + r.bits(u32::from(extra))? as usize;
                if distance > out.len() {
                    return Err(InflateError::Invalid("distance before the start"));
                }
                if out.len() + length > limit {
                    return Err(InflateError::TooLarge(limit));
                }
                let start = out.len() - distance;
                // Byte by byte: a match may overlap the bytes it produces.
                for k in 0..length {
                    let byte = out.get(start + k).copied().unwrap_or(0);
                    out.push(byte);
                }
            }
        }
    }
}
