//! The `palette-emulator` binary: parses flags, starts the emulator and serves until Ctrl-C.
//!
//! The first stdout line is `palette-emulator listening on http://ADDR` (`https://ADDR` with
//! `--tls-cert`), so a parent process can learn the port when it asked for port 0. When no
//! `--api-key` is given, the second line is `palette-emulator api key: KEY` with the key it made
//! up. SIGINT (Ctrl-C) and SIGTERM stop it.

use std::io::Write;
use std::process::ExitCode;

use palette_emulator::{Config, config::USAGE};

#[tokio::main]
async fn main() -> ExitCode {
    let config = match Config::from_args(std::env::args().skip(1)) {
        Ok(Some(config)) => config,
        Ok(None) => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("palette-emulator: {message}");
            return ExitCode::from(2);
        }
    };
    let handle = match palette_emulator::start(config).await {
        Ok(handle) => handle,
        Err(err) => {
            eprintln!("palette-emulator: {err}");
            return ExitCode::FAILURE;
        }
    };
    let stop = StopSignals::install();
    let mut stdout = std::io::stdout();
    let _ = writeln!(
        stdout,
        "palette-emulator listening on {}",
        handle.base_url()
    );
    if handle.generated_key() {
        let _ = writeln!(stdout, "palette-emulator api key: {}", handle.api_key());
    }
    let _ = stdout.flush();
    stop.wait().await;
    handle.shutdown().await;
    ExitCode::SUCCESS
}

/// Ctrl-C, or SIGTERM on Unix. Made before the address is printed, so a parent that signals
/// as soon as it reads the first line is heard.
struct StopSignals {
    #[cfg(unix)]
    unix: Option<(tokio::signal::unix::Signal, tokio::signal::unix::Signal)>,
}

impl StopSignals {
    fn install() -> Self {
        #[cfg(unix)]
        {
            use tokio::signal::unix::{SignalKind, signal};
            let unix = signal(SignalKind::interrupt())
                .ok()
                .zip(signal(SignalKind::terminate()).ok());
            StopSignals { unix }
        }
        #[cfg(not(unix))]
        StopSignals {}
    }

    async fn wait(self) {
        #[cfg(unix)]
        if let Some((mut int, mut term)) = self.unix {
            tokio::select! {
                _ = int.recv() => {}
                _ = term.recv() => {}
            }
            return;
        }
        let _ = tokio::signal::ctrl_c().await;
    }
}
