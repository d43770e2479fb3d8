//! `charter validate` on the seed contract and on one broken variant of it per rule: exact
//! rule ID, severity, file, line, column and message, read from `--format json`.

mod common;

use common::{diag, diags, seed, seed_with, Diag, Ws};
use serde_json::Value;

const SEED: &str = "contracts/payments.stripe.yaml";

/// Validates a workspace holding only `contract` (as the seed's file).
fn validate(contract: &str) -> (i32, Vec<Diag>, Value) {
    let ws = Ws::new();
    ws.file(SEED, contract);
    let (code, report) = ws.validate_json();
    (code, diags(&report), report)
}

/// Validates the seed with one edit and expects exactly `expected` (and the exit code).
fn expect(old: &str, new: &str, code: i32, expected: &[Diag]) -> Value {
    let (got_code, got, report) = validate(&seed_with(old, new));
    assert_eq!(got, expected, "report: {report:#}");
    assert_eq!(got_code, code, "exit code; report: {report:#}");
    report
}

fn error(code: &str, line: u64, col: u64, message: &str) -> Diag {
    diag(code, "error", SEED, line, col, message)
}

fn warning(code: &str, line: u64, col: u64, message: &str) -> Diag {
    diag(code, "warning", SEED, line, col, message)
}

/// The `help` of the only diagnostic.
fn help(report: &Value) -> &str {
    report["diagnostics"][0]["help"].as_str().expect("help")
}

#[test]
fn seed_contract_is_valid() {
    let (code, got, report) = validate(&seed());
    assert_eq!(got, vec![]);
    assert_eq!(code, 0);
    assert_eq!(report["schema"], "charter.report/v1");
    assert_eq!(report["command"], "validate");
    assert_eq!(
        report["summary"],
        serde_json::json!({"files": 1, "contracts": 1, "errors": 0, "warnings": 0, "infos": 0})
    );
}

#[test]
fn examples_are_valid() {
    let r = common::charter(&common::examples(), &["validate", ".", "--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.stdout);
    let report: Value = serde_json::from_str(&r.stdout).expect("json");
    assert_eq!(report["schema"], "charter.report/v1");
    assert_eq!(report["summary"]["errors"], 0);
    assert_eq!(report["summary"]["warnings"], 0);
    assert_eq!(report["summary"]["contracts"], 24);
}

#[test]
fn misspelled_field() {
    let report = expect(
        "preferredTransport: rest",
        "preferedTransport: rest",
        1,
        &[error(
            "unknown-field",
            31,
            1,
            "unknown field `preferedTransport`",
        )],
    );
    assert!(
        help(&report).starts_with("did you mean `preferredTransport`?"),
        "{}",
        help(&report)
    );
    assert_eq!(report["diagnostics"][0]["note"], "at /preferedTransport");
}

#[test]
fn misspelled_nested_field() {
    let report = expect(
        "    apiVersionHeader: Stripe-Version",
        "    apiVersionHeadr: Stripe-Version",
        1,
        &[error(
            "unknown-field",
            23,
            5,
            "unknown field `apiVersionHeadr`",
        )],
    );
    assert!(help(&report).starts_with("did you mean `apiVersionHeader`?"));
    assert_eq!(
        report["diagnostics"][0]["note"],
        "at /transports/0/apiVersionHeadr"
    );
}

#[test]
fn wrong_stability() {
    let report = expect(
        "stability: stable",
        "stability: stabel",
        1,
        &[error("meta-stability", 16, 14, "unknown value `stabel`")],
    );
    assert_eq!(
        help(&report),
        "did you mean `stable`? Allowed values: `idea`, `in_creation`, `experimental`, `beta`, `stable`, `deprecated`"
    );
}

#[test]
fn bad_key() {
    let report = expect(
        "key: payments.stripe",
        "key: Payments.Stripe",
        1,
        &[error(
            "meta-key-format",
            5,
            8,
            "`Payments.Stripe` is not a valid contract key",
        )],
    );
    assert_eq!(
        help(&report),
        "keys look like `payments.stripe`; try `payments.stripe`"
    );
}

#[test]
fn single_segment_key() {
    expect(
        "key: payments.stripe",
        "key: stripe",
        1,
        &[error(
            "meta-key-format",
            5,
            8,
            "`stripe` is not a valid contract key",
        )],
    );
}

#[test]
fn non_semver_version() {
    expect(
        "  version: '1.0.0'\n  category",
        "  version: '1.0'\n  category",
        1,
        &[error(
            "meta-version-semver",
            6,
            12,
            "`1.0` is not a semantic version",
        )],
    );
}

#[test]
fn unquoted_float_version_is_a_type_error() {
    // `1.0` unquoted is a YAML float, not text.
    let report = expect(
        "  version: '1.0.0'\n  category",
        "  version: 1.0\n  category",
        1,
        &[error(
            "invalid-type",
            6,
            12,
            "expected a string, found floating point `1.0`",
        )],
    );
    assert_eq!(
        help(&report),
        "put the value in quotes so that it is read as text"
    );
}

#[test]
fn missing_description_points_at_meta() {
    let report = expect(
        "  description: Stripe integration for payment processing, charges, and payouts.\n",
        "",
        1,
        &[error(
            "missing-field",
            4,
            1,
            "missing required field `description`",
        )],
    );
    assert_eq!(help(&report), "add `description:` here");
    assert_eq!(report["diagnostics"][0]["note"], "at /meta");
}

#[test]
fn preferred_transport_not_declared() {
    let report = expect(
        "preferredTransport: rest",
        "preferredTransport: mcp",
        1,
        &[error(
            "preferred-transport",
            31,
            21,
            "`preferredTransport` is `mcp`, but no `mcp` transport is declared",
        )],
    );
    assert_eq!(help(&report), "declared transports: rest, webhook, sdk");
}

#[test]
fn webhook_signing_header_mismatch() {
    let report = expect(
        "    algorithm: hmac-sha256\n    signatureHeader: stripe-signature",
        "    algorithm: hmac-sha256\n    signatureHeader: x-stripe-sig",
        1,
        &[error(
            "webhook-signing-mismatch",
            44,
            22,
            "signature header `x-stripe-sig` differs from the webhook transport's `stripe-signature`",
        )],
    );
    // The transport's header is named too.
    let related = &report["diagnostics"][0]["related"][0];
    assert_eq!(related["file"], SEED);
    assert_eq!(related["span"]["line"], 26);
    assert_eq!(related["span"]["col"], 24);
    assert_eq!(related["message"], "the transport declares this header");
}

#[test]
fn webhook_signing_algorithm_mismatch() {
    expect(
        "    algorithm: hmac-sha256\n",
        "    algorithm: hmac-sha1\n",
        1,
        &[error(
            "webhook-signing-mismatch",
            43,
            16,
            "signing algorithm `hmac-sha1` differs from the webhook transport's `hmac-sha256`",
        )],
    );
}

#[test]
fn oauth2_authorization_code_without_authorization_url() {
    expect(
        "    authorizationUrl: https://connect.stripe.com/oauth/authorize\n",
        "",
        1,
        &[error(
            "oauth2-authorization-url",
            36,
            5,
            "an oauth2 `authorization_code` method needs an `authorizationUrl`",
        )],
    );
}

#[test]
fn invalid_json_schema() {
    expect(
        "      accountId:\n        type: string",
        "      accountId:\n        type: strang",
        1,
        &[error(
            "schema-invalid",
            64,
            15,
            "invalid JSON Schema: \"strang\" is not valid under any of the schemas listed in the 'anyOf' keyword",
        )],
    );
}

#[test]
fn example_not_matching_schema() {
    let report = expect(
        "    accountId: acct_123",
        "    accountId: 42",
        1,
        &[error(
            "example-invalid",
            70,
            16,
            "example/accountId does not match the schema: 42 is not of type \"string\"",
        )],
    );
    assert_eq!(
        report["diagnostics"][0]["note"],
        "schema at /configSchema/schema, rule /properties/accountId/type"
    );
}

#[test]
fn secret_example_missing_required_property() {
    expect(
        "    webhookSecret: 'whsec_***'\n",
        "",
        1,
        &[error(
            "example-invalid",
            86,
            5,
            "the example does not match the schema: \"webhookSecret\" is a required property",
        )],
    );
}

#[test]
fn real_looking_secret_example() {
    let report = expect(
        "apiKey: 'sk_live_***'",
        "apiKey: 'sk_live_51H8xYzAbCdEfGhIjKlMnOpQr'",
        1,
        &[error(
            "secret-example-real",
            86,
            13,
            "this secret example looks like a Stripe live or test key, not a placeholder",
        )],
    );
    // The secret itself is never echoed.
    assert!(!report.to_string().contains("51H8xYz"), "{report}");
}

#[test]
fn config_property_that_looks_like_a_secret_is_a_warning() {
    let report = expect(
        "      region:\n        type: string",
        "      apiToken:\n        type: string\n      region:\n        type: string",
        0,
        &[warning(
            "config-secret-field",
            66,
            7,
            "config property `apiToken` looks like a secret",
        )],
    );
    assert_eq!(report["summary"]["errors"], 0);
    assert_eq!(report["summary"]["warnings"], 1);
}

#[test]
fn current_version_not_supported() {
    let report = expect(
        "currentVersion: '2024-11-20.acacia'",
        "currentVersion: '2023-10-16'",
        1,
        &[error(
            "version-policy-current",
            46,
            19,
            "current version `2023-10-16` is not in `supportedVersions`",
        )],
    );
    assert_eq!(
        help(&report),
        "add it to `supportedVersions`, or pick one of: 2024-11-20.acacia"
    );
}

#[test]
fn current_version_sunset() {
    expect(
        "      status: stable\n  versionHeader",
        "      status: sunset\n  versionHeader",
        1,
        &[error(
            "version-policy-current",
            46,
            19,
            "current version `2024-11-20.acacia` is sunset",
        )],
    );
}

#[test]
fn rate_limit_zero() {
    expect(
        "rpm: 1000",
        "rpm: 0",
        1,
        &[error(
            "rate-limit-positive",
            94,
            10,
            "`rpm` is 0; a rate limit is a positive number of requests",
        )],
    );
}

#[test]
fn rph_above_sixty_rpm_is_a_warning() {
    expect(
        "rph: 20000",
        "rph: 60001",
        0,
        &[warning(
            "rate-limit-rph-unreachable",
            95,
            10,
            "`rph` 60001 can never bind: 60 × `rpm` 1000 is only 60000",
        )],
    );
    // Exactly 60 × rpm is fine.
    let (code, got, _) = validate(&seed_with("rph: 20000", "rph: 60000"));
    assert_eq!((code, got), (0, vec![]));
}

#[test]
fn health_check_timeout_zero() {
    expect(
        "timeoutMs: 5000",
        "timeoutMs: 0",
        1,
        &[error(
            "health-check-timeout",
            90,
            14,
            "`healthCheck.timeoutMs` is 0; it must be within 1..=120000",
        )],
    );
}

#[test]
fn health_check_timeout_too_long() {
    expect(
        "timeoutMs: 5000",
        "timeoutMs: 200000",
        1,
        &[error(
            "health-check-timeout",
            90,
            14,
            "`healthCheck.timeoutMs` is 200000; it must be within 1..=120000",
        )],
    );
    // The bounds themselves are accepted.
    for ok in ["1", "120000"] {
        let (code, got, _) = validate(&seed_with("timeoutMs: 5000", &format!("timeoutMs: {ok}")));
        assert_eq!((code, got), (0, vec![]), "timeoutMs: {ok}");
    }
}

#[test]
fn plain_http_url() {
    let report = expect(
        "baseUrl: https://api.stripe.com",
        "baseUrl: http://api.stripe.com",
        1,
        &[error(
            "url-https",
            22,
            14,
            "`http://api.stripe.com` uses plain http",
        )],
    );
    assert_eq!(
        help(&report),
        "use https (plain http is only accepted for localhost)"
    );
    // localhost may use http.
    let (code, got, _) = validate(&seed_with(
        "baseUrl: https://api.stripe.com",
        "baseUrl: http://localhost:12111",
    ));
    assert_eq!((code, got), (0, vec![]));
}

#[test]
fn duplicate_contract_across_two_files_names_both() {
    let ws = Ws::new();
    ws.file(SEED, seed());
    ws.file("contracts/copy.yaml", seed());
    let (code, report) = ws.validate_json();
    assert_eq!(code, 1);
    assert_eq!(
        diags(&report),
        vec![error(
            "duplicate-contract",
            5,
            8,
            "integration `payments.stripe` version 1.0.0 is declared twice",
        )]
    );
    let d = &report["diagnostics"][0];
    assert_eq!(d["note"], "first declared at contracts/copy.yaml:5:8");
    assert_eq!(d["related"][0]["file"], "contracts/copy.yaml");
    assert_eq!(d["related"][0]["span"]["line"], 5);
    assert_eq!(d["related"][0]["message"], "first declared here");
}

#[test]
fn duplicate_contract_in_one_multi_document_file() {
    let ws = Ws::new();
    // The seed is 102 lines: the second document's key is on line 102 + 1 + 5.
    assert_eq!(seed().lines().count(), 102);
    ws.file("contracts/both.yaml", format!("{}---\n{}", seed(), seed()));
    let (code, report) = ws.validate_json();
    assert_eq!(code, 1);
    assert_eq!(
        diags(&report),
        vec![diag(
            "duplicate-contract",
            "error",
            "contracts/both.yaml",
            108,
            8,
            "integration `payments.stripe` version 1.0.0 is declared twice",
        )]
    );
    assert_eq!(
        report["diagnostics"][0]["note"],
        "first declared at contracts/both.yaml:5:8"
    );
}

const OPERATION: &str = "kind: operation
meta:
  key: commerce.pay
  version: 1.0.0
  kind: command
  description: Take a payment.
  owners: [team.commerce]
  tags: []
  stability: beta
sideEffects:
  emits:
    - commerce.paid
";

#[test]
fn operation_emitting_a_missing_event() {
    let ws = Ws::new();
    ws.file("contracts/pay.yaml", OPERATION);
    let (code, report) = ws.validate_json();
    assert_eq!(code, 1);
    assert_eq!(
        diags(&report),
        vec![diag(
            "unresolved-reference",
            "error",
            "contracts/pay.yaml",
            12,
            7,
            "no event `commerce.paid` in the workspace",
        )]
    );
    // With the event present, it resolves.
    ws.file(
        "contracts/paid.yaml",
        "kind: event\nmeta: {key: commerce.paid, version: 1.0.0, description: Paid., owners: [team.commerce], tags: [], stability: beta}\npayload: {type: object}\n",
    );
    let (code, report) = ws.validate_json();
    assert_eq!((code, diags(&report)), (0, vec![]));
}

#[test]
fn misspelled_event_reference_gets_a_suggestion() {
    let ws = Ws::new();
    ws.file("contracts/pay.yaml", OPERATION);
    ws.file(
        "contracts/paid.yaml",
        "kind: event\nmeta: {key: commerce.payed, version: 1.0.0, description: Paid., owners: [team.commerce], tags: [], stability: beta}\npayload: {type: object}\n",
    );
    let (code, report) = ws.validate_json();
    assert_eq!(code, 1);
    assert_eq!(report["diagnostics"][0]["code"], "unresolved-reference");
    assert_eq!(
        report["diagnostics"][0]["help"],
        "did you mean `commerce.payed`?"
    );
}

const REQUIRED: &str = "  requires:\n    - key: platform.webhooks\n";

#[test]
fn required_capability_not_provided() {
    let report = expect(
        "  requires:\n    - key: platform.webhooks\n      optional: true\n",
        REQUIRED,
        1,
        &[error(
            "unresolved-capability",
            56,
            7,
            "capability `platform.webhooks` is required but nothing provides it",
        )],
    );
    assert!(
        help(&report).contains("external-capabilities"),
        "{}",
        help(&report)
    );
}

#[test]
fn capability_declared_external_in_charter_toml_passes() {
    let ws = Ws::new();
    ws.file(
        SEED,
        seed_with(
            "  requires:\n    - key: platform.webhooks\n      optional: true\n",
            REQUIRED,
        ),
    );
    ws.file(
        "charter.toml",
        "[workspace]\ncontracts = [\"contracts\"]\nexternal-capabilities = [\"platform.webhooks\"]\n",
    );
    let (code, report) = ws.validate_json();
    assert_eq!((code, diags(&report)), (0, vec![]));
}

#[test]
fn rule_levels_from_charter_toml_apply() {
    let ws = Ws::new();
    ws.file(SEED, seed_with("rph: 20000", "rph: 60001"));
    ws.file(
        "charter.toml",
        "[rules]\n\"rate-limit-rph-unreachable\" = \"error\"\n",
    );
    let (code, report) = ws.validate_json();
    assert_eq!(code, 1);
    assert_eq!(report["diagnostics"][0]["severity"], "error");
    ws.file(
        "charter.toml",
        "[rules]\n\"rate-limit-rph-unreachable\" = \"off\"\n",
    );
    let (code, report) = ws.validate_json();
    assert_eq!((code, diags(&report)), (0, vec![]));
}

#[test]
fn missing_path_is_a_usage_error() {
    let ws = Ws::new();
    let r = ws.run(&["validate", "no-such-folder"]);
    assert_eq!(r.code, 2);
    assert_eq!(r.stderr, "error: no-such-folder: no such file or folder\n");
    let r = ws.run(&["validate", "no-such-folder", "--format", "json"]);
    assert_eq!(r.code, 2);
    assert_eq!(r.stdout, "");
}

#[test]
fn short_format_is_one_line_per_problem() {
    let ws = Ws::new();
    ws.file(SEED, seed_with("rpm: 1000", "rpm: 0"));
    let r = ws.run(&["validate", ".", "--format", "short"]);
    assert_eq!(r.code, 1);
    assert_eq!(
        r.stdout,
        "contracts/payments.stripe.yaml:94:10: error[rate-limit-positive]: `rpm` is 0; a rate limit is a positive number of requests\n"
    );
}

#[test]
fn unknown_transport_type_points_at_the_value() {
    let report = expect(
        "  - type: rest",
        "  - type: rst",
        1,
        &[error("invalid-value", 21, 11, "unknown value `rst`")],
    );
    assert_eq!(
        help(&report),
        "did you mean `rest`? Allowed values: `rest`, `webhook`, `sdk`, `mcp`"
    );
    assert_eq!(report["diagnostics"][0]["note"], "at /transports/0/type");
}

#[test]
fn unknown_kind_points_at_the_value() {
    let report = expect(
        "kind: integration",
        "kind: integratoin",
        1,
        &[error("unknown-kind", 3, 7, "unknown value `integratoin`")],
    );
    assert!(help(&report).starts_with("did you mean `integration`?"));
}

#[test]
fn misspelled_field_in_a_reference() {
    expect(
        "    - key: payments.psp\n      version: '1.0.0'",
        "    - {key: payments.psp, versoin: '1.0.0'}",
        1,
        &[error("unknown-field", 53, 27, "unknown field `versoin`")],
    );
}

fn example_file(rel: &str) -> String {
    std::fs::read_to_string(common::examples().join(rel)).expect("example file")
}

/// A workspace with one example file edited; returns (exit code, diagnostics).
fn validate_edited(rel: &str, name: &str, old: &str, new: &str) -> (i32, Vec<Diag>) {
    let text = example_file(rel);
    assert_eq!(text.matches(old).count(), 1, "`{old}` once in {rel}");
    let ws = Ws::new();
    ws.file(name, text.replacen(old, new, 1));
    let (code, report) = ws.validate_json();
    (code, diags(&report))
}

#[test]
fn json_contract_positions() {
    let (code, got) = validate_edited(
        "contracts/commerce/charge.get.json",
        "contracts/charge.get.json",
        "\"stability\": \"stable\"",
        "\"stability\": \"stabel\"",
    );
    assert_eq!(code, 1);
    // The example references events and a capability that are not in this workspace, so
    // only the first diagnostic is about the edit.
    assert_eq!(
        got[0],
        diag(
            "meta-stability",
            "error",
            "contracts/charge.get.json",
            14,
            18,
            "unknown value `stabel`",
        )
    );
    let (code, got) = validate_edited(
        "contracts/commerce/charge.get.json",
        "contracts/charge.get.json",
        "\"goal\": ",
        "\"gaol\": ",
    );
    assert_eq!(code, 1);
    assert_eq!(
        got,
        vec![diag(
            "unknown-field",
            "error",
            "contracts/charge.get.json",
            7,
            5,
            "unknown field `gaol`",
        )]
    );
}

#[test]
fn toml_contract_positions() {
    let rel = "contracts/integrations/ai-llm.openai.toml";
    let (code, got) = validate_edited(
        rel,
        "contracts/openai.toml",
        "key = \"ai-llm.openai\"",
        "key = \"AI-LLM.openai\"",
    );
    assert_eq!(code, 1);
    assert_eq!(
        got,
        vec![diag(
            "meta-key-format",
            "error",
            "contracts/openai.toml",
            8,
            7,
            "`AI-LLM.openai` is not a valid contract key",
        )]
    );
    let (code, got) = validate_edited(
        rel,
        "contracts/openai.toml",
        "preferredTransport = \"rest\"",
        "preferredTransport = \"grpc\"",
    );
    assert_eq!(code, 1);
    assert_eq!(
        got,
        vec![diag(
            "preferred-transport",
            "error",
            "contracts/openai.toml",
            4,
            22,
            "`preferredTransport` is `grpc`, but no `grpc` transport is declared",
        )]
    );
}

#[test]
fn broken_charter_toml_is_reported_in_json() {
    let ws = Ws::new();
    ws.file(SEED, seed());
    ws.file("charter.toml", "[workspace]\ncontract = [\"contracts\"]\n");
    let (code, report) = ws.validate_json();
    assert_eq!(code, 1);
    assert_eq!(report["schema"], "charter.report/v1");
    assert_eq!(
        diags(&report),
        vec![diag(
            "unknown-field",
            "error",
            "charter.toml",
            2,
            1,
            "unknown field `contract`",
        )]
    );
    assert!(report["diagnostics"][0]["help"]
        .as_str()
        .expect("help")
        .starts_with("did you mean `contracts`?"));
}

#[test]
fn comment_only_charter_toml_means_defaults() {
    let ws = Ws::new();
    ws.file(SEED, seed());
    ws.file("charter.toml", "# every key is optional\n");
    let (code, report) = ws.validate_json();
    assert_eq!((code, diags(&report)), (0, vec![]));
    assert_eq!(report["summary"]["files"], 1);
}

#[test]
fn utf8_bom_keeps_positions() {
    let ws = Ws::new();
    ws.file(
        SEED,
        format!("\u{feff}{}", seed_with("rpm: 1000", "rpm: 0")),
    );
    let (code, report) = ws.validate_json();
    assert_eq!(code, 1);
    assert_eq!(
        diags(&report),
        vec![error(
            "rate-limit-positive",
            94,
            10,
            "`rpm` is 0; a rate limit is a positive number of requests",
        )]
    );
    // The human rendering shows the same line, with the caret under the value.
    let r = ws.run(&["--color", "never", "validate", "."]);
    assert!(
        r.stderr.contains("94 │     rpm: 0\n   │          ^\n"),
        "{}",
        r.stderr
    );
}

#[test]
fn required_capability_version_not_provided() {
    let report = expect(
        "  requires:\n    - key: platform.webhooks\n      optional: true\n",
        "  requires:\n    - key: payments.psp\n      version: '2.0.0'\n",
        1,
        &[error(
            "unresolved-capability",
            56,
            7,
            "capability `payments.psp@2.0.0` is required but nothing provides it",
        )],
    );
    assert_eq!(
        help(&report),
        "versions provided: 1.0.0; drop `version` to accept any, or provide version 2.0.0"
    );
    // The version that is provided resolves.
    let (code, got, _) = validate(&seed_with(
        "  requires:\n    - key: platform.webhooks\n      optional: true\n",
        "  requires:\n    - key: payments.psp\n      version: '1.0.0'\n",
    ));
    assert_eq!((code, got), (0, vec![]));
}

#[test]
fn webhook_transport_without_inbound() {
    expect(
        "    inbound:\n      signatureHeader: stripe-signature\n      signingAlgorithm: hmac-sha256\n",
        "    outbound: {deliveryRetries: 3}\n",
        1,
        &[
            error(
                "webhook-inbound-missing",
                24,
                5,
                "this webhook transport does not say how inbound requests are signed",
            ),
            error(
                "webhook-signing-mismatch",
                40,
                5,
                "a `webhook-signing` auth method is declared, but no webhook transport with `inbound`",
            ),
        ],
    );
}

#[test]
fn unknown_category_and_missing_category() {
    let report = expect(
        "category: payments",
        "category: payment",
        1,
        &[error(
            "meta-category",
            7,
            13,
            "unknown integration category `payment`",
        )],
    );
    assert!(help(&report).starts_with("did you mean `payments`?"));
    expect(
        "  category: payments\n",
        "",
        0,
        &[warning(
            "meta-category-missing",
            5,
            3,
            "this integration has no `meta.category`",
        )],
    );
}

#[test]
fn empty_owners_and_blank_description() {
    expect(
        "  owners:\n    - platform.payments\n",
        "  owners: []\n",
        1,
        &[error("meta-owners", 11, 11, "`meta.owners` is empty")],
    );
    expect(
        "  description: Stripe integration for payment processing, charges, and payouts.\n",
        "  description: '  '\n",
        1,
        &[error(
            "meta-description",
            9,
            16,
            "`meta.description` is empty",
        )],
    );
}

#[test]
fn zero_quota() {
    expect(
        "    rph: 20000\n",
        "    rph: 20000\n  quotas:\n    chargesPerDay: 0\n",
        1,
        &[error(
            "rate-limit-positive",
            97,
            20,
            "quota `chargesPerDay` is 0; quotas are positive",
        )],
    );
}

#[test]
fn real_looking_webhook_secret_nested_in_a_list() {
    expect(
        "    webhookSecret: 'whsec_***'",
        "    webhookSecret: 'whsec_***'\n    extra: ['ghp_0123456789abcdefABCDEF0123456789abcd']",
        1,
        &[error(
            "secret-example-real",
            88,
            13,
            "this secret example looks like a GitHub token, not a placeholder",
        )],
    );
}

const OP_WITH_REF: &str = "kind: operation
meta:
  key: a.op
  version: 1.0.0
  kind: command
  description: Do.
  owners: [a]
  tags: []
  stability: beta
io:
  input: { $ref: ../schemas/input.json }
  output:
    type: object
    required: [id]
    properties:
      id: { type: string }
examples:
  - name: one
    input: { x: 1 }
    output: { id: 7 }
";

#[test]
fn operation_schema_ref_and_examples() {
    let ws = Ws::new();
    ws.file("charter.toml", "[workspace]\ncontracts = [\"contracts\"]\n");
    ws.file("contracts/op.yaml", OP_WITH_REF);
    let (code, report) = ws.validate_json();
    assert_eq!(code, 1);
    let got = diags(&report);
    assert_eq!(got.len(), 2, "{report:#}");
    assert_eq!(
        (got[0].0.as_str(), got[0].3, got[0].4),
        ("schema-ref", 11, 10)
    );
    assert!(
        got[0].5.starts_with("a `$ref` cannot be resolved"),
        "{}",
        got[0].5
    );
    assert_eq!(
        got[1],
        diag(
            "example-invalid",
            "error",
            "contracts/op.yaml",
            20,
            19,
            "example/id does not match the schema: 7 is not of type \"string\"",
        )
    );
    // With the referenced file present, the input example is checked against it too.
    ws.file(
        "schemas/input.json",
        r#"{"type": "object", "required": ["x"], "properties": {"x": {"type": "string"}}}"#,
    );
    let (code, report) = ws.validate_json();
    assert_eq!(code, 1);
    assert_eq!(
        diags(&report),
        vec![
            diag(
                "example-invalid",
                "error",
                "contracts/op.yaml",
                19,
                17,
                "example/x does not match the schema: 1 is not of type \"string\"",
            ),
            diag(
                "example-invalid",
                "error",
                "contracts/op.yaml",
                20,
                19,
                "example/id does not match the schema: 7 is not of type \"string\"",
            ),
        ]
    );
}
