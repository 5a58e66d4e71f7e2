//! A lesson as pupils of one language load it: only that language's texts, instructions,
//! hints and questions turned from Markdown into bundled lesson text (`rich`), without the
//! teacher notes. `tafukt bundle` writes the course's lessons so; the teacher studio plays a
//! teacher's own lessons so.

use tafukt_lang::Lang;

use crate::markdown::to_rich_text;
use crate::model::{Lesson, Localized};

/// `text` keeping only `lang` (or English, if `lang` is missing), converted by `convert`.
pub fn one_language(
    text: &Localized,
    lang: Lang,
    convert: fn(&str) -> Result<String, String>,
) -> Result<Localized, String> {
    let mut out = Localized::default();
    out.0.insert(lang.tag().to_string(), convert(text.get(lang))?);
    Ok(out)
}

pub fn keep(text: &str) -> Result<String, String> {
    Ok(text.to_string())
}

/// The lesson as pupils of `lang` load it: its programs with the names in `lang`'s words
/// ([`crate::names`]), without its teacher notes, which go to a file of
/// their own ([`notes_for`]) that only teacher mode fetches.
pub fn lesson_for(lesson: &Lesson, lang: Lang) -> Result<Lesson, String> {
    let mut out = lesson.clone();
    out.schema = None;
    out.teacher_notes = None;
    crate::names::apply(&mut out, lang)?;
    // Used: the bundled form carries none.
    out.names = Default::default();
    out.other_solutions = Default::default();
    out.title = one_language(&lesson.title, lang, keep)?;
    out.instructions = one_language(&lesson.instructions, lang, to_rich_text)?;
    out.hints = lesson.hints.iter().map(|h| one_language(h, lang, to_rich_text)).collect::<Result<_, _>>()?;
    for q in &mut out.quiz {
        q.question = one_language(&q.question, lang, to_rich_text)?;
        q.choices = q.choices.iter().map(|c| one_language(c, lang, keep)).collect::<Result<_, _>>()?;
    }
    Ok(out)
}
