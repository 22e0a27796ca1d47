//! The hook that opens the state a share link carries in the page's URL fragment: once the
//! browser has inflated it, a moment after start-up (the input shown meanwhile goes one Undo
//! away), and again whenever a link pasted into the address bar of an open page changes only
//! the fragment.

use yew::prelude::*;

use crate::share;
use crate::state::Playground;

#[hook]
pub fn use_share_link(dispatch: &UseReducerDispatcher<Playground>) {
    {
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| share::open_link(dispatch));
    }
    let dispatch = dispatch.clone();
    use_effect_with((), move |_| {
        let listener = web_sys::window().map(|window| {
            gloo::events::EventListener::new(&window, "hashchange", move |_| {
                share::open_link(dispatch.clone());
            })
        });
        move || drop(listener)
    });
}
