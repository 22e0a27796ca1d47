//! "Get the whole graph": shown while the analysis lacks dependency go.mod files. It offers the
//! core's shell commands (`gomod::gather`), which print the whole graph as one bundle
//! from the user's module cache, with a copy button each, and `go mod graph` as the lighter
//! alternative with what it cannot show. A plain function rather than a component: it has no
//! state of its own (what was copied is said in the page's notice line).

use gomod::gather::{GO_MOD_GRAPH, GO_MOD_GRAPH_LIMITS, POSIX_SHELL, POWERSHELL};
use yew::prelude::*;

use crate::state::{Action, Playground};

fn command(
    title: &'static str,
    id: &'static str,
    text: &'static str,
    dispatch: &UseReducerDispatcher<Playground>,
) -> Html {
    let copy = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            let message = if crate::share::copy(text) {
                format!("Copied the {title} command. Run it in your module's directory and paste what it prints here.")
            } else {
                "This browser offers no clipboard here: select the command and copy it.".to_owned()
            };
            dispatch.dispatch(Action::Notify(message));
        })
    };
    html! {
        <div class="command">
            <div class="command-head">
                <h3 id={id} class="command-title">{ title }</h3>
                <button type="button" class="button button-small" onclick={copy} aria-describedby={id}>
                    { "Copy command" }
                </button>
            </div>
            <pre class="code command-text" tabindex="0" aria-labelledby={id}>{ text }</pre>
        </div>
    }
}

/// The region, for the page to show while [`gomod::gather::graph_incomplete`] holds.
pub fn whole_graph(dispatch: &UseReducerDispatcher<Playground>) -> Html {
    html! {
        <section class="whole-graph" aria-labelledby="whole-graph-title">
            <h2 id="whole-graph-title" class="group-title">{ "Get the whole graph" }</h2>
            <p>
                { "The build list and most checks need the go.mod file of every module in the graph, which the go command keeps in its module cache. \
                   Run one of these commands in your module's directory: it only reads files (go.mod, go.sum, go.work and the go.mod files go.sum names) and prints them as one bundle. \
                   End it with " }<code>{ "| pbcopy" }</code>{ " (macOS), " }<code>{ "| xclip -selection clipboard" }</code>{ " (Linux) or " }
                <code>{ "| Set-Clipboard" }</code>{ " (PowerShell) to copy its output, or save it with " }<code>{ "> bundle.txtar" }</code>
                { ". Paste the output with Paste bundle, or straight into the go.mod editor." }
            </p>
            <p>
                { "Or open (or drop) your project's folder, then your module cache folder (" }<code>{ "go env GOMODCACHE" }</code>
                { "): only those files are read, and nothing is uploaded." }
            </p>
            { command("bash / zsh", "whole-graph-posix", POSIX_SHELL, dispatch) }
            { command("PowerShell", "whole-graph-powershell", POWERSHELL, dispatch) }
            <p class="whole-graph-lighter">
                { "Lighter: " }<code>{ GO_MOD_GRAPH }</code>{ format!(" prints the requirement graph only. {GO_MOD_GRAPH_LIMITS}") }
            </p>
        </section>
    }
}
