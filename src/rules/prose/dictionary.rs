//! The spelling dictionary and its suggester.
//!
//! Words are looked up case-insensitively in a hash set built once from
//! the embedded word list. Suggestions come from an index of each
//! dictionary word and its one-letter deletions (symspell-style): the
//! unknown word and its deletions of up to two letters are looked up, and
//! every candidate found is ranked by a weighted edit distance that makes
//! the mistakes people make cheap: a vowel for a vowel, a neighbouring
//! key, two swapped letters, a doubled or undoubled letter. Results are
//! cached per word.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, LazyLock, Mutex};

use super::data::{lines, BRANDS, DICTIONARY, VOCABULARY};

/// The dictionary.
pub struct Dictionary {
    /// Every word, lower-case.
    known: HashSet<String>,
    /// The words as listed (proper nouns keep their capitals).
    list: Vec<String>,
    /// The words listed in lower case only (not names).
    common: HashSet<String>,
}

/// The dictionary with the handbook vocabulary and brand names (which
/// are suggested too), built on first use.
pub static DICT: LazyLock<Dictionary> = LazyLock::new(|| {
    let mut dict = Dictionary::new(DICTIONARY);
    dict.extend(lines(VOCABULARY).chain(lines(BRANDS)));
    dict
});

/// The suggestion index, built on first use.
static INDEX: LazyLock<Vec<(u64, u32)>> = LazyLock::new(|| DICT.build_index());

/// Suggestions computed so far, per lower-case word.
static CACHE: LazyLock<Mutex<HashMap<String, Arc<Vec<Candidate>>>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

/// A suggestion with its distance.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    /// The word as the dictionary lists it.
    pub word: String,
    /// Weighted edit distance from the unknown word.
    pub distance: f32,
}

impl Dictionary {
    /// Builds a dictionary from a word list, one word a line.
    pub fn new(text: &str) -> Dictionary {
        let list: Vec<String> = lines(text).map(str::to_string).collect();
        let known = list.iter().map(|w| w.to_lowercase()).collect();
        let common = list.iter().filter(|w| !has_capital(w)).cloned().collect();
        Dictionary {
            known,
            list,
            common,
        }
    }

    /// Adds words that are known and suggested but are not ordinary
    /// English words (vocabulary, names).
    pub fn extend<'w>(&mut self, words: impl IntoIterator<Item = &'w str>) {
        for word in words {
            if self.known.insert(word.to_lowercase()) {
                self.list.push(word.to_string());
            }
        }
    }

    /// Whether the dictionary lists the lower-case `word` as an ordinary
    /// word (not only as a name).
    pub fn is_common(&self, word: &str) -> bool {
        self.common.contains(word)
    }

    /// Whether the dictionary knows `word`, in any case.
    pub fn contains(&self, word: &str) -> bool {
        self.known.contains(&word.to_lowercase())
    }

    fn build_index(&self) -> Vec<(u64, u32)> {
        let mut index = Vec::with_capacity(self.list.len() * 9);
        for (i, word) in self.list.iter().enumerate() {
            let lower: Vec<char> = word.to_lowercase().chars().collect();
            index.push((hash(&lower), i as u32));
            for skip in 0..lower.len() {
                index.push((hash_without(&lower, skip, usize::MAX), i as u32));
            }
        }
        index.sort_unstable();
        index.dedup();
        index
    }

    /// Suggestions for `word`, best first, at most a weighted distance of
    /// 2 away. Cached per word.
    pub fn suggest(&self, word: &str) -> Arc<Vec<Candidate>> {
        let key = word.to_lowercase();
        if let Ok(cache) = CACHE.lock() {
            if let Some(found) = cache.get(&key) {
                return Arc::clone(found);
            }
        }
        let found = Arc::new(self.compute(&key));
        if let Ok(mut cache) = CACHE.lock() {
            cache.insert(key, Arc::clone(&found));
        }
        found
    }

    fn compute(&self, lower: &str) -> Vec<Candidate> {
        let chars: Vec<char> = lower.chars().collect();
        if chars.len() < 2 || chars.len() > 40 {
            return Vec::new();
        }
        let mut keys = vec![hash(&chars)];
        for a in 0..chars.len() {
            keys.push(hash_without(&chars, a, usize::MAX));
            for b in a + 1..chars.len() {
                keys.push(hash_without(&chars, a, b));
            }
        }
        let index = &*INDEX;
        let mut seen = HashSet::new();
        let mut out = Vec::new();
        for key in keys {
            let first = index.partition_point(|&(k, _)| k < key);
            for &(k, i) in &index[first..] {
                if k != key {
                    break;
                }
                if !seen.insert(i) {
                    continue;
                }
                let Some(candidate) = self.list.get(i as usize) else {
                    continue;
                };
                let cand: Vec<char> = candidate.to_lowercase().chars().collect();
                let distance = weighted_distance(&chars, &cand);
                if distance <= 2.0 && distance > 0.0 {
                    out.push(Candidate {
                        word: candidate.clone(),
                        distance,
                    });
                }
            }
        }
        out.sort_by(|a, b| {
            a.distance
                .total_cmp(&b.distance)
                .then_with(|| same_start(&chars, &b.word).cmp(&same_start(&chars, &a.word)))
                .then_with(|| has_capital(&a.word).cmp(&has_capital(&b.word)))
                .then_with(|| a.word.cmp(&b.word))
        });
        // One entry per spelling, lower case preferred.
        let mut spelled = HashSet::new();
        out.retain(|c| spelled.insert(c.word.to_lowercase()));
        out.truncate(12);
        out
    }
}

fn has_capital(word: &str) -> bool {
    word.chars().any(char::is_uppercase)
}

fn same_start(word: &[char], candidate: &str) -> bool {
    candidate
        .chars()
        .next()
        .and_then(|c| c.to_lowercase().next())
        .is_some_and(|c| Some(&c) == word.first())
}

fn hash(chars: &[char]) -> u64 {
    hash_without(chars, usize::MAX, usize::MAX)
}

/// FNV-1a over the characters, skipping positions `a` and `b`.
fn hash_without(chars: &[char], a: usize, b: usize) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for (i, &c) in chars.iter().enumerate() {
        if i == a || i == b {
            continue;
        }
        h ^= c as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
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

/// Weighted optimal-string-alignment distance.
pub fn weighted_distance(a: &[char], b: &[char]) -> f32 {
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

    fn first(word: &str) -> Option<String> {
        DICT.suggest(word).first().map(|c| c.word.clone())
    }

    #[test]
    fn knows_words_in_any_case() {
        assert!(DICT.contains("enterprise"));
        assert!(DICT.contains("Enterprise"));
        assert!(!DICT.contains("enteprise"));
    }

    #[test]
    fn ranks_the_likely_correction_first() {
        assert_eq!(first("servey").as_deref(), Some("survey"));
        assert_eq!(first("enteprise").as_deref(), Some("enterprise"));
        assert_eq!(first("engagment").as_deref(), Some("engagement"));
        assert_eq!(first("criterias").as_deref(), Some("criteria"));
        assert_eq!(first("recieve").as_deref(), Some("receive"));
        assert_eq!(first("enablment").as_deref(), Some("enablement"));
        assert_eq!(first("Kubernets").as_deref(), Some("Kubernetes"));
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
