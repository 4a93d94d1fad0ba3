//! Logging in the form Terraform reads from a provider: one hclog JSON object per line on stderr.
//!
//! Terraform parses each stderr line that is a JSON object as an hclog entry: `@level` (`trace`,
//! `debug`, `info`, `warn`, `error`), `@message`, `@timestamp` and `@module`, with every other key
//! shown beside the message. The timestamp must have exactly the form
//! `2006-01-02T15:04:05.000000Z07:00` (six fractional digits); anything else makes Terraform
//! treat the whole line as raw text. We always write UTC, so the zone is `Z`.
//!
//! Each line carries the event's fields and the fields of every span it happens in (outermost
//! first, inner spans winning on a clash), so a span such as
//! `info_span!("rpc", tf_rpc = "PlanResourceChange", tf_resource_type = "echo")` labels every
//! line logged while handling that call.
//!
//! The level comes from `TF_LOG_PROVIDER`, else `TF_LOG` (`TRACE`, `DEBUG`, `INFO`, `WARN`,
//! `ERROR`, `JSON` meaning trace, `OFF`; any case). When neither is set we log at INFO: Terraform
//! drops what its own level excludes, and a person running the provider in debug mode sees the
//! essentials. Like Terraform, an unrecognised value means TRACE. Chatty transport crates (h2,
//! hyper, tower, rustls, ...) are held to WARN whatever the level.
//!
//! Secrets must never be passed to a log macro, not even at trace level.

use std::io::Write;
use std::sync::OnceLock;
use std::time::{SystemTime, UNIX_EPOCH};

use serde_json::{Map, Value as Json};
use tracing::field::{Field, Visit};
use tracing::level_filters::LevelFilter;
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Level, Subscriber};
use tracing_subscriber::filter::Targets;
use tracing_subscriber::fmt::MakeWriter;
use tracing_subscriber::layer::{Context, SubscriberExt as _};
use tracing_subscriber::registry::LookupSpan;
use tracing_subscriber::{Layer, Registry};

/// The `@module` of every line.
pub const MODULE: &str = "provider";

/// Crates whose own logs are capped at WARN.
const QUIET_TARGETS: &[&str] = &[
    "h2",
    "hyper",
    "hyper_util",
    "tower",
    "tonic",
    "rustls",
    "tokio_rustls",
    "tokio_util",
    "mio",
    "tokio",
];

/// Installs the global subscriber writing hclog JSON to stderr at [`level_from_env`].
///
/// Calling it again does nothing; if another global subscriber was installed first, that one
/// stays.
pub fn init() {
    static INSTALLED: OnceLock<()> = OnceLock::new();
    INSTALLED.get_or_init(|| {
        let subscriber = subscriber(level_from_env(), std::io::stderr);
        let _ = tracing::subscriber::set_global_default(subscriber);
    });
}

/// A complete subscriber writing hclog JSON lines through `writer` at `level`, with the quiet
/// crates held to WARN. [`init`] installs this with stderr; tests can pass a buffer.
pub fn subscriber<W>(level: LevelFilter, writer: W) -> impl Subscriber + Send + Sync
where
    W: for<'a> MakeWriter<'a> + Send + Sync + 'static,
{
    Registry::default().with(layer(writer).with_filter(targets(level)))
}

/// The filter [`subscriber`] uses: `level` everywhere, at most WARN for the quiet crates.
pub fn targets(level: LevelFilter) -> Targets {
    let quiet = level.min(LevelFilter::WARN);
    QUIET_TARGETS
        .iter()
        .fold(Targets::new().with_default(level), |t, target| {
            t.with_target(*target, quiet)
        })
}

/// The level set by `TF_LOG_PROVIDER`, else `TF_LOG`, else INFO (see the module docs).
pub fn level_from_env() -> LevelFilter {
    let provider = std::env::var("TF_LOG_PROVIDER").ok();
    let general = std::env::var("TF_LOG").ok();
    let chosen = provider
        .as_deref()
        .filter(|v| !v.trim().is_empty())
        .or(general.as_deref());
    parse_level(chosen)
}

/// Reads a Terraform log level name.
pub fn parse_level(value: Option<&str>) -> LevelFilter {
    let Some(value) = value.map(str::trim).filter(|v| !v.is_empty()) else {
        return LevelFilter::INFO;
    };
    match value.to_ascii_uppercase().as_str() {
        "TRACE" | "JSON" => LevelFilter::TRACE,
        "DEBUG" => LevelFilter::DEBUG,
        "INFO" => LevelFilter::INFO,
        "WARN" => LevelFilter::WARN,
        "ERROR" => LevelFilter::ERROR,
        "OFF" => LevelFilter::OFF,
        _ => LevelFilter::TRACE,
    }
}

/// The hclog JSON layer writing through `writer`, without any filter of its own.
pub fn layer<W>(writer: W) -> HclogLayer<W>
where
    W: for<'a> MakeWriter<'a> + 'static,
{
    HclogLayer { writer }
}

/// A `tracing` layer that formats each event as one hclog JSON line.
#[derive(Debug)]
pub struct HclogLayer<W> {
    writer: W,
}

/// The fields recorded on a span, kept in the span's extensions.
struct SpanFields(Map<String, Json>);

impl<S, W> Layer<S> for HclogLayer<W>
where
    S: Subscriber + for<'a> LookupSpan<'a>,
    W: for<'a> MakeWriter<'a> + 'static,
{
    fn on_new_span(&self, attrs: &Attributes<'_>, id: &Id, ctx: Context<'_, S>) {
        let Some(span) = ctx.span(id) else { return };
        let mut fields = JsonFields::default();
        attrs.record(&mut fields);
        span.extensions_mut().insert(SpanFields(fields.map));
    }

    fn on_record(&self, id: &Id, values: &Record<'_>, ctx: Context<'_, S>) {
        let Some(span) = ctx.span(id) else { return };
        let mut extensions = span.extensions_mut();
        if let Some(SpanFields(map)) = extensions.get_mut::<SpanFields>() {
            let mut fields = JsonFields {
                map: std::mem::take(map),
                message: None,
            };
            values.record(&mut fields);
            *map = fields.map;
        }
    }

    fn on_event(&self, event: &Event<'_>, ctx: Context<'_, S>) {
        let mut fields = JsonFields::default();
        if let Some(scope) = ctx.event_scope(event) {
            for span in scope.from_root() {
                if let Some(SpanFields(map)) = span.extensions().get::<SpanFields>() {
                    fields
                        .map
                        .extend(map.iter().map(|(k, v)| (k.clone(), v.clone())));
                }
            }
        }
        event.record(&mut fields);

        let mut line = fields.map;
        line.insert("@level".into(), level_name(event.metadata().level()).into());
        line.insert("@message".into(), fields.message.unwrap_or_default().into());
        line.insert("@module".into(), MODULE.into());
        line.insert(
            "@timestamp".into(),
            format_timestamp(SystemTime::now()).into(),
        );

        let Ok(mut bytes) = serde_json::to_vec(&Json::Object(line)) else {
            return;
        };
        bytes.push(b'\n');
        // One write per line, so concurrent events do not interleave within a line.
        let _ = self.writer.make_writer().write_all(&bytes);
    }
}

/// hclog's name for a level.
fn level_name(level: &Level) -> &'static str {
    match *level {
        Level::TRACE => "trace",
        Level::DEBUG => "debug",
        Level::INFO => "info",
        Level::WARN => "warn",
        Level::ERROR => "error",
    }
}

/// Collects fields as JSON values; the `message` field is kept apart.
#[derive(Default)]
struct JsonFields {
    map: Map<String, Json>,
    message: Option<String>,
}

impl JsonFields {
    fn put(&mut self, field: &Field, value: Json) {
        let name = field.name();
        if name == "message" {
            self.message = Some(match value {
                Json::String(s) => s,
                other => other.to_string(),
            });
        } else if !name.starts_with("log.") {
            self.map.insert(name.to_string(), value);
        }
    }
}

impl Visit for JsonFields {
    fn record_f64(&mut self, field: &Field, value: f64) {
        let json = serde_json::Number::from_f64(value)
            .map_or_else(|| value.to_string().into(), Json::Number);
        self.put(field, json);
    }

    fn record_i64(&mut self, field: &Field, value: i64) {
        self.put(field, value.into());
    }

    fn record_u64(&mut self, field: &Field, value: u64) {
        self.put(field, value.into());
    }

    fn record_bool(&mut self, field: &Field, value: bool) {
        self.put(field, value.into());
    }

    fn record_str(&mut self, field: &Field, value: &str) {
        self.put(field, value.into());
    }

    fn record_error(&mut self, field: &Field, value: &(dyn std::error::Error + 'static)) {
        self.put(field, value.to_string().into());
    }

    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        self.put(field, format!("{value:?}").into());
    }
}

/// Formats `time` in UTC as hclog does: `2006-01-02T15:04:05.000000Z`.
pub fn format_timestamp(time: SystemTime) -> String {
    let since_epoch = time.duration_since(UNIX_EPOCH).unwrap_or_default();
    let secs = since_epoch.as_secs();
    let micros = since_epoch.subsec_micros();
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    let (year, month, day) = civil_from_days(days);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{micros:06}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// The proleptic Gregorian date of a day count since 1970-01-01 (Howard Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn timestamps_match_hclogs_layout() {
        let cases: &[(&str, u64, u32, &str)] = &[
            ("epoch", 0, 0, "1970-01-01T00:00:00.000000Z"),
            ("leap day", 951_782_400, 5, "2000-02-29T00:00:00.000005Z"),
            (
                "go's reference time",
                1_136_214_245,
                123_456,
                "2006-01-02T15:04:05.123456Z",
            ),
            (
                "end of a year",
                1_798_761_599,
                999_999,
                "2026-12-31T23:59:59.999999Z",
            ),
        ];
        for (name, secs, micros, want) in cases {
            let t =
                UNIX_EPOCH + Duration::from_secs(*secs) + Duration::from_micros(u64::from(*micros));
            assert_eq!(format_timestamp(t), *want, "{name}");
        }
    }

    #[test]
    fn levels_follow_terraforms_names() {
        let cases: &[(Option<&str>, LevelFilter)] = &[
            (None, LevelFilter::INFO),
            (Some(""), LevelFilter::INFO),
            (Some("trace"), LevelFilter::TRACE),
            (Some("JSON"), LevelFilter::TRACE),
            (Some("Debug"), LevelFilter::DEBUG),
            (Some("INFO"), LevelFilter::INFO),
            (Some("warn"), LevelFilter::WARN),
            (Some("ERROR"), LevelFilter::ERROR),
            (Some("off"), LevelFilter::OFF),
            (Some("1"), LevelFilter::TRACE),
        ];
        for (value, want) in cases {
            assert_eq!(parse_level(*value), *want, "{value:?}");
        }
    }

    #[test]
    fn quiet_crates_are_capped_at_warn() {
        let filter = targets(LevelFilter::TRACE);
        assert!(filter.would_enable("tfplugin::serve", &Level::TRACE));
        assert!(!filter.would_enable("h2::codec", &Level::DEBUG));
        assert!(filter.would_enable("h2::codec", &Level::WARN));
    }
}
