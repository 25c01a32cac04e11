//! `duplicate-heading`.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Check, Context, Fixable, Group, Rule};

/// The rule.
pub static RULE: Rule = Rule {
    id: "duplicate-heading",
    group: Group::Layout,
    severity: Severity::Warning,
    fix: Fixable::No,
    summary: "TODO",
    docs: "## Bad\n\n## Good\n",
    check: Check::Page(check),
};

fn check(_cx: &Context<'_>, _out: &mut Vec<Diagnostic>) {}
