//! The roles a family's page names, compared the way a reader compares
//! names (see [`names::reading`]): which level a name written on the page
//! names, whether a name is a role the family knows at all, and which
//! level an "Extends" reference names when its key names none.

use super::headings::HeadingKind;
use super::names::{self, RoleName};
use super::{descending_in, JobFamily, Level, SectionKind};
use crate::document::Document;

/// The names a family's page gives its roles, read once.
#[derive(Clone, Debug, Default)]
pub struct Roles {
    /// The title from the front matter.
    title: Option<RoleName>,
    /// Each level's name, in the order of [`JobFamily::levels`].
    levels: Vec<RoleName>,
    /// Roles that headings name outside the level headings: specialties,
    /// a level written at the wrong depth.
    headings: Vec<RoleName>,
    /// Roles named before a section word ("X Requirements").
    sections: Vec<RoleName>,
    /// Words of the title, the level names and the headings, other than
    /// ranks and fillers: the family's own vocabulary.
    words: Vec<String>,
    /// Words of the page's path and front-matter description.
    context: Vec<String>,
    /// The last word of each level name and of the title: the nouns the
    /// family's roles end in ("engineer", "partner").
    heads: Vec<String>,
}

impl Roles {
    /// Reads the names of `family`, a model of `doc`.
    pub fn new(family: &JobFamily, doc: &Document) -> Roles {
        let title = family.title.as_deref().map(RoleName::read);
        let levels: Vec<RoleName> = family
            .levels
            .iter()
            .map(|l| RoleName::read(&l.name))
            .collect();
        let level_headings: Vec<usize> = family.levels.iter().filter_map(|l| l.heading).collect();
        let mut headings = Vec::new();
        let mut sections = Vec::new();
        let mut words: Vec<String> = Vec::new();
        let add_words = |name: &RoleName, words: &mut Vec<String>| {
            for w in name.words() {
                if !names::is_rank(w) && !words.iter().any(|k| k == w) {
                    words.push(w.to_string());
                }
            }
        };
        for name in title.iter().chain(&levels) {
            add_words(name, &mut words);
        }
        for (i, h) in doc.headings.iter().enumerate() {
            if level_headings.contains(&i) {
                continue;
            }
            match family.heading_kind(i, &h.text).as_ref() {
                HeadingKind::Other => {
                    let name = RoleName::read(&h.text);
                    add_words(&name, &mut words);
                    headings.push(name);
                }
                HeadingKind::Named(role, _) => sections.push(RoleName::read(role)),
                HeadingKind::Section(_) => {}
            }
        }
        let mut context: Vec<String> = Vec::new();
        // The page's file and folder names, not the content tree's.
        let path: Vec<String> = doc
            .path
            .with_extension("")
            .iter()
            .rev()
            .map(|c| c.to_string_lossy().to_lowercase())
            .filter(|c| !matches!(c.as_str(), "index" | "_index" | "index.html"))
            .take(2)
            .collect();
        let path = path.join(" ");
        let description = doc
            .front_matter
            .as_ref()
            .and_then(|fm| fm.field("description"))
            .and_then(|f| f.value.clone())
            .unwrap_or_default();
        for name in [
            RoleName::read(&path.replace(['/', '\\', '-', '_', '.'], " ")),
            RoleName::read(&description),
        ] {
            for w in name.words() {
                if !names::is_rank(w) && !context.iter().any(|k| k == w) {
                    context.push(w.to_string());
                }
            }
        }
        let mut heads: Vec<String> = Vec::new();
        for name in title.iter().chain(&levels) {
            for head in name.words().last().copied().into_iter().chain(name.head()) {
                if !heads.iter().any(|h| h == head) {
                    heads.push(head.to_string());
                }
            }
        }
        Roles {
            title,
            levels,
            headings,
            sections,
            words,
            context,
            heads,
        }
    }

    /// The title, read.
    pub fn title(&self) -> Option<&RoleName> {
        self.title.as_ref()
    }

    /// Level `i`'s name, read.
    pub fn level(&self, i: usize) -> Option<&RoleName> {
        self.levels.get(i)
    }

    /// Whether `word` (normalised) is a word of the family's own names,
    /// by stem ("recruiting" on a page whose levels are "Recruiter").
    pub fn family_word(&self, word: &str) -> bool {
        self.words.iter().any(|w| names::same_stem(w, word))
    }

    /// Whether `written` names level `i` as a reader takes it (see
    /// [`names::names_level`]).
    pub fn names_level(&self, written: &RoleName, i: usize) -> bool {
        self.levels
            .get(i)
            .is_some_and(|level| names::names_level(written, level, &|w| self.family_word(w)))
    }

    /// The first level other than `except` that `written` names by the
    /// same words ([`names::same_role`]).
    pub fn other_level(&self, written: &RoleName, except: usize) -> Option<usize> {
        self.levels
            .iter()
            .enumerate()
            .find(|&(j, level)| j != except && names::same_role(written, level))
            .map(|(j, _)| j)
    }

    /// Whether `written` is a role the family knows: its title, one of its
    /// levels or another rung of one ("Staff Producer" beside "Producer"),
    /// or a role one of its headings names.
    pub fn knows(&self, written: &RoleName) -> bool {
        let family_word = |w: &str| self.family_word(w);
        let rung = written.without_seniority();
        self.title.iter().chain(&self.levels).any(|n| {
            names::names_level(written, n, &family_word)
                    // Another rung of the role: "Senior Producer" on a
                    // page titled "Producer".
                    || (!rung.is_empty() && names::same_role(&rung, &n.without_seniority()))
        }) || self
            .headings
            .iter()
            .chain(&self.sections)
            .any(|n| names::same_role(written, n))
    }

    /// Whether a heading of the page other than a level's names the role
    /// `written` names: a reader finds it there, though the family does
    /// not read it as a level.
    pub fn has_heading(&self, written: &RoleName) -> bool {
        self.headings.iter().any(|n| names::same_role(written, n))
    }

    /// Whether `written` shares a word other than a rank with the family's
    /// names, its headings, its path or its description: a name with none
    /// is foreign to the family.
    pub fn shares_a_word(&self, written: &RoleName) -> bool {
        written.words().iter().any(|w| {
            !names::is_rank(w)
                && (self.family_word(w) || self.context.iter().any(|c| names::same_stem(c, w)))
        })
    }

    /// Whether `written`, the words before a section word in a heading
    /// ("Location Specific" in "Location Specific Requirements"), reads
    /// as a role: its head noun or last word is a title noun or a noun the
    /// family's roles end in, or it shares a word other than a rank with
    /// the title or a level's name. Other words qualify the section.
    pub fn reads_as_role(&self, written: &RoleName) -> bool {
        let words = written.words();
        let ends_as_role = words
            .last()
            .copied()
            .into_iter()
            .chain(written.head())
            .any(|h| names::is_rank(h) || self.heads.iter().any(|k| k == h));
        ends_as_role
            || words.iter().any(|w| {
                !names::is_rank(w)
                    && self
                        .title
                        .iter()
                        .chain(&self.levels)
                        .any(|n| n.words().contains(w))
            })
    }

    /// Whether a heading's text, inside a level, names a role of its own:
    /// its head noun is a title noun or a noun the family's roles end in
    /// ("#### Team Member Relations Partner" inside the level above it).
    pub fn is_role_heading(&self, text: &str) -> bool {
        let name = RoleName::read(text);
        name.head()
            .is_some_and(|h| names::is_rank(h) || self.heads.iter().any(|k| k == h))
    }

    /// The first heading inside level `i` of `family` that names a role
    /// other than the level (a level the page wrote one level too deep):
    /// what follows it is that role's, not the level's. An index into
    /// [`Document::headings`].
    pub fn inner_role_heading(
        &self,
        doc: &Document,
        family: &JobFamily,
        i: usize,
    ) -> Option<usize> {
        let level = family.levels.get(i)?;
        level
            .subheadings
            .iter()
            .filter(|s| s.kind.is_none() && Some(s.heading) != level.heading)
            .map(|s| s.heading)
            .find(|&h| {
                let text = &doc.headings[h].text;
                self.is_role_heading(text) && !self.names_level(&RoleName::read(text), i)
            })
    }
}

impl JobFamily {
    /// The family's role names, read once for comparisons (see [`Roles`]).
    pub fn roles(&self, doc: &Document) -> Roles {
        Roles::new(self, doc)
    }

    /// The level just below level `i` on the ladder, by page order read in
    /// the page's direction.
    pub fn level_below(&self, i: usize) -> Option<usize> {
        if self.descending() {
            (i + 1 < self.levels.len()).then_some(i + 1)
        } else {
            i.checked_sub(1)
        }
    }

    /// Whether `reference` names the family's base role: the role of the
    /// title, described by family-wide Responsibilities or Requirements
    /// rather than by a level ("Extends the Intermediate
    /// responsibilities" on a page that describes the intermediate role
    /// before its Levels).
    pub fn names_base_role(&self, reference: &str) -> bool {
        let Some(title) = self.title.as_deref() else {
            return false;
        };
        let described = self.sections.iter().any(|s| {
            matches!(
                s.kind,
                SectionKind::Responsibilities | SectionKind::Requirements
            )
        });
        let written = RoleName::read(reference);
        described
            && if written.is_seniority_only() {
                rank_of(reference, title) == names::key(title)
            } else {
                names::same_role(&written, &RoleName::read(title))
            }
    }

    /// Whether some level sits below level `i` on the ladder.
    pub fn has_level_below(&self, i: usize) -> bool {
        (0..self.levels.len()).any(|j| j != i && self.is_above(i, j))
    }
}

/// Gives the "Extends" references whose key names no level the level a
/// reader takes them for (see [`read_reference`]).
pub(super) fn resolve_by_reading(levels: &mut [Level], title: Option<&str>) {
    let unresolved = levels
        .iter()
        .flat_map(|l| &l.extends)
        .any(|e| e.target.is_none() && !e.links_elsewhere());
    if !unresolved {
        return;
    }
    let names: Vec<RoleName> = levels.iter().map(|l| RoleName::read(&l.name)).collect();
    let mut found = Vec::new();
    for (i, level) in levels.iter().enumerate() {
        for (k, e) in level.extends.iter().enumerate() {
            if e.target.is_some() || e.links_elsewhere() {
                continue;
            }
            if let Some(t) = read_reference(levels, &names, title, i, &e.reference) {
                found.push((i, k, t));
            }
        }
    }
    for (i, k, t) in found {
        levels[i].extends[k].target = Some(t);
    }
}

/// The level that `reference`, written in level `from`, names as a reader
/// reads it, when exactly one level below `from` fits: the same words in
/// any order, abbreviations, a short form ([`names::same_role`]); a
/// seniority alone ("the Intermediate responsibilities") before the
/// words of `from`'s name, or else of the title, other than seniorities;
/// two levels joined by "or", the first completed with the last one's
/// words ("Director or Senior Director of Sales").
pub(crate) fn read_reference(
    levels: &[Level],
    names: &[RoleName],
    title: Option<&str>,
    from: usize,
    reference: &str,
) -> Option<usize> {
    let descending = descending_in(levels);
    // Page order read in the page's direction; an "Extends" never names a
    // level above its own.
    let below = |t: usize| t != from && if descending { t > from } else { t < from };
    let only = |hits: Vec<usize>| match hits.as_slice() {
        [one] => Some(*one),
        _ => None,
    };
    for part in alternatives(reference) {
        let written = RoleName::read(&part);
        if written.is_seniority_only() {
            // Keys, not words in any order: "Channel Sales Manager" (the
            // base role) is not "Manager, Channel Sales".
            let bases = levels
                .get(from)
                .map(|l| l.name.as_str())
                .into_iter()
                .chain(title);
            for base in bases {
                let key = rank_of(&part, base);
                if title.is_some_and(|t| names::key(t) == key) {
                    // The family's base role, which may be no level.
                    return levels
                        .iter()
                        .position(|l| l.answers_to_key(&key))
                        .filter(|&t| below(t));
                }
                let hits = (0..levels.len())
                    .filter(|&t| below(t) && levels[t].answers_to_key(&key))
                    .collect();
                if let Some(t) = only(hits) {
                    return Some(t);
                }
            }
            continue;
        }
        let hits = names
            .iter()
            .enumerate()
            .filter(|&(t, name)| below(t) && names::same_role(&written, name))
            .map(|(t, _)| t)
            .collect();
        if let Some(t) = only(hits) {
            return Some(t);
        }
    }
    None
}

/// The key of the role `seniority` ("Senior") names on a ladder of
/// `base`: the seniority before `base`'s words other than seniorities.
fn rank_of(seniority: &str, base: &str) -> String {
    let words: Vec<String> = names::tokens(base)
        .into_iter()
        .filter(|w| !names::SENIORITY.contains(&w.as_str()))
        .collect();
    names::key(&format!("{seniority} {}", words.join(" ")))
}

/// The names a reference offers: itself, or for "A or B" each of them,
/// a rank alone ("Director") completed with what follows the ranks of the
/// last one ("Senior Director of Sales" gives "Director of Sales").
fn alternatives(reference: &str) -> Vec<String> {
    let parts: Vec<&str> = split_or(reference);
    let Some((last, rest)) = parts.split_last() else {
        return Vec::new();
    };
    if rest.is_empty() {
        return vec![reference.to_string()];
    }
    let tail = rank_tail(last);
    let mut out: Vec<String> = rest
        .iter()
        .map(|p| {
            if RoleName::read(p).is_rank_only() {
                format!("{}{}", p.trim_end(), tail)
            } else {
                p.to_string()
            }
        })
        .collect();
    out.push(last.to_string());
    out
}

/// `text` split at the word "or" (any case).
fn split_or(text: &str) -> Vec<&str> {
    // ASCII lower-casing keeps every byte offset.
    let lower = text.to_ascii_lowercase();
    let mut parts = Vec::new();
    let mut start = 0;
    while let Some(p) = lower[start..].find(" or ") {
        parts.push(text[start..start + p].trim());
        start += p + " or ".len();
    }
    parts.push(text[start..].trim());
    parts.retain(|p| !p.is_empty());
    parts
}

/// What follows the leading rank words of `name` ("of Sales" in "Senior
/// Director of Sales", ", Recruiting" in "Senior Manager, Recruiting"),
/// with the space or comma before it.
fn rank_tail(name: &str) -> &str {
    let mut end_of_ranks = 0;
    for (start, word) in word_spans(name) {
        let read = RoleName::read(word);
        if read.is_empty() || !read.is_rank_only() {
            break;
        }
        end_of_ranks = start + word.len();
    }
    &name[end_of_ranks..]
}

/// The words of `text` split at white space, with their byte offsets.
fn word_spans(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_whitespace().map(move |w| {
        let start = w.as_ptr() as usize - text.as_ptr() as usize;
        (start, w.trim_end_matches(','))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alternatives_complete_a_rank_with_the_last_name() {
        assert_eq!(
            alternatives("Director or Senior Director of Customer Success"),
            vec![
                "Director of Customer Success",
                "Senior Director of Customer Success"
            ]
        );
        assert_eq!(
            alternatives("Manager or Senior Manager, Recruiting"),
            vec!["Manager, Recruiting", "Senior Manager, Recruiting"]
        );
        assert_eq!(alternatives("Senior Analyst"), vec!["Senior Analyst"]);
        assert_eq!(
            alternatives("Data Analyst or Data Scientist"),
            vec!["Data Analyst", "Data Scientist"]
        );
        assert_eq!(alternatives("İ OR x"), vec!["İ", "x"]);
        assert!(alternatives("").is_empty());
    }
}
