//! What the heading-structure checks read of a page: its outline (the
//! headings outside lists and block quotes), what each heading names, and
//! which headings are levels.

use crate::document::{Document, Heading};
use crate::family::{names, JobFamily, SectionKind};

/// A page's outline, with what the family model says of its headings.
pub(super) struct Outline<'a> {
    /// The page.
    pub doc: &'a Document,
    /// Its job-family model.
    pub family: &'a JobFamily,
    /// The headings of the outline (indices into the document's
    /// headings), in order.
    pub order: Vec<usize>,
    /// Each heading's place in `order` (`None` for nested headings).
    place: Vec<Option<usize>>,
    /// What each heading names: a section kind, and the role written
    /// before it.
    sections: Vec<Option<(SectionKind, Option<String>)>>,
    /// Whether each heading is a level of the family model.
    levels: Vec<bool>,
    /// Whether each heading is a level of the family model with a grade.
    graded: Vec<bool>,
    /// The depth most of the family's level headings have.
    pub level_depth: Option<u8>,
    /// Where the last level heading that is surely a level starts.
    last_graded_level: Option<usize>,
}

impl<'a> Outline<'a> {
    /// Reads the outline of `doc`.
    pub fn new(doc: &'a Document, family: &'a JobFamily) -> Outline<'a> {
        let order: Vec<usize> = (0..doc.headings.len())
            .filter(|&i| !doc.headings[i].nested)
            .collect();
        let mut place = vec![None; doc.headings.len()];
        for (pos, &i) in order.iter().enumerate() {
            place[i] = Some(pos);
        }
        let sections = doc
            .headings
            .iter()
            .enumerate()
            .map(|(i, h)| family.heading_section(i, &h.text))
            .collect();
        let mut levels = vec![false; doc.headings.len()];
        let mut graded = vec![false; doc.headings.len()];
        let mut depths = [0usize; 7];
        for level in &family.levels {
            let Some(h) = level.heading.filter(|&h| h < levels.len()) else {
                continue;
            };
            levels[h] = true;
            graded[h] = level.grade.is_some();
            depths[usize::from(doc.headings[h].level.min(6))] += 1;
        }
        let most = depths.iter().copied().max().unwrap_or(0);
        let level_depth = (most > 0)
            .then(|| depths.iter().position(|&n| n == most))
            .flatten()
            .and_then(|d| u8::try_from(d).ok());
        let mut outline = Outline {
            doc,
            family,
            order,
            place,
            sections,
            levels,
            graded,
            level_depth,
            last_graded_level: None,
        };
        outline.last_graded_level = family
            .levels
            .iter()
            .filter_map(|l| l.heading)
            .filter(|&h| h < doc.headings.len() && outline.is_graded_level(h))
            .filter(|&h| !outline.is_stranded(h))
            .map(|h| doc.headings[h].span.start)
            .max();
        outline
    }

    /// Whether a level that is surely a level starts after heading `h`.
    pub fn level_after(&self, h: usize) -> bool {
        self.last_graded_level
            .is_some_and(|start| start > self.heading(h).span.start)
    }

    /// Heading `i`.
    pub fn heading(&self, i: usize) -> &'a Heading {
        &self.doc.headings[i]
    }

    /// The section heading `i` names, if any.
    pub fn kind(&self, i: usize) -> Option<SectionKind> {
        self.sections.get(i)?.as_ref().map(|(kind, _)| *kind)
    }

    /// The section heading `i` names, when it names no role with it
    /// (`Requirements`, not `Senior Analyst Requirements`).
    pub fn bare_kind(&self, i: usize) -> Option<SectionKind> {
        match self.sections.get(i)? {
            Some((kind, None)) => Some(*kind),
            _ => None,
        }
    }

    /// The role written before the section word of heading `i`.
    pub fn role(&self, i: usize) -> Option<&str> {
        self.sections.get(i)?.as_ref()?.1.as_deref()
    }

    /// Whether heading `i` names a part of a level: Job Grade,
    /// Responsibilities, Requirements or Performance Indicators.
    pub fn is_level_part(&self, i: usize) -> bool {
        self.kind(i).is_some_and(SectionKind::is_level_part)
    }

    /// The heading before `i` in the outline.
    pub fn previous(&self, i: usize) -> Option<usize> {
        let pos = self.place.get(i).copied().flatten()?;
        pos.checked_sub(1).map(|p| self.order[p])
    }

    /// The heading after `i` in the outline.
    pub fn next(&self, i: usize) -> Option<usize> {
        let pos = self.place.get(i).copied().flatten()?;
        self.order.get(pos + 1).copied()
    }

    /// The section heading `i` sits in.
    pub fn parent(&self, i: usize) -> Option<usize> {
        self.doc.sections.get(i)?.parent
    }

    /// The headings of the outline directly under heading `i`.
    pub fn children(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        self.doc
            .sections
            .get(i)
            .map_or(&[][..], |s| s.children.as_slice())
            .iter()
            .copied()
            .filter(|&c| !self.doc.headings[c].nested)
    }

    /// Whether nothing but blank lines lies between heading `i` and the
    /// next heading.
    pub fn is_empty(&self, i: usize) -> bool {
        self.doc.blocks_under(i).is_empty()
    }

    /// Whether heading `i` sits, at any depth, in a section of `kind`.
    pub fn is_inside(&self, i: usize, kind: SectionKind) -> bool {
        let mut p = self.parent(i);
        while let Some(q) = p {
            if self.bare_kind(q) == Some(kind) {
                return true;
            }
            p = self.parent(q);
        }
        false
    }

    /// Whether heading `i` sits inside a section that belongs to the whole
    /// family (`Career Ladder`, `Hiring Process`, `Performance
    /// Indicators`): a level there is stranded, and reported as such; the
    /// family sections before it are not its parts.
    pub fn is_stranded(&self, i: usize) -> bool {
        [
            SectionKind::CareerLadder,
            SectionKind::HiringProcess,
            SectionKind::PerformanceIndicators,
        ]
        .into_iter()
        .any(|kind| self.is_inside(i, kind))
    }

    /// Whether heading `i` is a level of the family model.
    pub fn is_level(&self, i: usize) -> bool {
        self.levels.get(i).copied().unwrap_or(false)
    }

    /// Whether heading `i` reads as a level heading: a level of the family
    /// model, or a heading that names no section and holds a Job Grade
    /// section, or both Responsibilities and Requirements.
    pub fn is_level_like(&self, i: usize) -> bool {
        if self.kind(i).is_some() {
            return false;
        }
        if self.is_level(i) {
            return true;
        }
        let kinds: Vec<SectionKind> = self.children(i).filter_map(|c| self.kind(c)).collect();
        kinds.contains(&SectionKind::JobGrade)
            || (kinds.contains(&SectionKind::Responsibilities)
                && kinds.contains(&SectionKind::Requirements))
    }

    /// Whether heading `i` is surely a level heading: it reads as one and
    /// states a grade or holds a Job Grade section.
    pub fn is_graded_level(&self, i: usize) -> bool {
        self.is_level_like(i)
            && (self.graded.get(i).copied().unwrap_or(false)
                || self
                    .children(i)
                    .any(|c| self.kind(c) == Some(SectionKind::JobGrade)))
    }

    /// Whether `role` names the section of heading `i`: the same name
    /// once case, "Sr." and "(Intermediate)" are set aside, or a name the
    /// family model accepts for the level.
    pub fn names(&self, i: usize, role: &str) -> bool {
        let key = names::key(role);
        if key.is_empty() {
            return false;
        }
        if names::key(&self.heading(i).text) == key {
            return true;
        }
        self.family
            .levels
            .iter()
            .any(|l| l.heading == Some(i) && l.answers_to_key(&key))
    }

    /// Whether heading `i` only names the page (its title) or introduces
    /// it ("Overview"), and is not a level of the family.
    pub fn names_the_page(&self, i: usize) -> bool {
        if self.is_level(i) {
            return false;
        }
        let text = self.heading(i).text.trim();
        if ["overview", "introduction"]
            .iter()
            .any(|w| text.eq_ignore_ascii_case(w))
        {
            return true;
        }
        self.doc
            .title()
            .is_some_and(|t| names::key(t) == names::key(text))
    }
}

/// `#` repeated `level` times.
pub(super) fn hashes(level: u8) -> String {
    "#".repeat(usize::from(level))
}

/// A heading as written: its markers and text.
pub(super) fn written(h: &Heading) -> String {
    format!("{} {}", hashes(h.level), h.text)
}
