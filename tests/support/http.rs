//! A minimal HTTP/1.1 client over `std::net`, enough for the emulator's own endpoints on
//! loopback (one request per connection): plain HTTP, or HTTPS with a given rustls
//! configuration (an emulator serving TLS with a private CA's certificate).

use std::io::{Read, Write};
use std::net::TcpStream;
use std::sync::Arc;
use std::time::Duration;

use tokio_rustls::rustls;

/// A response: status code and body text.
#[derive(Debug)]
pub(crate) struct Response {
    pub(crate) status: u16,
    pub(crate) body: String,
}

/// Sends one request to `base` (`http://host:port`) and reads the whole response.
pub(crate) fn request(
    base: &str,
    method: &str,
    path: &str,
    api_key: Option<&str>,
    body: Option<&str>,
) -> std::io::Result<Response> {
    let headers: Vec<(&str, &str)> = api_key.map(|key| ("ApiKey", key)).into_iter().collect();
    request_with(base, method, path, &headers, body)
}

/// Sends one request with extra `headers` (name, value) and reads the whole response.
pub(crate) fn request_with(
    base: &str,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: Option<&str>,
) -> std::io::Result<Response> {
    request_over(base, None, method, path, headers, body)
}

/// Sends one request to `base`, `http://host:port`, or `https://host:port` with `tls` (which
/// must then be given), and reads the whole response.
pub(crate) fn request_over(
    base: &str,
    tls: Option<&Arc<rustls::ClientConfig>>,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: Option<&str>,
) -> std::io::Result<Response> {
    let (authority, https) = match (base.strip_prefix("http://"), base.strip_prefix("https://")) {
        (Some(rest), _) => (rest, false),
        (None, Some(rest)) => (rest, true),
        (None, None) => {
            return Err(std::io::Error::other(format!("not an http(s) URL: {base}")));
        }
    };
    let authority = authority.trim_end_matches('/');
    let stream = TcpStream::connect(authority)?;
    stream.set_read_timeout(Some(Duration::from_secs(30)))?;
    let request = encode(authority, method, path, headers, body.unwrap_or(""));
    if !https {
        return exchange(stream, &request);
    }
    let config = tls.ok_or_else(|| {
        std::io::Error::other(format!(
            "{base} is https: the request needs a TLS configuration"
        ))
    })?;
    let host = authority
        .rsplit_once(':')
        .map_or(authority, |(host, _)| host)
        .to_string();
    let name = rustls::pki_types::ServerName::try_from(host).map_err(std::io::Error::other)?;
    let connection =
        rustls::ClientConnection::new(config.clone(), name).map_err(std::io::Error::other)?;
    exchange(rustls::StreamOwned::new(connection, stream), &request)
}

/// The request's bytes.
fn encode(
    authority: &str,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> Vec<u8> {
    let mut head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {authority}\r\nConnection: close\r\nAccept: application/json\r\nContent-Length: {}\r\n",
        body.len()
    );
    if !body.is_empty() {
        head.push_str("Content-Type: application/json\r\n");
    }
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    let mut bytes = head.into_bytes();
    bytes.extend_from_slice(body.as_bytes());
    bytes
}

/// Writes `request` and reads the response until the server closes the connection.
fn exchange(mut stream: impl Read + Write, request: &[u8]) -> std::io::Result<Response> {
    stream.write_all(request)?;
    stream.flush()?;
    let mut raw = Vec::new();
    match stream.read_to_end(&mut raw) {
        Ok(_) => {}
        // A TLS server that closes without close_notify after a complete response.
        Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof && !raw.is_empty() => {}
        Err(e) => return Err(e),
    }
    parse_response(&raw)
}

fn parse_response(raw: &[u8]) -> std::io::Result<Response> {
    let bad = |what: &str| std::io::Error::other(format!("malformed HTTP response: {what}"));
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or_else(|| bad("no end of headers"))?;
    let head = String::from_utf8_lossy(&raw[..split]);
    let payload = &raw[split + 4..];
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| bad("no status line"))?;
    let chunked = lines.any(|l| {
        let l = l.to_ascii_lowercase();
        l.starts_with("transfer-encoding:") && l.contains("chunked")
    });
    let body = if chunked {
        dechunk(payload).ok_or_else(|| bad("bad chunked body"))?
    } else {
        payload.to_vec()
    };
    Ok(Response {
        status,
        body: String::from_utf8_lossy(&body).into_owned(),
    })
}

/// Decodes a `Transfer-Encoding: chunked` body.
fn dechunk(mut data: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let line_end = data.windows(2).position(|w| w == b"\r\n")?;
        let size_text = std::str::from_utf8(&data[..line_end]).ok()?;
        let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
        data = &data[line_end + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(data.get(..size)?);
        data = data.get(size + 2..)?;
    }
}

#[test]
fn parses_plain_and_chunked_responses() {
    let plain = parse_response(b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\n{}").unwrap();
    assert_eq!((plain.status, plain.body.as_str()), (200, "{}"));
    let chunked = parse_response(
        b"HTTP/1.1 401 Unauthorized\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n",
    )
    .unwrap();
    assert_eq!((chunked.status, chunked.body.as_str()), (401, "abcde"));
    assert!(parse_response(b"garbage").is_err());
}
