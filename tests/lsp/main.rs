//! The language server, driven over stdio as an editor drives it: one
//! test per capability, asserting exact positions and edits.

mod client;
mod handbook;

mod bad_input;
mod editing;
mod navigation;
mod sync;
mod workspace;
