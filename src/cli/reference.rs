//! The rule reference: one Markdown page a rule under `docs/rules/`, and an
//! index of them, generated from the rule registry (documentation with its
//! bad and good examples, group, default severity, fix safety, and the
//! word lists the rule reads). A test keeps the files in step with the
//! registry.

use std::fmt::Write;

use crate::diagnostic::Applicability;
use crate::rules::prose::data::{data_files_of, DataFile};
use crate::rules::prose::extra::ListKind;
use crate::rules::{self, Check, Fixable, Group, Rule};

/// Where the reference lives, from the project's root.
pub const REFERENCE_DIR: &str = "docs/rules";

/// The first line of every generated page.
const GENERATED: &str = "<!-- Generated from the rule registry (src/rules/): edit the rule's \
                         docs there, then run `UPDATE_RULE_DOCS=1 cargo test --test rule_docs`. -->";

/// Every page of the reference: a file name under [`REFERENCE_DIR`] and
/// its text; the index (`README.md`) first, then one page a rule.
pub fn rule_reference_pages() -> Vec<(String, String)> {
    let mut pages = vec![("README.md".to_string(), rule_reference_index())];
    pages.extend(
        rules::ALL
            .iter()
            .map(|rule| (format!("{}.md", rule.id), rule_reference(rule))),
    );
    pages
}

/// The index: every rule by catalogue group, with its default severity,
/// fix and summary.
pub fn rule_reference_index() -> String {
    let mut out = format!("{GENERATED}\n\n# Rule reference\n\n");
    out.push_str(
        "Every rule of handbook-lint, by catalogue group. `handbook-lint explain RULE` \
         prints a rule's documentation; `handbook-lint rules` lists them.\n",
    );
    let mut groups: Vec<Group> = Vec::new();
    for rule in rules::ALL {
        if !groups.contains(&rule.group) {
            groups.push(rule.group);
        }
    }
    for group in groups {
        let _ = write!(
            out,
            "\n## {} (`{}`)\n\n| rule | severity | fix | checks |\n|---|---|---|---|\n",
            group.title(),
            group.name()
        );
        for rule in rules::ALL.iter().filter(|r| r.group == group) {
            let _ = writeln!(
                out,
                "| [`{id}`]({id}.md) | {} | {} | {} |",
                rule.severity,
                rule.fix.describe(),
                rule.summary.replace('|', "\\|"),
                id = rule.id,
            );
        }
    }
    out
}

/// The reference page of `rule`.
pub fn rule_reference(rule: &Rule) -> String {
    let mut out = format!(
        "{GENERATED}\n\n# `{}`\n\n{}\n\n",
        rule.id,
        sentence(rule.summary)
    );
    out.push_str("| | |\n|---|---|\n");
    let _ = writeln!(
        out,
        "| group | {} (`{}`) |",
        rule.group.title(),
        rule.group.name()
    );
    let _ = writeln!(out, "| default severity | {} |", rule.severity);
    let _ = writeln!(out, "| fix | {} |", fix_safety(rule.fix));
    let files: Vec<&DataFile> = data_files_of(rule.id).collect();
    let listed: Vec<String> = files.iter().map(|f| format!("`{}`", f.path)).collect();
    let _ = writeln!(
        out,
        "| data files | {} |",
        if listed.is_empty() {
            "none".to_string()
        } else {
            listed.join(", ")
        }
    );
    match rule.check {
        Check::Page(_) => {
            let _ = writeln!(out, "| fixtures | `fixtures/{}/` |", rule.id);
        }
        Check::Engine => out.push_str("| reported by | the engine, not a page's models |\n"),
    }
    let _ = write!(out, "\n## What it reports\n\n{}\n", rule.docs.trim_end());
    if !files.is_empty() {
        out.push_str("\n## Data files\n\n");
        out.push_str(
            "Embedded in the binary when it is built; edit them and rebuild to change \
             what every run knows.\n\n",
        );
        for file in &files {
            let _ = write!(out, "- `{}`: {}", file.path, file.holds);
            if let Some(licence) = file.licence {
                let _ = write!(out, " (licence: `{licence}`)");
            }
            out.push_str(".\n");
        }
        let tables: Vec<String> = ListKind::ALL
            .iter()
            .filter(|kind| kind.rules().contains(&rule.id))
            .map(|kind| format!("`[lists.{}]`", kind.key()))
            .collect();
        if !tables.is_empty() {
            let _ = write!(
                out,
                "\nA handbook adds its own entries without rebuilding, in its \
                 configuration's {} {} (`files` and inline `entries`, in the same \
                 format; see the README's Configuration).\n",
                tables.join(" and "),
                if tables.len() == 1 { "table" } else { "tables" }
            );
        }
    }
    let _ = write!(
        out,
        "\n## Configuration\n\n\
         Change its severity, or turn it off, in `.handbook-lint.toml`:\n\n\
         ```toml\n[rules]\n{id} = \"off\"   # or \"error\", \"warning\", \"info\"\n```\n\n\
         Silence one finding in the page itself:\n\n\
         ```markdown\n<!-- handbook-lint-disable-next-line {id} -->\n```\n",
        id = rule.id
    );
    out
}

/// What `--fix` may do with a rule's findings.
fn fix_safety(fix: Fixable) -> &'static str {
    match fix {
        Fixable::No => "none: findings are reported, never rewritten",
        Fixable::Always(Applicability::Safe) => "safe: `--fix` applies it",
        Fixable::Always(Applicability::Unsafe) => {
            "unsafe: applied only with `--fix --unsafe-fixes`"
        }
        Fixable::Sometimes(Applicability::Safe) => {
            "safe, for the findings that have one: `--fix` applies it"
        }
        Fixable::Sometimes(Applicability::Unsafe) => {
            "unsafe, for the findings that have one: applied only with `--fix --unsafe-fixes`"
        }
    }
}

/// `text` with a capital first letter and a full stop.
fn sentence(text: &str) -> String {
    let mut chars = text.chars();
    let mut out: String = chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default();
    if !out.ends_with('.') {
        out.push('.');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_has_the_rules_facts_docs_and_data_files() {
        let rule = rules::find("brand-name").unwrap();
        let page = rule_reference(rule);
        assert!(page.starts_with(GENERATED));
        assert!(page.contains("# `brand-name`"));
        assert!(page.contains("| default severity | warning |"));
        assert!(page.contains("| fix | safe, for the findings that have one: `--fix` applies it |"));
        assert!(page.contains("`rules/brands.txt`"));
        assert!(page.contains("## Bad") && page.contains("## Good"));
        assert!(page.contains("| fixtures | `fixtures/brand-name/` |"));
        let engine = rule_reference(rules::find("read-error").unwrap());
        assert!(engine.contains("| data files | none |"));
        assert!(!engine.contains("fixtures/"));
    }

    #[test]
    fn the_index_links_every_rule_once() {
        let index = rule_reference_index();
        for rule in rules::ALL {
            assert_eq!(
                index.matches(&format!("[`{0}`]({0}.md)", rule.id)).count(),
                1,
                "{}",
                rule.id
            );
        }
        assert_eq!(rule_reference_pages().len(), rules::ALL.len() + 1);
    }

    #[test]
    fn summaries_become_sentences() {
        assert_eq!(
            sentence("words not in the dictionary"),
            "Words not in the dictionary."
        );
        assert_eq!(sentence("Done."), "Done.");
    }
}
