//! The preview of a fix, or of all fixes ("Apply all fixes" shows this first, with the list of
//! fixes): the change as a line diff per file, then Apply or Cancel. Focus moves to Apply when it
//! opens, so Enter applies and Escape (or Cancel) closes it.

use gomod::analyze::DiffLine;
use web_sys::HtmlElement;
use yew::prelude::*;

use crate::state::{Action, FixPreview as Preview, Playground};

#[derive(Properties, PartialEq)]
pub struct FixPreviewProps {
    pub preview: Preview,
    pub dispatch: UseReducerDispatcher<Playground>,
}

#[function_component]
pub fn FixPreview(props: &FixPreviewProps) -> Html {
    let apply_ref = use_node_ref();
    {
        let apply_ref = apply_ref.clone();
        use_effect_with(props.preview.title.clone(), move |_| {
            if let Some(button) = apply_ref.cast::<HtmlElement>() {
                let _ = button.focus();
            }
        });
    }
    let apply = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::ApplyPreview))
    };
    let cancel = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::CancelPreview))
    };
    let onkeydown = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                dispatch.dispatch(Action::CancelPreview);
            }
        })
    };
    html! {
        <section class="fix-preview" role="dialog" aria-labelledby="fix-preview-title" {onkeydown}>
            <h3 id="fix-preview-title" class="fix-preview-title">
                { "Preview: " }{ props.preview.title.clone() }
            </h3>
            if !props.preview.applied.is_empty() {
                <ul class="fix-preview-fixes" aria-label="Fixes to apply">
                    { for props.preview.applied.iter().map(|a| html! { <li>{ a.clone() }</li> }) }
                </ul>
            }
            { for props.preview.changes.iter().map(|change| html! {
                <figure class="diff">
                    <figcaption class="diff-file">{ change.file.clone() }</figcaption>
                    <pre class="code diff-lines" tabindex="0" aria-label={format!("Changes to {}", change.file)}>
                        { for change.lines.iter().map(|line| match line {
                            DiffLine::Same(t) => html! { <span class="diff-same">{ format!("  {t}\n") }</span> },
                            DiffLine::Removed(t) => html! { <del class="diff-removed">{ format!("- {t}\n") }</del> },
                            DiffLine::Added(t) => html! { <ins class="diff-added">{ format!("+ {t}\n") }</ins> },
                        }) }
                    </pre>
                </figure>
            }) }
            <div class="fix-preview-actions">
                <button type="button" class="button button-primary" ref={apply_ref} onclick={apply}>
                    { if props.preview.applied.is_empty() { "Apply this fix" } else { "Apply all fixes" } }
                </button>
                <button type="button" class="button" onclick={cancel}>{ "Cancel" }</button>
            </div>
        </section>
    }
}
