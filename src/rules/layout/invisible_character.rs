//! `invisible-character`: characters a reader cannot see.

use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix, Severity};
use crate::rules::{Check, Context, Fixable, Group, Rule};

/// The rule.
pub static RULE: Rule = Rule {
    id: "invisible-character",
    group: Group::Layout,
    severity: Severity::Warning,
    fix: Fixable::Always(Applicability::Safe),
    summary: "no-break space, zero-width characters, soft hyphen, a byte-order mark after the start, bidi controls",
    docs: DOCS,
    check: Check::Page(check),
    prepare: None,
};

const DOCS: &str = "\
Reports characters that cannot be seen but change how text behaves: a
no-break space (U+00A0, usually pasted from a word processor or a web page),
zero-width spaces and joiners (U+200B, U+200C, U+200D, U+2060), a soft
hyphen (U+00AD), a byte-order mark anywhere but at the very start of the
file (U+FEFF), and bidirectional controls (U+200E, U+200F, U+202A to U+202E,
U+2066 to U+2069). They break searching, spell checking, link anchors and
diffs, and bidi controls can make text display in another order than it is
stored.

A run of such characters is one finding. Code is skipped, and so are joiners
inside emoji sequences and between letters of scripts that use them. The
fix replaces a no-break space with a plain space (or deletes it next to a
space) and deletes the other characters.

## Bad

```markdown
The Senior Analyst is a␣[grade 7](/handbook/job-grades/).
```

(where `␣` is a no-break space)

## Good

```markdown
The Senior Analyst is a [grade 7](/handbook/job-grades/).
```
";

/// The name of an invisible character, or `None` for a visible one.
fn name(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{00A0}' => "no-break space (U+00A0)",
        '\u{00AD}' => "soft hyphen (U+00AD)",
        '\u{200B}' => "zero-width space (U+200B)",
        '\u{200C}' => "zero-width non-joiner (U+200C)",
        '\u{200D}' => "zero-width joiner (U+200D)",
        '\u{2060}' => "word joiner (U+2060)",
        '\u{FEFF}' => "byte-order mark (U+FEFF)",
        '\u{200E}' | '\u{200F}' => "bidi mark",
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => "bidi control",
        _ => return None,
    })
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let doc = cx.doc;
    let source = doc.source.as_str();
    let mut runs: Vec<(usize, usize, Vec<char>)> = Vec::new();
    // Every character reported starts with one of these UTF-8 lead bytes
    // (U+00A0 and U+00AD; U+2000 to U+2FFF; U+FEFF): look only there.
    for offset in memchr::memchr3_iter(0xC2, 0xE2, 0xEF, source.as_bytes()) {
        let Some(c) = source.get(offset..).and_then(|rest| rest.chars().next()) else {
            continue;
        };
        if name(c).is_none() || (c == '\u{FEFF}' && offset == 0) {
            continue;
        }
        if is_legitimate_joiner(source, offset, c) || doc.in_code(offset) {
            continue;
        }
        match runs.last_mut() {
            Some((_, end, chars)) if *end == offset => {
                *end = offset + c.len_utf8();
                chars.push(c);
            }
            _ => runs.push((offset, offset + c.len_utf8(), vec![c])),
        }
    }
    for (start, end, chars) in runs {
        let mut names: Vec<&str> = chars.iter().filter_map(|&c| name(c)).collect();
        names.dedup();
        let what = names.join(", ");
        let (replacement, description) = replacement(source, start, end, &chars);
        out.push(
            Diagnostic::new(&RULE, start..end, format!("invisible character: {what}"))
                .with_label(what.clone())
                .with_fix(Fix::safe(
                    description,
                    Edit::replace(start..end, replacement),
                )),
        );
    }
}

/// What the run becomes: a space if it holds a no-break space that is not
/// next to whitespace, else nothing.
fn replacement(source: &str, start: usize, end: usize, chars: &[char]) -> (String, String) {
    let before = source[..start].chars().next_back();
    let after = source[end..].chars().next();
    let spaced = |c: Option<char>| c.is_none_or(char::is_whitespace);
    if chars.contains(&'\u{00A0}') && !spaced(before) && !spaced(after) {
        (" ".to_string(), "replace with a plain space".to_string())
    } else {
        (String::new(), "delete the invisible character".to_string())
    }
}

/// Joiners are part of emoji sequences (👩‍💻) and of some scripts
/// (Persian, Indic): there they are meant.
fn is_legitimate_joiner(source: &str, offset: usize, c: char) -> bool {
    if c != '\u{200D}' && c != '\u{200C}' {
        return false;
    }
    let before = source[..offset].chars().next_back();
    let after = source[offset + c.len_utf8()..].chars().next();
    let meant = |c: Option<char>| {
        c.is_some_and(|c| {
            let code = u32::from(c);
            code >= 0x1F000
                || (0x2600..=0x27BF).contains(&code)
                || code == 0xFE0F
                || (c.is_alphabetic() && code > 0x024F)
        })
    };
    meant(before) && meant(after)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{lines, run};

    #[test]
    fn finds_each_kind() {
        let src = "---\ntitle: T\n---\n\nis a\u{a0} [grade](x)\n\nzero\u{200B}width\n\nsoft\u{ad}hyphen\n\nbom\u{feff}here\n\nbidi \u{202e}text\u{202c}\n";
        assert_eq!(lines(&RULE, src), vec![5, 7, 9, 11, 13, 13]);
    }

    #[test]
    fn fixes_keep_one_space() {
        let found = run(&RULE, "is a\u{a0} [grade](x)\n\nnext\u{a0}word\n");
        let fixes: Vec<&str> = found
            .iter()
            .map(|d| {
                d.fix
                    .as_ref()
                    .map_or("?", |f| f.edits[0].replacement.as_str())
            })
            .collect();
        assert_eq!(fixes, vec!["", " "]);
    }

    #[test]
    fn leading_bom_code_and_emoji_are_left_alone() {
        let src = "\u{feff}---\ntitle: T\n---\n\nA dev 👩\u{200D}💻 writes `a\u{a0}b`.\n\n```\nx\u{200B}y\n```\n";
        assert!(lines(&RULE, src).is_empty());
    }

    #[test]
    fn a_run_is_one_finding() {
        assert_eq!(lines(&RULE, "a\u{a0}\u{a0}\u{200B}b\n"), vec![1]);
    }
}
