//! Where the provider under test sends its API calls: one trait, one file per target.
//!
//! [`test_env`] is the one place that chooses: the emulator unless `TF_ACC_LIVE=1`.

pub(crate) mod emulator;
pub(crate) mod live;

/// A Palette API the provider can be pointed at.
pub(crate) trait TestEnv {
    /// A short name for messages: `emulator` or `live`.
    fn name(&self) -> &'static str;

    /// The variables that configure the provider: `PALETTE_HOST`, `PALETTE_API_KEY` and
    /// `PALETTE_PROJECT`.
    fn provider_env(&self) -> Vec<(&'static str, String)>;

    /// The emulator, for assertions only it can answer (request counts, fault injection).
    fn emulator(&self) -> Option<&emulator::Emulator> {
        None
    }
}

/// The target for tests that run anywhere: a real tenant with `TF_ACC_LIVE=1`, else a fresh
/// emulator.
pub(crate) fn test_env() -> Box<dyn TestEnv> {
    match live_env() {
        Some(live) => Box::new(live),
        None => Box::new(emulator::Emulator::start()),
    }
}

/// The real tenant, only when `TF_ACC_LIVE=1`; tests that need one return early without it.
pub(crate) fn live_env() -> Option<live::Live> {
    live::Live::from_env()
}
