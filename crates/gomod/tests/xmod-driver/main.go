// Command xmod-driver is the differential oracle for gomod's version and path code: it answers
// requests by calling the real golang.org/x/mod (and the go command's gover and str packages),
// taken from the Go installation under test.
//
// It is not built in place. crates/gomod/tests/support/xmod.rs copies this file into a temporary
// module next to copies of the Go sources it needs (nothing of them is stored in the repository)
// and builds it offline. The imports below name those temporary copies.
//
// Protocol: one request per line on stdin, one response line per request on stdout. A line is a
// list of tab-separated fields: the operation, then its arguments. Fields are escaped so that any
// string fits: backslash, tab, newline and carriage return are written as \\, \t, \n and \r.
// A request that panics inside Go answers "panic" followed by the panic value.
package main

import (
	"bufio"
	"fmt"
	goversion "go/version"
	"os"
	"path"
	"strconv"
	"strings"
	"time"
	"unicode"

	"golang.org/x/mod/modfile"
	"golang.org/x/mod/module"
	"golang.org/x/mod/semver"

	cmdgover "gomodplay.test/xmoddriver/cmdgover"
	cmdstr "gomodplay.test/xmoddriver/cmdstr"
	internalgover "gomodplay.test/xmoddriver/internalgover"
)

func escape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\':
			b.WriteString(`\\`)
		case '\t':
			b.WriteString(`\t`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func unescape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\\' && i+1 < len(s) {
			i++
			switch s[i] {
			case 't':
				c = '\t'
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			default:
				c = s[i]
			}
		}
		b.WriteByte(c)
	}
	return b.String()
}

func boolean(b bool) string {
	return strconv.FormatBool(b)
}

// result renders an (answer, error) pair as "ok<TAB>answer" or "err<TAB>message".
func result(answer string, err error) []string {
	if err != nil {
		return []string{"err", err.Error()}
	}
	return []string{"ok", answer}
}

// errOnly renders an error as "ok" or "err<TAB>message".
func errOnly(err error) []string {
	if err != nil {
		return []string{"err", err.Error()}
	}
	return []string{"ok"}
}

// modules reads alternating path and version arguments.
func modules(args []string) []module.Version {
	var list []module.Version
	for i := 0; i+1 < len(args); i += 2 {
		list = append(list, module.Version{Path: args[i], Version: args[i+1]})
	}
	return list
}

func flatten(list []module.Version) []string {
	var out []string
	for _, m := range list {
		out = append(out, m.Path, m.Version)
	}
	return out
}

// counted prefixes a list answer with its length, so that an empty list differs from a list
// holding one empty string.
func counted(list []string) []string {
	return append([]string{strconv.Itoa(len(list))}, list...)
}

func arg(args []string, i int) string {
	if i < len(args) {
		return args[i]
	}
	return ""
}

func answer(op string, args []string) []string {
	a, b, c, d := arg(args, 0), arg(args, 1), arg(args, 2), arg(args, 3)
	switch op {
	// golang.org/x/mod/semver
	case "isvalid":
		return []string{boolean(semver.IsValid(a))}
	case "canonical":
		return []string{semver.Canonical(a)}
	case "major":
		return []string{semver.Major(a)}
	case "majorminor":
		return []string{semver.MajorMinor(a)}
	case "prerelease":
		return []string{semver.Prerelease(a)}
	case "build":
		return []string{semver.Build(a)}
	case "compare":
		return []string{strconv.Itoa(semver.Compare(a, b))}
	case "max":
		return []string{semver.Max(a, b)}
	case "sort":
		list := append([]string(nil), args...)
		semver.Sort(list)
		return counted(list)

	// golang.org/x/mod/module: versions
	case "canonicalversion":
		return []string{module.CanonicalVersion(a)}
	case "check":
		return errOnly(module.Check(a, b))
	case "versionerror":
		return []string{module.VersionError(module.Version{Path: a, Version: b}, fmt.Errorf("%s", c)).Error()}
	case "invalidversionerror":
		err := &module.InvalidVersionError{Version: b, Pseudo: c == "pseudo", Err: fmt.Errorf("%s", d)}
		return []string{err.Error(), (&module.ModuleError{Path: a, Err: err}).Error()}
	case "modulesort":
		list := modules(args)
		module.Sort(list)
		return counted(flatten(list))

	// golang.org/x/mod/module: paths
	case "checkpath":
		return errOnly(module.CheckPath(a))
	case "checkimportpath":
		return errOnly(module.CheckImportPath(a))
	case "checkfilepath":
		return errOnly(module.CheckFilePath(a))
	case "splitpathversion":
		prefix, major, ok := module.SplitPathVersion(a)
		return []string{prefix, major, boolean(ok)}
	case "checkpathmajor":
		return errOnly(module.CheckPathMajor(a, b))
	case "matchpathmajor":
		return []string{boolean(module.MatchPathMajor(a, b))}
	case "pathmajorprefix":
		return []string{module.PathMajorPrefix(a)}
	case "escapepath":
		return result(module.EscapePath(a))
	case "escapeversion":
		return result(module.EscapeVersion(a))
	case "unescapepath":
		return result(module.UnescapePath(a))
	case "unescapeversion":
		return result(module.UnescapeVersion(a))
	case "match":
		ok, err := path.Match(a, b)
		return result(boolean(ok), err)
	case "matchprefixpatterns":
		return []string{boolean(module.MatchPrefixPatterns(a, b))}
	case "isdirectorypath":
		return []string{boolean(modfile.IsDirectoryPath(a))}

	// golang.org/x/mod/module: pseudo-versions
	case "ispseudo":
		return []string{boolean(module.IsPseudoVersion(a))}
	case "iszeropseudo":
		return []string{boolean(module.IsZeroPseudoVersion(a))}
	case "pseudobase":
		return result(module.PseudoVersionBase(a))
	case "pseudorev":
		return result(module.PseudoVersionRev(a))
	case "pseudotime":
		t, err := module.PseudoVersionTime(a)
		return result(t.Format(time.RFC3339), err)
	case "pseudoversion":
		t, err := time.Parse(module.PseudoVersionTimestampFormat, c)
		if err != nil {
			return []string{"badtime"}
		}
		return []string{module.PseudoVersion(a, b, t, d)}
	case "unixtime":
		secs, err := strconv.ParseInt(a, 10, 64)
		if err != nil {
			return []string{"badnumber"}
		}
		return []string{time.Unix(secs, 0).UTC().Format(module.PseudoVersionTimestampFormat)}
	case "zeropseudo":
		return []string{module.ZeroPseudoVersion(a)}

	// Go versions: internal/gover (through a copy), cmd/go/internal/gover (through a copy) and
	// the public go/version.
	case "goparse":
		v := internalgover.Parse(a)
		return []string{v.Major, v.Minor, v.Patch, v.Kind, v.Pre}
	case "gocompare":
		return []string{strconv.Itoa(cmdgover.Compare(a, b))}
	case "gomax":
		return []string{cmdgover.Max(a, b)}
	case "goisvalid":
		return []string{boolean(cmdgover.IsValid(a))}
	case "goislang":
		return []string{boolean(cmdgover.IsLang(a))}
	case "golang":
		return []string{cmdgover.Lang(a)}
	case "goprev":
		return []string{cmdgover.Prev(a)}
	case "goisprerelease":
		return []string{boolean(cmdgover.IsPrerelease(a))}
	case "fromtoolchain":
		return []string{cmdgover.FromToolchain(a)}
	case "modcompare":
		return []string{strconv.Itoa(cmdgover.ModCompare(a, b, c))}
	case "modisvalid":
		return []string{boolean(cmdgover.ModIsValid(a, b))}
	case "modisprefix":
		return []string{boolean(cmdgover.ModIsPrefix(a, b))}
	case "modisprerelease":
		return []string{boolean(cmdgover.ModIsPrerelease(a, b))}
	case "modmajorminor":
		return []string{cmdgover.ModMajorMinor(a, b)}
	case "modsort":
		list := modules(args)
		cmdgover.ModSort(list)
		return counted(flatten(list))
	case "gomodgoline":
		// The go line as the strict and the lax go.mod parsers accept it.
		return []string{boolean(modfile.GoVersionRE.MatchString(a))}
	case "gomodlaxgoline":
		f, err := modfile.ParseLax("go.mod", []byte("go "+a+"\n"), nil)
		if err != nil || f.Go == nil {
			return []string{"err"}
		}
		return []string{"ok", f.Go.Version}
	case "gomodtoolchainline":
		return []string{boolean(modfile.ToolchainRE.MatchString(a))}
	case "goversion.compare":
		return []string{strconv.Itoa(goversion.Compare(a, b))}
	case "goversion.isvalid":
		return []string{boolean(goversion.IsValid(a))}
	case "goversion.lang":
		return []string{goversion.Lang(a)}

	// Text helpers the error messages rely on.
	case "quote":
		return []string{strconv.Quote(a)}
	case "tofold":
		return []string{cmdstr.ToFold(a)}
	case "equalfold":
		return []string{boolean(strings.EqualFold(a, b))}
	case "rune":
		// Properties of the code point given in decimal: IsPrint, IsLetter, QuoteRune, ToFold.
		n, err := strconv.Atoi(a)
		if err != nil {
			return []string{"badrune"}
		}
		r := rune(n)
		return []string{boolean(unicode.IsPrint(r)), boolean(unicode.IsLetter(r)), boolean(unicode.IsSpace(r)), strconv.QuoteRune(r), cmdstr.ToFold(string(r))}
	}
	return []string{"unknown-op", op}
}

func main() {
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 1<<26)
	out := bufio.NewWriterSize(os.Stdout, 1<<16)
	defer out.Flush()
	for in.Scan() {
		fields := strings.Split(in.Text(), "\t")
		for i := range fields {
			fields[i] = unescape(fields[i])
		}
		var resp []string
		func() {
			defer func() {
				if p := recover(); p != nil {
					resp = []string{"panic", fmt.Sprint(p)}
				}
			}()
			resp = answer(fields[0], fields[1:])
		}()
		for i := range resp {
			resp[i] = escape(resp[i])
		}
		out.WriteString(strings.Join(resp, "\t"))
		out.WriteByte('\n')
	}
}
