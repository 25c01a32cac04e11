//! The rule catalogue as reports see it: each rule's id, group, default
//! severity, summary and documentation, without its check. Reports that
//! list the tool's rules (SARIF) read this from the run report, so they
//! never reach into the rule registry themselves.

use std::sync::LazyLock;

use crate::diagnostic::Severity;
use crate::rules;

/// What a report may say about a rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RuleInfo {
    /// Stable kebab-case id.
    pub id: &'static str,
    /// The catalogue group's name (`layout`).
    pub group: &'static str,
    /// Severity unless configured otherwise.
    pub default_severity: Severity,
    /// One line saying what the rule checks.
    pub summary: &'static str,
    /// Full documentation in Markdown, with a bad and a good example.
    pub docs: &'static str,
}

/// Every rule, in catalogue order.
pub fn catalogue() -> &'static [RuleInfo] {
    static CATALOGUE: LazyLock<Vec<RuleInfo>> = LazyLock::new(|| {
        rules::ALL
            .iter()
            .map(|rule| RuleInfo {
                id: rule.id,
                group: rule.group.name(),
                default_severity: rule.severity,
                summary: rule.summary,
                docs: rule.docs,
            })
            .collect()
    });
    &CATALOGUE
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_catalogue_lists_every_rule_in_order() {
        let ids: Vec<&str> = catalogue().iter().map(|r| r.id).collect();
        let expected: Vec<&str> = rules::ALL.iter().map(|r| r.id).collect();
        assert_eq!(ids, expected);
        let spelling = catalogue().iter().find(|r| r.id == "spelling").unwrap();
        assert_eq!(spelling.group, "prose");
        assert_eq!(spelling.default_severity, Severity::Error);
    }
}
