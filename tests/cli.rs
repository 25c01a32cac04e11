//! The command line, run as a user runs it: exit codes, report formats,
//! configuration, suppression comments, reading files and walking folders.

use std::fs;
use std::path::Path;

use predicates::prelude::*;
use serde_json::Value;

mod common;
use common::{bin, tree, write, CLEAN};

/// Runs `check --format json` with `args` in `dir`; the exit code and the
/// parsed report.
fn json(dir: &Path, args: &[&str]) -> (i32, Value) {
    let output = bin()
        .current_dir(dir)
        .args(["check", "--format", "json"])
        .args(args)
        .output()
        .expect("run");
    let report: Value = serde_json::from_slice(&output.stdout).unwrap_or_else(|err| {
        panic!(
            "not JSON ({err}): {}\n{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )
    });
    (output.status.code().unwrap_or(-1), report)
}

/// (path, rule, line) of every diagnostic.
fn found(report: &Value) -> Vec<(String, String, u64)> {
    report["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            (
                d["path"].as_str().unwrap_or_default().to_string(),
                d["rule"].as_str().unwrap_or_default().to_string(),
                d["line"].as_u64().unwrap_or_default(),
            )
        })
        .collect()
}

fn rules_of(report: &Value) -> Vec<String> {
    found(report).into_iter().map(|(_, rule, _)| rule).collect()
}

// ------------------------------------------------------------ exit codes

#[test]
fn exit_code_zero_for_a_clean_page_and_for_warnings_only() {
    let dir = tree(&[("clean.md", CLEAN)]);
    bin()
        .current_dir(dir.path())
        .args(["check", "clean.md"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("no problems in 1 file"));
    let warned = CLEAN.replace("## Career Ladder", "## Career Ladder ");
    let dir = tree(&[("warned.md", &warned)]);
    bin()
        .current_dir(dir.path())
        .args(["check", "warned.md"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("trailing-whitespace"));
}

#[test]
fn exit_code_one_for_error_findings() {
    let dir = tree(&[("no-title.md", "Text without front matter.\n")]);
    bin()
        .current_dir(dir.path())
        .args(["check", "no-title.md"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("front-matter"));
}

#[test]
fn exit_code_two_when_the_run_fails() {
    let dir = tree(&[("clean.md", CLEAN)]);
    bin()
        .current_dir(dir.path())
        .args(["check", "--format", "xml", "clean.md"])
        .assert()
        .code(2);
    bin()
        .current_dir(dir.path())
        .args(["check", "--select", "no-such-rule", "clean.md"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "unknown rule or group `no-such-rule`",
        ));
    bin()
        .current_dir(dir.path())
        .arg("frobnicate")
        .assert()
        .code(2);
}

// ------------------------------------------------------------ JSON contract

#[test]
fn json_report_has_every_field_in_path_then_position_order() {
    let page_b = CLEAN.replace("## Career Ladder", "## Career Ladder ");
    let page_a = CLEAN
        .replace("## Hiring Process", "## Hiring Process ")
        .replace("## Levels", "## Levels\t");
    let dir = tree(&[("b.md", &page_b), ("a.md", &page_a)]);
    let (code, report) = json(dir.path(), &["."]);
    assert_eq!(code, 0);
    assert_eq!(report["version"], 1);
    assert_eq!(report["files_checked"], 2);
    let got = found(&report);
    let levels = CLEAN
        .lines()
        .position(|l| l == "## Levels")
        .expect("levels") as u64
        + 1;
    let hiring = CLEAN
        .lines()
        .position(|l| l == "## Hiring Process")
        .expect("hiring") as u64
        + 1;
    let ladder = CLEAN
        .lines()
        .position(|l| l == "## Career Ladder")
        .expect("ladder") as u64
        + 1;
    assert_eq!(
        got,
        vec![
            ("a.md".into(), "trailing-whitespace".into(), levels),
            ("a.md".into(), "trailing-whitespace".into(), hiring),
            ("b.md".into(), "trailing-whitespace".into(), ladder),
        ]
    );
    let d = &report["diagnostics"][2];
    for key in [
        "path",
        "rule",
        "severity",
        "message",
        "line",
        "column",
        "end_line",
        "end_column",
        "byte_start",
        "byte_end",
        "fix",
    ] {
        assert!(d.get(key).is_some(), "diagnostic lacks `{key}`: {d}");
    }
    assert_eq!(d["severity"], "warning");
    // "## Career Ladder" is 16 characters: the space is the 17th.
    assert_eq!(d["column"], 17);
    assert_eq!(d["end_column"], 18);
    let start = d["byte_start"].as_u64().expect("byte_start") as usize;
    assert_eq!(&page_b[start..start + 1], " ");
    assert_eq!(d["fix"]["byte_start"], d["byte_start"]);
    assert_eq!(d["fix"]["byte_end"], d["byte_end"]);
    assert_eq!(d["fix"]["replacement"], "");
}

#[test]
fn json_columns_count_characters_and_bytes_count_bytes() {
    let page = CLEAN.replace(
        "- Customer satisfaction",
        "- Kundenzufriedenheit, Zufriedenheit über “alles” ",
    );
    let dir = tree(&[("page.md", &page)]);
    let (_, report) = json(dir.path(), &["--select", "trailing-whitespace", "page.md"]);
    let d = &report["diagnostics"][0];
    let line_text = "- Kundenzufriedenheit, Zufriedenheit über “alles”";
    assert_eq!(
        d["column"].as_u64(),
        Some(line_text.chars().count() as u64 + 1)
    );
    let line_start = page.find(line_text).expect("line");
    assert_eq!(
        d["byte_start"].as_u64(),
        Some((line_start + line_text.len()) as u64)
    );
    assert!(line_text.len() > line_text.chars().count());
}

#[test]
fn json_carries_suggestions_only_when_there_are_some() {
    let dir = tree(&[("clean.md", CLEAN)]);
    let (_, report) = json(dir.path(), &["clean.md"]);
    assert_eq!(report["diagnostics"].as_array().map(Vec::len), Some(0));
    let dir = tree(&[("page.md", &CLEAN.replace("## Levels", "## Levels "))]);
    let (_, report) = json(dir.path(), &["page.md"]);
    assert!(report["diagnostics"][0].get("suggestions").is_none());
}

// ------------------------------------------------------------ human report

#[test]
fn human_report_names_the_rule_and_ends_with_the_summary() {
    let page = CLEAN.replace("## Levels", "## Levels ");
    let dir = tree(&[("page.md", &page)]);
    let output = bin()
        .current_dir(dir.path())
        .args(["check", "--color", "never", "page.md"])
        .output()
        .expect("run");
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("trailing-whitespace"), "{text}");
    assert!(text.contains("page.md"), "{text}");
    assert!(
        text.trim_end()
            .ends_with("1 warning in 1 of 1 file\n1 fixable with `--fix`"),
        "{text}"
    );
    assert!(
        !text.contains('\u{1b}'),
        "ANSI escapes with --color never: {text}"
    );
}

#[test]
fn no_color_turns_colour_off_unless_asked_for() {
    let page = CLEAN.replace("## Levels", "## Levels ");
    let dir = tree(&[("page.md", &page)]);
    let coloured = bin()
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .args(["check", "--color", "always", "page.md"])
        .output()
        .expect("run");
    assert!(String::from_utf8_lossy(&coloured.stdout).contains('\u{1b}'));
    let plain = bin()
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .env("FORCE_COLOR", "1")
        .args(["check", "page.md"])
        .output()
        .expect("run");
    assert!(!String::from_utf8_lossy(&plain.stdout).contains('\u{1b}'));
}

// ------------------------------------------------------------ configuration

#[test]
fn config_errors_name_the_key_and_the_file_and_exit_two() {
    let dir = tree(&[
        ("clean.md", CLEAN),
        (".handbook-lint.toml", "colour = \"never\"\n"),
    ]);
    bin()
        .current_dir(dir.path())
        .args(["check", "clean.md"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("colour"))
        .stderr(predicate::str::contains(".handbook-lint.toml"));
    let dir = tree(&[
        ("clean.md", CLEAN),
        ("lint.toml", "[rules]\ntrailing-whitespaces = \"off\"\n"),
    ]);
    bin()
        .current_dir(dir.path())
        .args(["check", "--config", "lint.toml", "clean.md"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("trailing-whitespaces"))
        .stderr(predicate::str::contains("lint.toml"))
        .stderr(predicate::str::contains(
            "did you mean `trailing-whitespace`",
        ));
    bin()
        .current_dir(dir.path())
        .args(["check", "--config", "missing.toml", "clean.md"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("missing.toml"));
}

#[test]
fn a_bad_words_file_exits_two_naming_the_file_and_line() {
    let config = ("lint.toml", "words_file = \"words.txt\"\n");
    // Not created yet: no words (an editor's "add word" action creates it).
    let dir = tree(&[("clean.md", CLEAN), config]);
    bin()
        .current_dir(dir.path())
        .args(["check", "--config", "lint.toml", "clean.md"])
        .assert()
        .code(0);
    // Not a file that can be read: an error naming it.
    std::fs::create_dir(dir.path().join("words.txt")).expect("a folder");
    bin()
        .current_dir(dir.path())
        .args(["check", "--config", "lint.toml", "clean.md"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("words.txt"))
        .stderr(predicate::str::contains("cannot read"));
    let dir = tree(&[
        ("clean.md", CLEAN),
        config,
        ("words.txt", "# product names\nZuora\nCoupa and Zuora\n"),
    ]);
    bin()
        .current_dir(dir.path())
        .args(["check", "--config", "lint.toml", "clean.md"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("words.txt: line 3:"))
        .stderr(predicate::str::contains("Coupa and Zuora"));
    let dir = tree(&[("clean.md", CLEAN), config]);
    write(dir.path(), "words.txt", b"Zuora\nCo\xffpa\n");
    bin()
        .current_dir(dir.path())
        .args(["check", "--config", "lint.toml", "clean.md"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("words.txt: line 2:"));
}

#[test]
fn words_lists_unknown_words_most_frequent_first() {
    let page = |body: &str| CLEAN.replace("Answer customer tickets", body);
    let dir = tree(&[
        (
            "a.md",
            &page("Answer Qorvexa and Zimbrix tickets in Zimbrix"),
        ),
        (
            "b.md",
            &page("Answer Zimbrix tickets and write the calendrs notes"),
        ),
    ]);
    let output = bin()
        .current_dir(dir.path())
        .args(["words", "--format", "json", "."])
        .output()
        .expect("runs");
    assert!(output.status.success());
    let report: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let words: Vec<(String, u64, usize)> = report["words"]
        .as_array()
        .expect("words")
        .iter()
        .map(|w| {
            (
                w["word"].as_str().unwrap_or("").to_string(),
                w["count"].as_u64().unwrap_or(0),
                w["pages"].as_array().map_or(0, Vec::len),
            )
        })
        .collect();
    assert_eq!(
        words,
        [
            ("Zimbrix".to_string(), 3, 2),
            ("Qorvexa".to_string(), 1, 1),
            ("calendrs".to_string(), 1, 1)
        ]
    );
    assert_eq!(report["words"][2]["likely_typo_of"], "calendars");
    bin()
        .current_dir(dir.path())
        .args(["words", "--format", "words", "."])
        .assert()
        .success()
        .stdout("Zimbrix\nQorvexa\n");
}

#[test]
fn config_levels_change_severity_and_turn_rules_off() {
    let page = CLEAN.replace("## Levels", "## Levels ");
    let dir = tree(&[
        ("page.md", &page),
        (
            ".handbook-lint.toml",
            "[rules]\ntrailing-whitespace = \"error\"\n",
        ),
    ]);
    let (code, report) = json(dir.path(), &["page.md"]);
    assert_eq!(code, 1);
    assert_eq!(report["diagnostics"][0]["severity"], "error");
    fs::write(
        dir.path().join(".handbook-lint.toml"),
        "[rules]\ntrailing-whitespace = \"off\"\n",
    )
    .expect("write");
    let (code, report) = json(dir.path(), &["page.md"]);
    assert_eq!(code, 0);
    assert!(rules_of(&report).is_empty());
}

#[test]
fn select_and_ignore_choose_the_rules() {
    let page = "Text \n";
    let dir = tree(&[("page.md", page)]);
    let (_, all) = json(dir.path(), &["page.md"]);
    assert!(rules_of(&all).contains(&"front-matter".to_string()));
    assert!(rules_of(&all).contains(&"trailing-whitespace".to_string()));
    let (code, only) = json(dir.path(), &["--select", "trailing-whitespace", "page.md"]);
    assert_eq!(rules_of(&only), vec!["trailing-whitespace"]);
    assert_eq!(code, 0);
    let (code, rest) = json(
        dir.path(),
        &["--ignore", "front-matter,trailing-whitespace", "page.md"],
    );
    assert_eq!(code, 0);
    assert!(!rules_of(&rest)
        .iter()
        .any(|r| r == "front-matter" || r == "trailing-whitespace"));
}

// ------------------------------------------------------------ suppressions

#[test]
fn suppression_comments_in_every_form() {
    let page = CLEAN
        .replace(
            "## Levels\n",
            "<!-- handbook-lint-disable trailing-whitespace -->\n## Levels \n<!-- handbook-lint-enable trailing-whitespace -->\n",
        )
        .replace(
            "## Career Ladder\n",
            "<!-- handbook-lint-disable-next-line trailing-whitespace -->\n## Career Ladder \n",
        )
        .replace(
            "## Hiring Process\n",
            "## Hiring Process <!-- handbook-lint-disable-line trailing-whitespace --> \n",
        )
        .replace(
            "## Performance Indicators\n",
            "## Performance Indicators \n",
        );
    let dir = tree(&[("page.md", &page)]);
    let (_, report) = json(dir.path(), &["page.md"]);
    let pi = page
        .lines()
        .position(|l| l.starts_with("## Performance Indicators"))
        .expect("PI") as u64
        + 1;
    assert_eq!(
        found(&report),
        vec![("page.md".into(), "trailing-whitespace".into(), pi)],
        "only the unsuppressed line is reported"
    );
    let whole = CLEAN
        .replace(
            "## Levels\n",
            "<!-- handbook-lint-disable-file trailing-whitespace -->\n\n## Levels \n",
        )
        .replace("## Career Ladder\n", "## Career Ladder \n");
    let dir = tree(&[("page.md", &whole)]);
    let (_, report) = json(dir.path(), &["page.md"]);
    assert!(rules_of(&report).is_empty(), "{report}");
}

#[test]
fn unused_and_unknown_suppressions_are_reported() {
    let page = CLEAN
        .replace(
            "## Career Ladder\n",
            "<!-- handbook-lint-disable-next-line trailing-whitespace -->\n## Career Ladder\n",
        )
        .replace(
            "## Hiring Process\n",
            "<!-- handbook-lint-disable-next-line trailing-whitespaces -->\n## Hiring Process\n",
        );
    let dir = tree(&[("page.md", &page)]);
    let (code, report) = json(dir.path(), &["page.md"]);
    assert_eq!(code, 0);
    let line =
        |needle: &str| page.lines().position(|l| l.contains(needle)).expect("line") as u64 + 1;
    assert_eq!(
        found(&report),
        vec![
            (
                "page.md".into(),
                "unused-suppression".into(),
                line("trailing-whitespace -->")
            ),
            (
                "page.md".into(),
                "unused-suppression".into(),
                line("trailing-whitespaces -->")
            ),
        ]
    );
    let messages: Vec<&str> = report["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter_map(|d| d["message"].as_str())
        .collect();
    assert!(messages[0].contains("suppresses nothing"), "{messages:?}");
    assert!(
        messages[1].contains("unknown rule `trailing-whitespaces`"),
        "{messages:?}"
    );
}

// ------------------------------------------------------------ reading files

#[test]
fn a_missing_file_fails_the_run_before_anything_is_linted() {
    let dir = tree(&[
        ("clean.md", CLEAN),
        ("warned.md", &CLEAN.replace("## Levels", "## Levels ")),
    ]);
    let output = bin()
        .current_dir(dir.path())
        .args([
            "check",
            "--format",
            "json",
            "clean.md",
            "gone.md",
            "warned.md",
        ])
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("gone.md: no such file or folder"),
        "{stderr}"
    );
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_is_a_read_error() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tree(&[("locked.md", CLEAN), ("clean.md", CLEAN)]);
    let locked = dir.path().join("locked.md");
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).expect("chmod");
    if fs::read(&locked).is_ok() {
        // Running as root: permissions do not stop reading.
        return;
    }
    let (code, report) = json(dir.path(), &["."]);
    assert_eq!(code, 1);
    assert_eq!(
        found(&report),
        vec![("locked.md".into(), "read-error".into(), 1)]
    );
    assert_eq!(report["files_checked"], 2);
}

#[test]
fn a_non_utf8_file_is_reported_at_the_first_bad_byte() {
    let mut bytes = b"---\ntitle: T\n---\n\nThe Manager".to_vec();
    bytes.push(0x92);
    bytes.extend_from_slice(b"s team.\n");
    let dir = tree(&[("clean.md", CLEAN)]);
    write(dir.path(), "latin.md", &bytes);
    let (code, report) = json(dir.path(), &["."]);
    assert_eq!(code, 1);
    let d = &report["diagnostics"][0];
    assert_eq!(d["path"], "latin.md");
    assert_eq!(d["rule"], "read-error");
    assert_eq!(d["line"], 5);
    assert_eq!(d["column"], 12);
    assert!(d["message"].as_str().is_some_and(|m| m.contains("0x92")));
    assert_eq!(report["diagnostics"].as_array().map(Vec::len), Some(1));
    assert_eq!(report["files_checked"], 2);
}

#[test]
fn a_binary_file_is_a_read_error() {
    let dir = tree(&[]);
    write(dir.path(), "image.md", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    let (code, report) = json(dir.path(), &["image.md"]);
    assert_eq!(code, 1);
    assert_eq!(
        found(&report),
        vec![("image.md".into(), "read-error".into(), 1)]
    );
    assert!(report["diagnostics"][0]["message"]
        .as_str()
        .is_some_and(|m| m.contains("binary")));
}

// ------------------------------------------------------------ walking folders

#[test]
fn folders_are_walked_without_hidden_build_ignored_or_excluded_folders() {
    let bad = "No front matter.\n";
    let dir = tree(&[
        ("content/a.md", CLEAN),
        ("content/sub/b.markdown", CLEAN),
        ("content/notes.txt", bad),
        (".hidden/h.md", bad),
        ("content/.drafts/d.md", bad),
        ("target/t.md", bad),
        ("node_modules/pkg/n.md", bad),
        ("content/ignored/i.md", bad),
        (".gitignore", "ignored/\n"),
        ("content/old/o.md", bad),
        (".handbook-lint.toml", "exclude = [\"content/old\"]\n"),
    ]);
    let (code, report) = json(dir.path(), &[]);
    assert_eq!(code, 0, "{report}");
    assert_eq!(report["files_checked"], 2, "{report}");
    // A file named on the command line is always linted.
    let (code, report) = json(dir.path(), &[".hidden/h.md", "content/old/o.md"]);
    assert_eq!(code, 1);
    assert_eq!(report["files_checked"], 2);
    assert_eq!(
        found(&report)
            .into_iter()
            .map(|(p, r, _)| (p, r))
            .collect::<Vec<_>>(),
        vec![
            (".hidden/h.md".to_string(), "front-matter".to_string()),
            ("content/old/o.md".to_string(), "front-matter".to_string()),
        ]
    );
}

// ------------------------------------------------------------ rules and explain

#[test]
fn rules_lists_every_rule_id() {
    let output = bin().arg("rules").output().expect("run");
    assert!(output.status.success());
    let text = String::from_utf8_lossy(&output.stdout);
    for rule in handbook_lint::rules::ALL {
        assert!(
            text.lines()
                .any(|l| l.split_whitespace().next() == Some(rule.id)),
            "`rules` does not list {}",
            rule.id
        );
    }
    let output = bin()
        .args(["rules", "--format", "json"])
        .output()
        .expect("run");
    let list: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(
        list.as_array().map(Vec::len),
        Some(handbook_lint::rules::ALL.len())
    );
}

#[test]
fn explain_prints_the_docs_and_refuses_unknown_rules() {
    bin()
        .args(["explain", "list-marker"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("# list-marker"))
        .stdout(predicate::str::contains("## Bad"))
        .stdout(predicate::str::contains("## Good"))
        .stdout(predicate::str::contains("docs/rules/list-marker.md"));
    bin()
        .args(["explain", "list-markers"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown rule `list-markers`"))
        .stderr(predicate::str::contains("did you mean `list-marker`"));
}

// ------------------------------------------------------------ README

#[test]
fn readme_rule_list_matches_the_registry() {
    let readme = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
        .expect("README.md");
    let begin = "<!-- rules:begin -->";
    let end = "<!-- rules:end -->";
    let start = readme
        .find(begin)
        .expect("README has the rules:begin marker")
        + begin.len();
    let stop = readme.find(end).expect("README has the rules:end marker");
    let listed = readme[start..stop].trim();
    let expected = format!("```text\n{}```", handbook_lint::cli::rules_table());
    assert_eq!(
        listed, expected,
        "README's rule list is stale: replace it with the output of `handbook-lint rules`"
    );
}

#[test]
fn readme_configuration_example_is_valid() {
    let readme = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
        .expect("README.md");
    let start = readme.find("```toml\n").expect("README has a TOML example") + 8;
    let end = start + readme[start..].find("```").expect("closed TOML example");
    let dir = tree(&[
        ("page.md", &CLEAN.replace("## Levels", "## Levels ")),
        (".handbook-lint.toml", &readme[start..end]),
        ("handbook-words.txt", "# words\nXyzzo\n"),
        ("handbook-brands.txt", "# our vendors\nNetSuite\n"),
        ("content/jobs/other.md", CLEAN),
    ]);
    let (code, report) = json(dir.path(), &["page.md"]);
    assert_eq!(code, 0, "{report}");
    // The example turns trailing-whitespace off.
    assert!(rules_of(&report).is_empty(), "{report}");
}

#[test]
fn the_bundled_example_handbook_lints_as_the_readme_says() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (code, report) = json(root, &["examples/handbook"]);
    assert_eq!(code, 0, "{report}");
    assert_eq!(report["files_checked"], 3);
    let mut got = found(&report);
    got.sort();
    assert_eq!(
        got,
        vec![(
            "examples/handbook/content/job-families/engineering/manager-data.md".to_string(),
            "list-marker".to_string(),
            23
        )]
    );
}

#[test]
fn a_level_page_shares_the_sections_of_its_section_index() {
    let level = "---\ntitle: Associate Partner Manager\n---\n\nAssociates support partners.\n\n\
                 ## Job Grade\n\nThe Associate Partner Manager is a grade 5.\n\n\
                 ## Responsibilities\n\n- Support partners\n\n\
                 ## Requirements\n\n- Ability to use GitLab\n";
    let index = "---\ntitle: Partner Manager\n---\n\nPartner managers work with partners.\n\n\
                 ## Performance Indicators\n\n- Partner revenue\n\n\
                 ## Career Ladder\n\nNot yet defined.\n\n\
                 ## Hiring Process\n\n- A screening call\n";
    let dir = tree(&[
        ("content/job-families/partners/manager/_index.md", index),
        ("content/job-families/partners/manager/associate.md", level),
        (
            "content/job-families/partners/manager/senior/index.md",
            level,
        ),
        ("content/job-families/partners/associate.md", level),
        ("content/job-families/partners/lead/index.md", level),
    ]);
    let (_, report) = json(dir.path(), &["."]);
    let missing: Vec<(String, String, u64)> = found(&report)
        .into_iter()
        .filter(|(_, rule, _)| rule == "missing-section")
        .collect();
    // Beside the index, or a bundle one folder below it: nothing missing.
    // Without an index: three sections (a bundle looks one folder up, and
    // finds no `_index.md` there either).
    assert_eq!(missing.len(), 6, "{missing:?}");
    assert!(missing
        .iter()
        .any(|(path, _, _)| path.ends_with("partners/lead/index.md")));
    let missing: Vec<_> = missing
        .into_iter()
        .filter(|(path, _, _)| !path.ends_with("partners/lead/index.md"))
        .collect();
    assert!(missing
        .iter()
        .all(|(path, _, _)| path.ends_with("partners/associate.md")));
}
