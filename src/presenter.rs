//! Presenter keys: which key does what when a teacher drives a lesson from the front of the
//! class, with a presenter remote (Page Up, Page Down, B or period) or the keyboard. Plain Rust,
//! tested natively; `components::presenter_keys` listens on the page and `presenter_help`
//! lists [`KEYS`] in the teacher's language.

/// What a presenter key asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    /// Runs the program, or pauses it while it runs.
    RunPause,
    Step,
    StepBack,
    Reset,
    PreviousLesson,
    NextLesson,
    /// Projector mode on or off.
    Projector,
    /// The list of keys on or off.
    Help,
    /// Closes the list of keys, else leaves projector mode (a remote's "stop" button).
    Close,
    /// Teacher mode: the reference solution in the editor, or the pupil's program back.
    Solution,
    /// Teacher mode: predict-then-run on or off.
    Predict,
    /// Predict-then-run: the class's answer, choice 1 to 4.
    Answer(u8),
}

/// One key press as the page reports it: `key` is what the layout typed, `code` the physical
/// key (so R runs on an Arabic or a French keyboard too).
#[derive(Clone, Copy, Debug, Default)]
pub struct Press<'a> {
    pub key: &'a str,
    pub code: &'a str,
    pub shift: bool,
    /// Control, Alt or Meta held: the browser's own shortcuts (Ctrl+R reloads) stay its own.
    pub modifier: bool,
}

/// Every command with the catalogue keys of its keys (as printed on the teacher's keyboard:
/// "Page Down" is "Pg Suiv" in French) and of what it does. Letters are those of a Latin
/// keyboard; the physical key works on every layout.
pub const KEYS: [(Command, &str, &str); 12] = [
    (Command::RunPause, "presenter.keys.run-pause", "presenter.run-pause"),
    (Command::Step, "presenter.keys.step", "presenter.step"),
    (Command::StepBack, "presenter.keys.step-back", "presenter.step-back"),
    (Command::Reset, "presenter.keys.reset", "presenter.reset"),
    (Command::NextLesson, "presenter.keys.next-lesson", "presenter.next-lesson"),
    (Command::PreviousLesson, "presenter.keys.previous-lesson", "presenter.previous-lesson"),
    (Command::Solution, "presenter.keys.solution", "presenter.solution"),
    (Command::Predict, "presenter.keys.predict", "presenter.predict"),
    (Command::Answer(1), "presenter.keys.answer", "presenter.answer"),
    (Command::Projector, "presenter.keys.projector", "presenter.projector"),
    (Command::Help, "presenter.keys.help", "presenter.help"),
    (Command::Close, "presenter.keys.close", "presenter.close"),
];

/// The letter a key stands for: the typed one on a Latin layout, else the physical key's.
fn letter(p: &Press) -> Option<char> {
    let mut typed = p.key.chars();
    match (typed.next(), typed.next()) {
        (Some(c), None) if c.is_ascii_alphabetic() => Some(c.to_ascii_lowercase()),
        _ => p.code.strip_prefix("Key").and_then(|k| k.chars().next()).map(|c| c.to_ascii_lowercase()),
    }
}

/// The command for a key press, if it is a presenter key.
pub fn command_for(p: &Press) -> Option<Command> {
    if p.modifier {
        return None;
    }
    let by_key = match (p.key, p.shift) {
        ("PageDown", false) => Some(Command::Step),
        ("PageDown", true) => Some(Command::NextLesson),
        ("PageUp", false) => Some(Command::StepBack),
        ("PageUp", true) => Some(Command::PreviousLesson),
        ("Home", _) | ("0", _) => Some(Command::Reset),
        (".", _) | (" ", _) => Some(Command::RunPause),
        ("?", _) | ("؟", _) => Some(Command::Help),
        ("Escape", _) => Some(Command::Close),
        _ => None,
    };
    if by_key.is_some() {
        return by_key;
    }
    if p.code == "Digit0" || p.code == "Numpad0" {
        return Some(Command::Reset);
    }
    // 1 to 4 answer a question, by the typed digit or the key (AZERTY types & é " ').
    let digit = p.key.parse::<u8>().ok().or_else(|| {
        let code = p.code.strip_prefix("Digit").or_else(|| p.code.strip_prefix("Numpad"))?;
        code.parse().ok()
    });
    if let Some(n @ 1..=4) = digit {
        return Some(Command::Answer(n));
    }
    match letter(p)? {
        'r' | 'b' => Some(Command::RunPause),
        's' => Some(Command::Step),
        'z' => Some(Command::StepBack),
        'n' if p.shift => Some(Command::PreviousLesson),
        'n' => Some(Command::NextLesson),
        'l' => Some(Command::Solution),
        'q' => Some(Command::Predict),
        'p' => Some(Command::Projector),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(key: &str, code: &str) -> Option<Command> {
        command_for(&Press { key, code, ..Press::default() })
    }

    #[test]
    fn a_presenter_remote_steps_backs_and_runs() {
        assert_eq!(press("PageDown", "PageDown"), Some(Command::Step));
        assert_eq!(press("PageUp", "PageUp"), Some(Command::StepBack));
        // The remote's "black screen" button sends B on some models and a period on others.
        assert_eq!(press("b", "KeyB"), Some(Command::RunPause));
        assert_eq!(press(".", "Period"), Some(Command::RunPause));
        assert_eq!(press("Escape", "Escape"), Some(Command::Close));
    }

    #[test]
    fn letters_work_on_every_layout() {
        assert_eq!(press("R", "KeyR"), Some(Command::RunPause), "caps lock");
        // Arabic layout: the physical R key types ق.
        assert_eq!(press("ق", "KeyR"), Some(Command::RunPause));
        // French AZERTY: the key labelled Z is where QWERTY has W; the letter typed counts.
        assert_eq!(press("z", "KeyW"), Some(Command::StepBack));
        assert_eq!(press("à", "Digit0"), Some(Command::Reset), "0 without shift on AZERTY");
        assert_eq!(press("s", "KeyS"), Some(Command::Step));
        assert_eq!(press("p", "KeyP"), Some(Command::Projector));
        assert_eq!(press("l", "KeyL"), Some(Command::Solution));
        assert_eq!(press("q", "KeyQ"), Some(Command::Predict));
        assert_eq!(press("a", "KeyQ"), None, "AZERTY's A is where QWERTY has Q: the letter counts");
        assert_eq!(press("2", "Digit2"), Some(Command::Answer(2)));
        assert_eq!(press("é", "Digit2"), Some(Command::Answer(2)), "AZERTY without shift");
        assert_eq!(press("4", "Numpad4"), Some(Command::Answer(4)));
    }

    #[test]
    fn shift_turns_next_into_previous_and_steps_into_lessons() {
        let shifted = |key, code| command_for(&Press { key, code, shift: true, modifier: false });
        assert_eq!(press("n", "KeyN"), Some(Command::NextLesson));
        assert_eq!(shifted("N", "KeyN"), Some(Command::PreviousLesson));
        assert_eq!(shifted("PageDown", "PageDown"), Some(Command::NextLesson));
        assert_eq!(shifted("PageUp", "PageUp"), Some(Command::PreviousLesson));
        assert_eq!(shifted("?", "Slash"), Some(Command::Help));
        assert_eq!(shifted("؟", "Slash"), Some(Command::Help), "the Arabic question mark");
    }

    #[test]
    fn the_browsers_shortcuts_and_other_keys_are_left_alone() {
        let held = Press { key: "r", code: "KeyR", shift: false, modifier: true };
        assert_eq!(command_for(&held), None, "Ctrl+R still reloads");
        for (key, code) in
            [("a", "KeyA"), ("Enter", "Enter"), ("ArrowDown", "ArrowDown"), ("Tab", "Tab"), ("5", "Digit5")]
        {
            assert_eq!(press(key, code), None, "{key}");
        }
    }

    #[test]
    fn the_help_lists_every_command_once() {
        let all = [
            Command::RunPause,
            Command::Step,
            Command::StepBack,
            Command::Reset,
            Command::PreviousLesson,
            Command::NextLesson,
            Command::Projector,
            Command::Help,
            Command::Close,
            Command::Solution,
            Command::Predict,
            Command::Answer(1),
        ];
        for c in all {
            assert_eq!(KEYS.iter().filter(|(k, ..)| *k == c).count(), 1, "{c:?}");
        }
    }
}
