//! Building blocks shared by the go.mod and go.work generators: module paths, versions, quoting,
//! spacing, comments, blocks, line endings, and byte-level damage.
//!
//! Every piece has a well-formed common case and a tail of odd or broken forms, so that one
//! generator yields files that the go command accepts, files it rewrites, and files it rejects.
//! Invalid UTF-8 cannot live in a `String`, so two private-use characters stand for raw bytes
//! while a case is built and are replaced in [`finish`].

use crate::rng::Rng;

/// Stands for the byte 0xFF (never valid in UTF-8).
pub const RAW_FF: char = '\u{E000}';
/// Stands for the byte 0xC3 (a truncated two-byte sequence when followed by ASCII).
pub const RAW_C3: char = '\u{E001}';

/// How much damage a case may contain.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mood {
    /// Mostly well-formed: odd-but-legal spellings, rare mistakes.
    Clean,
    /// Regular mistakes in arguments and arity.
    Noisy,
    /// Noisy, and then damaged at the byte level.
    Chaos,
}

impl Mood {
    pub fn pick(rng: &mut Rng) -> Mood {
        match rng.below(10) {
            0..=4 => Mood::Clean,
            5..=7 => Mood::Noisy,
            _ => Mood::Chaos,
        }
    }

    /// The chance (in percent) that one argument is replaced by something odd or wrong.
    pub fn error_rate(self) -> u32 {
        match self {
            Mood::Clean => 0,
            Mood::Noisy => 7,
            Mood::Chaos => 9,
        }
    }
}

/// Layout choices that hold for a whole file.
pub struct Layout {
    pub crlf: bool,
    /// Some files mix LF and CRLF line by line.
    pub mixed_endings: bool,
    pub final_newline: bool,
    pub indent: &'static str,
}

impl Layout {
    pub fn pick(rng: &mut Rng) -> Layout {
        Layout {
            crlf: rng.chance(8),
            mixed_endings: rng.chance(3),
            final_newline: !rng.chance(7),
            indent: rng.pick(&["\t", "\t", "\t", "\t", "    ", "  ", "", " \t", "\t\t"]),
        }
    }
}

pub const GOOD_PATHS: &[&str] = &[
    "example.com/a",
    "example.com/b",
    "example.com/c",
    "example.com/a/sub",
    "example.com/m/v2",
    "example.com/x/v3",
    "example.com/v2",
    "golang.org/x/mod",
    "golang.org/x/tools",
    "github.com/Foo/bar",
    "github.com/foo/bar/v10",
    "gopkg.in/yaml.v2",
    "gopkg.in/yaml.v3",
    "gopkg.in/check.v1",
    "k8s.io/api",
    "go.etcd.io/etcd/client/v3",
    "rsc.io/quote",
    "example.com/a-b_c~d",
    "example.com/dots.in.name",
    "x.y",
];

pub const ODD_PATHS: &[&str] = &[
    "example.com/a/v1",
    "example.com/a/v0",
    "example.com/a/v2/",
    "example.com/a/V2",
    "example.com/a/v2.0",
    "example.com/a/v02",
    "gopkg.in/yaml",
    "gopkg.in/yaml.v2/sub",
    "gopkg.in/yaml.v0",
    "a",
    "std",
    "-x",
    "x/",
    "/abs/path",
    "./local",
    "../up",
    ".hidden/x",
    "example.com/a..b",
    "example.com/ü",
    "example.com/日本",
    "example.com/a@v1.0.0",
    "example.com/a\\b",
    "C:/x",
    "go",
    "toolchain",
    "example.com/a=b",
    "example.com/a'b",
    "example.com/a]b",
    "example.com/a{",
    "example.com/\u{E000}",
];

pub const GOOD_VERSIONS: &[&str] = &[
    "v1.0.0",
    "v1.2.3",
    "v0.1.0",
    "v0.0.1",
    "v1.9.0",
    "v1.10.0",
    "v1.11.0",
    "v2.0.0",
    "v3.1.4",
    "v2.0.0+incompatible",
    "v1.2.3-pre",
    "v1.2.3-rc.1",
    "v1.0.0-alpha.beta.1",
    "v0.0.0-20200101000000-abcdefabcdef",
    "v1.2.4-0.20200101000000-abcdefabcdef",
    "v1.0.0+meta",
    "v1.2",
    "v1",
    "v0",
    "v10.20.30",
];

pub const ODD_VERSIONS: &[&str] = &[
    "master",
    "latest",
    "1.2.3",
    "v01.2.3",
    "v1.2.3-",
    "v1.0.0-rc.01",
    "v1.2.3.4",
    "vX",
    "v",
    "v1.0.0+incompatible",
    "v1.0.0+build+x",
    "v1.2.3-0.2020",
    "v99999999999999999999.0.0",
    "none",
    "upgrade",
    "abcdef123456",
    "v1.0.0\u{E000}",
];

pub const GO_VERSIONS: &[&str] = &[
    "1.21", "1.21.0", "1.22.5", "1.21rc1", "1.2beta1", "1.16", "1.17", "1.19", "1.20", "1.23.0",
    "1.24", "1.25.0", "1.27.3", "1.99", "1.0", "1.100",
];

pub const ODD_GO_VERSIONS: &[&str] = &[
    "1",
    "v1.21",
    "v1.21.4",
    "1.21.0-rc1",
    "1.21.0-foo",
    "1.21foo",
    "1.2.beta1",
    "01.21",
    "1.021",
    "1.21.x",
    "go1.21",
    "1.21.",
    "",
    "1.21rc",
    "1.21.1.1",
    "2",
];

pub const TOOLCHAINS: &[&str] = &[
    "go1.21.0",
    "go1.22.4",
    "default",
    "go1",
    "go1.23rc1",
    "go1.27.3",
    "go1.21",
];

pub const ODD_TOOLCHAINS: &[&str] = &["gox", "1.21", "go1.21-x", "go2", "Go1.21", "go1x", "local"];

pub const LOCAL_DIRS: &[&str] = &[
    "./a",
    "../b",
    "./dir/sub",
    ".",
    "..",
    "/abs/dir",
    "../../..",
    "./",
    "./with space",
    "./ü",
];

pub const ODD_LOCAL_DIRS: &[&str] = &[
    "C:\\win\\dir",
    "c:foo",
    ".\\win",
    "..\\up",
    "\\rooted",
    "dir",
    "~/x",
];

pub const COMMENT_TEXTS: &[&str] = &[
    "// comment",
    "//comment",
    "//",
    "// ",
    "//\ttabbed",
    "// indirect",
    "//indirect",
    "// indirect; because",
    "// indirect foo",
    "// Indirect",
    "// foo // indirect",
    "// Deprecated: use example.com/b instead.",
    "// Deprecated:",
    "// ünïcödé",
    "// trailing spaces   ",
    "// with /* inside",
    "// with \"quotes\" and `ticks`",
    "//// many slashes",
];

/// A space-like separator between tokens.
pub fn sep(rng: &mut Rng) -> &'static str {
    rng.pick(&[" ", " ", " ", " ", " ", " ", "  ", "\t", " \t", "\r "])
}

/// Go-style double quoting of `s` (only the escapes the generator needs).
pub fn go_quote(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Writes `s` as a token: usually bare, sometimes quoted in one of several ways (some broken).
pub fn spell(rng: &mut Rng, s: &str, mood: Mood) -> String {
    if s.is_empty() || s.contains(' ') {
        return if rng.chance(90) {
            go_quote(s)
        } else {
            s.to_string()
        };
    }
    if !rng.chance(mood.error_rate() + 3) {
        return s.to_string();
    }
    // Mostly quoting that go accepts and normalises away, sometimes quoting it rejects.
    let spelling = if mood == Mood::Clean || rng.chance(70) {
        rng.below(4)
    } else {
        rng.range(4, 8)
    };
    match spelling {
        0 | 1 => go_quote(s),
        2 => {
            // An escape that decodes to the same text.
            match s.char_indices().find(|(_, c)| c.is_ascii_lowercase()) {
                Some((i, c)) => format!(
                    "\"{}\\x{:02x}{}\"",
                    &s[..i],
                    c as u32,
                    &s[i + c.len_utf8()..]
                ),
                None => go_quote(s),
            }
        }
        3 => format!("\"{}\\u0041\"", s),
        4 => format!("`{s}`"),
        5 => format!("\"{s}\\q\""),
        6 => format!("\"{s}"),
        7 => format!("{s}\""),
        _ => format!("'{s}'"),
    }
}

pub fn module_path(rng: &mut Rng, mood: Mood) -> String {
    if rng.chance(mood.error_rate() + 1) {
        rng.pick(ODD_PATHS).to_string()
    } else {
        rng.pick(GOOD_PATHS).to_string()
    }
}

pub fn version(rng: &mut Rng, mood: Mood) -> String {
    if rng.chance(mood.error_rate() + 1) {
        rng.pick(ODD_VERSIONS).to_string()
    } else {
        rng.pick(GOOD_VERSIONS).to_string()
    }
}

/// A version that usually fits the major-version suffix of `path`.
pub fn version_for(rng: &mut Rng, path: &str, mood: Mood) -> String {
    if rng.chance(mood.error_rate() + 2) {
        return version(rng, mood);
    }
    let major = major_of(path);
    let minor = rng.below(12);
    let patch = rng.below(4);
    match major {
        Some(m) if m >= 2 => match rng.below(4) {
            0 => format!("v{m}.{minor}.{patch}-rc.1"),
            1 => format!("v{m}.0.0-20240102030405-0123456789ab"),
            _ => format!("v{m}.{minor}.{patch}"),
        },
        _ => match rng.below(5) {
            0 => format!("v0.{minor}.{patch}"),
            1 => format!("v0.0.0-2023{:02}01000000-abcdef012345", 1 + rng.below(12)),
            _ => format!("v1.{minor}.{patch}"),
        },
    }
}

/// The major version a path's suffix asks for (`/v3` → 3, `.v2` → 2), if any.
fn major_of(path: &str) -> Option<usize> {
    let tail = path.rsplit(['/', '.']).next()?;
    tail.strip_prefix('v')?.parse().ok()
}

pub fn go_version(rng: &mut Rng, mood: Mood) -> String {
    if rng.chance(mood.error_rate() * 2 + 2) {
        rng.pick(ODD_GO_VERSIONS).to_string()
    } else {
        rng.pick(GO_VERSIONS).to_string()
    }
}

pub fn toolchain(rng: &mut Rng, mood: Mood) -> String {
    if rng.chance(mood.error_rate() + 2) {
        rng.pick(ODD_TOOLCHAINS).to_string()
    } else {
        rng.pick(TOOLCHAINS).to_string()
    }
}

pub fn godebug_arg(rng: &mut Rng, mood: Mood) -> String {
    if rng.chance(mood.error_rate() + 2) {
        return rng
            .pick(&[
                "novalue", "a=b=c", "a,b=c", "k=\"v\"", "=", "=x", "k=", "k=a'b", "\"k=v\"",
            ])
            .to_string();
    }
    rng.pick(&[
        "default=go1.21",
        "default=go1.23",
        "panicnil=1",
        "asynctimerchan=0",
        "winsymlink=0",
        "http2client=0",
        "x509sha1=1",
    ])
    .to_string()
}

/// A directory argument for `use` / directory replacements.
pub fn local_dir(rng: &mut Rng) -> String {
    if rng.chance(8) {
        rng.pick(ODD_LOCAL_DIRS).to_string()
    } else {
        rng.pick(LOCAL_DIRS).to_string()
    }
}

pub fn comment(rng: &mut Rng) -> String {
    rng.pick(COMMENT_TEXTS).to_string()
}

/// One source line: tokens with separators, optionally a suffix comment.
pub fn join_tokens(rng: &mut Rng, tokens: &[String]) -> String {
    let mut line = String::new();
    for (i, token) in tokens.iter().enumerate() {
        if i > 0 {
            line.push_str(sep(rng));
        }
        line.push_str(token);
    }
    line
}

/// A file under construction: lines without their endings.
pub struct Doc {
    pub lines: Vec<String>,
    pub layout: Layout,
    pub mood: Mood,
}

impl Doc {
    pub fn new(rng: &mut Rng, mood: Mood) -> Doc {
        Doc {
            lines: Vec::new(),
            layout: Layout::pick(rng),
            mood,
        }
    }

    pub fn push(&mut self, line: String) {
        self.lines.push(line);
    }

    /// Comment lines above a statement, sometimes separated from it by a blank line.
    pub fn before_comments(&mut self, rng: &mut Rng, indent: &str) {
        if !rng.chance(18) {
            return;
        }
        for _ in 0..rng.range(1, 3) {
            let text = comment(rng);
            self.push(format!("{indent}{text}"));
        }
        if rng.chance(25) {
            self.push(String::new());
        }
    }

    /// Blank lines between statements (zero, one or several, sometimes with stray spaces).
    pub fn gap(&mut self, rng: &mut Rng) {
        match rng.below(10) {
            0..=3 => {}
            4..=7 => self.push(String::new()),
            8 => {
                self.push(String::new());
                self.push(String::new());
            }
            _ => self.push(rng.pick(&[" ", "\t", " \t ", "\r"]).to_string()),
        }
    }

    /// A statement `line` at the top level or inside a block, with its decorations.
    pub fn statement(&mut self, rng: &mut Rng, indent: &str, body: String) {
        self.before_comments(rng, indent);
        let mut line = format!("{indent}{body}");
        if rng.chance(15) {
            line.push_str(sep(rng));
            line.push_str(&comment(rng));
        }
        if rng.chance(4) {
            line.push_str(rng.pick(&[" ", "\t", "  "]));
        }
        self.push(line);
    }

    /// A block `header ( ... )` whose lines are produced by `line`.
    pub fn block(
        &mut self,
        rng: &mut Rng,
        header: &str,
        count: usize,
        mut line: impl FnMut(&mut Rng) -> String,
    ) {
        self.before_comments(rng, "");
        let mut open = format!("{header}{}(", sep(rng));
        if rng.chance(5) {
            open = format!("{header}(");
        }
        if rng.chance(10) {
            open.push_str(sep(rng));
            open.push_str(&comment(rng));
        }
        self.push(open);
        if rng.chance(8) {
            self.push(String::new());
        }
        let indent = self.layout.indent;
        for _ in 0..count {
            if rng.chance(10) {
                self.push(String::new());
            }
            let body = line(rng);
            self.statement(rng, indent, body);
        }
        if rng.chance(12) {
            let text = comment(rng);
            self.push(format!("{indent}{text}"));
        }
        if rng.chance(5) {
            self.push(String::new());
        }
        let mut close = String::from(")");
        if rng.chance(10) {
            close.push_str(sep(rng));
            close.push_str(&comment(rng));
        }
        if rng.chance(self.mood.error_rate() / 3) {
            close.push_str(" x");
        }
        if !(self.mood != Mood::Clean && rng.chance(4)) {
            self.push(close);
        }
    }

    /// An empty block in one of its spellings.
    pub fn empty_block(&mut self, rng: &mut Rng, header: &str) {
        match rng.below(4) {
            0 => self.push(format!("{header} ()")),
            1 => self.push(format!("{header}()")),
            2 => self.push(format!("{header} ( )")),
            _ => {
                self.push(format!("{header} ("));
                self.push(")".to_string());
            }
        }
    }

    /// Joins the lines with the chosen endings and applies byte-level damage for chaotic cases.
    pub fn finish(self, rng: &mut Rng) -> Vec<u8> {
        let mut text = String::new();
        let n = self.lines.len();
        for (i, line) in self.lines.iter().enumerate() {
            text.push_str(line);
            let last = i + 1 == n;
            if last && !self.layout.final_newline {
                break;
            }
            let crlf = if self.layout.mixed_endings {
                rng.chance(50)
            } else {
                self.layout.crlf
            };
            text.push_str(if crlf { "\r\n" } else { "\n" });
        }
        let mut bytes = to_bytes(&text);
        if self.mood == Mood::Chaos {
            for _ in 0..rng.range(1, 2) {
                damage(rng, &mut bytes);
            }
        }
        bytes
    }
}

/// Replaces the raw-byte placeholders.
pub fn to_bytes(text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    for c in text.chars() {
        match c {
            RAW_FF => out.push(0xff),
            RAW_C3 => out.push(0xc3),
            c => {
                let mut buf = [0u8; 4];
                out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            }
        }
    }
    out
}

/// Byte snippets that upset the lexer or parser.
const DAMAGE: &[&[u8]] = &[
    b"(",
    b")",
    b"[",
    b"]",
    b"{",
    b"}",
    b",",
    b"/*",
    b"/* c */",
    b"\"",
    b"`",
    b"\xef\xbb\xbf",
    b"\xff",
    b"\xc3",
    b"\xc3(",
    b"\x0b",
    b"\x0c",
    b"\x01",
    b"\x00",
    b"\x7f",
    b"\xc2\xa0",
    b"\xe2\x80\x8b",
    b"\xe2\x80\xa8",
    b"=>",
    b" => ",
    b"//",
    b"\n)",
    b"\n(\n",
    b"require (\n",
    b"\r",
    b"\\",
    b"\xf0\x9f\x98\x80",
];

/// One random edit: insert a snippet, drop a byte range, truncate, or prepend a BOM.
pub fn damage(rng: &mut Rng, bytes: &mut Vec<u8>) {
    let at = rng.below(bytes.len() + 1);
    match rng.below(10) {
        0..=5 => {
            let snippet = rng.pick(DAMAGE);
            bytes.splice(at..at, snippet.iter().copied());
        }
        6 => {
            let end = (at + rng.range(1, 8)).min(bytes.len());
            bytes.drain(at..end);
        }
        7 => bytes.truncate(at),
        8 => {
            bytes.splice(0..0, b"\xef\xbb\xbf".iter().copied());
        }
        _ => {
            if let Some(b) = bytes.get_mut(at) {
                *b ^= 1 << rng.below(8);
            }
        }
    }
}
