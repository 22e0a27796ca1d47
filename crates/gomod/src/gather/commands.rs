//! The shell commands that print the whole graph as one bundle, and the lighter `go mod graph`.
//!
//! Both commands do the same thing, step for step, and [`super`] holds the same steps as
//! functions (the CLI's `gomodplay bundle` runs those), so the three agree file for file:
//!
//! 1. the module directory's own files, [`super::PROJECT_FILES`], when present;
//! 2. the go.mod and go.sum of every module that go.work uses below this directory
//!    ([`super::workspace_dirs`]; go's own `go work edit -json` reads go.work here);
//! 3. for every `PATH VERSION/go.mod` line of those go.sum files and go.work.sum, the module
//!    cache's copy of that go.mod, `$(go env GOMODCACHE)/cache/download/PATH/@v/VERSION.mod`
//!    with go's case escaping (an upper-case letter becomes `!` and the letter in lower case, in
//!    the path and the version), named as the bundle names a dependency's go.mod: the same
//!    relative path. Each is printed once, in byte order of that name ([`super::cache_files`]).
//!
//! Each file is printed as a txtar file (`-- NAME --` and its text, ending in a newline). They
//! use only the go command and what every such shell has (awk, sed, sort; PowerShell's own
//! cmdlets and .NET), read nothing else and change nothing. The bash text is also valid zsh and
//! POSIX sh: no word splitting of unquoted variables is relied on (zsh does not split them), and
//! the `!` of the escaping stays inside single quotes, where neither shell expands history.

/// For bash, zsh and other POSIX shells; run in the module's (or workspace's) directory.
pub const POSIX_SHELL: &str = r#"(
c="$(go env GOMODCACHE)/cache/download"
show() { if [ -f "$1" ]; then printf -- "-- %s --\n" "$2"; awk 1 "$1"; fi; }
dirs=$([ -f go.work ] && go work edit -json go.work | sed -n 's/^[[:space:]]*"DiskPath": "\(.*\)",\{0,1\}$/\1/p' | sed 's#^\./##; s#/$##' | awk '$0 != "." && $0 != ".." && substr($0, 1, 3) != "../" && substr($0, 1, 1) != "/"')
for f in go.mod go.sum go.work go.work.sum vendor/modules.txt; do show "$f" "$f"; done
printf '%s\n' "$dirs" | while IFS= read -r d; do if [ -n "$d" ]; then show "$d/go.mod" "$d/go.mod"; show "$d/go.sum" "$d/go.sum"; fi; done
{ for f in go.sum go.work.sum; do if [ -f "$f" ]; then awk 1 "$f"; fi; done; printf '%s\n' "$dirs" | while IFS= read -r d; do if [ -n "$d" ] && [ -f "$d/go.sum" ]; then awk 1 "$d/go.sum"; fi; done; } |
LC_ALL=C awk 'function e(s,  r, i, c) { r = ""; for (i = 1; i <= length(s); i++) { c = substr(s, i, 1); r = r (c ~ /[A-Z]/ ? "!" tolower(c) : c) } return r }
NF == 3 && $2 ~ /\/go\.mod$/ { print e($1) "/@v/" e(substr($2, 1, length($2) - 7)) ".mod" }' | LC_ALL=C sort -u |
while IFS= read -r p; do show "$c/$p" "$p"; done
)"#;

/// For PowerShell (Windows PowerShell 5.1 and PowerShell 7); run in the module's directory.
/// Its output is lines: pipe it to `Set-Clipboard` or `Out-File`. go's JSON is joined into one
/// string before `ConvertFrom-Json`, which in Windows PowerShell 5.1 would otherwise parse each
/// line on its own.
pub const POWERSHELL: &str = r#"& {
$c = Join-Path (go env GOMODCACHE) 'cache/download'
function Show($file, $name) { if (Test-Path -LiteralPath $file -PathType Leaf) { "-- $name --"; Get-Content -LiteralPath $file -Encoding UTF8 } }
$dirs = @(if (Test-Path -LiteralPath go.work -PathType Leaf) { ((go work edit -json go.work) -join "`n" | ConvertFrom-Json).Use | ForEach-Object { $_.DiskPath -replace '\\', '/' -replace '^\./', '' -replace '/$', '' } | Where-Object { $_ -and $_ -ne '.' -and $_ -ne '..' -and -not $_.StartsWith('../') -and -not $_.StartsWith('/') } })
foreach ($f in 'go.mod', 'go.sum', 'go.work', 'go.work.sum', 'vendor/modules.txt') { Show $f $f }
foreach ($d in $dirs) { Show "$d/go.mod" "$d/go.mod"; Show "$d/go.sum" "$d/go.sum" }
$e = { param($s) [regex]::Replace($s, '[A-Z]', { param($m) '!' + $m.Value.ToLowerInvariant() }) }
$mods = [Collections.Generic.SortedSet[string]]::new([StringComparer]::Ordinal)
foreach ($s in @('go.sum', 'go.work.sum') + @($dirs | ForEach-Object { "$_/go.sum" })) { if (Test-Path -LiteralPath $s -PathType Leaf) { foreach ($line in Get-Content -LiteralPath $s) { $x = -split $line; if ($x.Count -eq 3 -and $x[1].EndsWith('/go.mod')) { [void]$mods.Add((& $e $x[0]) + '/@v/' + (& $e $x[1].Substring(0, $x[1].Length - 7)) + '.mod') } } } }
foreach ($p in $mods) { Show (Join-Path $c $p) $p }
}"#;

/// The lighter alternative: the requirement edges only.
pub const GO_MOD_GRAPH: &str = "go mod graph";

/// What `go mod graph` output cannot tell, for the page to say next to it.
pub const GO_MOD_GRAPH_LIMITS: &str = "It prints only who requires whom: no replacements, \
retractions or deprecations, and none of the dependencies' go.mod contents (go lines, \
exclusions), so the checks that read those stay off. Paste it as go-mod-graph.txt.";
