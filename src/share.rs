//! The page's side of share links and embedding: reading the URL (fragment, `?embed=1`,
//! `readonly=1`, `view=`), making links and iframe code for the current state, the clipboard,
//! and the messages an embedded page posts to its host. The codec itself is the core's
//! [`gomod::share`]; the page adds the DEFLATE step with the browser's own compression streams,
//! which are asynchronous, so encoding and decoding here are `async` and components read a link
//! through [`use_encoded`].

use std::cell::Cell;
use std::rc::Rc;

use gomod::share::{self, EncodeOptions, Encoded, InflateError, ShareError, SharedState};
use wasm_bindgen::prelude::wasm_bindgen;
use web_sys::js_sys::{Object, Reflect, Uint8Array};
use web_sys::wasm_bindgen::closure::Closure;
use web_sys::wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use crate::state::{Action, Playground, View};

/// How the page was asked to show itself (`?embed=1&readonly=1&view=graph`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmbedMode {
    pub readonly: bool,
    /// One of [`View::EMBEDDABLE`].
    pub view: View,
}

fn location() -> Option<web_sys::Location> {
    web_sys::window().map(|w| w.location())
}

/// The value of `key` in a query string (`?a=1&b=2`); no percent-decoding is needed for the
/// values the page reads.
fn query_value(search: &str, key: &str) -> Option<String> {
    search
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| pair.strip_prefix(key)?.strip_prefix('='))
        .map(str::to_owned)
}

/// The embed mode the URL asks for, if any.
pub fn embed_mode() -> Option<EmbedMode> {
    let search = location()?.search().ok()?;
    if query_value(&search, "embed").as_deref() != Some("1") {
        return None;
    }
    let view = query_value(&search, "view")
        .and_then(|name| View::from_name(&name))
        .filter(|v| View::EMBEDDABLE.contains(v))
        .unwrap_or(View::Diagnostics);
    Some(EmbedMode {
        readonly: query_value(&search, "readonly").as_deref() == Some("1"),
        view,
    })
}

/// The fragment without its `#`, if the URL has one.
pub fn fragment() -> Option<String> {
    let hash = location()?.hash().ok()?;
    let fragment = hash.strip_prefix('#').unwrap_or(&hash);
    (!fragment.is_empty()).then(|| fragment.to_owned())
}

// Raw DEFLATE both ways with the browser's CompressionStream and DecompressionStream. Inflating
// reads the stream chunk by chunk and stops past `limit` bytes, since a few hundred bytes of a
// hostile link can expand to gigabytes. Each resolves to a Uint8Array or, on failure, to the
// reason as one word the Rust side maps to its error: "too-large", "truncated" or "corrupt".
#[wasm_bindgen(inline_js = r#"
export async function deflateRaw(bytes) {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
export async function inflateRaw(bytes, limit) {
  const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw")).getReader();
  const chunks = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > limit) {
        reader.cancel().catch(() => {});
        return "too-large";
      }
      chunks.push(value);
    }
  } catch (e) {
    // Browsers say when the input ended early (Chromium: "Compressed input was truncated.").
    return bytes.length === 0 || /truncat/i.test(String(e && e.message)) ? "truncated" : "corrupt";
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = deflateRaw)]
    async fn deflate_raw(bytes: &[u8]) -> JsValue;
    #[wasm_bindgen(js_name = inflateRaw)]
    async fn inflate_raw(bytes: &[u8], limit: f64) -> JsValue;
}

/// Decodes a fragment: the core checks and unpacks it, the browser inflates it.
pub async fn decode(fragment: &str) -> Result<SharedState, ShareError> {
    let compressed = share::compressed_archive(fragment)?;
    let inflated = inflate_raw(&compressed, share::MAX_DECODED_BYTES as f64).await;
    if let Some(reason) = inflated.as_string() {
        return Err(ShareError::Inflate(match reason.as_str() {
            "too-large" => InflateError::TooLarge(share::MAX_DECODED_BYTES),
            "truncated" => InflateError::Truncated,
            _ => InflateError::Corrupt,
        }));
    }
    share::from_archive(Uint8Array::from(inflated).to_vec())
}

/// Opens the state in the URL's fragment, if there is one, once it is decoded: on success the
/// previous input goes on the undo stack; on failure the page says why and keeps its input.
pub fn open_link(dispatch: UseReducerDispatcher<Playground>) {
    if let Some(fragment) = fragment() {
        wasm_bindgen_futures::spawn_local(async move {
            let action = open_action(&fragment).await;
            let opened = matches!(action, Action::OpenShared(_));
            dispatch.dispatch(action);
            if opened {
                forget_fragment();
            }
        });
    }
}

/// Removes an opened link's fragment from the address bar (without a navigation or a history
/// entry), so that a reload shows the saved input, which is then the link's, instead of
/// opening the link again over whatever the user did since. An embedded page keeps it: its
/// state lives in its address only.
pub fn forget_fragment() {
    if embed_mode().is_some() {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let address = format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&address));
    }
}

/// What opening `fragment` does: open its state, or say why it cannot be opened.
pub async fn open_action(fragment: &str) -> Action {
    match decode(fragment).await {
        Ok(shared) => Action::OpenShared(shared),
        Err(e) => Action::ShareFailed(format!(
            "This share link cannot be opened: {e}. Your saved input is unchanged."
        )),
    }
}

/// The page's address without query and fragment: where links point.
pub fn page_url() -> String {
    let Some(l) = location() else {
        return String::new();
    };
    format!(
        "{}{}",
        l.origin().unwrap_or_default(),
        l.pathname().unwrap_or_default()
    )
}

/// A state encoded; the error says why it cannot be shared.
pub async fn encode(state: &SharedState, derive_sums: bool) -> Result<Encoded, String> {
    let (archive, derived_sums, kept_sums) = share::to_txtar(state, &EncodeOptions { derive_sums })
        .map_err(|e| format!("This state cannot be shared: {e}."))?;
    let compressed = Uint8Array::from(deflate_raw(&archive).await).to_vec();
    Ok(Encoded {
        fragment: share::fragment(&compressed),
        derived_sums,
        kept_sums,
    })
}

/// The encoded form of `state` (none asked: `None`), once the browser has compressed it (`None`
/// until then); it follows the state, and an answer for an older state never replaces a newer one.
/// An answer is returned only for the state and choice it was computed for: while a newer one is
/// being compressed the link is `None` ("Making the link…"), never the older link beside the
/// newer choice.
#[hook]
pub fn use_encoded(
    state: Option<SharedState>,
    derive_sums: bool,
) -> Option<Result<Encoded, String>> {
    let encoded = use_state(|| None::<(SharedState, bool, Result<Encoded, String>)>);
    let asked = state.clone();
    {
        let encoded = encoded.clone();
        use_effect_with((state, derive_sums), move |(state, derive_sums)| {
            let superseded = Rc::new(Cell::new(false));
            if let Some(state) = state.clone() {
                let (superseded, derive_sums) = (superseded.clone(), *derive_sums);
                wasm_bindgen_futures::spawn_local(async move {
                    let result = encode(&state, derive_sums).await;
                    if !superseded.get() {
                        encoded.set(Some((state, derive_sums, result)));
                    }
                });
            } else {
                encoded.set(None);
            }
            move || superseded.set(true)
        });
    }
    match (&*encoded, asked) {
        (Some((for_state, for_choice, result)), Some(asked))
            if *for_state == asked && *for_choice == derive_sums =>
        {
            Some(result.clone())
        }
        _ => None,
    }
}

/// The share link of an encoded state.
pub fn link(encoded: &Encoded) -> String {
    format!("{}#{}", page_url(), encoded.fragment)
}

/// Copies text to the clipboard when the browser offers one (not in insecure contexts);
/// false when it does not. A refused write is ignored.
pub fn copy(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let navigator = window.navigator();
    let has_clipboard = Reflect::get(&navigator, &JsValue::from_str("clipboard"))
        .is_ok_and(|c| !c.is_undefined() && !c.is_null());
    if !has_clipboard {
        return false;
    }
    let promise = navigator.clipboard().write_text(text);
    let ignore = web_sys::wasm_bindgen::closure::Closure::<dyn FnMut(JsValue)>::new(|_| {});
    let _ = promise.catch(&ignore);
    ignore.forget();
    true
}

/// Posts `{type, height?}` to the parent page (embed mode; nothing when not in a frame).
pub fn post_to_parent(kind: &str, height: Option<i32>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    let message = Object::new();
    let _ = Reflect::set(&message, &"type".into(), &kind.into());
    if let Some(h) = height {
        let _ = Reflect::set(&message, &"height".into(), &JsValue::from(h));
    }
    // The message holds only the widget's height; any host may size its frame.
    let _ = parent.post_message(&message, "*");
}

/// The height of the embedded widget (the element with class `embed`), in CSS pixels, rounded
/// up: a frame a fraction of a pixel shorter than its content would scroll.
fn content_height(widget: &web_sys::Element) -> i32 {
    widget.get_bounding_client_rect().height().ceil() as i32
}

/// Watches the embedded widget's size and posts `gomodplay:resize` to the host whenever its
/// height changes (the first report comes as soon as it is observed). The observer stops when
/// the returned value is dropped.
pub fn report_height_changes() -> Option<HeightReporter> {
    let widget = web_sys::window()?
        .document()?
        .query_selector(".embed")
        .ok()??;
    let measured = widget.clone();
    let last = std::cell::Cell::new(0);
    let callback = Closure::<dyn FnMut(JsValue)>::new(move |_entries: JsValue| {
        let height = content_height(&measured);
        if height != last.replace(height) {
            post_to_parent("gomodplay:resize", Some(height));
        }
    });
    let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    observer.observe(&widget);
    Some(HeightReporter {
        observer,
        _callback: callback,
    })
}

/// A running [`report_height_changes`].
pub struct HeightReporter {
    observer: web_sys::ResizeObserver,
    _callback: Closure<dyn FnMut(JsValue)>,
}

impl Drop for HeightReporter {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}
