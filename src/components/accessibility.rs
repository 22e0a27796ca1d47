//! The page's keyboard and screen-reader plumbing that belongs to no one component: the skip
//! link to the editor, Escape closing the open toolbar panel (focus back on the button that
//! opened it), and the live region that announces the analysis only when its problem count
//! changes and stays changed.

use gomod::analyze::Analysis;
use gomod::check::Severity;
use web_sys::wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

use crate::state::{Action, Panel, Playground};

/// The id of the editor's text area, the skip link's target.
pub const EDITOR_ID: &str = "editor-input";

/// The id of the toolbar button that opens `panel`, so that closing the panel can give the
/// focus back to it.
pub fn panel_button_id(panel: Panel) -> &'static str {
    match panel {
        Panel::AddFile => "panel-button-add-file",
        Panel::PasteBundle => "panel-button-paste-bundle",
        Panel::ExplainError => "panel-button-explain-error",
        Panel::Share => "panel-button-share",
        Panel::Embed => "panel-button-embed",
    }
}

/// Focuses the element with this id, if the page has it.
pub fn focus_by_id(id: &str) -> bool {
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<HtmlElement>().ok());
    match element {
        Some(element) => element.focus().is_ok(),
        None => false,
    }
}

/// Whether the keyboard focus is nowhere in particular (on the body), as after the focused
/// element was removed from the page.
pub fn focus_is_lost() -> bool {
    let document = web_sys::window().and_then(|w| w.document());
    match document.as_ref().map(|d| (d.active_element(), d.body())) {
        Some((None, _)) => true,
        Some((Some(active), Some(body))) => active == *body.unchecked_ref::<web_sys::Element>(),
        _ => false,
    }
}

/// The first thing a keyboard user reaches: a link, shown when focused, that moves the focus to
/// the editor (the editor is otherwise behind a dozen toolbar controls). It focuses the text
/// area itself rather than following `#editor-input`: the page reads its fragment as a share
/// link.
pub fn skip_link() -> Html {
    let onclick = Callback::from(|e: MouseEvent| {
        e.prevent_default();
        focus_by_id(EDITOR_ID);
    });
    html! {
        <a class="skip-link" href={format!("#{EDITOR_ID}")} {onclick}>{ "Skip to editor" }</a>
    }
}

/// The header's key handler: Escape closes the open panel and gives the focus back to the
/// toolbar button that opened it.
pub fn close_panel_on_escape(
    open: Option<Panel>,
    dispatch: &UseReducerDispatcher<Playground>,
) -> Callback<KeyboardEvent> {
    let dispatch = dispatch.clone();
    Callback::from(move |e: KeyboardEvent| {
        let Some(panel) = open else {
            return;
        };
        if e.key() != "Escape" || e.default_prevented() {
            return;
        }
        e.prevent_default();
        dispatch.dispatch(Action::OpenPanel(None));
        focus_by_id(panel_button_id(panel));
    })
}

/// Gives the focus back to the toolbar button that opened a panel, when the panel was closed by
/// one of its own buttons (Close, Load bundle, Add) and took the focus with it.
#[hook]
pub fn use_focus_back_on_panel_close(panel: Option<Panel>) {
    let open_panel = use_mut_ref(|| None::<Panel>);
    use_effect_with(panel, move |panel| {
        let closed = open_panel.replace(*panel);
        if let (Some(closed), None) = (closed, panel) {
            if focus_is_lost() {
                focus_by_id(panel_button_id(closed));
            }
        }
    });
}

/// What the live region says: the number of problems the last analysis found, or that the input
/// was not analysed. It depends on nothing else (not on timing, not on whether an edit waits for
/// its analysis), so it changes, and is announced, only when the count does.
pub fn problem_count_text(analysis: &Analysis, not_analysed: bool) -> String {
    if not_analysed {
        return "Not analysed.".to_owned();
    }
    let counts = FindingCounts::of(analysis);
    if counts.is_empty() {
        "Analysis: no problems found.".to_owned()
    } else {
        format!("Analysis: {}.", counts.phrase())
    }
}

/// How many findings an analysis has of each severity, those it only counts included
/// (`Analysis::finding_count`); the live region and the Diagnostics header both say them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FindingCounts {
    pub errors: usize,
    pub warnings: usize,
    pub notes: usize,
}

impl FindingCounts {
    pub fn of(analysis: &Analysis) -> FindingCounts {
        FindingCounts {
            errors: analysis.finding_count(Severity::Error),
            warnings: analysis.finding_count(Severity::Warning),
            notes: analysis.finding_count(Severity::Info),
        }
    }

    pub fn is_empty(&self) -> bool {
        *self == FindingCounts::default()
    }

    /// "1 error, 3 warnings, 2 notes", leaving out the severities with none.
    pub fn phrase(&self) -> String {
        [
            (self.errors, "error", "errors"),
            (self.warnings, "warning", "warnings"),
            (self.notes, "note", "notes"),
        ]
        .iter()
        .filter_map(|&(n, one, many)| match n {
            0 => None,
            1 => Some(format!("1 {one}")),
            n => Some(format!("{n} {many}")),
        })
        .collect::<Vec<_>>()
        .join(", ")
    }
}

/// How long the input must rest before the live region takes the new count: while the user
/// types, the count can flip at every keystroke (a trailing space brings a formatting note, the
/// next letter takes it away), and a screen reader would read each flip.
const ANNOUNCE_AFTER_MS: u32 = 1000;

#[derive(Properties, PartialEq)]
pub struct ProblemCountProps {
    /// What the last analysis found, from [`problem_count_text`].
    pub text: String,
}

/// The polite live region (visually hidden: the Diagnostics header shows the same counts). It
/// takes a new text only once the text has stayed the same for [`ANNOUNCE_AFTER_MS`], so it is
/// announced when the count changes and stays changed, not at every keystroke.
#[function_component(ProblemCountAnnouncement)]
pub fn problem_count_announcement(props: &ProblemCountProps) -> Html {
    let shown = use_state(|| props.text.clone());
    {
        let shown = shown.clone();
        use_effect_with(props.text.clone(), move |text| {
            let text = text.clone();
            // Dropping the timeout (the next text, or the page going away) cancels it.
            let timeout = (*shown != text).then(|| {
                gloo::timers::callback::Timeout::new(ANNOUNCE_AFTER_MS, move || shown.set(text))
            });
            move || drop(timeout)
        });
    }
    html! {
        <p class="visually-hidden" role="status" id="analysis-announcement">{ (*shown).clone() }</p>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use gomod::analyze::{analyze_files, Options};

    /// The announcement for a go.mod analysed as go 1.23.8 with GOTOOLCHAIN=local would see it.
    fn text_for(go_mod: &str) -> String {
        let files = vec![("go.mod".to_owned(), go_mod.as_bytes().to_vec())];
        let options = Options {
            go_version: Some("1.23.8".to_owned()),
            ..Options::default()
        };
        problem_count_text(&analyze_files(&files, &options), false)
    }

    #[test]
    fn counts_problems_by_severity_and_nothing_else() {
        let clean = text_for("module example.com/m\n\ngo 1.22\n");
        assert!(
            clean.starts_with("Analysis: ") && !clean.contains("error"),
            "{clean}"
        );
        // A go line above the running go is an error; the text names counts only, so a comment
        // typed into the file (same problems) leaves it unchanged.
        let too_new = text_for("module example.com/m\n\ngo 1.24.1\n");
        assert!(too_new.starts_with("Analysis: 1 error"), "{too_new}");
        assert_eq!(
            text_for("module example.com/m // a comment\n\ngo 1.24.1\n"),
            too_new
        );
        let analysis = analyze_files(&[], &Options::default());
        assert_eq!(problem_count_text(&analysis, true), "Not analysed.");
    }
}
