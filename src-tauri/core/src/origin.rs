//! Where a URL leads, for the checks made before a secret goes with it: whether a server-given
//! link stays on the server the session belongs to (the same origin — scheme, host and port, as
//! browsers compare them — and no user info), and whether a plain `http://` or `ws://` address
//! stays on this machine.

use url::{Host, Url};

/// Whether `candidate` is on `base`'s origin: same scheme, host (compared after the URL parser
/// has lowercased it and turned international names into their `xn--` form) and port (the
/// scheme's default counting as written), with no user info. Anything that does not parse as an
/// absolute URL is elsewhere.
pub fn same_origin(base: &str, candidate: &str) -> bool {
    let (Ok(base), Ok(candidate)) = (Url::parse(base), Url::parse(candidate)) else {
        return false;
    };
    let origin = candidate.origin();
    origin.is_tuple()
        && origin == base.origin()
        && candidate.username().is_empty()
        && candidate.password().is_none()
}

/// Whether `url`'s host is this machine: `localhost`, or a loopback IP address
/// (`127.0.0.0/8`, `::1`).
pub fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(Host::Domain(name)) => name.eq_ignore_ascii_case("localhost"),
        Some(Host::Ipv4(ip)) => ip.is_loopback(),
        Some(Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    }
}

/// `url`'s origin for an error message (`https://host:port`): never its user info, path or
/// query, which may hold secrets.
pub fn shown(url: &str) -> String {
    match Url::parse(url) {
        Ok(url) if url.origin().is_tuple() => url.origin().ascii_serialization(),
        Ok(url) => format!("a {}: address", url.scheme()),
        Err(_) => "an address that is not an absolute URL".into(),
    }
}

#[cfg(test)]
mod tests;
