//! The root component: owns the playground state and lays out the page.

use yew::prelude::*;

use crate::components::editor::Editor;
use crate::components::result_panel::ResultPanel;
use crate::state::{Action, Playground};

#[function_component]
pub fn App() -> Html {
    let playground = use_reducer(Playground::default);

    let on_edit = {
        let playground = playground.dispatcher();
        Callback::from(move |text: String| playground.dispatch(Action::Edit(text)))
    };
    let on_load_example = {
        let playground = playground.dispatcher();
        Callback::from(move |()| playground.dispatch(Action::LoadExample))
    };

    html! {
        <>
            <header class="site-header">
                <h1 class="site-title">{ "gomodplay" }</h1>
                <p class="site-tagline">
                    { "A Go modules playground. Your go.mod, formatted exactly as " }
                    <code>{ "go mod edit -fmt" }</code>
                    { " would format it." }
                </p>
            </header>
            <main class="workspace">
                <Editor
                    value={AttrValue::from(playground.input.clone())}
                    on_edit={on_edit}
                    on_load_example={on_load_example}
                />
                <ResultPanel outcome={playground.outcome.clone()} />
            </main>
            <footer class="site-footer">
                <p>{ "Runs entirely in your browser: nothing you type leaves this page." }</p>
            </footer>
        </>
    }
}
