//! The go.mod editor: a plain text area, so every browser's own editing, undo and
//! accessibility support keeps working.

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    /// The text to show.
    pub value: AttrValue,
    /// Called with the whole new text after every edit.
    pub on_edit: Callback<String>,
    /// Called when the user asks for the example go.mod again.
    pub on_load_example: Callback<()>,
}

#[function_component]
pub fn Editor(props: &EditorProps) -> Html {
    let oninput = {
        let on_edit = props.on_edit.clone();
        Callback::from(move |event: InputEvent| {
            let text_area: HtmlTextAreaElement = event.target_unchecked_into();
            on_edit.emit(text_area.value());
        })
    };
    let onclick = props.on_load_example.reform(|_: MouseEvent| ());

    html! {
        <section class="pane" aria-labelledby="editor-title">
            <div class="pane-header">
                // The label gives the text area its accessible name, exactly "go.mod".
                <label id="editor-title" class="pane-title" for="gomod-input">{ "go.mod" }</label>
                <button type="button" class="button" {onclick}>{ "Load example" }</button>
            </div>
            <textarea
                id="gomod-input"
                class="code editor-input"
                value={props.value.clone()}
                {oninput}
                spellcheck="false"
                autocomplete="off"
                autocapitalize="off"
                wrap="off"
            />
        </section>
    }
}
