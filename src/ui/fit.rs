//! Fitting the window to a small screen: the window opens at 1280×800, and on a screen smaller
//! than that (a 1024×640 laptop, or a window manager that does not clamp) the status bar and the
//! bottom of the reader would lie off the screen. Once the monitor's size is known, a window
//! larger than it is shrunk to fit.

use egui::{Context, ViewportCommand, vec2};

/// Room left for the window's title bar and the desktop's panels, in points.
const DECORATION: f32 = 48.0;

/// Whether the window has been fitted to its monitor yet.
#[derive(Debug, Default)]
pub struct WindowFit {
    done: bool,
}

impl WindowFit {
    /// Shrinks the window to the monitor once, as soon as both sizes are known.
    pub fn fit(&mut self, ctx: &Context) {
        if self.done {
            return;
        }
        let (monitor, inner) = ctx.input(|i| (i.viewport().monitor_size, i.viewport().inner_rect));
        let (Some(monitor), Some(inner)) = (monitor, inner) else {
            return;
        };
        self.done = true;
        let room = vec2(monitor.x, (monitor.y - DECORATION).max(monitor.y * 0.8));
        let size = inner.size();
        if size.x > room.x || size.y > room.y {
            let fitted = vec2(size.x.min(room.x), size.y.min(room.y));
            ctx.send_viewport_cmd(ViewportCommand::InnerSize(fitted));
        }
    }
}
