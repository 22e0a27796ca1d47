//! What could not be checked or computed, and what to paste to enable it; files that were
//! ignored; notes about the settings; and the go command's own error when the module graph
//! does not load. A plain function rather than a component: it has no state, and every Yew
//! component brings its own lifecycle code into the wasm.

use gomod::analyze::Analysis;
use yew::prelude::*;

/// The list for the analysis `a`.
pub fn unchecked(a: &Analysis) -> Html {
    // Several rules are usually skipped for the same reason: list each reason once, with its
    // rules.
    let mut skipped: Vec<(String, String, Vec<&'static str>)> = Vec::new();
    for s in &a.report.skipped {
        let reason = if s.file.is_empty() {
            s.reason.clone()
        } else {
            format!("{}: {}", s.file, s.reason)
        };
        match skipped
            .iter_mut()
            .find(|(r, e, _)| *r == reason && *e == s.to_enable)
        {
            Some((_, _, codes)) => codes.push(s.code),
            None => skipped.push((reason, s.to_enable.clone(), vec![s.code])),
        }
    }
    // The graph's error is shown only when no finding already says the same thing.
    let graph_error = a
        .resolution
        .as_ref()
        .and_then(|r| r.error.as_ref().map(|e| e.text().to_owned()))
        .filter(|e| {
            !a.report
                .diagnostics
                .iter()
                .any(|d| d.message.contains(e.as_str()))
        });
    if skipped.is_empty()
        && a.not_run.is_empty()
        && a.notes.is_empty()
        && a.problems.is_empty()
        && graph_error.is_none()
    {
        return Html::default();
    }
    html! {
        <section class="unchecked" aria-labelledby="unchecked-title">
            <h3 id="unchecked-title" class="group-title">{ "Not checked" }</h3>
            <ul class="unchecked-list">
                if let Some(error) = graph_error {
                    <li>
                        <strong>{ "The module graph does not load: " }</strong>
                        <pre class="code unchecked-error">{ go_message(&error) }</pre>
                    </li>
                }
                { for a.not_run.iter().map(|n| html! {
                    <li>
                        <strong>{ format!("{}: ", n.what) }</strong>{ n.reason.clone() }
                        <span class="to-enable">{ format!("To enable: {}.", n.to_enable) }</span>
                    </li>
                }) }
                { for skipped.iter().map(|(reason, to_enable, codes)| html! {
                    <li>
                        <span class="skipped-codes">{ for codes.iter().map(|c| html! { <code>{ *c }</code> }) }</span>
                        { format!(" {reason}.") }
                        <span class="to-enable">{ format!("To enable: {to_enable}.") }</span>
                    </li>
                }) }
                { for a.problems.iter().map(|p| html! { <li>{ p.to_string() }</li> }) }
                { for a.notes.iter().map(|n| html! { <li class="note">{ n.clone() }</li> }) }
            </ul>
        </section>
    }
}

/// The graph's error as go prints it: with `go: `, except a checksum mismatch, which go prints
/// as it is.
fn go_message(error: &str) -> String {
    if error.starts_with("verifying ") {
        error.to_owned()
    } else {
        format!("go: {error}")
    }
}
