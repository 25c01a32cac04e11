//! The configuration's `[lists]` table: files and inline entries added to
//! the prose rules' lists make findings appear, a line that cannot be used
//! fails the run (status 2) naming its file and line before anything is
//! linted or fixed, and `rules` and `explain` show where the data comes
//! from.

use std::fs;
use std::path::Path;

use predicates::prelude::*;
use serde_json::Value;

mod common;
use common::{bin, tree, CLEAN};

/// One list: an entry that makes a finding on a line of the page, and a
/// line of the list's format that cannot be used.
struct Case {
    /// The `[lists]` key.
    key: &'static str,
    /// The rule the entry is for.
    rule: &'static str,
    /// A list item the built-in lists find nothing in.
    item: &'static str,
    /// A line of the list that makes a finding on `item`.
    entry: &'static str,
    /// A line the list's parser refuses.
    malformed: &'static str,
    /// Part of the error for `malformed`.
    why: &'static str,
}

const CASES: &[Case] = &[
    Case {
        key: "brands",
        rule: "brand-name",
        item: "- Reconcile invoices in Frobnitz every week",
        entry: "FrobNitz",
        malformed: "Frob Nitz",
        why: "is several words",
    },
    Case {
        key: "brand-phrases",
        rule: "brand-name",
        item: "- Track the leads in acme cloud every week",
        entry: "Acme Cloud",
        malformed: "Acme",
        why: "is one word",
    },
    Case {
        key: "confused-words",
        rule: "confused-word",
        item: "- Answer every costumer within a day",
        entry: r"\bevery (?P<w>costumer)\b => customer | a costumer makes costumes",
        malformed: r"\bevery (?P<w>costumer\b => customer",
        why: "not a valid regular expression",
    },
    Case {
        key: "inclusive-language",
        rule: "inclusive-language",
        item: "- Be the support hero for every customer",
        entry: "hero* -> expert, specialist | casts the role as a rescuer",
        malformed: "[heroes]",
        why: "unknown section `[heroes]`",
    },
    Case {
        key: "vacancy-language",
        rule: "vacancy-language",
        item: "- Come grow with us in support",
        entry: "come grow with us",
        malformed: "[as offer]",
        why: "unknown section `[as offer]`",
    },
    Case {
        key: "placeholders",
        rule: "placeholder",
        item: "- Response time target: TK",
        entry: r"\bTK\b",
        malformed: r"\bTK(\b",
        why: "not a valid regular expression",
    },
];

/// The line `item` is on in [`page`].
const ITEM_LINE: u64 = 16;

/// The clean page with `item` added to the responsibilities (line 16),
/// and trailing white space on its overview, which `--fix` would remove.
fn page(item: &str) -> String {
    let first = "- Answer customer tickets within the agreed response times\n";
    CLEAN.replace(first, &format!("{first}{item}\n")).replace(
        "helps customers succeed with the product.",
        "helps customers succeed with the product.  ",
    )
}

/// The lines of the findings of `rule` on `page.md` in `dir`, linted with
/// the configuration `config`.
fn lines_of(dir: &Path, config: &str, rule: &str) -> Vec<u64> {
    let output = bin()
        .current_dir(dir)
        .args(["check", "--format", "json", "--config", config, "page.md"])
        .output()
        .expect("run");
    let report: Value = serde_json::from_slice(&output.stdout).unwrap_or_else(|err| {
        panic!(
            "not JSON ({err}): {}",
            String::from_utf8_lossy(&output.stderr)
        )
    });
    let diagnostics = report["diagnostics"].as_array().expect("diagnostics");
    diagnostics
        .iter()
        .filter(|d| d["rule"] == rule)
        .filter_map(|d| d["line"].as_u64())
        .collect()
}

/// A `[lists.KEY]` table with inline `entries`, one a line of the file
/// (from line 3).
fn inline(key: &str, entries: &[&str]) -> String {
    let mut text = format!("[lists.{key}]\nentries = [\n");
    for entry in entries {
        assert!(!entry.contains('\''), "{entry}");
        text.push_str(&format!("  '{entry}',\n"));
    }
    text.push_str("]\n");
    text
}

#[test]
fn an_added_file_makes_a_finding_on_a_page_that_had_none() {
    for case in CASES {
        let config = format!(
            "[lists.{}]\nfiles = [\"lists/{}.txt\"]\n",
            case.key, case.key
        );
        let list = format!("# our own\n\n{}\n", case.entry);
        let dir = tree(&[
            ("page.md", &page(case.item)),
            ("none.toml", ""),
            ("lint.toml", &config),
            (&format!("lists/{}.txt", case.key), &list),
        ]);
        assert_eq!(
            lines_of(dir.path(), "none.toml", case.rule),
            Vec::<u64>::new(),
            "{}",
            case.key
        );
        assert_eq!(
            lines_of(dir.path(), "lint.toml", case.rule),
            [ITEM_LINE],
            "{}",
            case.key
        );
    }
}

#[test]
fn an_inline_entry_makes_a_finding_on_a_page_that_had_none() {
    for case in CASES {
        let dir = tree(&[
            ("page.md", &page(case.item)),
            ("none.toml", ""),
            ("lint.toml", &inline(case.key, &[case.entry])),
        ]);
        assert_eq!(
            lines_of(dir.path(), "none.toml", case.rule),
            Vec::<u64>::new(),
            "{}",
            case.key
        );
        assert_eq!(
            lines_of(dir.path(), "lint.toml", case.rule),
            [ITEM_LINE],
            "{}",
            case.key
        );
    }
}

/// Runs `check` with `lint.toml` in `dir`, with and without `--fix`:
/// status 2, an error containing each of `expected`, and the page as it
/// was.
fn fails_naming(dir: &Path, expected: &[&str]) {
    let before = fs::read(dir.join("page.md")).expect("page");
    for fix in [false, true] {
        let mut cmd = bin();
        cmd.current_dir(dir)
            .args(["check", "--config", "lint.toml", "page.md"]);
        if fix {
            cmd.args(["--fix", "--unsafe-fixes"]);
        }
        let mut assert = cmd.assert().code(2).stdout(predicate::str::is_empty());
        for part in expected {
            assert = assert.stderr(predicate::str::contains(*part));
        }
        assert_eq!(
            fs::read(dir.join("page.md")).expect("page"),
            before,
            "--fix {fix}"
        );
    }
}

#[test]
fn a_malformed_line_in_a_file_fails_the_run_naming_the_file_and_line() {
    for case in CASES {
        let config = format!(
            "[lists.{}]\nfiles = [\"lists/{}.txt\"]\n",
            case.key, case.key
        );
        let list = format!("# our own\n{}\n\n{}\n", case.entry, case.malformed);
        let name = format!("lists/{}.txt", case.key);
        let dir = tree(&[
            ("page.md", &page(case.item)),
            ("lint.toml", &config),
            (&name, &list),
        ]);
        fails_naming(dir.path(), &[&format!("{name}: line 4: "), case.why]);
    }
}

#[test]
fn a_malformed_inline_entry_fails_the_run_naming_the_configuration_line() {
    for case in CASES {
        let config = inline(case.key, &[case.entry, case.malformed]);
        let dir = tree(&[("page.md", &page(case.item)), ("lint.toml", &config)]);
        fails_naming(dir.path(), &["lint.toml: line 4: ", case.why]);
    }
}

#[test]
fn list_files_and_keys_that_cannot_be_used_fail_the_run() {
    let dir = tree(&[
        ("page.md", &page("- Answer within a day")),
        ("lint.toml", "[lists.brands]\nfiles = [\"missing.txt\"]\n"),
    ]);
    fails_naming(
        dir.path(),
        &["missing.txt", "cannot read lists.brands file"],
    );
    let dir = tree(&[
        ("page.md", &page("- Answer within a day")),
        ("lint.toml", "[lists.brand]\nentries = [\"Acme\"]\n"),
    ]);
    fails_naming(dir.path(), &["lint.toml: line 1:", "brand"]);
    let dir = tree(&[
        ("page.md", &page("- Answer within a day")),
        ("lint.toml", "[lists.brands]\nfile = \"brands.txt\"\n"),
    ]);
    fails_naming(dir.path(), &["lint.toml: line 2:", "file"]);
    let dir = tree(&[
        ("page.md", &page("- Answer within a day")),
        ("lint.toml", "[lists.brands]\nfiles = [\"brands.txt\"]\n"),
    ]);
    common::write(dir.path(), "brands.txt", b"Acme\nFr\xffb\n");
    fails_naming(dir.path(), &["brands.txt: line 2:", "UTF-8"]);
}

#[test]
fn the_spelling_rule_accepts_added_brand_names() {
    let spelling = "[spelling]\nreport-unknown = true\n";
    let dir = tree(&[
        ("page.md", &page("- File the expenses in Zyxquolo")),
        ("none.toml", spelling),
        (
            "lint.toml",
            &format!("{spelling}{}", inline("brands", &["Zyxquolo"])),
        ),
    ]);
    assert_eq!(lines_of(dir.path(), "none.toml", "spelling"), [ITEM_LINE]);
    assert_eq!(
        lines_of(dir.path(), "lint.toml", "spelling"),
        Vec::<u64>::new()
    );
}

#[test]
fn rules_and_explain_show_where_the_data_comes_from() {
    let config = "[lists.brands]\nfiles = [\"ours.txt\"]\nentries = [\"Acme\", \"Frobco\"]\n";
    let dir = tree(&[
        (".handbook-lint.toml", config),
        ("ours.txt", "# ours\nZuora\n"),
    ]);
    let output = bin()
        .current_dir(dir.path())
        .args(["rules", "--format", "json"])
        .output()
        .expect("run");
    assert!(output.status.success());
    let rules: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let data_of = |id: &str| -> Vec<Value> {
        let rule = rules
            .as_array()
            .and_then(|r| r.iter().find(|r| r["id"] == id));
        rule.and_then(|r| r["data"].as_array().cloned())
            .unwrap_or_default()
    };
    let brand = data_of("brand-name");
    let embedded: Vec<&Value> = brand.iter().filter(|d| d["source"] == "embedded").collect();
    assert_eq!(embedded.len(), 4);
    assert!(embedded
        .iter()
        .all(|d| d["path"].is_string() && d["holds"].is_string() && d.get("licence").is_some()));
    let added: Vec<&Value> = brand
        .iter()
        .filter(|d| d["source"] == "configuration")
        .collect();
    assert_eq!(added.len(), 2, "{brand:?}");
    assert!(added[0]["path"]
        .as_str()
        .is_some_and(|p| p.ends_with("ours.txt")));
    assert_eq!(added[0]["inline"], false);
    assert_eq!(added[0]["entries"], 1);
    assert!(added[1]["path"]
        .as_str()
        .is_some_and(|p| p.ends_with(".handbook-lint.toml")));
    assert_eq!(added[1]["inline"], true);
    assert_eq!(added[1]["entries"], 2);
    assert_eq!(added[1]["list"], "brands");
    assert_eq!(added[1]["adds_to"], "rules/brands.txt");
    assert!(data_of("spelling")
        .iter()
        .any(|d| d["source"] == "configuration"));
    assert!(!data_of("placeholder")
        .iter()
        .any(|d| d["source"] == "configuration"));
    bin()
        .current_dir(dir.path())
        .args(["explain", "brand-name"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Data (embedded in the binary):"))
        .stdout(predicate::str::contains("Data added by"))
        .stdout(predicate::str::contains(
            "ours.txt: 1 entry added to `rules/brands.txt`",
        ))
        .stdout(predicate::str::contains(
            "2 entries written inline in `[lists.brands]`",
        ));
    bin()
        .current_dir(dir.path())
        .args(["explain", "placeholder"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Data added by").not());
    fs::write(dir.path().join("ours.txt"), "Acme Cloud\n").expect("write");
    bin()
        .current_dir(dir.path())
        .args(["explain", "brand-name"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("ours.txt: line 1: "));
}
