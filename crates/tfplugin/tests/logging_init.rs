//! `logging::init` installs the global subscriber once, at the level `TF_LOG` chooses, and a
//! second call changes nothing. A test binary of its own: no other test here installs or
//! scopes a subscriber that would move the global maximum level.

use tracing::level_filters::LevelFilter;

#[test]
fn init_installs_the_global_subscriber_once_at_the_chosen_level() {
    assert!(
        !tracing::dispatcher::has_been_set(),
        "nothing installed yet"
    );
    let level = tfplugin::logging::level_from_env();

    tfplugin::logging::init();
    assert!(tracing::dispatcher::has_been_set());
    assert_eq!(LevelFilter::current(), level);
    let first = tracing::dispatcher::get_default(|d| format!("{d:?}"));

    tfplugin::logging::init();
    assert_eq!(LevelFilter::current(), level);
    let second = tracing::dispatcher::get_default(|d| format!("{d:?}"));
    assert_eq!(first, second, "the second call kept the first subscriber");
}
