//! The word lists under `rules/`, embedded in the binary and parsed once,
//! on first use.

use std::collections::HashMap;
use std::sync::LazyLock;

use foldhash::fast::FixedState;

use crate::pattern::LazyRegex;

/// `rules/brands.txt`.
pub const BRANDS: &str = include_str!("../../../rules/brands.txt");
/// `rules/confused-words.txt`.
pub const CONFUSED_WORDS: &str = include_str!("../../../rules/confused-words.txt");
/// `rules/inclusive-language.txt`.
pub const INCLUSIVE_LANGUAGE: &str = include_str!("../../../rules/inclusive-language.txt");
/// `rules/gender-coded.txt`.
pub const GENDER_CODED: &str = include_str!("../../../rules/gender-coded.txt");
/// `rules/vacancy-language.txt`.
pub const VACANCY_LANGUAGE: &str = include_str!("../../../rules/vacancy-language.txt");
/// `rules/placeholders.txt`.
pub const PLACEHOLDERS: &str = include_str!("../../../rules/placeholders.txt");

/// The lines of a list file that carry data: comments (`#` at the start)
/// and blank lines dropped, `[section]` headers kept.
pub fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        while !rest.is_empty() {
            let (line, tail) = match memchr::memchr(b'\n', rest.as_bytes()) {
                Some(i) => (&rest[..i], &rest[i + 1..]),
                None => (rest, ""),
            };
            rest = tail;
            let line = trim(line);
            if !line.is_empty() && !line.starts_with('#') {
                return Some(line);
            }
        }
        None
    })
}

/// [`str::trim`], with a shortcut for the usual line that starts and
/// ends with a printable ASCII character (white space, `\r` included,
/// is never one; nor is any byte of a non-ASCII character).
fn trim(line: &str) -> &str {
    let bytes = line.as_bytes();
    match (bytes.first(), bytes.last()) {
        (Some(first), Some(last)) if first.is_ascii_graphic() && last.is_ascii_graphic() => line,
        _ => line.trim(),
    }
}

/// Brand names: lower-case form to the owner's spelling.
pub static BRAND_NAMES: LazyLock<HashMap<String, &'static str, FixedState>> = LazyLock::new(|| {
    lines(BRANDS)
        .map(|name| (name.to_lowercase(), name))
        .collect()
});

/// A context pattern of `confused-word`.
#[derive(Debug)]
pub struct ConfusedPattern {
    /// The pattern, compiled on first use; group `w` is the wrong word.
    pub regex: LazyRegex,
    /// The replacement, if any.
    pub replacement: Option<String>,
    /// Why.
    pub message: String,
}

/// `confused-word` patterns, one for each line with a `=>`. They are
/// compiled when a page first needs them; a pattern that does not
/// compile, or has no group `w`, finds nothing (the tests check that
/// every line compiles and has one).
pub static CONFUSED: LazyLock<Vec<ConfusedPattern>> = LazyLock::new(|| {
    lines(CONFUSED_WORDS)
        .filter_map(|l| {
            let (pattern, rest) = l.split_once("=>")?;
            let (replacement, message) = rest.split_once('|').unwrap_or((rest, ""));
            let replacement = replacement.trim();
            Some(ConfusedPattern {
                regex: LazyRegex::new(
                    format!("(?i){}", pattern.trim()),
                    "rules/confused-words.txt",
                ),
                replacement: (!replacement.is_empty()).then(|| replacement.to_string()),
                message: message.trim().to_string(),
            })
        })
        .collect()
});

/// A word entry of a list with alternatives.
#[derive(Clone, Debug)]
pub struct Entry {
    /// The word or phrase, lower-case, without a trailing `*`.
    pub term: String,
    /// Whether any ending is allowed.
    pub prefix: bool,
    /// Alternatives.
    pub alternatives: Vec<String>,
    /// Why, when given.
    pub why: Option<String>,
    /// The list section (`masculine`, `pronouns`, …); empty before any.
    pub section: String,
}

impl Entry {
    /// Whether the lower-case `word` matches.
    pub fn matches(&self, word: &str) -> bool {
        if self.prefix {
            word.starts_with(&self.term)
        } else {
            word == self.term
        }
    }
}

/// Parses `term -> alt, alt | why` lines with `[section]` headers.
pub fn entries(text: &str) -> Vec<Entry> {
    let mut section = String::new();
    let mut out = Vec::new();
    for line in lines(text) {
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = name.trim().to_string();
            continue;
        }
        let (term, rest) = line.split_once("->").unwrap_or((line, ""));
        let (alts, why) = match rest.split_once('|') {
            Some((a, w)) => (a, Some(w.trim().to_string())),
            None => (rest, None),
        };
        let term = term.trim().to_lowercase();
        let (term, prefix) = match term.strip_suffix('*') {
            Some(t) => (t.to_string(), true),
            None => (term, false),
        };
        if term.is_empty() {
            continue;
        }
        out.push(Entry {
            term,
            prefix,
            alternatives: alts
                .split(',')
                .map(|a| a.trim().to_string())
                .filter(|a| !a.is_empty())
                .collect(),
            why: why.filter(|w| !w.is_empty()),
            section: section.clone(),
        });
    }
    out
}

/// `inclusive-language` entries.
pub static INCLUSIVE: LazyLock<Vec<Entry>> = LazyLock::new(|| entries(INCLUSIVE_LANGUAGE));

/// `gender-coded-language` entries.
pub static CODED: LazyLock<Vec<Entry>> = LazyLock::new(|| entries(GENDER_CODED));

/// `vacancy-language` phrases, lower-case, straight apostrophes.
pub static VACANCY: LazyLock<Vec<String>> = LazyLock::new(|| {
    lines(VACANCY_LANGUAGE)
        .map(|l| normalize(l).to_lowercase())
        .collect()
});

/// `placeholder` patterns, compiled when a page first needs them; a
/// pattern that does not compile finds nothing (the tests check that
/// every line compiles).
pub static PLACEHOLDER_PATTERNS: LazyLock<Vec<LazyRegex>> = LazyLock::new(|| {
    lines(PLACEHOLDERS)
        .map(|l| LazyRegex::new(l.to_string(), "rules/placeholders.txt"))
        .collect()
});

/// Replaces curly apostrophes with straight ones (same byte length is not
/// kept: use on list entries, or map offsets with care).
pub fn normalize(text: &str) -> String {
    text.replace('\u{2019}', "'")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pattern_line_compiles() {
        assert_eq!(CONFUSED.len(), lines(CONFUSED_WORDS).count());
        for pattern in CONFUSED.iter() {
            let regex = pattern.regex.get();
            assert!(
                regex.is_ok_and(|r| r.capture_names().flatten().any(|n| n == "w")),
                "{}: {regex:?}",
                pattern.regex.as_str()
            );
        }
        assert_eq!(PLACEHOLDER_PATTERNS.len(), lines(PLACEHOLDERS).count());
        for pattern in PLACEHOLDER_PATTERNS.iter() {
            assert!(pattern.get().is_ok(), "{}", pattern.as_str());
        }
    }

    #[test]
    fn lines_are_the_trimmed_lines_with_data() {
        let plain = |text: &str| -> Vec<String> {
            text.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .map(str::to_string)
                .collect()
        };
        let texts = [
            "",
            "\n",
            "a",
            "a\n",
            "a\nb",
            "a\r\nb\r\n",
            "\r",
            " a \n\t b\t\n\n# c\n #d\n[s]\n",
            "\u{a0}x\u{a0}\n\u{2003}\ny\u{85}\n",
            "Zürich\nnaïve\n é \n\u{2019}s\n",
            "a\n\r\n\r\r\nb \r",
            BRANDS,
            CONFUSED_WORDS,
        ];
        for text in texts {
            assert_eq!(lines(text).collect::<Vec<_>>(), plain(text), "{text:?}");
        }
    }

    #[test]
    fn lists_parse() {
        assert_eq!(BRAND_NAMES.get("gitlab"), Some(&"GitLab"));
        let ninja = INCLUSIVE.iter().find(|e| e.term == "ninja");
        assert!(ninja.is_some_and(|e| e.prefix && e.matches("ninjas")));
        assert!(CODED
            .iter()
            .any(|e| e.section == "masculine" && e.term == "compet"));
        assert!(CODED
            .iter()
            .any(|e| e.section == "feminine" && e.term == "collab"));
        assert!(CODED.iter().any(|e| e.section == "fixed-mindset"));
    }
}
