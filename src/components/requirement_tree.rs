//! The Graph view's requirement tree: who requires whom, from the main modules down, as a
//! WAI-ARIA tree (one tab stop; arrow keys, Home and End move, Right and Left expand and
//! collapse, Enter and Space select, a letter jumps to the next module starting with it). The
//! rows, the dimming and the key moves all come from the core
//! ([`gomod::analyze::views::requirement_tree`]); this component keeps which rows are expanded
//! and which row has the tab stop, and moves the keyboard focus.

use std::collections::BTreeSet;
use std::rc::Rc;

use gomod::analyze::views::{tree_key, RequirementTree, TreeMove, TreeRow};
use web_sys::wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RequirementTreeProps {
    pub tree: Rc<RequirementTree>,
    /// The search text: the tree then shows the chains to the matching modules.
    #[prop_or_default]
    pub query: AttrValue,
    /// The module path selected in the graph, marked `aria-selected` wherever it appears.
    #[prop_or_default]
    pub selected: Option<AttrValue>,
    /// Called with a module path when a row is selected (Enter, Space or a click).
    pub on_select: Callback<String>,
}

/// Focuses the row with `key` inside `list`, if it is rendered.
fn focus_row(list: &NodeRef, key: &str) {
    let Some(list) = list.cast::<web_sys::Element>() else {
        return;
    };
    let rows = list.get_elements_by_class_name("tree-row");
    for i in 0..rows.length() {
        if let Some(row) = rows.item(i) {
            if row.get_attribute("data-key").as_deref() == Some(key) {
                if let Ok(row) = row.dyn_into::<web_sys::HtmlElement>() {
                    let _ = row.focus();
                }
                return;
            }
        }
    }
}

/// How many rows the tree renders before "Show all".
const FIRST_ROWS: usize = 300;

#[function_component]
pub fn RequirementTreeView(props: &RequirementTreeProps) -> Html {
    let expanded = use_state(|| props.tree.initial_expanded());
    // The key of the row that holds the tab stop, and the row to focus after the next render.
    let active = use_state(|| None::<String>);
    let pending_focus = use_mut_ref(|| None::<String>);
    let list = use_node_ref();
    {
        // A new analysis is a new tree: open it as at first.
        let expanded = expanded.clone();
        use_effect_with(props.tree.clone(), move |tree| {
            expanded.set(tree.initial_expanded());
        });
    }
    // Like the page's other long lists, the tree renders its first rows and offers the rest: a
    // go.mod of tens of thousands of requirements would otherwise put as many rows in the page.
    let show_all = use_state(|| false);
    {
        let show_all = show_all.clone();
        use_effect_with(props.tree.clone(), move |_| show_all.set(false));
    }
    let limit = if *show_all { usize::MAX } else { FIRST_ROWS };
    let (shown_rows, total_rows) = props.tree.first_rows(&expanded, &props.query, limit);
    let rows: Rc<Vec<TreeRow>> = Rc::new(shown_rows);
    {
        let (pending_focus, list) = (pending_focus.clone(), list.clone());
        use_effect(move || {
            if let Some(key) = pending_focus.borrow_mut().take() {
                focus_row(&list, &key);
            }
        });
    }
    let tab_stop = active
        .as_ref()
        .filter(|key| rows.iter().any(|r| &r.key == *key))
        .cloned()
        .or_else(|| rows.first().map(|r| r.key.clone()));

    let apply = {
        let (rows, expanded, active, pending_focus, on_select, list) = (
            rows.clone(),
            expanded.clone(),
            active.clone(),
            pending_focus.clone(),
            props.on_select.clone(),
            list.clone(),
        );
        move |m: TreeMove| match m {
            TreeMove::Focus(i) => {
                if let Some(r) = rows.get(i) {
                    active.set(Some(r.key.clone()));
                    // The row is on screen: focus it now, and again after the render the
                    // state change causes, in case that render replaced it.
                    focus_row(&list, &r.key);
                    *pending_focus.borrow_mut() = Some(r.key.clone());
                }
            }
            TreeMove::Expand(key) | TreeMove::Collapse(key) => {
                let mut next: BTreeSet<String> = (*expanded).clone();
                if !next.remove(&key) {
                    next.insert(key.clone());
                }
                expanded.set(next);
                *pending_focus.borrow_mut() = Some(key);
            }
            TreeMove::Select(i) => {
                if let Some(r) = rows.get(i) {
                    active.set(Some(r.key.clone()));
                    *pending_focus.borrow_mut() = Some(r.key.clone());
                    on_select.emit(r.path.clone());
                }
            }
        }
    };
    let apply = Rc::new(apply);

    // A tree without items is not a tree (axe: aria-required-children): say why it is empty.
    if rows.is_empty() {
        let text = if props.query.trim().is_empty() {
            "No modules."
        } else {
            "No module matches the search."
        };
        return html! { <p class="tree-empty">{ text }</p> };
    }
    let selected = props.selected.as_deref();
    let on_show_all = {
        let show_all = show_all.clone();
        Callback::from(move |_: MouseEvent| show_all.set(true))
    };
    html! {
        <>
        <ul class="req-tree" role="tree" aria-label="Requirements" ref={list.clone()}>
            { for rows.iter().enumerate().map(|(i, row)| {
                let onkeydown = {
                    let (rows, apply) = (rows.clone(), apply.clone());
                    Callback::from(move |e: KeyboardEvent| {
                        if e.ctrl_key() || e.alt_key() || e.meta_key() {
                            return;
                        }
                        if let Some(m) = tree_key(&rows, i, &e.key()) {
                            e.prevent_default();
                            e.stop_propagation();
                            apply(m);
                        }
                    })
                };
                let onclick = {
                    let apply = apply.clone();
                    Callback::from(move |_: MouseEvent| apply(TreeMove::Select(i)))
                };
                let toggle = {
                    let (apply, key, expandable) = (apply.clone(), row.key.clone(), row.expandable);
                    Callback::from(move |e: MouseEvent| {
                        e.stop_propagation();
                        if expandable {
                            apply(TreeMove::Expand(key.clone()));
                        }
                    })
                };
                // Focus that arrives another way (a click, a screen reader's cursor) moves the
                // tab stop too.
                let onfocus = {
                    let (active, key) = (active.clone(), row.key.clone());
                    Callback::from(move |_: FocusEvent| {
                        if active.as_deref() != Some(key.as_str()) {
                            active.set(Some(key.clone()));
                        }
                    })
                };
                let handlers = RowHandlers { onkeydown, onclick, toggle, onfocus };
                row_html(row, tab_stop.as_deref() == Some(row.key.as_str()), selected == Some(row.path.as_str()), handlers)
            }) }
        </ul>
        if total_rows > rows.len() {
            <div class="view-more">
                <span>{ format!("Showing the first {} of {total_rows} rows.", rows.len()) }</span>
                <button type="button" class="button" onclick={on_show_all}>
                    { format!("Show all {total_rows} rows") }
                </button>
            </div>
        }
        </>
    }
}

/// A row's event handlers.
struct RowHandlers {
    onkeydown: Callback<KeyboardEvent>,
    onclick: Callback<MouseEvent>,
    toggle: Callback<MouseEvent>,
    onfocus: Callback<FocusEvent>,
}

fn row_html(row: &TreeRow, tab_stop: bool, selected: bool, handlers: RowHandlers) -> Html {
    let RowHandlers {
        onkeydown,
        onclick,
        toggle,
        onfocus,
    } = handlers;
    let mut class = String::from("tree-row");
    if row.dimmed {
        class.push_str(" tree-dimmed");
    }
    if row.matched {
        class.push_str(" tree-match");
    }
    let expanded = row
        .expandable
        .then(|| AttrValue::from(row.expanded.to_string()));
    let glyph = match (row.expandable, row.expanded) {
        (false, _) => "",
        (true, false) => "▸",
        (true, true) => "▾",
    };
    // Indentation by level (a class: the page's Content-Security-Policy allows no inline
    // styles), capped so that deep chains stay readable.
    class.push_str(&format!(" tree-level-{}", row.level.min(12)));
    html! {
        <li key={row.key.clone()} class={class} role="treeitem" data-key={row.key.clone()}
            aria-level={row.level.to_string()} aria-posinset={row.position.to_string()}
            aria-setsize={row.set_size.to_string()} aria-expanded={expanded}
            aria-selected={selected.to_string()} tabindex={if tab_stop { "0" } else { "-1" }}
            {onkeydown} {onclick} {onfocus}>
            <span class="tree-toggle" aria-hidden="true" onclick={toggle}>{ glyph }</span>
            <span class="tree-path mono">{ row.path.clone() }</span>
            if !row.version.is_empty() {
                <span class="tree-version mono">{ format!(" {}", row.version) }</span>
            }
            if !row.note.is_empty() {
                <span class="tree-note">{ format!(" ({})", row.note) }</span>
            }
        </li>
    }
}
