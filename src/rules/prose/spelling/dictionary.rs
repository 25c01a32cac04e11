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
use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, LazyLock, Mutex};

use foldhash::fast::FixedState;

use crate::rules::prose::data::{lines, BRANDS, DICTIONARY, VOCABULARY};

/// Words, lower-case, each with whether it is an ordinary word (listed
/// in lower case, not only as a name). The keys borrow the embedded lists
/// (only words that had to be lower-cased are owned), hashed with a fast
/// non-cryptographic hash: the keys are our own data, not input an
/// attacker chooses.
type WordMap = HashMap<Cow<'static, str>, bool, FixedState>;

/// The dictionary.
pub struct Dictionary {
    /// Every word, lower-case, and whether it is listed in lower case.
    known: WordMap,
    /// The words as listed (proper nouns keep their capitals).
    list: Vec<&'static str>,
}

/// The dictionary with the handbook vocabulary and brand names (which
/// are suggested too), built on first use.
pub static DICT: LazyLock<Dictionary> = LazyLock::new(|| {
    let mut dict = Dictionary::new(DICTIONARY);
    dict.extend(lines(VOCABULARY).chain(lines(BRANDS)));
    dict
});

/// The suggestion index, built on first use.
static INDEX: LazyLock<Index> = LazyLock::new(|| DICT.build_index());

/// How many high bits of a key pick its bucket in the [`Index`].
const BUCKET_BITS: u32 = 16;

/// The hash of each dictionary word and of each of its one-letter
/// deletions (the key, in the high 32 bits) with the word's index (in the
/// low 32), grouped in buckets by the key's high bits: a counting sort
/// builds it in two passes, where sorting the entries took four times as
/// long.
struct Index {
    /// Where each bucket starts in `entries`, and where the last ends.
    starts: Vec<u32>,
    /// The entries, bucket by bucket.
    entries: Vec<u64>,
}

impl Index {
    /// Groups `entries` by bucket, keeping their order within a bucket.
    fn new(entries: &[u64]) -> Index {
        let bucket = |entry: u64| (entry >> (64 - BUCKET_BITS)) as usize;
        let mut starts = vec![0u32; (1 << BUCKET_BITS) + 1];
        for &entry in entries {
            starts[bucket(entry) + 1] += 1;
        }
        for i in 1..starts.len() {
            starts[i] += starts[i - 1];
        }
        let mut next = starts.clone();
        let mut grouped = vec![0u64; entries.len()];
        for &entry in entries {
            let slot = &mut next[bucket(entry)];
            grouped[*slot as usize] = entry;
            *slot += 1;
        }
        Index {
            starts,
            entries: grouped,
        }
    }

    /// The indexes of the words with an entry for `key` (a word may come
    /// more than once).
    fn words(&self, key: u32) -> impl Iterator<Item = u32> + '_ {
        let bucket = (key >> (32 - BUCKET_BITS)) as usize;
        let range = match (self.starts.get(bucket), self.starts.get(bucket + 1)) {
            (Some(&start), Some(&end)) => start as usize..end as usize,
            _ => 0..0,
        };
        let entries = self.entries.get(range).unwrap_or_default();
        entries
            .iter()
            .filter(move |&&entry| (entry >> 32) as u32 == key)
            .map(|&entry| entry as u32)
    }
}

/// Builds the dictionary ahead of its first use. The suggestion index is
/// left to the first unknown word: a run over pages without one (most
/// runs of a few files) never needs it.
pub fn prepare() {
    LazyLock::force(&DICT);
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
    if word.is_ascii() {
        if word.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(word.to_ascii_lowercase())
        } else {
            Cow::Borrowed(word)
        }
    } else if word.chars().any(char::is_uppercase) {
        Cow::Owned(word.to_lowercase())
    } else {
        Cow::Borrowed(word)
    }
}

/// Calls `word` with each word of a word list (each of [`lines`]) and its
/// [`lower_case`] form. A plain ASCII line (the usual one) is read in one
/// pass over its bytes that finds its end and its capitals; any other
/// line goes through [`lines`] and [`lower_case`].
fn listed_words(text: &'static str, mut word: impl FnMut(&'static str, Cow<'static, str>)) {
    let mut rest = text;
    while !rest.is_empty() {
        let bytes = rest.as_bytes();
        let mut end = 0;
        let mut plain = true;
        let mut upper = false;
        while let Some(&b) = bytes.get(end) {
            if b == b'\n' {
                break;
            }
            plain &= b.is_ascii_graphic();
            upper |= b.is_ascii_uppercase();
            end += 1;
        }
        let (line, tail) = (&rest[..end], rest.get(end + 1..).unwrap_or(""));
        rest = tail;
        // Printable ASCII throughout: nothing to trim, no lower-casing
        // beyond ASCII.
        if plain && !line.is_empty() && !line.starts_with('#') {
            let lower = if upper {
                Cow::Owned(line.to_ascii_lowercase())
            } else {
                Cow::Borrowed(line)
            };
            word(line, lower);
        } else {
            for line in lines(line) {
                word(line, lower_case(line));
            }
        }
    }
}

impl Dictionary {
    /// Builds a dictionary from a word list, one word a line.
    pub fn new(text: &'static str) -> Dictionary {
        let lines = memchr::memchr_iter(b'\n', text.as_bytes()).count() + 1;
        let mut list = Vec::with_capacity(lines);
        let mut known = WordMap::with_capacity_and_hasher(lines + 1024, FixedState::default());
        listed_words(text, |word, lower| {
            list.push(word);
            let common = matches!(lower, Cow::Borrowed(_));
            *known.entry(lower).or_insert(false) |= common;
        });
        Dictionary { known, list }
    }

    /// Adds words that are known and suggested but are not ordinary
    /// English words (vocabulary, names).
    pub fn extend(&mut self, words: impl IntoIterator<Item = &'static str>) {
        for word in words {
            if let Entry::Vacant(slot) = self.known.entry(lower_case(word)) {
                slot.insert(false);
                self.list.push(word);
            }
        }
    }

    /// Whether the dictionary lists the lower-case `word` as an ordinary
    /// word (not only as a name).
    pub fn is_common(&self, word: &str) -> bool {
        self.known.get(word) == Some(&true)
    }

    /// Whether the dictionary knows `word`, in any case.
    pub fn contains(&self, word: &str) -> bool {
        self.known.contains_key(lower_case(word).as_ref())
    }

    fn build_index(&self) -> Index {
        let mut entries = Vec::with_capacity(self.list.len() * 10);
        let mut lower: Vec<char> = Vec::new();
        let mut suffixes = Vec::new();
        for (i, word) in self.list.iter().enumerate() {
            lower.clear();
            if word.is_ascii() {
                lower.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
            } else {
                lower.extend(word.chars().flat_map(char::to_lowercase));
            }
            let entry = |key: u32| u64::from(key) << 32 | i as u64;
            deletion_keys(&lower, &mut suffixes, |key| entries.push(entry(key)));
        }
        Index::new(&entries)
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
            for i in index.words(key) {
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

/// Calls `key` with [`hash`] of `chars` and then with [`hash_without`]
/// each character in turn, in that order. The hash is a polynomial one:
/// the hash without character `k` is the hash of the characters before
/// it, shifted by the length of those after it, plus the hash of those
/// after it, so each key costs a few operations (with the suffix hashes
/// and powers in `suffixes`), not one step a character.
fn deletion_keys(chars: &[char], suffixes: &mut Vec<(u64, u64)>, mut key: impl FnMut(u32)) {
    // From the end: the hash of each suffix and BASE to the power of its
    // length, the shortest (empty) first.
    suffixes.clear();
    let (mut h, mut power) = (0u64, 1u64);
    suffixes.push((h, power));
    for &c in chars.iter().rev() {
        h = h.wrapping_add(power.wrapping_mul(u64::from(c)));
        power = power.wrapping_mul(BASE);
        suffixes.push((h, power));
    }
    key(fold(h));
    // Without character `skip`: the characters before it, then those
    // after it (the suffix one shorter than the one from `skip`).
    let mut prefix = 0u64;
    for (&c, &(after, power)) in chars.iter().zip(suffixes.iter().rev().skip(1)) {
        key(fold(prefix.wrapping_mul(power).wrapping_add(after)));
        prefix = hash_step(prefix, c);
    }
}

/// The base of the polynomial hash: odd, with its bits spread out.
const BASE: u64 = 0x9e37_79b9_7f4a_7c15;

fn hash_step(h: u64, c: char) -> u64 {
    h.wrapping_mul(BASE).wrapping_add(u64::from(c))
}

/// Folds a 64-bit hash to 32 bits, mixed so that the high bits (which
/// pick the bucket) depend on every character. Candidates are checked by
/// their distance, so a collision of the folded hash costs time, never a
/// wrong suggestion.
fn fold(h: u64) -> u32 {
    ((h ^ (h >> 31)).wrapping_mul(0xbf58_476d_1ce4_e5b9) >> 32) as u32
}

fn hash(chars: &[char]) -> u32 {
    hash_without(chars, usize::MAX, usize::MAX)
}

/// The polynomial hash of the characters, skipping positions `a` and
/// `b`.
fn hash_without(chars: &[char], a: usize, b: usize) -> u32 {
    let mut h = 0u64;
    for (i, &c) in chars.iter().enumerate() {
        if i == a || i == b {
            continue;
        }
        h = hash_step(h, c);
    }
    fold(h)
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
    fn lower_case_borrows_only_lower_case_words() {
        for word in [
            "", "a", "A", "gitLab", "team's", "Zürich", "zürich", "ÉCOLE", "Σ", "ß",
        ] {
            let lower = lower_case(word);
            assert_eq!(lower, word.to_lowercase(), "{word}");
            let has_upper = word.chars().any(char::is_uppercase);
            assert_eq!(matches!(lower, Cow::Borrowed(_)), !has_upper, "{word}");
        }
    }

    #[test]
    fn listed_words_are_the_lines_and_their_lower_case() {
        let mut texts: Vec<&'static str> = vec![
            "",
            "\n",
            "a",
            "A\nbB\n",
            "# c\nGitLab\n  x \r\n\t\n[s]\nZürich\n ÉCOLE\nnaïve\n\u{a0}y\u{a0}\n#\n\n\n",
            "a b\nC D\n",
            DICTIONARY,
            VOCABULARY,
            BRANDS,
        ];
        let generated: String = (0..4000u32)
            .map(|i| {
                let pool = [
                    "a", "Q", " ", "\r", "\n", "#", "é", "É", "'", "\t", "z", "\u{2003}",
                ];
                pool[(i.wrapping_mul(2_654_435_761) >> 7) as usize % pool.len()]
            })
            .collect();
        texts.push(Box::leak(generated.into_boxed_str()));
        for text in texts {
            let mut fast = Vec::new();
            listed_words(text, |w, l| fast.push((w, l)));
            let plain: Vec<(&str, Cow<'_, str>)> =
                lines(text).map(|w| (w, lower_case(w))).collect();
            assert_eq!(fast, plain, "{text:?}");
            for ((_, a), (_, b)) in fast.iter().zip(&plain) {
                assert_eq!(matches!(a, Cow::Borrowed(_)), matches!(b, Cow::Borrowed(_)));
            }
        }
    }

    #[test]
    fn deletion_keys_match_the_plain_hashes() {
        let mut suffixes = Vec::new();
        for word in [
            "",
            "a",
            "ab",
            "letter",
            "Zürich",
            "naïve",
            "résumé",
            "x'y",
            "GitLab",
            "pneumonoultramicroscopicsilicovolcanoconiosis",
            "\u{10FFFF}\u{10FFFF}z",
        ] {
            let chars: Vec<char> = word.chars().collect();
            let mut keys = Vec::new();
            deletion_keys(&chars, &mut suffixes, |k| keys.push(k));
            let mut plain = vec![hash(&chars)];
            plain.extend((0..chars.len()).map(|skip| hash_without(&chars, skip, usize::MAX)));
            assert_eq!(keys, plain, "{word}");
        }
    }

    #[test]
    fn index_finds_every_entry_of_a_key() {
        let entries: Vec<u64> = [
            (7u32, 1u32),
            (0xffff_0000, 2),
            (7, 3),
            (0x0001_0007, 4),
            (7, 3),
        ]
        .iter()
        .map(|&(key, word)| u64::from(key) << 32 | u64::from(word))
        .collect();
        let index = Index::new(&entries);
        assert_eq!(index.words(7).collect::<Vec<_>>(), vec![1, 3, 3]);
        assert_eq!(index.words(0xffff_0000).collect::<Vec<_>>(), vec![2]);
        assert_eq!(index.words(0x0001_0007).collect::<Vec<_>>(), vec![4]);
        assert_eq!(index.words(8).count(), 0);
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
