//! Words: a segment's text split into words and into the chunks that are
//! not prose (URLs, e-mail addresses, domains, paths, handles), and the
//! letter case of words.

use std::ops::Range;

use super::segment::BREAK;

/// Whether `c` may sit inside a word.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// Adds the word ranges of `text` to `words`, leaving out the chunks
/// that look technical (URLs, paths, e-mail addresses, handles): the
/// words of a text that is not part of the page's prose, such as a
/// front-matter value.
pub fn scan_words(text: &str, words: &mut Vec<Range<usize>>) {
    scan(text, words);
}

/// Splits `text` into whitespace-separated chunks in one pass: returns
/// the chunks that look technical (see [`looks_technical`]) and adds the
/// word ranges of the others to `words`.
pub(super) fn scan(text: &str, words: &mut Vec<Range<usize>>) -> Vec<Range<usize>> {
    if text.is_ascii() {
        scan_ascii(text, words)
    } else {
        scan_chars(text, words)
    }
}

/// [`scan`] character by character, for any text.
fn scan_chars(text: &str, words: &mut Vec<Range<usize>>) -> Vec<Range<usize>> {
    let mut technical = Vec::new();
    for chunk in chunks(text) {
        let s = &text[chunk.clone()];
        if looks_technical(s) {
            technical.push(chunk);
        } else {
            chunk_words(s, chunk.start, words);
        }
    }
    technical
}

/// [`scan`] for ASCII text (most of it): one pass over the bytes finds
/// the chunks and their words; a chunk is tested for looking technical
/// only when it holds a character such a chunk needs.
fn scan_ascii(text: &str, words: &mut Vec<Range<usize>>) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let class = |i: usize| bytes.get(i).map_or(SPACE, |&b| BYTE_CLASS[usize::from(b)]);
    let mut technical = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if class(i) == SPACE {
            i += 1;
            continue;
        }
        let start = i;
        let words_before = words.len();
        let mut special = false;
        loop {
            match class(i) {
                SPACE => break,
                WORD => {
                    let word = i;
                    i += 1;
                    loop {
                        while class(i) == WORD {
                            i += 1;
                        }
                        // An apostrophe between a letter or digit and a
                        // letter stays inside the word ("don't").
                        let inner_apostrophe = bytes.get(i) == Some(&b'\'')
                            && bytes.get(i + 1).is_some_and(u8::is_ascii_alphabetic);
                        if !inner_apostrophe {
                            break;
                        }
                        i += 1;
                    }
                    words.push(word..i);
                }
                other => {
                    special |= other == SPECIAL;
                    i += 1;
                }
            }
        }
        if special && looks_technical(&text[start..i]) {
            words.truncate(words_before);
            technical.push(start..i);
        }
    }
    technical
}

/// [`BYTE_CLASS`]: white space (a [`scan`] separator).
const SPACE: u8 = 0;
/// [`BYTE_CLASS`]: an ASCII letter or digit.
const WORD: u8 = 1;
/// [`BYTE_CLASS`]: a character [`looks_technical`] needs.
const SPECIAL: u8 = 2;
/// [`BYTE_CLASS`]: anything else.
const OTHER: u8 = 3;

/// The class of each byte of ASCII text for [`scan_ascii`].
static BYTE_CLASS: [u8; 256] = {
    let mut table = [OTHER; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        table[b] = if byte.is_ascii_whitespace() || byte == 0x0B {
            SPACE
        } else if byte.is_ascii_alphanumeric() {
            WORD
        } else if matches!(byte, b'/' | b'@' | b'.' | b'_' | b'\\' | b':') {
            SPECIAL
        } else {
            OTHER
        };
        b += 1;
    }
    table
};

/// Adds the word ranges of one chunk (at `offset` in its text) to `out`.
fn chunk_words(chunk: &str, offset: usize, out: &mut Vec<Range<usize>>) {
    let mut start: Option<usize> = None;
    let mut chars = chunk.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let word_char = if c.is_ascii() {
            c.is_ascii_alphanumeric()
        } else {
            is_word_char(c)
        };
        let inner_apostrophe = !word_char
            && is_apostrophe(c)
            && start.is_some()
            && chars.peek().is_some_and(|&(_, n)| n.is_alphabetic());
        if word_char || inner_apostrophe {
            start.get_or_insert(i);
        } else if let Some(st) = start.take() {
            out.push(offset + st..offset + i);
        }
    }
    if let Some(st) = start {
        out.push(offset + st..offset + chunk.len());
    }
}

/// Whitespace-separated chunks of `text` (a [`BREAK`] separates too).
fn chunks(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut rest = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let is_space = |c: char| c.is_whitespace() || c == BREAK;
        let start = loop {
            let (i, c) = rest.next()?;
            if !is_space(c) {
                break i;
            }
        };
        let end = loop {
            match rest.next() {
                Some((i, c)) if is_space(c) => break i,
                Some(_) => {}
                None => break text.len(),
            }
        };
        Some(start..end)
    })
}

/// A URL, e-mail address, domain, file name, path or handle, or a
/// kramdown attribute list.
fn looks_technical(chunk: &str) -> bool {
    // Every test below needs one of these characters.
    if !chunk
        .bytes()
        .any(|b| matches!(b, b'/' | b'@' | b'.' | b'_' | b'\\' | b':'))
    {
        return false;
    }
    // A kramdown attribute list or extension (`{:toc}`): markup that a
    // Middleman page does not show.
    if chunk.starts_with("{:") {
        return true;
    }
    let trimmed = chunk.trim_matches(|c: char| !c.is_alphanumeric() && c != '/' && c != '@');
    has_technical_mark(trimmed.as_bytes())
}

/// Whether a chunk trimmed to its letters, digits, `/` and `@` is
/// technical, in one pass over its bytes (every mark is ASCII, and no
/// byte of a longer UTF-8 character is): a URL (`://`, `www.` first), a
/// path or handle (`/` or `@` first, or two `/`), an e-mail address (an
/// `@` inside), a domain or file name (a dot between a letter or digit
/// and two letters: "example.com", "index.html", not "e.g." or "U.S."),
/// or a `_` or `\` anywhere.
fn has_technical_mark(b: &[u8]) -> bool {
    if b.starts_with(b"www.") {
        return true;
    }
    let letter_at = |i: usize| b.get(i).is_some_and(u8::is_ascii_alphabetic);
    let mut slashes = 0;
    for (i, &c) in b.iter().enumerate() {
        let technical = match c {
            b'/' => {
                slashes += 1;
                i == 0 || slashes == 2
            }
            b'@' => i == 0 || i + 1 < b.len(),
            b':' => b.get(i + 1..).is_some_and(|rest| rest.starts_with(b"//")),
            b'.' => {
                i > 0 && b[i - 1].is_ascii_alphanumeric() && letter_at(i + 1) && letter_at(i + 2)
            }
            b'_' | b'\\' => true,
            _ => false,
        };
        if technical {
            return true;
        }
    }
    false
}

/// Whether `word` is written with a capital first letter and lower-case
/// letters after it.
pub fn is_capitalized(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.all(|c| !c.is_uppercase())
}

/// Rewrites `replacement` in the case pattern of `original`: all capitals,
/// a capital first letter, or as given.
pub fn match_case(original: &str, replacement: &str) -> String {
    let letters: Vec<char> = original.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() > 1 && letters.iter().all(|c| c.is_uppercase()) {
        return replacement.to_uppercase();
    }
    if original.chars().next().is_some_and(char::is_uppercase) {
        let mut chars = replacement.chars();
        if let Some(first) = chars.next() {
            return first.to_uppercase().chain(chars).collect();
        }
    }
    replacement.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_scan_agrees_with_the_general_one() {
        const ALPHABET: &[u8] = b"aZ09 '\t\n\x0b\x0c\r./@_\\~:-,;!?()[]|\"*#xyqE";
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let mut texts: Vec<String> = [
            "",
            " ",
            "don't",
            "'tis rock'n'roll o'",
            "it's 3'4 a'1 a'b'",
            "see https://x.com/a and a.b.c e.g. U.S. name@host.org",
            "  two  spaces\tand\x0bvt ",
            "/a/b ~/x @handle foo_bar C:\\dir x:y",
            "* TOC {:toc} {: .class}",
        ]
        .iter()
        .map(|t| t.to_string())
        .collect();
        for _ in 0..3000 {
            let len = (next() % 24) as usize;
            let text: String = (0..len)
                .map(|_| char::from(ALPHABET[(next() % ALPHABET.len() as u64) as usize]))
                .collect();
            texts.push(text);
        }
        for text in &texts {
            let (mut fast, mut general) = (Vec::new(), Vec::new());
            let fast_technical = scan_ascii(text, &mut fast);
            let general_technical = scan_chars(text, &mut general);
            assert_eq!(fast, general, "{text:?}");
            assert_eq!(fast_technical, general_technical, "{text:?}");
        }
    }

    /// [`looks_technical`] as first written, one test at a time.
    fn looks_technical_test_by_test(chunk: &str) -> bool {
        if !chunk
            .bytes()
            .any(|b| matches!(b, b'/' | b'@' | b'.' | b'_' | b'\\' | b'~' | b':'))
        {
            return false;
        }
        if chunk.starts_with("{:") {
            return true;
        }
        let trimmed = chunk.trim_matches(|c: char| !c.is_alphanumeric() && c != '/' && c != '@');
        if trimmed.contains("://") || trimmed.starts_with("www.") {
            return true;
        }
        if trimmed.starts_with('@') || trimmed.starts_with('/') || trimmed.starts_with('~') {
            return true;
        }
        let at = trimmed.find('@');
        if at.is_some_and(|i| i > 0 && i + 1 < trimmed.len()) {
            return true;
        }
        if trimmed.matches('/').count() >= 2 {
            return true;
        }
        let b = trimmed.as_bytes();
        (1..b.len()).any(|i| {
            b[i] == b'.'
                && b[i - 1].is_ascii_alphanumeric()
                && b.get(i + 1).is_some_and(u8::is_ascii_alphabetic)
                && b.get(i + 2).is_some_and(u8::is_ascii_alphabetic)
        }) || trimmed.contains('_')
            || trimmed.contains('\\')
    }

    #[test]
    fn one_pass_finds_what_the_tests_one_by_one_find() {
        const CHARACTERS: &[&str] = &[
            "a", "Z", "0", "w", ".", " ", "/", "@", "_", "\\", "~", ":", "{", "}", "-", ",", "(",
            ")", "'", "é", "“", "”", "—", "ſ",
        ];
        let mut random = crate::testing::Lcg(29);
        let mut chunks: Vec<String> = [
            "https://x.com/a",
            "www.example",
            "name@host.org",
            "a@",
            "@",
            "@a",
            "(/a)",
            "a/b/c",
            "a/b",
            "e.g.",
            "U.S.",
            "index.html",
            "foo_bar",
            "C:\\dir",
            "{:toc}",
            "“www.x”",
            "é.ab",
            "a.é",
            "~/x",
        ]
        .iter()
        .map(|t| t.to_string())
        .collect();
        for _ in 0..20_000 {
            chunks.push(random.pieces(CHARACTERS, 10));
        }
        for chunk in &chunks {
            assert_eq!(
                looks_technical(chunk),
                looks_technical_test_by_test(chunk),
                "{chunk:?}"
            );
        }
    }

    #[test]
    fn kramdown_attribute_lists_are_not_words() {
        let mut words = Vec::new();
        let technical = scan("see {:toc} here", &mut words);
        assert_eq!(technical, vec![4..10]);
        assert_eq!(words, vec![0..3, 11..15]);
    }

    #[test]
    fn restores_case() {
        assert_eq!(match_case("Servey", "survey"), "Survey");
        assert_eq!(match_case("servey", "survey"), "survey");
        assert_eq!(match_case("SERVEY", "survey"), "SURVEY");
    }
}
