//! The character and layout rules: how the page's text is encoded and
//! laid out (mojibake, invisible characters, white space, list markers,
//! brackets). They read the document model's source, lines and blocks.

pub mod end_of_file;
pub mod invisible_character;
pub mod list_marker;
pub mod mojibake;
pub mod multiple_spaces;
mod prose_mask;
pub mod trailing_whitespace;
pub mod unbalanced_brackets;
