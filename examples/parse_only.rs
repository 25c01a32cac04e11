//! The floor for whole-process timing: finds the same pages, reads each
//! once and runs pulldown-cmark over it, in parallel, keeping nothing.
//!
//! ```sh
//! cargo run --release --example parse_only -- DIR...
//! ```

use std::path::{Path, PathBuf};

use handbook_lint::config::Config;
use handbook_lint::document::markdown_options;
use handbook_lint::engine::discover;
use pulldown_cmark::Parser;
use rayon::prelude::*;

/// The allocator handbook-lint itself uses, so the floor is comparable.
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> std::process::ExitCode {
    let paths: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    let files = match discover(&paths, &Config::default()) {
        Ok(files) => files,
        Err(err) => {
            eprintln!("parse_only: {err}");
            return std::process::ExitCode::from(2);
        }
    };
    let (bytes, events) = files
        .par_iter()
        .map(|path| parse(path))
        .reduce(|| (0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
    println!("{} files, {bytes} bytes, {events} events", files.len());
    std::process::ExitCode::SUCCESS
}

fn parse(path: &Path) -> (usize, usize) {
    match std::fs::read_to_string(path) {
        Ok(text) => (
            text.len(),
            Parser::new_ext(&text, markdown_options())
                .into_offset_iter()
                .count(),
        ),
        Err(_) => (0, 0),
    }
}
