//! `unused-suppression`: a suppression comment that suppresses nothing.

use crate::diagnostic::{Applicability, Severity};
use crate::rules::{Check, Fixable, Group, Rule};

/// The rule. The engine reports it after applying suppressions.
pub static RULE: Rule = Rule {
    id: "unused-suppression",
    group: Group::Run,
    severity: Severity::Warning,
    fix: Fixable::Always(Applicability::Safe),
    summary: "a handbook-lint-disable comment that suppresses nothing, or names an unknown rule",
    docs: DOCS,
    check: Check::Engine,
    prepare: None,
};

const DOCS: &str = "\
Reports a suppression comment that suppressed no finding, or that names a
rule id that does not exist. Stale suppressions hide future problems and
misspelt ids suppress nothing at all. The fix removes the comment (or the
unused rule id from it).

Suppression comments:

- `<!-- handbook-lint-disable RULE... -->` … `<!-- handbook-lint-enable RULE... -->`
- `<!-- handbook-lint-disable-next-line RULE... -->`
- `<!-- handbook-lint-disable-line RULE... -->` (on the line itself)
- `<!-- handbook-lint-disable-file RULE... -->`

Without rule ids, a comment applies to every rule.

## Bad

```markdown
<!-- handbook-lint-disable-next-line trailing-whitespace -->
This line has no trailing whitespace.
```

## Good

```markdown
<!-- handbook-lint-disable-next-line spelling -->
Our vendor Xyzzo runs the payroll.
```
";
