//! A local, stateful Palette API.
