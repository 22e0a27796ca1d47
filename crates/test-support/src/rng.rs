//! The one deterministic pseudo-random generator of the generated-input tests.
//!
//! The tests must be reproducible: every run prints (on failure) the seed it used, and
//! `GOMODPLAY_SEED=<n>` replays exactly that run. `GOMODPLAY_SEED=time` picks a fresh seed from the
//! clock, for exploratory runs. `GOMODPLAY_CASES=<n>` scales how many cases a test generates.
//! SplitMix64 is used because it is a few lines long, has no bad seeds and is plenty for test data.

/// The seed used when `GOMODPLAY_SEED` is unset: fixed, so that `make test` is deterministic.
pub const DEFAULT_SEED: u64 = 0x005e_ed0f_600d_f11e;

pub struct Rng {
    state: u64,
}

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng { state: seed }
    }

    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            return 0;
        }
        (self.next_u64() % n as u64) as usize
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi.saturating_sub(lo) + 1)
    }

    /// True with probability `percent`/100.
    pub fn chance(&mut self, percent: u32) -> bool {
        self.below(100) < percent as usize
    }

    /// One of `items` (which must not be empty), by value.
    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }

    /// One of `items` (which must not be empty), by reference.
    pub fn choose<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// True with probability `1/n`.
    pub fn one_in(&mut self, n: usize) -> bool {
        self.below(n) == 0
    }

    /// Shuffles `items` in place (Fisher-Yates).
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }

    /// An independent generator derived from this one, so that each case can be replayed alone.
    pub fn fork(&mut self) -> Rng {
        Rng::new(self.next_u64())
    }
}

/// The run's seed: `GOMODPLAY_SEED` (a decimal or 0x-prefixed number, or `time`), else the default.
pub fn seed_from_env() -> u64 {
    seed_or(DEFAULT_SEED)
}

/// The run's seed: `GOMODPLAY_SEED` as for [`seed_from_env`], else the test's own `default`.
pub fn seed_or(default: u64) -> u64 {
    match std::env::var("GOMODPLAY_SEED") {
        Ok(text) => parse_seed(text.trim()).unwrap_or_else(|| {
            panic!("GOMODPLAY_SEED={text:?} is not a number (decimal, 0x-hex) or `time`")
        }),
        Err(_) => default,
    }
}

fn parse_seed(text: &str) -> Option<u64> {
    if text == "time" {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or(1);
        return Some(nanos);
    }
    match text.strip_prefix("0x") {
        Some(hex) => u64::from_str_radix(hex, 16).ok(),
        None => text.parse().ok(),
    }
}

/// How many cases to generate: `GOMODPLAY_CASES` if set, else `default`.
pub fn cases_from_env(default: usize) -> usize {
    std::env::var("GOMODPLAY_CASES")
        .ok()
        .and_then(|text| text.trim().parse().ok())
        .unwrap_or(default)
}
