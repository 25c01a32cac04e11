//! The layout of the spelling tables that `build.rs` compiles from the
//! word lists under `rules/` and the binary embeds: what each word's
//! flags mean, how a table of strings is laid out, and the hash of the
//! suggestion index's deletion keys. `build.rs` includes this file too,
//! so the writer and the reader cannot disagree.

/// The word is in SCOWL's American list (size 70).
pub const EN_US: u32 = 1;
/// The word is in SCOWL's British list (size 70).
pub const EN_GB: u32 = 1 << 1;
/// The word is in a SCOWL list of size 50 or smaller: a common word.
pub const COMMON: u32 = 1 << 2;
/// Some list writes the word in lower case: an ordinary word, not only
/// a name.
pub const LOWER: u32 = 1 << 3;
/// A company or product name (`rules/spelling/companies.txt`,
/// `rules/brands.txt`).
pub const NAME: u32 = 1 << 4;
/// A software or business term (`rules/spelling/software-terms.txt`).
pub const TERM: u32 = 1 << 5;
/// A handbook word (`rules/spelling/vocabulary.txt`).
pub const VOCABULARY: u32 = 1 << 6;
/// The word may be suggested as a correction (it is in the suggestion
/// index).
pub const SUGGESTED: u32 = 1 << 7;
/// The word is in SCOWL's size-35 list: among the most common words.
pub const BASIC: u32 = 1 << 8;
/// A name or term written with a capital first letter and another capital
/// after it, letters only (`OpenShift`), that is no ordinary word.
pub const MIXED_CASE_NAME: u32 = 1 << 9;
/// The word's frequency class (see [`frequency_class`]) sits in the bits
/// from here.
pub const FREQUENCY_SHIFT: u32 = 16;

/// A word's frequency class: the base-2 logarithm of its count in the
/// frequency list, plus one (0 for a word the list lacks).
pub fn frequency_class(count: u64) -> u32 {
    64 - count.leading_zeros()
}

/// Words longer than this (in characters) are neither indexed nor
/// looked up for suggestions.
pub const MAX_INDEXED_CHARS: usize = 40;

/// The base of the deletion keys' polynomial hash: odd, with its bits
/// spread out.
const BASE: u64 = 0x9e37_79b9_7f4a_7c15;

/// One step of the polynomial hash.
pub fn hash_step(h: u64, c: char) -> u64 {
    h.wrapping_mul(BASE).wrapping_add(u64::from(c))
}

/// Folds a 64-bit hash to 32 bits, mixed so that every bit depends on
/// every character. Candidates are checked by their distance, so a
/// collision costs time, never a wrong suggestion.
pub fn fold(h: u64) -> u32 {
    ((h ^ (h >> 31)).wrapping_mul(0xbf58_476d_1ce4_e5b9) >> 32) as u32
}

/// The hash of `chars` without the characters at positions `a` and `b`
/// (`usize::MAX` skips nothing).
pub fn hash_without(chars: &[char], a: usize, b: usize) -> u32 {
    let mut h = 0u64;
    for (i, &c) in chars.iter().enumerate() {
        if i != a && i != b {
            h = hash_step(h, c);
        }
    }
    fold(h)
}

/// Calls `key` with the hash of `chars` and then with the hash of
/// `chars` without each character in turn: the keys under which the
/// suggestion index files a word.
pub fn deletion_keys(chars: &[char], mut key: impl FnMut(u32)) {
    key(hash_without(chars, usize::MAX, usize::MAX));
    for skip in 0..chars.len() {
        key(hash_without(chars, skip, usize::MAX));
    }
}

/// An index entry: the key in the high 32 bits, the word's index in the
/// low 32.
pub fn entry(key: u32, word: u32) -> u64 {
    (u64::from(key) << 32) | u64::from(word)
}
