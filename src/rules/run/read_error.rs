//! `read-error`: a file that cannot be read, is not UTF-8, or is binary.

use crate::diagnostic::Severity;
use crate::rules::{Check, Fixable, Group, Rule};

/// The rule. The engine reports it when it reads files.
pub static RULE: Rule = Rule {
    id: "read-error",
    group: Group::Run,
    severity: Severity::Error,
    fix: Fixable::No,
    summary: "a file that cannot be read, is not valid UTF-8, or is binary",
    docs: DOCS,
    check: Check::Engine,
    prepare: None,
};

const DOCS: &str = "\
Reports a file that could not be linted: it could not be read (missing,
no permission, a folder where a file was expected), it is not valid UTF-8
(reported at the first bad byte, often a page saved as Windows-1252), or it
is binary (it holds NUL bytes). The other files are still linted.

## Bad

A page saved in Windows-1252, where `’` is the single byte 0x92:

```text
The Manager<0x92>s team
```

## Good

```markdown
The Manager’s team
```
";
