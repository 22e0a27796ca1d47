//! Slash-separated file path helpers (Go's `path/filepath` on Unix) for directory replacements
//! and the file names the go command prints. Pure string work: nothing touches a file system.

/// Whether `p` is absolute.
pub fn is_abs(p: &str) -> bool {
    p.starts_with('/')
}

/// `filepath.Clean`: the shortest equivalent path.
pub fn clean(p: &str) -> String {
    if p.is_empty() {
        return ".".to_owned();
    }
    let rooted = is_abs(p);
    let mut out: Vec<&str> = Vec::new();
    for part in p.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                if matches!(out.last(), Some(last) if *last != "..") {
                    out.pop();
                } else if !rooted {
                    out.push("..");
                }
            }
            other => out.push(other),
        }
    }
    let body = out.join("/");
    match (rooted, body.is_empty()) {
        (true, _) => format!("/{body}"),
        (false, true) => ".".to_owned(),
        (false, false) => body,
    }
}

/// `filepath.Join`: joins and cleans; empty elements are ignored.
pub fn join(a: &str, b: &str) -> String {
    match (a.is_empty(), b.is_empty()) {
        (true, true) => String::new(),
        (true, false) => clean(b),
        (false, true) => clean(a),
        (false, false) => clean(&format!("{a}/{b}")),
    }
}

/// `filepath.Rel(base, target)` for two absolute clean paths.
pub fn rel(base: &str, target: &str) -> String {
    let b: Vec<&str> = base.split('/').filter(|s| !s.is_empty()).collect();
    let t: Vec<&str> = target.split('/').filter(|s| !s.is_empty()).collect();
    let common = b.iter().zip(t.iter()).take_while(|(x, y)| x == y).count();
    let mut parts: Vec<&str> = Vec::new();
    parts.extend(std::iter::repeat_n("..", b.len().saturating_sub(common)));
    parts.extend(t.iter().skip(common));
    if parts.is_empty() {
        ".".to_owned()
    } else {
        parts.join("/")
    }
}

/// `base.ShortPath`: the path relative to the working directory when that is shorter.
pub fn short_path(abs: &str, cwd: &str) -> String {
    let r = rel(cwd, abs);
    if r.len() < abs.len() {
        r
    } else {
        abs.to_owned()
    }
}

/// `modload.ToDirectoryPath`: marks a relative path as a directory (`./x`) unless it already
/// starts with `./`, `../` or is absolute.
pub fn to_directory_path(p: &str) -> String {
    if is_directory_path(p) {
        return p.to_owned();
    }
    format!("./{}", clean(p))
}

/// `modfile.IsDirectoryPath` on Unix.
pub fn is_directory_path(p: &str) -> bool {
    p == "." || p == ".." || p.starts_with("./") || p.starts_with("../") || is_abs(p)
}

/// The proxy protocol's case encoding of a module path or version (`X` becomes `!x`); text
/// that cannot be encoded is left as it is, since it only appears in messages.
pub fn escape(s: &str) -> String {
    crate::path::escape_path(s)
        .or_else(|_| crate::path::escape_version(s))
        .unwrap_or_else(|_| s.to_owned())
}

/// The file under the proxy URL that holds `path@version` with the given extension, as the go
/// command prints it in a URL: case-encoded, then escaped like a URL path.
pub fn proxy_file(path: &str, version: &str, ext: &str) -> String {
    url_path_escape(&format!("{}/@v/{}.{ext}", escape(path), escape(version)))
}

/// Go's `url.URL` path escaping: everything but unreserved characters and `$&+,/:;=@` becomes
/// `%XX`.
pub fn url_path_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~$&+,/:;=@".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_join_rel() {
        assert_eq!(clean("./a/../b/"), "b");
        assert_eq!(clean("../../x"), "../../x");
        assert_eq!(clean("/../x"), "/x");
        assert_eq!(join("/w/m", "../x/go.mod"), "/w/x/go.mod");
        assert_eq!(rel("/w/m", "/w/m/a/go.mod"), "a/go.mod");
        assert_eq!(rel("/w/m", "/w/x"), "../x");
        assert_eq!(short_path("/w/m/a/go.mod", "/w/m"), "a/go.mod");
        assert_eq!(to_directory_path("a/b"), "./a/b");
        assert_eq!(to_directory_path("../a"), "../a");
    }
}
