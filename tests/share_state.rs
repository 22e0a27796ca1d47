//! Share links through the reducer: every gallery example's state survives encode, decode and
//! `Action::OpenShared` exactly (files, settings, view, focus, open file); opening a link puts
//! the previous input on the undo stack; a refused link changes nothing but the alert.

use gomod::share::{decode, encode, EncodeOptions};
use gomodplay_web::gallery::examples;
use gomodplay_web::state::{default_settings, Action, EditorFile, Playground};

fn saved() -> Playground {
    Playground::open(Some((
        vec![EditorFile::new("go.mod", "module example.com/mine\n")],
        default_settings(),
    )))
}

#[test]
fn every_example_round_trips_through_a_link() {
    for example in examples() {
        let mut source = saved();
        source.apply(Action::LoadExample(example.id));
        source.apply(Action::Focus(Some("golang.org/x/text".into())));
        for derive_sums in [false, true] {
            let shared = source.shared();
            let fragment = encode(&shared, &EncodeOptions { derive_sums })
                .unwrap()
                .fragment;
            let mut target = saved();
            target.apply(Action::OpenShared(decode(&fragment).unwrap()));
            assert_eq!(target.shared(), shared, "{}", example.id);
            assert_eq!(target.files, source.files, "{}", example.id);
            assert_eq!(target.settings, source.settings, "{}", example.id);
            // The input that was there before is one Undo away.
            target.apply(Action::Undo);
            assert_eq!(target.files, saved().files);
        }
    }
}

#[test]
fn a_refused_link_keeps_the_input_and_says_why() {
    let mut p = saved();
    let before = p.clone();
    let message = decode("AQ%").unwrap_err().to_string();
    p.apply(Action::ShareFailed(message.clone()));
    assert_eq!(p.alert.as_deref(), Some(message.as_str()));
    assert_eq!(
        (&p.files, &p.settings, &p.undo),
        (&before.files, &before.settings, &before.undo)
    );
    p.apply(Action::DismissAlert);
    assert_eq!(p.alert, None);
}
