//! The hooks that keep the user's input across reloads (`crate::storage`): the playground opens
//! with the saved input, a large one is read back from IndexedDB after start-up, every analysed
//! input is saved whatever its size, and the input a share link replaced stays saved while Undo
//! can still bring it back. An embedded page neither reads nor writes any of it.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use gomod::analyze::Options;

use crate::state::{Action, Analyser, Playground, SHARE_LABEL};
use crate::storage;

/// The settings of a saved input that is being read back from IndexedDB (`None` once it is
/// back, or when there is none). Until it is back nothing is saved: saving would replace it with
/// the example shown meanwhile.
pub type Restoring = Rc<RefCell<Option<Options>>>;

/// The playground as the page opens: the input saved by an earlier visit (when it was small
/// enough for localStorage; a larger one is noted in `restoring` and read later), with the
/// input an earlier share link replaced one Undo away.
pub fn open_playground(embedded: bool, analyser: Analyser, restoring: &Restoring) -> Playground {
    let saved = match (!embedded).then(storage::load) {
        Some(storage::Saved::Here(files, settings)) => Some((files, settings)),
        Some(storage::Saved::InIndexedDb(settings)) => {
            *restoring.borrow_mut() = Some(settings);
            None
        }
        _ => None,
    };
    let mut playground = Playground::open_with(saved, analyser);
    if let Some((files, settings)) = (!embedded).then(storage::load_before_share).flatten() {
        playground.keep_earlier_input(SHARE_LABEL, files, settings);
    }
    playground
}

/// Reads a large saved input back after start-up, and saves the input from then on.
#[hook]
pub fn use_saved_input(
    state: &UseReducerHandle<Playground>,
    embedded: bool,
    restoring: &Restoring,
) {
    let dispatch = state.dispatcher();
    {
        let (dispatch, restoring) = (dispatch.clone(), restoring.clone());
        use_effect_with((), move |_| {
            let settings = restoring.borrow().clone();
            if let Some(settings) = settings {
                storage::load_large(move |files| {
                    *restoring.borrow_mut() = None;
                    if let Some(files) = files {
                        dispatch.dispatch(Action::RestoreSaved { files, settings });
                    }
                });
            }
        });
    }
    // The input a share link replaced stays saved while Undo can bring it back.
    {
        let restoring = restoring.clone();
        use_effect_with(state.before_share(), move |before| {
            if !embedded && restoring.borrow().is_none() {
                match before {
                    Some(snapshot) => {
                        storage::save_before_share(&snapshot.files, &snapshot.settings)
                    }
                    None => storage::forget_before_share(),
                }
            }
        });
    }
    // Save what was analysed (the files and settings of that revision), whatever its size:
    // input too large to analyse is kept too, so a reload never loses what the user typed.
    {
        let (files, settings) = (state.files.clone(), state.settings.clone());
        let restoring = restoring.clone();
        use_effect_with(state.analysed_revision, move |_| {
            if !embedded && restoring.borrow().is_none() {
                storage::save(&files, &settings, move || {
                    dispatch.dispatch(Action::Fail(
                        "This browser refused to save the input (its storage is full or disabled); it stays on the page until you reload.".to_owned(),
                    ))
                });
            }
        });
    }
}
