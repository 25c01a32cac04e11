//! The word lists under `rules/`, embedded in the binary and parsed once,
//! on first use.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::sync::LazyLock;

use foldhash::fast::FixedState;
use regex_automata::{meta, PatternID};

use crate::pattern::LazyRegex;

/// `rules/brands.txt`.
pub const BRANDS: &str = include_str!("../../../rules/brands.txt");
/// `rules/brand-phrases.txt`.
pub const BRAND_PHRASES: &str = include_str!("../../../rules/brand-phrases.txt");
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
/// `rules/function-words.txt`: the Snowball project's English stop words.
pub const FUNCTION_WORDS: &str = include_str!("../../../rules/function-words.txt");

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
        path: "rules/brand-phrases.txt",
        rules: &["brand-name"],
        holds: "product names of several words (Google Sheets), checked in any case",
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
        holds: "`[masculine]`, `[feminine]` and `[fixed-mindset]` words and stems with alternatives, narrowed to the forms that describe a person; sources in its header",
        licence: Some("rules/LICENSE-gender-decoder.txt"),
    },
    DataFile {
        path: "rules/vacancy-language.txt",
        rules: &["vacancy-language"],
        holds: "phrases that read like a job advertisement, in sections that say where each counts",
        licence: None,
    },
    DataFile {
        path: "rules/placeholders.txt",
        rules: &["placeholder"],
        holds: "regular expressions for template text left in a page",
        licence: None,
    },
    DataFile {
        path: "rules/function-words.txt",
        rules: &["lost-list-marker"],
        holds: "English function words (the Snowball project's English stop words): a line that ends in one runs on into the next",
        licence: Some("rules/LICENSE-Snowball.txt"),
    },
];

/// The word lists rule `id` reads, in the order of [`DATA_FILES`].
pub fn data_files_of(id: &str) -> impl Iterator<Item = &'static DataFile> + '_ {
    DATA_FILES
        .iter()
        .filter(move |file| file.rules.contains(&id))
}

/// A line of a word list that cannot be used: the message names the
/// list's file and the line (`team-brands.txt: line 3: …`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListError {
    /// What is wrong, and where.
    pub message: String,
}

impl fmt::Display for ListError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ListError {}

/// Where a list's text comes from, to name it in errors: a file, or
/// entries written inline in the configuration, whose lines each have a
/// line of the configuration file.
#[derive(Clone, Copy, Debug)]
pub struct Origin<'a> {
    /// The file, as errors name it.
    pub name: &'a str,
    /// For each line of the text (from the first), the line of `name` it
    /// was written on; `None`: the text is the whole file.
    pub lines: Option<&'a [usize]>,
}

impl<'a> Origin<'a> {
    /// The text of the file `name`.
    pub fn file(name: &'a str) -> Origin<'a> {
        Origin { name, lines: None }
    }

    /// The line of the file that line `number` (1-based) of the text is.
    pub fn line(&self, number: usize) -> usize {
        match self.lines {
            Some(lines) => number
                .checked_sub(1)
                .and_then(|i| lines.get(i))
                .copied()
                .unwrap_or(number),
            None => number,
        }
    }

    /// `name: line N` for line `number` of the text.
    fn at(&self, number: usize) -> String {
        format!("{}: line {}", self.name, self.line(number))
    }

    /// The error for line `number` of the text.
    fn error(&self, number: usize, what: impl fmt::Display) -> ListError {
        ListError {
            message: format!("{}: {what}", self.at(number)),
        }
    }
}

/// Whether a list's regular expressions are compiled as they are read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Compile {
    /// When a page first needs them (the embedded lists, checked by the
    /// tests).
    OnFirstUse,
    /// Now: a pattern that does not compile is an error naming its line
    /// (a team's lists, read with the configuration).
    Now,
}

/// The lines of a list file that carry data: comments (`#` at the start)
/// and blank lines dropped, `[section]` headers kept.
pub fn lines(text: &str) -> impl Iterator<Item = &str> {
    numbered_lines(text).map(|(_, line)| line)
}

/// [`lines`], each with its 1-based line number in `text`.
pub fn numbered_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut rest = text;
    let mut number = 0;
    std::iter::from_fn(move || {
        while !rest.is_empty() {
            let (line, tail) = match memchr::memchr(b'\n', rest.as_bytes()) {
                Some(i) => (&rest[..i], &rest[i + 1..]),
                None => (rest, ""),
            };
            rest = tail;
            number += 1;
            let line = trim(line);
            if !line.is_empty() && !line.starts_with('#') {
                return Some((number, line));
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

/// The name of a `[section]` header line, if the line is one; a line that
/// opens a header and does not close it is an error.
fn section_header<'t>(
    line: &'t str,
    number: usize,
    origin: &Origin<'_>,
) -> Result<Option<&'t str>, ListError> {
    let Some(inner) = line.strip_prefix('[') else {
        return Ok(None);
    };
    match inner.strip_suffix(']') {
        Some(name) => Ok(Some(name.trim())),
        None => Err(origin.error(
            number,
            format!("`{line}` opens a section header that does not close with `]`"),
        )),
    }
}

/// The error for a section this list does not have.
fn unknown_section(name: &str, known: &[&str], number: usize, origin: &Origin<'_>) -> ListError {
    let known: Vec<String> = known.iter().map(|s| format!("[{s}]")).collect();
    origin.error(
        number,
        format!(
            "unknown section `[{name}]` (this list has {})",
            known.join(", ")
        ),
    )
}

/// English function words, lower-case (`rules/function-words.txt`).
pub static FUNCTION_WORD_SET: LazyLock<HashSet<&'static str, FixedState>> =
    LazyLock::new(|| lines(FUNCTION_WORDS).collect());

/// The first letters, lengths and last letters of a set of names: most
/// words are ruled out without lower-casing them or hashing.
#[derive(Clone, Debug)]
pub struct Shapes {
    /// For each letter `a`-`z`, a bit for each length of a name that
    /// starts with it.
    lengths: [u64; 26],
    /// For each letter `a`-`z`, a bit for the last byte of each name that
    /// starts with it (see [`last_bit`]).
    last: [u32; 26],
    /// Whether every name is ASCII, starts with a letter and is shorter
    /// than 64 bytes (otherwise nothing is ruled out).
    complete: bool,
}

impl Default for Shapes {
    fn default() -> Self {
        Shapes {
            lengths: [0; 26],
            last: [0; 26],
            complete: true,
        }
    }
}

/// The bit of a name's last byte in [`Shapes`]: one per letter `a`-`z`
/// in either case, and one for every other byte.
fn last_bit(last: u8) -> u32 {
    match last.to_ascii_lowercase() {
        letter @ b'a'..=b'z' => 1 << (letter - b'a'),
        _ => 1 << 26,
    }
}

impl Shapes {
    /// The shapes of the lower-case `names`.
    pub fn new<'n>(names: impl Iterator<Item = &'n str>) -> Shapes {
        let mut shapes = Shapes::default();
        for name in names {
            match (name.bytes().next(), name.bytes().next_back()) {
                (Some(first @ b'a'..=b'z'), Some(last)) if name.is_ascii() && name.len() < 64 => {
                    let letter = usize::from(first - b'a');
                    shapes.lengths[letter] |= 1 << name.len();
                    shapes.last[letter] |= last_bit(last);
                }
                _ => shapes.complete = false,
            }
        }
        shapes
    }

    /// Whether the ASCII word `name` may be one of the names in some case.
    pub fn may_be(&self, name: &str) -> bool {
        if !self.complete {
            return true;
        }
        let bytes = name.as_bytes();
        let (Some(first), Some(&last)) = (bytes.first().map(u8::to_ascii_lowercase), bytes.last())
        else {
            return false;
        };
        if !first.is_ascii_lowercase() || name.len() >= 64 {
            return false;
        }
        let letter = usize::from(first - b'a');
        self.lengths[letter] & (1 << name.len()) != 0 && self.last[letter] & last_bit(last) != 0
    }
}

/// Brand names of one word, by lower-case form, with their shapes.
#[derive(Clone, Debug, Default)]
pub struct BrandNames {
    /// The owner's spelling, by lower-case form.
    by_lower: HashMap<String, Cow<'static, str>, FixedState>,
    /// The shapes of the lower-case forms.
    shapes: Shapes,
}

impl BrandNames {
    /// The names, each as its owner spells it; a later spelling of the
    /// same name replaces an earlier one.
    pub fn new(names: impl IntoIterator<Item = Cow<'static, str>>) -> BrandNames {
        let by_lower: HashMap<String, Cow<'static, str>, FixedState> = names
            .into_iter()
            .map(|name| (name.to_lowercase(), name))
            .collect();
        let shapes = Shapes::new(by_lower.keys().map(String::as_str));
        BrandNames { by_lower, shapes }
    }

    /// The owner's spelling of the name whose lower-case form is `lower`.
    pub fn get(&self, lower: &str) -> Option<&str> {
        self.by_lower.get(lower).map(|name| name.as_ref())
    }

    /// Whether the ASCII word `name` may be one of the names in some case
    /// (when it is not, [`BrandNames::get`] finds nothing for it).
    pub fn may_be(&self, name: &str) -> bool {
        !self.by_lower.is_empty() && self.shapes.may_be(name)
    }

    /// How many names there are.
    pub fn len(&self) -> usize {
        self.by_lower.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.by_lower.is_empty()
    }

    /// The names, as their owners spell them (in no order).
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.by_lower.values().map(|name| name.as_ref())
    }
}

/// Parses a list of brand names of one word (`rules/brands.txt`): one
/// name a line. A line of several words is an error (such names go in the
/// list of phrases).
pub fn parse_brands<'t>(text: &'t str, origin: &Origin<'_>) -> Result<Vec<&'t str>, ListError> {
    numbered_lines(text)
        .map(|(number, name)| {
            if name.split_whitespace().nth(1).is_some() {
                return Err(origin.error(
                    number,
                    format!("`{name}` is several words: names of several words go in the `brand-phrases` list"),
                ));
            }
            Ok(name)
        })
        .collect()
}

/// Brand names of one word: lower-case form to the owner's spelling
/// (`rules/brands.txt`).
pub static BRAND_NAMES: LazyLock<BrandNames> = LazyLock::new(|| {
    let names = parse_brands(BRANDS, &Origin::file("rules/brands.txt")).unwrap_or_default();
    BrandNames::new(names.into_iter().map(Cow::Borrowed))
});

/// A product name of several words: its words in lower case, and the
/// name as its owner spells it.
pub type BrandPhrase = (Vec<String>, Cow<'static, str>);

/// Parses a list of product names of several words
/// (`rules/brand-phrases.txt`): one name a line. A name of one word is an
/// error (it goes in the list of names).
pub fn parse_brand_phrases<'t>(
    text: &'t str,
    origin: &Origin<'_>,
) -> Result<Vec<(Vec<String>, &'t str)>, ListError> {
    numbered_lines(text)
        .map(|(number, name)| {
            let words: Vec<String> = name.split_whitespace().map(str::to_lowercase).collect();
            if words.len() < 2 {
                return Err(origin.error(
                    number,
                    format!("`{name}` is one word: names of one word go in the `brands` list"),
                ));
            }
            Ok((words, name))
        })
        .collect()
}

/// Product names of several words (`rules/brand-phrases.txt`).
pub static BRAND_NAME_PHRASES: LazyLock<Vec<BrandPhrase>> = LazyLock::new(|| {
    parse_brand_phrases(BRAND_PHRASES, &Origin::file("rules/brand-phrases.txt"))
        .unwrap_or_default()
        .into_iter()
        .map(|(words, name)| (words, Cow::Borrowed(name)))
        .collect()
});

/// The shapes of the first words of [`BRAND_NAME_PHRASES`].
pub static BRAND_PHRASE_STARTS: LazyLock<Shapes> =
    LazyLock::new(|| phrase_starts(&BRAND_NAME_PHRASES));

/// The shapes of the first words of `phrases`: a word of another shape
/// starts none of them.
pub fn phrase_starts(phrases: &[BrandPhrase]) -> Shapes {
    Shapes::new(
        phrases
            .iter()
            .filter_map(|(words, _)| words.first().map(String::as_str)),
    )
}

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

/// Whether a confused-word pattern has the group `w`, the word it
/// reports.
fn has_group_w(regex: &meta::Regex) -> bool {
    regex
        .group_info()
        .pattern_names(PatternID::ZERO)
        .flatten()
        .any(|name| name == "w")
}

/// Parses `regex => replacement | reason` lines (`rules/confused-words.txt`).
/// A line without `=>` or without a pattern is an error; with
/// [`Compile::Now`], so is a pattern that does not compile or has no
/// group `w`.
pub fn parse_confused(
    text: &str,
    origin: &Origin<'_>,
    compile: Compile,
) -> Result<Vec<ConfusedPattern>, ListError> {
    numbered_lines(text)
        .map(|(number, line)| {
            let Some((pattern, rest)) = line.split_once("=>") else {
                return Err(origin.error(
                    number,
                    format!("`{line}` has no `=>`: write `regex => replacement | reason`"),
                ));
            };
            let pattern = pattern.trim();
            if pattern.is_empty() {
                return Err(origin.error(number, "no regular expression before `=>`"));
            }
            let (replacement, message) = rest.split_once('|').unwrap_or((rest, ""));
            let replacement = replacement.trim();
            let regex = LazyRegex::new(format!("(?i){pattern}"), origin.at(number));
            if compile == Compile::Now {
                let compiled = regex.get().map_err(|err| ListError {
                    message: err.to_string(),
                })?;
                if !has_group_w(compiled) {
                    return Err(origin.error(
                        number,
                        format!(
                            "`{pattern}` has no group `w`: capture the wrong word as `(?P<w>…)`"
                        ),
                    ));
                }
            }
            Ok(ConfusedPattern {
                regex,
                replacement: (!replacement.is_empty()).then(|| replacement.to_string()),
                message: message.trim().to_string(),
            })
        })
        .collect()
}

/// `confused-word` patterns, one for each line. They are compiled when a
/// page first needs them; a pattern that does not compile, or has no
/// group `w`, finds nothing (the tests check that every line compiles and
/// has one).
pub static CONFUSED: LazyLock<Vec<ConfusedPattern>> = LazyLock::new(|| {
    parse_confused(
        CONFUSED_WORDS,
        &Origin::file("rules/confused-words.txt"),
        Compile::OnFirstUse,
    )
    .unwrap_or_default()
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
    /// `<` after the term: the word does not count right after another
    /// word (an open compound such as "data driven").
    pub not_after_word: bool,
    /// `>` after the term: the word does not count right before another
    /// word (it then qualifies a thing: "competitive landscape").
    pub not_before_word: bool,
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

/// The sections of `rules/inclusive-language.txt`.
pub const INCLUSIVE_SECTIONS: &[&str] = &["pronouns", "other senses"];
/// The sections of `rules/gender-coded.txt`.
pub const GENDER_CODED_SECTIONS: &[&str] = &["masculine", "feminine", "fixed-mindset"];

/// Parses `term -> alt, alt | why` lines with `[section]` headers, each
/// one of `sections`; a term may end in `<` or `>` (see [`Entry`]). An
/// unknown section and a line with no term are errors.
pub fn entries(
    text: &str,
    origin: &Origin<'_>,
    sections: &[&str],
) -> Result<Vec<Entry>, ListError> {
    let mut section = String::new();
    let mut out = Vec::new();
    for (number, line) in numbered_lines(text) {
        if let Some(name) = section_header(line, number, origin)? {
            if !sections.contains(&name) {
                return Err(unknown_section(name, sections, number, origin));
            }
            section = name.to_string();
            continue;
        }
        let (term, rest) = line.split_once("->").unwrap_or((line, ""));
        let (alts, why) = match rest.split_once('|') {
            Some((a, w)) => (a, Some(w.trim().to_string())),
            None => (rest, None),
        };
        let mut term = term.trim().to_lowercase();
        let not_after_word = term.ends_with(" <");
        let not_before_word = term.ends_with(" >");
        if not_after_word || not_before_word {
            term.truncate(term.len() - 2);
            term.truncate(term.trim_end().len());
        }
        let (term, prefix) = match term.strip_suffix('*') {
            Some(t) => (t.to_string(), true),
            None => (term, false),
        };
        if term.is_empty() {
            return Err(origin.error(
                number,
                format!("`{line}` has no word: write `word -> alternative, alternative | why`"),
            ));
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
            not_after_word,
            not_before_word,
        });
    }
    Ok(out)
}

/// `inclusive-language` entries.
pub static INCLUSIVE: LazyLock<Vec<Entry>> = LazyLock::new(|| {
    let origin = Origin::file("rules/inclusive-language.txt");
    entries(INCLUSIVE_LANGUAGE, &origin, INCLUSIVE_SECTIONS).unwrap_or_default()
});

/// `gender-coded-language` entries.
pub static CODED: LazyLock<Vec<Entry>> = LazyLock::new(|| {
    let origin = Origin::file("rules/gender-coded.txt");
    entries(GENDER_CODED, &origin, GENDER_CODED_SECTIONS).unwrap_or_default()
});

/// Where a `vacancy-language` phrase counts: its section of
/// `rules/vacancy-language.txt`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VacancyContext {
    /// `[anywhere]`.
    Anywhere,
    /// `[with an object]`: a word must follow it; not in a hiring section.
    WithObject,
    /// `[with a person]`: the role or a person must follow it; not in a
    /// hiring section.
    WithPerson,
    /// `[as an offer]`: at the start of a sentence or item, or after a
    /// word that offers it.
    AsOffer,
}

/// The sections of `rules/vacancy-language.txt`, with what each means.
const VACANCY_SECTIONS: &[(&str, VacancyContext)] = &[
    ("anywhere", VacancyContext::Anywhere),
    ("with an object", VacancyContext::WithObject),
    ("with a person", VacancyContext::WithPerson),
    ("as an offer", VacancyContext::AsOffer),
];

/// A `vacancy-language` phrase.
#[derive(Clone, Debug)]
pub struct VacancyPhrase {
    /// The phrase, lower-case, with straight apostrophes.
    pub text: String,
    /// Where it counts.
    pub context: VacancyContext,
}

/// Parses a list of `vacancy-language` phrases, one a line, in sections
/// that say where each counts; a line before any section header counts
/// anywhere. An unknown section is an error.
pub fn parse_vacancy(text: &str, origin: &Origin<'_>) -> Result<Vec<VacancyPhrase>, ListError> {
    let mut context = VacancyContext::Anywhere;
    let mut phrases = Vec::new();
    for (number, line) in numbered_lines(text) {
        if let Some(name) = section_header(line, number, origin)? {
            context = match VACANCY_SECTIONS.iter().find(|(known, _)| *known == name) {
                Some(&(_, context)) => context,
                None => {
                    let known: Vec<&str> = VACANCY_SECTIONS.iter().map(|(n, _)| *n).collect();
                    return Err(unknown_section(name, &known, number, origin));
                }
            };
            continue;
        }
        phrases.push(VacancyPhrase {
            text: normalize(line).to_lowercase(),
            context,
        });
    }
    Ok(phrases)
}

/// `vacancy-language` phrases.
pub static VACANCY: LazyLock<Vec<VacancyPhrase>> = LazyLock::new(|| {
    let origin = Origin::file("rules/vacancy-language.txt");
    parse_vacancy(VACANCY_LANGUAGE, &origin).unwrap_or_default()
});

/// Parses a list of `placeholder` patterns, one regular expression a
/// line; with [`Compile::Now`], a pattern that does not compile is an
/// error.
pub fn parse_placeholders(
    text: &str,
    origin: &Origin<'_>,
    compile: Compile,
) -> Result<Vec<LazyRegex>, ListError> {
    numbered_lines(text)
        .map(|(number, line)| {
            let regex = LazyRegex::new(line.to_string(), origin.at(number));
            if compile == Compile::Now {
                regex.get().map_err(|err| ListError {
                    message: err.to_string(),
                })?;
            }
            Ok(regex)
        })
        .collect()
}

/// `placeholder` patterns, compiled when a page first needs them; a
/// pattern that does not compile finds nothing (the tests check that
/// every line compiles).
pub static PLACEHOLDER_PATTERNS: LazyLock<Vec<LazyRegex>> = LazyLock::new(|| {
    let origin = Origin::file("rules/placeholders.txt");
    parse_placeholders(PLACEHOLDERS, &origin, Compile::OnFirstUse).unwrap_or_default()
});

/// Replaces curly apostrophes with straight ones (same byte length is not
/// kept: use on list entries, or map offsets with care).
pub fn normalize(text: &str) -> String {
    text.replace('\u{2019}', "'")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A file named `list.txt`.
    fn file() -> Origin<'static> {
        Origin::file("list.txt")
    }

    #[test]
    fn the_embedded_lists_parse_without_errors() {
        let origin = |name| Origin::file(name);
        assert!(parse_brands(BRANDS, &origin("brands")).is_ok());
        assert!(parse_brand_phrases(BRAND_PHRASES, &origin("phrases")).is_ok());
        assert!(entries(INCLUSIVE_LANGUAGE, &origin("inclusive"), INCLUSIVE_SECTIONS).is_ok());
        assert!(entries(GENDER_CODED, &origin("coded"), GENDER_CODED_SECTIONS).is_ok());
        assert!(parse_vacancy(VACANCY_LANGUAGE, &origin("vacancy")).is_ok());
        let confused = parse_confused(CONFUSED_WORDS, &origin("confused"), Compile::Now);
        assert!(confused.is_ok(), "{confused:?}");
        let placeholders = parse_placeholders(PLACEHOLDERS, &origin("placeholders"), Compile::Now);
        assert!(placeholders.is_ok(), "{placeholders:?}");
    }

    #[test]
    fn malformed_lines_are_errors_naming_the_file_and_line() {
        let error = |result: Result<usize, ListError>| result.err().map(|e| e.message);
        let brands = |text| error(parse_brands(text, &file()).map(|v| v.len()));
        let message = brands(
            "# names
Acme
Acme Cloud
",
        );
        assert!(
            message
                .as_deref()
                .is_some_and(|m| m.starts_with("list.txt: line 3: `Acme Cloud` is several words")),
            "{message:?}"
        );
        let phrases = |text| error(parse_brand_phrases(text, &file()).map(|v| v.len()));
        let message = phrases(
            "Acme Cloud

Acme
",
        );
        assert!(
            message
                .as_deref()
                .is_some_and(|m| m.starts_with("list.txt: line 3: `Acme` is one word")),
            "{message:?}"
        );
        let confused = |text| error(parse_confused(text, &file(), Compile::Now).map(|v| v.len()));
        let cases = [
            (
                "a (?P<w>b)
",
                "line 1: `a (?P<w>b)` has no `=>`",
            ),
            (
                " => b
",
                "line 1: no regular expression before `=>`",
            ),
            (
                "ok (?P<w>x) => y
bad (?P<w>x => y
",
                "line 2: pattern is not a valid regular expression",
            ),
            (
                "# c
to (?:loose) => lose
",
                "line 2: `to (?:loose)` has no group `w`",
            ),
        ];
        for (text, expected) in cases {
            let message = confused(text);
            assert!(
                message
                    .as_deref()
                    .is_some_and(|m| m.starts_with("list.txt: ") && m.contains(expected)),
                "{text:?}: {message:?}"
            );
        }
        // Compiled on first use: the parser reads a bad pattern, as it
        // reads the embedded files (whose patterns the tests compile).
        assert_eq!(
            confused_lazily(
                "bad (?P<w>x => y
"
            ),
            Some(1)
        );
        let inclusive = |text| error(entries(text, &file(), INCLUSIVE_SECTIONS).map(|v| v.len()));
        let cases = [
            (
                "ninja -> expert
[pronoun]
he -> they
",
                "line 2: unknown section `[pronoun]` (this list has [pronouns], [other senses])",
            ),
            (
                "[pronouns
",
                "line 1: `[pronouns` opens a section header",
            ),
            (
                "ninja -> expert
 -> expert
",
                "line 2: `-> expert` has no word",
            ),
            (
                "* -> expert
",
                "line 1: `* -> expert` has no word",
            ),
        ];
        for (text, expected) in cases {
            let message = inclusive(text);
            assert!(
                message
                    .as_deref()
                    .is_some_and(|m| m.starts_with("list.txt: ") && m.contains(expected)),
                "{text:?}: {message:?}"
            );
        }
        let vacancy = |text| error(parse_vacancy(text, &file()).map(|v| v.len()));
        let message = vacancy(
            "we are hiring
[as offer]
free lunch
",
        );
        assert!(
            message
                .as_deref()
                .is_some_and(|m| m.starts_with("list.txt: line 2: unknown section `[as offer]`")),
            "{message:?}"
        );
        let placeholders =
            |text| error(parse_placeholders(text, &file(), Compile::Now).map(|v| v.len()));
        let message = placeholders(
            "TBD

# x
[unclosed
",
        );
        assert!(
            message
                .as_deref()
                .is_some_and(|m| m
                    .starts_with("list.txt: line 4: pattern is not a valid regular expression")),
            "{message:?}"
        );
        let message = placeholders(&format!(
            "{}
",
            "a".repeat(5000)
        ));
        assert!(
            message
                .as_deref()
                .is_some_and(|m| m.starts_with("list.txt: line 1: pattern is 5000 bytes long")),
            "{message:?}"
        );
    }

    /// How many patterns `text` has, read without compiling them.
    fn confused_lazily(text: &str) -> Option<usize> {
        parse_confused(text, &file(), Compile::OnFirstUse)
            .ok()
            .map(|v| v.len())
    }

    #[test]
    fn inline_lines_are_named_by_the_configuration_line() {
        let lines = [4, 6];
        let origin = Origin {
            name: "lint.toml",
            lines: Some(&lines),
        };
        let err = parse_brands(
            "Acme
Acme Cloud",
            &origin,
        )
        .err()
        .map(|e| e.message);
        assert!(
            err.as_deref()
                .is_some_and(|m| m.starts_with("lint.toml: line 6: ")),
            "{err:?}"
        );
    }

    #[test]
    fn shapes_rule_out_only_words_no_name_can_be() {
        let shapes = Shapes::new(["gitlab", "zoom"].into_iter());
        assert!(shapes.may_be("GITLAB"));
        assert!(shapes.may_be("Zoom"));
        assert!(!shapes.may_be("gitlabs"));
        assert!(!shapes.may_be("room"));
        assert!(!shapes.may_be("1zoom"));
        // Same first letter and length, another last letter.
        assert!(!shapes.may_be("gitlad"));
        assert!(!shapes.may_be("Zool"));
        assert!(shapes.may_be("GitLaB"));
        let digits = Shapes::new(["web3", "x"].into_iter());
        assert!(digits.may_be("WEB3") && digits.may_be("X"));
        assert!(!digits.may_be("webs"));
        assert!(Shapes::new(["élan"].into_iter()).may_be("anything"));
        assert!(!BrandNames::default().may_be("anything"));
    }

    #[test]
    fn every_pattern_line_compiles() {
        assert_eq!(CONFUSED.len(), lines(CONFUSED_WORDS).count());
        for pattern in CONFUSED.iter() {
            let regex = pattern.regex.get();
            assert!(
                regex.is_ok_and(has_group_w),
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
                "rules/brands.txt",
                "rules/brand-phrases.txt"
            ]
        );
    }

    #[test]
    fn lists_parse() {
        assert_eq!(BRAND_NAMES.get("gitlab"), Some("GitLab"));
        assert!(BRAND_NAME_PHRASES
            .iter()
            .any(|(words, name)| words == &["google", "sheets"] && name == "Google Sheets"));
        assert!(BRAND_NAME_PHRASES.iter().all(|(words, _)| words.len() > 1));
        let ninja = INCLUSIVE.iter().find(|e| e.term == "ninja");
        assert!(ninja.is_some_and(|e| e.prefix && e.matches("ninjas")));
        assert!(CODED
            .iter()
            .any(|e| e.section == "masculine" && e.term == "competitive" && e.not_before_word));
        assert!(CODED
            .iter()
            .any(|e| e.section == "masculine" && e.term == "driven" && e.not_after_word));
        assert!(CODED
            .iter()
            .any(|e| e.section == "feminine" && e.term == "collab"));
        assert!(CODED.iter().any(|e| e.section == "fixed-mindset"));
        let context = |text: &str| VACANCY.iter().find(|p| p.text == text).map(|p| p.context);
        assert_eq!(context("we are seeking"), Some(VacancyContext::Anywhere));
        assert_eq!(
            context("we're looking for"),
            Some(VacancyContext::WithObject)
        );
        assert_eq!(context("is looking for"), Some(VacancyContext::WithPerson));
        assert_eq!(context("competitive salary"), Some(VacancyContext::AsOffer));
    }
}
