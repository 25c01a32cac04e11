//! Role names read the way a reader reads them.
//!
//! [`key`](super::key) gives two spellings of one name the same key.
//! Readers accept more than that: "Director, Product Management" and
//! "Director of Product Management" are one role; so are "Program
//! Manager, Learning & Development" and "Learning & Development Program
//! Manager", "CSA" and "Customer Success Architect", "Sr Director of PS"
//! and "Senior Director of Professional Services", "The Backend
//! Engineering Manager role" and "Backend Engineering Manager", and
//! "Distinguished Engineer" and "Distinguished Engineer, Infrastructure".
//! [`RoleName`] reads a name into words that such comparisons need, and
//! [`same_role`] compares two of them. [`typo`] tells a misspelt name
//! from another role.

use std::cell::RefCell;

use super::{normalise_word, QUALIFIERS, SENIORITY};
use crate::memo::{remembered, TextMemo};

/// Title nouns that, alone or with a seniority, can make up a whole
/// level name ("Manager", "Senior Director").
pub const TITLE_NOUNS: &[&str] = &[
    "manager",
    "director",
    "head",
    "vp",
    "vice",
    "president",
    "chief",
    "officer",
    "leader",
    "lead",
];

/// Words that join the words of a name without telling roles apart.
const FILLERS: &[&str] = &["of", "the", "a", "an", "and", "for", "to"];

/// Words that, at the end of a name or before a preposition, describe the
/// level rather than name a role ("the Manager role", "the Associate
/// level in the Engineering Division").
const DESCRIPTORS: &[&str] = &["role", "roles", "level", "levels", "position", "positions"];

/// Prepositions after which a descriptor's phrase goes on describing.
const PREPOSITIONS: &[&str] = &["in", "at", "of", "for", "within", "on", "with", "across"];

/// Endings of nouns for people ("manager", "director", "specialist",
/// "analyst", "consultant", "technician", "executive", "trainee",
/// "associate", "architect", "chief").
const PERSON_ENDINGS: &[&str] = &[
    "er", "or", "ist", "yst", "ant", "ent", "ian", "ive", "ee", "ate", "ect", "ef",
];

/// Whether `word` (normalised, lower case) reads as a noun for a person in
/// a role: a title noun, "counsel", "intern", "fellow", or a word with an
/// agent ending other than "-ment" ("management" is no person).
pub fn is_person_noun(word: &str) -> bool {
    is_rank(word)
        || matches!(word, "counsel" | "intern" | "fellow")
        || (word.len() > 4
            && !word.ends_with("ment")
            && PERSON_ENDINGS.iter().any(|e| word.ends_with(e)))
}

/// Whether `word` (normalised, lower case) is a seniority or a title noun.
pub fn is_rank(word: &str) -> bool {
    SENIORITY.contains(&word) || TITLE_NOUNS.contains(&word)
}

/// One word of a name.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Word {
    /// As written, punctuation trimmed.
    raw: String,
    /// Lower case, singular, "Sr" spelled "senior".
    text: String,
    /// For a word written as an abbreviation ("CSA", "L&D", "DevRel"): the
    /// lower-case beginnings of the words it stands for.
    pieces: Vec<String>,
    /// "of", "and", …: joins words without telling roles apart.
    filler: bool,
}

impl Word {
    fn read(raw: &str) -> Option<Word> {
        let raw = raw.trim_end_matches(['\'', '’']);
        let raw = trim_end_all(trim_end_all(raw, "'s"), "’s")
            .trim_matches(|c: char| !c.is_alphanumeric() && c != '&' && c != '+');
        if raw.is_empty() {
            return None;
        }
        if raw == "&" {
            return Some(Word {
                raw: raw.to_string(),
                text: "and".to_string(),
                pieces: Vec::new(),
                filler: true,
            });
        }
        let pieces = abbreviation_pieces(raw);
        let text = if pieces.is_empty() {
            normalise_word(&raw.to_lowercase()).into_owned()
        } else {
            pieces.concat()
        };
        if text.is_empty() {
            return None;
        }
        let filler = pieces.is_empty() && FILLERS.contains(&text.as_str());
        Some(Word {
            raw: raw.to_string(),
            text,
            pieces,
            filler,
        })
    }

    fn is_abbreviation(&self) -> bool {
        !self.pieces.is_empty()
    }
}

/// `text` without every `suffix` at its end, as `trim_end_matches` does,
/// by comparison rather than through a substring searcher (built anew on
/// every call).
fn trim_end_all<'t>(text: &'t str, suffix: &str) -> &'t str {
    let mut text = text;
    if suffix.is_empty() {
        return text;
    }
    while let Some(rest) = text.strip_suffix(suffix) {
        text = rest;
    }
    text
}

/// The pieces of a word written as an abbreviation: two or more capitals
/// ("CSA", "VP", "L&D", "FP&A", "DevRel", "CSAs"), split before each
/// capital. Empty for other words.
fn abbreviation_pieces(word: &str) -> Vec<String> {
    let word = match word.strip_suffix('s') {
        Some(rest) if rest.chars().all(|c| !c.is_lowercase()) => rest,
        _ => word,
    };
    let capitals = word.chars().filter(|c| c.is_uppercase()).count();
    if capitals < 2
        || word.chars().count() > 12
        || !word.starts_with(|c: char| c.is_uppercase())
        || !word.chars().all(|c| c.is_alphanumeric() || c == '&')
    {
        return Vec::new();
    }
    let mut pieces: Vec<String> = Vec::new();
    for c in word.chars() {
        if c == '&' {
            continue;
        }
        if c.is_uppercase() || c.is_numeric() || pieces.is_empty() {
            pieces.push(c.to_lowercase().collect());
        } else if let Some(last) = pieces.last_mut() {
            last.extend(c.to_lowercase());
        }
    }
    pieces
}

/// A role name read the way a reader reads it: its words in order, the
/// words in brackets that are not a seniority ("(people manager)",
/// "(CSA)"), and where a qualifier after a comma or a dash starts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RoleName {
    /// The words outside brackets, in order, fillers included; a
    /// seniority written in brackets ("Analyst (Senior)") is among them.
    words: Vec<Word>,
    /// Each bracketed group that is not a seniority.
    brackets: Vec<Vec<Word>>,
    /// How many of `words` come before the first comma or dash, when words
    /// follow it.
    main: Option<usize>,
}

thread_local! {
    /// The names this thread has read, by text (up to 4,096): a page's
    /// headings and level names are read by several rules, and a
    /// family's pages share them.
    static READ: RefCell<TextMemo<RoleName>> = RefCell::new(TextMemo::new(1 << 12));
}

/// A piece of a name while it is read.
enum Token<'a> {
    Word(&'a str),
    Open,
    Close,
    /// A comma, or a dash between spaces.
    Separator,
}

fn tokens(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (n, &(i, c)) in chars.iter().enumerate() {
        let joins = match c {
            c if c.is_alphanumeric() => true,
            '&' | '+' | '\'' | '’' => true,
            '.' => start.is_some(),
            // "Mid-market": a hyphen inside a word splits it in two.
            _ => false,
        };
        if joins {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start.take() {
            out.push(Token::Word(&text[s..i]));
        }
        let spaced = |k: usize| chars.get(k).is_none_or(|&(_, c)| c.is_whitespace());
        match c {
            '(' => out.push(Token::Open),
            ')' => out.push(Token::Close),
            ',' | ';' | '–' | '—' | ':' => out.push(Token::Separator),
            '-' if n > 0 && spaced(n - 1) && spaced(n + 1) => out.push(Token::Separator),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(Token::Word(&text[s..]));
    }
    out
}

impl RoleName {
    /// Reads `text`: markup and a leading article dropped, a trailing
    /// "role" or "level" (and what describes it: "level in the
    /// Engineering Division") cut off.
    pub fn read(text: &str) -> RoleName {
        remembered(&READ, text, RoleName::read_now)
    }

    /// [`RoleName::read`], worked out.
    fn read_now(text: &str) -> RoleName {
        let mut name = RoleName::default();
        let mut group: Option<Vec<Word>> = None;
        let mut cut = false;
        let toks = tokens(text);
        for (n, tok) in toks.iter().enumerate() {
            match tok {
                Token::Open => group = Some(Vec::new()),
                Token::Close => {
                    if let Some(g) = group.take() {
                        name.close_group(g);
                    }
                }
                Token::Separator if group.is_none() => {
                    if name.main.is_none() && name.content_count() > 0 {
                        name.main = Some(name.words.len());
                    }
                }
                Token::Separator => {}
                Token::Word(raw) => {
                    let Some(word) = Word::read(raw) else {
                        continue;
                    };
                    if let Some(g) = group.as_mut() {
                        g.push(word);
                        continue;
                    }
                    if name.words.is_empty()
                        && matches!(word.text.as_str(), "the" | "a" | "an")
                        && word.pieces.is_empty()
                    {
                        continue;
                    }
                    if name.content_count() > 0 && describes(&word, &toks[n + 1..]) {
                        cut = true;
                        break;
                    }
                    name.words.push(word);
                }
            }
        }
        if let Some(g) = group.take().filter(|_| !cut) {
            name.close_group(g);
        }
        if name.main.is_some_and(|m| m >= name.words.len()) {
            name.main = None;
        }
        name
    }

    /// A bracketed group: a seniority ("(Senior)") joins the words, other
    /// groups are kept aside.
    fn close_group(&mut self, group: Vec<Word>) {
        match group.as_slice() {
            [] => {}
            [one] if QUALIFIERS.contains(&one.raw.to_lowercase().as_str()) => {
                self.words.push(one.clone())
            }
            _ => self.brackets.push(group),
        }
    }

    fn content_count(&self) -> usize {
        self.words.iter().filter(|w| !w.filler).count()
    }

    /// The words that tell roles apart: no fillers, no "intermediate"
    /// (unless it is all there is).
    fn content(&self) -> Vec<&Word> {
        let words: Vec<&Word> = self.words.iter().filter(|w| !w.filler).collect();
        if words.iter().all(|w| w.text == "intermediate") {
            return words;
        }
        words
            .into_iter()
            .filter(|w| w.text != "intermediate")
            .collect()
    }

    /// Whether nothing is named.
    pub fn is_empty(&self) -> bool {
        self.content_count() == 0
    }

    /// The normalised words that tell roles apart, in order.
    pub fn words(&self) -> Vec<&str> {
        self.content()
            .into_iter()
            .map(|w| w.text.as_str())
            .collect()
    }

    /// Whether every word is a seniority ("Senior", "Intermediate").
    pub fn is_seniority_only(&self) -> bool {
        let words: Vec<&Word> = self.words.iter().filter(|w| !w.filler).collect();
        !words.is_empty() && words.iter().all(|w| SENIORITY.contains(&w.text.as_str()))
    }

    /// Whether every word is a seniority or a title noun ("Manager",
    /// "Senior Director").
    pub fn is_rank_only(&self) -> bool {
        let words = self.content();
        !words.is_empty() && words.iter().all(|w| is_rank(&w.text))
    }

    /// The seniority words ("senior", "staff"), "intermediate" left out.
    fn seniority(&self) -> Vec<&str> {
        let mut out: Vec<&str> = self
            .content()
            .into_iter()
            .map(|w| w.text.as_str())
            .filter(|w| SENIORITY.contains(w) && *w != "intermediate")
            .collect();
        out.sort_unstable();
        out
    }

    /// The rank words (seniorities and title nouns), sorted.
    pub fn ranks(&self) -> Vec<&str> {
        let mut out: Vec<&str> = self
            .content()
            .into_iter()
            .map(|w| w.text.as_str())
            .filter(|w| is_rank(w) && *w != "intermediate")
            .collect();
        out.sort_unstable();
        out
    }

    /// The name without its seniority words ("Data Analyst" for "Senior
    /// Data Analyst").
    pub fn without_seniority(&self) -> RoleName {
        let senior = |w: &Word| SENIORITY.contains(&w.text.as_str());
        let main = self
            .main
            .map(|m| m - self.words[..m].iter().filter(|w| senior(w)).count());
        let words: Vec<Word> = self.words.iter().filter(|w| !senior(w)).cloned().collect();
        RoleName {
            main: main.filter(|&m| m > 0 && m < words.len()),
            words,
            brackets: self.brackets.clone(),
        }
    }

    /// The name without its qualifier ("Distinguished Engineer" for
    /// "Distinguished Engineer, Infrastructure"), when the words before
    /// the comma or dash are more than a rank ("Manager, Sales" has no
    /// short form).
    fn short(&self) -> Option<RoleName> {
        let main = self.main?;
        // "Data Analyst, Senior": a seniority after the comma is no
        // qualifier of the role.
        let rest = &self.words[main..];
        if rest
            .iter()
            .all(|w| w.filler || SENIORITY.contains(&w.text.as_str()))
        {
            return None;
        }
        let short = RoleName {
            words: self.words[..main].to_vec(),
            brackets: Vec::new(),
            main: None,
        };
        (!short.is_empty() && !short.is_rank_only()).then_some(short)
    }

    /// The head noun: the last word before a comma, a dash or "of"
    /// ("director" in "Senior Director, Engineering" and in "Director of
    /// Sales", "engineer" in "Database Engineer Roles").
    pub fn head(&self) -> Option<&str> {
        let end = self.main.unwrap_or(self.words.len());
        let end = self.words[..end]
            .iter()
            .position(|w| w.text == "of")
            .filter(|&p| p > 0)
            .unwrap_or(end);
        self.words[..end]
            .iter()
            .rev()
            .find(|w| !w.filler)
            .map(|w| w.text.as_str())
    }

    /// Whether the name reads as a person's role: its head noun or last
    /// word is an abbreviation ("CSM") or a noun for a person
    /// ([`is_person_noun`]), not "Quarterly Business Review" or "Team".
    pub fn names_a_person(&self) -> bool {
        let last = self.words.iter().rev().find(|w| !w.filler);
        let head_word = self.head();
        last.is_some_and(|w| w.is_abbreviation() || is_person_noun(&w.text))
            || head_word.is_some_and(is_person_noun)
    }

    /// The bracketed groups that are not only abbreviations ("(CSA)" is
    /// the name's own abbreviation, "(people manager)" a descriptor).
    fn descriptors(&self) -> Vec<Vec<&str>> {
        self.brackets
            .iter()
            .filter(|g| !g.iter().all(|w| w.is_abbreviation() || w.filler))
            .map(|g| {
                let mut words: Vec<&str> = g
                    .iter()
                    .filter(|w| !w.filler)
                    .map(|w| w.text.as_str())
                    .collect();
                words.sort_unstable();
                words
            })
            .collect()
    }

    /// Each bracketed group that is more than an abbreviation, read as a
    /// name of its own ("Senior Advocate (Advocate Lead)": either name).
    fn alternatives(&self) -> impl Iterator<Item = RoleName> + '_ {
        self.brackets
            .iter()
            .filter(|g| !g.iter().all(|w| w.is_abbreviation() || w.filler))
            .map(|g| RoleName {
                words: g.clone(),
                brackets: Vec::new(),
                main: None,
            })
    }
}

/// Whether `word` starts a phrase that describes the level rather than
/// names it: a descriptor at the end, or before a preposition.
fn describes(word: &Word, rest: &[Token<'_>]) -> bool {
    if !word.pieces.is_empty() || !DESCRIPTORS.contains(&word.raw.to_lowercase().as_str()) {
        return false;
    }
    match rest.iter().find(|t| !matches!(t, Token::Separator)) {
        None => true,
        Some(Token::Word(next)) => PREPOSITIONS.contains(&next.to_lowercase().as_str()),
        Some(_) => false,
    }
}

/// Whether two names name the same role: the same words in any order
/// (fillers aside), an abbreviation standing for the words whose
/// beginnings it spells, a descriptor in brackets on one side only, or
/// one name the short form of the other ("Distinguished Engineer" of
/// "Distinguished Engineer, Infrastructure").
pub fn same_role(a: &RoleName, b: &RoleName) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    if same_words(a, b) {
        return true;
    }
    if b.alternatives().any(|alt| same_words(a, &alt))
        || a.alternatives().any(|alt| same_words(&alt, b))
    {
        return true;
    }
    a.short().is_some_and(|s| same_words(&s, b)) || b.short().is_some_and(|s| same_words(a, &s))
}

/// [`same_role`] without short forms or alternatives: the words match
/// and the descriptors in brackets do not disagree.
fn same_words(a: &RoleName, b: &RoleName) -> bool {
    let (da, db) = (a.descriptors(), b.descriptors());
    if !da.is_empty() && !db.is_empty() && da != db {
        return false;
    }
    let wa = expanded(&a.words, &b.words);
    let wb = expanded(&b.words, &a.words);
    fn bag(words: &[Word]) -> Vec<&str> {
        let mut texts: Vec<&str> = words
            .iter()
            .filter(|w| !w.filler && w.text != "intermediate")
            .map(|w| w.text.as_str())
            .collect();
        texts.sort_unstable();
        texts
    }
    let (ba, bb) = (bag(&wa), bag(&wb));
    !ba.is_empty() && ba == bb
}

/// `words` with each abbreviation that `other` does not write as such
/// replaced by the words of `other` it stands for.
fn expanded(words: &[Word], other: &[Word]) -> Vec<Word> {
    let mut out = Vec::with_capacity(words.len());
    for word in words {
        if word.is_abbreviation() && !other.iter().any(|o| o.text == word.text) {
            if let Some(run) = run_spelled(&word.pieces, other) {
                out.extend(run.into_iter().cloned());
                continue;
            }
        }
        out.push(word.clone());
    }
    out
}

/// The words of `other`, in a row, whose beginnings spell `pieces`:
/// "Customer Success Architect" for C-S-A, "Learning & Development" for
/// L-D (fillers in between may be skipped), "Developer Relations" for
/// Dev-Rel. An `x` piece may stand for "ex" ("UX": User Experience).
fn run_spelled<'a>(pieces: &[String], other: &'a [Word]) -> Option<Vec<&'a Word>> {
    let starts = |word: &Word, piece: &str| {
        !word.is_abbreviation()
            && (word.text.starts_with(piece)
                || word.raw.to_lowercase().starts_with(piece)
                || (piece == "x" && word.text.starts_with("ex")))
    };
    'start: for first in 0..other.len() {
        if other[first].filler || !starts(&other[first], &pieces[0]) {
            continue;
        }
        let mut used = Vec::new();
        let mut i = first;
        for piece in pieces {
            while i < other.len() && other[i].filler && !starts(&other[i], piece) {
                i += 1;
            }
            match other.get(i) {
                Some(w) if starts(w, piece) => {
                    if !w.filler {
                        used.push(w);
                    }
                    i += 1;
                }
                _ => continue 'start,
            }
        }
        if used.len() >= 2 || (used.len() == 1 && pieces.len() == 1) {
            return Some(used);
        }
    }
    None
}

/// Whether `written` names `level` as a reader takes it: [`same_role`],
/// or a rank written alone ("Senior" in "Senior Job Grade" under "Senior
/// Product Designer", "Senior Manager" under "Senior Manager,
/// Recruiting"), or a level named by its rank alone ("Manager") written
/// out with words of the family (`family_word`: "Manager, Recruiting").
pub fn names_level(
    written: &RoleName,
    level: &RoleName,
    family_word: &dyn Fn(&str) -> bool,
) -> bool {
    if same_role(written, level) {
        return true;
    }
    if written.is_seniority_only() {
        return written.seniority() == level.seniority();
    }
    if written.is_rank_only() {
        return written.ranks() == level.ranks();
    }
    if level.is_rank_only() {
        let mut extra: Vec<&str> = written.words();
        for w in level.words() {
            match extra.iter().position(|e| *e == w) {
                Some(p) => {
                    extra.remove(p);
                }
                None => return false,
            }
        }
        return !extra.is_empty() && extra.iter().all(|w| !is_rank(w) && family_word(w));
    }
    false
}

/// The word of `written` that looks like a misspelling of a word of
/// `name`, when that is the only difference: `("Reloations",
/// "Relations")`. Ranks are never misspellings of each other.
pub fn typo(written: &RoleName, name: &RoleName) -> Option<(String, String)> {
    let mut only_written: Vec<&Word> = written.content();
    let mut only_name: Vec<&Word> = Vec::new();
    for w in name.content() {
        match only_written.iter().position(|o| o.text == w.text) {
            Some(p) => {
                only_written.remove(p);
            }
            None => only_name.push(w),
        }
    }
    let ([a], [b]) = (only_written.as_slice(), only_name.as_slice()) else {
        return None;
    };
    let (la, lb) = (a.text.chars().count(), b.text.chars().count());
    if la < 4 || lb < 4 || is_rank(&a.text) || is_rank(&b.text) {
        return None;
    }
    let limit = if la.max(lb) >= 8 { 2 } else { 1 };
    (strsim::damerau_levenshtein(&a.text, &b.text) <= limit).then(|| (a.raw.clone(), b.raw.clone()))
}

/// Whether two words share a stem: equal, or the same first five letters
/// ("recruiting", "recruiter"; "design", "designer").
pub fn same_stem(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let prefix = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    prefix >= 5 || (prefix >= 4 && (a.len() == prefix || b.len() == prefix))
}

#[cfg(test)]
mod tests;
