//! Tests of comparing role names.

use super::*;

#[test]
fn trailing_qualifiers_read_as_the_pattern_reads_them() {
    for name in [
        "Data Analyst (Senior)",
        "Data Analyst ( sr. )",
        "Data Analyst (Backend) (Staff)",
        "Data Analyst (Backend)",
        "Data Analyst (Senior))",
        "(Senior)",
        "Data\nAnalyst (Senior)",
        "Data Analyst \n (Lead)",
        "Data Analyst (ſenior)",
        "Data Analyst (INTERMEDIATE)",
        "Senior",
    ] {
        let by_pattern = TRAILING_QUALIFIER
            .captures(name)
            .map(|c| (c[1].to_string(), c[2].to_string()));
        let by_hand = trailing_qualifier(name).map(|(a, b)| (a.to_string(), b.to_string()));
        assert_eq!(by_hand, by_pattern, "{name:?}");
    }
}

#[test]
fn spellings_a_reader_accepts_share_a_key() {
    let k = key("Senior Data Analyst");
    assert_eq!(k, "senior data analyst");
    for other in [
        "Sr. Data Analyst",
        "Sr Data Analysts",
        "the senior data analyst",
        "Data Analyst (Senior)",
        "**Senior Data Analyst**",
        "Senior  Data\u{a0}Analyst",
        "the Senior Data Analyst's",
        "Senior Data Analyst’s",
    ] {
        assert_eq!(key(other), k, "{other}");
    }
    assert_eq!(key("Data Analyst (Intermediate)"), key("Data Analyst"));
    assert_eq!(key("Intermediate Data Analyst"), key("Data Analyst"));
    assert_eq!(
        key("Manager, Sales & Marketing"),
        "manager sale and marketing"
    );
}

#[test]
fn title_first_names_read_title_last() {
    let last = |n: &str| title_last(n).map(|t| key(&t));
    assert_eq!(
        last("Manager, Technical Accounting"),
        Some(key("Technical Accounting Manager"))
    );
    assert_eq!(
        last("Sr. Director, Global Content"),
        Some(key("Senior Global Content Director"))
    );
    assert_ne!(
        last("Senior Manager, Renewals"),
        Some(key("Renewals Manager"))
    );
    assert_eq!(title_last("Senior Data Analyst"), None);
    assert_eq!(title_last("Manager, Sales, Marketing"), None);
}

#[test]
fn different_roles_keep_different_keys() {
    assert_ne!(key("Senior Data Analyst"), key("Staff Data Analyst"));
    assert_ne!(
        key("Business Technology Program Manager"),
        key("IT Business Technology Program Manager")
    );
    assert_eq!(key("Intermediate"), "intermediate");
}

#[test]
fn keys_join_the_tokens() {
    for name in [
        "",
        "the",
        "The The Analyst",
        "Intermediate",
        "Intermediate Intermediate",
        "Sr. Mgr, Sales & Marketing's Assoc",
        "Data Analyst (Senior)",
        "Libraries Studies",
        "C++ Engineer",
        "Überprüfer (Staff)",
        "++ +",
    ] {
        assert_eq!(key(name), key_of(&tokens(name)), "{name:?}");
    }
    assert_eq!(tokens("The The Analyst"), vec!["analyst"]);
    assert_eq!(tokens("the"), vec!["the"]);
    assert_eq!(key("Libraries Studies"), "library study");
}

#[test]
fn squashing_matches_split_whitespace() {
    let mut samples = vec![
        String::new(),
        " a  B\u{b}c\t".into(),
        "Ünïcode  Wörds\u{a0}x".into(),
        "A\u{a0}b".into(),
        "a\u{2028}b".into(),
        "A".into(),
        "  ".into(),
    ];
    // Every string of up to four bytes over a small alphabet.
    let alphabet = [
        "\u{20}", "\t", "\n", "\u{b}", "\u{1}", "\u{7f}", "a", "Z", ".",
    ];
    let mut stack = vec![String::new()];
    while let Some(text) = stack.pop() {
        if text.len() < 4 {
            for piece in alphabet {
                stack.push(format!("{text}{piece}"));
            }
        }
        samples.push(text);
    }
    for text in samples.iter().map(String::as_str) {
        let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert_eq!(squash(text), words);
        assert_eq!(squash_lowercase(text), words.to_lowercase());
    }
}

#[test]
fn squash_lowercase_matches_split_whitespace_on_ascii() {
    // What `split_whitespace` gives, joined and lowered.
    let expected = |text: &str| {
        text.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    let samples = [
        "",
        " ",
        "  ",
        "a",
        " a",
        "a ",
        "a  b",
        "a b",
        "A\tB",
        "A\u{b}b\u{c}C\r\nd",
        "Two years of SQL.",
        "  Two  years\n of SQL. ",
        "x\t",
        "\ty",
        "a b c d",
        "ab  ",
    ];
    for text in samples {
        assert_eq!(squash_lowercase(text), expected(text), "{text:?}");
    }
    // Every string of up to four bytes over a small alphabet.
    let alphabet = [b' ', b'\t', b'\n', 0x0b, 0x01, b'a', b'Z', b'.'];
    let mut stack: Vec<Vec<u8>> = vec![Vec::new()];
    while let Some(bytes) = stack.pop() {
        let text = std::str::from_utf8(&bytes).unwrap_or_default();
        assert_eq!(squash_lowercase(text), expected(text), "{text:?}");
        if bytes.len() < 4 {
            for &b in &alphabet {
                let mut longer = bytes.clone();
                longer.push(b);
                stack.push(longer);
            }
        }
    }
}

#[test]
fn bare_seniorities_take_the_title() {
    assert_eq!(
        aliases("Senior", Some("Backend Engineer")),
        vec!["senior", "senior backend engineer"]
    );
    assert_eq!(
        aliases("Intermediate", Some("Backend Engineer")),
        vec!["intermediate", "backend engineer"]
    );
    assert_eq!(
        aliases("Senior Analyst", Some("Analyst")),
        vec!["senior analyst"]
    );
}

#[test]
fn similarity_ranks_the_closer_name_higher() {
    let r = key("Business Technology Program Managers");
    let near = similarity(&r, &key("IT Business Technology Program Manager"));
    let far = similarity(&r, &key("Senior IT Business Technology Program Manager"));
    assert!(near > far, "{near} {far}");
    assert!((similarity("a b", "a b") - 1.0).abs() < 1e-9);
    assert_eq!(similarity("", "x b"), 0.0);
}
