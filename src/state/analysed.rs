//! Results computed outside the reducer, by the page's analysis worker
//! (`crate::analysis_worker`), and the switch back to analysing in this thread.

use std::rc::Rc;

use gomod::analyze::wire::Results;
use gomod::analyze::Analysis;

use super::Playground;

/// Where the analysis runs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Analyser {
    /// In the reducer, on the thread that renders the page: native tests, embedded pages and
    /// browsers where the worker cannot run.
    #[default]
    InThread,
    /// In the analysis worker: the reducer only records that an analysis is due, the page
    /// posts it, and the results come back as `Action::Analysed`.
    Worker,
}

impl Playground {
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
