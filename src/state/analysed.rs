//! Results computed outside the reducer, by the page's analysis worker
//! (`crate::analysis_worker`), and the switch back to analysing in this thread.

use std::rc::Rc;

use gomod::analyze::wire::Results;
use gomod::analyze::Analysis;

use super::Playground;

/// Input up to this many bytes (all files together) is analysed in the page's thread even when
/// the worker is there: it takes a few milliseconds, so the keystroke's frame shows its results
/// at once, without the worker's round trip and without dimming the results in between.
/// Anything larger goes to the worker.
pub const IN_THREAD_MAX_BYTES: usize = 32 * 1024;

/// Where the analysis runs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Analyser {
    /// In the reducer, on the thread that renders the page: native tests, embedded pages and
    /// browsers where the worker cannot run.
    #[default]
    InThread,
    /// In the analysis worker, for input over [`IN_THREAD_MAX_BYTES`]: the reducer only
    /// records that an analysis is due, the page posts it, and the results come back as
    /// `Action::Analysed`.
    Worker,
}

impl Playground {
    /// Whether the analysis of the current input is the worker's to run.
    pub(super) fn for_the_worker(&self) -> bool {
        self.analyser == Analyser::Worker
            && self.files.iter().map(|f| f.text.len()).sum::<usize>() > IN_THREAD_MAX_BYTES
    }

    /// Whether an analysis of the current input is due from the worker: requested, not refused
    /// (too large, binary), and not yet back.
    pub fn awaiting_worker(&self) -> bool {
        self.analyser == Analyser::Worker
            && !self.stale()
            && self.input_error.is_none()
            && !self.current()
    }

    /// Shows the worker's results if they are for the input as it is now; results of any
    /// older input are dropped (its successor's are on their way).
    pub(super) fn analysed_elsewhere(&mut self, revision: u64, results: Rc<Results>, ms: f64) {
        if revision != self.revision || !self.awaiting_worker() {
            return;
        }
        let results = Rc::try_unwrap(results).unwrap_or_else(|shared| (*shared).clone());
        // The files are the page's own: the revision says they are those the worker analysed.
        let analysis = Analysis::from_results(self.bundle(), results);
        self.install(analysis, ms);
    }

    /// Analyses in this thread from now on, starting with the input waiting for the worker.
    pub(super) fn analyse_in_thread(&mut self) {
        self.analyser = Analyser::InThread;
        if self.analysed_revision == self.revision && !self.current() {
            self.analyse();
        }
    }
}
