//! The Diagnostics list's model: the report's findings as the items a reader goes through.
//!
//! On a monorepo the report is long and repetitive: dozens of notes of one rule on one go.mod
//! (each pinned commit, each +incompatible requirement), and several findings whose fixes are
//! one and the same command block (one go.work move for all the local replacements of a go.mod).
//! So one rule's notes on one file become one expandable item ("23 requirements use
//! pseudo-versions") with the go commands of all of them listed once, and a command block that
//! an earlier item already shows is not shown again: the later item points back to it. Errors
//! and warnings stay one item each, since each needs its own look. Front ends render this model;
//! the grouping is decided here.

use std::collections::{HashMap, HashSet};

use crate::check::{Report, Severity};

/// One entry of the Diagnostics list: a single finding, or one rule's notes on one file.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FindingItem {
    pub severity: Severity,
    pub code: &'static str,
    pub file: String,
    /// Indices into the report's diagnostics, in report order: one for a single finding,
    /// several for a group.
    pub diagnostics: Vec<usize>,
    /// The heading of a group (`23 requirements use pseudo-versions`); `None` for one finding.
    pub summary: Option<String>,
    /// The go commands to show with the item, each once, in order: for a group those of all its
    /// findings. Empty when they are all shown with an earlier item (see `commands_shown_with`).
    pub commands: Vec<String>,
    /// When this item's command block is the one an earlier item shows: that item's index in
    /// the list.
    pub commands_shown_with: Option<usize>,
    /// The ways to resolve a single finding whose fixes are alternatives (two or more fixes
    /// with commands, such as lowering the go line or running a newer Go): each is one block,
    /// and `commands` is then empty, since running all of them is not what resolves it.
    pub alternatives: Vec<Alternative>,
}

/// One way to resolve a finding: its fix's title and the go commands that make it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Alternative {
    pub title: String,
    pub commands: Vec<String>,
}

/// The report's findings as list items, in report order (by file and position), each severity's
/// items together: errors first, then warnings, then notes.
pub fn finding_items(report: &Report) -> Vec<FindingItem> {
    let mut items: Vec<FindingItem> = Vec::new();
    // Lookups through maps, not scans: a go.mod of tens of thousands of requirements gives as
    // many findings, and a group of notes as many commands.
    let mut note_groups: HashMap<(&str, &str), usize> = HashMap::new();
    let mut group_commands: HashMap<usize, HashSet<String>> = HashMap::new();
    for severity in [Severity::Error, Severity::Warning, Severity::Info] {
        for (index, d) in report.diagnostics.iter().enumerate() {
            if d.severity != severity {
                continue;
            }
            let with_commands: Vec<&crate::check::Fix> =
                d.fixes.iter().filter(|f| !f.commands.is_empty()).collect();
            let alternatives: Vec<Alternative> = if with_commands.len() > 1 {
                with_commands
                    .iter()
                    .map(|f| Alternative {
                        title: f.title.clone(),
                        commands: f.commands.clone(),
                    })
                    .collect()
            } else {
                Vec::new()
            };
            let commands: Vec<String> = if alternatives.is_empty() {
                with_commands
                    .iter()
                    .flat_map(|f| f.commands.iter().cloned())
                    .collect()
            } else {
                Vec::new()
            };
            // Notes of one rule on one file join the group already started for them.
            let group = if severity == Severity::Info {
                note_groups.get(&(d.code, d.file.as_str())).copied()
            } else {
                None
            };
            match group.and_then(|g| items.get_mut(g).map(|item| (g, item))) {
                Some((g, item)) => {
                    item.diagnostics.push(index);
                    // A group lists every command once; alternatives of its members are
                    // shown with each member.
                    let seen = group_commands
                        .entry(g)
                        .or_insert_with(|| item.commands.iter().cloned().collect());
                    let all = alternatives.into_iter().flat_map(|a| a.commands);
                    for command in commands.into_iter().chain(all) {
                        if seen.insert(command.clone()) {
                            item.commands.push(command);
                        }
                    }
                }
                None => {
                    if severity == Severity::Info {
                        note_groups.insert((d.code, d.file.as_str()), items.len());
                    }
                    items.push(FindingItem {
                        severity,
                        code: d.code,
                        file: d.file.clone(),
                        diagnostics: vec![index],
                        summary: None,
                        commands,
                        commands_shown_with: None,
                        alternatives,
                    });
                }
            }
        }
    }
    for item in &mut items {
        if item.diagnostics.len() > 1 {
            item.summary = Some(group_summary(item.code, item.diagnostics.len()));
        }
    }
    // A block of several commands that an earlier item shows is shown only there. A single
    // command is cheaper to repeat than to point at.
    let mut first_with: HashMap<Vec<String>, usize> = HashMap::new();
    for (i, item) in items.iter_mut().enumerate() {
        if item.commands.len() < 2 {
            continue;
        }
        match first_with.get(&item.commands) {
            Some(&first) => {
                item.commands.clear();
                item.commands_shown_with = Some(first);
            }
            None => {
                first_with.insert(item.commands.clone(), i);
            }
        }
    }
    items
}

/// The heading of a group of `count` notes of rule `code` on one file.
fn group_summary(code: &str, count: usize) -> String {
    let what = match code {
        "pseudo-version" => "requirements use pseudo-versions",
        "incompatible-version" => "requirements use +incompatible versions",
        "sum-unused" => "go.sum lines are not used by the module graph",
        "version-skew" => "modules are required at several versions",
        "major-version-split" => "modules are in the build list at two major versions",
        "replace-in-dependency" => {
            "dependencies have replace or exclude directives the go command ignores"
        }
        "replace-unused" => "replace directives do not apply to the module graph",
        "replace-local-path" => "replace directives name directories without a go.mod",
        "retract-without-rationale" => "retractions have no rationale",
        "go-version-drift" => "go lines ask for a newer Go than the root module",
        _ => return format!("{count} {code} notes"),
    };
    format!("{count} {what}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::Options;
    use crate::bundle::Bundle;
    use crate::check::check;

    fn items_of(files: &[(&str, &str)]) -> (Report, Vec<FindingItem>) {
        let bundle = Bundle::from_files(files.iter().map(|(n, d)| (*n, d.as_bytes())));
        let report = check(
            &bundle,
            &Options {
                go_version: Some("1.27.3".to_owned()),
                ..Options::default()
            },
        );
        let items = finding_items(&report);
        (report, items)
    }

    #[test]
    fn one_rules_notes_on_one_file_are_one_item() {
        let (report, items) = items_of(&[
            (
                "go.mod",
                "module example.com/m\n\ngo 1.22.0\n\nrequire (\n\texample.com/a v1.0.1-0.20240102150405-abcdef123456\n\texample.com/b v1.2.1-0.20240102150405-abcdef123456\n\texample.com/c v1.3.1-0.20240102150405-abcdef123456\n)\n",
            ),
            (
                "tools/go.mod",
                "module example.com/m/tools\n\ngo 1.22.0\n\nrequire example.com/d v0.1.1-0.20240102150405-abcdef123456\n",
            ),
        ]);
        let pseudo: Vec<&FindingItem> = items
            .iter()
            .filter(|i| i.code == "pseudo-version")
            .collect();
        assert_eq!(pseudo.len(), 2, "{items:#?}");
        assert_eq!(pseudo[0].file, "go.mod");
        assert_eq!(pseudo[0].diagnostics.len(), 3);
        assert_eq!(
            pseudo[0].summary.as_deref(),
            Some("3 requirements use pseudo-versions")
        );
        assert_eq!(
            pseudo[0].commands,
            [
                "go get example.com/a@upgrade",
                "go get example.com/b@upgrade",
                "go get example.com/c@upgrade"
            ]
        );
        assert_eq!(pseudo[1].file, "tools/go.mod");
        assert_eq!(pseudo[1].summary, None);
        // Every finding is in exactly one item.
        let mut seen: Vec<usize> = items.iter().flat_map(|i| i.diagnostics.clone()).collect();
        seen.sort_unstable();
        assert_eq!(seen, (0..report.diagnostics.len()).collect::<Vec<_>>());
    }

    #[test]
    fn a_shared_command_block_is_shown_once() {
        let (_, items) = items_of(&[(
            "go.mod",
            "module example.com/app\n\ngo 1.22.0\n\nrequire (\n\texample.com/auth v1.0.0\n\texample.com/utils v1.4.0\n)\n\nreplace (\n\texample.com/auth => ../auth\n\texample.com/utils => ../utils\n)\n",
        )]);
        let local: Vec<&FindingItem> = items
            .iter()
            .filter(|i| i.code == "replace-local-path")
            .collect();
        assert_eq!(local.len(), 2, "warnings stay one item each: {items:#?}");
        assert_eq!(local[0].commands.len(), 5);
        assert!(local[1].commands.is_empty());
        let first = items
            .iter()
            .position(|i| std::ptr::eq(i, local[0]))
            .expect("the first item is listed");
        assert_eq!(local[1].commands_shown_with, Some(first));
    }

    #[test]
    fn errors_come_first_then_warnings_then_notes() {
        let (_, items) = items_of(&[(
            "go.mod",
            "module myproject\n\ngo 1.22.0\n\nrequire (\n\texample.com/a v1.0.0\n\texample.com/a v1.1.0\n)\n\nreplace example.com/b => ../b\n",
        )]);
        let severities: Vec<Severity> = items.iter().map(|i| i.severity).collect();
        let mut sorted = severities.clone();
        sorted.sort();
        assert_eq!(severities, sorted);
        assert!(severities.contains(&Severity::Error) && severities.contains(&Severity::Info));
    }

    #[test]
    fn fixes_that_are_alternatives_are_separate_blocks() {
        let bundle =
            Bundle::from_files([("go.mod", "module example.com/m\n\ngo 1.24.1\n".as_bytes())]);
        let report = check(
            &bundle,
            &Options {
                go_version: Some("1.23.8".to_owned()),
                ..Options::default()
            },
        );
        let items = finding_items(&report);
        let too_new = items
            .iter()
            .find(|i| i.code == "go-version-too-new")
            .expect("the go line is too new");
        assert!(too_new.commands.is_empty(), "{too_new:#?}");
        let blocks: Vec<&[String]> = too_new
            .alternatives
            .iter()
            .map(|a| a.commands.as_slice())
            .collect();
        assert_eq!(
            blocks,
            [
                &["go mod edit -go=1.23.8".to_owned()][..],
                &["GOTOOLCHAIN=go1.24.1 go version".to_owned()][..]
            ]
        );
    }
}
