//! Cycle breaking: a depth-first search from every node in index order; an edge into a node
//! still on the search stack closes a cycle and is reversed. Module graphs rarely have cycles
//! (go allows them), so this cheap rule is enough.

/// The edges, in input order, each oriented so that the result has no cycle.
pub(super) fn orient(n: usize, edges: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut out_edges: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (i, &(a, _)) in edges.iter().enumerate() {
        if let Some(list) = out_edges.get_mut(a) {
            list.push(i);
        }
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
