//! Tests of reading role names as a reader reads them.

use super::*;

fn read(text: &str) -> RoleName {
    RoleName::read(text)
}

fn same(a: &str, b: &str) -> bool {
    same_role(&read(a), &read(b))
}

/// Whether `written` names the level `level` in a family whose own words
/// are `family`.
fn names(written: &str, level: &str, family: &[&str]) -> bool {
    let words: Vec<String> = family
        .iter()
        .flat_map(|n| {
            read(n)
                .words()
                .into_iter()
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect();
    let known = |w: &str| words.iter().any(|f| same_stem(f, w));
    names_level(&read(written), &read(level), &known)
}

#[test]
fn word_order_commas_and_of_do_not_matter() {
    for (a, b) in [
        (
            "Director, Product Management",
            "Director of Product Management",
        ),
        (
            "Director Customer Success Operations",
            "Director of Customer Success Operations",
        ),
        (
            "Program Manager, Learning & Development",
            "Learning & Development Program Manager",
        ),
        (
            "Junior Account Executive - Mid Market",
            "Junior Mid Market Account Executive",
        ),
        ("VP of Talent Acquisition", "VP, Talent Acquisition"),
        ("The Senior Data Analyst's", "Data Analyst (Senior)"),
        ("Sr. Data Analysts", "Senior Data Analyst"),
    ] {
        assert!(same(a, b), "{a} / {b}");
        assert!(same(b, a), "{b} / {a}");
    }
}

#[test]
fn descriptors_are_not_part_of_the_name() {
    for (a, b) in [
        (
            "Backend Engineering Manager role",
            "Backend Engineering Manager",
        ),
        ("the Data Analyst level", "Data Analyst"),
        (
            "Manager, Channel Sales (people manager)",
            "Manager, Channel Sales",
        ),
        (
            "Program Manager, Learning & Development (Intermediat)",
            "Intermediate Learning & Development Program Manager",
        ),
    ] {
        assert!(same(a, b), "{a} / {b}");
    }
    // What follows "level in" describes the level: only "Associate" names it.
    assert_eq!(
        read("Associate level in the Engineering Division").words(),
        vec!["associate"]
    );
    // Two descriptors that disagree name two roles.
    assert!(!same("Sourcer (Inbound)", "Sourcer (Outbound)"));
    assert!(same("Sourcer (Inbound)", "Sourcer"));
}

#[test]
fn abbreviations_stand_for_the_words_they_spell() {
    for (a, b) in [
        (
            "CSA (Intermediate)",
            "Customer Success Architect (CSA) (Intermediate)",
        ),
        ("Senior CSA", "Senior Customer Success Architect (CSA)"),
        ("Manager, CSA", "Manager, Customer Success Architects (CSA)"),
        ("Director of CSM", "Director of Customer Success Management"),
        (
            "Director of CSMs",
            "Director of Customer Success Management",
        ),
        (
            "Senior ABDM",
            "Senior Alliance Business Development Manager",
        ),
        (
            "Sr Director of PS",
            "Senior Director of Professional Services",
        ),
        (
            "Sr. Director of CSM",
            "Senior Director of Customer Success Management",
        ),
        (
            "L&D Senior Program Manager",
            "Senior Learning & Development Program Manager",
        ),
        (
            "CSM (Associate)",
            "Associate Customer Success Manager (CSM)",
        ),
        ("UX Research Manager", "User Experience Research Manager"),
        ("DevRel Manager", "Developer Relations Manager"),
        ("GTM Analyst", "Go to Market Analyst"),
        ("VP, Marketing", "Vice President, Marketing"),
    ] {
        assert!(same(a, b), "{a} / {b}");
        assert!(same(b, a), "{b} / {a}");
    }
    // An abbreviation must spell the words, in order.
    assert!(!same(
        "Business Technology Program Manager",
        "IT Business Technology Program Manager"
    ));
    assert!(!same("CSA", "Customer Architect"));
    assert!(!same("Senior PS Manager", "Senior Product Manager"));
}

#[test]
fn short_forms_name_the_qualified_level() {
    assert!(same(
        "Distinguished Engineer",
        "Distinguished Engineer, Infrastructure"
    ));
    assert!(same("Legal Counsel, Commercial", "Legal Counsel"));
    // A rank before the comma is no short form of the role.
    assert!(!same("Manager", "Manager, Channel Sales"));
    assert!(!same(
        "Manager, Digital Marketing",
        "Manager, Digital Marketing Programs"
    ));
    assert!(!same(
        "Director, Channel Sales Manager",
        "Director, Channel Sales"
    ));
}

#[test]
fn different_roles_stay_different() {
    for (a, b) in [
        ("Senior Data Analyst", "Staff Data Analyst"),
        (
            "Senior Director, Corporate Controller",
            "Senior Director, International Accounting",
        ),
        ("Staff Program Manager", "Staff Product Program Manager"),
        ("Recruiting Lead", "Associate Recruiting Manager"),
        (
            "Manager, Sourcing",
            "Manager, Inbound Sourcing and Sourcing Operations",
        ),
        ("Technical Writers Team", "Technical Writer"),
        ("Intern, Backend Engineer", "Junior Backend Engineer"),
        ("Analysis Manager", "Senior Manager, Analysis"),
    ] {
        assert!(!same(a, b), "{a} / {b}");
    }
}

#[test]
fn ranks_written_alone_name_the_level_with_that_rank() {
    let family = ["Recruiter", "Recruiting"];
    assert!(names("Senior", "Senior Product Designer", &family));
    assert!(names("Intermediate", "Product Designer", &family));
    assert!(!names("Staff", "Senior Product Designer", &family));
    assert!(names(
        "Senior Manager",
        "Senior Manager, Recruiting",
        &family
    ));
    assert!(!names("Manager", "Senior Manager, Recruiting", &family));
    // A level named by its rank alone, written out with the family's words.
    assert!(names("Manager, Recruiting", "Manager", &family));
    assert!(names(
        "Senior Manager, Recruiting",
        "Senior Manager",
        &family
    ));
    assert!(!names("Senior Manager, Recruiting", "Manager", &family));
    assert!(!names("Senior Data Scientist", "Senior", &family));
    assert!(names("Senior Recruiter", "Senior", &family));
}

#[test]
fn misspellings_are_told_from_other_roles() {
    let t = typo(
        &read("Senior Team Member Reloations Partner"),
        &read("Senior Team Member Relations Partner"),
    );
    assert_eq!(t, Some(("Reloations".into(), "Relations".into())));
    assert_eq!(typo(&read("Senior Analyst"), &read("Junior Analyst")), None);
    assert_eq!(typo(&read("Data Analyst"), &read("Data Scientist")), None);
    assert_eq!(
        typo(&read("Staff Data Analyst"), &read("Senior Data Analyst")),
        None
    );
}

#[test]
fn heads_and_ranks() {
    assert_eq!(
        read("Senior Director, Engineering").head(),
        Some("director")
    );
    assert_eq!(
        read("Director of Developer Relations").head(),
        Some("director")
    );
    assert_eq!(read("Database Engineer Roles").head(), Some("engineer"));
    assert_eq!(
        read("Engineering Management - Infrastructure").head(),
        Some("management")
    );
    assert!(read("Senior Manager").is_rank_only());
    assert!(read("Intermediate").is_seniority_only());
    assert!(!read("Senior Analyst").is_rank_only());
    assert!(same_role(
        &read("Senior Data Analyst").without_seniority(),
        &read("Data Analyst (Staff)").without_seniority()
    ));
}

#[test]
fn odd_input_reads_without_panicking() {
    for text in [
        "",
        "(",
        ")",
        "((a",
        "a)",
        "-",
        " - ",
        "&",
        "'s",
        "The",
        "the the",
        "(Senior)",
        "A (B) (C",
        "Ünïcode (Staff)",
        "L&",
        "&D",
        "CSAs)",
        "X, , ,",
        "level",
        "role in the",
    ] {
        let name = read(text);
        let _ = (name.head(), name.words(), name.is_rank_only());
        let _ = same_role(&name, &read("Senior Analyst"));
        let _ = typo(&name, &read("Senior Analyst"));
    }
}

#[test]
fn person_nouns() {
    for name in [
        "Digital Production Coordinator",
        "Data Scientist",
        "CSM",
        "Director of Sales",
        "Legal Counsel",
        "Customer Success Architect",
        "Sales Development Representative",
    ] {
        assert!(read(name).names_a_person(), "{name}");
    }
    for name in [
        "Quarterly Business Review",
        "Engineering Team",
        "Department",
        "Management",
    ] {
        assert!(!read(name).names_a_person(), "{name}");
    }
}
