//! Reading go.sum exactly as the go command does (`readGoSum` in cmd/go/internal/modfetch), while
//! keeping every line with its position and raw text so that diagnostics can point at it.
//!
//! The go command splits the file on `\n`, splits each line into fields with `strings.Fields`,
//! skips lines without fields, stops with a fatal error at the first line that does not have
//! exactly three fields (except in `go mod tidy`, which skips such lines), silently drops entries
//! whose hash is the hash of an empty go.mod (written by an old bug), and otherwise records the
//! hash under the key (path, version), appending in file order and keeping duplicates. Paths and
//! versions are not validated. Reading here never fails: every line is classified and anything
//! remarkable is reported as a [`Problem`].
//!
//! One known divergence: fields that are not valid UTF-8 are stored with U+FFFD replacement
//! characters (and reported as [`ProblemKind::NotUtf8`]), so rewriting such a line gives other
//! bytes than the go command, which keeps the original ones.

use std::borrow::Cow;
use std::collections::hash_map::DefaultHasher;
use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasherDefault, Hash, Hasher};
use std::ops::Range;

use super::fields::{field_ranges, fields};
use super::hash::H1_PREFIX;
use super::write::write_sums;

/// The hash of a one-file tree holding an empty go.mod. An old bug wrote it into go.sum files for
/// non-modules; the go command drops such lines when it reads go.sum.
pub const EMPTY_GO_MOD_HASH: &str = "h1:G7mAYYxgmS0lVkHyy2hEOLQCFB0DlQFTMLWggykrydY=";

/// The suffix of a go.sum version that marks the hash of the go.mod file alone.
pub const GO_MOD_SUFFIX: &str = "/go.mod";

/// The text of a field: borrowed when it is valid UTF-8 (checked by the fast validator first),
/// else with U+FFFD replacement characters.
fn lossy_text(bytes: &[u8]) -> Cow<'_, str> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Cow::Borrowed(text),
        Err(_) => String::from_utf8_lossy(bytes),
    }
}

/// A parsed go.sum file: every line, in order, plus the problems found while reading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoSum {
    file: String,
    data: Vec<u8>,
    lines: Vec<SumLine>,
    problems: Vec<Problem>,
    /// Entry line indices (into `lines`) in file order, by the hash of (path, version): a bucket
    /// may hold other keys whose hashes collide, so readers compare the entries themselves.
    /// Keying by hash saves copying every path and version. (A fixed-key hasher keeps the crate
    /// free of randomness.)
    index: HashMap<u64, Vec<usize>, BuildHasherDefault<DefaultHasher>>,
}

/// The index key of (path, version).
fn key_hash(path: &str, version: &str) -> u64 {
    let mut hasher = DefaultHasher::default();
    (path, version).hash(&mut hasher);
    hasher.finish()
}

/// One line of go.sum, as the go command numbers them (1-based, split on `\n` only).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SumLine {
    /// The 1-based line number.
    pub number: u32,
    /// Byte offsets of the line in the file, without its terminating `\n` (a `\r` before it is
    /// part of the line, as for the go command, which then treats it as white space).
    pub span: Range<usize>,
    /// How the go command treats the line.
    pub kind: LineKind,
}

/// How the go command treats one line of go.sum.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineKind {
    /// No fields at all (empty or only white space): skipped.
    Blank,
    /// Not exactly three fields: fatal for every command except `go mod tidy`, which skips it.
    /// `fields` holds the byte ranges (in the file) of the fields that were found.
    WrongFieldCount { fields: Vec<Range<usize>> },
    /// Three fields whose hash is [`EMPTY_GO_MOD_HASH`]: dropped on read.
    EmptyGoModHash(Entry),
    /// A recorded hash.
    Entry(Entry),
}

/// The three fields of a go.sum line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The module path (first field), not validated.
    pub path: String,
    /// The version (second field), possibly with the `/go.mod` suffix; not validated.
    pub version: String,
    /// The hash (third field), for example `h1:...=`.
    pub hash: String,
    /// Byte ranges of the three fields in the file.
    pub spans: [Range<usize>; 3],
}

impl Entry {
    /// Whether this entry is the hash of a go.mod file (`<version>/go.mod`) rather than of a
    /// module's file tree.
    pub fn is_go_mod(&self) -> bool {
        self.version.ends_with(GO_MOD_SUFFIX)
    }

    /// The version without a `/go.mod` suffix.
    pub fn module_version(&self) -> &str {
        self.version
            .strip_suffix(GO_MOD_SUFFIX)
            .unwrap_or(&self.version)
    }

    /// Whether the hash uses the only algorithm the go command verifies with (`h1:`).
    pub fn is_h1(&self) -> bool {
        self.hash.starts_with(H1_PREFIX)
    }
}

/// Something worth telling the user about one line of go.sum.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The 1-based line number.
    pub line: u32,
    pub kind: ProblemKind,
}

/// The kinds of [`Problem`]. [`Problem::severity`] says how the go command reacts to each.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProblemKind {
    /// The line does not have exactly three fields.
    WrongFieldCount { fields: usize },
    /// The line records the hash of an empty go.mod, which the go command drops.
    EmptyGoModHash,
    /// The hash does not start with `h1:`; it is kept but never used for verification.
    UnknownAlgorithm { hash: String },
    /// The same path, version and hash already appeared on an earlier line.
    Duplicate { first_line: u32 },
    /// The same path and version already have a different `h1:` hash (first on `first_line`); the
    /// go command compares a download with the first `h1:` hash, so at most one can be right.
    SeveralHashes { first_line: u32 },
    /// The line ends with `\r\n`; the go command reads it, but rewrites the file with `\n`.
    CarriageReturn,
    /// The line has no fields; the go command skips it and a rewrite removes it.
    BlankLine,
    /// A field is not valid UTF-8; it is shown here with replacement characters.
    NotUtf8,
}

/// How the go command reacts to a [`Problem`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The line is harmless; a rewrite of go.sum normalises it away.
    Note,
    /// The line is read but has no effect, or is dropped.
    Ignored,
    /// The go command refuses the file (except `go mod tidy`).
    Fatal,
}

impl Problem {
    pub fn severity(&self) -> Severity {
        match self.kind {
            ProblemKind::WrongFieldCount { .. } => Severity::Fatal,
            ProblemKind::EmptyGoModHash | ProblemKind::UnknownAlgorithm { .. } => Severity::Ignored,
            ProblemKind::Duplicate { .. }
            | ProblemKind::SeveralHashes { .. }
            | ProblemKind::CarriageReturn
            | ProblemKind::BlankLine
            | ProblemKind::NotUtf8 => Severity::Note,
        }
    }
}

/// The problem's message without position. For a wrong field count it is the go command's own
/// wording (`wrong number of fields N`).
impl fmt::Display for ProblemKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProblemKind::WrongFieldCount { fields } => write!(f, "wrong number of fields {fields}"),
            ProblemKind::EmptyGoModHash => f.write_str(
                "hash of an empty go.mod file (written by an old go command bug); ignored",
            ),
            ProblemKind::UnknownAlgorithm { hash } => {
                write!(
                    f,
                    "unknown hash algorithm in {hash}; only h1: hashes are verified"
                )
            }
            ProblemKind::Duplicate { first_line } => {
                write!(f, "duplicate of line {first_line}")
            }
            ProblemKind::SeveralHashes { first_line } => {
                write!(f, "another h1: hash for the same module version is on line {first_line}; at most one can match")
            }
            ProblemKind::CarriageReturn => f.write_str("line ends with CRLF"),
            ProblemKind::BlankLine => f.write_str("blank line"),
            ProblemKind::NotUtf8 => f.write_str("field is not valid UTF-8"),
        }
    }
}

/// The outcome of checking a computed hash against go.sum, as the go command decides it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verification<'a> {
    /// An entry with exactly this hash exists (on this line).
    Match { line: u32 },
    /// An `h1:` entry with a different hash comes first: the go command stops with
    /// "checksum mismatch".
    Mismatch { line: u32, recorded: &'a str },
    /// No entry for the key, or only entries with unknown algorithms (`unknown` lists them):
    /// the sum is missing (and `-mod=mod` would add it).
    Missing { unknown: Vec<&'a str> },
}

impl GoSum {
    /// Reads go.sum `data`; `file` names it in messages (the go command prints the absolute path).
    pub fn parse(file: &str, data: &[u8]) -> GoSum {
        let mut sum = GoSum {
            file: file.to_owned(),
            data: data.to_vec(),
            // Lines of go.sum are about 90 bytes long: room for all of them, usually.
            lines: Vec::with_capacity(data.len() / 64 + 1),
            problems: Vec::new(),
            index: HashMap::default(),
        };
        let mut start = 0usize;
        let mut number = 0u32;
        while start < data.len() {
            number = number.saturating_add(1);
            let rest = data.get(start..).unwrap_or_default();
            let (end, next) = match rest.iter().position(|&b| b == b'\n') {
                Some(i) => (start + i, start + i + 1),
                None => (data.len(), data.len()),
            };
            let text = data.get(start..end).unwrap_or_default();
            if text.last() == Some(&b'\r') {
                sum.problem(number, ProblemKind::CarriageReturn);
            }
            // The usual line has exactly three fields: take them without collecting a list.
            let mut found = field_ranges(text).map(|r| r.start + start..r.end + start);
            let three = match [found.next(), found.next(), found.next(), found.next()] {
                [Some(path), Some(version), Some(hash), None] => Ok([path, version, hash]),
                _ => Err(fields(text)
                    .into_iter()
                    .map(|r| r.start + start..r.end + start)
                    .collect::<Vec<_>>()),
            };
            let kind = match three {
                Ok(spans) => {
                    let texts = spans
                        .clone()
                        .map(|range| lossy_text(data.get(range).unwrap_or_default()));
                    if texts.iter().any(|text| matches!(text, Cow::Owned(_))) {
                        sum.problem(number, ProblemKind::NotUtf8);
                    }
                    let [path, version, hash] = texts.map(Cow::into_owned);
                    let entry = Entry {
                        path,
                        version,
                        hash,
                        spans,
                    };
                    if entry.hash == EMPTY_GO_MOD_HASH {
                        sum.problem(number, ProblemKind::EmptyGoModHash);
                        LineKind::EmptyGoModHash(entry)
                    } else {
                        sum.note_entry(number, &entry);
                        LineKind::Entry(entry)
                    }
                }
                Err(ranges) if ranges.is_empty() => {
                    sum.problem(number, ProblemKind::BlankLine);
                    LineKind::Blank
                }
                Err(ranges) => {
                    sum.problem(
                        number,
                        ProblemKind::WrongFieldCount {
                            fields: ranges.len(),
                        },
                    );
                    LineKind::WrongFieldCount { fields: ranges }
                }
            };
            sum.lines.push(SumLine {
                number,
                span: start..end,
                kind,
            });
            start = next;
        }
        sum
    }

    /// Records the entry of line `number` in the index and reports duplicates and conflicting
    /// hashes against the earlier entries for the same path and version.
    fn note_entry(&mut self, number: u32, entry: &Entry) {
        if !entry.is_h1() {
            self.problem(
                number,
                ProblemKind::UnknownAlgorithm {
                    hash: entry.hash.clone(),
                },
            );
        }
        let positions = self
            .index
            .entry(key_hash(&entry.path, &entry.version))
            .or_default();
        let earlier = || {
            positions.iter().filter_map(|&i| match self.lines.get(i) {
                Some(SumLine {
                    number,
                    kind: LineKind::Entry(e),
                    ..
                }) if e.path == entry.path && e.version == entry.version => Some((*number, e)),
                _ => None,
            })
        };
        let duplicate_of = earlier()
            .find(|(_, e)| e.hash == entry.hash)
            .map(|(line, _)| line);
        // Only an earlier h1: hash can disagree with this one: other algorithms are never
        // compared.
        let earlier_h1 = earlier().find(|(_, e)| e.is_h1()).map(|(line, _)| line);
        positions.push(self.lines.len());
        if let Some(first_line) = duplicate_of {
            self.problem(number, ProblemKind::Duplicate { first_line });
            return;
        }
        if !entry.is_h1() {
            return;
        }
        if let Some(first_line) = earlier_h1 {
            self.problem(number, ProblemKind::SeveralHashes { first_line });
        }
    }

    fn problem(&mut self, line: u32, kind: ProblemKind) {
        self.problems.push(Problem { line, kind });
    }

    /// The file name given to [`GoSum::parse`].
    pub fn file(&self) -> &str {
        &self.file
    }

    /// The bytes that were read.
    pub fn data(&self) -> &[u8] {
        &self.data
    }

    /// Every line, in file order.
    pub fn lines(&self) -> &[SumLine] {
        &self.lines
    }

    /// The raw bytes of a line (without its `\n`).
    pub fn line_bytes(&self, line: &SumLine) -> &[u8] {
        self.data.get(line.span.clone()).unwrap_or_default()
    }

    /// Everything remarkable, in line order.
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    /// `file:line: message` for a problem, the go command's way of pointing into go.sum.
    pub fn describe(&self, problem: &Problem) -> String {
        format!("{}:{}: {}", self.file, problem.line, problem.kind)
    }

    /// The go command's fatal error for this file, if any: the first line with a wrong number of
    /// fields, as `malformed go.sum:\n<file>:<line>: wrong number of fields <n>` (the go command
    /// prints it, followed by a newline, on stderr without a `go:` prefix). `go mod tidy` does not
    /// report it: it skips such lines.
    pub fn fatal_error(&self) -> Option<String> {
        self.problems
            .iter()
            .find(|p| matches!(p.kind, ProblemKind::WrongFieldCount { .. }))
            .map(|p| format!("malformed go.sum:\n{}", self.describe(p)))
    }

    /// The entries the go command keeps, in file order (dropped empty-go.mod lines excluded).
    pub fn entries(&self) -> impl Iterator<Item = (&SumLine, &Entry)> {
        self.lines.iter().filter_map(|line| match &line.kind {
            LineKind::Entry(entry) => Some((line, entry)),
            _ => None,
        })
    }

    /// The recorded entries for (path, version) in file order, duplicates included. `version`
    /// may carry the `/go.mod` suffix.
    pub fn lookup(&self, path: &str, version: &str) -> Vec<(&SumLine, &Entry)> {
        self.index
            .get(&key_hash(path, version))
            .into_iter()
            .flatten()
            .filter_map(|&i| self.lines.get(i))
            .filter_map(|line| match &line.kind {
                LineKind::Entry(entry) if entry.path == path && entry.version == version => {
                    Some((line, entry))
                }
                _ => None,
            })
            .collect()
    }

    /// The hashes recorded for the module tree of path@version (the zip hash), in file order.
    pub fn module_hashes(&self, path: &str, version: &str) -> Vec<&str> {
        self.lookup(path, version)
            .into_iter()
            .map(|(_, e)| e.hash.as_str())
            .collect()
    }

    /// The hashes recorded for the go.mod file of path@version (`<version>/go.mod`), in file order.
    pub fn gomod_hashes(&self, path: &str, version: &str) -> Vec<&str> {
        self.lookup(path, &format!("{version}{GO_MOD_SUFFIX}"))
            .into_iter()
            .map(|(_, e)| e.hash.as_str())
            .collect()
    }

    /// Whether go.sum has a usable (`h1:`) sum for the key, as the go command's `HaveSum` asks
    /// before reading a dependency. `version` may carry the `/go.mod` suffix.
    pub fn has_sum(&self, path: &str, version: &str) -> bool {
        self.lookup(path, version).iter().any(|(_, e)| e.is_h1())
    }

    /// Checks a computed hash against the entries for the key the way the go command does: walking
    /// the recorded hashes in file order, an identical one is a match, and an `h1:` hash met first
    /// that differs is a mismatch. `version` may carry the `/go.mod` suffix.
    pub fn verify(&self, path: &str, version: &str, computed: &str) -> Verification<'_> {
        let mut unknown = Vec::new();
        for (line, entry) in self.lookup(path, version) {
            if entry.hash == computed {
                return Verification::Match { line: line.number };
            }
            if entry.is_h1() {
                return Verification::Mismatch {
                    line: line.number,
                    recorded: &entry.hash,
                };
            }
            unknown.push(entry.hash.as_str());
        }
        Verification::Missing { unknown }
    }

    /// The file the go command writes when it rewrites this go.sum without adding or removing
    /// anything: kept entries sorted, duplicates removed, blank and dropped lines gone.
    pub fn rewrite(&self) -> Vec<u8> {
        write_sums(
            self.entries()
                .map(|(_, e)| (e.path.as_str(), e.version.as_str(), e.hash.as_str())),
        )
    }
}
