//! Where a "disable RULE for this line" comment goes, so that it
//! suppresses the finding and changes nothing the page renders.
//!
//! - A heading gets `<!-- handbook-lint-disable-next-line RULE -->` on a
//!   line of its own above it: text after a heading would become part of
//!   it (and of its anchor).
//! - A line that already ends with a `disable-line` comment gets the rule
//!   added to it.
//! - A table row gets `<!-- handbook-lint-disable-line RULE -->` inside
//!   its last cell (after the last `|` it would be a new cell).
//! - Any other line gets the same comment after its last character: an
//!   inline comment keeps lists, paragraphs and tables whole, where a
//!   comment on a line of its own would split them.
//!
//! No comment is offered in the front matter or in a code block, where
//! it would be text, nor on a blank line.

use std::sync::LazyLock;

use regex::Regex;

use crate::diagnostic::Edit;
use crate::document::Document;

/// A `disable-line` comment at the end of a line, with its rule list.
static LINE_COMMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"<!--\s*handbook-lint-disable-line\b([^>]*?)\s*-->\s*$")
        .expect("the comment pattern is valid")
});

/// The edit that suppresses `rule` on the line holding `offset`.
pub fn disable_for_line(doc: &Document, offset: usize, rule: &str) -> Option<Edit> {
    if offset < doc.body_start {
        return None;
    }
    let line = doc.lines.line_of(offset);
    let range = doc.lines.line_range(&doc.source, line);
    let text = doc.text(range.clone());
    let content = text.trim_end();
    if content.trim().is_empty() || in_code_block(doc, range.clone()) {
        return None;
    }
    if let Some(caps) = LINE_COMMENT.captures(content) {
        let ids = caps.get(1)?;
        if ids.as_str().trim().is_empty() {
            // A comment without ids already covers every rule.
            return None;
        }
        return Some(Edit::insert(range.start + ids.end(), format!(" {rule}")));
    }
    let heading = doc.headings.iter().any(|h| {
        let first = doc.lines.line_of(h.span.start);
        let last = doc
            .lines
            .line_of(h.span.end.saturating_sub(1).max(h.span.start));
        (first..=last).contains(&line)
    });
    if heading {
        let indent = &text[..text.len() - text.trim_start().len()];
        return Some(Edit::insert(
            range.start,
            format!("{indent}<!-- handbook-lint-disable-next-line {rule} -->\n"),
        ));
    }
    let comment = format!("<!-- handbook-lint-disable-line {rule} -->");
    let trimmed = content.trim_start();
    if trimmed.starts_with('|') && trimmed.len() > 1 && content.ends_with('|') {
        let before = content[..content.len() - 1].trim_end();
        return Some(Edit::insert(
            range.start + before.len(),
            format!(" {comment}"),
        ));
    }
    Some(Edit::insert(
        range.start + content.len(),
        format!(" {comment}"),
    ))
}

/// Whether the whole of `line` (from its first character) lies in one
/// code block, its fences included.
fn in_code_block(doc: &Document, line: std::ops::Range<usize>) -> bool {
    let text = doc.text(line.clone());
    let first = line.start + (text.len() - text.trim_start().len());
    doc.code
        .iter()
        .any(|code| code.start <= first && line.end <= code.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn disabled(page: &str, needle: &str, rule: &str) -> Option<String> {
        let doc = Document::parse("a.md", page.to_string());
        let offset = page.find(needle).expect("in the page");
        let edit = disable_for_line(&doc, offset, rule)?;
        let mut out = page.to_string();
        out.replace_range(edit.range(), &edit.replacement);
        Some(out)
    }

    #[test]
    fn comments_go_where_they_change_nothing_rendered() {
        let page = "---\ntitle: A\n---\n\n## Analsyt\n\n- Wrk hard  \n- Next\n\n| a | Teh |\n|---|---|\n\nText <!-- handbook-lint-disable-line brand-name -->\n\n```\ncode  \n```\n";
        assert_eq!(
            disabled(page, "Analsyt", "spelling").as_deref(),
            Some(
                page.replace(
                    "## Analsyt",
                    "<!-- handbook-lint-disable-next-line spelling -->\n## Analsyt"
                )
                .as_str()
            )
        );
        assert_eq!(
            disabled(page, "Wrk", "spelling").as_deref(),
            Some(
                page.replace(
                    "- Wrk hard  \n",
                    "- Wrk hard <!-- handbook-lint-disable-line spelling -->  \n"
                )
                .as_str()
            )
        );
        assert_eq!(
            disabled(page, "Teh", "spelling").as_deref(),
            Some(
                page.replace(
                    "| a | Teh |",
                    "| a | Teh <!-- handbook-lint-disable-line spelling --> |"
                )
                .as_str()
            )
        );
        assert_eq!(
            disabled(page, "Text", "spelling").as_deref(),
            Some(
                page.replace("brand-name -->", "brand-name spelling -->")
                    .as_str()
            )
        );
        assert_eq!(disabled(page, "title", "front-matter"), None);
        assert_eq!(disabled(page, "code", "trailing-whitespace"), None);
    }
}
