//! The run-level pass of `spelling`: an unknown capitalised word that the
//! handbook uses on enough pages is vocabulary (a product or a company
//! name), not a misspelling; see [`spelling::corpus_vocabulary`].
//!
//! The handbook is every page the run lints and, when the run lints only
//! some pages (`--changed-since`, or files named one by one as a
//! pre-commit hook names them), the rest of the walk and of the content
//! tree. So a page gets the same spelling findings whether it is linted
//! alone or with the whole tree. Those other pages are read only when
//! their text holds a word in question, and only their spelling is
//! checked.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use aho_corasick::AhoCorasick;
use rayon::prelude::*;

use super::{read_source, suppress, Finding, LintedFile, Linter};
use crate::document::Document;
use crate::rules::{spelling, Context};
use crate::site::CanonicalFolders;

/// Drops the `spelling` findings of `files` whose word the handbook shows
/// to be vocabulary. `elsewhere` gives, for the candidate words
/// (vocabulary keys), the words of them that `spelling` reports on each
/// of the handbook's pages that are not in `files` (one list a page; see
/// [`flags_elsewhere`]); it is called only if some reported word could
/// be vocabulary.
pub(super) fn drop_corpus_vocabulary(
    files: &mut [LintedFile],
    elsewhere: impl FnOnce(&HashSet<String>) -> Vec<Vec<String>>,
) {
    let flagged: Vec<Vec<String>> = files
        .iter()
        .map(|file| spelling_words(file).map(str::to_string).collect())
        .collect();
    let vocabulary = decide(flagged, elsewhere);
    if vocabulary.is_empty() {
        return;
    }
    for file in files.iter_mut() {
        drop_vocabulary(file, &vocabulary);
    }
}

/// The vocabulary of a run over `selected`, decided before it lints them:
/// the words `spelling` reports on each page (as
/// [`drop_corpus_vocabulary`] reads them from the linted files), and on
/// the rest of the handbook through `elsewhere`.
pub(super) fn decide_before(
    linter: &Linter,
    selected: &[PathBuf],
    elsewhere: impl FnOnce(&HashSet<String>) -> Vec<Vec<String>>,
) -> HashSet<String> {
    let flagged: Vec<Vec<String>> = selected
        .par_iter()
        .map(|path| own_spelling_words(linter, path))
        .collect();
    decide(flagged, elsewhere)
}

/// The vocabulary keys that the words `spelling` reports on the run's
/// pages (`flagged`, one list a page) and on the rest of the handbook
/// (`elsewhere`, asked only when some word could be vocabulary) show to
/// be the handbook's vocabulary.
fn decide(
    flagged: Vec<Vec<String>>,
    elsewhere: impl FnOnce(&HashSet<String>) -> Vec<Vec<String>>,
) -> HashSet<String> {
    let candidates = spelling::vocabulary_candidates(flagged.iter().flatten().map(String::as_str));
    if candidates.is_empty() {
        return HashSet::new();
    }
    let others = elsewhere(&candidates);
    let pages = flagged.iter().chain(&others).enumerate();
    spelling::corpus_vocabulary(
        pages.flat_map(|(page, words)| words.iter().map(move |word| (page, word.as_str()))),
    )
}

/// Drops the `spelling` findings of `file` whose word is in `vocabulary`
/// (vocabulary keys).
pub(super) fn drop_vocabulary(file: &mut LintedFile, vocabulary: &HashSet<String>) {
    if vocabulary.is_empty() {
        return;
    }
    let LintedFile {
        excerpts, findings, ..
    } = file;
    findings.retain(|f| {
        !is_spelling(f)
            || !excerpts
                .text(f.diagnostic.span.clone())
                .is_some_and(|w| vocabulary.contains(&spelling::vocabulary_key(w)))
    });
}

/// The words `spelling` reports on the page at `path` as linting it
/// keeps them: after suppression comments and `[per-file-ignores]`.
fn own_spelling_words(linter: &Linter, path: &Path) -> Vec<String> {
    if linter.ignores_on(path, spelling::RULE.id) {
        return Vec::new();
    }
    let Ok(text) = read_source(path) else {
        return Vec::new();
    };
    let doc = Document::parse(path, Arc::new(text));
    spelling_flags(linter, &doc)
        .into_iter()
        .map(str::to_string)
        .collect()
}

fn is_spelling(finding: &Finding) -> bool {
    finding.diagnostic.rule == spelling::RULE.id
}

/// The words of `file`'s `spelling` findings.
fn spelling_words(file: &LintedFile) -> impl Iterator<Item = &str> {
    file.findings
        .iter()
        .filter(|f| is_spelling(f))
        .filter_map(|f| file.text(f.diagnostic.span.clone()))
}

/// For each page of `paths` (same order), the words of `candidates`
/// (vocabulary keys) the spelling rule reports there, as written. Pages
/// that cannot be read, or whose text holds no candidate, have none.
pub(super) fn flags_elsewhere(
    linter: &Linter,
    paths: &[PathBuf],
    candidates: &HashSet<String>,
) -> Vec<Vec<String>> {
    let Some(search) = candidate_search(candidates) else {
        return vec![Vec::new(); paths.len()];
    };
    paths
        .par_iter()
        .map(|path| {
            let Ok(text) = read_source(path) else {
                return Vec::new();
            };
            if !search.is_match(&text) {
                return Vec::new();
            }
            let doc = Document::parse(path, Arc::new(text));
            spelling_flags(linter, &doc)
                .into_iter()
                .filter(|word| candidates.contains(&spelling::vocabulary_key(word)))
                .map(str::to_string)
                .collect()
        })
        .collect()
}

/// A search that finds, in a page's text, every way the spelling rule may
/// see one of `candidates` written: the longest part of each without an
/// apostrophe, in any ASCII case, and in lower, upper and title case for
/// other letters. A page without a match cannot report a candidate.
fn candidate_search(candidates: &HashSet<String>) -> Option<AhoCorasick> {
    let mut needles: Vec<String> = Vec::new();
    for key in candidates {
        let part = key.split('\'').max_by_key(|p| p.len()).unwrap_or(key);
        needles.push(part.to_string());
        if !part.is_ascii() {
            needles.push(part.to_uppercase());
            let mut chars = part.chars();
            if let Some(first) = chars.next() {
                needles.push(first.to_uppercase().chain(chars).collect());
            }
        }
    }
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(&needles)
        .ok()
}

/// The words `spelling` reports on `doc`, after suppression comments.
fn spelling_flags<'d>(linter: &Linter, doc: &'d Document) -> Vec<&'d str> {
    let cx = Context::new(doc, &linter.settings, linter.site());
    let mut diagnostics = Vec::new();
    spelling::RULE.run(&cx, &mut diagnostics);
    suppress::apply(doc, diagnostics, linter)
        .into_iter()
        .filter(|d| d.rule == spelling::RULE.id)
        .map(|d| doc.text(d.span))
        .collect()
}

/// The pages of the handbook a run over `paths` did not lint: the walk's
/// files that `linted` rejects, and the pages of content roots that no
/// folder of `paths` holds.
pub(super) fn rest_of_handbook(
    linter: &Linter,
    paths: &[PathBuf],
    config: &crate::config::Config,
    walked: &[PathBuf],
    linted: &(dyn Fn(&Path) -> bool + Sync),
) -> Vec<PathBuf> {
    let mut rest: Vec<PathBuf> = walked.iter().filter(|p| !linted(p)).cloned().collect();
    let folders: Vec<PathBuf> = paths
        .iter()
        .filter(|p| p.is_dir())
        .filter_map(|p| std::fs::canonicalize(p).ok())
        .collect();
    let uncovered: Vec<PathBuf> = linter
        .site_spec
        .content_roots()
        .into_iter()
        .filter(|root| {
            std::fs::canonicalize(root)
                .is_ok_and(|root| !folders.iter().any(|f| root.starts_with(f)))
        })
        .collect();
    if uncovered.is_empty() {
        return rest;
    }
    let mut canonical = CanonicalFolders::default();
    let known: HashSet<PathBuf> = walked.iter().filter_map(|p| canonical.of(p)).collect();
    let more = super::discover(&uncovered, config).unwrap_or_default();
    rest.extend(
        more.into_iter()
            .filter(|p| canonical.of(p).is_none_or(|p| !known.contains(&p))),
    );
    rest
}
