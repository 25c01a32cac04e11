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

/// A word list under `rules/`: where it is, which rules read it, and what
/// it holds. The rule reference lists each rule's files from here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DataFile {
    /// Path from the project's root (`rules/brands.txt`).
    pub path: &'static str,
    /// Ids of the rules that read it.
    pub rules: &'static [&'static str],
    /// What it holds, in a sentence.
    pub holds: &'static str,
    /// Its licence, for a list that comes from elsewhere.
    pub licence: Option<&'static str>,
}

/// Every word list embedded above, with the rules that read it.
pub static DATA_FILES: &[DataFile] = &[
    DataFile {
        path: "rules/dictionary/english.txt",
        rules: &["spelling"],
        holds: "SCOWL English words, American and British, sizes 35 to 70 (Debian `wamerican*`/`wbritish*` 2020.12.07), with SUBTLEXus word counts; compiled by `build.rs`",
        licence: Some("rules/dictionary/LICENSE-SCOWL.txt"),
    },
    DataFile {
        path: "rules/dictionary/variants.txt",
        rules: &["spelling"],
        holds: "American and British spellings of one word (`organize organise`), for the `spelling.variant` setting",
        licence: Some("rules/dictionary/LICENSE-SCOWL.txt"),
    },
    DataFile {
        path: "rules/spelling/companies.txt",
        rules: &["spelling", "brand-name"],
        holds: "company and product names (`@cspell/dict-companies`)",
        licence: Some("rules/spelling/LICENSE-cspell.txt"),
    },
    DataFile {
        path: "rules/spelling/software-terms.txt",
        rules: &["spelling", "brand-name"],
        holds: "software terms, tools and services (`@cspell/dict-software-terms`)",
        licence: Some("rules/spelling/LICENSE-cspell.txt"),
    },
    DataFile {
        path: "rules/spelling/corrections.txt",
        rules: &["spelling"],
        holds: "known misspellings with one correction (`typos-dict`), reported as errors and fixed safely",
        licence: Some("rules/spelling/LICENSE-typos.txt"),
    },
    DataFile {
        path: "rules/spelling/vocabulary.txt",
        rules: &["spelling"],
        holds: "handbook words the dictionary lacks (onboarding, roadmap, stakeholder, SaaS, OKR, …)",
        licence: None,
    },
    DataFile {
        path: "rules/spelling/misspellings.txt",
        rules: &["spelling"],
        holds: "curated `wrong -> right` pairs, always reported and fixed safely (plurals of uncountable nouns too)",
        licence: None,
    },
    DataFile {
        path: "rules/brands.txt",
        rules: &["brand-name", "spelling"],
        holds: "product and company names as their owners write them",
        licence: None,
    },
    DataFile {
        path: "rules/confused-words.txt",
        rules: &["confused-word"],
        holds: "`regex => replacement | reason` context patterns; group `w` is the wrong word",
        licence: None,
    },
    DataFile {
        path: "rules/inclusive-language.txt",
        rules: &["inclusive-language"],
        holds: "`word -> alternatives | reason` entries, and a `[pronouns]` section",
        licence: None,
    },
    DataFile {
        path: "rules/gender-coded.txt",
        rules: &["gender-coded-language"],
        holds: "`[masculine]`, `[feminine]` and `[fixed-mindset]` word stems with alternatives; sources in its header",
        licence: None,
    },
    DataFile {
        path: "rules/vacancy-language.txt",
        rules: &["vacancy-language"],
        holds: "phrases that read like a job advertisement",
        licence: None,
    },
    DataFile {
        path: "rules/placeholders.txt",
        rules: &["placeholder"],
        holds: "regular expressions for template text left in a page",
        licence: None,
    },
];

/// The word lists rule `id` reads, in the order of [`DATA_FILES`].
pub fn data_files_of(id: &str) -> impl Iterator<Item = &'static DataFile> + '_ {
    DATA_FILES
        .iter()
        .filter(move |file| file.rules.contains(&id))
}

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
    fn every_word_list_is_declared_with_rules_that_exist() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut on_disk: Vec<String> = walkdir::WalkDir::new(root.join("rules"))
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .filter_map(|e| {
                let rel = e
                    .path()
                    .strip_prefix(root)
                    .ok()?
                    .to_str()?
                    .replace('\\', "/");
                let name = e.file_name().to_str()?;
                // Notes, licences and the script that regenerates lists.
                let notes = name.ends_with(".md")
                    || name.ends_with(".py")
                    || name == "SOURCE.txt"
                    || name.starts_with("LICENSE");
                (!notes).then_some(rel)
            })
            .collect();
        on_disk.sort();
        let mut declared: Vec<String> = DATA_FILES.iter().map(|f| f.path.to_string()).collect();
        declared.sort();
        assert_eq!(declared, on_disk);
        for file in DATA_FILES {
            assert!(!file.rules.is_empty(), "{} names no rule", file.path);
            for id in file.rules {
                assert!(
                    crate::rules::find(id).is_some(),
                    "{}: no rule {id}",
                    file.path
                );
            }
            if let Some(licence) = file.licence {
                assert!(root.join(licence).is_file(), "{licence}");
            }
        }
        let brand_readers: Vec<&str> = data_files_of("brand-name").map(|f| f.path).collect();
        assert_eq!(
            brand_readers,
            [
                "rules/spelling/companies.txt",
                "rules/spelling/software-terms.txt",
                "rules/brands.txt"
            ]
        );
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
