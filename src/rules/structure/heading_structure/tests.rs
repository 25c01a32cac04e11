use super::*;
use crate::rules::testing::{lines, run};

/// The 1-based lines of the findings on `src` and their messages.
fn found(src: &str) -> Vec<(usize, String)> {
    let doc = crate::document::Document::parse("test.md", src.to_string());
    run(&RULE, src)
        .into_iter()
        .map(|d| (doc.line_number(d.span.start), d.message))
        .collect()
}

/// A page from headings (`## A`) and body lines, numbered from line 1.
fn page(lines: &[&str]) -> String {
    let mut src = String::new();
    for line in lines {
        src.push_str(line);
        src.push('\n');
    }
    src
}

#[test]
fn depth_jumps() {
    assert_eq!(
        lines(&RULE, "Intro.\n\n## A\n\n#### B\n\n#### C\n\n### D\n"),
        vec![5]
    );
    assert_eq!(
        lines(&RULE, "# T\n\n## A\n\n### B\n\n## C\n"),
        Vec::<usize>::new()
    );
}

#[test]
fn first_heading_too_deep_is_reported_once() {
    let src = "Intro.\n\n### Levels\n\n### Analyst\n\nText.\n\n### Senior Analyst\n\nText.\n\n## Hiring Process\n\n### Steps\n";
    assert_eq!(lines(&RULE, src), vec![3]);
    let found = run(&RULE, src);
    assert!(found[0].message.contains("first heading is level 3"));
    assert!(found[0]
        .message
        .contains("deeper than the page's top sections"));
    assert!(found[0].message.contains("no heading nested under it"));
}

#[test]
fn a_page_without_top_sections_is_told_so() {
    let src = "Intro.\n\n### Job Grade\n\nText.\n\n### Responsibilities\n\n- x\n";
    let found = found(src);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].0, 3);
    assert!(
        found[0].1.contains("start at level 3") && !found[0].1.contains("top sections are"),
        "{}",
        found[0].1
    );
}

#[test]
fn flat_levels() {
    let src = "Intro.\n\n## Levels\n\n## Analyst\n\nText.\n";
    assert_eq!(lines(&RULE, src), vec![3]);
    let nested = "Intro.\n\n## Levels\n\n### Analyst\n\nText.\n";
    assert!(lines(&RULE, nested).is_empty());
    let listed =
        "Intro.\n\n## Levels\n\n- [Analyst](analyst/)\n\n## Performance Indicators\n\n- x\n";
    assert!(lines(&RULE, listed).is_empty());
    let empty = "Intro.\n\n## Levels\n\n## Performance Indicators\n\n- x\n";
    assert_eq!(lines(&RULE, empty), vec![3]);
    let table = "Intro.\n\n## Levels\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n# Other\n";
    assert!(lines(&RULE, table).is_empty());
}

#[test]
fn a_levels_heading_deeper_than_its_levels() {
    let src = page(&[
        "Intro.",
        "",
        "### Levels",
        "",
        "## Analyst",
        "",
        "### Analyst Job Grade",
        "",
        "The Analyst is a grade 6.",
        "",
        "## Senior Analyst",
        "",
        "### Senior Analyst Job Grade",
        "",
        "The Senior Analyst is a grade 7.",
    ]);
    let found = found(&src);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, 3);
    assert!(found[0].1.contains("shallower than it"), "{}", found[0].1);
}

#[test]
fn escaping_sections() {
    let src = "Intro.\n\n## Specialties\n\n### Training\n\n## Responsibilities\n\n- x\n\n### Consulting\n\nText.\n\n## Requirements\n\n- y\n";
    assert_eq!(lines(&RULE, src), vec![7]);
    // An empty specialty at the depth of the part that follows it.
    let src = "Intro.\n\n## Specialties\n\n## Alliances\n\n## Responsibilities\n\n- x\n";
    assert_eq!(lines(&RULE, src), vec![3, 7]);
}

#[test]
fn nested_headings_are_not_outline() {
    assert!(lines(&RULE, "Intro.\n\n## A\n\n- #### in a list\n").is_empty());
}

/// Three levels under `## Levels`, the second written with `head` and
/// its parts with `part` markers.
fn levels_page(head: &str, part: &str) -> String {
    page(&[
        "Intro.",                                    // 1
        "",                                          // 2
        "## Levels",                                 // 3
        "",                                          // 4
        "### Analyst",                               // 5
        "",                                          // 6
        "#### Analyst Job Grade",                    // 7
        "",                                          // 8
        "The Analyst is a grade 6.",                 // 9
        "",                                          // 10
        &format!("{head} Senior Analyst"),           // 11
        "",                                          // 12
        &format!("{part} Senior Analyst Job Grade"), // 13
        "",                                          // 14
        "The Senior Analyst is a grade 7.",          // 15
        "",                                          // 16
        "### Staff Analyst",                         // 17
        "",                                          // 18
        "#### Staff Analyst Job Grade",              // 19
        "",                                          // 20
        "The Staff Analyst is a grade 8.",           // 21
    ])
}

#[test]
fn a_level_heading_one_level_too_high_is_reported_itself() {
    let high = found(&levels_page("##", "####"));
    assert_eq!(high.len(), 1, "{high:?}");
    assert_eq!(high[0].0, 11);
    assert!(high[0].1.contains("one level too high"), "{}", high[0].1);
    assert!(high[0].1.contains("make it `###`"), "{}", high[0].1);
    // A level heading at its place over parts too deep: the jump.
    let deep = found(&levels_page("###", "#####"));
    assert_eq!(deep.len(), 1, "{deep:?}");
    assert_eq!(deep[0].0, 13);
    assert!(deep[0].1.contains("expected `####`"), "{}", deep[0].1);
}

#[test]
fn levels_beside_an_empty_levels_heading_are_too_high() {
    let src = page(&[
        "Intro.",
        "",
        "## Levels",
        "",
        "## Analyst",
        "",
        "#### Analyst Job Grade",
        "",
        "The Analyst is a grade 6.",
        "",
        "### Analyst Performance Indicators",
        "",
        "- x",
        "",
        "## Senior Analyst",
        "",
        "#### Senior Analyst Job Grade",
        "",
        "The Senior Analyst is a grade 7.",
    ]);
    let found = found(&src);
    let at: Vec<usize> = found.iter().map(|f| f.0).collect();
    assert_eq!(at, vec![3, 5, 15], "{found:?}");
    assert!(found[1].1.contains("one level too high"), "{}", found[1].1);
    assert!(found[2].1.contains("one level too high"), "{}", found[2].1);
}

#[test]
fn a_heading_after_an_empty_one_of_its_depth_is_too_high() {
    let src = page(&[
        "Intro.",
        "",
        "## Career Paths",
        "",
        "## Job Grades",
        "",
        "#### Analyst",
        "",
        "The Analyst is a grade 6.",
    ]);
    let found = found(&src);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, 5);
    assert!(
        found[0].1.contains("follows the empty `## Career Paths`"),
        "{}",
        found[0].1
    );
}

#[test]
fn levels_stranded_in_family_sections() {
    let src = page(&[
        "Intro.",                           // 1
        "",                                 // 2
        "## Levels",                        // 3
        "",                                 // 4
        "### Analyst",                      // 5
        "",                                 // 6
        "#### Job Grade",                   // 7
        "",                                 // 8
        "The Analyst is a grade 6.",        // 9
        "",                                 // 10
        "## Performance Indicators",        // 11
        "",                                 // 12
        "- x",                              // 13
        "",                                 // 14
        "#### Senior Analyst",              // 15
        "",                                 // 16
        "##### Job Grade",                  // 17
        "",                                 // 18
        "The Senior Analyst is a grade 7.", // 19
        "",                                 // 20
        "## Hiring Process",                // 21
        "",                                 // 22
        "- y",                              // 23
        "",                                 // 24
        "### Staff Analyst",                // 25
        "",                                 // 26
        "#### Job Grade",                   // 27
        "",                                 // 28
        "The Staff Analyst is a grade 8.",  // 29
        "",                                 // 30
        "### Recruiter Screening",          // 31
        "",                                 // 32
        "A call.",                          // 33
    ]);
    let found = found(&src);
    let at: Vec<usize> = found.iter().map(|f| f.0).collect();
    assert_eq!(at, vec![15, 25], "{found:?}");
    assert!(
        found[0]
            .1
            .contains("sits under `## Performance Indicators`"),
        "{}",
        found[0].1
    );
    assert!(
        found[1].1.contains("sits under `## Hiring Process`"),
        "{}",
        found[1].1
    );
}

#[test]
fn parts_at_their_level_depth() {
    let src = page(&[
        "Intro.",                             // 1
        "",                                   // 2
        "## Specialties",                     // 3
        "",                                   // 4
        "### Support Engineer",               // 5
        "",                                   // 6
        "### Support Engineer Job Grade",     // 7
        "",                                   // 8
        "The Support Engineer is a grade 6.", // 9
        "",                                   // 10
        "### Support Engineer Requirements",  // 11
        "",                                   // 12
        "- x",                                // 13
        "",                                   // 14
        "### Other Specialty",                // 15
        "",                                   // 16
        "#### Other Specialty Requirements",  // 17
        "",                                   // 18
        "- y",                                // 19
    ]);
    assert_eq!(lines(&RULE, &src), vec![7, 11]);
}

#[test]
fn a_bare_part_escaping_its_level() {
    let src = page(&[
        "Intro.",                           // 1
        "",                                 // 2
        "## Levels",                        // 3
        "",                                 // 4
        "### Analyst",                      // 5
        "",                                 // 6
        "#### Job Grade",                   // 7
        "",                                 // 8
        "The Analyst is a grade 6.",        // 9
        "",                                 // 10
        "### Requirements",                 // 11
        "",                                 // 12
        "- x",                              // 13
        "",                                 // 14
        "### Senior Analyst",               // 15
        "",                                 // 16
        "#### Job Grade",                   // 17
        "",                                 // 18
        "The Senior Analyst is a grade 7.", // 19
        "",                                 // 20
        "#### Requirements",                // 21
        "",                                 // 22
        "- y",                              // 23
        "",                                 // 24
        "## Performance Indicators",        // 25
        "",                                 // 26
        "- z",                              // 27
    ]);
    let found = found(&src);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, 11);
    assert!(
        found[0].1.contains("same depth as `### Analyst`"),
        "{}",
        found[0].1
    );
}

#[test]
fn family_sections_after_the_last_level_are_fine() {
    let src = page(&[
        "Intro.",
        "",
        "## Analyst",
        "",
        "### Job Grade",
        "",
        "The Analyst is a grade 6.",
        "",
        "### Requirements",
        "",
        "- x",
        "",
        "## Senior Analyst",
        "",
        "### Job Grade",
        "",
        "The Senior Analyst is a grade 7.",
        "",
        "### Requirements",
        "",
        "- y",
        "",
        "## Performance Indicators",
        "",
        "- z",
        "",
        "## Requirements",
        "",
        "- Ability to use GitLab",
        "",
        "## Career Ladder",
        "",
        "### Moving to management",
        "",
        "#### Requirements",
        "",
        "- w",
    ]);
    assert!(lines(&RULE, &src).is_empty(), "{:?}", found(&src));
}

#[test]
fn sections_nested_in_their_sibling() {
    let src = page(&[
        "Intro.",              // 1
        "",                    // 2
        "## Responsibilities", // 3
        "",                    // 4
        "- x",                 // 5
        "",                    // 6
        "### Requirements",    // 7
        "",                    // 8
        "- y",                 // 9
        "",                    // 10
        "## Career Ladder",    // 11
        "",                    // 12
        "Next steps.",         // 13
        "",                    // 14
        "### Hiring Process",  // 15
        "",                    // 16
        "1. A call",           // 17
    ]);
    let found = found(&src);
    let at: Vec<usize> = found.iter().map(|f| f.0).collect();
    assert_eq!(at, vec![7, 15], "{found:?}");
    assert!(found[1].1.contains("make it `##`"), "{}", found[1].1);
}

#[test]
fn a_level_without_a_heading() {
    let src = page(&[
        "Intro.",                             // 1
        "",                                   // 2
        "## Senior Director",                 // 3
        "",                                   // 4
        "### Job Grade",                      // 5
        "",                                   // 6
        "The Senior Director is a grade 11.", // 7
        "",                                   // 8
        "### Requirements",                   // 9
        "",                                   // 10
        "- x",                                // 11
        "",                                   // 12
        "### Vice President Job Grade",       // 13
        "",                                   // 14
        "The Vice President is a grade 12.",  // 15
        "",                                   // 16
        "### Vice President Requirements",    // 17
        "",                                   // 18
        "- y",                                // 19
    ]);
    let found = found(&src);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, 13);
    assert!(
        found[0].1.contains("no heading of its own"),
        "{}",
        found[0].1
    );
}
