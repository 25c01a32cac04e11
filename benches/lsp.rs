//! The language server's latency, measured as an editor sees it: the
//! server runs as its own process over stdio, in a workspace of
//! generated job-family pages (10,000 by default), with a 300-line page
//! open.
//!
//! ```sh
//! cargo bench --bench lsp                      # 10,000 pages
//! LSP_BENCH_PAGES=2000 cargo bench --bench lsp
//! ```
//!
//! - `index`: from `initialize` to the workspace index built (the
//!   server logs when it is);
//! - `diagnostics_after_change`: from a one-character change to the
//!   page's diagnostics for that version (the debounce included);
//! - `complete_*`: from a completion request to its answer: level names
//!   after "Extends the ", another page's anchors after `#`, routes
//!   after `](/job-families/engineering/` (one folder of pages).
//!
//! The targets: diagnostics within 50 ms and a completion within 20 ms
//! (medians), the index within 3 s.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::{LazyLock, Mutex};

use divan::Bencher;
use serde_json::{json, Value};

#[allow(dead_code)]
#[path = "../examples/gen_corpus.rs"]
mod gen_corpus;

#[path = "../tests/lsp/client.rs"]
mod client;

use client::{at, position, Client};

/// The generated workspace.
struct Workspace {
    _dir: tempfile::TempDir,
    root: PathBuf,
    page: PathBuf,
    text: String,
}

static WORKSPACE: LazyLock<Workspace> = LazyLock::new(|| {
    let count = std::env::var("LSP_BENCH_PAGES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(10_000);
    let dir = tempfile::tempdir().expect("temporary folder");
    let root = std::fs::canonicalize(dir.path()).expect("canonical folder");
    gen_corpus::generate(&root, count, 1).expect("generated pages");
    let text = long_page();
    let page = root.join("content/job-families/engineering/benchmark-analyst.md");
    std::fs::write(&page, &text).expect("the open page");
    eprintln!(
        "{count} generated pages; the open page has {} lines",
        text.lines().count()
    );
    Workspace {
        _dir: dir,
        root,
        page,
        text,
    }
});

/// A job family of 300 lines: eight levels, each with a grade, twelve
/// responsibilities and twelve requirements extending the level below,
/// then the family's sections, and the places completion is asked at.
fn long_page() -> String {
    let levels = [
        "Associate Benchmark Analyst",
        "Benchmark Analyst",
        "Senior Benchmark Analyst",
        "Staff Benchmark Analyst",
        "Principal Benchmark Analyst",
        "Manager, Benchmark Analysis",
        "Senior Manager, Benchmark Analysis",
        "Director, Benchmark Analysis",
    ];
    let mut page = String::from("---\ntitle: Benchmark Analyst\n---\n\nBenchmark analysts measure how the handbook's tools perform.\n\n## Levels\n");
    for (i, level) in levels.iter().enumerate() {
        let grade = 5 + i;
        let _ = write!(page, "\n### {level}\n\nThe {level} is a [grade {grade}](/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades).\n");
        for (list, things) in [
            ("Responsibilities", "measurements"),
            ("Requirements", "experience"),
        ] {
            let _ = write!(page, "\n#### {level} {list}\n\n");
            if i > 0 {
                let _ = writeln!(
                    page,
                    "- Extends the {} {}",
                    levels[i - 1],
                    list.to_lowercase()
                );
            }
            for n in 1..=11 {
                let _ = writeln!(
                    page,
                    "- Plan the {things} of area {n} with the team and report on them"
                );
            }
        }
    }
    page.push_str("\n## Performance Indicators\n\n- [Results](/handbook/values/#results) of the measurements\n");
    page.push_str(
        "\n## Career Ladder\n\nAnalysts grow into [managers](/job-families/engineering/).\n",
    );
    page.push_str("\n## Hiring Process\n\n- A call with a recruiter\n- An interview with the hiring manager\n");
    page.push_str("\n## Notes\n\n- Extends the Se\n- See [values](/handbook/values/#\n- See [a family](/job-families/engineering/\n");
    while page.lines().count() < 300 {
        page.push_str("\nA closing paragraph of the benchmark page.\n");
    }
    page
}

/// The running server with the page open.
struct Session {
    client: Client,
    uri: String,
    version: i64,
}

static SESSION: LazyLock<Mutex<Session>> = LazyLock::new(|| {
    let workspace = &*WORKSPACE;
    let mut client = start(&workspace.root);
    let uri = client::uri(&workspace.page);
    client.open(&uri, &workspace.text);
    client.diagnostics_of(&uri, 1);
    // Let the handbook's vocabulary of the page's words be read.
    std::thread::sleep(std::time::Duration::from_secs(3));
    Mutex::new(Session {
        client,
        uri,
        version: 1,
    })
});

/// Starts a server on `root` and waits for its index.
fn start(root: &Path) -> Client {
    let mut client = Client::initialized(root, Some(root), json!({}));
    let line = client.log_containing("handbook-lint: indexed");
    eprintln!("{line}");
    client
}

fn main() {
    LazyLock::force(&WORKSPACE);
    divan::main();
}

#[divan::bench(sample_count = 3, sample_size = 1)]
fn index(bencher: Bencher) {
    bencher.bench_local(|| {
        let client = start(&WORKSPACE.root);
        client.shut_down();
    });
}

#[divan::bench(sample_count = 100, sample_size = 1)]
fn diagnostics_after_change(bencher: Bencher) {
    let mut session = SESSION.lock().expect("the session");
    let line = position(&WORKSPACE.text, "- Plan the measurements of area 6", 0)["line"].clone();
    bencher.bench_local(|| {
        session.version += 1;
        let version = session.version;
        // Type a letter into a responsibility, then take it out again.
        let (range, text) = if version % 2 == 0 {
            (json!({"start": {"line": line, "character": 6}, "end": {"line": line, "character": 6}}), "e")
        } else {
            (json!({"start": {"line": line, "character": 6}, "end": {"line": line, "character": 7}}), "")
        };
        let uri = session.uri.clone();
        session.client.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"range": range, "text": text}]}),
        );
        session.client.diagnostics_of(&uri, version)
    });
}

/// Asks for completion at the end of `needle` on the open page.
fn complete(bencher: Bencher, needle: &str) {
    let mut session = SESSION.lock().expect("the session");
    let at = at(
        &session.uri,
        position(&WORKSPACE.text, needle, needle.encode_utf16().count()),
    );
    bencher.bench_local(|| {
        let answer: Value = session.client.result("textDocument/completion", at.clone());
        // An array, or a list (cut short in a large folder).
        let items = answer.get("items").unwrap_or(&answer);
        assert!(items.as_array().is_some_and(|i| !i.is_empty()), "{answer}");
    });
}

#[divan::bench(sample_count = 100, sample_size = 1)]
fn complete_levels(bencher: Bencher) {
    complete(bencher, "- Extends the Se");
}

#[divan::bench(sample_count = 100, sample_size = 1)]
fn complete_anchors(bencher: Bencher) {
    complete(bencher, "(/handbook/values/#");
}

#[divan::bench(sample_count = 100, sample_size = 1)]
fn complete_routes(bencher: Bencher) {
    complete(bencher, "(/job-families/engineering/");
}
