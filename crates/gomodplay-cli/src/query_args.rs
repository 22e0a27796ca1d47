//! Arguments of the commands that resolve a module graph: `list`, `graph` and `why`.
//!
//! `gomodplay list [--proxy DIR] [--go-version V] [--json | --format text|csv|json] [DIR | BUNDLE]`,
//! `gomodplay graph [--proxy DIR] [--go-version V] [--format text|dot|mermaid|json] [DIR | BUNDLE]` and
//! `gomodplay why [--proxy DIR] [--go-version V] [--json] [--all[=N]] [DIR | BUNDLE] MODULE`.
//! Flags take one or two dashes (as Go's flag package does), values either as the next argument
//! or after `=`, and may come before or after the operands; `--` ends the flags.

use std::ffi::OsString;
use std::path::PathBuf;

use crate::args::{Usage, USAGE_EXIT};

/// Which resolving command.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verb {
    List,
    Graph,
    Why,
}

impl Verb {
    pub fn from_name(name: &str) -> Option<Verb> {
        match name {
            "list" => Some(Verb::List),
            "graph" => Some(Verb::Graph),
            "why" => Some(Verb::Why),
            _ => None,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Verb::List => "list",
            Verb::Graph => "graph",
            Verb::Why => "why",
        }
    }

    pub fn usage_line(self) -> &'static str {
        match self {
            Verb::List => {
                "usage: gomodplay list [--proxy DIR] [--go-version V] [--json | --format F] [DIR | BUNDLE]\n"
            }
            Verb::Graph => {
                "usage: gomodplay graph [--proxy DIR] [--go-version V] [--format F] [DIR | BUNDLE]\n"
            }
            Verb::Why => {
                "usage: gomodplay why [--proxy DIR] [--go-version V] [--json] [--all[=N]] [DIR | BUNDLE] MODULE[@VERSION]\n"
            }
        }
    }

    pub fn help(self) -> &'static str {
        match self {
            Verb::List => LIST_HELP.as_str(),
            Verb::Graph => GRAPH_HELP.as_str(),
            Verb::Why => WHY_HELP.as_str(),
        }
    }
}

/// The document `list` or `graph` prints (`--format`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    /// What the go command prints (`go list -m all`, `go mod graph`).
    #[default]
    Text,
    /// `list`: the build list as RFC 4180 CSV.
    Csv,
    /// `graph`: a Graphviz DOT digraph.
    Dot,
    /// `graph`: a Mermaid flowchart.
    Mermaid,
    /// JSON (`list`: the structured resolution, as --json; `graph`: nodes and edges).
    Json,
}

impl Format {
    /// The formats `verb` accepts, by name.
    fn parse(verb: Verb, name: &str) -> Option<Format> {
        match (verb, name) {
            (Verb::List | Verb::Graph, "text") => Some(Format::Text),
            (Verb::List | Verb::Graph, "json") => Some(Format::Json),
            (Verb::List, "csv") => Some(Format::Csv),
            (Verb::Graph, "dot") => Some(Format::Dot),
            (Verb::Graph, "mermaid") => Some(Format::Mermaid),
            _ => None,
        }
    }

    fn names(verb: Verb) -> &'static str {
        match verb {
            Verb::Graph => "text, dot, mermaid or json",
            _ => "text, csv or json",
        }
    }
}

/// How many chains `why --all` lists when no number is given.
pub const DEFAULT_CHAIN_LIMIT: usize = 100;
/// The most chains `why --all=N` lists: the number of chains grows exponentially with the
/// graph, so the bound keeps the output readable and the search short.
pub const MAX_CHAIN_LIMIT: usize = 10_000;

/// A parsed resolving command.
#[derive(Debug, PartialEq, Eq)]
pub struct Query {
    pub verb: Verb,
    /// The directory holding go.mod / go.work, or a txtar bundle.
    pub target: PathBuf,
    /// A GOPROXY-layout directory with dependency go.mod files.
    pub proxy: Option<PathBuf>,
    /// The Go version of the simulated go command.
    pub go_version: String,
    pub json: bool,
    /// `list` and `graph`: the document to print (`Json` whenever `json` is set).
    pub format: Format,
    /// `why`: the module path, optionally with `@version`.
    pub module: String,
    /// `why`: how many chains to list (0 lists only the shortest one).
    pub chain_limit: usize,
}

/// What the command line asks for: a query or the help of a command.
#[derive(Debug, PartialEq, Eq)]
pub enum Parsed {
    Query(Query),
    Help(Verb),
}

const SHARED_HELP: &str = "\
DIR is a directory holding the main module's go.mod (or a go.work for a workspace); it defaults to
the current directory. Local directories named by replace directives and go.work use directives
are read relative to it. A BUNDLE is a txtar archive holding the same files by relative path;
it behaves as if unpacked in its own directory; apart from --proxy nothing else is read.

Dependency go.mod files come, in this order, from the bundle (or DIR) in GOPROXY layout
(<escaped path>/@v/<version>.mod and <escaped path>/@v/list), then from --proxy DIR, a
directory in GOPROXY file layout such as $(go env GOMODCACHE)/cache/download. If the bundle or
DIR holds go-mod-graph.txt (the output of 'go mod graph'), the build list is computed by MVS
over those edges alone and a note on stderr says so.

--go-version V names the Go release being simulated (default: the newest the project knows).
";

const LIST_HELP_HEAD: &str = "\
usage: gomodplay list [--proxy DIR] [--go-version V] [--json | --format F] [DIR | BUNDLE]

List prints exactly what 'GOFLAGS=-mod=mod GOTOOLCHAIN=local go list -m all' prints for the
module: stdout, stderr (go's messages keep their \"go: \" prefix) and exit status. With --json it
prints the structured resolution instead (see README.md, \"JSON output\"); the exit status is 1
when it records an error.

--format F chooses the document: text (the default, go's output), csv (one RFC 4180 row per
module: path, version, replacement_path, replacement_version, main, direct; CRLF line ends) or
json (the same as --json).

";

const GRAPH_HELP_HEAD: &str = "\
usage: gomodplay graph [--proxy DIR] [--go-version V] [--format F] [DIR | BUNDLE]

Graph prints exactly what 'GOFLAGS=-mod=mod GOTOOLCHAIN=local go mod graph' prints.

--format F chooses the document: text (the default, go's output), dot (a Graphviz digraph:
'dot -Tsvg'), mermaid (a flowchart GitHub renders in a ```mermaid block) or json (nodes with
their marks, and edges). All hold the same nodes and edges; main modules, versions that lost to
a higher one and pruned versions are marked as the playground's Graph view draws them. When go
would fail, every format prints go's error and exits 1.

";

const WHY_HELP_HEAD: &str = "\
usage: gomodplay why [--proxy DIR] [--go-version V] [--json] [--all[=N]] [DIR | BUNDLE] MODULE[@VERSION]

Why explains a module path of the module graph: the selected version and its status (selected,
unselected, or pruned: in the graph without its requirements loaded), every requirement on the
path, the shortest requirement chain from a main module to the selected version, and the versions
of the path in the graph (version skew). With MODULE@VERSION the status is that version's.
--all lists every requirement chain to any version of the path, at most N (default 100).
--json prints the same facts as JSON. The exit status is 1 when the path is not in the graph or
the graph cannot be loaded.

";

static LIST_HELP: std::sync::LazyLock<String> =
    std::sync::LazyLock::new(|| format!("{LIST_HELP_HEAD}{SHARED_HELP}"));
static GRAPH_HELP: std::sync::LazyLock<String> =
    std::sync::LazyLock::new(|| format!("{GRAPH_HELP_HEAD}{SHARED_HELP}"));
static WHY_HELP: std::sync::LazyLock<String> =
    std::sync::LazyLock::new(|| format!("{WHY_HELP_HEAD}{SHARED_HELP}"));

fn usage(verb: Verb, problem: &str) -> Usage {
    Usage {
        message: format!(
            "gomodplay {}: {problem}\n{}Run 'gomodplay help {}' for details.\n",
            verb.name(),
            verb.usage_line(),
            verb.name()
        ),
        exit_code: USAGE_EXIT,
    }
}

/// Parses the arguments after the command name.
pub fn parse(verb: Verb, rest: &[OsString]) -> Result<Parsed, Usage> {
    let mut proxy = None;
    let mut go_version = None;
    let mut json = false;
    let mut format = Format::Text;
    let mut chain_limit = 0;
    let mut operands: Vec<OsString> = Vec::new();
    let mut flags_done = false;
    let mut args = rest.iter();
    while let Some(arg) = args.next() {
        let text = arg.to_string_lossy();
        if flags_done || !text.starts_with('-') || text == "-" {
            operands.push(arg.clone());
            continue;
        }
        if text == "--" {
            flags_done = true;
            continue;
        }
        let flag = text.trim_start_matches('-');
        let (name, inline) = match flag.split_once('=') {
            Some((n, v)) => (n, Some(v.to_owned())),
            None => (flag, None),
        };
        let mut value = |what: &str| -> Result<OsString, Usage> {
            match &inline {
                Some(v) => Ok(OsString::from(v)),
                None => args
                    .next()
                    .cloned()
                    .ok_or_else(|| usage(verb, &format!("flag needs an argument: -{what}"))),
            }
        };
        match name {
            "h" | "help" => return Ok(Parsed::Help(verb)),
            "proxy" => proxy = Some(PathBuf::from(value("proxy")?)),
            "go-version" => {
                let v = value("go-version")?.to_string_lossy().into_owned();
                if !gomod::version::gover::is_valid(&v) {
                    return Err(usage(
                        verb,
                        &format!("invalid Go version {v:?} for -go-version (expecting one like \"1.22.3\")"),
                    ));
                }
                go_version = Some(v);
            }
            "json" if verb != Verb::Graph && inline.is_none() => json = true,
            "format" if verb != Verb::Why => {
                let name = value("format")?.to_string_lossy().into_owned();
                format = Format::parse(verb, &name).ok_or_else(|| {
                    usage(
                        verb,
                        &format!(
                            "invalid value {name:?} for -format (expecting {})",
                            Format::names(verb)
                        ),
                    )
                })?;
            }
            "all" if verb == Verb::Why => {
                chain_limit = match &inline {
                    None => DEFAULT_CHAIN_LIMIT,
                    Some(n) => match n.parse::<usize>() {
                        Ok(n) if (1..=MAX_CHAIN_LIMIT).contains(&n) => n,
                        _ => {
                            return Err(usage(
                                verb,
                                &format!("invalid value {n:?} for -all (expecting a number from 1 to {MAX_CHAIN_LIMIT})"),
                            ))
                        }
                    },
                }
            }
            _ => return Err(usage(verb, &format!("unknown flag {text}"))),
        }
    }
    let (target, module) = match (verb, operands.len()) {
        (Verb::Why, 0) => return Err(usage(verb, "no module given")),
        (Verb::Why, 1) => (OsString::from("."), operands.remove(0)),
        (Verb::Why, 2) => {
            let module = operands.remove(1);
            (operands.remove(0), module)
        }
        (_, 0) => (OsString::from("."), OsString::new()),
        (Verb::List | Verb::Graph, 1) => (operands.remove(0), OsString::new()),
        _ => return Err(usage(verb, "too many arguments given")),
    };
    if json {
        format = Format::Json;
    }
    // `list --format json` is `list --json`.
    if verb == Verb::List && format == Format::Json {
        json = true;
    }
    let module = module.to_string_lossy().into_owned();
    if verb == Verb::Why && module.is_empty() {
        return Err(usage(verb, "empty module path"));
    }
    Ok(Parsed::Query(Query {
        verb,
        target: PathBuf::from(target),
        proxy,
        go_version: go_version.unwrap_or_else(|| gomod::resolve::DEFAULT_GO_VERSION.to_owned()),
        json,
        format,
        module,
        chain_limit,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    fn query(verb: Verb, list: &[&str]) -> Query {
        match parse(verb, &args(list)) {
            Ok(Parsed::Query(q)) => q,
            other => panic!("{list:?}: {other:?}"),
        }
    }

    #[test]
    fn flags_in_any_position_and_form() {
        let q = query(
            Verb::List,
            &["dir", "--proxy", "p", "-go-version=1.21.0", "--json"],
        );
        assert_eq!(q.target, PathBuf::from("dir"));
        assert_eq!(q.proxy, Some(PathBuf::from("p")));
        assert_eq!(q.go_version, "1.21.0");
        assert!(q.json);
        let q = query(Verb::Graph, &[]);
        assert_eq!(q.target, PathBuf::from("."));
        assert_eq!(q.go_version, gomod::resolve::DEFAULT_GO_VERSION);
        let q = query(Verb::Why, &["--all", "example.com/a"]);
        assert_eq!(q.module, "example.com/a");
        assert_eq!(q.chain_limit, DEFAULT_CHAIN_LIMIT);
        let q = query(Verb::Why, &["b.txtar", "example.com/a@v1.0.0", "--all=3"]);
        assert_eq!(q.target, PathBuf::from("b.txtar"));
        assert_eq!(q.chain_limit, 3);
        let q = query(Verb::List, &["--", "-odd"]);
        assert_eq!(q.target, PathBuf::from("-odd"));
        let q = query(Verb::Graph, &["--format", "mermaid", "b.txtar"]);
        assert_eq!(q.format, Format::Mermaid);
        assert!(!q.json);
        assert_eq!(query(Verb::Graph, &["-format=dot"]).format, Format::Dot);
        assert_eq!(query(Verb::List, &["--format=csv"]).format, Format::Csv);
        let q = query(Verb::List, &["--format", "json"]);
        assert!(q.json && q.format == Format::Json);
        assert_eq!(query(Verb::List, &["--json"]).format, Format::Json);
    }

    #[test]
    fn mistakes_exit_2_with_a_reason() {
        for (verb, argv, reason) in [
            (
                Verb::List,
                &["--proxy"][..],
                "flag needs an argument: -proxy",
            ),
            (Verb::List, &["a", "b"][..], "too many arguments given"),
            (
                Verb::List,
                &["--go-version", "1.x"][..],
                "invalid Go version \"1.x\"",
            ),
            (Verb::List, &["--all"][..], "unknown flag --all"),
            (Verb::Graph, &["--json"][..], "unknown flag --json"),
            (
                Verb::Graph,
                &["--format", "csv"][..],
                "invalid value \"csv\" for -format (expecting text, dot, mermaid or json)",
            ),
            (
                Verb::List,
                &["--format=dot"][..],
                "invalid value \"dot\" for -format (expecting text, csv or json)",
            ),
            (
                Verb::Graph,
                &["--format"][..],
                "flag needs an argument: -format",
            ),
            (
                Verb::Why,
                &["--format=json", "m"][..],
                "unknown flag --format=json",
            ),
            (Verb::Why, &[][..], "no module given"),
            (Verb::Why, &["a", "b", "c"][..], "too many arguments given"),
            (
                Verb::Why,
                &["--all=0", "m"][..],
                "invalid value \"0\" for -all",
            ),
            (
                Verb::Why,
                &["--all=x", "m"][..],
                "invalid value \"x\" for -all",
            ),
        ] {
            let err = parse(verb, &args(argv)).expect_err("must be rejected");
            assert_eq!(err.exit_code, USAGE_EXIT);
            assert!(err.message.contains(reason), "{argv:?}: {}", err.message);
            assert!(err.message.contains(verb.usage_line()), "{argv:?}");
        }
    }

    #[test]
    fn help_flag() {
        assert_eq!(
            parse(Verb::Why, &args(&["-h"])),
            Ok(Parsed::Help(Verb::Why))
        );
    }
}
