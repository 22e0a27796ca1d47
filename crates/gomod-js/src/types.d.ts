
/**
 * Files by name, as a bundle names them: `go.mod`, `go.sum`, `go.work`, `go.work.sum`,
 * `vendor/modules.txt` (also below sub-directories, as `sub/go.mod`), the dependencies' files in
 * GOPROXY layout (`golang.org/x/net/@v/v0.1.0.mod`, `golang.org/x/net/@v/list`) and the output
 * of `go mod graph` as `go-mod-graph.txt`. A string argument instead is read as a txtar archive
 * of such files.
 */
export type Files = Record<string, string>;

/** The go command the user runs, like the page's selectors. */
export interface AnalyzeOptions {
  /** `go env GOVERSION` (`go1.23.8` or `1.23.8`); unknown when absent. */
  goVersion?: string | null;
  /** GOTOOLCHAIN: `"local"` (the default) or `"auto"`. */
  toolchain?: "local" | "auto" | null;
}

export type Severity = "error" | "warning" | "info";

/** A byte range, end exclusive. */
export interface ByteRange {
  start: number;
  end: number;
}

/** Where a finding is: 1-based lines and columns (in characters, as go counts), end exclusive. */
export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  bytes: ByteRange;
}

/** One replacement of a byte range of a file; `0..0` of a file that does not exist creates it. */
export interface TextEdit {
  file: string;
  range: ByteRange;
  newText: string;
}

/** One way to fix a finding: edits applied together, and the go commands with the same effect. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  commands: string[];
}

export interface Diagnostic {
  /** The rule's stable code, for example `"duplicate-require"`. */
  code: string;
  severity: Severity;
  /** The file, relative to the bundle root. */
  file: string;
  span: Span;
  message: string;
  /** In order of preference. */
  fixes: Fix[];
}

/** A check that could not run, and what to supply to enable it. */
export interface Skipped {
  code: string;
  /** `""` when it concerns the whole bundle. */
  file: string;
  reason: string;
  toEnable: string;
}

/** A rule of the catalogue. */
export interface Rule {
  code: string;
  severity: Severity;
  /** One line. */
  summary: string;
  /** Paragraphs separated by blank lines; text between backticks is code. */
  explanation: string;
}

/** A module version; main modules and directories have an empty version. */
export interface Module {
  path: string;
  version: string;
}

/** One module of the build list (`go list -m all`). */
export interface BuildListEntry {
  module: Module;
  replacement: Module | null;
  /** Required by a main module without `// indirect`. */
  direct: boolean;
  /** A main module's requirement. */
  root: boolean;
}

/** One node of the requirement graph (`go mod graph`). */
export interface GraphNode {
  module: Module;
  /** Whether minimal version selection selected this version. */
  selected: boolean;
  /** Whether its go.mod was read (false for pruned-out nodes). */
  requirementsLoaded: boolean;
  /** The go line of its go.mod, when read. */
  go: string;
  /** The error loading its requirements, as go prints it. */
  error: string | null;
  replacement: Module | null;
}

/** A go.sum line the go command needs. */
export interface SumNeed {
  module: Module;
  /** The `h1:` hash, when the go.mod is in the bundle. */
  hash: string | null;
}

export interface SumNeeds {
  graph: SumNeed[];
  buildList: SumNeed[];
  tidyCompat: SumNeed[];
  zipIfImported: Module[];
}

/** The resolved module graph. */
export interface Resolution {
  /** `"source"`: from go.mod files; `"suppliedGraph"`: from a pasted `go mod graph`. */
  origin: "source" | "suppliedGraph";
  mainModules: string[];
  pruning: "pruned" | "unpruned" | "workspace";
  roots: Module[];
  /** The selected go version, and toolchain (empty when none). */
  go: string;
  toolchain: string;
  /** In `go list -m all` order, main modules first. */
  buildList: BuildListEntry[];
  /** In `go mod graph` order. */
  nodes: GraphNode[];
  /** `[from, to]` pairs in `go mod graph` order. */
  edges: [Module, Module][];
  /** The error that stops the go command (the text after `go: `). */
  error: string | null;
  warnings: string;
  sums: SumNeeds;
}

/** What `why` returns: everything known about one module path. */
export interface ModuleExplanation {
  path: string;
  /** The selected version, or null when the path is not in the build list. */
  selected: string | null;
  /** Every requirement on the path: `[who requires it, which version]`, in graph order. */
  requiredBy: [Module, string][];
  /** The shortest chain from a main module to the selected version (main module first). */
  shortestChain: Module[];
  /** Chains from a main module to any version of the path, each ending at its first node of it. */
  chains: Module[][];
  /** Whether more chains exist than were listed. */
  chainsTruncated: boolean;
}

/** Something that could not be computed, why, and what to supply. */
export interface NotRun {
  what: string;
  reason: string;
  toEnable: string;
}

/** A file that was ignored, and why. */
export interface BundleProblem {
  file: string;
  message: string;
}

/** What `analyze` returns. */
export interface AnalyzeResult {
  diagnostics: Diagnostic[];
  skipped: Skipped[];
  /** The catalogue entry of every rule that has a finding. */
  explanations: Rule[];
  /** The build list and module graph, or null when the files do not allow them (see `notRun`). */
  resolution: Resolution | null;
  notRun: NotRun[];
  notes: string[];
  problems: BundleProblem[];
  /** The go commands equivalent to every offered fix, each once. */
  goCommands: string[];
}

export interface AppliedFix {
  code: string;
  file: string;
  title: string;
}

/** What `applyFixes` returns. */
export interface ApplyFixesResult {
  /** Every file after fixing, in the input's order, created files last. */
  files: Files;
  /** The same files as a txtar archive. */
  txtar: string;
  /** The files that changed or were created, sorted. */
  changed: string[];
  applied: AppliedFix[];
  /** The findings left after fixing. */
  diagnostics: Diagnostic[];
}

/** The go command's output explained (`explainError`, `gomodplay explain-error --format json`). */
export interface ErrorExplanation {
  /** The recognised messages, in the order of the text. */
  errors: ExplainedError[];
  /** Text no catalogue entry explains (never guessed at). */
  unrecognised: UnrecognisedText[];
  /** Commands the text shows being run (`$ go build ./...`). */
  commands: string[];
  /** Lines of go's progress output (`go: downloading`) and CI status, skipped. */
  noiseLines: number;
  /** Whether files were given, so that `findings` could be computed. */
  filesGiven: boolean;
}

/** One recognised go error or warning. */
export interface ExplainedError {
  /** The catalogue id, for example `"missing-gosum-gomod"`. */
  id: string;
  severity: Severity;
  title: string;
  /** 1-based lines of the pasted text. */
  line: number;
  endLine: number;
  /** The message as go printed it, without colours and prefixes. */
  text: string;
  /** The message's variable parts: `module`, `version`, `go`, `running`, `file`, `line`... */
  variables: Record<string, string>;
  /** What it means, in plain words. */
  meaning: string;
  /** Why go says it. */
  why: string;
  /** The rule codes that explain it. */
  rules: string[];
  /** Findings of those rules in the given files; their fixes are the exact edits. */
  findings: Diagnostic[];
  /** Commands go suggests in the message itself. */
  suggested: string[];
  /** Commands that fix it without the files. */
  commands: string[];
  /** What to paste to see more. */
  paste: string[];
}

/** Pasted text that is not a catalogued message. */
export interface UnrecognisedText {
  line: number;
  endLine: number;
  text: string;
}
