//! Where the plugin listens: a unix socket in `PLUGIN_UNIX_SOCKET_DIR` or the temporary
//! directory, or, when that cannot be had, TCP on 127.0.0.1 within Terraform's port range.
//!
//! Accepted connections are wrapped in [`Conn`], one type for plaintext and TLS streams over
//! either kind of socket, which is what tonic's `serve_with_incoming_shutdown` consumes.

use std::hash::{BuildHasher, Hasher};
use std::io;
use std::net::{Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::pin::Pin;
use std::task::{Context, Poll};

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpListener;

/// The port range go-plugin uses when Terraform sets none.
const DEFAULT_MIN_PORT: u16 = 10000;
const DEFAULT_MAX_PORT: u16 = 25000;

/// A bound listening socket.
pub(crate) enum Listener {
    #[cfg(unix)]
    Unix {
        listener: tokio::net::UnixListener,
        /// Removed when the listener is dropped.
        path: SocketFile,
    },
    Tcp(TcpListener),
}

impl Listener {
    /// Binds the socket the way go-plugin does on this platform.
    pub(crate) async fn bind() -> io::Result<Listener> {
        #[cfg(unix)]
        {
            match bind_unix() {
                Ok(listener) => return Ok(listener),
                Err(err) => {
                    tracing::warn!(error = %err, "cannot listen on a unix socket, using tcp");
                }
            }
        }
        bind_tcp().await
    }

    /// The network name for the handshake line and reattach string: `unix` or `tcp`.
    pub(crate) fn network(&self) -> &'static str {
        match self {
            #[cfg(unix)]
            Listener::Unix { .. } => "unix",
            Listener::Tcp(_) => "tcp",
        }
    }

    /// The address for the handshake line: a socket path or `127.0.0.1:port`.
    pub(crate) fn address(&self) -> io::Result<String> {
        match self {
            #[cfg(unix)]
            Listener::Unix { path, .. } => Ok(path.0.display().to_string()),
            Listener::Tcp(listener) => Ok(listener.local_addr()?.to_string()),
        }
    }

    /// Waits for the next connection. TCP connections get `TCP_NODELAY`, without which every
    /// small gRPC exchange waits on delayed acknowledgements.
    pub(crate) async fn accept(&self) -> io::Result<Conn> {
        match self {
            #[cfg(unix)]
            Listener::Unix { listener, .. } => {
                let (stream, _) = listener.accept().await?;
                Ok(Conn::new(stream))
            }
            Listener::Tcp(listener) => {
                let (stream, _) = listener.accept().await?;
                stream.set_nodelay(true)?;
                Ok(Conn::new(stream))
            }
        }
    }
}

/// A unix socket path that is deleted when dropped.
#[cfg(unix)]
pub(crate) struct SocketFile(PathBuf);

#[cfg(unix)]
impl Drop for SocketFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// Binds `plugin<random digits>` in the socket directory, retrying on a name clash.
#[cfg(unix)]
fn bind_unix() -> io::Result<Listener> {
    let dir = std::env::var_os("PLUGIN_UNIX_SOCKET_DIR")
        .filter(|d| !d.is_empty())
        .map(PathBuf::from)
        .unwrap_or_else(std::env::temp_dir);
    let group = std::env::var("PLUGIN_UNIX_SOCKET_GROUP")
        .ok()
        .filter(|g| !g.trim().is_empty());
    let mut last_err = None;
    for _ in 0..16 {
        let path = dir.join(format!("plugin{}", random_digits()));
        match tokio::net::UnixListener::bind(&path) {
            Ok(listener) => {
                let path = SocketFile(path);
                if let Some(group) = &group {
                    share_with_group(&path.0, group)?;
                }
                return Ok(Listener::Unix { listener, path });
            }
            Err(err) if err.kind() == io::ErrorKind::AddrInUse => last_err = Some(err),
            Err(err) => return Err(err),
        }
    }
    Err(last_err.unwrap_or_else(|| io::Error::other("no free socket name")))
}

/// Hands the socket to `group` (a name or a numeric id) and lets that group use it, as go-plugin
/// does for `PLUGIN_UNIX_SOCKET_GROUP`.
#[cfg(unix)]
fn share_with_group(path: &std::path::Path, group: &str) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt as _;
    let gid = match group.trim().parse::<u32>() {
        Ok(gid) => gid,
        Err(_) => {
            let groups = std::fs::read_to_string("/etc/group")?;
            gid_of(&groups, group.trim()).ok_or_else(|| {
                io::Error::new(io::ErrorKind::NotFound, format!("no group named {group}"))
            })?
        }
    };
    std::os::unix::fs::chown(path, None, Some(gid))?;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o660))
}

/// The id of the group called `name` in `/etc/group` text (`name:password:gid:members`).
#[cfg(unix)]
fn gid_of(etc_group: &str, name: &str) -> Option<u32> {
    etc_group.lines().find_map(|line| {
        let mut fields = line.split(':');
        (fields.next()? == name).then_some(())?;
        fields.nth(1)?.parse().ok()
    })
}

/// A random number for a socket name, from the standard library's per-process hash seed.
#[cfg(unix)]
fn random_digits() -> u64 {
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u32(std::process::id());
    if let Ok(now) = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH) {
        hasher.write_u128(now.as_nanos());
    }
    hasher.finish() % 1_000_000_000
}

/// Binds the first free port of `PLUGIN_MIN_PORT..=PLUGIN_MAX_PORT` on 127.0.0.1.
async fn bind_tcp() -> io::Result<Listener> {
    let min = port_from_env("PLUGIN_MIN_PORT").unwrap_or(DEFAULT_MIN_PORT);
    let max = port_from_env("PLUGIN_MAX_PORT").unwrap_or(DEFAULT_MAX_PORT);
    let mut last_err = None;
    for port in min..=max {
        match TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, port))).await {
            Ok(listener) => return Ok(Listener::Tcp(listener)),
            Err(err) => last_err = Some(err),
        }
    }
    Err(last_err.unwrap_or_else(|| {
        io::Error::new(
            io::ErrorKind::AddrNotAvailable,
            format!("no port in {min}..={max}"),
        )
    }))
}

fn port_from_env(key: &str) -> Option<u16> {
    std::env::var(key).ok()?.trim().parse().ok()
}

/// Any byte stream a connection can run over.
pub(crate) trait Io: AsyncRead + AsyncWrite + Send + Unpin + 'static {}
impl<T: AsyncRead + AsyncWrite + Send + Unpin + 'static> Io for T {}

/// One accepted connection, plaintext or TLS, over a unix socket or TCP.
pub(crate) struct Conn(Box<dyn Io>);

impl Conn {
    pub(crate) fn new(io: impl Io) -> Conn {
        Conn(Box::new(io))
    }
}

impl tonic::transport::server::Connected for Conn {
    type ConnectInfo = ();

    fn connect_info(&self) -> Self::ConnectInfo {}
}

impl AsyncRead for Conn {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut *self.0).poll_read(cx, buf)
    }
}

impl AsyncWrite for Conn {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut *self.0).poll_write(cx, buf)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut *self.0).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut *self.0).poll_shutdown(cx)
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut *self.0).poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.0.is_write_vectored()
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn group_names_resolve_through_etc_group() {
        let text = "root:x:0:\nwheel:x:10:alice,bob\nbroken\nstaff:x:fifty:\n";
        let cases = [
            ("root", Some(0)),
            ("wheel", Some(10)),
            ("staff", None),
            ("nobody", None),
        ];
        for (name, want) in cases {
            assert_eq!(gid_of(text, name), want, "{name}");
        }
    }
}
