//! Smooth drawing of a route. A route is vertical inside a layer's band and one straight
//! segment between two bands; each such segment is drawn as a cubic curve that leaves and
//! arrives vertically (control points at the middle height of the gap, above the start and
//! above the end). The curve stays inside the gap between the bands, where there are no boxes,
//! and two curves across the same gap cross exactly when their straight segments do (both
//! move along the same height profile and their horizontal distance changes monotonically), so
//! the counted crossings are the drawn ones.

use super::Route;

/// One step of a drawn route, in the drawing's coordinates.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Step {
    MoveTo((f64, f64)),
    LineTo((f64, f64)),
    /// A cubic Bézier curve: two control points and the end.
    CurveTo((f64, f64), (f64, f64), (f64, f64)),
}

impl Route {
    /// The route as a path of straight vertical lines and smooth curves between layers.
    pub fn smooth_path(&self) -> Vec<Step> {
        let mut steps = Vec::with_capacity(self.points.len());
        let mut previous: Option<(f64, f64)> = None;
        for &p in &self.points {
            steps.push(match previous {
                None => Step::MoveTo(p),
                Some(a) if a.0 == p.0 || a.1 == p.1 => Step::LineTo(p),
                Some(a) => {
                    let middle = ((a.1 + p.1) / 2.0).round();
                    Step::CurveTo((a.0, middle), (p.0, middle), p)
                }
            });
            previous = Some(p);
        }
        steps
    }
}
