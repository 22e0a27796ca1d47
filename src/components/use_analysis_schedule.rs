//! The hook that decides when the analysis runs in this thread's view of things: after an edit,
//! debounced while the user types (at once while analyses are quick), at once after any other
//! change; and, while the page is idle after start-up, a warm-up of the analysis code when the
//! analysis runs in this thread.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::state::{Action, Playground};

/// How many times the warm-up analyses each gallery example.
const WARM_UP_ROUNDS: usize = 20;

/// Analyses the gallery examples over and over, one per timer tick, while the page is idle after
/// start-up, and stops as soon as the input changes. Browsers first run WebAssembly through a
/// quick baseline compiler and optimise a function only after it has run for a while: on the
/// kubernetes-scale bundle a fresh page's first analysis took 184 ms and the next ones 36-48 ms.
/// Warmed on the small examples, the user's first large paste runs optimised code.
fn warm_up(step: usize, revision: Rc<Cell<u64>>, start: u64, timer: Rc<RefCell<Option<Timeout>>>) {
    let examples = crate::gallery::examples();
    let Some(example) = examples.get(step % examples.len().max(1)) else {
        return;
    };
    if revision.get() != start || step >= examples.len() * WARM_UP_ROUNDS {
        return;
    }
    let options = gomod::analyze::Options {
        go_version: Some(example.go_version.to_owned()).filter(|v| !v.is_empty()),
        toolchain: example.toolchain,
    };
    let bundle = gomod::bundle::Bundle::from_txtar(example.txtar.as_bytes());
    std::hint::black_box(gomod::analyze::analyze(&bundle, &options));
    let next = timer.clone();
    *timer.borrow_mut() = Some(Timeout::new(0, move || {
        warm_up(step + 1, revision, start, next)
    }));
}

/// How long to wait after a keystroke before analysing: no wait while analyses are quick (the
/// result then follows within a frame), longer as they get slower, so typing never stutters.
fn debounce_ms(last_analysis_ms: f64) -> u32 {
    if last_analysis_ms < 8.0 {
        0
    } else {
        (last_analysis_ms * 2.0).min(400.0) as u32
    }
}

/// Schedules the analysis of every new revision; returns the editor's `on_edit` for the file
/// shown. `warm_up_in_thread` warms the analysis code up in this thread (not in an embedded
/// page, whose host may hold many, nor when a worker analyses: it warms its own code up).
#[hook]
pub fn use_analysis_schedule(
    state: &UseReducerHandle<Playground>,
    warm_up_in_thread: bool,
) -> Callback<String> {
    let dispatch = state.dispatcher();
    let revision = use_mut_ref(|| Rc::new(Cell::new(0u64))).borrow().clone();
    revision.set(state.revision);
    let warm_up_timer: Rc<RefCell<Option<Timeout>>> = use_mut_ref(|| None).clone();
    {
        let start = state.revision;
        use_effect_with((), move |_| {
            if warm_up_in_thread {
                let next = warm_up_timer.clone();
                *warm_up_timer.borrow_mut() =
                    Some(Timeout::new(200, move || warm_up(0, revision, start, next)));
            }
            move || drop(warm_up_timer.borrow_mut().take())
        });
    }
    // Re-analyse after edits, debounced: a new revision drops (cancels) the pending timer. Only
    // typing in the editor is debounced: a paste of a bundle, an example, a fix or a dropped
    // file is analysed at once, since no keystroke follows it.
    let typing = use_mut_ref(|| false);
    {
        let (dispatch, typing) = (dispatch.clone(), typing.clone());
        let last_ms = state.analysed_in_ms;
        use_effect_with(state.revision, move |_| {
            let delay = if typing.replace(false) {
                debounce_ms(last_ms)
            } else {
                0
            };
            let timer = Timeout::new(delay, move || dispatch.dispatch(Action::Analyse));
            move || drop(timer)
        });
    }
    let file = state.active.clone();
    let quick = debounce_ms(state.analysed_in_ms) == 0;
    Callback::from(move |text: String| {
        // While analyses are quick, the keystroke is analysed at once, in the same update as
        // the edit: the next frame shows both, without a timer's round trip.
        *typing.borrow_mut() = !quick;
        dispatch.dispatch(Action::Edit {
            file: file.clone(),
            text,
        });
        if quick {
            dispatch.dispatch(Action::Analyse);
        }
    })
}
