//! Writes a synthetic Hugo handbook for benchmarks and stress tests.
//!
//! ```sh
//! cargo run --release --example gen_corpus -- OUT_DIR N [SEED]
//! ```
//!
//! Writes `N` job-family pages to `OUT_DIR/content/job-families/<dept>/<name>.md`
//! and a few handbook pages under `OUT_DIR/content/handbook/`, the pages
//! they link to. Each family page has front matter, an overview, levels
//! with grade sentences, responsibilities and requirements lists (with
//! "Extends the X responsibilities" items), performance indicators, a
//! career ladder and a hiring process, links between pages with anchors,
//! and, on some pages, the defects real pages have: typos, trailing
//! spaces, broken anchors and links, misspelt brand names, doubled list
//! markers, repeated words, invisible characters, a missing final newline.
//! Pages average about 7 KB, like real ones. The output depends only on
//! `N` and `SEED` (default 1).

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// SplitMix64: small, fast and good enough for test data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `lo..=hi`.
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + (self.next() % (hi - lo + 1) as u64) as usize
    }

    /// True with probability `percent`/100.
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn pick<'a, T: ?Sized>(&mut self, items: &'a [&'a T]) -> &'a T {
        items[self.next() as usize % items.len()]
    }
}

const DEPARTMENTS: &[&str] = &[
    "engineering",
    "finance",
    "legal",
    "marketing",
    "people-group",
    "product",
    "sales",
    "security",
    "support",
    "infrastructure",
    "customer-success",
    "corporate-development",
];

const ROLE_HEADS: &[&str] = &[
    "Data",
    "Backend",
    "Frontend",
    "Security",
    "Payroll",
    "Revenue",
    "Field",
    "Product",
    "Support",
    "Database",
    "Site Reliability",
    "Compliance",
    "Tax",
    "Treasury",
    "Channel",
    "Partner",
    "Content",
    "Brand",
    "Demand",
    "Solutions",
    "Technical",
    "Quality",
    "Release",
    "Billing",
    "Procurement",
    "Talent",
    "People",
    "Learning",
    "Analytics",
    "Infrastructure",
];

const ROLE_TAILS: &[&str] = &[
    "Analyst",
    "Engineer",
    "Specialist",
    "Manager",
    "Architect",
    "Designer",
    "Accountant",
    "Counsel",
    "Coordinator",
    "Strategist",
    "Administrator",
    "Writer",
    "Partner",
    "Researcher",
];

const LEVELS: &[&str] = &[
    "Associate",
    "Intermediate",
    "Senior",
    "Staff",
    "Principal",
    "Distinguished",
];

const VERBS: &[&str] = &[
    "Own",
    "Drive",
    "Lead",
    "Partner with",
    "Build",
    "Maintain",
    "Improve",
    "Document",
    "Support",
    "Define",
    "Review",
    "Coordinate",
    "Measure",
    "Automate",
    "Plan",
    "Mentor",
    "Collaborate with",
    "Advocate for",
];

const OBJECTS: &[&str] = &[
    "the quarterly planning process",
    "cross-functional stakeholders in product and engineering",
    "the team's roadmap and its priorities",
    "reports that answer questions from the finance team",
    "the onboarding of new team members",
    "the documentation of processes in the handbook",
    "dashboards that track the key results of the department",
    "vendor relationships and the renewal of contracts",
    "the data models used across the company",
    "incident reviews and the follow-up corrective actions",
    "hiring for the team, including interviews and assessments",
    "compliance with the company's policies and controls",
    "the customer experience across every stage of the journey",
    "a culture of iteration, transparency and results",
    "initiatives that reduce the cost of operations",
    "the enablement of the field organization",
];

const QUALIFIERS: &[&str] = &[
    "Experience",
    "Proven experience",
    "Demonstrated ability",
    "Strong knowledge",
    "Working knowledge",
    "Familiarity",
];

const TOPICS: &[&str] = &[
    "with SQL and Python",
    "in a high-growth SaaS company",
    "of accounting principles and revenue recognition",
    "working with remote, asynchronous teams",
    "leading projects across several departments",
    "with Salesforce, Zuora and NetSuite",
    "of the software development lifecycle and DevSecOps",
    "with Kubernetes and cloud infrastructure",
    "negotiating contracts with enterprise customers",
    "building and maintaining data pipelines",
    "communicating complex topics to executives",
    "in a fast-paced environment with changing priorities",
];

const INDICATORS: &[&str] = &[
    "Percent of deliverables completed on time",
    "Customer satisfaction score",
    "Mean time to resolution",
    "Pipeline generated per quarter",
    "Accuracy of the published forecast",
    "Team member retention",
    "Cost per hire",
    "Number of handbook updates per month",
];

const TYPOS: &[(&str, &str)] = &[
    ("experience", "experiance"),
    ("management", "managment"),
    ("requirements", "requirments"),
    ("enterprise", "enteprise"),
    ("engagement", "engagment"),
    ("responsible", "responsable"),
    ("successful", "succesful"),
];

const BRAND_TYPOS: &[(&str, &str)] = &[
    ("GitLab", "Gitlab"),
    ("GitHub", "Github"),
    ("JavaScript", "Javascript"),
    ("NetSuite", "Netsuite"),
];

/// One family page to write.
struct Family {
    dept: &'static str,
    slug: String,
    title: String,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(out), Some(count)) = (args.first(), args.get(1).and_then(|n| n.parse().ok())) else {
        eprintln!("usage: gen_corpus OUT_DIR N [SEED]");
        return ExitCode::from(2);
    };
    let seed = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(1);
    match generate(Path::new(out), count, seed) {
        Ok((files, bytes)) => {
            println!(
                "wrote {files} files, {bytes} bytes ({:.1} MB, {:.1} KB per page) to {out}",
                bytes as f64 / 1e6,
                bytes as f64 / 1e3 / files.max(1) as f64
            );
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("gen_corpus: {err}");
            ExitCode::FAILURE
        }
    }
}

/// Writes the tree; returns the number of files and bytes written.
pub fn generate(out: &Path, count: usize, seed: u64) -> std::io::Result<(usize, usize)> {
    let mut rng = Rng(seed);
    let families = plan(&mut rng, count);
    let mut files = 0;
    let mut bytes = 0;
    for (path, text) in handbook_pages(out) {
        write(&path, &text)?;
        files += 1;
        bytes += text.len();
    }
    for (i, family) in families.iter().enumerate() {
        let text = family_page(&mut rng, &families, i);
        let path = out
            .join("content/job-families")
            .join(family.dept)
            .join(format!("{}.md", family.slug));
        write(&path, &text)?;
        files += 1;
        bytes += text.len();
    }
    Ok((files, bytes))
}

fn write(path: &Path, text: &str) -> std::io::Result<()> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent)?;
    }
    fs::write(path, text)
}

/// Names every family first, so pages can link to each other.
fn plan(rng: &mut Rng, count: usize) -> Vec<Family> {
    let mut families = Vec::with_capacity(count);
    for i in 0..count {
        let dept = DEPARTMENTS[i % DEPARTMENTS.len()];
        let title = format!("{} {}", rng.pick(ROLE_HEADS), rng.pick(ROLE_TAILS));
        let slug = format!("{}-{}", slugify(&title), i);
        families.push(Family { dept, slug, title });
    }
    families
}

fn slugify(text: &str) -> String {
    text.to_lowercase().replace(' ', "-")
}

/// The handbook pages family pages link to, with the anchors they use.
fn handbook_pages(out: &Path) -> Vec<(PathBuf, String)> {
    let page = |title: &str, headings: &[&str]| {
        let mut text = format!("---\ntitle: {title}\n---\n\nThis page describes {title}.\n");
        for h in headings {
            let _ = write!(text, "\n## {h}\n\nDetails about {h}.\n");
        }
        text
    };
    let root = out.join("content/handbook");
    vec![
        (
            root.join("total-rewards/compensation/compensation-calculator/_index.md"),
            page(
                "Compensation Calculator",
                &["GitLab Job Grades", "Geographic Areas", "Levels"],
            ),
        ),
        (
            root.join("hiring/interviewing/_index.md"),
            page(
                "Interviewing",
                &["Screening Call", "Technical Interview", "Reference Checks"],
            ),
        ),
        (
            root.join("values/_index.md"),
            page("Values", &["Collaboration", "Results", "Iteration"]),
        ),
        (
            root.join("people-group/okrs.md"),
            page("OKRs", &["Key Results", "Scoring"]),
        ),
        (
            root.join("leadership/_index.md"),
            page("Leadership", &["Management Group", "Career Development"]),
        ),
    ]
}

/// One job-family page, with defects on some.
fn family_page(rng: &mut Rng, families: &[Family], me: usize) -> String {
    let family = &families[me];
    let title = &family.title;
    let mut t = String::with_capacity(8 * 1024);
    let _ = write!(
        t,
        "---\ntitle: \"{title}\"\ndescription: \"Levels, responsibilities and requirements of the {title} job family.\"\n---\n\n"
    );
    // Overview.
    let _ = writeln!(
        t,
        "The {title} job family is responsible for {} and for {}. Team members in this family work with {} and report to the {} leadership. They {} and {}.\n",
        rng.pick(OBJECTS),
        rng.pick(OBJECTS),
        rng.pick(OBJECTS),
        family.dept.replace('-', " "),
        rng.pick(VERBS).to_lowercase(),
        rng.pick(OBJECTS),
    );
    if rng.chance(40) {
        let _ = writeln!(
            t,
            "<!-- This page is reviewed every quarter by the {} team. -->\n",
            family.dept
        );
    }

    // Levels.
    t.push_str("## Levels\n\n");
    let first = rng.range(0, 2);
    let count = rng.range(3, 5).min(LEVELS.len() - first);
    let names: Vec<String> = (first..first + count)
        .map(|l| match LEVELS[l] {
            "Intermediate" => format!("{title} (Intermediate)"),
            level => format!("{level} {title}"),
        })
        .collect();
    for (i, name) in names.iter().enumerate() {
        let grade = 5 + first + i;
        let _ = writeln!(t, "### {name}\n");
        let shown_grade = if rng.chance(2) && i > 0 {
            grade - 2
        } else {
            grade
        };
        let _ = writeln!(
            t,
            "The {name} is a [grade {shown_grade}](/handbook/total-rewards/compensation/compensation-calculator/#{}).\n",
            if rng.chance(3) { "gitlab-job-grade" } else { "gitlab-job-grades" }
        );
        for kind in ["Responsibilities", "Requirements"] {
            let _ = writeln!(t, "#### {name} {kind}\n");
            if i > 0 {
                let extended = if rng.chance(2) {
                    format!("{} Senior {title}", LEVELS[5])
                } else {
                    names[i - 1].clone()
                };
                let _ = writeln!(t, "- Extends the {extended} {}", kind.to_lowercase());
            }
            let items = rng.range(5, 8);
            for _ in 0..items {
                let marker = if rng.chance(1) { "* * " } else { "- " };
                let line = if kind == "Responsibilities" {
                    format!("{} {}", rng.pick(VERBS), rng.pick(OBJECTS))
                } else {
                    format!("{} {}", rng.pick(QUALIFIERS), rng.pick(TOPICS))
                };
                let _ = writeln!(t, "{marker}{}", defects(rng, &line));
            }
            if kind == "Requirements" && !rng.chance(3) {
                t.push_str("- Ability to use GitLab\n");
            }
            t.push('\n');
        }
    }

    // Specialties, on some pages.
    if rng.chance(30) {
        t.push_str("## Specialties\n\n");
        for _ in 0..rng.range(1, 3) {
            let specialty = rng.pick(ROLE_HEADS);
            let _ = writeln!(
                t,
                "### {specialty}\n\nThe {specialty} specialty focuses on {}. A {title} in this specialty will {} and {}.\n",
                rng.pick(OBJECTS),
                rng.pick(VERBS).to_lowercase(),
                rng.pick(OBJECTS)
            );
            for _ in 0..rng.range(2, 4) {
                let _ = writeln!(t, "- {} {}", rng.pick(QUALIFIERS), rng.pick(TOPICS));
            }
            t.push('\n');
        }
    }

    // Performance indicators.
    t.push_str("## Performance Indicators\n\n");
    for _ in 0..rng.range(3, 5) {
        let _ = writeln!(
            t,
            "- [{}](/handbook/people-group/okrs/#{})",
            rng.pick(INDICATORS),
            if rng.chance(4) {
                "key-result"
            } else {
                "key-results"
            }
        );
    }
    t.push('\n');
    if rng.chance(25) {
        t.push_str("| Indicator | Target |\n|---|---|\n");
        for _ in 0..3 {
            let _ = writeln!(t, "| {} | {}% |", rng.pick(INDICATORS), rng.range(50, 99));
        }
        t.push('\n');
    }

    // Career ladder, linking to other families.
    t.push_str("## Career Ladder\n\n");
    let other = &families[rng.range(0, families.len() - 1)];
    let dept = if rng.chance(2) { "nowhere" } else { other.dept };
    let _ = writeln!(
        t,
        "The next step in the {title} job family is to move to the [{}](/job-families/{dept}/{}/#levels) job family. Team members can also move into management; see the [leadership](/handbook/leadership/#{}) page. {}\n",
        other.title,
        other.slug,
        if rng.chance(4) { "career-developement" } else { "career-development" },
        defects(rng, "Career development is discussed with the manager every quarter.")
    );

    // Hiring process.
    t.push_str("## Hiring Process\n\n");
    t.push_str("Candidates for this position can expect the hiring process to follow the order below. Please keep in mind that candidates can be declined from the position at any stage of the process. To learn more about someone who may be conducting the interview, find their job title on our [team page](/company/team/).\n\n");
    let steps = [
        "Qualified candidates will be invited to schedule a [screening call](/handbook/hiring/interviewing/#screening-call) with one of our Global Recruiters",
        "Next, candidates will be invited to schedule a first interview with the Hiring Manager",
        "Candidates will then be invited to schedule an interview with a peer from the team",
        "Next, candidates will be invited to a [technical interview](/handbook/hiring/interviewing/#technical-interview)",
        "Finally, candidates will meet the Director of the department",
    ];
    for (n, step) in steps.iter().enumerate() {
        let _ = writeln!(t, "{}. {}", n + 1, defects(rng, step));
    }
    t.push_str(
        "\nAdditional details about our process can be found on our [hiring page](/handbook/hiring/interviewing/#reference-checks). See our [values](/handbook/values/) too.\n",
    );
    if rng.chance(3) {
        // No final newline.
        while t.ends_with('\n') {
            t.pop();
        }
    }
    t
}

/// Adds the defects real pages have to a line, now and then.
fn defects(rng: &mut Rng, line: &str) -> String {
    let mut line = line.to_string();
    if rng.chance(3) {
        let (right, wrong) = TYPOS[rng.range(0, TYPOS.len() - 1)];
        line = line.replacen(right, wrong, 1);
        if !line.contains(wrong) {
            line.push_str(&format!(" and {wrong}"));
        }
    }
    if rng.chance(3) {
        let (_, wrong) = BRAND_TYPOS[rng.range(0, BRAND_TYPOS.len() - 1)];
        let _ = write!(line, " using {wrong}");
    }
    if rng.chance(2) {
        line = line.replacen(" the ", " the the ", 1);
    }
    if rng.chance(1) {
        line = line.replacen(' ', "\u{a0}", 1);
    }
    if rng.chance(3) {
        line.push_str("  \t");
    } else if rng.chance(3) {
        line.push(' ');
    }
    line
}
