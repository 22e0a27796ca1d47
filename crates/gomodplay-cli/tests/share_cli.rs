//! `gomodplay share`: the printed link opens exactly the input (decoded with the core's codec),
//! for every gallery example and a directory, with and without go.sum hashes.

use std::path::Path;
use std::process::Command;

use gomod::bundle::Bundle;
use gomod::share;

fn share(args: &[&str]) -> (String, String, bool) {
    let out = Command::new(env!("CARGO_BIN_EXE_gomodplay"))
        .arg("share")
        .args(args)
        .output()
        .expect("runs");
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
        out.status.success(),
    )
}

fn examples() -> Vec<std::path::PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../www/examples");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txtar"))
        .collect();
    files.sort();
    assert!(files.len() >= 10);
    files
}

#[test]
fn links_of_the_gallery_open_the_same_files_and_settings() {
    for path in examples() {
        let text = std::fs::read_to_string(&path).unwrap();
        let bundle = Bundle::from_txtar(text.as_bytes());
        let header = |key: &str| {
            text.lines()
                .find_map(|l| l.strip_prefix(key))
                .map(|v| v.trim().to_owned())
        };
        for flags in [&[][..], &["--no-sums"][..]] {
            let mut args = flags.to_vec();
            args.extend(["--base", "https://play.example/x/", path.to_str().unwrap()]);
            let (stdout, stderr, ok) = share(&args);
            assert!(ok, "{}: {stderr}", path.display());
            let link = stdout.trim_end();
            let fragment = link.strip_prefix("https://play.example/x/#").unwrap();
            assert_eq!(
                stderr,
                format!(
                    "gomodplay: the link is {} characters long{}\n",
                    link.len(),
                    if flags.is_empty() {
                        String::new()
                    } else {
                        stderr[stderr.find(';').unwrap()..stderr.len() - 1].to_owned()
                    }
                )
            );
            let state = share::decode(fragment).unwrap();
            let files: Vec<(String, String)> = bundle
                .files()
                .iter()
                .map(|f| (f.name.clone(), String::from_utf8(f.data.clone()).unwrap()))
                .collect();
            assert_eq!(state.files, files, "{}", path.display());
            assert_eq!(state.go_version, header("go-version:"));
            assert_eq!(
                Some(state.toolchain.as_str().to_owned()),
                header("gotoolchain:")
            );
        }
    }
}

#[test]
fn a_directory_is_shared_and_mistakes_are_reported() {
    let dir = std::env::temp_dir().join(format!("gomodplay-share-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("go.mod"), "module example.com/m\n\ngo 1.22\n").unwrap();
    let (stdout, _, ok) = share(&[dir.to_str().unwrap()]);
    assert!(ok);
    let fragment = stdout
        .trim_end()
        .strip_prefix("http://127.0.0.1:8080/#")
        .unwrap();
    assert_eq!(
        share::decode(fragment).unwrap().files,
        vec![(
            "go.mod".to_owned(),
            "module example.com/m\n\ngo 1.22\n".to_owned()
        )]
    );
    std::fs::remove_dir_all(&dir).unwrap();
    let (_, stderr, ok) = share(&[]);
    assert!(!ok);
    assert_eq!(
        stderr,
        "gomodplay: no input given\nusage: gomodplay share [--base URL] [--no-sums] DIR|BUNDLE\n"
    );
    let (_, stderr, ok) = share(&["--frob", "x"]);
    assert!(!ok);
    assert!(stderr.starts_with("gomodplay: unknown flag --frob\n"));
}
