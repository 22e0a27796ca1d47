//! Findings a page counts but does not hold.
//!
//! A go.mod of a hundred thousand requirements without its go.sum has two findings per
//! requirement. No reader goes through them one by one, yet holding, sending and rendering them
//! all costs the web page seconds of its main thread. So the page keeps the first findings of
//! each rule ([`Analysis::keep_first_findings`]) and only counts the rest: the counts it shows
//! stay exact, and it says how many findings it does not list and where to see them all (the CLI
//! and the JS API never drop any).

use std::collections::HashMap;

use super::Analysis;
use crate::check::Severity;

/// The findings of one rule on one file that an analysis counted but dropped.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OmittedFindings {
    #[serde(deserialize_with = "crate::analyze::wire::rule_code")]
    pub code: crate::analyze::wire::StaticStr,
    pub severity: Severity,
    pub file: String,
    pub count: usize,
}

impl Analysis {
    /// Keeps the first `per_rule` findings of each rule (in report order, which is by file and
    /// position) and counts the others in [`Analysis::omitted`]. Fixes and marks then cover the
    /// findings kept; everything that counts findings adds the omitted ones.
    pub fn keep_first_findings(&mut self, per_rule: usize) {
        let mut kept_of_rule: HashMap<&str, usize> = HashMap::new();
        let mut omitted_at: HashMap<(&str, &str), usize> = HashMap::new();
        let mut omitted: Vec<OmittedFindings> = Vec::new();
        let mut keep = Vec::with_capacity(self.report.diagnostics.len());
        for d in &self.report.diagnostics {
            let kept = kept_of_rule.entry(d.code).or_default();
            keep.push(*kept < per_rule);
            if *kept < per_rule {
                *kept += 1;
                continue;
            }
            let at = *omitted_at.entry((d.code, &d.file)).or_insert_with(|| {
                omitted.push(OmittedFindings {
                    code: d.code,
                    severity: d.severity,
                    file: d.file.clone(),
                    count: 0,
                });
                omitted.len().saturating_sub(1)
            });
            if let Some(entry) = omitted.get_mut(at) {
                entry.count += 1;
            }
        }
        let mut keep = keep.into_iter();
        self.report
            .diagnostics
            .retain(|_| keep.next().unwrap_or(true));
        self.omitted.extend(omitted);
    }

    /// How many findings of `severity` the analysis has, the omitted ones included.
    pub fn finding_count(&self, severity: Severity) -> usize {
        let held = self
            .report
            .diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count();
        held + self.omitted_count(severity)
    }

    /// How many findings of `severity` the analysis counted but does not hold.
    pub fn omitted_count(&self, severity: Severity) -> usize {
        self.omitted
            .iter()
            .filter(|o| o.severity == severity)
            .map(|o| o.count)
            .sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::{analyze, Options};
    use crate::bundle::Bundle;
    use gomod_test_support::large;

    /// A go.mod of `n` requirements and a go.sum that holds none of their hashes: two findings
    /// per requirement (`sum-missing`, `sum-missing-zip`).
    fn unsummed(n: usize) -> Analysis {
        let bundle = Bundle::from_files([
            ("go.mod".to_owned(), large::go_mod_requiring(n).into_bytes()),
            (
                "go.sum".to_owned(),
                large::UNRELATED_GO_SUM.as_bytes().to_vec(),
            ),
        ]);
        analyze(&bundle, &Options::default())
    }

    #[test]
    fn keeps_the_first_findings_of_each_rule_and_counts_the_others() {
        let full = unsummed(1500);
        let per_rule = 400;
        let mut of_rule: HashMap<&str, Vec<&crate::check::Diagnostic>> = HashMap::new();
        for d in &full.report.diagnostics {
            of_rule.entry(d.code).or_default().push(d);
        }
        assert!(
            of_rule.values().filter(|ds| ds.len() > per_rule).count() >= 2,
            "the case needs two rules with more than {per_rule} findings: {:?}",
            of_rule
                .iter()
                .map(|(c, ds)| (c, ds.len()))
                .collect::<Vec<_>>()
        );
        let mut kept = full.clone();
        kept.keep_first_findings(per_rule);
        // Each rule's first findings, in report order, and nothing else.
        let expected: Vec<&crate::check::Diagnostic> = full
            .report
            .diagnostics
            .iter()
            .filter(|d| {
                let position = of_rule[d.code].iter().position(|x| std::ptr::eq(*x, *d));
                position.is_some_and(|p| p < per_rule)
            })
            .collect();
        assert_eq!(kept.report.diagnostics.iter().collect::<Vec<_>>(), expected);
        // The others are counted per rule and file, and every count stays exact.
        for (code, ds) in &of_rule {
            let omitted: usize = kept
                .omitted
                .iter()
                .filter(|o| o.code == *code)
                .map(|o| o.count)
                .sum();
            assert_eq!(omitted, ds.len().saturating_sub(per_rule), "{code}");
        }
        for severity in [Severity::Error, Severity::Warning, Severity::Info] {
            assert_eq!(
                kept.finding_count(severity),
                full.finding_count(severity),
                "{severity:?}"
            );
        }
        assert!(full.omitted.is_empty());
        assert!(kept
            .omitted
            .iter()
            .all(|o| o.count > 0 && o.file == "go.mod"));
    }

    #[test]
    fn an_analysis_within_the_limit_is_unchanged() {
        let full = unsummed(20);
        let mut kept = full.clone();
        kept.keep_first_findings(1000);
        assert_eq!(kept, full);
    }
}
