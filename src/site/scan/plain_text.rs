//! A heading's text as a reader sees it, roughly: what Hugo makes a
//! heading's anchor from (link, HTML and emphasis markup, escapes and the
//! common entities resolved).

use std::sync::LazyLock;

use regex::Regex;

static IMAGE_OR_LINK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"!?\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])").unwrap_or_else(|_| unreachable!())
});
static HTML_TAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"</?[a-zA-Z][^<>]*>|<!--.*?-->").unwrap_or_else(|_| unreachable!())
});
static AUTOLINK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"<([a-zA-Z][a-zA-Z0-9+.-]*:[^<>\s]*)>").unwrap_or_else(|_| unreachable!())
});
static EMPHASIS_UNDERSCORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^\p{L}\p{N}])(_+)|(_+)(?:[^\p{L}\p{N}_]|$)")
        .unwrap_or_else(|_| unreachable!())
});

/// A heading's text as a reader sees it, roughly: link and image markup,
/// HTML tags, code backticks, emphasis markers, escapes and the common
/// entities resolved. This is what Hugo makes its anchor from.
pub fn plain_text(raw: &str) -> String {
    let markup = |b: u8| matches!(b, b'<' | b'[' | b'_' | b'\\' | b'*' | b'`' | b'~' | b'&');
    if !raw.bytes().any(markup) {
        return raw.to_string(); // nothing in `marked_plain_text` applies
    }
    marked_plain_text(raw)
}

/// [`plain_text`] of a heading that holds some markup character.
fn marked_plain_text(raw: &str) -> String {
    let text = if raw.contains('<') {
        AUTOLINK.replace_all(raw, "$1")
    } else {
        raw.into()
    };
    let text = if text.contains('[') {
        IMAGE_OR_LINK.replace_all(&text, "$1")
    } else {
        text.as_ref().into()
    };
    let text = if text.contains('<') {
        HTML_TAG.replace_all(&text, "")
    } else {
        text.as_ref().into()
    };
    let text = strip_underscore_emphasis(&text);
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let Some(&next) = chars.peek() {
                    if next.is_ascii_punctuation() {
                        out.push(next);
                        chars.next();
                        continue;
                    }
                }
                out.push(c);
            }
            '*' | '`' => {}
            '~' if chars.peek() == Some(&'~') => {
                chars.next();
            }
            _ => out.push(c),
        }
    }
    decode_entities(&out)
}

fn strip_underscore_emphasis(text: &str) -> String {
    if !text.contains('_') {
        return text.to_string();
    }
    let mut remove = vec![false; text.len()];
    for caps in EMPHASIS_UNDERSCORE.captures_iter(text) {
        for group in [caps.get(1), caps.get(2)].into_iter().flatten() {
            for flag in &mut remove[group.range()] {
                *flag = true;
            }
        }
    }
    text.char_indices()
        .filter(|(i, _)| !remove[*i])
        .map(|(_, c)| c)
        .collect()
}

fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    text.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", "\u{a0}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_without_markup_is_the_text() {
        for raw in [
            "Senior Manager",
            "Levels (Intermediate)",
            "Ünïcode — 1. #x {y}",
            "",
            " a ",
        ] {
            assert_eq!(plain_text(raw), marked_plain_text(raw), "{raw:?}");
        }
    }

    #[test]
    fn plain_text_removes_markup() {
        assert_eq!(plain_text("**Senior** `Manager`"), "Senior Manager");
        assert_eq!(plain_text("[Link](/x/) and ![img](a.png)"), "Link and img");
        assert_eq!(plain_text("_snake_case_ word"), "snake_case word");
        assert_eq!(plain_text("A &amp; B \\* C"), "A & B * C");
        assert_eq!(plain_text("Title <span>here</span>"), "Title here");
    }
}
