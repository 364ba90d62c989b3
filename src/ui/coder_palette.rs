//! The one palette of coder colours in review mode. A compared coder has the same colour in the
//! coder choice, the legend, the differences list, the decision buttons, the compare view's
//! underlines and the charts: each asks [`coder_colour`] with the same list of compared coders
//! (sorted by name, as [`super::review::Review::chosen`] gives it), so a coder's colour depends
//! on their name among those compared and on nothing a single view does.

use egui::Color32;

/// Colours for up to six compared coders (then they repeat); none of them is a difference
/// kind's outline colour.
const PALETTE: [Color32; 6] = [
    Color32::from_rgb(160, 140, 230),
    Color32::from_rgb(200, 150, 60),
    Color32::from_rgb(120, 190, 60),
    Color32::from_rgb(230, 120, 200),
    Color32::from_rgb(170, 170, 170),
    Color32::from_rgb(60, 190, 190),
];

/// Colour for a coder who is not among the compared ones.
const OTHER: Color32 = Color32::from_rgb(128, 128, 128);

/// The colour of `coder` among the `compared` coders.
pub fn coder_colour(compared: &[String], coder: &str) -> Color32 {
    compared
        .iter()
        .position(|c| c == coder)
        .map_or(OTHER, |i| PALETTE[i % PALETTE.len()])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_coder_keeps_their_colour_by_name() {
        let two = vec!["anna".to_string(), "ben".to_string()];
        assert_ne!(coder_colour(&two, "anna"), coder_colour(&two, "ben"));
        assert_eq!(coder_colour(&two, "ben"), PALETTE[1]);
        assert_eq!(coder_colour(&two, "carl"), OTHER);
    }
}
