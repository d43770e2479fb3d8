//! `url-https`: every URL field is absolute and https (http only for localhost).

use charter_diagnostics::Diagnostic;
use charter_model::{AuthMethod, Contract, Transport};
use charter_workspace::DocContext;

pub(crate) fn check(ctx: &DocContext<'_>, out: &mut Vec<Diagnostic>) {
    let mut urls: Vec<(String, &str)> = Vec::new();
    let meta = ctx.contract.meta();
    if let Some(u) = &meta.docs_url {
        urls.push(("/meta/docsUrl".into(), u));
    }
    if let Contract::Integration(c) = ctx.contract {
        if let Some(u) = &c.docs_url {
            urls.push(("/docsUrl".into(), u));
        }
        for (i, t) in c.transports.iter().enumerate() {
            match t {
                Transport::Rest(r) => urls.push((format!("/transports/{i}/baseUrl"), &r.base_url)),
                Transport::Mcp(m) => {
                    if let Some(u) = &m.url {
                        urls.push((format!("/transports/{i}/url"), u));
                    }
                }
                _ => {}
            }
        }
        for (i, a) in c.supported_auth_methods.iter().enumerate() {
            if let AuthMethod::OAuth2(o) = a {
                for (field, v) in [
                    ("authorizationUrl", &o.authorization_url),
                    ("tokenUrl", &o.token_url),
                    ("revocationUrl", &o.revocation_url),
                ] {
                    if let Some(u) = v {
                        urls.push((format!("/supportedAuthMethods/{i}/{field}"), u));
                    }
                }
            }
        }
        if let Some(b) = &c.byok_setup {
            if let Some(u) = &b.validation_endpoint {
                urls.push(("/byokSetup/validationEndpoint".into(), u));
            }
        }
        if let Some(vp) = &c.version_policy {
            for (i, v) in vp.supported_versions.iter().enumerate() {
                // A migration guide may be prose; only a link is checked.
                if let Some(u) = v.migration_guide.as_deref().filter(|u| u.contains("://")) {
                    urls.push((
                        format!("/versionPolicy/supportedVersions/{i}/migrationGuide"),
                        u,
                    ));
                }
            }
        }
    }
    for (pointer, url) in urls {
        if let Some((message, help)) = problem(url) {
            out.push(ctx.error("url-https", message, &pointer).with_help(help));
        }
    }
}

/// What is wrong with a URL, if anything.
pub(crate) fn problem(raw: &str) -> Option<(String, String)> {
    let parsed = match url::Url::parse(raw) {
        Ok(u) => u,
        Err(url::ParseError::RelativeUrlWithoutBase) => {
            return Some((
                format!("`{raw}` is not an absolute URL"),
                "write the full address, starting with https://".into(),
            ))
        }
        Err(url::ParseError::EmptyHost) => {
            return Some((
                format!("`{raw}` has no host"),
                "write the full address, e.g. https://api.example.com".into(),
            ))
        }
        Err(e) => {
            return Some((
                format!("`{raw}` is not a valid URL: {e}"),
                "write a full address such as https://api.example.com/v1".into(),
            ))
        }
    };
    if !parsed.username().is_empty() || parsed.password().is_some() {
        return Some((
            "this URL carries credentials".to_string(),
            "remove the user name and password from the URL; credentials belong in `secretSchema`"
                .into(),
        ));
    }
    let local = match parsed.host() {
        Some(url::Host::Domain(d)) => d == "localhost" || d.ends_with(".localhost"),
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => {
            return Some((
                format!("`{raw}` has no host"),
                "write the full address, e.g. https://api.example.com".into(),
            ))
        }
    };
    match parsed.scheme() {
        "https" => None,
        "http" if local => None,
        "http" => Some((
            format!("`{raw}` uses plain http"),
            "use https (plain http is only accepted for localhost)".into(),
        )),
        other => Some((
            format!("`{raw}` uses the `{other}` scheme"),
            "use an https URL".into(),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::problem;

    #[test]
    fn accepts_https_and_local_http() {
        assert_eq!(problem("https://api.stripe.com"), None);
        assert_eq!(problem("http://localhost:8080/x"), None);
        assert_eq!(problem("http://127.0.0.1/x"), None);
        assert_eq!(problem("http://[::1]:3000"), None);
    }

    #[test]
    fn refuses_http_relative_and_other_schemes() {
        assert_eq!(
            problem("http://api.stripe.com").unwrap().0,
            "`http://api.stripe.com` uses plain http"
        );
        assert_eq!(
            problem("/v1/charges").unwrap().0,
            "`/v1/charges` is not an absolute URL"
        );
        assert_eq!(
            problem("ftp://x.org").unwrap().0,
            "`ftp://x.org` uses the `ftp` scheme"
        );
        assert_eq!(problem("https://").unwrap().0, "`https://` has no host");
        assert_eq!(
            problem("https://exa mple.com").unwrap().0,
            "`https://exa mple.com` is not a valid URL: invalid international domain name"
        );
        assert_eq!(
            problem("https://api.stripe.com:99999").unwrap().0,
            "`https://api.stripe.com:99999` is not a valid URL: invalid port number"
        );
        assert_eq!(
            problem("https://user:pass@api.stripe.com").unwrap().0,
            "this URL carries credentials"
        );
        assert_eq!(
            problem("http://localhost.evil.com").unwrap().0,
            "`http://localhost.evil.com` uses plain http"
        );
    }
}
