//! `mojibake`: UTF-8 text that was decoded as Windows-1252 or Latin-1.

use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix, Severity};
use crate::rules::{Check, Context, Fixable, Group, Rule};

/// The rule.
pub static RULE: Rule = Rule {
    id: "mojibake",
    group: Group::Layout,
    severity: Severity::Error,
    fix: Fixable::Always(Applicability::Safe),
    summary: "UTF-8 text decoded as Windows-1252/Latin-1 (\"â€™\", \"Ã©\")",
    docs: DOCS,
    check: Check::Page(check),
    prepare: None,
};

const DOCS: &str = "\
Reports mojibake: characters that were saved as UTF-8, read back as
Windows-1252 or Latin-1, and saved again, so that one character became two
to four (`’` became `â€™`, `é` became `Ã©`, a no-break space became `Â `).
Readers see the garbage on the published page.

Only complete sequences are reported: the characters must spell the bytes
of a valid UTF-8 character of a kind text really uses (accented letters,
punctuation such as quotes and dashes, symbols, emoji), so a lone `Ã` or
`Â` in real text is left alone. Code is skipped. The fix replaces the
sequence with the character it was meant to be, undoing a doubled
mis-decoding too.

## Bad

```markdown
The Manager owns the customerâ€™s onboarding cafÃ©.
```

## Good

```markdown
The Manager owns the customer’s onboarding café.
```
";

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let doc = cx.doc;
    let source = doc.source.as_str();
    for (span, replacement) in find(source) {
        if doc.in_code(span.start) {
            continue;
        }
        let shown = &source[span.clone()];
        out.push(
            Diagnostic::new(
                &RULE,
                span.clone(),
                format!("mojibake `{shown}`: UTF-8 text read as Windows-1252; it should read `{replacement}`"),
            )
            .with_label(format!("should be `{replacement}`"))
            .with_fix(Fix::safe(
                format!("replace with `{replacement}`"),
                Edit::replace(span, replacement.clone()),
            )),
        );
    }
}

/// Every run of mojibake in `text`: its byte range and the text it stands
/// for.
pub fn find(text: &str) -> Vec<(std::ops::Range<usize>, String)> {
    let mut found: Vec<(std::ops::Range<usize>, String)> = Vec::new();
    // A sequence starts with a character from U+00C2 to U+00F4, which
    // UTF-8 writes with the lead byte 0xC3: look only there.
    let mut next = 0;
    for at in memchr::memchr_iter(0xC3, text.as_bytes()) {
        if at < next {
            continue;
        }
        let Some(rest) = text.get(at..) else {
            continue;
        };
        let chars: Vec<(usize, char)> = rest
            .char_indices()
            .take(5)
            .map(|(i, c)| (at + i, c))
            .collect();
        let Some((len, decoded)) = sequence_at(&chars) else {
            continue;
        };
        let end = chars.get(len).map_or(text.len(), |c| c.0);
        match found.last_mut() {
            Some((span, fixed)) if span.end == at => {
                span.end = end;
                fixed.push(decoded);
            }
            _ => found.push((at..end, decoded.to_string())),
        }
        next = end;
    }
    for (_, fixed) in &mut found {
        // Text mis-decoded twice decodes to mojibake again.
        for _ in 0..2 {
            let again = find_once(fixed);
            if again.is_empty() {
                break;
            }
            let mut result = String::new();
            let mut last = 0;
            for (span, rep) in again {
                result.push_str(&fixed[last..span.start]);
                result.push_str(&rep);
                last = span.end;
            }
            result.push_str(&fixed[last..]);
            *fixed = result;
        }
    }
    found
}

/// One pass of [`find`] without the repeated decoding.
fn find_once(text: &str) -> Vec<(std::ops::Range<usize>, String)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if let Some((len, decoded)) = sequence_at(&chars[i..]) {
            let end = chars.get(i + len).map_or(text.len(), |c| c.0);
            found.push((chars[i].0..end, decoded.to_string()));
            i += len;
        } else {
            i += 1;
        }
    }
    found
}

/// A mojibake sequence at the start of `chars`: how many characters it
/// spans and the character it encodes.
fn sequence_at(chars: &[(usize, char)]) -> Option<(usize, char)> {
    let lead = byte_of(chars.first()?.1)?;
    let len = match lead {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => return None,
    };
    let mut bytes = vec![lead];
    for &(_, c) in chars.get(1..len)? {
        let b = byte_of(c)?;
        if !(0x80..=0xBF).contains(&b) {
            return None;
        }
        bytes.push(b);
    }
    let decoded = std::str::from_utf8(&bytes).ok()?.chars().next()?;
    plausible(decoded).then_some((len, decoded))
}

/// Characters text really contains, so that a decoded sequence is believed.
fn plausible(c: char) -> bool {
    matches!(u32::from(c),
        0x00A0..=0x017F      // Latin-1 supplement and Latin Extended-A
        | 0x2010..=0x2027    // dashes, quotes, bullets, ellipsis
        | 0x2030..=0x203A    // per mille, primes, angle quotes
        | 0x20AC             // euro
        | 0x2122             // trade mark
        | 0x2190..=0x21FF    // arrows
        | 0x2713..=0x2714    // check marks
        | 0x1F300..=0x1FAFF  // emoji
    )
}

/// The byte a Windows-1252 (or Latin-1) decoder turns into `c`.
fn byte_of(c: char) -> Option<u8> {
    let code = u32::from(c);
    if (0x80..=0xFF).contains(&code) {
        return u8::try_from(code).ok();
    }
    let byte = match c {
        '€' => 0x80,
        '‚' => 0x82,
        'ƒ' => 0x83,
        '„' => 0x84,
        '…' => 0x85,
        '†' => 0x86,
        '‡' => 0x87,
        'ˆ' => 0x88,
        '‰' => 0x89,
        'Š' => 0x8A,
        '‹' => 0x8B,
        'Œ' => 0x8C,
        'Ž' => 0x8E,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '•' => 0x95,
        '–' => 0x96,
        '—' => 0x97,
        '˜' => 0x98,
        '™' => 0x99,
        'š' => 0x9A,
        '›' => 0x9B,
        'œ' => 0x9C,
        'ž' => 0x9E,
        'Ÿ' => 0x9F,
        _ => return None,
    };
    Some(byte)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{lines, run};

    #[test]
    fn common_sequences_are_decoded() {
        assert_eq!(find("customerâ€™s")[0].1, "’");
        assert_eq!(find("â€œquotedâ€\u{9d}")[0].1, "“");
        assert_eq!(find("cafÃ©")[0].1, "é");
        assert_eq!(find("a\u{c2}\u{a0}b")[0].1, "\u{a0}");
        assert_eq!(find("â€”")[0].1, "—");
        assert_eq!(find("ðŸš€")[0].1, "🚀");
    }

    #[test]
    fn adjacent_sequences_are_one_finding_and_double_decoding_is_undone() {
        let found = find("NaÃ¯veâ€™s");
        assert_eq!(found.len(), 2);
        assert_eq!(find("Ã¯â€™")[0].1, "ï’");
        assert_eq!(find("customerÃ¢â‚¬â„¢s")[0].1, "’");
    }

    #[test]
    fn real_text_is_left_alone() {
        for text in [
            "São Paulo, Ærøskøbing, Ã alone",
            "KÖLN–BONN",
            "café – déjà vu “quoted” ’",
            "Â is a letter",
            "© 2024 — 10 €",
            "CAFÉ’S",
        ] {
            assert!(find(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn reports_with_a_fix_and_skips_code() {
        let src = "---\ntitle: T\n---\n\nThe customerâ€™s team and `â€™`.\n";
        assert_eq!(lines(&RULE, src), vec![5]);
        let d = &run(&RULE, src)[0];
        let fix = d.fix.as_ref().expect("fix");
        assert_eq!(fix.edits[0].replacement, "’");
    }
}
