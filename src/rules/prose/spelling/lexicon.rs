//! The dictionaries of the spelling rule, as `build.rs` compiled them:
//! every known word with its flags and frequency, the known
//! misspellings, and the American and British variants. The tables are
//! embedded sorted, so a look-up is a binary search over bytes that the
//! binary already holds: nothing is built at start-up.

use std::cmp::Ordering;

use super::tables;

/// A table of strings as `build.rs` writes it (see
/// `write_strings` there): the strings one after another, and where
/// each ends.
#[derive(Clone, Copy)]
pub struct Strings {
    bytes: &'static [u8],
    ends: &'static [u8],
}

/// The `u32` at `index` of a little-endian array (0 past its end).
pub fn u32_at(array: &[u8], index: usize) -> u32 {
    array
        .get(index * 4..index * 4 + 4)
        .and_then(|b| b.try_into().ok())
        .map_or(0, u32::from_le_bytes)
}

impl Strings {
    /// How many strings the table holds.
    pub fn len(&self) -> usize {
        self.ends.len() / 4
    }

    /// Whether the table is empty.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The bytes of string `index`.
    fn bytes_of(&self, index: usize) -> &'static [u8] {
        let start = if index == 0 {
            0
        } else {
            u32_at(self.ends, index - 1) as usize
        };
        let end = u32_at(self.ends, index) as usize;
        self.bytes.get(start..end).unwrap_or_default()
    }

    /// String `index` (empty past the end).
    pub fn get(&self, index: usize) -> &'static str {
        std::str::from_utf8(self.bytes_of(index)).unwrap_or_default()
    }

    /// The index of `key` in the table, whose strings are sorted
    /// bytewise.
    pub fn find(&self, key: &str) -> Option<usize> {
        let (mut low, mut high) = (0, self.len());
        while low < high {
            let mid = (low + high) / 2;
            match self.bytes_of(mid).cmp(key.as_bytes()) {
                Ordering::Less => low = mid + 1,
                Ordering::Greater => high = mid,
                Ordering::Equal => return Some(mid),
            }
        }
        None
    }
}

macro_rules! strings {
    ($name:literal) => {
        Strings {
            bytes: include_bytes!(concat!(env!("OUT_DIR"), "/", $name, ".bytes")),
            ends: include_bytes!(concat!(env!("OUT_DIR"), "/", $name, ".ends")),
        }
    };
}

/// Every known word in lower case, sorted.
static KEYS: Strings = strings!("lexicon_keys");
/// How a list writes each word, where it is not its lower-case key
/// (empty otherwise).
static DISPLAY: Strings = strings!("lexicon_display");
/// Each word's flags and frequency class (see [`tables`]).
static INFO: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lexicon_info"));
/// Misspellings in lower case, sorted, and their corrections.
static MISSPELLINGS: Strings = strings!("misspelling_keys");
static MISSPELLING_FIXES: Strings = strings!("misspelling_fixes");
/// American spellings with a British variant, and that variant.
static AMERICAN: Strings = strings!("american_keys");
static AMERICAN_FIXES: Strings = strings!("american_fixes");
/// British spellings with an American variant, and that variant.
static BRITISH: Strings = strings!("british_keys");
static BRITISH_FIXES: Strings = strings!("british_fixes");

/// A word of the lexicon.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Known {
    /// Its index.
    pub index: u32,
    /// Its flags and frequency class.
    info: u32,
}

impl Known {
    /// Whether any of `flags` (see [`tables`]) is set.
    pub fn has(self, flags: u32) -> bool {
        self.info & flags != 0
    }

    /// The frequency class (0: not in the frequency list).
    pub fn frequency(self) -> u32 {
        self.info >> tables::FREQUENCY_SHIFT
    }

    /// How the word is written: as listed (`GitLab`), or lower case.
    pub fn display(self) -> &'static str {
        let display = DISPLAY.get(self.index as usize);
        if display.is_empty() {
            KEYS.get(self.index as usize)
        } else {
            display
        }
    }

    /// The lower-case form.
    pub fn key(self) -> &'static str {
        KEYS.get(self.index as usize)
    }

    /// Whether the word is an ordinary word of English (not only a name
    /// or a term).
    pub fn is_english(self) -> bool {
        self.has(tables::EN_US | tables::EN_GB) && self.has(tables::LOWER)
    }

    /// Whether the word is a common one: a common English word, a word
    /// of the frequency list, or a name, term or handbook word.
    pub fn is_common(self) -> bool {
        self.has(tables::COMMON | tables::NAME | tables::TERM | tables::VOCABULARY)
            || self.frequency() > 0
    }
}

/// The word at `index` of the lexicon.
pub fn word(index: u32) -> Known {
    Known {
        index,
        info: u32_at(INFO, index as usize),
    }
}

/// Looks up a lower-case word.
pub fn lookup(lower: &str) -> Option<Known> {
    KEYS.find(lower).map(|i| word(i as u32))
}

/// The correction of a known misspelling (lower-case key).
pub fn misspelling(lower: &str) -> Option<&'static str> {
    MISSPELLINGS.find(lower).map(|i| MISSPELLING_FIXES.get(i))
}

/// The British spelling of an American one (lower-case key).
pub fn british_of(lower: &str) -> Option<&'static str> {
    AMERICAN.find(lower).map(|i| AMERICAN_FIXES.get(i))
}

/// The American spelling of a British one (lower-case key).
pub fn american_of(lower: &str) -> Option<&'static str> {
    BRITISH.find(lower).map(|i| BRITISH_FIXES.get(i))
}

/// Whether the lower-case `word` is an ordinary English word (listed in
/// lower case), as `brand-name` asks of names that are also words.
pub fn is_common_word(lower: &str) -> bool {
    lookup(lower).is_some_and(|k| k.has(tables::LOWER) && k.has(tables::EN_US | tables::EN_GB))
}

/// The listed names and terms written with a capital first letter and
/// another capital after it, letters only
/// (`OpenShift`, `HubSpot`) that are not also ordinary words: a name
/// written in another case is `brand-name`'s to report.
pub fn mixed_case_names() -> impl Iterator<Item = Known> {
    (0..len() as u32)
        .map(word)
        .filter(|k| k.has(tables::MIXED_CASE_NAME))
}

/// How many words the lexicon holds.
pub fn len() -> usize {
    KEYS.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted_and_aligned() {
        assert!(len() > 100_000);
        assert_eq!(DISPLAY.len(), len());
        assert_eq!(INFO.len() / 4, len());
        for table in [KEYS, MISSPELLINGS, AMERICAN, BRITISH] {
            assert!(!table.is_empty());
            for i in 1..table.len() {
                assert!(
                    table.bytes_of(i - 1) < table.bytes_of(i),
                    "{}",
                    table.get(i)
                );
            }
        }
        assert_eq!(MISSPELLINGS.len(), MISSPELLING_FIXES.len());
        assert_eq!(AMERICAN.len(), AMERICAN_FIXES.len());
    }

    #[test]
    fn finds_words_names_and_variants() {
        let word = lookup("sustainability");
        assert!(word.is_some_and(|w| w.is_english()));
        assert!(lookup("colour").is_some_and(|w| w.has(tables::EN_GB) && !w.has(tables::EN_US)));
        assert_eq!(british_of("color"), Some("colour"));
        assert_eq!(american_of("colour"), Some("color"));
        assert_eq!(misspelling("enteprise"), Some("enterprise"));
        assert_eq!(misspelling("criterias"), Some("criteria"));
        assert_eq!(lookup("gitlab").map(Known::display), Some("GitLab"));
        assert!(lookup("enteprise").is_none());
        assert!(is_common_word("slack"));
        assert!(!is_common_word("gitlab"));
    }
}
