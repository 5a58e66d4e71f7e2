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
        let same = |(o, h): (&(u64, u64), &u64)| o.0 == *h;
        let start = old.iter().zip(hashes).take_while(|p| same(*p)).count();
        let end =
            old[start..].iter().rev().zip(hashes[start..].iter().rev()).take_while(|p| same(*p)).count();
        let (was, now) = (&old[start..old.len() - end], &hashes[start..hashes.len() - end]);
        let middle = Self::moved_one(was, now).unwrap_or_else(|| self.matched(was, now));
        let keys: Vec<u64> = old[..start]
            .iter()
            .map(|o| o.1)
            .chain(middle)
            .chain(old[old.len() - end..].iter().map(|o| o.1))
            .collect();
        self.last = hashes.iter().copied().zip(keys.iter().copied()).collect();
        keys
    }

    /// One statement moved from one end of the changed part to the other (what dragging a
    /// block within its list does): every statement keeps its key, so one element moves.
    fn moved_one(was: &[(u64, u64)], now: &[u64]) -> Option<Vec<u64>> {
        let n = now.len();
        if was.len() != n || n < 2 {
            return None;
        }
        let same = |a: &[(u64, u64)], b: &[u64]| a.iter().zip(b).all(|(o, h)| o.0 == *h);
        let mut keys: Vec<u64> = was.iter().map(|o| o.1).collect();
        if same(&was[1..], &now[..n - 1]) && was[0].0 == now[n - 1] {
            keys.rotate_left(1);
            return Some(keys);
        }
        if same(&was[..n - 1], &now[1..]) && was[n - 1].0 == now[0] {
            keys.rotate_right(1);
            return Some(keys);
        }
        None
    }

    /// Otherwise: statements found again by their text, then those changed in place take the
    /// keys left over, in order; new ones get new keys.
    fn matched(&mut self, was: &[(u64, u64)], now: &[u64]) -> Vec<u64> {
        let mut spare: Vec<Option<u64>> = was.iter().map(|o| Some(o.1)).collect();
        let mut found: Vec<Option<u64>> = now
            .iter()
            .map(|h| {
                let i = was.iter().zip(&spare).position(|(o, k)| o.0 == *h && k.is_some())?;
                spare[i].take()
            })
            .collect();
        let mut left = spare.into_iter().flatten();
        for key in found.iter_mut().filter(|k| k.is_none()) {
            *key = Some(left.next().unwrap_or_else(|| {
                self.next += 1;
                self.next
            }));
        }
        found.into_iter().flatten().collect()
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
