//! Bringing a progress file into a device that already holds work: stars keep the best, a
//! program comes in only where the device has none (or the same one), and a different
//! program already on the device is never replaced silently: it is listed, for the pupil to
//! decide.

use super::{LessonWork, Progress, SavedProgram};

/// What reading a progress file into a device changes, and what it leaves for the pupil.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Merge {
    /// Lessons whose stars rise, with the new count.
    pub stars: Vec<(String, u8)>,
    /// Programs to save: the device had none for these lessons.
    pub programs: Vec<(String, SavedProgram)>,
    /// The file's program where the device already has a different one: the device's is
    /// kept unless the pupil chooses the file's.
    pub conflicts: Vec<(String, SavedProgram)>,
    /// Lessons of the file already on the device as they are.
    pub unchanged: usize,
}

impl Merge {
    /// Whether anything would be written without asking.
    pub fn changes(&self) -> bool {
        !self.stars.is_empty() || !self.programs.is_empty()
    }
}

/// Merges `incoming` into `device` (each lesson's work on this device; lessons missing from
/// it have none).
pub fn merge(device: &[LessonWork], incoming: &Progress) -> Merge {
    let mut out = Merge::default();
    for work in &incoming.lessons {
        let here = device.iter().find(|d| d.lesson == work.lesson);
        let here_stars = here.map_or(0, |d| d.stars);
        let mut changed = false;
        if work.stars > here_stars {
            out.stars.push((work.lesson.clone(), work.stars));
            changed = true;
        }
        if let Some(program) = &work.program {
            match here.and_then(|d| d.program.as_ref()).filter(|p| !p.source.trim().is_empty()) {
                // An empty program is no work to keep.
                None => {
                    out.programs.push((work.lesson.clone(), program.clone()));
                    changed = true;
                }
                Some(mine) if same(mine, program) => {}
                Some(_) => {
                    out.conflicts.push((work.lesson.clone(), program.clone()));
                    changed = true;
                }
            }
        }
        if !changed {
            out.unchanged += 1;
        }
    }
    out
}

/// Two programs are the same if they differ only by spaces at their ends.
fn same(a: &SavedProgram, b: &SavedProgram) -> bool {
    a.lang == b.lang && a.source.trim() == b.source.trim()
}
