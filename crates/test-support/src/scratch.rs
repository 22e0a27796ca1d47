//! Temporary directories and files for the tests that run the go command or the gomodplay
//! binary on files (the core's oracle tests and the CLI's tests include this file).
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// A directory of its own under the system temp dir, removed on drop unless the test is failing,
/// so that a failure can be inspected.
pub struct Scratch {
    pub root: PathBuf,
}

impl Scratch {
    /// A new empty directory whose name holds `label`, the process id and a counter, so tests
    /// running in parallel (in one process or several) never share one.
    pub fn new(label: &str) -> Scratch {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let n = COUNTER.fetch_add(1, Ordering::SeqCst);
        let root =
            std::env::temp_dir().join(format!("gomodplay-{label}-{}-{n}", std::process::id()));
        let _ = fs::remove_dir_all(&root);
        fs::create_dir_all(&root).unwrap_or_else(|e| panic!("creating {}: {e}", root.display()));
        // Tests that run go point HOME at `home` below. With telemetry on, go starts a detached
        // upload process that writes under HOME/.config after go itself has exited, so after
        // the directory was removed: switched off there, go leaves nothing behind.
        write(&root.join("home/.config/go/telemetry/mode"), "off\n");
        Scratch { root }
    }

    /// A path below the directory.
    pub fn path(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        if std::thread::panicking() {
            eprintln!(
                "scratch directory kept for inspection: {}",
                self.root.display()
            );
        } else {
            remove_tree(&self.root);
        }
    }
}

/// Removes a directory tree, including the module cache go leaves in it: go makes the cache's
/// directories read-only, so `remove_dir_all` alone fails on them and leaves the tree behind.
fn remove_tree(root: &Path) {
    if fs::remove_dir_all(root).is_ok() {
        return;
    }
    make_writable(root);
    let _ = fs::remove_dir_all(root);
}

fn make_writable(dir: &Path) {
    let Ok(meta) = fs::symlink_metadata(dir) else {
        return;
    };
    if !meta.is_dir() {
        return;
    }
    let mut permissions = meta.permissions();
    #[allow(clippy::permissions_set_readonly_false)]
    permissions.set_readonly(false);
    let _ = fs::set_permissions(dir, permissions);
    if let Ok(entries) = fs::read_dir(dir) {
        for entry in entries.flatten() {
            make_writable(&entry.path());
        }
    }
}

/// Writes `data` to `path`, creating the parent directories.
pub fn write(path: &Path, data: impl AsRef<[u8]>) {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).unwrap_or_else(|e| panic!("creating {}: {e}", parent.display()));
    }
    fs::write(path, data).unwrap_or_else(|e| panic!("writing {}: {e}", path.display()));
}
