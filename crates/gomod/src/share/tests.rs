//! Tests of the share-link codec: round trips of settings and awkward files, refused names and
//! settings, go.sum lines left out and derived again, hostile, oversized and truncated fragments
//! (refused with a reason, never a panic), base64url, and the golden fragments of every format
//! version, which must keep decoding.

use super::*;
use gomod_test_support::golden;

fn state(files: &[(&str, &str)]) -> SharedState {
    SharedState {
        files: files
            .iter()
            .map(|(n, t)| (n.to_string(), t.to_string()))
            .collect(),
        ..SharedState::default()
    }
}

fn round_trip(s: &SharedState, options: EncodeOptions) -> Encoded {
    let encoded = encode(s, &options).expect("encodes");
    assert_eq!(decode(&encoded.fragment).as_ref(), Ok(s), "{encoded:?}");
    assert_eq!(decode(&format!("#{}", encoded.fragment)).as_ref(), Ok(s));
    encoded
}

#[test]
fn settings_and_awkward_files_round_trip() {
    let mut s = state(&[
        ("go.mod", "module example.com/m\n\ngo 1.22\n"),
        ("go.sum", ""),
        ("notes.txt", "no final newline"),
        ("marker.txt", "-- go.mod --\nmodule evil\n-- x --"),
        ("crlf.txt", "a\r\n-- b --\r\n"),
        ("unicode.txt", "é ✓ 🎉\n"),
    ]);
    s.go_version = Some("1.21.13".into());
    s.toolchain = Toolchain::Auto;
    s.view = Some("graph".into());
    s.focus = Some("golang.org/x/text".into());
    s.file = Some("go.sum".into());
    round_trip(&s, EncodeOptions::default());
    s.go_version = Some(String::new());
    round_trip(&s, EncodeOptions::default());
}

#[test]
fn unshareable_names_and_settings_are_refused() {
    for bad in ["", " go.mod", "a\nb"] {
        let s = state(&[(bad, "x\n")]);
        assert_eq!(
            encode(&s, &EncodeOptions::default()),
            Err(ShareError::FileName(bad.into()))
        );
    }
    let mut s = state(&[("go.mod", "module m\n")]);
    s.focus = Some("a\nview: x".into());
    assert!(matches!(
        encode(&s, &EncodeOptions::default()),
        Err(ShareError::Content(_))
    ));
}

/// A go.sum whose go.mod lines can all be re-derived from the `.mod` files in the state, and a
/// zip line that cannot.
fn with_sums() -> SharedState {
    let dep = "module example.com/dep\n\ngo 1.20\n";
    let hash = gomod_hash(dep.as_bytes());
    let other = "module example.com/other\n";
    let other_hash = gomod_hash(other.as_bytes());
    let sum = format!(
        "example.com/dep v1.0.0 h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n\
         example.com/dep v1.0.0/go.mod {hash}\n\
         example.com/missing v1.0.0/go.mod h1:BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB=\n\
         example.com/other v0.1.0/go.mod {other_hash}"
    );
    state(&[
        ("go.mod", "module m\n\nrequire example.com/dep v1.0.0\n"),
        ("go.sum", &sum),
        ("example.com/dep/@v/v1.0.0.mod", dep),
        ("example.com/other/@v/v0.1.0.mod", other),
    ])
}

#[test]
fn derivable_sums_are_left_out_and_put_back() {
    let s = with_sums();
    let plain = round_trip(&s, EncodeOptions::default());
    assert_eq!((plain.derived_sums, plain.kept_sums), (0, 4));
    let derived = round_trip(&s, EncodeOptions { derive_sums: true });
    assert_eq!((derived.derived_sums, derived.kept_sums), (2, 2));
    let (text, _, _) = to_txtar(&s, &EncodeOptions { derive_sums: true }).unwrap();
    let text = String::from_utf8(text).unwrap();
    assert!(
        text.starts_with("gotoolchain: local\nderived-sums: go.sum\nno-final-newline: go.sum\n"),
        "{text}"
    );
    assert!(
        text.contains("\nexample.com/dep v1.0.0/go.mod\nexample.com/missing"),
        "{text}"
    );
    assert!(
        text.contains("\nexample.com/other v0.1.0/go.mod\n-- example.com/dep"),
        "{text}"
    );
}

#[test]
fn sums_are_kept_when_deriving_would_change_the_file() {
    // A line that already lacks its hash would gain one: nothing is left out.
    let mut s = with_sums();
    s.files[1].1.push_str("\nexample.com/dep v1.0.0/go.mod\n");
    let e = round_trip(&s, EncodeOptions { derive_sums: true });
    assert_eq!(e.derived_sums, 0);
}

#[test]
fn a_derived_sum_without_its_gomod_is_an_error() {
    let text = "derived-sums: go.sum\n-- go.sum --\nexample.com/x v1.0.0/go.mod\n";
    assert_eq!(
        from_txtar(text),
        Err(ShareError::Content(
            "go.sum:1: the hash of example.com/x@v1.0.0/go.mod cannot be re-derived: its go.mod is not in the link".into()
        ))
    );
}

#[test]
fn hostile_fragments_are_refused_with_a_reason() {
    let e = |f: &str| decode(f).unwrap_err().to_string();
    assert_eq!(e(""), "the link holds no state after the #");
    assert_eq!(e("#"), "the link holds no state after the #");
    assert_eq!(
        e("AQ%20"),
        "the link is damaged: character 3 ('%') is not allowed in a share link"
    );
    assert_eq!(
        e("AQAAA"),
        "the link is damaged: its length is impossible for the encoding (it was cut short)"
    );
    assert_eq!(
        e("Ag"),
        "the link uses format version 2, which this page cannot read (it reads version 1); a newer gomodplay made it"
    );
    assert_eq!(
        e("AQ"),
        "the link is damaged: the compressed data is cut short"
    );
    // Block type 3 does not exist.
    assert_eq!(
        e(&base64url_encode(&[1, 0b111])),
        "the link is damaged: the compressed data is corrupt"
    );
    // Valid DEFLATE of bytes that are not UTF-8.
    let mut payload = vec![1];
    payload.extend(deflate(&[0xff, 0xfe]));
    assert_eq!(
        e(&base64url_encode(&payload)),
        "the link's content is not UTF-8 text"
    );
    let mut payload = vec![1];
    payload.extend(deflate(b"go: 1.22\n"));
    assert_eq!(e(&base64url_encode(&payload)), "the link holds no files");
    let mut payload = vec![1];
    payload.extend(deflate(b"gotoolchain: path\n-- go.mod --\n"));
    assert_eq!(
        e(&base64url_encode(&payload)),
        "the link's GOTOOLCHAIN setting \"path\" is neither local nor auto"
    );
}

#[test]
fn a_decompression_bomb_is_refused() {
    // 9 MB of one byte compresses to a few kilobytes.
    let bomb = vec![b'a'; 9 * 1024 * 1024];
    let mut payload = vec![1];
    payload.extend(deflate(&bomb));
    assert!(payload.len() < 70_000, "{}", payload.len());
    assert_eq!(
        decode(&base64url_encode(&payload)).unwrap_err().to_string(),
        "the link is damaged: the compressed data expands beyond 8 MB; refused"
    );
    // A stored block cannot get around the limit either.
    assert_eq!(
        inflate(&[1, 5, 0, 0xfa, 0xff, 1, 2, 3, 4, 5], 4),
        Err(InflateError::TooLarge(4))
    );
    assert_eq!(
        inflate(&[1, 5, 0, 0xfa, 0xff, 1, 2, 3, 4, 5], 5),
        Ok(vec![1, 2, 3, 4, 5])
    );
}

#[test]
fn truncations_and_bit_flips_never_panic() {
    let s = with_sums();
    let fragment = encode(&s, &EncodeOptions::default()).unwrap().fragment;
    for cut in 0..fragment.len() {
        let _ = decode(&fragment[..cut]);
    }
    let payload = base64url_decode(&fragment).unwrap();
    for at in 0..payload.len() {
        for bit in 0..8 {
            let mut damaged = payload.clone();
            damaged[at] ^= 1 << bit;
            let _ = decode(&base64url_encode(&damaged));
        }
    }
}

#[test]
fn base64url_round_trips_every_length() {
    let data: Vec<u8> = (0..=255u8).collect();
    for len in 0..data.len() {
        let text = base64url_encode(&data[..len]);
        assert!(!text.contains(['+', '/', '=']));
        assert_eq!(base64url_decode(&text), Ok(data[..len].to_vec()));
    }
    assert_eq!(base64url_encode(b"\xfb\xff"), "-_8");
    assert_eq!(base64url_decode("-_8="), Ok(b"\xfb\xff".to_vec()));
}

/// Renders a decoded state (or the error) for the golden files.
fn render(state: &Result<SharedState, ShareError>) -> String {
    let s = match state {
        Ok(s) => s,
        Err(e) => return format!("error: {e}\n"),
    };
    let mut out = format!(
        "go: {:?}\ngotoolchain: {}\nview: {:?}\nfocus: {:?}\nfile: {:?}\n",
        s.go_version,
        s.toolchain.as_str(),
        s.view,
        s.focus,
        s.file
    );
    for (name, text) in &s.files {
        out.push_str(&format!("== {name} ({} bytes) ==\n{text}\n", text.len()));
    }
    out
}

/// Fragments of every format version, made once and kept (the `#` lines of each case say how):
/// later versions of the code must keep decoding them to the same state.
#[test]
fn golden_fragments_keep_decoding() {
    golden::check_dir("share", |_, data| {
        let text = String::from_utf8_lossy(data);
        let fragment = text
            .lines()
            .find(|l| !l.starts_with('#') && !l.trim().is_empty())
            .unwrap_or("")
            .trim();
        render(&decode(fragment))
    });
}
