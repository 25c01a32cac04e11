//! `handbook-lint ladder`: levels, grades, extends and problems, as a
//! table and as JSON.

use assert_cmd::Command;
use predicates::prelude::*;

const PAGE: &str = "\
---
title: Support Engineer
---

Support Engineers help customers use the product.

## Levels

### Support Engineer (Intermediate)

The Support Engineer (Intermediate) is a [grade 6](https://example.com/grades/).

#### Support Engineer (Intermediate) Requirements

- Ability to use GitLab

### Senior Support Engineer

#### Senior Support Engineer Requirements

- Extends the Support Engineer (Intermediate) requirements
- Extends the Support Engineers Team requirements
";

fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join(".handbook-lint.toml"), "").expect("config");
    std::fs::write(dir.path().join("support-engineer.md"), PAGE).expect("page");
    std::fs::write(
        dir.path().join("notes.md"),
        "# Notes\n\nNot a job family.\n",
    )
    .expect("page");
    dir
}

#[test]
fn table_lists_levels_grades_extends_and_problems() {
    let dir = folder();
    Command::cargo_bin("handbook-lint")
        .expect("binary")
        .current_dir(dir.path())
        .arg("ladder")
        .assert()
        .code(1)
        .stdout(predicate::str::contains("support-engineer.md: Support Engineer"))
        .stdout(predicate::str::contains("notes.md").not())
        .stdout(predicate::str::is_match(r"\n\s+9\s+6\s+Support Engineer \(Intermediate\)\s+-\n").expect("regex"))
        .stdout(predicate::str::contains(
            "requirements: Support Engineer (Intermediate); requirements: ? \"Support Engineers Team\"",
        ))
        .stdout(predicate::str::contains("missing-grade"))
        .stdout(predicate::str::contains("extends-unknown"))
        .stdout(predicate::str::contains("1 family, 2 problems"));
}

#[test]
fn json_has_the_same_rows() {
    let dir = folder();
    let out = Command::cargo_bin("handbook-lint")
        .expect("binary")
        .current_dir(dir.path())
        .args(["ladder", "--format", "json", "support-engineer.md"])
        .output()
        .expect("run");
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let family = &value["families"][0];
    assert_eq!(family["title"], "Support Engineer");
    assert_eq!(family["layout"], "nested");
    assert_eq!(family["levels"][0]["grade"], "6");
    assert_eq!(family["levels"][1]["grade"], serde_json::Value::Null);
    assert_eq!(
        family["levels"][1]["extends"][0]["level"],
        "Support Engineer (Intermediate)"
    );
    assert_eq!(family["levels"][1]["extends"][1]["line"], 22);
    let rules: Vec<&str> = family["problems"]
        .as_array()
        .map(|a| a.iter().filter_map(|p| p["rule"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(rules, vec!["missing-grade", "extends-unknown"]);
}
