//! The job-family model: what a page says about a role and its levels.
//!
//! [`JobFamily::build`] reads a parsed [`Document`] once and finds the
//! family's title, overview, levels (however the page lays them out),
//! specialties and family-wide sections; for each level its grade
//! statement, its responsibilities, requirements and performance
//! indicators, and its "Extends …" references resolved to levels.
//! The model knows nothing of rules; rules read it.

mod build;
pub mod extends;
mod grade;
mod headings;
mod inherit;
mod levels;
pub mod names;
mod roles;
mod sections;
pub mod spans;

use std::borrow::Cow;
use std::ops::Range;

use crate::document::Document;

pub use extends::{Extends, Fused};
pub use roles::Roles;

/// A job-family page.
#[derive(Clone, Debug, Default)]
pub struct JobFamily {
    /// The title from the front matter.
    pub title: Option<String>,
    /// The introductory paragraph before the first heading.
    pub overview: Option<Range<usize>>,
    /// Whether the page reads as a job family at all (levels, or the
    /// sections of one), rather than an index or another page.
    pub is_job_family: bool,
    /// How the levels are laid out.
    pub layout: Layout,
    /// The "Levels" heading (index into [`Document::headings`]).
    pub levels_heading: Option<usize>,
    /// The levels in page order. A page with a single role has one
    /// implicit level named after the title.
    pub levels: Vec<Level>,
    /// The specialties under a "Specialties" heading.
    pub specialties: Vec<Specialty>,
    /// Family-wide sections (outside every level and specialty), in order.
    pub sections: Vec<FamilySection>,
    /// What each heading's text says (by index into
    /// [`Document::headings`]), read once for the family and the rules.
    pub(crate) heading_kinds: Vec<headings::HeadingKind>,
}

/// How a page lays its levels out.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Layout {
    /// Level headings nested under a "Levels" heading.
    #[default]
    Nested,
    /// Level headings at the same depth as the "Levels" heading.
    SameDepth,
    /// Level headings without a "Levels" heading, recognised by their
    /// grades and sub-sections.
    Unlabelled,
    /// One role, no levels: the page's sections describe it.
    SingleRole,
}

/// What a heading names, as far as the family is concerned.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SectionKind {
    /// "Responsibilities".
    Responsibilities,
    /// "Requirements".
    Requirements,
    /// "Performance Indicators", "(PI)".
    PerformanceIndicators,
    /// "Job Grade".
    JobGrade,
    /// "Career Ladder".
    CareerLadder,
    /// "Hiring Process".
    HiringProcess,
    /// "Levels".
    Levels,
    /// "Specialties".
    Specialties,
}

impl SectionKind {
    /// The heading text a page usually gives it.
    pub fn title(self) -> &'static str {
        match self {
            SectionKind::Responsibilities => "Responsibilities",
            SectionKind::Requirements => "Requirements",
            SectionKind::PerformanceIndicators => "Performance Indicators",
            SectionKind::JobGrade => "Job Grade",
            SectionKind::CareerLadder => "Career Ladder",
            SectionKind::HiringProcess => "Hiring Process",
            SectionKind::Levels => "Levels",
            SectionKind::Specialties => "Specialties",
        }
    }

    /// Whether each level (or specialty) holds a section of this kind
    /// of its own: Job Grade, Responsibilities, Requirements,
    /// Performance Indicators.
    pub fn is_level_part(self) -> bool {
        matches!(
            self,
            SectionKind::JobGrade
                | SectionKind::Responsibilities
                | SectionKind::Requirements
                | SectionKind::PerformanceIndicators
        )
    }

    /// The list kind of a section that holds one.
    pub fn list_kind(self) -> Option<ListKind> {
        match self {
            SectionKind::Responsibilities => Some(ListKind::Responsibilities),
            SectionKind::Requirements => Some(ListKind::Requirements),
            SectionKind::PerformanceIndicators => Some(ListKind::PerformanceIndicators),
            _ => None,
        }
    }
}

/// The lists a level has.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ListKind {
    /// What the role does.
    Responsibilities,
    /// What the role needs.
    Requirements,
    /// How the role is measured.
    PerformanceIndicators,
}

impl ListKind {
    /// The word a page uses for it, in lower case.
    pub fn word(self) -> &'static str {
        match self {
            ListKind::Responsibilities => "responsibilities",
            ListKind::Requirements => "requirements",
            ListKind::PerformanceIndicators => "performance indicators",
        }
    }
}

/// A level of the family.
#[derive(Clone, Debug, Default)]
pub struct Level {
    /// The name as the heading writes it, spaces collapsed (the title for
    /// an implicit level).
    pub name: String,
    /// The level's heading; `None` for the implicit level of a
    /// single-role page.
    pub heading: Option<usize>,
    /// From the heading to the next level (or the end of the levels).
    pub span: Range<usize>,
    /// Comparison keys a reader would accept for it (see [`names::key`]).
    pub aliases: Vec<String>,
    /// Its grade statement.
    pub grade: Option<Grade>,
    /// Where the level says it has no grade ("The Intern is not aligned
    /// to a job grade"), when it has no grade statement.
    pub no_grade: Option<Range<usize>>,
    /// Its responsibilities.
    pub responsibilities: Option<LevelList>,
    /// Its requirements.
    pub requirements: Option<LevelList>,
    /// Its performance indicators.
    pub indicators: Option<LevelList>,
    /// Its sub-headings, nested or flat, in order.
    pub subheadings: Vec<SubHeading>,
    /// Its "Extends …" items, in order.
    pub extends: Vec<Extends>,
    /// Where the level says, in other words than "Extends", that it
    /// carries another level's or the family's requirements over ("meets
    /// all of the requirements of a Senior Analyst, plus:", "Same as the
    /// Analyst", "expected to meet the base requirements").
    pub carries_over: Option<Range<usize>>,
}

impl Level {
    /// The list of `kind`, if the level has one.
    pub fn list(&self, kind: ListKind) -> Option<&LevelList> {
        match kind {
            ListKind::Responsibilities => self.responsibilities.as_ref(),
            ListKind::Requirements => self.requirements.as_ref(),
            ListKind::PerformanceIndicators => self.indicators.as_ref(),
        }
    }

    /// Whether this is the implicit level of a single-role page.
    pub fn is_implicit(&self) -> bool {
        self.heading.is_none()
    }

    /// Whether `name` names this level (see [`names::key`]).
    pub fn answers_to(&self, name: &str) -> bool {
        self.answers_to_key(&names::key(name))
    }

    /// [`Level::answers_to`] for a name's key already worked out.
    pub fn answers_to_key(&self, key: &str) -> bool {
        !key.is_empty() && self.aliases.iter().any(|a| a == key)
    }
}

/// A heading inside a level.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SubHeading {
    /// Index into [`Document::headings`].
    pub heading: usize,
    /// What it names, if it is a known section.
    pub kind: Option<SectionKind>,
    /// The role named before the section word ("Senior Analyst" in
    /// "Senior Analyst Requirements") and its span.
    pub role: Option<(String, Range<usize>)>,
}

/// A level's list of responsibilities, requirements or indicators.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LevelList {
    /// Which list.
    pub kind: ListKind,
    /// The heading that introduces it (`None` for a bold paragraph).
    pub heading: Option<usize>,
    /// Where it is introduced: the heading, or the bold paragraph.
    pub span: Range<usize>,
    /// Its items (indices into [`Document::items`]), nested ones included.
    pub items: Vec<usize>,
}

impl LevelList {
    /// Where a lead-in to the list is written ("Extends the Analyst
    /// requirements, plus:", "Same as the Analyst, plus:"): from its
    /// heading (or bold label) to its first item. `None` for a list
    /// without items.
    pub fn lead_in(&self, doc: &Document) -> Option<Range<usize>> {
        let first = doc.items.get(*self.items.first()?)?;
        Some(self.span.start..first.span.start)
    }
}

/// "The Senior Analyst is a [grade 7](…)".
#[derive(Clone, Debug, PartialEq)]
pub struct Grade {
    /// The number as written ("7", "7.5").
    pub text: String,
    /// Its value, when it is a number.
    pub value: Option<f64>,
    /// The number's span.
    pub number_span: Range<usize>,
    /// The sentence's span, from "The" (or the grade) to the number.
    pub span: Range<usize>,
    /// The role the sentence names, markup removed.
    pub role: Option<String>,
    /// Where the role is written.
    pub role_span: Option<Range<usize>>,
}

impl Grade {
    /// The grade as a whole number, if it is one.
    pub fn whole(&self) -> Option<u32> {
        let v = self.value?;
        (v.fract() == 0.0 && (0.0..=1000.0).contains(&v)).then_some(v as u32)
    }
}

/// A specialty of the family.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Specialty {
    /// The heading text.
    pub name: String,
    /// Index into [`Document::headings`].
    pub heading: usize,
    /// Its section's span.
    pub span: Range<usize>,
}

/// The level or specialty a part heading (see
/// [`SectionKind::is_level_part`]) belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PartOf {
    /// Index into [`JobFamily::levels`].
    Level(usize),
    /// Index into [`JobFamily::specialties`].
    Specialty(usize),
}

/// A family-wide section.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FamilySection {
    /// What it is.
    pub kind: SectionKind,
    /// Index into [`Document::headings`].
    pub heading: usize,
    /// Items of its lists, for the kinds that hold lists.
    pub items: Vec<usize>,
}

/// What a heading's text names as far as the family is concerned: a
/// section word alone (`Requirements`, `Job Grade:`), with no role, or
/// after a role (`Senior Analyst Requirements`), with the role as written;
/// `None` for any other heading (a level, a specialty, a topic).
pub fn heading_section(text: &str) -> Option<(SectionKind, Option<String>)> {
    section_of(&headings::classify(text))
}

/// [`heading_section`] of what a heading's text says.
fn section_of(kind: &headings::HeadingKind) -> Option<(SectionKind, Option<String>)> {
    match kind {
        headings::HeadingKind::Section(kind) => Some((*kind, None)),
        headings::HeadingKind::Named(role, kind) => Some((*kind, Some(role.clone()))),
        headings::HeadingKind::Other => None,
    }
}

/// Compiles the patterns that reading nearly every page's levels needs
/// (grade statements, "Extends the … requirements"), so that a run can
/// compile them on another thread while it walks the tree; the rules
/// that read the family name this as their `prepare` (`role-reference`
/// names its own). A pattern for rarer text ("is not aligned to a job
/// grade") is left to be compiled on first use, as all of them would be.
pub fn prepare() {
    grade::prepare();
    inherit::prepare();
}

impl JobFamily {
    /// Reads the family from a parsed page.
    pub fn build(doc: &Document) -> JobFamily {
        build::build(doc)
    }

    /// [`heading_section`] of heading `i` of the page the family was
    /// built from, whose text is `text`.
    pub fn heading_section(&self, i: usize, text: &str) -> Option<(SectionKind, Option<String>)> {
        match self.heading_kinds.get(i) {
            Some(kind) => section_of(kind),
            None => heading_section(text),
        }
    }

    /// What heading `i` (whose text is `text`) of the page the family was
    /// built from says.
    pub(crate) fn heading_kind(&self, i: usize, text: &str) -> Cow<'_, headings::HeadingKind> {
        match self.heading_kinds.get(i) {
            Some(kind) => Cow::Borrowed(kind),
            None => Cow::Owned(headings::classify(text)),
        }
    }

    /// For each heading of `doc` (the page the family was built from), the
    /// level or specialty it is a part of: a Job Grade, Responsibilities,
    /// Requirements or Performance Indicators heading that the family
    /// reads as a level's, whatever its depth, or that lies in a
    /// specialty's section. `None` for any other heading.
    pub fn parts(&self, doc: &Document) -> Vec<Option<PartOf>> {
        let is_part = |i: usize| {
            doc.headings.get(i).is_some_and(|h| {
                self.heading_section(i, &h.text)
                    .is_some_and(|(kind, _)| kind.is_level_part())
            })
        };
        let mut parts = vec![None; doc.headings.len()];
        for (index, level) in self.levels.iter().enumerate() {
            for sub in &level.subheadings {
                if let Some(part) = parts.get_mut(sub.heading).filter(|_| is_part(sub.heading)) {
                    part.get_or_insert(PartOf::Level(index));
                }
            }
        }
        for (i, heading) in doc.headings.iter().enumerate() {
            if parts[i].is_some() || !is_part(i) {
                continue;
            }
            // Specialties are in page order: the last one to start
            // before the heading is the only one that may hold it.
            let at = heading.span.start;
            let before = self.specialties.partition_point(|s| s.span.start <= at);
            let holder = before.checked_sub(1).filter(|&s| {
                let specialty = &self.specialties[s];
                specialty.heading != i && specialty.span.contains(&at)
            });
            parts[i] = holder.map(PartOf::Specialty);
        }
        parts
    }

    /// The level `name` names exactly (after normalisation), if any.
    pub fn resolve(&self, name: &str) -> Option<usize> {
        resolve_key(&self.levels, &names::key(name))
    }

    /// Levels ranked by how close their names are to `name`, best first,
    /// with a score from 0 to 1.
    pub fn closest(&self, name: &str) -> Vec<(usize, f64)> {
        let key = names::key(name);
        let mut ranked: Vec<(usize, f64)> = self
            .levels
            .iter()
            .enumerate()
            .map(|(i, level)| {
                let best = level
                    .aliases
                    .iter()
                    .map(|a| names::similarity(&key, a))
                    .fold(0.0, f64::max);
                (i, best)
            })
            .collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked
    }

    /// Items of the family-wide sections of `kind`.
    pub fn family_items(&self, kind: SectionKind) -> impl Iterator<Item = usize> + '_ {
        self.sections
            .iter()
            .filter(move |s| s.kind == kind)
            .flat_map(|s| s.items.iter().copied())
    }

    /// The levels a level's list of `kind` extends, directly or through
    /// others, nearest first; `complete` is false when some reference of
    /// the chain does not resolve.
    pub fn extended(&self, level: usize, kind: ListKind) -> Extended {
        let mut out = Extended {
            levels: Vec::new(),
            complete: true,
        };
        let mut queue = vec![level];
        let mut seen = vec![level];
        while let Some(current) = queue.pop() {
            let Some(l) = self.levels.get(current) else {
                continue;
            };
            for e in l.extends.iter().filter(|e| e.extends_list(kind)) {
                match e.target {
                    Some(t) if !seen.contains(&t) => {
                        seen.push(t);
                        out.levels.push(t);
                        queue.push(t);
                    }
                    Some(_) => {}
                    None => out.complete = false,
                }
            }
        }
        out
    }
}

impl JobFamily {
    /// Whether the page lists its levels from the highest grade down:
    /// more steps down than up between consecutive whole grades.
    pub fn descending(&self) -> bool {
        descending_in(&self.levels)
    }

    /// Whether level `a` sits above level `b` on the ladder, by page
    /// order read in the page's direction.
    pub fn is_above(&self, a: usize, b: usize) -> bool {
        if self.descending() {
            a < b
        } else {
            a > b
        }
    }

    /// Where to point at a level: its heading's text, or for the
    /// implicit level the front matter's title (or the first line).
    pub fn level_span(&self, doc: &Document, level: usize) -> Range<usize> {
        if let Some(h) = self.levels.get(level).and_then(|l| l.heading) {
            return doc.headings[h].content.clone();
        }
        doc.front_matter
            .as_ref()
            .and_then(|fm| fm.field("title"))
            .map(|f| f.span.clone())
            .unwrap_or_else(|| doc.lines.line_range(&doc.source, 0))
    }

    /// A level's name as a reference would best write it: without
    /// "(Intermediate)" unless `like` (the reference) has it.
    pub fn name_for(&self, level: usize, like: &str) -> String {
        let Some(l) = self.levels.get(level) else {
            return String::new();
        };
        let name = l.name.as_str();
        if like.to_lowercase().contains("intermediate") {
            return name.to_string();
        }
        let lower = name.to_lowercase();
        match lower.rfind("(intermediate)") {
            Some(i) if i > 0 => name[..i].trim_end().to_string(),
            _ => name.to_string(),
        }
    }
}

/// What a level's list extends; see [`JobFamily::extended`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Extended {
    /// Levels, nearest first.
    pub levels: Vec<usize>,
    /// Whether every reference on the way resolved.
    pub complete: bool,
}

/// [`JobFamily::descending`] for a list of levels.
pub(crate) fn descending_in(levels: &[Level]) -> bool {
    let grades: Vec<u32> = levels
        .iter()
        .filter_map(|l| l.grade.as_ref().and_then(Grade::whole))
        .collect();
    let down = grades.windows(2).filter(|w| w[1] < w[0]).count();
    let up = grades.windows(2).filter(|w| w[1] > w[0]).count();
    down > up
}

/// The level whose aliases include `key`.
pub(crate) fn resolve_key(levels: &[Level], key: &str) -> Option<usize> {
    if key.is_empty() {
        return None;
    }
    levels
        .iter()
        .position(|l| l.aliases.iter().any(|a| a == key))
}

#[cfg(test)]
mod tests;
