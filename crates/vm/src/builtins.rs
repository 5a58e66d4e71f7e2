//! The table of robot and world built-ins: what each one is called in code, how many
//! arguments it takes, and whether it is an action (a statement the pupil sees happen) or a
//! sensor (an expression that reads the world).

/// A built-in the VM hands to its [`crate::Host`]. Lessons allow a subset by key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Builtin {
    // Grid actions.
    Move,
    TurnLeft,
    TurnRight,
    PickUp,
    PutDown,
    Paint,
    Say,
    // Pen and continuous robot.
    PenUp,
    PenDown,
    PenColour,
    PenWidth,
    Motors,
    Wait,
    Drive,
    Turn,
    // Sensors.
    WallAhead,
    WallLeft,
    WallRight,
    OnItem,
    ItemCount,
    TileColour,
    AtGoal,
    FacingNorth,
    FacingEast,
    FacingSouth,
    FacingWest,
    BagEmpty,
    Distance,
    LineSensor,
    // Introductory AI (crates/ai), only in builds that play AI lessons (the full app).
    #[cfg(feature = "ai")]
    Record,
    #[cfg(feature = "ai")]
    Forget,
    #[cfg(feature = "ai")]
    Practise,
    #[cfg(feature = "ai")]
    BestMove,
    #[cfg(feature = "ai")]
    ItemReward,
    #[cfg(feature = "ai")]
    Prediction,
    #[cfg(feature = "ai")]
    ItemSize,
    #[cfg(feature = "ai")]
    ItemDarkness,
    #[cfg(feature = "ai")]
    ItemWeight,
    #[cfg(feature = "ai")]
    FloorLeft,
    #[cfg(feature = "ai")]
    FloorRight,
    #[cfg(feature = "ai")]
    Answer,
    #[cfg(feature = "ai")]
    Neighbours,
    #[cfg(feature = "ai")]
    TreeDepth,
    #[cfg(feature = "ai")]
    Epochs,
    #[cfg(feature = "ai")]
    LearningRate,
    #[cfg(feature = "ai")]
    Explore,
    // Switches of classic puzzles, only in builds that play them (the full app).
    #[cfg(feature = "puzzles")]
    Toggle,
    #[cfg(feature = "puzzles")]
    SwitchOn,
    #[cfg(feature = "puzzles")]
    SwitchOff,
    // Lists a program reads and changes, only in builds that have them (the full app).
    #[cfg(feature = "lists")]
    ItemOf,
    #[cfg(feature = "lists")]
    LengthOf,
    #[cfg(feature = "lists")]
    AddTo,
    #[cfg(feature = "lists")]
    RemoveItem,
    #[cfg(feature = "lists")]
    ReplaceItem,
}

/// Whether a built-in is used as a statement or as a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BuiltinKind {
    Action,
    Sensor,
}

impl Builtin {
    /// Every built-in: the core ones, then the AI ones, the puzzles' and the lists' in builds
    /// that have them (`ai` brings `puzzles`, which brings `lists`).
    #[cfg(not(feature = "lists"))]
    pub const ALL: [Builtin; 29] = Builtin::CORE;
    #[cfg(all(feature = "lists", not(feature = "puzzles")))]
    pub const ALL: [Builtin; 34] = joined([&Builtin::CORE, &Builtin::LISTS]);
    #[cfg(all(feature = "puzzles", not(feature = "ai")))]
    pub const ALL: [Builtin; 37] = joined([&Builtin::CORE, &Builtin::PUZZLES, &Builtin::LISTS]);
    #[cfg(feature = "ai")]
    pub const ALL: [Builtin; 54] = joined([&Builtin::CORE, &Builtin::AI, &Builtin::PUZZLES, &Builtin::LISTS]);

    /// What a program does with a list besides writing one and going through it:
    /// `item 2 of scores` and `length of scores` read it; `add 5 to scores`, `remove item 2
    /// of scores` and `replace item 2 of scores with 7` change the list a variable holds.
    /// The VM works them out itself (no world sees them): see [`Builtin::list_changed`].
    #[cfg(feature = "lists")]
    pub const LISTS: [Builtin; 5] =
        [Builtin::ItemOf, Builtin::LengthOf, Builtin::AddTo, Builtin::RemoveItem, Builtin::ReplaceItem];

    /// For a built-in that changes a list: which of its values names the variable holding it
    /// (the compiler stores the changed list back there).
    #[cfg(feature = "lists")]
    pub fn list_changed(self) -> Option<usize> {
        matches!(self, Builtin::AddTo | Builtin::RemoveItem | Builtin::ReplaceItem).then_some(1)
    }

    /// The switches of classic puzzles: `toggle` flips the switch under the robot; `switch
    /// on` and `switch off` say whether the robot stands on a switch that is on (or off).
    #[cfg(feature = "puzzles")]
    pub const PUZZLES: [Builtin; 3] = [Builtin::Toggle, Builtin::SwitchOn, Builtin::SwitchOff];

    /// The AI built-ins: recording, predicting and forgetting examples, the floor sensors
    /// the road lessons learn from, the answer of a rule written by hand, the models'
    /// settings, and learning from reward in a grid maze.
    #[cfg(feature = "ai")]
    pub const AI: [Builtin; 17] = [
        Builtin::Record,
        Builtin::Forget,
        Builtin::Practise,
        Builtin::BestMove,
        Builtin::ItemReward,
        Builtin::Prediction,
        Builtin::ItemSize,
        Builtin::ItemDarkness,
        Builtin::ItemWeight,
        Builtin::FloorLeft,
        Builtin::FloorRight,
        Builtin::Answer,
        Builtin::Neighbours,
        Builtin::TreeDepth,
        Builtin::Epochs,
        Builtin::LearningRate,
        Builtin::Explore,
    ];

    const CORE: [Builtin; 29] = [
        Builtin::Move,
        Builtin::TurnLeft,
        Builtin::TurnRight,
        Builtin::PickUp,
        Builtin::PutDown,
        Builtin::Paint,
        Builtin::Say,
        Builtin::PenUp,
        Builtin::PenDown,
        Builtin::PenColour,
        Builtin::PenWidth,
        Builtin::Motors,
        Builtin::Wait,
        Builtin::Drive,
        Builtin::Turn,
        Builtin::WallAhead,
        Builtin::WallLeft,
        Builtin::WallRight,
        Builtin::OnItem,
        Builtin::ItemCount,
        Builtin::TileColour,
        Builtin::AtGoal,
        Builtin::FacingNorth,
        Builtin::FacingEast,
        Builtin::FacingSouth,
        Builtin::FacingWest,
        Builtin::BagEmpty,
        Builtin::Distance,
        Builtin::LineSensor,
    ];

    /// The language-neutral key used by lesson toolboxes and the message catalogue.
    pub fn key(self) -> &'static str {
        match self {
            Builtin::Move => "move",
            Builtin::TurnLeft => "turn_left",
            Builtin::TurnRight => "turn_right",
            Builtin::PickUp => "pick_up",
            Builtin::PutDown => "put_down",
            Builtin::Paint => "paint",
            Builtin::Say => "say",
            Builtin::PenUp => "pen_up",
            Builtin::PenDown => "pen_down",
            Builtin::PenColour => "pen_colour",
            Builtin::PenWidth => "pen_width",
            Builtin::Motors => "motors",
            Builtin::Wait => "wait",
            Builtin::Drive => "drive",
            Builtin::Turn => "turn",
            Builtin::WallAhead => "wall_ahead",
            Builtin::WallLeft => "wall_left",
            Builtin::WallRight => "wall_right",
            Builtin::OnItem => "on_item",
            Builtin::ItemCount => "item_count",
            Builtin::TileColour => "tile_colour",
            Builtin::AtGoal => "at_goal",
            Builtin::FacingNorth => "facing_north",
            Builtin::FacingEast => "facing_east",
            Builtin::FacingSouth => "facing_south",
            Builtin::FacingWest => "facing_west",
            Builtin::BagEmpty => "bag_empty",
            Builtin::Distance => "distance",
            Builtin::LineSensor => "line_sensor",
            #[cfg(feature = "ai")]
            Builtin::Record => "record",
            #[cfg(feature = "ai")]
            Builtin::Forget => "forget",
            #[cfg(feature = "ai")]
            Builtin::Practise => "practise",
            #[cfg(feature = "ai")]
            Builtin::BestMove => "best_move",
            #[cfg(feature = "ai")]
            Builtin::ItemReward => "item_reward",
            #[cfg(feature = "ai")]
            Builtin::Prediction => "prediction",
            #[cfg(feature = "ai")]
            Builtin::ItemSize => "item_size",
            #[cfg(feature = "ai")]
            Builtin::ItemDarkness => "item_darkness",
            #[cfg(feature = "ai")]
            Builtin::ItemWeight => "item_weight",
            #[cfg(feature = "ai")]
            Builtin::FloorLeft => "floor_left",
            #[cfg(feature = "ai")]
            Builtin::FloorRight => "floor_right",
            #[cfg(feature = "ai")]
            Builtin::Answer => "answer",
            #[cfg(feature = "ai")]
            Builtin::Neighbours => "neighbours",
            #[cfg(feature = "ai")]
            Builtin::TreeDepth => "tree_depth",
            #[cfg(feature = "ai")]
            Builtin::Epochs => "epochs",
            #[cfg(feature = "ai")]
            Builtin::LearningRate => "learning_rate",
            #[cfg(feature = "ai")]
            Builtin::Explore => "explore",
            #[cfg(feature = "puzzles")]
            Builtin::Toggle => "toggle",
            #[cfg(feature = "puzzles")]
            Builtin::SwitchOn => "switch_on",
            #[cfg(feature = "puzzles")]
            Builtin::SwitchOff => "switch_off",
            #[cfg(feature = "lists")]
            Builtin::ItemOf => "item_of",
            #[cfg(feature = "lists")]
            Builtin::LengthOf => "length_of",
            #[cfg(feature = "lists")]
            Builtin::AddTo => "add_to",
            #[cfg(feature = "lists")]
            Builtin::RemoveItem => "remove_item",
            #[cfg(feature = "lists")]
            Builtin::ReplaceItem => "replace_item",
        }
    }

    /// Looks a built-in up by its [`Builtin::key`].
    pub fn from_key(key: &str) -> Option<Builtin> {
        Builtin::ALL.into_iter().find(|b| b.key() == key)
    }

    pub fn kind(self) -> BuiltinKind {
        match self {
            Builtin::Move
            | Builtin::TurnLeft
            | Builtin::TurnRight
            | Builtin::PickUp
            | Builtin::PutDown
            | Builtin::Paint
            | Builtin::Say
            | Builtin::PenUp
            | Builtin::PenDown
            | Builtin::PenColour
            | Builtin::PenWidth
            | Builtin::Motors
            | Builtin::Wait
            | Builtin::Drive
            | Builtin::Turn => BuiltinKind::Action,
            #[cfg(feature = "ai")]
            Builtin::Record
            | Builtin::Forget
            | Builtin::Practise
            | Builtin::BestMove
            | Builtin::ItemReward
            | Builtin::Answer
            | Builtin::Neighbours
            | Builtin::TreeDepth
            | Builtin::Epochs
            | Builtin::LearningRate
            | Builtin::Explore => BuiltinKind::Action,
            #[cfg(feature = "puzzles")]
            Builtin::Toggle => BuiltinKind::Action,
            #[cfg(feature = "lists")]
            Builtin::AddTo | Builtin::RemoveItem | Builtin::ReplaceItem => BuiltinKind::Action,
            _ => BuiltinKind::Sensor,
        }
    }

    /// How many arguments the built-in takes (written after its name, separated by commas).
    pub fn arity(self) -> usize {
        match self {
            Builtin::Paint
            | Builtin::Say
            | Builtin::Wait
            | Builtin::PenColour
            | Builtin::PenWidth
            | Builtin::Drive
            | Builtin::Turn => 1,
            Builtin::Motors => 2,
            #[cfg(feature = "ai")]
            Builtin::Record
            | Builtin::Practise
            | Builtin::ItemReward
            | Builtin::Answer
            | Builtin::Neighbours
            | Builtin::TreeDepth
            | Builtin::Epochs
            | Builtin::LearningRate
            | Builtin::Explore => 1,
            #[cfg(feature = "lists")]
            Builtin::LengthOf => 1,
            #[cfg(feature = "lists")]
            Builtin::ItemOf | Builtin::AddTo | Builtin::RemoveItem => 2,
            #[cfg(feature = "lists")]
            Builtin::ReplaceItem => 3,
            _ => 0,
        }
    }
}

/// The built-ins of `parts`, one after another (`N` must be their total).
#[cfg(feature = "lists")]
const fn joined<const N: usize, const P: usize>(parts: [&[Builtin]; P]) -> [Builtin; N] {
    let mut all = [Builtin::Move; N];
    let (mut i, mut p) = (0, 0);
    while p < P {
        let mut j = 0;
        while j < parts[p].len() {
            all[i] = parts[p][j];
            i += 1;
            j += 1;
        }
        p += 1;
    }
    assert!(i == N, "N must be the number of built-ins in the parts");
    all
}

/// Tile and pen colours. Code names them with words from the pupil's language; the value
/// the VM sees is the canonical key, so programs behave the same in every language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Colour {
    Red,
    Green,
    Blue,
    Yellow,
    Black,
    White,
}

impl Colour {
    pub const ALL: [Colour; 6] =
        [Colour::Red, Colour::Green, Colour::Blue, Colour::Yellow, Colour::Black, Colour::White];

    pub fn key(self) -> &'static str {
        match self {
            Colour::Red => "red",
            Colour::Green => "green",
            Colour::Blue => "blue",
            Colour::Yellow => "yellow",
            Colour::Black => "black",
            Colour::White => "white",
        }
    }

    pub fn from_key(key: &str) -> Option<Colour> {
        Colour::ALL.into_iter().find(|c| c.key() == key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip() {
        for b in Builtin::ALL {
            assert_eq!(Builtin::from_key(b.key()), Some(b));
        }
        for c in Colour::ALL {
            assert_eq!(Colour::from_key(c.key()), Some(c));
        }
    }
}
