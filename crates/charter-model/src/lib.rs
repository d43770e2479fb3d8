//! The Charter contract model.
//!
//! Data flows `bytes -> parse -> Node -> de -> Contract`. [`Node`] keeps a source position
//! for every value, so every later check can point at the exact field it is about.

pub mod de;
pub mod node;
pub mod parse;
pub mod span;
pub mod types;

pub use node::{Entry, Node, Value};
pub use parse::{Format, ParseError};
pub use span::{LineIndex, Span};
pub use types::*;
