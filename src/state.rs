//! The playground's single source of truth: the text being edited and what the go command would
//! make of it. Every change goes through [`Playground::reduce`], so the result can never be out of
//! step with the input.

use std::rc::Rc;

use yew::Reducible;

/// The file name the core reports errors against, as `go mod edit -fmt go.mod` would.
pub const GO_MOD_FILE_NAME: &str = "go.mod";

/// What `go mod edit -fmt go.mod` does with the current input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The file parses; `text` is its canonical form, and `canonical` says whether the input
    /// already is exactly that text (the formatter would change nothing).
    Formatted { text: String, canonical: bool },
    /// The file does not parse; `report` is what go prints on standard error, without the
    /// final newline.
    Errors { report: String },
}

impl Outcome {
    /// Runs the core's formatter over `input`.
    pub fn of(input: &str) -> Self {
        match gomod::modfile::format(GO_MOD_FILE_NAME, input.as_bytes()) {
            Ok(formatted) => {
                let canonical = formatted == input.as_bytes();
                // The formatter keeps the bytes of every token, so text that came in as UTF-8
                // leaves as UTF-8; the lossy conversion only guards against a core bug.
                let text = String::from_utf8_lossy(&formatted).into_owned();
                Outcome::Formatted { text, canonical }
            }
            // `go mod edit` prints this heading above the parser's error list (cmd/go's
            // modcmd/edit.go); the user should see exactly what the terminal would show.
            Err(errors) => Outcome::Errors {
                report: format!("go: errors parsing {GO_MOD_FILE_NAME}:\n{errors}"),
            },
        }
    }
}

/// Everything the page shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Playground {
    pub input: String,
    pub outcome: Outcome,
}

impl Playground {
    /// A playground holding `input`, with its outcome already computed.
    pub fn with_input(input: impl Into<String>) -> Self {
        let input = input.into();
        let outcome = Outcome::of(&input);
        Playground { input, outcome }
    }
}

impl Default for Playground {
    /// The playground as it opens: the example go.mod.
    fn default() -> Self {
        Playground::with_input(crate::EXAMPLE_GO_MOD)
    }
}

/// The things a user can do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// The go.mod text was edited; this is its whole new content.
    Edit(String),
    /// Put the example go.mod back.
    LoadExample,
}

impl Reducible for Playground {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            // Re-rendering on an unchanged text would only cost time.
            Action::Edit(input) if input == self.input => self,
            Action::Edit(input) => Rc::new(Playground::with_input(input)),
            Action::LoadExample => Rc::new(Playground::default()),
        }
    }
}
