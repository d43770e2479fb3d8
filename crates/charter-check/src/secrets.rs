//! `secret-example-real` and `config-secret-field`.

use std::sync::LazyLock;

use charter_diagnostics::Diagnostic;
use charter_model::{node::push_pointer, Integration};
use charter_workspace::DocContext;
use regex::Regex;
use serde_json::Value;

/// Known credential formats, each with a long random tail.
static KNOWN: LazyLock<Vec<(&'static str, Regex)>> = LazyLock::new(|| {
    [
        (
            "a Stripe live or test key",
            r"^(sk|rk|pk)_(live|test)_[0-9A-Za-z]{16,}$",
        ),
        ("a Stripe webhook secret", r"^whsec_[0-9A-Za-z+/=]{24,}$"),
        (
            "a GitHub token",
            r"^(ghp|gho|ghu|ghs|ghr)_[0-9A-Za-z]{30,}$",
        ),
        (
            "a GitHub fine-grained token",
            r"^github_pat_[0-9A-Za-z_]{40,}$",
        ),
        ("a Slack token", r"^xox[abposre]-[0-9A-Za-z-]{10,}$"),
        ("an AWS access key id", r"^(AKIA|ASIA)[0-9A-Z]{16}$"),
        ("a Google API key", r"^AIza[0-9A-Za-z_-]{35}$"),
        ("an OpenAI key", r"^sk-(proj-|svcacct-)?[0-9A-Za-z_-]{20,}$"),
        (
            "a SendGrid key",
            r"^SG\.[0-9A-Za-z_-]{16,}\.[0-9A-Za-z_-]{16,}$",
        ),
        (
            "a Twilio auth token or key",
            r"^(SK[0-9a-f]{32}|[0-9a-f]{32})$",
        ),
        ("a private key", r"-----BEGIN [A-Z ]*PRIVATE KEY-----"),
    ]
    .into_iter()
    .map(|(name, re)| (name, Regex::new(re).expect("valid regex")))
    .collect()
});

/// Words and marks that make a value a placeholder, not a credential.
const PLACEHOLDER_MARKS: &[&str] = &[
    "***",
    "...",
    "xxx",
    "XXX",
    "<",
    ">",
    "{{",
    "your",
    "YOUR",
    "example",
    "EXAMPLE",
    "placeholder",
    "changeme",
    "redacted",
    "dummy",
    "fake",
    "${",
    "env:",
    "env://",
    "file://",
];

/// What kind of credential a value looks like, if it looks real.
pub(crate) fn looks_real(value: &str) -> Option<&'static str> {
    looks_like_known_key(value).or_else(|| {
        (!is_placeholder(value) && high_entropy(value.trim())).then_some("a long random string")
    })
}

fn is_placeholder(value: &str) -> bool {
    PLACEHOLDER_MARKS.iter().any(|m| value.contains(m))
}

/// A value in a known credential format (config values such as ids are often long and random,
/// so only known formats count there).
pub(crate) fn looks_like_known_key(value: &str) -> Option<&'static str> {
    let v = value.trim();
    if PLACEHOLDER_MARKS.iter().any(|m| v.contains(m)) {
        return None;
    }
    KNOWN
        .iter()
        .find(|(_, re)| re.is_match(v))
        .map(|(name, _)| *name)
}

/// A long token of mixed letters and digits with high Shannon entropy.
fn high_entropy(v: &str) -> bool {
    if v.len() < 24 || v.contains(char::is_whitespace) {
        return false;
    }
    let has_digit = v.bytes().any(|b| b.is_ascii_digit());
    let has_alpha = v.bytes().any(|b| b.is_ascii_alphabetic());
    if !(has_digit && has_alpha) {
        return false;
    }
    let mut counts = [0u32; 256];
    for b in v.bytes() {
        counts[b as usize] += 1;
    }
    let n = v.len() as f64;
    let entropy: f64 = counts
        .iter()
        .filter(|&&c| c > 0)
        .map(|&c| {
            let p = c as f64 / n;
            -p * p.log2()
        })
        .sum();
    entropy >= 4.0
}

static SECRET_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(api[-_]?key|secret|token|passw(or)?d|private[-_]?key|access[-_]?key|credentials?$|signing[-_]?key)")
        .expect("valid regex")
});
static NOT_SECRET_SUFFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(url|uri|endpoint|header|name|type|field|ttl|expiry|expires(at|in)?|path|id|count|length)$")
        .expect("valid regex")
});

/// Whether a config property name looks like it holds a secret (`apiKey`, not `projectKey`).
pub(crate) fn secret_name(name: &str) -> bool {
    SECRET_NAME.is_match(name) && !NOT_SECRET_SUFFIX.is_match(name)
}

pub(crate) fn check(ctx: &DocContext<'_>, c: &Integration, out: &mut Vec<Diagnostic>) {
    // A credential in an example is a leak wherever it sits: config examples are checked too.
    for (field, schema) in [
        ("secretSchema", &c.secret_schema),
        ("configSchema", &c.config_schema),
    ] {
        let Some(example) = schema.as_ref().and_then(|s| s.example.as_ref()) else {
            continue;
        };
        let mut strings = Vec::new();
        strings_in(example, format!("/{field}/example"), &mut strings);
        for (pointer, value) in strings {
            let verdict = if field == "secretSchema" {
                looks_real(value)
            } else {
                looks_like_known_key(value)
            };
            if let Some(what) = verdict {
                out.push(
                    ctx.error(
                        "secret-example-real",
                        format!("this {} example looks like {what}, not a placeholder", if field == "secretSchema" { "secret" } else { "config" }),
                        &pointer,
                    )
                    .with_note(format!("at {pointer} (the value is not shown)"))
                    .with_help("never commit credentials: write a redacted placeholder such as `sk_live_***` or `your-api-key`, and rotate the key if it was real")
                    .hiding_source(),
                );
            }
        }
    }
    if let Some(schema) = c.config_schema.as_ref().map(|s| &s.schema) {
        let mut names = Vec::new();
        properties_in(schema, "/configSchema/schema".to_string(), &mut names, 0);
        for (pointer, name) in names {
            if secret_name(&name) {
                out.push(
                    Diagnostic::warning(
                        "config-secret-field",
                        format!("config property `{name}` looks like a secret"),
                        &ctx.file.path,
                        ctx.key_span(&pointer),
                    )
                    .with_help("move it to `secretSchema`: config is stored and shown in clear, secrets are only referenced"),
                );
            }
        }
    }
}

fn strings_in<'v>(v: &'v Value, pointer: String, out: &mut Vec<(String, &'v str)>) {
    match v {
        Value::String(s) => out.push((pointer, s)),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                strings_in(item, format!("{pointer}/{i}"), out);
            }
        }
        Value::Object(m) => {
            for (k, item) in m {
                strings_in(item, push_pointer(&pointer, k), out);
            }
        }
        _ => {}
    }
}

/// Property names of a schema, nested objects included: (pointer of the key, name).
fn properties_in(schema: &Value, pointer: String, out: &mut Vec<(String, String)>, depth: usize) {
    if depth > 32 {
        return;
    }
    let Some(props) = schema.get("properties").and_then(Value::as_object) else {
        return;
    };
    let base = push_pointer(&pointer, "properties");
    for (name, sub) in props {
        let p = push_pointer(&base, name);
        out.push((p.clone(), name.clone()));
        properties_in(sub, p, out, depth + 1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_looking_credentials_are_caught() {
        assert_eq!(
            looks_real("sk_live_51H8xYzAbCdEfGhIjKlMnOpQr"),
            Some("a Stripe live or test key")
        );
        assert_eq!(
            looks_real("ghp_0123456789abcdefABCDEF0123456789abcd"),
            Some("a GitHub token")
        );
        assert_eq!(
            looks_real("xoxb-1234567890-abcdefghij"),
            Some("a Slack token")
        );
        assert_eq!(
            looks_real("AKIAIOSFODNN7EXAMPLF"),
            Some("an AWS access key id")
        );
        assert_eq!(
            looks_real("q8Zr4Lx0Vb2Nc7Md1Kp9Wt3Ys6Hf5Jg"),
            Some("a long random string")
        );
    }

    #[test]
    fn placeholders_pass() {
        for v in [
            "sk_live_***",
            "whsec_***",
            "your-api-key",
            "xoxb-***",
            "sk_live_...",
            "<api key>",
            "AKIAIOSFODNN7EXAMPLE",
            "acct_123",
            "us-east-1",
        ] {
            assert_eq!(looks_real(v), None, "{v}");
        }
    }

    #[test]
    fn secret_names() {
        for n in [
            "apiKey",
            "api_key",
            "token",
            "accessToken",
            "password",
            "clientSecret",
            "privateKey",
            "webhookSecret",
        ] {
            assert!(secret_name(n), "{n}");
        }
        for n in [
            "projectKey",
            "region",
            "accountId",
            "tokenUrl",
            "secretHeaderName",
            "keyPrefix",
        ] {
            assert!(!secret_name(n), "{n}");
        }
    }
}
