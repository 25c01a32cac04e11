//! `handbook-lint rules` and `handbook-lint explain`: the rule catalogue
//! as a table or JSON, and one rule's documentation.

use std::process::ExitCode;

use super::{write_stdout, ListFormat};
use crate::rules;

/// Prints the rule list in `format`.
pub(super) fn list_rules(format: ListFormat) -> Result<ExitCode, String> {
    let text = match format {
        ListFormat::Text => rules_table(),
        ListFormat::Json => {
            let list: Vec<serde_json::Value> = rules::ALL
                .iter()
                .map(|r| {
                    serde_json::json!({
                        "id": r.id,
                        "group": r.group.name(),
                        "severity": r.severity.as_str(),
                        "fix": r.fix.describe(),
                        "summary": r.summary,
                    })
                })
                .collect();
            serde_json::to_string_pretty(&list).map_err(|e| e.to_string())? + "\n"
        }
    };
    write_stdout(&text)?;
    Ok(ExitCode::SUCCESS)
}

/// The rule list as a plain-text table (also the README's rule list).
pub fn rules_table() -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "{:<24} {:<10} {:<8} {:<18} {}\n",
        "RULE", "GROUP", "SEVERITY", "FIX", "SUMMARY"
    ));
    for r in rules::ALL {
        out.push_str(&format!(
            "{:<24} {:<10} {:<8} {:<18} {}\n",
            r.id,
            r.group.name(),
            r.severity.as_str(),
            r.fix.describe(),
            r.summary
        ));
    }
    out
}

/// Prints the documentation of the rule `id`.
pub(super) fn explain(id: &str) -> Result<ExitCode, String> {
    let rule = rules::find(id).ok_or_else(|| crate::config::unknown_rule(id))?;
    let text = format!(
        "# {}\n\ngroup: {} | default severity: {} | fix: {}\n\n{}\n\n{}\nReference: {}/{}.md in handbook-lint's source\n",
        rule.id,
        rule.group.name(),
        rule.severity.as_str(),
        rule.fix.describe(),
        rule.summary,
        rule.docs,
        super::REFERENCE_DIR,
        rule.id,
    );
    write_stdout(&text)?;
    Ok(ExitCode::SUCCESS)
}
