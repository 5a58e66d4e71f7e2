//! Keys for the blocks of a statement list that follow each statement from one version of
//! the program to the next (the block editor reads the program again after every edit), so
//! that Yew moves, adds or redraws only the blocks an edit changed. Plain Rust, tested
//! natively.

/// A statement's text as a number (FNV-1a), to match statements between two versions of a
/// list.
pub fn text_hash(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ b as u64).wrapping_mul(0x100_0000_01b3))
}

/// Keys that follow a list's statements from one version of the list to the next, so that
/// an edit moves, adds or redraws only the blocks it changed: a statement keeps its key while
/// its text is the same, wherever it moves; one changed in place keeps the key it had (and
/// with it the blocks nested in it); a new one gets a new key.
#[derive(Default)]
pub struct ListKeys {
    /// The list as last drawn: each statement's text hash and key.
    last: Vec<(u64, u64)>,
    next: u64,
}

impl ListKeys {
    /// The keys for the list now, given each statement's text hash, in order.
    pub fn assign(&mut self, hashes: &[u64]) -> Vec<u64> {
        let old = std::mem::take(&mut self.last);
        let (o, n) = (old.len(), hashes.len());
        // The unchanged start and end keep their keys.
        let mut start = 0;
        while start < o.min(n) && old[start].0 == hashes[start] {
            start += 1;
        }
        let mut end = 0;
        while start + end < o.min(n) && old[o - 1 - end].0 == hashes[n - 1 - end] {
            end += 1;
        }
        let mut spare = old[start..o - end].to_vec();
        let now = &hashes[start..n - end];
        // One statement moved from one end of the change to the other (dragging a block
        // within its list): turned the same way, the others find their own keys in order.
        match (spare.first(), spare.last(), now.first(), now.last()) {
            (Some(first), _, _, Some(last)) if first.0 == *last => spare.rotate_left(1),
            (_, Some(last), Some(first), _) if last.0 == *first => spare.rotate_right(1),
            _ => {}
        }
        // Statements found again by their text keep their keys; those changed in place take
        // the keys left over, in order; new ones get new keys.
        let mut keys: Vec<u64> = old[..start].iter().map(|k| k.1).collect();
        let mut unkeyed = Vec::new();
        for h in now {
            match spare.iter().position(|s| s.0 == *h) {
                Some(i) => keys.push(spare.remove(i).1),
                None => {
                    unkeyed.push(keys.len());
                    keys.push(0);
                }
            }
        }
        let mut left = spare.into_iter();
        for i in unkeyed {
            keys[i] = match left.next() {
                Some(k) => k.1,
                None => {
                    self.next += 1;
                    self.next
                }
            };
        }
        keys.extend(old[o - end..].iter().map(|k| k.1));
        self.last = hashes.iter().copied().zip(keys.iter().copied()).collect();
        keys
    }
}

#[cfg(test)]
mod tests {
    use super::ListKeys;

    /// Whether `after` is `before` with one key moved (one element moved in the page).
    fn one_moved(before: &[u64], after: &[u64]) -> bool {
        before.iter().any(|k| {
            let without = |l: &[u64]| l.iter().filter(|x| *x != k).copied().collect::<Vec<_>>();
            without(before) == without(after)
        })
    }

    fn unique(keys: &[u64]) -> bool {
        keys.iter().enumerate().all(|(i, k)| !keys[..i].contains(k))
    }

    #[test]
    fn keys_follow_statements_through_edits() {
        let mut list = ListKeys::default();
        // A long run of the same two statements, as in a pupil's repeated steps.
        let first: Vec<u64> = (0..20).map(|i| i % 2).collect();
        let keys = list.assign(&first);
        assert!(unique(&keys));
        // One put at the top: every other statement keeps its key.
        let mut second = first.clone();
        second.insert(0, 1);
        let after = list.assign(&second);
        assert_eq!(&after[1..], &keys[..]);
        assert!(unique(&after));
        // Moved from the top to the end, and back: the same keys, one of them moved.
        let mut third = second[1..].to_vec();
        third.push(1);
        let moved = list.assign(&third);
        assert!(one_moved(&after, &moved), "{after:?} → {moved:?}");
        let back = list.assign(&second);
        assert!(one_moved(&moved, &back), "{moved:?} → {back:?}");
        let moved = list.assign(&third);
        assert!(one_moved(&back, &moved), "{back:?} → {moved:?}");
        // Changed in place (a number typed into it): it keeps its key.
        let mut fourth = third.clone();
        fourth[7] = 99;
        assert_eq!(list.assign(&fourth), moved);
        // Taken out, then a new one: nothing reuses a key in the list.
        let fifth: Vec<u64> = fourth[..10].iter().copied().chain([5, 6]).collect();
        let last = list.assign(&fifth);
        assert!(unique(&last));
        assert_eq!(&last[..10], &moved[..10]);
        // A block moved in the middle of a list of different blocks.
        let mut list = ListKeys::default();
        let keys = list.assign(&[10, 11, 12, 13, 14, 15]);
        let moved = list.assign(&[10, 13, 11, 12, 14, 15]);
        assert_eq!(moved, [keys[0], keys[3], keys[1], keys[2], keys[4], keys[5]]);
    }
}
