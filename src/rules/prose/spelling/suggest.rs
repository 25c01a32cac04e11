//! Corrections for an unknown word: candidates from the suggestion index
//! (a SymSpell-style index of each suggested word and its one-letter
//! deletions, compiled by `build.rs`), ranked by a typo model (a
//! weighted edit distance in which the mistakes people make cost less: a
//! vowel for a vowel, a neighbouring key, two letters swapped, a letter
//! doubled or dropped) and by how common each candidate is.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex};

use super::lexicon::{self, Known};
use super::tables::{self, hash_without, MAX_INDEXED_CHARS};

/// The index: entries sorted by key (see [`tables::entry`]).
static INDEX: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/suggestion_index"));

/// A candidate correction.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Candidate {
    /// The word.
    pub word: Known,
    /// Weighted edit distance from the unknown word.
    pub distance: f32,
    /// The distance less the bonus for a common word: lower is better.
    pub score: f32,
}

/// Candidates farther than this are not suggested.
const MAX_DISTANCE: f32 = 2.0;

/// How much a frequency class lowers a candidate's score.
const FREQUENCY_WEIGHT: f32 = 0.02;

/// Suggestions computed so far, per lower-case word.
static CACHE: LazyLock<Mutex<HashMap<String, Arc<Vec<Candidate>>>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

/// Most words whose suggestions are remembered.
const CACHE_LIMIT: usize = 1 << 16;

/// Candidates for the lower-case `word`, best first. Cached per word.
pub fn candidates(word: &str) -> Arc<Vec<Candidate>> {
    if let Ok(cache) = CACHE.lock() {
        if let Some(found) = cache.get(word) {
            return Arc::clone(found);
        }
    }
    let found = Arc::new(compute(word));
    if let Ok(mut cache) = CACHE.lock() {
        if cache.len() >= CACHE_LIMIT {
            cache.clear();
        }
        cache.insert(word.to_string(), Arc::clone(&found));
    }
    found
}

/// The entries of the index filed under `key`.
fn words_under(key: u32) -> impl Iterator<Item = u32> {
    let len = INDEX.len() / 8;
    let at = |i: usize| -> u64 {
        INDEX
            .get(i * 8..i * 8 + 8)
            .and_then(|b| b.try_into().ok())
            .map_or(u64::MAX, u64::from_le_bytes)
    };
    let first = tables::entry(key, 0);
    let (mut low, mut high) = (0, len);
    while low < high {
        let mid = (low + high) / 2;
        if at(mid) < first {
            low = mid + 1;
        } else {
            high = mid;
        }
    }
    (low..len)
        .map(at)
        .take_while(move |&e| (e >> 32) as u32 == key)
        .map(|e| e as u32)
}

fn compute(lower: &str) -> Vec<Candidate> {
    let chars: Vec<char> = lower.chars().collect();
    if chars.len() < 2 || chars.len() > MAX_INDEXED_CHARS {
        return Vec::new();
    }
    // The word and its deletions of one and two letters, against each
    // indexed word and its deletions of one letter: every word within
    // two edits of most kinds.
    let mut keys = vec![hash_without(&chars, usize::MAX, usize::MAX)];
    for a in 0..chars.len() {
        keys.push(hash_without(&chars, a, usize::MAX));
        for b in a + 1..chars.len() {
            keys.push(hash_without(&chars, a, b));
        }
    }
    keys.sort_unstable();
    keys.dedup();
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    let mut cand: Vec<char> = Vec::new();
    for key in keys {
        for index in words_under(key) {
            if !seen.insert(index) {
                continue;
            }
            let word = lexicon::word(index);
            cand.clear();
            cand.extend(word.key().chars());
            let distance = weighted_distance(&chars, &cand);
            if distance > 0.0 && distance <= MAX_DISTANCE {
                let score = distance
                    - FREQUENCY_WEIGHT * word.frequency() as f32
                    - if word.has(tables::COMMON) { 0.05 } else { 0.0 };
                out.push(Candidate {
                    word,
                    distance,
                    score,
                });
            }
        }
    }
    out.sort_by(|a, b| {
        a.score
            .total_cmp(&b.score)
            .then_with(|| same_start(&chars, b.word).cmp(&same_start(&chars, a.word)))
            .then_with(|| a.word.key().cmp(b.word.key()))
    });
    out.truncate(12);
    out
}

fn same_start(word: &[char], candidate: Known) -> bool {
    candidate.key().chars().next() == word.first().copied()
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
}

const KEYBOARD: [&str; 3] = ["qwertyuiop", "asdfghjkl", "zxcvbnm"];

fn key_position(c: char) -> Option<(i32, i32)> {
    KEYBOARD.iter().enumerate().find_map(|(row, keys)| {
        keys.find(c)
            .map(|col| (row as i32, col as i32 + row as i32 / 2))
    })
}

fn adjacent(a: char, b: char) -> bool {
    match (key_position(a), key_position(b)) {
        (Some((ra, ca)), Some((rb, cb))) => (ra - rb).abs() <= 1 && (ca - cb).abs() <= 1,
        _ => false,
    }
}

fn substitution(a: char, b: char) -> f32 {
    if a == b {
        0.0
    } else if is_vowel(a) && is_vowel(b) {
        0.6
    } else if adjacent(a, b) {
        0.75
    } else {
        1.0
    }
}

/// Cost of inserting or deleting `c` next to `prev`/`next`: a doubled
/// letter is cheap.
fn indel(c: char, prev: Option<char>, next: Option<char>) -> f32 {
    if prev == Some(c) || next == Some(c) {
        0.5
    } else {
        1.0
    }
}

/// What a different first letter adds: people seldom get the first
/// letter of a word wrong, while names often differ from a word there
/// (`Gitaly`, `Italy`).
const FIRST_LETTER_COST: f32 = 0.5;

/// Weighted optimal-string-alignment distance, plus
/// [`FIRST_LETTER_COST`] when the first letters differ.
pub fn weighted_distance(a: &[char], b: &[char]) -> f32 {
    let first = if a.first() == b.first() {
        0.0
    } else {
        FIRST_LETTER_COST
    };
    first + alignment_distance(a, b)
}

/// Weighted optimal-string-alignment distance.
fn alignment_distance(a: &[char], b: &[char]) -> f32 {
    let (n, m) = (a.len(), b.len());
    let mut d = vec![vec![0f32; m + 1]; n + 1];
    for i in 1..=n {
        d[i][0] = d[i - 1][0] + indel(a[i - 1], i.checked_sub(2).map(|k| a[k]), a.get(i).copied());
    }
    for j in 1..=m {
        d[0][j] = d[0][j - 1] + indel(b[j - 1], j.checked_sub(2).map(|k| b[k]), b.get(j).copied());
    }
    for i in 1..=n {
        for j in 1..=m {
            let delete =
                d[i - 1][j] + indel(a[i - 1], i.checked_sub(2).map(|k| a[k]), a.get(i).copied());
            let insert =
                d[i][j - 1] + indel(b[j - 1], j.checked_sub(2).map(|k| b[k]), b.get(j).copied());
            let replace = d[i - 1][j - 1] + substitution(a[i - 1], b[j - 1]);
            let mut best = delete.min(insert).min(replace);
            if i > 1
                && j > 1
                && a[i - 1] == b[j - 2]
                && a[i - 2] == b[j - 1]
                && a[i - 1] != a[i - 2]
            {
                best = best.min(d[i - 2][j - 2] + 0.7);
            }
            d[i][j] = best;
        }
    }
    d[n][m]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(word: &str) -> Option<&'static str> {
        candidates(word).first().map(|c| c.word.display())
    }

    #[test]
    fn ranks_the_likely_correction_first() {
        assert_eq!(first("servey"), Some("survey"));
        assert_eq!(first("enteprise"), Some("enterprise"));
        assert_eq!(first("engagment"), Some("engagement"));
        assert_eq!(first("recieve"), Some("receive"));
        assert_eq!(first("enablment"), Some("enablement"));
        assert_eq!(first("kubernets"), Some("Kubernetes"));
        assert_eq!(first("latests"), Some("latest"));
    }

    #[test]
    fn index_entries_are_sorted() {
        let len = INDEX.len() / 8;
        assert!(len > 100_000);
        let at =
            |i: usize| u64::from_le_bytes(INDEX[i * 8..i * 8 + 8].try_into().unwrap_or([0; 8]));
        assert!((1..len).step_by(97).all(|i| at(i - 1) < at(i)));
    }

    #[test]
    fn distances_favour_common_mistakes() {
        let d = |a: &str, b: &str| {
            weighted_distance(
                &a.chars().collect::<Vec<_>>(),
                &b.chars().collect::<Vec<_>>(),
            )
        };
        assert!(d("servey", "survey") < d("servey", "server"));
        assert!(d("adress", "address") < d("adress", "dress"));
        assert_eq!(d("same", "same"), 0.0);
    }
}
