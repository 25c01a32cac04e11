//! The heading-structure checks, one function per kind of problem. Each
//! returns the headings it reports with a message; the rule keeps one
//! finding per heading.

use super::outline::{hashes, written, Outline};
use crate::family::SectionKind;

/// A reported heading and what is wrong with it.
pub(super) type Finding = (usize, String);

/// A first heading deeper than `##`.
pub(super) fn first_heading(o: &Outline<'_>) -> Option<Finding> {
    let &first = o.order.first()?;
    let level = o.heading(first).level;
    if level <= 2 {
        return None;
    }
    let has_top = o.order.iter().any(|&i| o.heading(i).level <= 2);
    let message = if has_top {
        format!(
            "the first heading is level {level} (`{}`), deeper than the page's top sections (`##`)",
            hashes(level)
        )
    } else {
        format!(
            "the page's headings start at level {level} (`{}`): its top sections should be `##`",
            hashes(level)
        )
    };
    Some((first, message))
}

/// Why heading `h`, followed by a sub-heading two levels deeper, is the
/// one at the wrong depth rather than the sub-heading.
fn too_high(o: &Outline<'_>, h: usize) -> Option<String> {
    let heading = o.heading(h);
    let depth = heading.level;
    if let Some(p) = o.previous(h) {
        let before = o.heading(p);
        if before.level == depth && o.is_empty(p) {
            return Some(format!(
                "it follows the empty `{}`, where it belongs",
                written(before)
            ));
        }
    }
    if o.level_depth == Some(depth + 1)
        && o.is_graded_level(h)
        && !o.is_inside(h, SectionKind::Specialties)
    {
        return Some(format!("the other levels are `{}`", hashes(depth + 1)));
    }
    if !o.is_level(h) {
        return None;
    }
    let levels = o.family.levels_heading?;
    let levels_heading = o.heading(levels);
    let flat = o.children(levels).next().is_none();
    (levels < h && flat && levels_heading.level == depth).then(|| {
        format!(
            "`{}`, which it belongs under, is at its depth too",
            written(levels_heading)
        )
    })
}

/// Depth jumps (`##` then `####`), reported on the heading at the wrong
/// depth: a level heading one level too high is reported itself, a
/// sub-heading too deep is reported where the jump lands. Headings in
/// `skip` are reported by another check.
pub(super) fn jumps(o: &Outline<'_>, skip: &[usize]) -> Vec<Finding> {
    let mut out = Vec::new();
    for pair in o.order.windows(2) {
        let (prev, heading) = (pair[0], pair[1]);
        let (above, below) = (o.heading(prev).level, o.heading(heading).level);
        if below <= above + 1 {
            continue;
        }
        if below == above + 2 {
            if let Some(reason) = too_high(o, prev) {
                out.push((
                    prev,
                    format!(
                        "`{}` is one level too high: its sub-sections are `{}` and {reason}; make it `{}`",
                        written(o.heading(prev)),
                        hashes(below),
                        hashes(above + 1)
                    ),
                ));
                continue;
            }
        }
        if skip.contains(&heading) {
            continue;
        }
        out.push((
            heading,
            format!(
                "heading jumps from level {above} to level {below}: expected `{}`",
                hashes(above + 1)
            ),
        ));
    }
    out
}

/// A level stranded in a family-wide section: `#### Senior Director` with
/// its Job Grade, under `## Performance Indicators` or `## Hiring
/// Process`.
pub(super) fn stranded_levels(o: &Outline<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for &h in &o.order {
        if !o.is_graded_level(h) || o.is_inside(h, SectionKind::Specialties) {
            continue;
        }
        let Some(parent) = o.parent(h) else { continue };
        if !matches!(
            o.bare_kind(parent),
            Some(
                SectionKind::HiringProcess
                    | SectionKind::PerformanceIndicators
                    | SectionKind::CareerLadder
            )
        ) {
            continue;
        }
        let among = o.family.levels_heading.map_or(String::new(), |l| {
            format!(", outside `{}`", written(o.heading(l)))
        });
        out.push((
            h,
            format!(
                "`{}` is a level, but it sits under `{}`{among}: move it back among the levels",
                written(o.heading(h)),
                written(o.heading(parent))
            ),
        ));
    }
    out
}

/// A level's part right after an empty heading deeper than it, or as deep
/// as it (`### Training` with nothing under it, then `## Responsibilities`):
/// the part escaped from the section it belongs to.
pub(super) fn escapes(o: &Outline<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for pair in o.order.windows(2) {
        let (prev, heading) = (pair[0], pair[1]);
        let (above, below) = (o.heading(prev).level, o.heading(heading).level);
        if below > above || !o.is_empty(prev) || !o.is_level_part(heading) {
            continue;
        }
        let how = if below < above {
            "shallower"
        } else if o.kind(prev).is_none() && !o.names_the_page(prev) {
            "at its depth"
        } else {
            continue;
        };
        out.push((
            heading,
            format!(
                "`{}` escapes the `{}` section above it: that section is empty and this one is {how}",
                written(o.heading(heading)),
                written(o.heading(prev))
            ),
        ));
    }
    out
}

/// A level's parts at the level's own depth: `### Senior Engineer Job
/// Grade` beside `### Senior Engineer`, or a bare `## Requirements` after
/// a `## Director` level whose other parts are `###`.
pub(super) fn flat_parts(o: &Outline<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for &owner in &o.order {
        if o.kind(owner).is_some() || o.names_the_page(owner) {
            continue;
        }
        let depth = o.heading(owner).level;
        let nested: Vec<SectionKind> = o.children(owner).filter_map(|c| o.kind(c)).collect();
        let graded = o.is_graded_level(owner);
        // A heading that repeats its parent's name holds none of the
        // parts: they are the parent's.
        let parent_named = |role: &str| o.parent(owner).is_some_and(|p| o.names(p, role));
        let mut parts = Vec::new();
        let mut next = o.next(owner);
        while let Some(part) = next {
            let level = o.heading(part).level;
            if level < depth || (level == depth && o.kind(part).is_none()) {
                break;
            }
            next = o.next(part);
            if level > depth || !o.is_level_part(part) {
                continue;
            }
            let named = o
                .role(part)
                .is_some_and(|role| o.names(owner, role) && !parent_named(role));
            let escaped = o.role(part).is_none()
                && graded
                && o.kind(part).is_some_and(|kind| {
                    o.level_after(part)
                        || (kind != SectionKind::PerformanceIndicators
                            && !nested.is_empty()
                            && !nested.contains(&kind))
                });
            if named || escaped {
                parts.push((part, named));
            }
        }
        let Some(&(first, named)) = parts.first() else {
            continue;
        };
        // Parts named after a heading one level deeper than the other
        // levels: the heading is the one to move.
        if named
            && o.level_depth.is_some_and(|d| d + 1 == depth)
            && !o.is_inside(owner, SectionKind::Specialties)
        {
            out.push((
                owner,
                format!(
                    "`{}` is one level too deep: the other levels are `{}`, and its parts, such as `{}`, sit at its depth; make it `{}`",
                    written(o.heading(owner)),
                    hashes(depth - 1),
                    written(o.heading(first)),
                    hashes(depth - 1)
                ),
            ));
            continue;
        }
        let what = if o.is_level(owner) {
            "the level"
        } else {
            "the section"
        };
        for (part, _) in parts {
            out.push((
                part,
                format!(
                    "`{}` sits at the same depth as `{}`, {what} it belongs to: make it `{}`",
                    written(o.heading(part)),
                    written(o.heading(owner)),
                    hashes(depth + 1)
                ),
            ));
        }
    }
    out
}

/// Sections that sit side by side nested one in the other: `### Hiring
/// Process` under `## Career Ladder`, `#### Requirements` under `###
/// Responsibilities`.
/// Headings in `reported` are at a wrong depth already: what is nested
/// under them is not reported again.
pub(super) fn misnested(o: &Outline<'_>, reported: &[usize]) -> Vec<Finding> {
    use SectionKind::*;
    const FAMILY_PARTS: &[SectionKind] = &[CareerLadder, HiringProcess, PerformanceIndicators];
    let mut out = Vec::new();
    for &h in &o.order {
        let (Some(parent), Some(kind)) = (o.parent(h), o.kind(h)) else {
            continue;
        };
        if reported.contains(&parent) {
            continue;
        }
        let Some(parent_kind) = o.kind(parent) else {
            continue;
        };
        if parent_kind == kind {
            continue;
        }
        let level_tier = parent_kind.is_level_part() && kind.is_level_part();
        let family_tier = FAMILY_PARTS.contains(&parent_kind)
            && o.role(parent).is_none()
            && (FAMILY_PARTS.contains(&kind) || matches!(kind, Levels | Specialties))
            && o.role(h).is_none();
        if !level_tier && !family_tier {
            continue;
        }
        let depth = o.heading(parent).level;
        out.push((
            h,
            format!(
                "`{}` is nested under `{}`, but the two are sections side by side: make it `{}`",
                written(o.heading(h)),
                written(o.heading(parent)),
                hashes(depth)
            ),
        ));
    }
    out
}

/// A Levels or Specialties heading with nothing nested, followed by a
/// heading at its own depth (or by levels shallower than it).
pub(super) fn flat_group(o: &Outline<'_>, index: usize) -> Option<String> {
    let heading = o.heading(index);
    if !matches!(
        o.bare_kind(index),
        Some(SectionKind::Levels | SectionKind::Specialties)
    ) {
        return None;
    }
    let next = o.next(index)?;
    let next_heading = o.heading(next);
    if o.children(index).next().is_some() {
        return None;
    }
    if next_heading.level < heading.level {
        return (o.is_empty(index) && o.is_level_like(next)).then(|| {
            format!(
                "`{}` has no heading nested under it: the levels after it are `{}`, shallower than it",
                heading.text,
                hashes(next_heading.level)
            )
        });
    }
    if next_heading.level != heading.level {
        return None;
    }
    // A Levels section that lists the levels (links to level pages) and is
    // followed by the family's own sections is fine.
    if !o.is_empty(index) && !o.is_graded_level(next) {
        return None;
    }
    Some(format!(
        "`{}` has no heading nested under it: the headings after it sit at its own depth (`{}`) instead of `{}`",
        heading.text,
        hashes(heading.level),
        hashes(heading.level + 1)
    ))
}

/// A level with no heading of its own: its Job Grade, named after it,
/// follows the parts of the level before (`### Vice President Job Grade`
/// after `## Senior Director`'s own `### Job Grade`).
pub(super) fn headless_levels(o: &Outline<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for &owner in &o.order {
        if o.kind(owner).is_some() {
            continue;
        }
        let mut seen: Vec<SectionKind> = Vec::new();
        for child in o.children(owner) {
            let Some(kind) = o.kind(child) else { continue };
            if !matches!(
                kind,
                SectionKind::JobGrade | SectionKind::Responsibilities | SectionKind::Requirements
            ) {
                continue;
            }
            // A new level starts with its grade.
            if kind == SectionKind::JobGrade && seen.contains(&kind) {
                if let Some(role) = o.role(child).filter(|role| !o.names(owner, role)) {
                    out.push((
                        child,
                        format!(
                            "`{}` starts a second {} under `{}`: the level `{role}` seems to have no heading of its own",
                            written(o.heading(child)),
                            kind.title(),
                            written(o.heading(owner))
                        ),
                    ));
                    seen.clear();
                }
            }
            seen.push(kind);
        }
    }
    out
}
