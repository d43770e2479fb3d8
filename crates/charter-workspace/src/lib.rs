//! A Charter workspace: its `charter.toml`, the contract files it names, the contracts they
//! hold, and the registry that resolves references between them.

pub mod config;
pub mod discover;
pub mod load;
pub mod refs;
pub mod registry;

pub use config::{Config, Level};
pub use load::{DocContext, Loaded, Retain, SourceFile, Workspace};
pub use refs::{RefSite, RefTarget};
pub use registry::Registry;
