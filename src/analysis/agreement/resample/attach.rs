//! Intervals of a project's figures, and how they go onto a [`Report`]'s rows.

use super::super::caution::{Caution, CautionReason};
use super::super::corpus::{AgreementError, CorpusUnits};
use super::super::figure::Measure;
use super::super::options::{Average, Grouping, Options};
use super::super::reliability::Resampling;
use super::super::report::Report;
use super::{UnitizingIntervals, intervals};
use crate::model::project::Project;

/// The bootstrapped intervals of the corpus figures of `coders` on `project` by `options`
/// (the same documents [`super::super::compute_with`] uses). Slow next to the figures
/// themselves: the window runs it off the UI thread.
pub fn compute_intervals(
    project: &Project,
    coders: &[String],
    options: &Options,
    how: Resampling,
) -> Result<UnitizingIntervals, AgreementError> {
    let units = CorpusUnits::new(project, coders, options.documents)?;
    Ok(intervals(&units, how))
}

impl Report {
    /// Puts `intervals` on the overall row and the code rows. Only corpus figures of documents
    /// laid end to end get intervals (a document row rests on one document; a document average
    /// is another statistic); with one document the rows get a [`CautionReason::OneDocument`].
    pub fn attach(&mut self, intervals: &UnitizingIntervals) {
        self.bootstrap = Some(intervals.how);
        if self.average != Average::Corpus {
            return;
        }
        let one = intervals.documents < 2;
        let caution = Caution {
            measure: Some(Measure::UnitizingAlpha),
            reason: CautionReason::OneDocument,
        };
        let mark = |f: &mut super::super::Figures| {
            if !f.cautions.contains(&caution) {
                f.cautions.push(caution);
            }
        };
        if one {
            mark(&mut self.overall);
        } else {
            self.overall.intervals = intervals.overall.clone();
        }
        if self.grouping == Grouping::Code {
            for (row, iv) in self.rows.iter_mut().zip(&intervals.codes) {
                if one {
                    mark(&mut row.figures);
                } else {
                    row.figures.intervals = iv.clone();
                }
            }
        }
    }
}
