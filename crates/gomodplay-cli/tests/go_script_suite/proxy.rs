//! cmd/go's test module proxy (`GOROOT/src/cmd/go/testdata/mod`) as a GOPROXY file tree.
//!
//! The rules are those of `GOROOT/src/cmd/go/proxy_test.go` (`readModList`, `proxyHandler`,
//! `readArchive`):
//!
//! * an archive `NAME.txt` is module version `PATH@VERSION` where NAME splits at its last `_v`,
//!   the escaped path before it with `_` standing for `/`, the escaped version after it; names
//!   whose path or version do not unescape are not modules of the proxy;
//! * `PATH/@v/VERSION.info` and `.mod` are the archive's `.info` and `.mod` files, served only
//!   when the archive has them (a missing `.mod` is not synthesised: the request fails);
//! * `PATH/@v/list` lists the module's versions that are not pseudo-versions and pass
//!   `module.Check`, one a line, and is empty (not missing) when there are none;
//! * `.zip` files are not written: neither `go list -m all` nor `go mod graph` downloads zips.

use std::fs;
use std::path::Path;

use gomod::path::{unescape_path, unescape_version};
use gomod::version::is_pseudo_version;
use gomod::version::module::check;

use crate::txtar;

/// What the file proxy serves.
pub struct Served {
    pub versions: usize,
}

/// One module version of the test proxy.
struct ModuleVersion {
    escaped_path: String,
    escaped_version: String,
    path: String,
    version: String,
    archive: txtar::Archive,
}

fn read_module_versions(mod_dir: &Path) -> Vec<ModuleVersion> {
    let mut names: Vec<String> = fs::read_dir(mod_dir)
        .unwrap_or_else(|e| panic!("reading {}: {e}", mod_dir.display()))
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| name.ends_with(".txt"))
        .collect();
    // readModList walks the directory in os.ReadDir's (sorted) order, which is @v/list's order.
    names.sort();
    let mut out = Vec::new();
    for file_name in names {
        let name = &file_name[..file_name.len() - ".txt".len()];
        let Some(i) = name.rfind("_v") else { continue };
        let escaped_path = name[..i].replace('_', "/");
        let escaped_version = name[i + 1..].to_owned();
        let (Ok(path), Ok(version)) = (
            unescape_path(&escaped_path),
            unescape_version(&escaped_version),
        ) else {
            continue;
        };
        let data = fs::read(mod_dir.join(&file_name))
            .unwrap_or_else(|e| panic!("reading {file_name}: {e}"));
        out.push(ModuleVersion {
            escaped_path,
            escaped_version,
            path,
            version,
            archive: txtar::parse(&data),
        });
    }
    out
}

/// Writes the proxy's file tree below `proxy`.
pub fn write_file_proxy(mod_dir: &Path, proxy: &Path) -> Served {
    let versions = read_module_versions(mod_dir);
    let mut lists: std::collections::BTreeMap<&str, String> = std::collections::BTreeMap::new();
    for mv in &versions {
        let dir = proxy.join(&mv.escaped_path).join("@v");
        fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("creating {}: {e}", dir.display()));
        for (name, data) in &mv.archive.files {
            let ext = match name.as_str() {
                ".info" => "info",
                ".mod" => "mod",
                _ => continue,
            };
            let file = dir.join(format!("{}.{ext}", mv.escaped_version));
            fs::write(&file, data).unwrap_or_else(|e| panic!("writing {}: {e}", file.display()));
        }
        let list = lists.entry(&mv.escaped_path).or_default();
        if !is_pseudo_version(&mv.version) && check(&mv.path, &mv.version).is_ok() {
            list.push_str(&mv.version);
            list.push('\n');
        }
    }
    for (escaped_path, list) in &lists {
        let file = proxy.join(escaped_path).join("@v/list");
        fs::write(&file, list).unwrap_or_else(|e| panic!("writing {}: {e}", file.display()));
    }
    Served {
        versions: versions.len(),
    }
}
