//! The [`Context`] every provider handler receives: cancellation and an optional deadline.
//!
//! Terraform sends `StopProvider` when the user interrupts a run. The server then cancels the
//! token of every call in flight, so long operations can stop early and report why; the server
//! itself keeps running, and calls that arrive afterwards get a fresh token.

use std::fmt;
use std::future::Future;
use std::time::Duration;

use tokio::time::Instant;
use tokio_util::sync::CancellationToken;

/// What a handler is told about the call it serves: whether Terraform asked it to stop, and by
/// when it must finish.
///
/// Cloning is cheap; clones share the same cancellation.
///
/// ```
/// # async fn demo() {
/// use std::time::Duration;
/// use tfplugin::Context;
///
/// let ctx = Context::new();
/// ctx.cancel();
/// assert!(ctx.sleep(Duration::from_secs(60)).await.is_err());
/// # }
/// ```
#[derive(Clone, Debug, Default)]
pub struct Context {
    token: CancellationToken,
    deadline: Option<Instant>,
}

/// The error of a wait that ended because the call was cancelled or ran past its deadline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cancelled {
    /// Terraform asked the provider to stop (`StopProvider`, usually after Ctrl-C).
    Stopped,
    /// The call's deadline passed.
    DeadlineExceeded,
}

impl fmt::Display for Cancelled {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Cancelled::Stopped => f.write_str(
                "the operation was cancelled because terraform asked the provider to stop",
            ),
            Cancelled::DeadlineExceeded => f.write_str("the operation ran past its deadline"),
        }
    }
}

impl std::error::Error for Cancelled {}

impl Context {
    /// A context that is never cancelled unless [`Context::cancel`] is called, with no deadline.
    pub fn new() -> Self {
        Self::default()
    }

    /// A context driven by an existing token (the server passes its current stop token).
    pub fn from_token(token: CancellationToken) -> Self {
        Self {
            token,
            deadline: None,
        }
    }

    /// The same context with a deadline `timeout` from now (or the earlier existing one).
    pub fn with_timeout(self, timeout: Duration) -> Self {
        self.with_deadline(Instant::now() + timeout)
    }

    /// The same context with the given deadline (or the earlier existing one).
    pub fn with_deadline(mut self, deadline: Instant) -> Self {
        self.deadline = Some(match self.deadline {
            Some(existing) if existing < deadline => existing,
            _ => deadline,
        });
        self
    }

    /// The deadline, if one was set.
    pub fn deadline(&self) -> Option<Instant> {
        self.deadline
    }

    /// The cancellation token, for handing to other libraries.
    pub fn token(&self) -> &CancellationToken {
        &self.token
    }

    /// Cancels this context and every clone of it.
    pub fn cancel(&self) {
        self.token.cancel();
    }

    /// Whether the call was cancelled or its deadline has passed.
    pub fn is_cancelled(&self) -> bool {
        self.check().is_err()
    }

    /// `Ok(())` while the call may go on, otherwise why it must stop.
    pub fn check(&self) -> Result<(), Cancelled> {
        if self.token.is_cancelled() {
            return Err(Cancelled::Stopped);
        }
        match self.deadline {
            Some(deadline) if Instant::now() >= deadline => Err(Cancelled::DeadlineExceeded),
            _ => Ok(()),
        }
    }

    /// Completes when the call is cancelled or its deadline passes, telling which.
    pub async fn cancelled(&self) -> Cancelled {
        match self.deadline {
            Some(deadline) => tokio::select! {
                () = self.token.cancelled() => Cancelled::Stopped,
                () = tokio::time::sleep_until(deadline) => Cancelled::DeadlineExceeded,
            },
            None => {
                self.token.cancelled().await;
                Cancelled::Stopped
            }
        }
    }

    /// Waits for `duration`, or less if the call is cancelled first.
    pub async fn sleep(&self, duration: Duration) -> Result<(), Cancelled> {
        self.run(tokio::time::sleep(duration)).await
    }

    /// Runs `future` to completion unless the call is cancelled first, in which case the future
    /// is dropped.
    pub async fn run<F: Future>(&self, future: F) -> Result<F::Output, Cancelled> {
        self.check()?;
        tokio::select! {
            biased;
            why = self.cancelled() => Err(why),
            out = future => Ok(out),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn sleep_completes_when_not_cancelled() {
        let ctx = Context::new();
        assert_eq!(ctx.sleep(Duration::from_millis(5)).await, Ok(()));
        assert!(!ctx.is_cancelled());
    }

    #[tokio::test]
    async fn cancel_interrupts_a_sleep_from_another_task() {
        let ctx = Context::new();
        let other = ctx.clone();
        let started = std::time::Instant::now();
        tokio::spawn(async move {
            tokio::time::sleep(Duration::from_millis(20)).await;
            other.cancel();
        });
        assert_eq!(
            ctx.sleep(Duration::from_secs(30)).await,
            Err(Cancelled::Stopped)
        );
        assert!(started.elapsed() < Duration::from_secs(5));
        assert!(ctx.is_cancelled());
    }

    #[tokio::test]
    async fn deadline_ends_a_wait() {
        let ctx = Context::new().with_timeout(Duration::from_millis(10));
        assert_eq!(
            ctx.sleep(Duration::from_secs(30)).await,
            Err(Cancelled::DeadlineExceeded)
        );
        assert_eq!(ctx.check(), Err(Cancelled::DeadlineExceeded));
    }

    #[tokio::test]
    async fn run_drops_the_future_when_cancelled() {
        let ctx = Context::new();
        assert_eq!(ctx.run(async { 7 }).await, Ok(7));
        ctx.cancel();
        let never = std::future::pending::<()>();
        assert_eq!(ctx.run(never).await, Err(Cancelled::Stopped));
        assert_eq!(ctx.cancelled().await, Cancelled::Stopped);
    }

    #[test]
    fn the_earlier_deadline_wins() {
        let now = Instant::now();
        let ctx = Context::new()
            .with_deadline(now + Duration::from_secs(5))
            .with_deadline(now + Duration::from_secs(50));
        assert_eq!(ctx.deadline(), Some(now + Duration::from_secs(5)));
    }
}
