//! The prose rules, and their shared ground: the page's prose as segments
//! and words with exact byte spans, and the word lists under `rules/`.
//!
//! A [`Segment`] is the prose of one block (a paragraph, a list item's own
//! text, a heading, a table cell) joined across soft line breaks and
//! inline markup, with a map back to the file. Nothing here parses
//! Markdown: it reads [`Document::texts`](crate::document::Document::texts).

pub mod data;
pub mod extra;
pub mod lists;
mod model;
mod segment;
pub mod spelling;
mod words;

pub mod brand_name;
pub mod confused_word;
pub mod gender_coded_language;
pub mod inclusive_language;
pub mod placeholder;
pub mod punctuation_spacing;
pub mod repeated_word;
pub mod vacancy_language;

pub use model::{in_destination, Field, PhraseMatch, Prose, Word, FIELDS};
pub use segment::{Segment, BREAK};
pub use words::scan_words;
pub use words::{is_capitalized, match_case};
