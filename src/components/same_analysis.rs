//! An analysis compared by identity, as the key of memoised work derived from it.

use std::rc::Rc;

use gomod::analyze::Analysis;

/// The reducer replaces the `Rc` whenever the analysis changes, so two keys are equal exactly
/// when they hold the same analysis; comparing two analyses' contents would cost a pass over
/// every finding, and a large input has hundreds of thousands.
#[derive(Clone)]
pub struct SameAnalysis(pub Rc<Analysis>);

impl PartialEq for SameAnalysis {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}
