//! The resolver's error texts as the playground shows them. go names the files it could not
//! read by their places on the machine it runs on (`reading file:///proxy/example.com/x/@v/
//! v1.0.0.mod: no such file or directory`, `open /home/user/project/../b/go.mod: ...`); the CLI
//! prints that exactly, but a user of the web app or the JS API has no such machine: for them a
//! missing dependency file is named by its module version and local paths are relative to the
//! main module's directory.

use super::input::Settings;

/// What replaces go's "reading PROXY/...: no such file or directory".
pub const MISSING_GOMOD: &str = "its go.mod file is not in the input";

/// `error` (a resolver error produced with `settings`) worded for the user: every missing proxy
/// file is `MISSING_GOMOD` (the text before it names the module version), and the settings'
/// root directory is left out of paths.
pub fn user_error_text(error: &str, settings: &Settings) -> String {
    let reading = format!("reading {}/", settings.proxy_url);
    const NOT_FOUND: &str = ": no such file or directory";
    let mut out = String::with_capacity(error.len());
    let mut rest = error;
    while let Some(start) = rest.find(&reading) {
        let after = rest.get(start + reading.len()..).unwrap_or_default();
        // The proxy file name has no spaces or newlines; the message ends right after it.
        let name_end = after.find([' ', '\n', '\t']).unwrap_or(after.len());
        let name = after.get(..name_end).unwrap_or_default();
        let Some(file) = name.strip_suffix(':') else {
            out.push_str(rest.get(..start + reading.len()).unwrap_or_default());
            rest = after;
            continue;
        };
        let tail = after.get(file.len()..).unwrap_or_default();
        if !tail.starts_with(NOT_FOUND) || !file.ends_with(".mod") {
            out.push_str(rest.get(..start + reading.len()).unwrap_or_default());
            rest = after;
            continue;
        }
        out.push_str(rest.get(..start).unwrap_or_default());
        out.push_str(MISSING_GOMOD);
        rest = tail.get(NOT_FOUND.len()..).unwrap_or_default();
    }
    out.push_str(rest);
    out = open_as_read(&out);
    if settings.root_dir.len() > 1 {
        out = out
            .replace(&format!("{}/", settings.root_dir), "")
            .replace(&settings.root_dir, ".");
    }
    out
}

/// go's "reading NAME: open ABSOLUTE: REASON" names one file twice, the second time by its
/// absolute path on go's machine: the second name becomes the first.
fn open_as_read(text: &str) -> String {
    const READING: &str = "reading ";
    const OPEN: &str = ": open ";
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find(READING) {
        let after = rest.get(start + READING.len()..).unwrap_or_default();
        let name_end = after.find([':', '\n']).unwrap_or(after.len());
        let name = after.get(..name_end).unwrap_or_default();
        let tail = after.get(name_end..).unwrap_or_default();
        let Some(opened) = tail.strip_prefix(OPEN).filter(|o| o.starts_with('/')) else {
            out.push_str(rest.get(..start + READING.len()).unwrap_or_default());
            rest = after;
            continue;
        };
        let Some(abs_end) = opened.find(": ") else {
            out.push_str(rest.get(..start + READING.len()).unwrap_or_default());
            rest = after;
            continue;
        };
        out.push_str(rest.get(..start + READING.len()).unwrap_or_default());
        out.push_str(name);
        out.push_str(OPEN);
        out.push_str(name);
        rest = opened.get(abs_end..).unwrap_or_default();
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_missing_files_by_module_version_and_drops_the_root() {
        let settings = Settings {
            root_dir: "/home/user/project".to_owned(),
            proxy_url: "file:///proxy".to_owned(),
            ..Settings::default()
        };
        assert_eq!(
            user_error_text(
                "github.com/gin-gonic/gin@v1.9.1: reading file:///proxy/github.com/gin-gonic/gin/@v/v1.9.1.mod: no such file or directory",
                &settings
            ),
            "github.com/gin-gonic/gin@v1.9.1: its go.mod file is not in the input"
        );
        assert_eq!(
            user_error_text(
                "example.com/a@v1.0.0 requires\n\texample.com/!b@v1.0.0: reading file:///proxy/example.com/!b/@v/v1.0.0.mod: no such file or directory",
                &settings
            ),
            "example.com/a@v1.0.0 requires\n\texample.com/!b@v1.0.0: its go.mod file is not in the input"
        );
        assert_eq!(
            user_error_text(
                "example.com/b@v1.0.0 (replaced by ./b): reading b/go.mod: open /home/user/project/b/go.mod: no such file or directory",
                &settings
            ),
            "example.com/b@v1.0.0 (replaced by ./b): reading b/go.mod: open b/go.mod: no such file or directory"
        );
        assert_eq!(
            user_error_text(
                "example.com/b@v1.0.0 (replaced by ../b): reading ../b/go.mod: open /home/user/b/go.mod: no such file or directory",
                &settings
            ),
            "example.com/b@v1.0.0 (replaced by ../b): reading ../b/go.mod: open ../b/go.mod: no such file or directory"
        );
        // Other texts pass unchanged.
        assert_eq!(
            user_error_text("go.mod:3: unknown directive", &settings),
            "go.mod:3: unknown directive"
        );
    }
}
