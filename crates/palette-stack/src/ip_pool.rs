//! The address rules of a private cloud gateway's IP pool, as Palette applies them: a pool is
//! a range (`start` to `end`) or a subnet (a CIDR), its gateway and range lie in the network its
//! prefix gives, and the range runs upwards.

use std::net::IpAddr;

use crate::cidr::Cidr;

/// What a pool says, each field `None` when it is not known yet (or not set).
#[derive(Debug, Clone, Copy, Default)]
pub struct PoolInput<'a> {
    /// `range` or `subnet`.
    pub network_type: Option<&'a str>,
    /// First address of a range.
    pub start: Option<&'a str>,
    /// Last address of a range.
    pub end: Option<&'a str>,
    /// The subnet of a subnet pool, as a CIDR.
    pub subnet: Option<&'a str>,
    /// The network's prefix length.
    pub prefix: Option<i64>,
    /// The network's gateway.
    pub gateway: Option<&'a str>,
    /// Whether each of `start`, `end` and `subnet` is set: `Some(true)` when it has a value
    /// (known or not), `Some(false)` when it is known to be null, `None` when it is unknown and
    /// may still turn out null (a module variable at validate).
    pub set: [Option<bool>; 3],
}

/// A problem with one field (`start`, `end`, `subnet`, `prefix`, `gateway`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The field.
    pub field: &'static str,
    /// What is wrong and what to do.
    pub message: String,
}

fn parse(text: Option<&str>, field: &'static str, out: &mut Vec<Problem>) -> Option<IpAddr> {
    let text = text?;
    match text.parse() {
        Ok(ip) => Some(ip),
        Err(_) => {
            out.push(Problem {
                field,
                message: format!("{text:?} is not an IPv4 or IPv6 address."),
            });
            None
        }
    }
}

fn number(ip: IpAddr) -> (u128, u32) {
    match ip {
        IpAddr::V4(v4) => (u128::from(u32::from(v4)), 32),
        IpAddr::V6(v6) => (u128::from(v6), 128),
    }
}

/// Whether `a` and `b` are of one family and share their first `prefix` bits.
pub fn same_network(a: IpAddr, b: IpAddr, prefix: u32) -> bool {
    let ((a, width), (b, other)) = (number(a), number(b));
    if width != other || prefix > width {
        return false;
    }
    let shift = width - prefix;
    shift >= 128 || (a >> shift) == (b >> shift)
}

/// Every problem with `pool`; checks whose inputs are not known wait.
pub fn check(pool: &PoolInput<'_>) -> Vec<Problem> {
    let mut out = Vec::new();
    let gateway = parse(pool.gateway, "gateway", &mut out);
    let start = parse(pool.start, "start", &mut out);
    let end = parse(pool.end, "end", &mut out);
    let width = gateway.map_or(128, |g| number(g).1);
    let prefix = match pool.prefix {
        Some(p) if p < 1 || p > i64::from(width) => {
            out.push(Problem {
                field: "prefix",
                message: format!("A prefix length is between 1 and {width}, not {p}."),
            });
            None
        }
        other => other.map(|p| p as u32),
    };
    let [start_set, end_set, subnet_set] = pool.set;
    match pool.network_type {
        Some("range") => {
            for (field, set) in [("start", start_set), ("end", end_set)] {
                if set == Some(false) {
                    out.push(Problem {
                        field,
                        message: format!("A `range` pool needs its {field} address."),
                    });
                }
            }
            if subnet_set == Some(true) {
                out.push(Problem {
                    field: "subnet",
                    message: "A `range` pool takes no subnet; remove it, or make the pool a \
                              `subnet` pool."
                        .into(),
                });
            }
        }
        Some("subnet") => {
            if subnet_set == Some(false) {
                out.push(Problem {
                    field: "subnet",
                    message: "A `subnet` pool needs its subnet, as a CIDR such as \
                              `10.10.0.0/24`."
                        .into(),
                });
            }
            for (field, set) in [("start", start_set), ("end", end_set)] {
                if set == Some(true) {
                    out.push(Problem {
                        field,
                        message: format!(
                            "A `subnet` pool takes no {field} address; remove it, or make the \
                             pool a `range` pool."
                        ),
                    });
                }
            }
        }
        _ => {}
    }
    if let (Some(start), Some(end)) = (start, end)
        && (number(start).1 != number(end).1 || number(start).0 > number(end).0)
    {
        out.push(Problem {
            field: "end",
            message: format!("The range ends at {end}, before it starts at {start}."),
        });
    }
    if let (Some(gateway), Some(prefix)) = (gateway, prefix) {
        for (ip, field) in [(start, "start"), (end, "end")] {
            if let Some(ip) = ip
                && !same_network(ip, gateway, prefix)
            {
                out.push(Problem {
                    field,
                    message: format!(
                        "{ip} is outside the network of gateway {gateway}/{prefix}; a pool's \
                         addresses share the gateway's network."
                    ),
                });
            }
        }
        if let Some(cidr) = pool.subnet {
            match Cidr::parse(cidr) {
                None => out.push(Problem {
                    field: "subnet",
                    message: format!("{cidr:?} is not a CIDR such as `10.10.0.0/24`."),
                }),
                Some(net) if !same_network(net.address(), gateway, net.prefix().min(prefix)) => out
                    .push(Problem {
                        field: "gateway",
                        message: format!("Gateway {gateway} is outside subnet {cidr}."),
                    }),
                Some(_) => {}
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn range(start: &str, end: &str, prefix: i64, gateway: &str) -> PoolInput<'static> {
        let leak = |s: &str| -> &'static str { Box::leak(s.to_string().into_boxed_str()) };
        PoolInput {
            network_type: Some("range"),
            start: Some(leak(start)),
            end: Some(leak(end)),
            prefix: Some(prefix),
            gateway: Some(leak(gateway)),
            set: [Some(true), Some(true), Some(false)],
            ..Default::default()
        }
    }

    fn fields(pool: &PoolInput<'_>) -> Vec<&'static str> {
        check(pool).iter().map(|p| p.field).collect()
    }

    #[test]
    fn a_range_runs_upwards_inside_the_gateways_network() {
        assert!(fields(&range("10.10.1.10", "10.10.1.50", 24, "10.10.1.1")).is_empty());
        assert_eq!(
            fields(&range("10.10.1.50", "10.10.1.10", 24, "10.10.1.1")),
            ["end"]
        );
        assert_eq!(
            fields(&range("10.10.2.10", "10.10.1.50", 24, "10.10.1.1")),
            ["end", "start"]
        );
        assert_eq!(
            fields(&range("10.10.1.10", "10.10.1.50", 33, "10.10.1.1")),
            ["prefix"]
        );
        assert_eq!(
            fields(&range("10.10.1.x", "10.10.1.50", 24, "10.10.1.1")),
            ["start"]
        );
    }

    #[test]
    fn a_pool_is_a_range_or_a_subnet_and_unknowns_wait() {
        let subnet = PoolInput {
            network_type: Some("subnet"),
            subnet: Some("10.20.0.0/16"),
            prefix: Some(16),
            gateway: Some("10.20.0.1"),
            set: [Some(false), Some(false), Some(true)],
            ..Default::default()
        };
        assert!(fields(&subnet).is_empty());
        let outside = PoolInput {
            gateway: Some("10.30.0.1"),
            ..subnet
        };
        assert_eq!(fields(&outside), ["gateway"]);
        let mixed = PoolInput {
            set: [Some(true), Some(false), Some(true)],
            ..subnet
        };
        assert_eq!(fields(&mixed), ["start"]);
        let missing = PoolInput {
            network_type: Some("range"),
            set: [Some(false), Some(false), Some(false)],
            ..Default::default()
        };
        assert_eq!(fields(&missing), ["start", "end"]);
        // Unknown addresses (set, value not known) wait.
        let unknown = PoolInput {
            network_type: Some("range"),
            set: [Some(true), Some(true), Some(false)],
            prefix: Some(24),
            ..Default::default()
        };
        assert!(fields(&unknown).is_empty());
        // Whether a field is set at all may be unknown (it may turn out null): neither "needs"
        // nor "takes no" is said then.
        let maybe = PoolInput {
            network_type: Some("subnet"),
            set: [None, None, None],
            ..Default::default()
        };
        assert!(fields(&maybe).is_empty());
    }
}
