//! What belongs to the person using Chorus rather than to a client's workspace: the list of
//! recent workspaces and the app preferences, each a small JSON file in the app's config folder.

mod config_file;
pub mod preferences;
pub mod recent;
