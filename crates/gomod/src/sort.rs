//! A small stable sort shared by every caller, to keep the WebAssembly bundle small.
//!
//! The standard library's sort is fast but large, and it is compiled anew for every element type
//! and every comparison closure: the web bundle carried about fifty copies of it. Here the sorting
//! itself (a bottom-up merge sort of element indices) is compiled once; each call site adds only a
//! short wrapper that compares two elements by index and then moves the elements into place.
//! The lists sorted in this project are short (modules of one build, diagnostics of one file), so
//! the extra index indirection costs nothing noticeable.

use std::cmp::Ordering;

/// Sorts `data` stably (equal elements keep their order) with the comparison `cmp`.
/// Never panics, even when `cmp` is not a consistent ordering.
pub fn sort_by<T>(data: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    let order = {
        let items: &[T] = data;
        sorted_indices(
            items.len(),
            &mut |i, j| match (items.get(i), items.get(j)) {
                (Some(a), Some(b)) => cmp(a, b),
                _ => Ordering::Equal,
            },
        )
    };
    permute(data, order);
}

/// Sorts `data` stably by the key `key` computes for each element.
pub fn sort_by_key<T, K: Ord>(data: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(data, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `data` stably in its natural order.
pub fn sort<T: Ord>(data: &mut [T]) {
    sort_by(data, T::cmp);
}

/// Sorts `data` stably by `cmp` and yields its runs of elements `cmp` finds equal: the groups a
/// map keyed by what `cmp` compares would hold, in key order, each in its original order. The
/// rules group this way rather than through B-tree maps, whose code each key type would copy.
pub fn groups_by<'a, T, F>(data: &'a mut [T], cmp: F) -> impl Iterator<Item = &'a [T]>
where
    T: 'a,
    F: Fn(&T, &T) -> Ordering + 'a,
{
    sort_by(data, &cmp);
    let data: &'a [T] = data;
    data.chunk_by(move |a, b| cmp(a, b) == Ordering::Equal)
}

/// The indices `0..n` ordered stably by `cmp`: position `k` of the result names the element that
/// belongs at position `k`. Not generic, so it exists once in the binary.
fn sorted_indices(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    // Runs of up to 20 are insertion-sorted first, as Go's sorts and the standard library's do
    // for short lists: comparisons that are not a consistent ordering (Go's version comparisons of
    // malformed versions) then still give go's order, which the x/mod oracle tests check.
    let mut width = 20;
    for run in order.chunks_mut(width) {
        for i in 1..run.len() {
            let mut j = i;
            while j > 0 {
                let (Some(&prev), Some(&cur)) = (run.get(j - 1), run.get(j)) else {
                    break;
                };
                if cmp(cur, prev) != Ordering::Less {
                    break;
                }
                run.swap(j - 1, j);
                j -= 1;
            }
        }
    }
    let mut buffer: Vec<usize> = Vec::with_capacity(n);
    while width < n {
        buffer.clear();
        let mut start = 0;
        while start < n {
            let mid = start.saturating_add(width).min(n);
            let end = mid.saturating_add(width).min(n);
            let (left, right) = (order.get(start..mid), order.get(mid..end));
            let (Some(left), Some(right)) = (left, right) else {
                break;
            };
            let (mut i, mut j) = (0, 0);
            while let (Some(&a), Some(&b)) = (left.get(i), right.get(j)) {
                // Taking from the left run on ties keeps the sort stable.
                if cmp(b, a) == Ordering::Less {
                    buffer.push(b);
                    j += 1;
                } else {
                    buffer.push(a);
                    i += 1;
                }
            }
            buffer.extend_from_slice(left.get(i..).unwrap_or_default());
            buffer.extend_from_slice(right.get(j..).unwrap_or_default());
            start = end;
        }
        std::mem::swap(&mut order, &mut buffer);
        width = width.saturating_mul(2);
    }
    order
}

/// Rearranges `data` so that position `k` holds the element that was at `order[k]`, following the
/// permutation's cycles with swaps. `order` must be a permutation of `0..data.len()`.
fn permute<T>(data: &mut [T], mut order: Vec<usize>) {
    let n = data.len().min(order.len());
    for start in 0..n {
        let mut at = start;
        while let Some(slot) = order.get_mut(at) {
            let from = std::mem::replace(slot, at);
            if from == start || from >= n {
                break;
            }
            data.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{groups_by, sort, sort_by, sort_by_key};

    #[test]
    fn sorts_stably_like_the_standard_library() {
        for n in [0usize, 1, 2, 3, 7, 20, 33, 200] {
            let mut v: Vec<(u32, usize)> = (0..n).map(|i| ((i * 7919 % 13) as u32, i)).collect();
            let mut want = v.clone();
            want.sort_by_key(|p| p.0);
            sort_by_key(&mut v, |p| p.0);
            assert_eq!(v, want, "n = {n}");
            let mut reversed = want.clone();
            reversed.reverse();
            let mut want_reversed = reversed.clone();
            want_reversed.sort_by_key(|p| std::cmp::Reverse(p.0));
            sort_by(&mut reversed, |a, b| b.0.cmp(&a.0));
            assert_eq!(reversed, want_reversed, "n = {n}");
        }
        let mut words = vec!["pear", "apple", "fig", "apple", "kiwi"];
        sort(&mut words);
        assert_eq!(words, ["apple", "apple", "fig", "kiwi", "pear"]);
    }

    #[test]
    fn groups_come_in_key_order_each_in_input_order() {
        let mut v = vec![("b", 1), ("a", 2), ("b", 3), ("c", 4), ("a", 5)];
        let groups: Vec<Vec<(&str, i32)>> = groups_by(&mut v, |x, y| x.0.cmp(y.0))
            .map(<[_]>::to_vec)
            .collect();
        assert_eq!(
            groups,
            [
                vec![("a", 2), ("a", 5)],
                vec![("b", 1), ("b", 3)],
                vec![("c", 4)]
            ]
        );
        let mut empty: Vec<u8> = Vec::new();
        assert_eq!(groups_by(&mut empty, u8::cmp).count(), 0);
    }

    #[test]
    fn survives_inconsistent_comparisons() {
        let mut v: Vec<u32> = (0..100).collect();
        let mut flip = false;
        sort_by(&mut v, |_, _| {
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
