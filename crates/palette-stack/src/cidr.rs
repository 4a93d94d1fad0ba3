//! CIDR blocks (`10.0.0.0/16`, `fd00::/64`): an address and a prefix length.
//!
//! One parser for every range a cluster names. Where a check needs more than the form, it asks:
//! an IPv4 block only ([`Cidr::is_ipv4`]), a network address with no host bits set
//! ([`Cidr::is_network`], as Azure and OpenStack subnets must be), or one block inside another
//! ([`Cidr::contains`]).

use std::net::IpAddr;

/// A parsed CIDR block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cidr {
    address: IpAddr,
    prefix: u32,
}

/// The address as a number, and the family's width in bits.
fn number(ip: IpAddr) -> (u128, u32) {
    match ip {
        IpAddr::V4(v4) => (u128::from(u32::from(v4)), 32),
        IpAddr::V6(v6) => (u128::from(v6), 128),
    }
}

/// `value` with all but its first `prefix` bits (of `width`) cleared.
fn masked(value: u128, prefix: u32, width: u32) -> u128 {
    let host_bits = width - prefix;
    if host_bits >= 128 {
        0
    } else {
        (value >> host_bits) << host_bits
    }
}

impl Cidr {
    /// `ADDRESS/PREFIX`, the prefix no longer than the family's width; `None` otherwise.
    pub fn parse(text: &str) -> Option<Cidr> {
        let (address, prefix) = text.split_once('/')?;
        let address: IpAddr = address.parse().ok()?;
        if prefix.is_empty() || !prefix.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let prefix: u32 = prefix.parse().ok()?;
        (prefix <= number(address).1).then_some(Cidr { address, prefix })
    }

    /// `text` as an IPv4 network (no host bits set), the form cloud subnets take: Azure's
    /// virtual networks and subnets, OpenStack's node range.
    pub fn parse_ipv4_network(text: &str) -> Option<Cidr> {
        Cidr::parse(text).filter(|c| c.is_ipv4() && c.is_network())
    }

    /// The address as written (not masked to the network).
    pub fn address(&self) -> IpAddr {
        self.address
    }

    /// The prefix length.
    pub fn prefix(&self) -> u32 {
        self.prefix
    }

    /// Whether the block is IPv4.
    pub fn is_ipv4(&self) -> bool {
        self.address.is_ipv4()
    }

    /// Whether the address is the network's own (no bit after the prefix set), as subnets are
    /// written: `10.0.0.0/16`, not `10.0.3.7/16`.
    pub fn is_network(&self) -> bool {
        let (value, width) = number(self.address);
        masked(value, self.prefix, width) == value
    }

    /// Whether `address` lies in the block.
    pub fn contains_address(&self, address: IpAddr) -> bool {
        self.contains(&Cidr {
            address,
            prefix: number(address).1,
        })
    }

    /// Whether `inner` lies wholly inside this block (both of one family).
    pub fn contains(&self, inner: &Cidr) -> bool {
        let ((outer, width), (value, other)) = (number(self.address), number(inner.address));
        width == other
            && inner.prefix >= self.prefix
            && masked(value, self.prefix, width) == masked(outer, self.prefix, width)
    }

    /// Whether the two blocks share an address.
    pub fn overlaps(&self, other: &Cidr) -> bool {
        self.contains(other) || other.contains(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cidr(text: &str) -> Cidr {
        Cidr::parse(text).unwrap_or_else(|| panic!("{text} should parse"))
    }

    #[test]
    fn parses_both_families_and_refuses_the_rest() {
        for good in [
            "10.0.0.0/16",
            "0.0.0.0/0",
            "10.1.2.3/32",
            "fd00::/64",
            "::/0",
        ] {
            assert!(Cidr::parse(good).is_some(), "{good}");
        }
        for bad in [
            "10.0.0.0",
            "10.0.0.0/33",
            "10.0.0.0/",
            "10.0.0.0/+8",
            "10.0.0/8",
            "fd00::/129",
            "host/8",
            "",
        ] {
            assert!(Cidr::parse(bad).is_none(), "{bad}");
        }
        assert!(cidr("10.0.0.0/8").is_ipv4());
        assert!(!cidr("fd00::/8").is_ipv4());
    }

    #[test]
    fn a_network_address_has_no_host_bits() {
        assert!(cidr("10.0.0.0/16").is_network());
        assert!(cidr("0.0.0.0/0").is_network());
        assert!(cidr("10.0.3.7/32").is_network());
        assert!(!cidr("10.0.3.7/16").is_network());
        assert!(cidr("fd00:1::/32").is_network());
        assert!(!cidr("fd00::1/64").is_network());
    }

    #[test]
    fn containment_and_overlap_stay_within_a_family() {
        let vnet = cidr("10.0.0.0/16");
        assert!(vnet.contains(&cidr("10.0.1.0/24")));
        assert!(vnet.contains(&vnet));
        assert!(!vnet.contains(&cidr("10.1.0.0/24")));
        assert!(!cidr("10.0.1.0/24").contains(&vnet));
        assert!(cidr("0.0.0.0/0").contains(&vnet));
        assert!(!cidr("::/0").contains(&vnet));
        assert!(vnet.contains_address("10.0.255.255".parse().unwrap()));
        assert!(!vnet.contains_address("10.1.0.0".parse().unwrap()));
        assert!(cidr("10.0.1.0/24").overlaps(&vnet));
        assert!(!cidr("10.0.1.0/24").overlaps(&cidr("10.0.2.0/24")));
    }
}
