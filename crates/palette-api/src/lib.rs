//! Palette REST API (v1): wire models shared with the emulator, and a client.
