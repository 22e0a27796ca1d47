//! Go's `slices.SortStableFunc`, step for step (insertion sort of runs of 20, then SymMerge).
//!
//! A different stable sort gives the same result only when the comparison is a consistent
//! ordering. Some go.mod comparisons are not (an exclude block mixing well-formed and odd lines
//! is compared partly semantically, partly as text), so the exact algorithm matters for
//! byte-identical output. It also never panics, whatever the comparison answers.

use std::cmp::Ordering;

struct Sorter<'a, T, F> {
    data: &'a mut [T],
    cmp: F,
}

impl<T, F: FnMut(&T, &T) -> Ordering> Sorter<'_, T, F> {
    fn less(&mut self, i: usize, j: usize) -> bool {
        match (self.data.get(i), self.data.get(j)) {
            (Some(x), Some(y)) => (self.cmp)(x, y) == Ordering::Less,
            _ => false,
        }
    }

    fn swap(&mut self, i: usize, j: usize) {
        if i < self.data.len() && j < self.data.len() {
            self.data.swap(i, j);
        }
    }

    fn insertion_sort(&mut self, a: usize, b: usize) {
        for i in a + 1..b {
            let mut j = i;
            while j > a && self.less(j, j - 1) {
                self.swap(j, j - 1);
                j -= 1;
            }
        }
    }

    fn swap_range(&mut self, a: usize, b: usize, n: usize) {
        for i in 0..n {
            self.swap(a + i, b + i);
        }
    }

    /// Turns `x u v y` into `x v u y` for `u = data[a..m]`, `v = data[m..b]`.
    fn rotate(&mut self, a: usize, m: usize, b: usize) {
        let mut i = m - a;
        let mut j = b - m;
        while i != j {
            if i > j {
                self.swap_range(m - i, m, j);
                i -= j;
            } else {
                self.swap_range(m - i, m + j - i, i);
                j -= i;
            }
        }
        self.swap_range(m - i, m, i);
    }

    /// Merges the sorted runs `data[a..m]` and `data[m..b]` (requires `a < m < b`).
    fn sym_merge(&mut self, a: usize, m: usize, b: usize) {
        if m - a == 1 {
            // Insert data[a] before the first element of data[m..b] that is not less than it.
            let (mut i, mut j) = (m, b);
            while i < j {
                let h = (i + j) / 2;
                if self.less(h, a) {
                    i = h + 1;
                } else {
                    j = h;
                }
            }
            for k in a..i.saturating_sub(1) {
                self.swap(k, k + 1);
            }
            return;
        }
        if b - m == 1 {
            // Insert data[m] before the first element of data[a..m] that is greater than it.
            let (mut i, mut j) = (a, m);
            while i < j {
                let h = (i + j) / 2;
                if !self.less(m, h) {
                    i = h + 1;
                } else {
                    j = h;
                }
            }
            let mut k = m;
            while k > i {
                self.swap(k, k - 1);
                k -= 1;
            }
            return;
        }
        let mid = (a + b) / 2;
        let n = mid + m;
        let (mut start, mut r) = if m > mid { (n - b, mid) } else { (a, m) };
        let p = n - 1;
        while start < r {
            let c = (start + r) / 2;
            if !self.less(p - c, c) {
                start = c + 1;
            } else {
                r = c;
            }
        }
        let end = n - start;
        if start < m && m < end {
            self.rotate(start, m, end);
        }
        if a < start && start < mid {
            self.sym_merge(a, start, mid);
        }
        if mid < end && end < b {
            self.sym_merge(mid, end, b);
        }
    }
}

/// Sorts `data` stably with `cmp`, producing exactly what Go's `slices.SortStableFunc` does.
pub(crate) fn sort_stable_by<T>(data: &mut [T], cmp: impl FnMut(&T, &T) -> Ordering) {
    let n = data.len();
    let mut s = Sorter { data, cmp };
    let mut block = 20;
    let (mut a, mut b) = (0, block);
    while b <= n {
        s.insertion_sort(a, b);
        a = b;
        b += block;
    }
    s.insertion_sort(a, n);
    while block < n {
        a = 0;
        b = 2 * block;
        while b <= n {
            s.sym_merge(a, a + block, b);
            a = b;
            b += 2 * block;
        }
        let m = a + block;
        if m < n {
            s.sym_merge(a, m, n);
        }
        block *= 2;
    }
}

#[cfg(test)]
mod tests {
    use super::sort_stable_by;

    #[test]
    fn sorts_stably() {
        let mut v: Vec<(u32, usize)> = (0..200).map(|i| ((i * 7919 % 13) as u32, i)).collect();
        let mut want = v.clone();
        want.sort_by_key(|p| p.0);
        sort_stable_by(&mut v, |x, y| x.0.cmp(&y.0));
        assert_eq!(v, want);
    }

    #[test]
    fn survives_inconsistent_comparisons() {
        let mut v: Vec<u32> = (0..100).collect();
        let mut flip = false;
        sort_stable_by(&mut v, |_, _| {
            flip = !flip;
            if flip {
                std::cmp::Ordering::Less
            } else {
                std::cmp::Ordering::Greater
            }
        });
        v.sort_unstable();
        assert_eq!(v, (0..100).collect::<Vec<_>>());
    }
}
