//! The examples gallery: curated real-world bundles from `www/examples/`, compiled into the app
//! so that they load offline and instantly.
//!
//! Each file starts with a header: `title:`, `go-version:` (the Go the user runs),
//! `gotoolchain:` (`local` or `auto`) and `expect:` (the diagnostic codes the playground must
//! report, which the native and browser tests assert), then a blank line and a description.

use std::sync::OnceLock;

use gomod::analyze::{Options, Toolchain};

/// One example.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Example {
    pub id: &'static str,
    pub title: &'static str,
    pub go_version: &'static str,
    pub toolchain: Toolchain,
    pub expect: Vec<&'static str>,
    pub description: &'static str,
    pub txtar: &'static str,
}

impl Example {
    /// The go command the example's failure happens with (its header's Go version, "" for not
    /// known, and GOTOOLCHAIN).
    pub fn settings(&self) -> Options {
        Options {
            go_version: Some(self.go_version.to_owned()).filter(|v| !v.is_empty()),
            toolchain: self.toolchain,
        }
    }

    fn parse(id: &'static str, txtar: &'static str) -> Example {
        let header = |key: &str| {
            txtar
                .lines()
                .take_while(|l| !l.is_empty())
                .find_map(|l| l.strip_prefix(key))
                .map_or("", str::trim)
        };
        let description = txtar
            .split_once("\n\n")
            .map_or("", |(_, rest)| rest)
            .split("\n-- ")
            .next()
            .unwrap_or("")
            .trim();
        Example {
            id,
            title: header("title:"),
            go_version: header("go-version:"),
            toolchain: if header("gotoolchain:") == "auto" {
                Toolchain::Auto
            } else {
                Toolchain::Local
            },
            expect: header("expect:").split_whitespace().collect(),
            description,
            txtar,
        }
    }
}

/// Every example, in menu order.
pub fn examples() -> &'static [Example] {
    static EXAMPLES: OnceLock<Vec<Example>> = OnceLock::new();
    EXAMPLES.get_or_init(|| {
        vec![
            Example::parse(
                "01-go-version-build-script",
                include_str!("../www/examples/01-go-version-build-script.txtar"),
            ),
            Example::parse(
                "02-module-myproject",
                include_str!("../www/examples/02-module-myproject.txtar"),
            ),
            Example::parse(
                "03-pseudo-version-drift",
                include_str!("../www/examples/03-pseudo-version-drift.txtar"),
            ),
            Example::parse(
                "04-committed-local-replace",
                include_str!("../www/examples/04-committed-local-replace.txtar"),
            ),
            Example::parse(
                "05-two-module-paths",
                include_str!("../www/examples/05-two-module-paths.txtar"),
            ),
            Example::parse(
                "06-sirupsen-case",
                include_str!("../www/examples/06-sirupsen-case.txtar"),
            ),
            Example::parse(
                "07-missing-go-sum-entry",
                include_str!("../www/examples/07-missing-go-sum-entry.txtar"),
            ),
            Example::parse(
                "08-retracted-version",
                include_str!("../www/examples/08-retracted-version.txtar"),
            ),
            Example::parse(
                "09-genproto-ambiguous-import",
                include_str!("../www/examples/09-genproto-ambiguous-import.txtar"),
            ),
            Example::parse(
                "10-incompatible-v2",
                include_str!("../www/examples/10-incompatible-v2.txtar"),
            ),
            Example::parse(
                "11-go-work-below-modules",
                include_str!("../www/examples/11-go-work-below-modules.txtar"),
            ),
            Example::parse(
                "12-inconsistent-vendoring",
                include_str!("../www/examples/12-inconsistent-vendoring.txtar"),
            ),
            Example::parse(
                "13-merge-conflict",
                include_str!("../www/examples/13-merge-conflict.txtar"),
            ),
            Example::parse(
                "14-bot-toolchain-line",
                include_str!("../www/examples/14-bot-toolchain-line.txtar"),
            ),
        ]
    })
}

/// The example with this id.
pub fn example(id: &str) -> Option<&'static Example> {
    examples().iter().find(|e| e.id == id)
}

/// The example the playground opens with on a first visit.
pub fn default_example() -> &'static Example {
    let all = examples();
    example("01-go-version-build-script")
        .or(all.first())
        .unwrap_or_else(|| unreachable!("the gallery is compiled in and never empty"))
}
