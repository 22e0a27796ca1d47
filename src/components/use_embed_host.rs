//! The hook that talks to the page embedding the playground (`www/embed.js`): it says when the
//! widget is ready and reports its height whenever the widget's size changes — after a render,
//! and also when a view lays itself out later or a font arrives, which no render follows. It
//! does nothing on the full page.

use yew::prelude::*;

use crate::share;

#[hook]
pub fn use_embed_host(embedded: bool) {
    use_effect_with((), move |_| {
        if embedded {
            share::post_to_parent("gomodplay:ready", None);
        }
    });
    use_effect_with((), move |_| {
        let observer = embedded.then(share::report_height_changes).flatten();
        move || drop(observer)
    });
}
