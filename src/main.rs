//! Entry point of the web app: mounts the root component on the document body.

fn main() {
    yew::Renderer::<gomodplay_web::App>::new().render();
}
