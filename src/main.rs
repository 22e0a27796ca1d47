//! Entry point of the web app: mounts the root component on the document body. The same module
//! also runs in the analysis worker (`gomodplay_web::analysis_worker`), where there is no window:
//! there it serves analysis jobs instead.

fn main() {
    if web_sys::window().is_none() {
        gomodplay_web::analysis_worker::serve();
        return;
    }
    yew::Renderer::<gomodplay_web::App>::new().render();
}
