//! The document and structure rules: front matter, the overview, the
//! required sections and the heading outline. They read the document
//! model (and `missing-section` the site index, for a level page's
//! `_index.md`).

pub mod duplicate_heading;
pub mod empty_section;
pub mod front_matter;
pub mod heading_structure;
pub mod missing_overview;
pub mod missing_section;
