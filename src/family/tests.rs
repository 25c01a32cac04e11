//! Level detection in every layout, extends resolution, fused text.

use super::*;

fn family(source: &str) -> (Document, JobFamily) {
    let doc = Document::parse("t.md", source.to_string());
    let family = JobFamily::build(&doc);
    (doc, family)
}

fn level_names(f: &JobFamily) -> Vec<&str> {
    f.levels.iter().map(|l| l.name.as_str()).collect()
}

fn grades(f: &JobFamily) -> Vec<Option<u32>> {
    f.levels
        .iter()
        .map(|l| l.grade.as_ref().and_then(Grade::whole))
        .collect()
}

fn item_texts<'a>(doc: &'a Document, list: Option<&LevelList>) -> Vec<&'a str> {
    list.map(|l| {
        l.items
            .iter()
            .map(|&i| doc.items[i].text.as_str())
            .collect()
    })
    .unwrap_or_default()
}

const NESTED: &str = "\
---
title: Analyst
---

Analysts turn data into decisions.

## Levels

### Analyst (Intermediate)

The Analyst (Intermediate) is a [grade 6](/grades/).

#### Analyst (Intermediate) Responsibilities

- Build reports

#### Analyst (Intermediate) Requirements

- Ability to use GitLab

### Senior Analyst

#### Job Grade

The Senior Analyst is a [grade 7](/grades/).

#### Responsibilities

- Extends the Analyst (Intermediate) responsibilities
- Lead the roadmap

#### Requirements

- Extends that of the Analyst (Intermediate) requirements
- Four years of SQL

#### Performance Indicators (PI)

- Reports on time

## Performance Indicators

- Accuracy

## Career Ladder

Next is the Manager family.

## Hiring Process

1. A call
";

#[test]
fn nested_levels_with_named_and_generic_sub_headings() {
    let (doc, f) = family(NESTED);
    assert!(f.is_job_family);
    assert_eq!(f.layout, Layout::Nested);
    assert_eq!(f.title.as_deref(), Some("Analyst"));
    assert!(f.overview.is_some());
    assert_eq!(
        level_names(&f),
        vec!["Analyst (Intermediate)", "Senior Analyst"]
    );
    assert_eq!(grades(&f), vec![Some(6), Some(7)]);
    let senior = &f.levels[1];
    assert_eq!(
        item_texts(&doc, senior.responsibilities.as_ref()),
        vec![
            "Extends the Analyst (Intermediate) responsibilities",
            "Lead the roadmap"
        ]
    );
    assert_eq!(
        item_texts(&doc, senior.indicators.as_ref()),
        vec!["Reports on time"]
    );
    assert_eq!(senior.extends.len(), 2);
    assert!(senior.extends.iter().all(|e| e.target == Some(0)));
    assert_eq!(senior.extends[0].stated, Some(ListKind::Responsibilities));
    assert_eq!(senior.extends[1].list, ListKind::Requirements);
    assert_eq!(
        doc.text(senior.extends[1].reference_span.clone()),
        "Analyst (Intermediate)"
    );
    let named = &f.levels[0].subheadings[0];
    assert_eq!(
        named.role.as_ref().map(|r| r.0.as_str()),
        Some("Analyst (Intermediate)")
    );
    // Family-wide sections, outside the levels.
    let kinds: Vec<SectionKind> = f.sections.iter().map(|s| s.kind).collect();
    assert_eq!(
        kinds,
        vec![
            SectionKind::Levels,
            SectionKind::PerformanceIndicators,
            SectionKind::CareerLadder,
            SectionKind::HiringProcess
        ]
    );
    assert_eq!(
        f.family_items(SectionKind::PerformanceIndicators).count(),
        1
    );
}

const SAME_DEPTH: &str = "\
---
title: Planner
---

Planners plan.

### Levels

### Planner  (Intermediate)

The Planner is a [grade 5](/grades/).

### Planner Responsibilities

- Plan the quarter

### Planner Requirements

- Ability to use GitLab

### Senior Planner

The Senior Planner is a [grade 6](/grades/).

### Senior Planner Responsibilities

- Extends responsibilities of Planners
- Plan the year

### Senior Planner Requirements

- Extends: Planner Experience with budgets and forecasts

## Performance Indicators

- Plans delivered
";

#[test]
fn levels_at_the_depth_of_the_levels_heading_with_flat_sub_sections() {
    let (doc, f) = family(SAME_DEPTH);
    assert_eq!(f.layout, Layout::SameDepth);
    assert_eq!(
        level_names(&f),
        vec!["Planner (Intermediate)", "Senior Planner"]
    );
    assert_eq!(grades(&f), vec![Some(5), Some(6)]);
    let senior = &f.levels[1];
    assert_eq!(
        item_texts(&doc, senior.responsibilities.as_ref()),
        vec!["Extends responsibilities of Planners", "Plan the year"]
    );
    // "Planners" is the plural of the first level's name.
    assert_eq!(senior.extends[0].target, Some(0));
    // "Extends: Planner Experience with …": a requirement fused on.
    let e = &senior.extends[1];
    assert_eq!(e.target, Some(0));
    assert_eq!(e.reference, "Planner");
    let fused = e.fused.as_ref().map(|f| doc.text(f.span.clone()));
    assert_eq!(fused, Some("Experience with budgets and forecasts"));
    // The performance indicators after the levels are the family's.
    assert!(f.levels[1].indicators.is_none());
    assert_eq!(
        f.family_items(SectionKind::PerformanceIndicators).count(),
        1
    );
}

const SINGLE: &str = "\
---
title: Senior Manager, Field Marketing
---

This role leads field marketing.

## Role
The Senior Manager, Field Marketing reports to the Director.

### Job Grade
The Senior Manager, Field Marketing is a [grade 9](/grades/).

### Responsibilities
* Run events

### Requirements
* Ability to use GitLab
";

#[test]
fn a_single_role_is_one_implicit_level() {
    let (doc, f) = family(SINGLE);
    assert!(f.is_job_family);
    assert_eq!(f.layout, Layout::SingleRole);
    assert_eq!(level_names(&f), vec!["Senior Manager, Field Marketing"]);
    assert!(f.levels[0].is_implicit());
    assert_eq!(grades(&f), vec![Some(9)]);
    assert_eq!(
        item_texts(&doc, f.levels[0].requirements.as_ref()),
        vec!["Ability to use GitLab"]
    );
    assert_eq!(f.family_items(SectionKind::Requirements).count(), 1);
}

#[test]
fn levels_without_a_levels_heading() {
    let source = "\
---
title: Engineer
---

Engineers build.

## Engineer

The Engineer is a grade 6.

### Responsibilities

- Build

## Senior Engineer

The Senior Engineer is a grade 7.

### Responsibilities

- Extends the Engineer responsibilities

## Hiring Process

1. A call
";
    let (_, f) = family(source);
    assert_eq!(f.layout, Layout::Unlabelled);
    assert_eq!(level_names(&f), vec!["Engineer", "Senior Engineer"]);
    assert_eq!(grades(&f), vec![Some(6), Some(7)]);
    assert_eq!(f.levels[1].extends[0].target, Some(0));
}

#[test]
fn an_overview_over_family_sections_is_no_level() {
    let source = "\
---
title: Coordinator
---

## Overview

Coordinators organise events.

### Responsibilities

- Organise

### Requirements

- Ability to use GitLab

## Coordinator

### Job Grade

The Coordinator is a grade 5.

### Responsibilities

- Book venues

## Senior Coordinator

### Job Grade

The Senior Coordinator is a grade 6.
";
    let (_, f) = family(source);
    assert_eq!(level_names(&f), vec!["Coordinator", "Senior Coordinator"]);
    assert_eq!(grades(&f), vec![Some(5), Some(6)]);
    let kinds: Vec<SectionKind> = f.sections.iter().map(|s| s.kind).collect();
    assert!(kinds.contains(&SectionKind::Requirements), "{kinds:?}");
}

#[test]
fn the_title_over_family_sections_is_no_level() {
    let source = "\
---
title: Designer
---

## Designer

Designers design.

### Requirements

- Ability to use GitLab

## Individual Contributor Levels

### Associate Designer

#### Job Grade

The Associate Designer is a grade 5.

### Senior Designer

#### Job Grade

The Senior Designer is a grade 7.
";
    let (_, f) = family(source);
    assert_eq!(
        level_names(&f),
        vec!["Associate Designer", "Senior Designer"]
    );
    // A level named like the title, with its grade in a sub-section, stays.
    let source = "\
---
title: Designer
---

Designers design.

## Designer

### Job Grade

The Designer is a grade 6.

### Requirements

- Draw

## Senior Designer

### Job Grade

The Senior Designer is a grade 7.
";
    let (_, f) = family(source);
    assert_eq!(level_names(&f), vec!["Designer", "Senior Designer"]);
    assert_eq!(grades(&f), vec![Some(6), Some(7)]);
}

#[test]
fn bold_paragraphs_and_bare_seniorities() {
    let source = "\
---
title: Designer
---

Designers design.

## Levels

### Intermediate

The Designer is a grade 6.

**Responsibilities**

- Design screens

### Senior

**Requirements**

- Extends the Intermediate Designer requirements

## Job Grades

The Senior Designer is a grade 7.
";
    let (_, f) = family(source);
    assert_eq!(level_names(&f), vec!["Intermediate", "Senior"]);
    assert_eq!(
        f.levels[0].responsibilities.as_ref().map(|l| l.items.len()),
        Some(1)
    );
    // The grade stated outside the level, naming it.
    assert_eq!(grades(&f), vec![Some(6), Some(7)]);
    // "Intermediate Designer" is the Intermediate level of the Designer family.
    assert_eq!(f.levels[1].extends[0].target, Some(0));
    assert_eq!(f.resolve("the designers"), Some(0));
    assert_eq!(f.resolve("Senior Designer"), Some(1));
}

#[test]
fn unknown_references_rank_the_closest_levels() {
    let (_, f) = family(SAME_DEPTH);
    assert_eq!(f.resolve("Staff Planner"), None);
    let ranked = f.closest("Senior Planners Lead");
    assert_eq!(ranked.first().map(|r| r.0), Some(1));
    assert!(ranked[0].1 > ranked[1].1);
}

#[test]
fn extended_follows_chains_and_notes_gaps() {
    let source = "\
---
title: X
---

Intro.

## Levels

### Junior X

#### Requirements

- Ability to use GitLab

### X

#### Requirements

- Extends the Junior X requirements

### Senior X

#### Requirements

- Extends the X requirements
- Extends the Nobody requirements
";
    let (_, f) = family(source);
    let e = f.extended(2, ListKind::Requirements);
    assert_eq!(e.levels, vec![1, 0]);
    assert!(!e.complete);
    let e = f.extended(1, ListKind::Requirements);
    assert_eq!(e.levels, vec![0]);
    assert!(e.complete);
}

#[test]
fn specialties_are_not_levels_and_odd_pages_do_not_panic() {
    let (_, f) = family(
        "---\ntitle: X\n---\n\nIntro.\n\n## Responsibilities\n\n- Do\n\n## Specialties\n\n### Data\n\n## Requirements\n\n- Ability to use GitLab\n",
    );
    assert_eq!(f.layout, Layout::SingleRole);
    assert_eq!(f.specialties.len(), 1);
    for source in [
        "",
        "#",
        "- Extends",
        "## Levels\n",
        "### Levels\n### A\n# B\n",
        "- Extends the\n",
    ] {
        let (_, f) = family(source);
        assert!(!f.is_job_family || source.is_empty());
    }
}

#[test]
fn a_heading_among_the_levels_that_is_no_level() {
    let source = "\
---
title: Engineer
---

Intro.

## Levels for Engineer

### Overview

How levels work here.

### Engineer

The Engineer is a grade 6.

### Senior Engineer

The Senior Engineer is a grade 7.
";
    let (_, f) = family(source);
    assert_eq!(level_names(&f), vec!["Engineer", "Senior Engineer"]);
}

#[test]
fn levels_at_other_depths_after_and_around_the_levels_section() {
    let source = "\
---
title: Partner
---

Intro.

## Partner (Intermediate)

### Job Grade

The Partner (Intermediate) is a grade 6.

## Levels

### Associate Partner

#### Associate Partner Job Grade

The Associate Partner is a grade 5.

#### Associate Partner Career Ladder

Next is the Partner.

#### Senior Partner

#### Senior Partner Job Grade

The Senior Partner is a grade 7.

#### Staff Partner

### Staff Partner Job Grade

The Staff Partner is a grade 8.

### Staff Partner Responsibilities

- Lead

## Principal Partner

### Principal Partner Job Grade

The Principal Partner is a grade 9.

## Performance Indicators

- Satisfaction

#### Director, Partners

##### Director, Partners Job Grade

The Director, Partners is a grade 10.

### Billing

#### Requirements

- Know billing
";
    let (doc, f) = family(source);
    assert_eq!(
        level_names(&f),
        vec![
            "Partner (Intermediate)",
            "Associate Partner",
            "Senior Partner",
            "Staff Partner",
            "Principal Partner",
            "Director, Partners"
        ]
    );
    assert_eq!(
        grades(&f),
        vec![Some(6), Some(5), Some(7), Some(8), Some(9), Some(10)]
    );
    let staff = &f.levels[3];
    assert_eq!(
        item_texts(&doc, staff.responsibilities.as_ref()),
        vec!["Lead"]
    );
    assert_eq!(f.specialties.len(), 1);
    assert_eq!(f.specialties[0].name, "Billing");
}

#[test]
fn specialties_intro_headings_and_supplements_are_not_levels() {
    let source = "\
---
title: Engineer Roles
---

Intro.

## Engineer Roles at Example

### Requirements

- Ability to use GitLab

## Levels

### Senior

#### Senior Responsibilities

- Lead

### Senior Nice to have

- Go

### Gitter

#### Gitter Requirements

- Chat
";
    let (_, f) = family(source);
    assert_eq!(level_names(&f), vec!["Senior"]);
    assert_eq!(f.specialties.len(), 1);
    assert_eq!(f.sections.len(), 2);
}

#[test]
fn redirect_stubs_are_no_families_and_one_list_makes_a_role() {
    let (_, f) = family(
        "---\ntitle: Analyst\nlayout: job_family_page\n---\n\nSee [Data Analyst](/job-families/data-analyst/).\n",
    );
    assert!(!f.is_job_family);
    let (_, f) = family("---\ntitle: Analyst\n---\n\n## Responsibilities\n\n- Build reports\n");
    assert!(f.is_job_family);
    assert_eq!(f.layout, Layout::SingleRole);
}

#[test]
fn two_levels_blocks() {
    let source = "\
---
title: Designer
---

Intro.

## Levels

### Designer

The Designer is a grade 6.

### Senior Designer

The Senior Designer is a grade 7.

## Manager Levels

### Manager, Design

The Manager, Design is a grade 8.

## Levels

### Director, Design

The Director, Design is a grade 10.
";
    let (_, f) = family(source);
    assert_eq!(
        level_names(&f),
        vec![
            "Designer",
            "Senior Designer",
            "Manager, Design",
            "Director, Design"
        ]
    );
}

/// The start of a page of two Analyst levels: its front matter, overview,
/// Levels heading and first level with its grade.
const ANALYST_PAGE_HEAD: &str = "\
---
title: Analyst
---

Analysts turn data into decisions.

## Levels

### Analyst

The Analyst is a grade 6.

";

#[test]
fn parts_belong_to_their_level_or_specialty_whatever_their_depth() {
    let source = format!(
        "{ANALYST_PAGE_HEAD}\
### Requirements

- SQL

### Senior Analyst

The Senior Analyst is a grade 7.

### Requirements

- Python

## Specialties

### Finance

#### Requirements

- Accounting

### Sales

#### Requirements

- Forecasting

## Hiring Process

1. A call
"
    );
    let (doc, f) = family(&source);
    let parts = f.parts(&doc);
    let at = |text: &str, nth: usize| {
        let i = doc
            .headings
            .iter()
            .enumerate()
            .filter(|(_, h)| h.text == text)
            .nth(nth)
            .map(|(i, _)| i)
            .expect("heading");
        parts[i]
    };
    assert_eq!(at("Requirements", 0), Some(PartOf::Level(0)));
    assert_eq!(at("Requirements", 1), Some(PartOf::Level(1)));
    assert_eq!(at("Requirements", 2), Some(PartOf::Specialty(0)));
    assert_eq!(at("Requirements", 3), Some(PartOf::Specialty(1)));
    assert_eq!(at("Senior Analyst", 0), None);
    assert_eq!(at("Hiring Process", 0), None);
    assert_eq!(parts.len(), doc.headings.len());
}

#[test]
fn an_extends_paragraph_before_the_list_is_read_when_it_is_plain_text() {
    let source = format!(
        "{ANALYST_PAGE_HEAD}\
#### Responsibilities

- Build reports

#### Requirements

- SQL

### Senior Analyst

The Senior Analyst is a grade 7.

#### Responsibilities

Extends the **Analyst** responsibilities, plus:

- Lead projects

#### Requirements

Extends the Analyst requirements, plus:

- Python
"
    );
    let (doc, f) = family(&source);
    let senior = &f.levels[1];
    assert_eq!(senior.extends.len(), 1, "{:?}", senior.extends);
    let e = &senior.extends[0];
    assert_eq!(e.item, None);
    assert_eq!(e.list, ListKind::Requirements);
    assert_eq!(e.target, Some(0));
    assert_eq!(e.reference, "Analyst");
    assert_eq!(&doc.source[e.reference_span.clone()], "Analyst");
    assert!(doc.line_number(e.reference_span.start) > doc.line_number(senior.span.start));
}
