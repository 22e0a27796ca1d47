//! The Embed panel's code: the iframe carries the state and the view and comes with the host
//! script that sizes each frame by the window that sent the message; the embed.js block holds
//! the files as a txtar bundle (escaped as HTML) and the settings as attributes.

use gomod::analyze::Toolchain;
use gomod::share::SharedState;
use gomodplay_web::embed_code::{directory, embed_js_snippet, iframe_snippet, RESIZE_SCRIPT};

fn state() -> SharedState {
    SharedState {
        files: vec![
            (
                "go.mod".to_owned(),
                "module example.com/m\n\ngo 1.22.0\n\n// a < b && c\n".to_owned(),
            ),
            ("go.sum".to_owned(), String::new()),
        ],
        go_version: Some("1.23.8".to_owned()),
        toolchain: Toolchain::Auto,
        view: None,
        focus: None,
        file: None,
    }
}

#[test]
fn the_iframe_comes_with_its_sizing_script() {
    let code = iframe_snippet("https://h.example/tools/gomodplay/", "AQxyz", "graph");
    let (frame, script) = code.split_once('\n').unwrap();
    assert_eq!(
        frame,
        "<iframe src=\"https://h.example/tools/gomodplay/?embed=1&amp;view=graph#AQxyz\" title=\"gomodplay: Go modules playground\" loading=\"lazy\" style=\"display:block;width:100%;height:420px;border:0\"></iframe>"
    );
    assert_eq!(script, RESIZE_SCRIPT);
    // Several frames on one page: the height goes to the frame whose window sent it.
    assert!(script.contains("frame.contentWindow === event.source"));
    assert!(script.contains("\"gomodplay:resize\""));
}

#[test]
fn the_embed_js_block_holds_the_files_and_settings() {
    let code = embed_js_snippet("https://h.example/tools/gomodplay/", &state(), "build");
    assert_eq!(
        code,
        "<script src=\"https://h.example/tools/gomodplay/embed.js\" defer></script>\n\
         <pre class=\"gomodplay\" data-view=\"build\" data-go-version=\"1.23.8\" data-gotoolchain=\"auto\">\
         -- go.mod --\nmodule example.com/m\n\ngo 1.22.0\n\n// a &lt; b &amp;&amp; c\n-- go.sum --\n</pre>"
    );
}

#[test]
fn the_directory_of_a_page() {
    assert_eq!(
        directory("https://h.example/a/index.html"),
        "https://h.example/a/"
    );
    assert_eq!(directory("https://h.example/a/"), "https://h.example/a/");
}
