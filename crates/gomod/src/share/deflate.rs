//! A raw DEFLATE (RFC 1951) compressor: LZ77 over a 32 KB window with hash chains, written as one
//! block with the fixed Huffman codes of RFC 1951 section 3.2.6.
//!
//! Fixed codes keep this small (no code-length tables to build or send); share links hold text
//! full of repeated module paths, where the matches do most of the work. The output is plain
//! raw DEFLATE that any inflater reads (zlib with `wbits = -15`, the browser's
//! `DecompressionStream('deflate-raw')`).

use super::tables::{DIST_BASE, DIST_EXTRA, LENGTH_BASE, LENGTH_EXTRA};

const WINDOW: usize = 32 * 1024;
const MIN_MATCH: usize = 3;
const MAX_MATCH: usize = 258;
const HASH_BITS: u32 = 15;
/// How many earlier positions with the same hash are tried: enough for text with many similar
/// lines, bounded so that hostile input cannot make compression quadratic.
const MAX_CHAIN: usize = 256;
/// No position in the chains (`usize::MAX` would also do; this keeps the tables compact).
const NONE: u32 = u32::MAX;

/// Writes bits least-significant first, as DEFLATE packs them.
struct BitWriter {
    out: Vec<u8>,
    bits: u64,
    count: u32,
}

impl BitWriter {
    fn put(&mut self, value: u32, count: u32) {
        self.bits |= u64::from(value) << self.count;
        self.count += count;
        while self.count >= 8 {
            self.out.push(self.bits as u8);
            self.bits >>= 8;
            self.count -= 8;
        }
    }

    /// A Huffman code: its bits are sent most-significant first.
    fn put_code(&mut self, code: u32, len: u32) {
        let mut reversed = 0;
        for i in 0..len {
            reversed |= ((code >> i) & 1) << (len - 1 - i);
        }
        self.put(reversed, len);
    }

    fn finish(mut self) -> Vec<u8> {
        if self.count > 0 {
            self.out.push(self.bits as u8);
        }
        self.out
    }
}

/// The fixed literal/length code of symbol `sym` (0..=287): (code, bit length).
fn fixed_literal(sym: u32) -> (u32, u32) {
    match sym {
        0..=143 => (0x30 + sym, 8),
        144..=255 => (0x190 + (sym - 144), 9),
        256..=279 => (sym - 256, 7),
        _ => (0xc0 + (sym - 280), 8),
    }
}

fn put_literal(w: &mut BitWriter, byte: u8) {
    let (code, len) = fixed_literal(u32::from(byte));
    w.put_code(code, len);
}

fn put_match(w: &mut BitWriter, length: usize, distance: usize) {
    // The last table entry whose base does not exceed the value is its code.
    let li = LENGTH_BASE
        .iter()
        .rposition(|&b| usize::from(b) <= length)
        .unwrap_or(0);
    let (code, len) = fixed_literal(257 + li as u32);
    w.put_code(code, len);
    let base = LENGTH_BASE.get(li).copied().unwrap_or(3);
    let extra = LENGTH_EXTRA.get(li).copied().unwrap_or(0);
    w.put((length - usize::from(base)) as u32, u32::from(extra));
    let di = DIST_BASE
        .iter()
        .rposition(|&b| usize::from(b) <= distance)
        .unwrap_or(0);
    w.put_code(di as u32, 5);
    let base = DIST_BASE.get(di).copied().unwrap_or(1);
    let extra = DIST_EXTRA.get(di).copied().unwrap_or(0);
    w.put((distance - usize::from(base)) as u32, u32::from(extra));
}

fn hash3(data: &[u8], i: usize) -> usize {
    match data.get(i..i + MIN_MATCH) {
        Some(&[a, b, c]) => {
            let v = u32::from(a) << 16 | u32::from(b) << 8 | u32::from(c);
            (v.wrapping_mul(0x9e37_79b1) >> (32 - HASH_BITS)) as usize
        }
        _ => 0,
    }
}

/// The length of the common prefix of `data[a..]` and `data[b..]`, at most [`MAX_MATCH`].
fn common_length(data: &[u8], a: usize, b: usize) -> usize {
    let (Some(x), Some(y)) = (data.get(a..), data.get(b..)) else {
        return 0;
    };
    x.iter()
        .zip(y)
        .take(MAX_MATCH)
        .take_while(|(p, q)| p == q)
        .count()
}

/// Compresses `data` into raw DEFLATE.
pub fn deflate(data: &[u8]) -> Vec<u8> {
    let mut w = BitWriter {
        out: Vec::with_capacity(data.len() / 2 + 16),
        bits: 0,
        count: 0,
    };
    // One final block (BFINAL = 1) with fixed codes (BTYPE = 01).
    w.put(1, 1);
    w.put(1, 2);
    let mut head = vec![NONE; 1 << HASH_BITS];
    let mut prev = vec![NONE; WINDOW];
    let insert = |head: &mut Vec<u32>, prev: &mut Vec<u32>, i: usize| {
        if i + MIN_MATCH > data.len() {
            return;
        }
        let h = hash3(data, i);
        if let (Some(slot), Some(link)) = (head.get_mut(h), prev.get_mut(i % WINDOW)) {
            *link = *slot;
            *slot = i as u32;
        }
    };
    let mut i = 0;
    while i < data.len() {
        let mut best_len = 0;
        let mut best_dist = 0;
        if i + MIN_MATCH <= data.len() {
            let mut candidate = head.get(hash3(data, i)).copied().unwrap_or(NONE);
            let mut tries = 0;
            while candidate != NONE && tries < MAX_CHAIN {
                let c = candidate as usize;
                if c >= i || i - c > WINDOW - 1 {
                    break;
                }
                let len = common_length(data, c, i);
                if len > best_len {
                    best_len = len;
                    best_dist = i - c;
                    if len == MAX_MATCH {
                        break;
                    }
                }
                let next = prev.get(c % WINDOW).copied().unwrap_or(NONE);
                // A link to a position at or after this one was overwritten by a newer position
                // in the same window slot: the chain ends here.
                if next != NONE && next as usize >= c {
                    break;
                }
                candidate = next;
                tries += 1;
            }
        }
        if best_len >= MIN_MATCH {
            put_match(&mut w, best_len, best_dist);
            for j in i..i + best_len {
                insert(&mut head, &mut prev, j);
            }
            i += best_len;
        } else {
            if let Some(&byte) = data.get(i) {
                put_literal(&mut w, byte);
            }
            insert(&mut head, &mut prev, i);
            i += 1;
        }
    }
    let (code, len) = fixed_literal(256);
    w.put_code(code, len);
    w.finish()
}
