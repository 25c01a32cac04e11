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

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, LazyLock, Mutex};

use foldhash::fast::FixedState;

use super::data::{lines, BRANDS, DICTIONARY, VOCABULARY};

/// A set of words that borrows the embedded lists (only words that had to
/// be lower-cased are owned), hashed with a fast non-cryptographic hash:
/// the keys are our own data, not input an attacker chooses.
type WordSet = HashSet<Cow<'static, str>, FixedState>;

/// The dictionary.
pub struct Dictionary {
    /// Every word, lower-case.
    known: WordSet,
    /// The words as listed (proper nouns keep their capitals).
    list: Vec<&'static str>,
    /// The words listed in lower case only (not names).
    common: WordSet,
}

/// The dictionary with the handbook vocabulary and brand names (which
/// are suggested too), built on first use.
pub static DICT: LazyLock<Dictionary> = LazyLock::new(|| {
    let mut dict = Dictionary::new(DICTIONARY);
    dict.extend(lines(VOCABULARY).chain(lines(BRANDS)));
    dict
});

/// The suggestion index, built on first use: the hash of each dictionary
/// word and of each of its one-letter deletions in the high 32 bits, the
/// word's index in the low 32, sorted.
static INDEX: LazyLock<Vec<u64>> = LazyLock::new(|| DICT.build_index());

/// Builds the dictionary and its suggestion index ahead of their first
/// use.
pub fn prepare() {
    LazyLock::force(&INDEX);
}

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

/// `word` in lower case, borrowed when it already is.
fn lower_case(word: &str) -> Cow<'_, str> {
    if word.chars().any(char::is_uppercase) {
        Cow::Owned(word.to_lowercase())
    } else {
        Cow::Borrowed(word)
    }
}

impl Dictionary {
    /// Builds a dictionary from a word list, one word a line.
    pub fn new(text: &'static str) -> Dictionary {
        let list: Vec<&'static str> = lines(text).collect();
        let mut known = WordSet::with_capacity_and_hasher(list.len() + 1024, FixedState::default());
        let mut common = WordSet::with_capacity_and_hasher(list.len(), FixedState::default());
        for &word in &list {
            let lower = lower_case(word);
            if matches!(lower, Cow::Borrowed(_)) {
                common.insert(Cow::Borrowed(word));
            }
            known.insert(lower);
        }
        Dictionary {
            known,
            list,
            common,
        }
    }

    /// Adds words that are known and suggested but are not ordinary
    /// English words (vocabulary, names).
    pub fn extend(&mut self, words: impl IntoIterator<Item = &'static str>) {
        for word in words {
            if self.known.insert(lower_case(word)) {
                self.list.push(word);
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
        self.known.contains(lower_case(word).as_ref())
    }

    fn build_index(&self) -> Vec<u64> {
        let mut index = Vec::with_capacity(self.list.len() * 10);
        let mut lower: Vec<char> = Vec::new();
        for (i, word) in self.list.iter().enumerate() {
            lower.clear();
            lower.extend(word.chars().flat_map(char::to_lowercase));
            let entry = |key: u32| u64::from(key) << 32 | i as u64;
            index.push(entry(hash(&lower)));
            for skip in 0..lower.len() {
                index.push(entry(hash_without(&lower, skip, usize::MAX)));
            }
        }
        index.sort_unstable();
        index.dedup();
        index.shrink_to_fit();
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
            let first = index.partition_point(|&entry| entry >> 32 < u64::from(key));
            for &entry in &index[first..] {
                if entry >> 32 != u64::from(key) {
                    break;
                }
                let i = entry as u32;
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
                        word: candidate.to_string(),
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

fn hash(chars: &[char]) -> u32 {
    hash_without(chars, usize::MAX, usize::MAX)
}

/// FNV-1a over the characters, skipping positions `a` and `b`.
fn hash_without(chars: &[char], a: usize, b: usize) -> u32 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for (i, &c) in chars.iter().enumerate() {
        if i == a || i == b {
            continue;
        }
        h ^= c as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    // Candidates are checked by their distance, so a collision of the
    // folded hash costs time, never a wrong suggestion.
    (h ^ (h >> 32)) as u32
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
