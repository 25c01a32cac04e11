//! Compiles the spelling rule's word lists (`rules/dictionary/`,
//! `rules/spelling/`, `rules/brands.txt`) into sorted tables that the
//! binary embeds, so a run looks words up without building anything.
//! A list that cannot be read or has a malformed line fails the build,
//! naming the file and line. It also reads the patterns of
//! `rules/confused-words.txt` and `rules/placeholders.txt` for the
//! literals every match holds (`src/pattern/literals.rs`), which the
//! prose lists' search would otherwise work out on every run.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

#[path = "src/rules/prose/spelling/tables.rs"]
#[allow(dead_code)]
mod tables;

use tables::*;

#[path = "src/pattern/literals.rs"]
#[allow(dead_code)]
mod literals;

/// A word of the lexicon while it is built.
#[derive(Default)]
struct Entry {
    /// How a list writes it: lower case when any list does.
    display: String,
    flags: u32,
    count: u64,
}

type Lexicon = BTreeMap<String, Entry>;

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into()));
    let out =
        PathBuf::from(std::env::var("OUT_DIR").unwrap_or_else(|_| fail("OUT_DIR is not set")));
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/rules/prose/spelling/tables.rs");
    let mut lexicon = Lexicon::new();
    read_english(&root, &mut lexicon);
    for (file, flags) in [
        ("rules/brands.txt", NAME),
        ("rules/spelling/companies.txt", NAME),
        ("rules/spelling/software-terms.txt", TERM),
        ("rules/spelling/vocabulary.txt", VOCABULARY),
    ] {
        for (_, word) in lines(&root, file) {
            add(&mut lexicon, word, flags, 0);
        }
    }
    mark_suggested(&mut lexicon);
    mark_mixed_case_names(&mut lexicon);
    let words: Vec<(&String, &Entry)> = lexicon.iter().collect();
    write_strings(&out, "lexicon_keys", words.iter().map(|(k, _)| k.as_str()));
    write_strings(
        &out,
        "lexicon_display",
        words.iter().map(|(k, e)| {
            if e.display == **k {
                ""
            } else {
                e.display.as_str()
            }
        }),
    );
    let info: Vec<u32> = words
        .iter()
        .map(|(_, e)| e.flags | frequency_class(e.count) << FREQUENCY_SHIFT)
        .collect();
    write_u32s(&out, "lexicon_info", &info);
    write_index(&out, &words);
    let misspellings = read_misspellings(&root, &lexicon);
    write_strings(
        &out,
        "misspelling_keys",
        misspellings.keys().map(String::as_str),
    );
    write_strings(
        &out,
        "misspelling_fixes",
        misspellings.values().map(String::as_str),
    );
    let (american, british) = read_variants(&root, &lexicon);
    write_strings(&out, "american_keys", american.keys().map(String::as_str));
    write_strings(
        &out,
        "american_fixes",
        american.values().map(String::as_str),
    );
    write_strings(&out, "british_keys", british.keys().map(String::as_str));
    write_strings(&out, "british_fixes", british.values().map(String::as_str));
    write_literal_sets(&root, &out);
}

/// Writes `literal_sets.rs`: for each pattern of the embedded pattern
/// lists, as the prose lists compile it, the sets of literals every match
/// holds one of each of (`literals::required_literal_sets`), as a Rust
/// expression of type `&[(&str, &[&[&[u8]]])]`.
fn write_literal_sets(root: &Path, out: &Path) {
    println!("cargo:rerun-if-changed=src/pattern/literals.rs");
    let confused = lines(root, "rules/confused-words.txt")
        .into_iter()
        .map(|(_, line)| {
            let pattern = line.split_once("=>").map_or(line.as_str(), |(p, _)| p);
            format!("(?i){}", pattern.trim())
        });
    let placeholders = lines(root, "rules/placeholders.txt")
        .into_iter()
        .map(|(_, line)| line);
    let mut code = String::from("&[\n");
    for pattern in confused.chain(placeholders) {
        let sets: Vec<String> = literals::required_literal_sets(&pattern)
            .iter()
            .map(|set| {
                let literals: Vec<String> = set
                    .iter()
                    .map(|l| format!("b\"{}\"", l.escape_ascii()))
                    .collect();
                format!("&[{}]", literals.join(", "))
            })
            .collect();
        code.push_str(&format!("    ({pattern:?}, &[{}]),\n", sets.join(", ")));
    }
    code.push(']');
    write(out, "literal_sets.rs", code.as_bytes());
}

fn fail(message: &str) -> ! {
    panic!("spelling tables: {message}")
}

/// The data lines of a list file, with their 1-based line numbers.
fn lines(root: &Path, file: &str) -> Vec<(usize, String)> {
    println!("cargo:rerun-if-changed={file}");
    let text = fs::read_to_string(root.join(file))
        .unwrap_or_else(|err| fail(&format!("cannot read {file}: {err}")));
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim().to_string()))
        .filter(|(_, l)| !l.is_empty() && !l.starts_with('#'))
        .collect()
}

/// Adds a listed word. An English list writing it in lower case makes it
/// an ordinary word, written so; otherwise the first list to name it
/// decides how it is written (`rules/brands.txt` is read first).
fn add(lexicon: &mut Lexicon, word: String, flags: u32, count: u64) {
    let key = word.to_lowercase();
    let ordinary = word == key && flags & (EN_US | EN_GB) != 0;
    let entry = lexicon.entry(key).or_default();
    if entry.display.is_empty() || (ordinary && entry.flags & LOWER == 0) {
        entry.display = word;
    }
    entry.flags |= flags | if ordinary { LOWER } else { 0 };
    entry.count = entry.count.max(count);
}

/// `rules/dictionary/english.txt`: word, SCOWL size, variant, count.
fn read_english(root: &Path, lexicon: &mut Lexicon) {
    let file = "rules/dictionary/english.txt";
    for (number, line) in lines(root, file) {
        let bad = || {
            fail(&format!(
                "{file}:{number}: expected `word<TAB>size<TAB>*|US|GB<TAB>count`"
            ))
        };
        let mut fields = line.split('\t');
        let (Some(word), Some(size), Some(variant), Some(count), None) = (
            fields.next(),
            fields.next(),
            fields.next(),
            fields.next(),
            fields.next(),
        ) else {
            bad()
        };
        let size: u32 = size.parse().unwrap_or_else(|_| bad());
        let count: u64 = count.parse().unwrap_or_else(|_| bad());
        let variant = match variant {
            "*" => EN_US | EN_GB,
            "US" => EN_US,
            "GB" => EN_GB,
            _ => bad(),
        };
        let common = if size <= 35 {
            COMMON | BASIC
        } else if size <= 50 {
            COMMON
        } else {
            0
        };
        add(lexicon, word.to_string(), variant | common, count);
    }
}

/// Whether a word as listed may be offered as a correction: not an
/// identifier written in mixed case from a lower-case start (`zMin`).
fn suggestible(display: &str) -> bool {
    let mut chars = display.chars();
    let starts_lower = chars.next().is_some_and(char::is_lowercase);
    let count = display.chars().count();
    (2..=MAX_INDEXED_CHARS).contains(&count) && !(starts_lower && chars.any(char::is_uppercase))
}

/// Marks the words the suggestion index holds: common English words,
/// words of the frequency list, and the names, terms and handbook words.
fn mark_suggested(lexicon: &mut Lexicon) {
    for entry in lexicon.values_mut() {
        let wanted = entry.flags & (COMMON | NAME | TERM | VOCABULARY) != 0 || entry.count > 0;
        if wanted && suggestible(&entry.display) {
            entry.flags |= SUGGESTED;
        }
    }
}

/// Marks the names and terms written in mixed case (`OpenShift`), which
/// `brand-name` checks.
fn mark_mixed_case_names(lexicon: &mut Lexicon) {
    for entry in lexicon.values_mut() {
        let display = &entry.display;
        let mut chars = display.chars();
        let mixed = chars.next().is_some_and(char::is_uppercase)
            && chars.any(char::is_uppercase)
            && display.chars().any(char::is_lowercase)
            && display.chars().all(|c| c.is_ascii_alphabetic());
        if mixed && entry.flags & (NAME | TERM) != 0 && entry.flags & LOWER == 0 {
            entry.flags |= MIXED_CASE_NAME;
        }
    }
}

/// The suggestion index: each suggested word under its deletion keys,
/// sorted by key.
fn write_index(out: &Path, words: &[(&String, &Entry)]) {
    let mut entries = Vec::new();
    for (i, (key, entry)) in words.iter().enumerate() {
        if entry.flags & SUGGESTED == 0 {
            continue;
        }
        let chars: Vec<char> = key.chars().collect();
        let index = u32::try_from(i).unwrap_or_else(|_| fail("too many words"));
        deletion_keys(&chars, |k| entries.push(entry_of(k, index)));
    }
    entries.sort_unstable();
    entries.dedup();
    let bytes: Vec<u8> = entries.iter().flat_map(|e| e.to_le_bytes()).collect();
    write(out, "suggestion_index", &bytes);
}

fn entry_of(key: u32, word: u32) -> u64 {
    entry(key, word)
}

/// Known misspellings: `rules/spelling/corrections.txt`, then the
/// handbook's own `rules/spelling/misspellings.txt` (which wins). An
/// entry of the first whose wrong word the lexicon knows is left out:
/// the word lists decide what is a word; the handbook's own list is
/// curated and holds wrong forms that word lists carry (`trainings`).
fn read_misspellings(root: &Path, lexicon: &Lexicon) -> BTreeMap<String, String> {
    let mut map = BTreeMap::new();
    for file in [
        "rules/spelling/corrections.txt",
        "rules/spelling/misspellings.txt",
    ] {
        for (number, line) in lines(root, file) {
            let Some((wrong, right)) = line.split_once("->") else {
                fail(&format!("{file}:{number}: expected `wrong -> right`"))
            };
            let (wrong, right) = (wrong.trim().to_lowercase(), right.trim());
            if wrong.is_empty() || right.is_empty() {
                fail(&format!("{file}:{number}: expected `wrong -> right`"));
            }
            let curated = file.ends_with("misspellings.txt");
            if curated || !lexicon.contains_key(&wrong) {
                map.insert(wrong, right.to_string());
            }
        }
    }
    map
}

/// `rules/dictionary/variants.txt`: American to British and back, for
/// pairs whose two words the lexicon lists in those variants.
fn read_variants(
    root: &Path,
    lexicon: &Lexicon,
) -> (BTreeMap<String, String>, BTreeMap<String, String>) {
    let file = "rules/dictionary/variants.txt";
    let (mut american, mut british) = (BTreeMap::new(), BTreeMap::new());
    for (number, line) in lines(root, file) {
        let Some((us, gb)) = line.split_once('\t') else {
            fail(&format!("{file}:{number}: expected `american<TAB>british`"))
        };
        let flags = |w: &str| lexicon.get(&w.to_lowercase()).map_or(0, |e| e.flags);
        if flags(us) & (EN_US | EN_GB) == EN_US && flags(gb) & (EN_US | EN_GB) == EN_GB {
            american.insert(us.to_lowercase(), gb.to_string());
            british.insert(gb.to_lowercase(), us.to_string());
        }
    }
    (american, british)
}

/// A table of strings: `NAME.bytes` (the strings, one after another) and
/// `NAME.ends` (where each ends, as little-endian `u32`s).
fn write_strings<'a>(out: &Path, name: &str, strings: impl Iterator<Item = &'a str>) {
    let mut bytes = Vec::new();
    let mut ends = Vec::new();
    for s in strings {
        bytes.extend_from_slice(s.as_bytes());
        ends.push(u32::try_from(bytes.len()).unwrap_or_else(|_| fail("table too large")));
    }
    write(out, &format!("{name}.bytes"), &bytes);
    write_u32s(out, &format!("{name}.ends"), &ends);
}

fn write_u32s(out: &Path, name: &str, values: &[u32]) {
    let bytes: Vec<u8> = values.iter().flat_map(|v| v.to_le_bytes()).collect();
    write(out, name, &bytes);
}

fn write(out: &Path, name: &str, bytes: &[u8]) {
    let path = out.join(name);
    fs::write(&path, bytes)
        .unwrap_or_else(|err| fail(&format!("cannot write {}: {err}", path.display())));
}
