//! The command line's arguments, read one way for every subcommand: `--help` (or `-h`)
//! anywhere prints the subcommand's usage, an unknown option or one argument too many is a
//! usage error (exit 2), and options take their value as `--opt VALUE` or `--opt=VALUE`.
//! Hand-written rather than a crate: four subcommands with a handful of options, and a new
//! dependency would touch the workspace's shared lock file for very little.

/// Why a subcommand stopped without its work done.
#[derive(Debug, PartialEq)]
pub enum Stop {
    /// `--help` was asked for: print the usage, exit 0.
    Help,
    /// The arguments were wrong: print the message and the usage, exit 2.
    Usage(String),
    /// The work itself failed (a file missing, a lesson refused): print the message, exit 2.
    Failed(String),
}

impl From<String> for Stop {
    fn from(message: String) -> Stop {
        Stop::Failed(message)
    }
}

impl From<&str> for Stop {
    fn from(message: &str) -> Stop {
        Stop::Failed(message.to_string())
    }
}

/// A subcommand's arguments, taken out as they are asked for.
pub struct Args {
    left: Vec<String>,
}

impl Args {
    pub fn new(args: &[String]) -> Result<Args, Stop> {
        // Before anything else: `tafukt run --help` must not open a file named `--help`.
        if args.iter().any(|a| a == "--help" || a == "-h") {
            return Err(Stop::Help);
        }
        Ok(Args { left: args.to_vec() })
    }

    /// Whether the switch `name` (e.g. `--check`) was given.
    pub fn switch(&mut self, name: &str) -> bool {
        let before = self.left.len();
        self.left.retain(|a| a != name);
        self.left.len() != before
    }

    /// The value of the option `name`, given as `name VALUE` or `name=VALUE` (the last wins).
    pub fn value(&mut self, name: &str) -> Result<Option<String>, Stop> {
        let mut found = None;
        let mut i = 0;
        while i < self.left.len() {
            if self.left[i] == name {
                if i + 1 >= self.left.len() || is_option(&self.left[i + 1]) {
                    return Err(Stop::Usage(format!("{name} needs a value")));
                }
                found = Some(self.left.remove(i + 1));
                self.left.remove(i);
            } else if let Some(v) = self.left[i].strip_prefix(name).and_then(|r| r.strip_prefix('=')) {
                found = Some(v.to_string());
                self.left.remove(i);
            } else {
                i += 1;
            }
        }
        Ok(found)
    }

    /// The positional arguments, once every option has been taken: at most `max` of them.
    pub fn finish(self, max: usize) -> Result<Vec<String>, Stop> {
        if let Some(o) = self.left.iter().find(|a| is_option(a)) {
            return Err(Stop::Usage(format!("unknown option `{o}`")));
        }
        if let Some(extra) = self.left.get(max) {
            return Err(Stop::Usage(format!("unexpected argument `{extra}`")));
        }
        Ok(self.left)
    }
}

/// `-` alone is a value (standard input), not an option.
fn is_option(arg: &str) -> bool {
    arg.starts_with('-') && arg != "-"
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Result<Args, Stop> {
        Args::new(&list.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn help_anywhere_wins_over_everything_else() {
        assert_eq!(args(&["prog.tfk", "--help"]).err(), Some(Stop::Help));
        assert_eq!(args(&["-h"]).err(), Some(Stop::Help));
    }

    #[test]
    fn options_take_values_both_ways_and_leftovers_are_usage_errors() {
        let mut a = args(&["-", "--lang=fr", "--seed", "3", "--check"]).unwrap();
        assert_eq!(a.value("--lang").unwrap().as_deref(), Some("fr"));
        assert_eq!(a.value("--seed").unwrap().as_deref(), Some("3"));
        assert!(a.switch("--check"));
        assert_eq!(a.finish(1).unwrap(), ["-"]);
        let mut a = args(&["--seed"]).unwrap();
        assert_eq!(a.value("--seed").err(), Some(Stop::Usage("--seed needs a value".into())));
        assert_eq!(
            args(&["--frobnicate"]).unwrap().finish(1).err(),
            Some(Stop::Usage("unknown option `--frobnicate`".into()))
        );
        assert_eq!(
            args(&["a", "b"]).unwrap().finish(1).err(),
            Some(Stop::Usage("unexpected argument `b`".into()))
        );
    }
}
