//! "Extends …" items: parsing the reference out of an item's text, and
//! resolving it to a level of the family.
//!
//! Accepted forms: "Extends the X responsibilities", "Extends that of the
//! X (Intermediate) requirements", "Extends responsibilities of X",
//! "Extends to the responsibilities of a X", "Extends the responsibilities
//! and requirements of X" (both lists), "Extends: X" and "Extends X"; the
//! keyword and the list word may be misspelt by a letter or two ("Exends
//! the respsonsibilities of X"). Parsing is in two steps: [`parse`] finds
//! the body after the leading words, and [`split`] finds where the
//! reference ends, given the family's level names, which tells whether
//! further text was fused onto it.
//! [`resolve`] places each parsed reference in the page and finds its level.

mod parse;
mod resolve;
mod split;

use std::ops::Range;

use super::ListKind;

pub use parse::{parse, Parsed};
pub(super) use resolve::resolve_extends;
pub use split::{split, Levels, Split};

/// An "Extends …" reference of a level: an item of one of its lists, or
/// a plain paragraph right before the list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Extends {
    /// The item (index into [`crate::document::Document::items`]), or
    /// `None` for a reference written as a paragraph before the list
    /// ("Extends the Analyst requirements, plus:").
    pub item: Option<usize>,
    /// Whether the reference says the list restates the extended one's
    /// areas, grown ("Extends the Analyst responsibilities in complexity
    /// and scope"): an area whose wording did not change is repeated on
    /// purpose.
    pub restated: bool,
    /// The list the item is in.
    pub list: ListKind,
    /// The list the text names ("… responsibilities"), if it names one.
    pub stated: Option<ListKind>,
    /// Where that word is written.
    pub stated_span: Option<Range<usize>>,
    /// Whether the text names both lists ("Extends the responsibilities
    /// and requirements of X"): it extends the other list too.
    pub both: bool,
    /// The reference as written ("the Senior Analyst" without "the").
    pub reference: String,
    /// Where the reference is written.
    pub reference_span: Range<usize>,
    /// The level it resolves to.
    pub target: Option<usize>,
    /// Text fused after the reference: a second item run into this one.
    pub fused: Option<Fused>,
    /// The destination of a link in the item ("[Analyst
    /// responsibilities](#analyst)"), if it has one.
    pub link: Option<String>,
}

impl Extends {
    /// Whether the item extends the list of `kind`: the list it sits in,
    /// or both lists when it names both.
    pub fn extends_list(&self, kind: super::ListKind) -> bool {
        self.list == kind || self.both
    }

    /// Whether the item links to another page: the level it extends
    /// belongs to another family.
    pub fn links_elsewhere(&self) -> bool {
        self.link
            .as_deref()
            .is_some_and(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
    }
}

/// Text fused onto an "Extends" reference.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fused {
    /// The text as written.
    pub text: String,
    /// Where it is written.
    pub span: Range<usize>,
}

#[cfg(test)]
mod tests;
