//! The page's views by name: the module view tabs below the editor and the result views a share
//! link or an embed can name. Links and embed snippets carry a view as its name
//! (`view=graph`); everywhere else it is a [`View`], so a misspelt view does not compile.

/// A view of the analysis.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum View {
    /// The findings list (an embed's default).
    Diagnostics,
    /// The findings with their fixes (an embed's view).
    Fixes,
    Graph,
    Build,
    Conflicts,
    GoSum,
    WhatIf,
}

impl View {
    /// The module view tabs, in the order the tab strip shows them.
    pub const TABS: [View; 5] = [
        View::Graph,
        View::Build,
        View::Conflicts,
        View::GoSum,
        View::WhatIf,
    ];

    /// The views an embed can show, in the order the Embed panel offers them.
    pub const EMBEDDABLE: [View; 4] = [View::Diagnostics, View::Graph, View::Build, View::Fixes];

    /// The name links, embed snippets and element ids use.
    pub fn name(self) -> &'static str {
        match self {
            View::Diagnostics => "diagnostics",
            View::Fixes => "fixes",
            View::Graph => "graph",
            View::Build => "build",
            View::Conflicts => "conflicts",
            View::GoSum => "gosum",
            View::WhatIf => "whatif",
        }
    }

    /// The view named `name`, if this version of the page knows it.
    pub fn from_name(name: &str) -> Option<View> {
        [
            View::Diagnostics,
            View::Fixes,
            View::Graph,
            View::Build,
            View::Conflicts,
            View::GoSum,
            View::WhatIf,
        ]
        .into_iter()
        .find(|v| v.name() == name)
    }

    /// The tab's label, for a module view tab.
    pub fn tab_label(self) -> Option<&'static str> {
        match self {
            View::Graph => Some("Graph"),
            View::Build => Some("Build list"),
            View::Conflicts => Some("Conflicts"),
            View::GoSum => Some("go.sum"),
            View::WhatIf => Some("What-if"),
            View::Diagnostics | View::Fixes => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_view_is_found_by_its_name_and_no_other() {
        for view in View::TABS.into_iter().chain(View::EMBEDDABLE) {
            assert_eq!(View::from_name(view.name()), Some(view));
        }
        assert_eq!(View::from_name("Graph"), None);
        assert_eq!(View::from_name(""), None);
    }

    #[test]
    fn tabs_have_labels_and_the_findings_views_do_not() {
        assert!(View::TABS.iter().all(|v| v.tab_label().is_some()));
        assert_eq!(View::Diagnostics.tab_label(), None);
        assert_eq!(View::Fixes.tab_label(), None);
    }
}
