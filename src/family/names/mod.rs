//! Role names as a reader compares them.
//!
//! "Senior Data Analyst", "Sr. Data Analysts", "the senior data analyst"
//! and "Data Analyst (Senior)" name the same role. [`key`] reduces a name
//! to the form two such spellings share; [`similarity`] ranks names that
//! do not share it. [`RoleName`] and [`same_role`] go further, the way a
//! reader does: word order, "of" and commas, abbreviations, descriptors
//! ("the Manager role") and short forms (see [`reading`]).

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::BTreeSet;
use std::sync::LazyLock;

use regex::Regex;

use crate::memo::{remembered, TextMemo};

pub mod reading;

pub use reading::{
    is_person_noun, is_rank, names_level, same_role, same_stem, typo, RoleName, TITLE_NOUNS,
};

/// Seniority words that can stand for a whole level ("Senior" on a page
/// titled "Data Analyst").
pub const SENIORITY: &[&str] = &[
    "intermediate",
    "junior",
    "senior",
    "staff",
    "principal",
    "distinguished",
    "associate",
    "lead",
    "fellow",
    "entry",
    "level",
];

/// "Data Analyst (Senior)": a seniority qualifier written after the name.
static TRAILING_QUALIFIER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(.*?)\s*\(\s*(senior|sr\.?|snr\.?|junior|jr\.?|staff|principal|lead|associate|intermediate)\s*\)\s*$",
    )
    .expect("constant pattern")
});

/// "Senior Manager, Technical Accounting": a title noun written before the
/// function it heads, after an optional seniority.
static TITLE_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*((?:(?:senior|sr\.?|associate|group|principal|executive)\s+)*)(manager|director|head|vice\s+president|vp|officer|lead)\s*,\s*([^,]+?)\s*$",
    )
    .expect("constant pattern")
});

/// "Analyst's": a possessive ending.
static POSSESSIVE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"['’]s\b").expect("constant pattern"));

/// The qualifiers `TRAILING_QUALIFIER` accepts, as ASCII words.
const QUALIFIERS: &[&str] = &[
    "senior",
    "sr",
    "sr.",
    "snr",
    "snr.",
    "junior",
    "jr",
    "jr.",
    "staff",
    "principal",
    "lead",
    "associate",
    "intermediate",
];

/// A trimmed name's trailing seniority qualifier, `(role, qualifier)`,
/// as `TRAILING_QUALIFIER` captures them. The pattern is run only when
/// the words in the last brackets are not ASCII (case folding could then
/// match them); otherwise the last `(` decides, since nothing after it
/// may hold another.
fn trailing_qualifier(name: &str) -> Option<(&str, &str)> {
    let body = name.strip_suffix(')')?;
    let open = body.rfind('(')?;
    let inner = &body[open + 1..];
    if !inner.is_ascii() {
        let c = TRAILING_QUALIFIER.captures(name)?;
        return Some((c.get(1)?.as_str(), c.get(2)?.as_str()));
    }
    let role = body[..open].trim_end();
    if role.contains('\n') {
        return None; // `.` does not match a line break
    }
    let word = inner.trim();
    QUALIFIERS
        .iter()
        .any(|q| word.eq_ignore_ascii_case(q))
        .then_some((role, word))
}

thread_local! {
    /// The [`tokens`] of the names this thread has read, by text (up to
    /// 4,096): the family model and several rules read a page's level
    /// names.
    static TOKENS: RefCell<TextMemo<Vec<String>>> = RefCell::new(TextMemo::new(1 << 12));
}

/// The words of a name, normalised: lower case, markup and punctuation
/// dropped, abbreviations spelled out ("Sr." is "senior"), plurals made
/// singular, a leading "the" and a trailing seniority qualifier moved to
/// the front ("Analyst (Senior)" is "senior analyst").
pub fn tokens(name: &str) -> Vec<String> {
    remembered(&TOKENS, name, tokens_now)
}

/// [`tokens`], worked out now.
fn tokens_now(name: &str) -> Vec<String> {
    let lowered = lowered(name);
    let words: Vec<Cow<'_, str>> = words_of(&lowered).collect();
    let skip = leading_articles(&words);
    words[skip..].iter().map(|w| w.to_string()).collect()
}

/// A name in lower case, its trailing qualifier moved to the front,
/// possessive endings dropped and `&` spelled "and".
fn lowered(name: &str) -> String {
    let name = name.trim();
    let reordered;
    let name = match trailing_qualifier(name) {
        Some((role, word))
            if !role.trim().is_empty() && !word.eq_ignore_ascii_case("intermediate") =>
        {
            reordered = format!("{word} {role}");
            reordered.as_str()
        }
        _ => name,
    };
    let lowered = name.to_lowercase();
    let lowered = if lowered.contains(['\'', '’']) {
        POSSESSIVE.replace_all(&lowered, "").into_owned()
    } else {
        lowered
    };
    if lowered.contains('&') {
        lowered.replace('&', " and ")
    } else {
        lowered
    }
}

/// The normalised words of a [`lowered`] name, borrowed where they are
/// written as they are.
fn words_of(lowered: &str) -> impl Iterator<Item = Cow<'_, str>> {
    lowered
        .split(|c: char| !c.is_alphanumeric() && c != '+')
        .filter(|w| !w.is_empty() && *w != "+")
        .map(|w| normalise_word(w.trim_matches('+')))
        .filter(|w| !w.is_empty())
}

/// How many leading "the" a name's words drop (never the last word).
fn leading_articles<S: AsRef<str>>(words: &[S]) -> usize {
    let mut skip = 0;
    while words.len() - skip > 1 && words[skip].as_ref() == "the" {
        skip += 1;
    }
    skip
}

fn normalise_word(word: &str) -> Cow<'_, str> {
    if word.len() <= "assoc".len() {
        match word {
            "sr" | "snr" => return Cow::Borrowed("senior"),
            "jr" => return Cow::Borrowed("junior"),
            "mgr" => return Cow::Borrowed("manager"),
            "assoc" => return Cow::Borrowed("associate"),
            _ => {}
        }
    }
    singular_of(word)
}

/// A crude singular, applied to both sides of every comparison.
pub fn singular(word: &str) -> String {
    singular_of(word).into_owned()
}

/// [`singular`], borrowing `word` unless a `y` is written back.
fn singular_of(word: &str) -> Cow<'_, str> {
    if !word.ends_with('s') {
        return Cow::Borrowed(word);
    }
    let n = word.chars().count();
    if n > 4 && word.ends_with("ies") {
        Cow::Owned(format!("{}y", &word[..word.len() - 3]))
    } else if n > 3
        && word.ends_with('s')
        && !word.ends_with("ss")
        && !word.ends_with("us")
        && !word.ends_with("is")
    {
        Cow::Borrowed(&word[..word.len() - 1])
    } else {
        Cow::Borrowed(word)
    }
}

/// `text`'s words (split at white space) joined by single spaces.
pub fn squash(text: &str) -> String {
    if is_squashed(text) {
        // Most headings and items: nothing to join.
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Whether `text` is ASCII with its words already joined by single
/// spaces: no control byte (the other ASCII white space is among them),
/// no byte outside ASCII (which may be white space), no run of spaces,
/// none at either end. The bytes are tested without stopping early,
/// which lets the loops run on whole vectors of bytes.
pub(crate) fn is_squashed(text: &str) -> bool {
    let bytes = text.as_bytes();
    let odd = bytes
        .iter()
        .fold(false, |seen, &b| seen | !(b' '..=b'~').contains(&b));
    let pairs = bytes.iter().zip(bytes.iter().skip(1));
    let double = pairs.fold(false, |seen, (&a, &b)| seen | ((a == b' ') & (b == b' ')));
    !odd && !double && bytes.first() != Some(&b' ') && bytes.last() != Some(&b' ')
}

/// [`squash`], in lower case.
pub fn squash_lowercase(text: &str) -> String {
    if is_squashed(text) {
        // ASCII already: lowered while copied.
        return text.to_ascii_lowercase();
    }
    let mut out = squash(text);
    if out.is_ascii() {
        out.make_ascii_lowercase();
        out
    } else {
        out.to_lowercase()
    }
}

/// The same role with its title noun last: "Senior Manager, Technical
/// Accounting" is "Senior Technical Accounting Manager". `None` when the
/// name is not written title first.
pub fn title_last(name: &str) -> Option<String> {
    let c = TITLE_FIRST.captures(name)?;
    Some(format!("{}{} {}", &c[1], &c[3], &c[2]))
}

/// The comparison key of a name: its [`tokens`] with the word
/// "intermediate" left out (unless nothing else is left), joined by
/// spaces.
pub fn key(name: &str) -> String {
    join_key(&tokens(name))
}

/// [`key`] for words already normalised.
pub fn key_of(words: &[String]) -> String {
    join_key(words)
}

/// `words` joined by spaces, without "intermediate" unless it is all
/// there is.
fn join_key<S: AsRef<str>>(words: &[S]) -> String {
    let mut out = String::with_capacity(words.iter().map(|w| w.as_ref().len() + 1).sum());
    let mut kept = 0;
    for word in words.iter().map(AsRef::as_ref) {
        if word == "intermediate" {
            continue;
        }
        if kept > 0 {
            out.push(' ');
        }
        out.push_str(word);
        kept += 1;
    }
    if kept > 0 {
        return out;
    }
    for (i, word) in words.iter().map(AsRef::as_ref).enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// How alike two keys are, from 0 to 1: the mean of the words they share
/// (Jaccard) and their normalised edit distance, less 0.1 for each
/// seniority word only one of them has ("Senior", "Staff": a different
/// rung matters more than a different word elsewhere).
pub fn similarity(a: &str, b: &str) -> f64 {
    let wa: BTreeSet<&str> = a.split(' ').filter(|w| !w.is_empty()).collect();
    let wb: BTreeSet<&str> = b.split(' ').filter(|w| !w.is_empty()).collect();
    let union = wa.union(&wb).count();
    let jaccard = if union == 0 {
        0.0
    } else {
        wa.intersection(&wb).count() as f64 / union as f64
    };
    let rungs = wa
        .symmetric_difference(&wb)
        .filter(|w| SENIORITY.contains(w))
        .count();
    ((jaccard + strsim::normalized_levenshtein(a, b)) / 2.0 - 0.1 * rungs as f64).max(0.0)
}

/// The keys a reader would accept for a level called `name` in a family
/// titled `title`: the name itself, and for a bare seniority ("Senior")
/// the seniority followed by the title.
pub fn aliases(name: &str, title: Option<&str>) -> Vec<String> {
    let words = tokens(name);
    let mut out = vec![key_of(&words)];
    let bare = !words.is_empty() && words.iter().all(|w| SENIORITY.contains(&w.as_str()));
    if let (true, Some(title)) = (bare, title) {
        let mut long = words.clone();
        long.extend(tokens(title));
        let long = key_of(&long);
        if !out.contains(&long) {
            out.push(long);
        }
    }
    out.retain(|k| !k.is_empty());
    out
}

#[cfg(test)]
mod tests;
