//! `handbook-lint ladder`: each family's levels in order, with grade,
//! what each extends, and the problems the family rules found. This
//! module renders the rows it is given; it computes nothing.

use serde::Serialize;

use crate::diagnostic::Severity;

/// One page's ladder.
#[derive(Clone, Debug, Serialize)]
pub struct FamilyLadder {
    /// The page, as given or relative to the working directory.
    pub path: String,
    /// The title from the front matter.
    pub title: Option<String>,
    /// How the levels are laid out (`nested`, `same-depth`,
    /// `unlabelled`, `single-role`).
    pub layout: &'static str,
    /// The levels in page order.
    pub levels: Vec<LadderLevel>,
    /// Findings of the family rules on the page.
    pub problems: Vec<Problem>,
}

/// A level on the ladder.
#[derive(Clone, Debug, Serialize)]
pub struct LadderLevel {
    /// Its name.
    pub name: String,
    /// The line of its heading (or of the title, for a single role).
    pub line: usize,
    /// Its grade as written, if stated.
    pub grade: Option<String>,
    /// Its "Extends" references.
    pub extends: Vec<LadderExtends>,
}

/// An "Extends" reference of a level.
#[derive(Clone, Debug, Serialize)]
pub struct LadderExtends {
    /// The list it is in: `responsibilities` or `requirements`.
    pub list: &'static str,
    /// The reference as written.
    pub reference: String,
    /// The level it names, if it names one.
    pub level: Option<String>,
    /// The line of the item.
    pub line: usize,
}

/// A finding on the page.
#[derive(Clone, Debug, Serialize)]
pub struct Problem {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// The rule id.
    pub rule: &'static str,
    /// The severity.
    pub severity: Severity,
    /// What is wrong.
    pub message: String,
}

/// Renders the ladders as a plain-text table per page.
pub fn render_text(ladders: &[FamilyLadder]) -> String {
    let mut out = String::new();
    for ladder in ladders {
        match &ladder.title {
            Some(title) => out.push_str(&format!("{}: {title}\n", ladder.path)),
            None => out.push_str(&format!("{}\n", ladder.path)),
        }
        let width = ladder
            .levels
            .iter()
            .map(|l| l.name.chars().count())
            .max()
            .unwrap_or(0)
            .max("LEVEL".len());
        out.push_str(&format!(
            "  {:>5}  {:>5}  {:<width$}  EXTENDS\n",
            "LINE", "GRADE", "LEVEL"
        ));
        for level in &ladder.levels {
            let extends: Vec<String> = level
                .extends
                .iter()
                .map(|e| match &e.level {
                    Some(name) => format!("{}: {name}", e.list),
                    None => format!("{}: ? \"{}\"", e.list, e.reference),
                })
                .collect();
            let extends = if extends.is_empty() {
                "-".to_string()
            } else {
                extends.join("; ")
            };
            out.push_str(&format!(
                "  {:>5}  {:>5}  {:<width$}  {extends}\n",
                level.line,
                level.grade.as_deref().unwrap_or("-"),
                level.name,
            ));
        }
        if ladder.problems.is_empty() {
            out.push_str("  no problems\n");
        } else {
            out.push_str("  problems:\n");
            for p in &ladder.problems {
                out.push_str(&format!(
                    "  {:>5}:{:<3} {:<8} {:<21} {}\n",
                    p.line,
                    p.column,
                    p.severity.as_str(),
                    p.rule,
                    p.message
                ));
            }
        }
        out.push('\n');
    }
    let problems: usize = ladders.iter().map(|l| l.problems.len()).sum();
    out.push_str(&format!(
        "{} {}, {} {}\n",
        ladders.len(),
        if ladders.len() == 1 {
            "family"
        } else {
            "families"
        },
        problems,
        if problems == 1 { "problem" } else { "problems" }
    ));
    out
}

/// Renders the ladders as pretty-printed JSON:
/// `{"version": 1, "families": [...]}`.
pub fn render_json(ladders: &[FamilyLadder]) -> String {
    #[derive(Serialize)]
    struct Out<'a> {
        version: u32,
        families: &'a [FamilyLadder],
    }
    serde_json::to_string_pretty(&Out {
        version: 1,
        families: ladders,
    })
    .unwrap_or_else(|err| format!("{{\"error\": \"{err}\"}}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Vec<FamilyLadder> {
        vec![FamilyLadder {
            path: "a.md".into(),
            title: Some("Analyst".into()),
            layout: "nested",
            levels: vec![
                LadderLevel {
                    name: "Analyst".into(),
                    line: 9,
                    grade: Some("6".into()),
                    extends: vec![],
                },
                LadderLevel {
                    name: "Senior Analyst".into(),
                    line: 20,
                    grade: None,
                    extends: vec![
                        LadderExtends {
                            list: "responsibilities",
                            reference: "Analyst".into(),
                            level: Some("Analyst".into()),
                            line: 24,
                        },
                        LadderExtends {
                            list: "requirements",
                            reference: "Analysts Team".into(),
                            level: None,
                            line: 30,
                        },
                    ],
                },
            ],
            problems: vec![Problem {
                line: 20,
                column: 5,
                rule: "missing-grade",
                severity: Severity::Error,
                message: "level `Senior Analyst` has no grade statement".into(),
            }],
        }]
    }

    #[test]
    fn text_table() {
        let text = render_text(&sample());
        assert!(text.starts_with("a.md: Analyst\n"), "{text}");
        assert!(text.contains(
            "     20      -  Senior Analyst  responsibilities: Analyst; requirements: ? \"Analysts Team\"\n"
        ), "{text}");
        assert!(
            text.contains("     20:5   error    missing-grade"),
            "{text}"
        );
        assert!(text.ends_with("1 family, 1 problem\n"), "{text}");
    }

    #[test]
    fn json_document() {
        let value: serde_json::Value =
            serde_json::from_str(&render_json(&sample())).unwrap_or_default();
        assert_eq!(value["version"], 1);
        assert_eq!(
            value["families"][0]["levels"][1]["extends"][1]["level"],
            serde_json::Value::Null
        );
        assert_eq!(value["families"][0]["problems"][0]["severity"], "error");
    }
}
