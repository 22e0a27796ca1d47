//! The code the Embed panel offers for another page: an `<iframe>` with the few lines of host
//! script that size it to its content, or `embed.js` with the input written out as a txtar
//! bundle in a `<pre class="gomodplay">` block. Plain functions of the playground's address
//! (`base`, its directory, ending in `/`) so that tests can check the exact text.

use gomod::bundle::Bundle;
use gomod::share::SharedState;

/// The host page's side of a self-sizing frame: every `gomodplay:resize` message sets the height
/// of the one frame that sent it (matched by its window, so several frames on a page each get
/// their own height). Pasting it twice is harmless: each copy sets the same height.
pub const RESIZE_SCRIPT: &str = r#"<script>
  // gomodplay frames size themselves: each one posts its content height.
  addEventListener("message", function (event) {
    if (!event.data || event.data.type !== "gomodplay:resize") return;
    document.querySelectorAll("iframe").forEach(function (frame) {
      if (frame.contentWindow === event.source) frame.style.height = event.data.height + "px";
    });
  });
</script>"#;

/// The directory of a page address (`https://host/tools/gomodplay/index.html` gives
/// `https://host/tools/gomodplay/`).
pub fn directory(page_url: &str) -> &str {
    match page_url.rfind('/') {
        Some(at) => &page_url[..=at],
        None => page_url,
    }
}

/// The iframe that shows a link's state (`fragment`) with the result view `view`, followed by
/// [`RESIZE_SCRIPT`].
pub fn iframe_snippet(base: &str, fragment: &str, view: &str) -> String {
    format!(
        "<iframe src=\"{base}?embed=1&amp;view={view}#{fragment}\" title=\"gomodplay: Go modules playground\" loading=\"lazy\" style=\"display:block;width:100%;height:420px;border:0\"></iframe>\n{RESIZE_SCRIPT}"
    )
}

/// `embed.js` and a `<pre class="gomodplay">` block holding the state's files as a txtar
/// bundle, with its settings as attributes.
pub fn embed_js_snippet(base: &str, state: &SharedState, view: &str) -> String {
    let bundle = Bundle::from_files(
        state
            .files
            .iter()
            .map(|(name, text)| (name.clone(), text.clone().into_bytes())),
    );
    let txtar = String::from_utf8_lossy(&bundle.to_txtar()).into_owned();
    let mut attributes = format!(" data-view=\"{view}\"");
    if let Some(version) = state.go_version.as_deref().filter(|v| !v.is_empty()) {
        attributes.push_str(&format!(" data-go-version=\"{}\"", escape(version)));
    }
    attributes.push_str(&format!(
        " data-gotoolchain=\"{}\"",
        state.toolchain.as_str()
    ));
    format!(
        "<script src=\"{base}embed.js\" defer></script>\n<pre class=\"gomodplay\"{attributes}>{}</pre>",
        escape(&txtar)
    )
}

/// Text as HTML element content or attribute value: `&`, `<` and `"` escaped.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('"', "&quot;")
}
