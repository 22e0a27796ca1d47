//! The hook that decides when the analysis runs: after an edit, debounced while the user types
//! (at once while analyses are quick), at once after any other change; and, while the page is
//! idle after start-up, the warm-up of the analysis code when the page analyses in its own
//! thread (the worker warms up its own).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::state::{warm_up_step, Action, Playground};

/// The page's warm-up of the analysis code while it is idle after start-up
/// (`state::warm_up_step`), one step per timer tick, stopped as soon as the input changes.
fn warm_up(step: usize, revision: Rc<Cell<u64>>, start: u64, timer: Rc<RefCell<Option<Timeout>>>) {
    if revision.get() != start || !warm_up_step(step) {
        return;
    }
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
