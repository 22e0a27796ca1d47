//! The hook that connects the reducer to the analysis worker (`crate::analysis_worker`): it
//! starts the worker, posts every analysis the reducer requests, and dispatches the results.

use std::cell::Cell;
use std::rc::Rc;

use yew::prelude::*;

use crate::analysis_worker::{read_answer, AnalysisWorker, WorkerEvent};
use crate::state::{Action, Analyser, Playground};

/// Runs the playground's analyses in the worker when `state.analyser` says so; returns whether
/// an analysis has been running long enough for the page to say so.
#[hook]
pub fn use_analysis_worker(state: &UseReducerHandle<Playground>, warm_up: bool) -> bool {
    let slow = use_state_eq(|| false);
    let worker = use_mut_ref(|| None::<AnalysisWorker>);
    // The revision on screen, read when results arrive: results of an older input are dropped
    // before they are even read.
    let revision = use_mut_ref(|| Rc::new(Cell::new(0u64))).borrow().clone();
    revision.set(state.revision);
    {
        let (dispatch, set_slow, worker) = (state.dispatcher(), slow.setter(), worker.clone());
        let wanted = state.analyser == Analyser::Worker;
        use_effect_with((), move |_| {
            if wanted {
                let fallback = dispatch.clone();
                let events = Callback::from(move |event| match event {
                    WorkerEvent::Done {
                        revision: r,
                        ms,
                        bytes,
                    } if r == revision.get() => match read_answer(&bytes.to_vec()) {
                        Some(answer) => dispatch.dispatch(Action::Analysed {
                            revision: r,
                            answer: Rc::new(answer),
                            ms,
                        }),
                        None => dispatch.dispatch(Action::AnalyseInThread),
                    },
                    WorkerEvent::Done { .. } => {}
                    WorkerEvent::Slow(is_slow) => set_slow.set(is_slow),
                    WorkerEvent::Failed => {
                        set_slow.set(false);
                        dispatch.dispatch(Action::AnalyseInThread);
                    }
                });
                match AnalysisWorker::start(events, warm_up) {
                    Some(started) => *worker.borrow_mut() = Some(started),
                    None => fallback.dispatch(Action::AnalyseInThread),
                }
            }
            move || drop(worker.borrow_mut().take())
        });
    }
    {
        let (worker, state) = (worker.clone(), state.clone());
        use_effect_with(state.analysed_revision, move |_| {
            if let (true, Some(worker)) = (state.awaiting_worker(), worker.borrow().as_ref()) {
                let files = state.files.iter().map(|f| (f.name.as_str(), &*f.text));
                worker.analyse(state.revision, files, &state.options());
            }
        });
    }
    *slow
}
