//! Unit tests of the lexer, the parser's tree shape and comment attachment. Expected trees
//! follow spec sections 1.2–1.4; the printed forms they lead to are checked against the go
//! binary by the golden tests in `testdata/syntax`.

use super::lexer::{Lexer, TokenKind};
use super::*;

fn tokens(src: &str) -> Vec<(TokenKind, String)> {
    let mut lx = Lexer::new("go.mod", src.as_bytes()).expect("lexes");
    let mut out = Vec::new();
    loop {
        let tok = lx.lex().expect("lexes");
        if tok.kind == TokenKind::Eof {
            return out;
        }
        out.push((
            tok.kind,
            String::from_utf8_lossy(&lx.text(&tok)).into_owned(),
        ));
    }
}

fn texts(src: &str) -> Vec<String> {
    tokens(src).into_iter().map(|(_, t)| t).collect()
}

#[test]
fn punctuation_splits_identifiers() {
    assert_eq!(
        texts("require a[b]c{d}e,\n"),
        ["require", "a", "[", "b", "]", "c", "{", "d", "}", "e", ",", "\n"]
    );
    assert_eq!(texts("a=>./b => c"), ["a=>./b", "=>", "c"]);
    assert_eq!(texts("a//b\n"), ["a", "//b"]);
    assert_eq!(texts("\"a b\"c `x`"), ["\"a b\"", "c", "`x`"]);
}

#[test]
fn comment_kinds_and_text() {
    let toks = tokens("// whole\r\nx // end\r\r\n");
    assert_eq!(toks[0], (TokenKind::Comment, "// whole".to_owned()));
    assert_eq!(toks[1], (TokenKind::Ident, "x".to_owned()));
    assert_eq!(toks[2], (TokenKind::EolComment, "// end\r".to_owned()));
}

#[test]
fn lexer_errors_and_positions() {
    let err = |src: &[u8]| parse("go.mod", src).unwrap_err().to_string();
    assert_eq!(
        err(b"module x\n\x0b"),
        "go.mod:2: unexpected input character '\\v'"
    );
    assert_eq!(
        err(b"module x\n a /* c */"),
        "go.mod:2:4: mod files must use // comments (not /* */ comments)"
    );
    assert_eq!(
        err(b"module a/*b"),
        "go.mod:1:9: mod files must use // comments (not /* */ comments)"
    );
    assert_eq!(err(b"module \"abc"), "go.mod:1:8: unexpected EOF in string");
    assert_eq!(
        err(b"module \"ab\nc\""),
        "go.mod:1:11: unexpected newline in string"
    );
    assert_eq!(
        err("\u{feff}module x".as_bytes()),
        "go.mod:1: unexpected input character '\\ufeff'"
    );
    assert_eq!(
        err(b"require (\n\tx v1\n"),
        "go.mod:3: syntax error (unterminated block started at go.mod:1:1)"
    );
    assert_eq!(
        err(b"require (\n\tx v1\n) x\n"),
        "go.mod:3:4: syntax error (expected newline after closing paren)"
    );
}

#[test]
fn invalid_utf8_is_an_identifier_rune() {
    let f = parse("go.mod", b"require a\xa0b v1.0.0\n").expect("parses");
    let Some(Stmt::Line(l)) = f.stmts.first() else {
        panic!("want a line")
    };
    assert_eq!(l.tokens[1], b"a\xa0b");
    assert_eq!(l.end.line_rune, 19);
}

fn line_of(f: &FileSyntax, i: usize) -> &Line {
    match &f.stmts[i] {
        Stmt::Line(l) => l,
        other => panic!("statement {i} is not a line: {other:?}"),
    }
}

fn block_of(f: &FileSyntax, i: usize) -> &LineBlock {
    match &f.stmts[i] {
        Stmt::Block(b) => b,
        other => panic!("statement {i} is not a block: {other:?}"),
    }
}

fn toks(c: &[Comment]) -> Vec<String> {
    c.iter()
        .map(|c| String::from_utf8_lossy(&c.token).into_owned())
        .collect()
}

#[test]
fn comments_attach_like_go() {
    let src = "// header\n\n// before\nmodule x // suffix\n// loose\n\nrequire ( // lp\n\t// l1\n\ta v1 // s1\n\n\n\t// l2\n\tb v1\n\n\t// tail\n) // rp\n";
    let f = parse("go.mod", src.as_bytes()).expect("parses");
    assert_eq!(f.stmts.len(), 4);
    assert!(
        matches!(&f.stmts[0], Stmt::Comments(cb) if toks(&cb.comments.before) == ["// header"])
    );
    let module = line_of(&f, 1);
    assert_eq!(toks(&module.comments.before), ["// before"]);
    assert_eq!(toks(&module.comments.suffix), ["// suffix"]);
    assert!(matches!(&f.stmts[2], Stmt::Comments(cb) if toks(&cb.comments.before) == ["// loose"]));
    let block = block_of(&f, 3);
    assert_eq!(toks(&block.lparen.comments.suffix), ["// lp"]);
    assert_eq!(toks(&block.lines[0].comments.before), ["// l1"]);
    assert_eq!(toks(&block.lines[0].comments.suffix), ["// s1"]);
    // Two blank lines collapse into one marker.
    assert_eq!(toks(&block.lines[1].comments.before), ["", "// l2"]);
    assert_eq!(toks(&block.rparen.comments.before), ["", "// tail"]);
    assert_eq!(toks(&block.rparen.comments.suffix), ["// rp"]);
    assert!(block.comments.suffix.is_empty());
}

#[test]
fn blocks_and_parens() {
    let f = parse("go.mod", b"block1()\nx ( ) y\nz ( (\n)\nr (\n\n)\n").expect("parses");
    assert!(block_of(&f, 0).lines.is_empty());
    assert_eq!(
        line_of(&f, 1).tokens,
        [b"x".to_vec(), b"(".to_vec(), b")".to_vec(), b"y".to_vec()]
    );
    assert_eq!(block_of(&f, 2).tokens, [b"z".to_vec(), b"(".to_vec()]);
    // A blank line right after `(` is dropped; a lone blank before `)` too.
    assert!(block_of(&f, 3).rparen.comments.before.is_empty());
    assert_eq!(format(&f), b"block1 (\n)\n\nx () y\n\nz ( (\n)\n\nr (\n)\n");
}

#[test]
fn empty_block_takes_its_suffix_comment() {
    let f = parse("go.mod", b"require () // c\n").expect("parses");
    let b = block_of(&f, 0);
    assert_eq!(toks(&b.comments.suffix), ["// c"]);
    assert_eq!(format(&f), b"require (\n) // c\n");
}

#[test]
fn printer_spacing_and_trailing_newlines() {
    let f = parse(
        "go.mod",
        b"\n\nmodule x\ngo 1.21\nretract [ v1 , v2 ]\n\n\n",
    )
    .expect("parses");
    assert_eq!(format(&f), b"module x\n\ngo 1.21\n\nretract [v1, v2]\n");
    assert_eq!(format(&parse("go.mod", b"").expect("parses")), b"");
    assert_eq!(format(&parse("go.mod", b"\n\n").expect("parses")), b"");
}

#[test]
fn cleanup_collapses_single_line_blocks() {
    let src = "// before block\nrequire ( // lparen comment\n\t// before line\n\texample.com/a v1.0.0 // line suffix\n) // rparen suffix\n";
    let mut f = parse("go.mod", src.as_bytes()).expect("parses");
    let id = block_of(&f, 0).lines[0].id;
    f.cleanup();
    assert_eq!(
        format(&f),
        b"// before block\n// before line\nrequire example.com/a v1.0.0 // line suffix\n"
    );
    assert_eq!(
        f.locate(id),
        Some(LineLocation {
            stmt: 0,
            in_block: None
        })
    );
}

#[test]
fn byte_spans_cover_the_source_text() {
    let src = "module x\n\nrequire (\n\texample.com/a v1.0.0 // c\n)\n";
    let f = parse("go.mod", src.as_bytes()).expect("parses");
    assert_eq!(&src[line_of(&f, 0).byte_span()], "module x");
    let b = block_of(&f, 1);
    assert_eq!(
        &src[b.byte_span()],
        "require (\n\texample.com/a v1.0.0 // c\n)"
    );
    assert_eq!(&src[b.lines[0].byte_span()], "example.com/a v1.0.0");
}
