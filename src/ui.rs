//! The browser front end (placeholder while the foundation is laid).

/// Mounts the app into the document body.
pub fn start() {}
