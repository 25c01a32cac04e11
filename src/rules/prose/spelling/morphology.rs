//! Regular inflections and derivations of known words that the word
//! lists leave out (`influencers`, `operationalized`, `untrusting`): a
//! known word with a productive suffix or prefix is a word. Forms that
//! English does not make are not accepted: plurals of uncountable nouns
//! (`trainings`) and of superlatives (`latests`), and endings added to
//! small function words (`withing`).

use super::lexicon;
use super::tables;

/// Suffixes, each with the endings its base may have lost
/// (`influence` + `r`, `curate` -> `curating`).
const SUFFIXES: &[(&str, &[&str])] = &[
    ("s", &[""]),
    ("es", &[""]),
    ("ies", &["y"]),
    ("d", &[""]),
    ("ed", &["", "e"]),
    ("ing", &["", "e"]),
    ("r", &[""]),
    ("er", &["", "e"]),
    ("or", &["", "e"]),
    ("ly", &["", "le"]),
    ("ity", &["", "e"]),
    ("ness", &["", "y"]),
    ("able", &["", "e"]),
    ("ment", &[""]),
    ("ize", &["", "e"]),
    ("ise", &["", "e"]),
    ("ation", &["", "e"]),
    ("al", &["", "e"]),
];

/// Prefixes that make a word of a word (`untrusting`, `subdepartment`).
const PREFIXES: &[&str] = &[
    "co", "micro", "multi", "non", "over", "pre", "re", "sub", "un", "under",
];

/// Nouns that take no plural: "trainings", "informations" are errors.
const UNCOUNTABLE: &[&str] = &[
    "advice",
    "collateral",
    "equipment",
    "feedback",
    "furniture",
    "hardware",
    "information",
    "knowledge",
    "research",
    "software",
    "training",
];

/// Words too small to carry a suffix or a prefix of their own.
const FUNCTION_WORDS: &[&str] = &[
    "about", "after", "also", "even", "from", "have", "into", "just", "like", "more", "most",
    "only", "over", "such", "than", "that", "them", "then", "there", "these", "they", "this",
    "those", "what", "when", "where", "which", "while", "with", "within", "your",
];

/// Shortest base (in bytes) a derivation is made from.
const MIN_BASE: usize = 4;

/// Whether the lower-case unknown `word` is a regular derivation of a
/// known word (at most two suffixes and one prefix deep).
pub fn is_derived(word: &str) -> bool {
    derived(word, 2)
}

fn derived(word: &str, depth: u32) -> bool {
    if depth == 0 {
        return false;
    }
    for (suffix, restores) in SUFFIXES {
        let Some(stem) = word.strip_suffix(suffix) else {
            continue;
        };
        if stem.len() < 3 {
            continue;
        }
        for restore in *restores {
            let base = format!("{stem}{restore}");
            // A restored ending must give a common word (`curate`), not a
            // rare one that happens to fit (`withe`).
            let fits = if restore.is_empty() {
                is_base(&base)
            } else {
                is_base(&base) && lexicon::lookup(&base).is_some_and(|k| k.has(tables::COMMON))
            };
            if takes_suffix(&base, suffix) && (fits || derived(&base, depth - 1)) {
                return true;
            }
        }
    }
    PREFIXES.iter().any(|prefix| {
        word.strip_prefix(prefix).is_some_and(|rest| {
            rest.len() >= MIN_BASE && (is_base(rest) || derived(rest, depth - 1))
        })
    })
}

/// Whether `base` is a known ordinary word or term that may carry an
/// ending.
fn is_base(base: &str) -> bool {
    base.len() >= MIN_BASE
        && !FUNCTION_WORDS.contains(&base)
        && lexicon::lookup(base).is_some_and(|k| k.is_english() || k.has(tables::TERM))
}

/// Whether English puts `suffix` on `base`: no plural on an
/// uncountable noun, a superlative, an `-ing` or `-ed` form, an adverb
/// or a plural; doubled plurals never.
fn takes_suffix(base: &str, suffix: &str) -> bool {
    if !matches!(suffix, "s" | "es" | "ies") {
        return true;
    }
    let plural_like = base.ends_with('s') && suffix == "s";
    let superlative = base
        .strip_suffix("est")
        .is_some_and(|stem| lexicon::lookup(&format!("{stem}er")).is_some());
    !(UNCOUNTABLE.contains(&base)
        || plural_like
        || superlative
        || base.ends_with("ing")
        || base.ends_with("ed")
        || base.ends_with("ly"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_regular_derivations() {
        for word in [
            "influencers",
            "storylines",
            "operationalized",
            "matrixed",
            "untrusting",
            "subdepartment",
            "participations",
        ] {
            assert!(is_derived(word), "{word}");
        }
    }

    #[test]
    fn refuses_forms_english_does_not_make() {
        for word in [
            "latests",
            "trainings",
            "feedbacks",
            "withing",
            "enteprise",
            "servey",
        ] {
            assert!(!is_derived(word), "{word}");
        }
    }
}
