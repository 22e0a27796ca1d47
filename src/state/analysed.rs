//! Results computed outside the reducer, by the page's analysis worker
//! (`crate::analysis_worker`), and the switch back to analysing in this thread.

use std::rc::Rc;

use gomod::analyze::views::ViewInputs;
use gomod::analyze::wire::Results;
use gomod::analyze::{analyze, Analysis, Options};
use gomod::bundle::Bundle;

use super::Playground;

/// Input up to this many bytes (all files together) is analysed in the page's thread even when
/// the worker is there: it takes a few milliseconds, so the keystroke's frame shows its results
/// at once, without the worker's round trip and without dimming the results in between.
/// Anything larger goes to the worker.
pub const IN_THREAD_MAX_BYTES: usize = 32 * 1024;

/// How many findings of each rule the page holds; it counts the others
/// (`gomod::analyze::omitted`). A thousand is more than any real module's findings of one rule,
/// and few enough that holding, sending and rendering them takes milliseconds.
pub const FINDINGS_PER_RULE: usize = 1000;

/// What the page shows of an input, wherever it is analysed (the worker or the page's thread):
/// the analysis with every rule's first [`FINDINGS_PER_RULE`] findings and the count of the
/// others, and the module views' inputs when it has a resolution.
pub fn analyse_for_page(bundle: &Bundle, options: &Options) -> (Analysis, Option<ViewInputs>) {
    let mut analysis = analyze(bundle, options);
    analysis.keep_first_findings(FINDINGS_PER_RULE);
    let view_inputs = ViewInputs::of(&analysis);
    (analysis, view_inputs)
}

/// How many times the warm-up analyses each gallery example.
const WARM_UP_ROUNDS: usize = 20;

/// One step of the warm-up that runs while the page is idle after start-up: analyses gallery
/// example number `step` (cycling through the gallery) as the page would, and says whether it
/// did; `false` once every example has had its rounds. Browsers first run WebAssembly through a
/// quick baseline compiler and optimise a function only after it has run for a while: on the
/// kubernetes-scale bundle a fresh page's first analysis took 184 ms and the next ones 36-48 ms.
/// Warmed on the small examples, the user's first large paste runs optimised code. The worker
/// warms its own code up (`crate::analysis_worker`), the page when it analyses in its thread
/// (`components::use_analysis_schedule`); one step per timer tick, so that work arriving meanwhile
/// waits for one small analysis at most.
pub fn warm_up_step(step: usize) -> bool {
    let examples = crate::gallery::examples();
    let example = match examples.get(step % examples.len().max(1)) {
        Some(example) if step < examples.len() * WARM_UP_ROUNDS => example,
        _ => return false,
    };
    let bundle = Bundle::from_txtar(example.txtar.as_bytes());
    std::hint::black_box(analyse_for_page(&bundle, &example.settings()));
    true
}

/// What the worker sends the page: the analysis' computed parts and the module views' inputs
/// (`crate::analysis_worker::run_job`).
#[derive(Clone, Debug, PartialEq)]
pub struct WorkerAnswer {
    pub results: Results,
    pub view_inputs: Option<ViewInputs>,
}

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
    pub(super) fn analysed_elsewhere(&mut self, revision: u64, answer: Rc<WorkerAnswer>, ms: f64) {
        if revision != self.revision || !self.awaiting_worker() {
            return;
        }
        let answer = Rc::try_unwrap(answer).unwrap_or_else(|shared| (*shared).clone());
        // The files are the page's own: the revision says they are those the worker analysed.
        let analysis = Analysis::from_results(self.bundle(), answer.results);
        self.install(analysis, answer.view_inputs, ms);
    }

    /// Analyses in this thread from now on, starting with the input waiting for the worker.
    pub(super) fn analyse_in_thread(&mut self) {
        self.analyser = Analyser::InThread;
        if self.analysed_revision == self.revision && !self.current() {
            self.analyse();
        }
    }
}
