//! Throughput of the full rule set against its floor, pulldown-cmark
//! parsing alone, over generated job-family pages.
//!
//! ```sh
//! cargo bench --bench lint                 # all benchmarks
//! BENCH_PAGES=2000 cargo bench --bench lint
//! BENCH_PAGES_DIR=path/to/content cargo bench --bench lint   # your own pages
//! ```
//!
//! Each benchmark reports files/s and bytes/s over the same pages;
//! `lint_full / parse_only` is the cost of the model and the rules.

use std::path::PathBuf;
use std::sync::{Arc, LazyLock};

use divan::counter::{BytesCount, ItemsCount};
use divan::Bencher;
use handbook_lint::document::{markdown_options, Document};
use handbook_lint::engine::Linter;
use pulldown_cmark::Parser;

#[allow(dead_code)]
#[path = "../examples/gen_corpus.rs"]
mod gen_corpus;

/// The pages, read once: (path, text). The Markdown files under
/// `BENCH_PAGES_DIR` when it is set, else generated ones.
static PAGES: LazyLock<Vec<(PathBuf, Arc<String>)>> = LazyLock::new(|| {
    if let Some(dir) = std::env::var_os("BENCH_PAGES_DIR") {
        return read_pages(&PathBuf::from(dir));
    }
    let count = std::env::var("BENCH_PAGES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(500);
    let dir = tempfile::tempdir().expect("temporary folder");
    gen_corpus::generate(dir.path(), count, 1).expect("generated corpus");
    read_pages(dir.path())
});

/// The Markdown pages under `dir`, sorted by path.
fn read_pages(dir: &std::path::Path) -> Vec<(PathBuf, Arc<String>)> {
    let mut pages = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(&folder)
            .expect("readable folder")
            .flatten()
        {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "md") {
                let text = std::fs::read_to_string(&path).expect("UTF-8 page");
                pages.push((path, Arc::new(text)));
            }
        }
    }
    pages.sort();
    pages
}

fn bytes() -> usize {
    PAGES.iter().map(|(_, text)| text.len()).sum()
}

fn main() {
    LazyLock::force(&PAGES);
    eprintln!(
        "{} pages, {:.1} MB (BENCH_PAGES or BENCH_PAGES_DIR to change)",
        PAGES.len(),
        bytes() as f64 / 1e6
    );
    divan::main();
}

/// The floor: pulldown-cmark's events with offsets, nothing kept.
#[divan::bench]
fn parse_only(bencher: Bencher) {
    bencher
        .counter(ItemsCount::new(PAGES.len()))
        .counter(BytesCount::new(bytes()))
        .bench(|| {
            let mut events = 0usize;
            for (_, text) in PAGES.iter() {
                events += Parser::new_ext(text, markdown_options())
                    .into_offset_iter()
                    .count();
            }
            events
        });
}

/// The document model: front matter, parse, headings, lists, links, ….
#[divan::bench]
fn document_model(bencher: Bencher) {
    bencher
        .counter(ItemsCount::new(PAGES.len()))
        .counter(BytesCount::new(bytes()))
        .bench(|| {
            PAGES
                .iter()
                .map(|(path, text)| Document::parse(path, text.clone()).headings.len())
                .sum::<usize>()
        });
}

/// The model plus every rule at its default severity, positions included.
#[divan::bench]
fn lint_full(bencher: Bencher) {
    let linter = Linter::with_defaults();
    bencher
        .counter(ItemsCount::new(PAGES.len()))
        .counter(BytesCount::new(bytes()))
        .bench(|| {
            PAGES
                .iter()
                .map(|(path, text)| linter.lint_source(path, text.clone()).findings.len())
                .sum::<usize>()
        });
}
