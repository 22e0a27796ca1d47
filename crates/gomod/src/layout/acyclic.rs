//! Cycle breaking with the greedy heuristic of Eades, Lin and Smyth: nodes are taken off the
//! graph one by one, sinks to the end of a sequence and sources to its front, and when neither
//! is left the node whose outgoing edges most outnumber its incoming ones goes to the front.
//! Edges pointing backwards in the sequence are reversed. This reverses few edges (a depth-first
//! search can reverse several edges of one cycle where one would do), and a main module, being a
//! source, comes first. Module graphs rarely have cycles (go allows them).

/// The edges, in input order, each oriented so that the result has no cycle.
pub(super) fn orient(n: usize, edges: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut succ: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut pred: Vec<Vec<usize>> = vec![Vec::new(); n];
    for &(a, b) in edges {
        if let (Some(s), Some(p)) = (succ.get_mut(a), pred.get_mut(b)) {
            s.push(b);
            p.push(a);
        }
    }
    let mut indegree: Vec<usize> = pred.iter().map(Vec::len).collect();
    let mut outdegree: Vec<usize> = succ.iter().map(Vec::len).collect();
    let mut removed = vec![false; n];
    // Positions in the final sequence: the front grows from 0, the back from n - 1 down.
    let mut rank = vec![0usize; n];
    let (mut front, mut back) = (0usize, n);
    let mut left = n;
    while left > 0 {
        // Lowest index first everywhere, so the result is deterministic.
        let pick = (0..n)
            .filter(|&v| !removed.get(v).copied().unwrap_or(true))
            .map(|v| {
                let (i, o) = (
                    indegree.get(v).copied().unwrap_or(0),
                    outdegree.get(v).copied().unwrap_or(0),
                );
                // Sinks go to the back; sources, then the most "outgoing", to the front.
                let class = if o == 0 {
                    0
                } else if i == 0 {
                    1
                } else {
                    2
                };
                (class, o as isize - i as isize, v)
            })
            .min_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
        let Some((class, _, v)) = pick else { break };
        if class == 0 {
            back -= 1;
            if let Some(r) = rank.get_mut(v) {
                *r = back;
            }
        } else {
            if let Some(r) = rank.get_mut(v) {
                *r = front;
            }
            front += 1;
        }
        if let Some(r) = removed.get_mut(v) {
            *r = true;
        }
        left -= 1;
        for &w in succ.get(v).map(Vec::as_slice).unwrap_or_default() {
            if let Some(d) = indegree.get_mut(w) {
                *d = d.saturating_sub(1);
            }
        }
        for &u in pred.get(v).map(Vec::as_slice).unwrap_or_default() {
            if let Some(d) = outdegree.get_mut(u) {
                *d = d.saturating_sub(1);
            }
        }
    }
    let rank_of = |v: usize| rank.get(v).copied().unwrap_or(0);
    edges
        .iter()
        .map(|&(a, b)| {
            if rank_of(a) > rank_of(b) {
                (b, a)
            } else {
                (a, b)
            }
        })
        .collect()
}
/// Cycle breaking by depth-first search from every node in index order: an edge into a node
/// still on the search stack closes a cycle and is reversed. From the main module (node 0 in
/// the module graphs drawn) this keeps requirements pointing down.
/// `last_first` walks each node's edges from the last to the first, which reverses other edges
/// of some cycles.
pub(super) fn orient_depth_first(
    n: usize,
    edges: &[(usize, usize)],
    last_first: bool,
) -> Vec<(usize, usize)> {
    let mut out_edges: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (i, &(a, _)) in edges.iter().enumerate() {
        if let Some(list) = out_edges.get_mut(a) {
            list.push(i);
        }
    }
    if last_first {
        out_edges.iter_mut().for_each(|list| list.reverse());
    }
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        OnStack,
        Done,
    }
    let mut mark = vec![Mark::New; n];
    let mut reversed = vec![false; edges.len()];
    for start in 0..n {
        if mark.get(start) != Some(&Mark::New) {
            continue;
        }
        // Each frame: a node and the position of the next outgoing edge to look at.
        let mut stack: Vec<(usize, usize)> = vec![(start, 0)];
        if let Some(m) = mark.get_mut(start) {
            *m = Mark::OnStack;
        }
        while let Some(&mut (v, ref mut next)) = stack.last_mut() {
            let edge = out_edges.get(v).and_then(|l| l.get(*next)).copied();
            *next += 1;
            let Some(e) = edge else {
                if let Some(m) = mark.get_mut(v) {
                    *m = Mark::Done;
                }
                stack.pop();
                continue;
            };
            let Some(&(_, w)) = edges.get(e) else {
                continue;
            };
            match mark.get(w) {
                Some(Mark::New) => {
                    if let Some(m) = mark.get_mut(w) {
                        *m = Mark::OnStack;
                    }
                    stack.push((w, 0));
                }
                Some(Mark::OnStack) => {
                    if let Some(r) = reversed.get_mut(e) {
                        *r = true;
                    }
                }
                _ => {}
            }
        }
    }
    edges
        .iter()
        .zip(&reversed)
        .map(|(&(a, b), &r)| if r { (b, a) } else { (a, b) })
        .collect()
}
