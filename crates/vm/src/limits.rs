//! Safety limits as one value type: a run that reaches any of them ends with a friendly
//! message, never a hang, a crash or a frozen page.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Instructions in one whole run.
    pub max_steps: u64,
    /// Robot actions in one whole run (each one is animated, so this bounds the replay).
    pub max_actions: u64,
    /// Iterations of any one loop, each time it is entered.
    pub max_loop_iterations: u64,
    /// Procedure calls in progress at once (recursion depth).
    pub max_call_depth: usize,
    /// Values in one list, counting at every level those of the lists inside it (a list
    /// nested in itself doubles at each step, so its top-level length alone bounds nothing).
    pub max_list_len: usize,
    /// Characters in one text, and in what `say` writes.
    pub max_text_len: usize,
}

/// How deeply lists may nest in one list. Not a setting: printing, comparing and dropping a
/// list recurse on it, so this bounds the stack they use.
pub const MAX_LIST_DEPTH: usize = 100;

impl Default for Limits {
    /// Generous for any lesson, small enough that a runaway run ends within a second or two.
    fn default() -> Limits {
        Limits {
            max_steps: 20_000_000,
            max_actions: 5_000,
            max_loop_iterations: 1_000_000,
            max_call_depth: 200,
            max_list_len: 10_000,
            max_text_len: 10_000,
        }
    }
}
