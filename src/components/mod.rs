//! Yew components, one per file. They render engine state and dispatch pupil actions; no
//! language or world logic lives here.

#[cfg(feature = "full")]
pub mod ai_panel;
#[cfg(feature = "full")]
pub mod ai_view;
pub mod app;
pub mod app_loading;
#[cfg(feature = "full")]
pub mod arena_stage;
pub mod block_editor;
pub mod block_view;
#[cfg(feature = "full")]
pub mod course_map;
#[cfg(feature = "full")]
pub mod editor;
pub mod goal_list;
pub mod grid_stage;
pub mod i18n;
pub mod instructions;
pub mod language_picker;
pub mod lesson_parts;
#[cfg(feature = "full")]
pub mod lesson_sheet;
pub mod lesson_view;
pub mod live_style;
pub mod pen_layer;
#[cfg(feature = "full")]
pub mod predict_panel;
#[cfg(feature = "full")]
pub mod presenter_help;
#[cfg(feature = "full")]
pub mod presenter_keys;
pub mod run_controls;
pub mod stage;
#[cfg(feature = "full")]
pub mod timeline_bar;
