//! Before/after contract pairs, one or more per change rule, with the exact changes expected
//! (`rule class pointer`). The last test checks that every rule of the table is exercised.

use std::collections::BTreeSet;

use charter_diff::{diff_contracts, rules};
use charter_model::{de, parse, Contract, Format};

fn contract(yaml: &str) -> Contract {
    let nodes = parse::parse(yaml, Format::Yaml).expect("fixture parses");
    de::from_node(&nodes[0]).unwrap_or_else(|e| panic!("fixture fits the model: {e:?}\n{yaml}"))
}

fn changes(before: &str, after: &str) -> Vec<String> {
    diff_contracts(&contract(before), &contract(after))
        .into_iter()
        .map(|c| {
            format!(
                "{} {} {}",
                c.rule,
                rules::class_of(c.rule).as_str(),
                c.pointer
            )
        })
        .collect()
}

fn op(kind: &str, body: &str) -> String {
    format!("kind: operation\nmeta: {{key: shop.cart.update, version: 1.0.0, kind: {kind}, title: T, description: D, owners: [team.shop], tags: [], stability: stable}}\n{body}")
}

fn cmd(body: &str) -> String {
    op("command", body)
}

fn input(schema: &str) -> String {
    cmd(&format!("io:\n  input: {schema}\n"))
}

fn output(schema: &str) -> String {
    cmd(&format!("io:\n  output: {schema}\n"))
}

fn event(body: &str) -> String {
    format!("kind: event\nmeta: {{key: shop.cart.updated, version: 1.0.0, title: T, description: D, owners: [team.shop], tags: [], stability: stable}}\n{body}")
}

fn integ(body: &str) -> String {
    format!("kind: integration\nmeta: {{key: payments.acme, version: 1.0.0, category: payments, title: T, description: D, owners: [team.pay], tags: [], stability: stable}}\n{body}")
}

/// (name, before, after, expected)
fn cases() -> Vec<(&'static str, String, String, Vec<&'static str>)> {
    let obj = |props: &str, req: &str| {
        format!("{{type: object, required: [{req}], properties: {{{props}}}}}")
    };
    vec![
        // ---- contract meta
        ("stability", cmd(""), cmd("").replace("stable}", "deprecated}"), vec!["stability-changed info /meta/stability"]),
        ("owners", cmd(""), cmd("").replace("[team.shop]", "[team.cart]"), vec!["owners-changed info /meta/owners"]),
        // ---- operations
        ("op kind", cmd(""), op("query", ""), vec!["operation-kind-changed breaking /meta/kind"]),
        (
            "method",
            cmd("transport: {rest: {method: POST, path: /carts}}\n"),
            cmd("transport: {rest: {method: PUT, path: /carts}}\n"),
            vec!["rest-method-changed breaking /transport/rest/method"],
        ),
        (
            "path",
            cmd("transport: {rest: {method: POST, path: /carts}}\n"),
            cmd("transport: {rest: {method: POST, path: /baskets}}\n"),
            vec!["rest-path-changed breaking /transport/rest/path"],
        ),
        (
            "path param renamed only",
            cmd("transport: {rest: {method: POST, path: '/carts/{id}'}}\n"),
            cmd("transport: {rest: {method: POST, path: '/carts/{cartId}'}}\n"),
            vec![],
        ),
        ("route added", cmd(""), cmd("transport: {rest: {method: POST, path: /carts}}\n"), vec!["rest-route-added non-breaking /transport/rest"]),
        ("route removed", cmd("transport: {rest: {method: POST, path: /carts}}\n"), cmd(""), vec!["rest-route-removed breaking /transport"]),
        (
            "tool renamed",
            cmd("transport: {mcp: {toolName: cart_update}}\n"),
            cmd("transport: {mcp: {toolName: shop_cart_update}}\n"),
            vec!["mcp-tool-renamed breaking /transport/mcp/toolName"],
        ),
        ("tool added", cmd(""), cmd("transport: {mcp: {toolName: a}}\n"), vec!["mcp-tool-added non-breaking /transport/mcp"]),
        ("tool removed", cmd("transport: {mcp: {toolName: a}}\n"), cmd(""), vec!["mcp-tool-removed breaking /transport"]),
        (
            "errors",
            cmd("io:\n  errors: {A: {http: 404}, B: {http: 409}}\n"),
            cmd("io:\n  errors: {A: {http: 410}, C: {http: 422}}\n"),
            vec![
                "error-status-changed breaking /io/errors/A/http",
                "error-removed info /io/errors",
                "error-added non-breaking /io/errors/C",
            ],
        ),
        ("auth raised", cmd("policy: {auth: anonymous}\n"), cmd("policy: {auth: admin}\n"), vec!["auth-level-raised breaking /policy/auth"]),
        ("auth lowered", cmd("policy: {auth: user}\n"), cmd("policy: {auth: anonymous}\n"), vec!["auth-level-lowered non-breaking /policy/auth"]),
        (
            "permission",
            cmd("policy: {roles: [a], permissions: [cart:write]}\n"),
            cmd("policy: {roles: [a, b], permissions: [cart:write]}\n"),
            vec!["permission-added breaking /policy/roles"],
        ),
        ("idempotency", cmd("policy: {idempotent: true}\n"), cmd("policy: {idempotent: false}\n"), vec!["idempotency-removed breaking /policy"]),
        (
            "emits",
            cmd("sideEffects: {emits: [shop.cart.updated]}\n"),
            cmd("sideEffects: {emits: [shop.cart.changed]}\n"),
            vec![
                "emitted-event-removed breaking /sideEffects/emits",
                "emitted-event-added non-breaking /sideEffects/emits",
            ],
        ),
        // ---- request schemas
        ("in prop added", input(&obj("a: {type: string}", "")), input(&obj("a: {type: string}, b: {type: string}", "")), vec!["request-property-added non-breaking /io/input/properties/b"]),
        ("in required added", input(&obj("a: {type: string}", "")), input(&obj("a: {type: string}, b: {type: string}", "b")), vec!["request-required-property-added breaking /io/input/properties/b"]),
        ("in prop removed", input(&obj("a: {type: string}, b: {}", "")), input(&obj("a: {type: string}", "")), vec!["request-property-removed breaking /io/input/properties/b"]),
        ("in became required", input(&obj("a: {type: string}", "")), input(&obj("a: {type: string}", "a")), vec!["request-property-became-required breaking /io/input/properties/a"]),
        ("in became optional", input(&obj("a: {type: string}", "a")), input(&obj("a: {type: string}", "")), vec!["request-property-became-optional non-breaking /io/input/properties/a"]),
        ("in type changed", input(&obj("a: {type: string}", "")), input(&obj("a: {type: integer}", "")), vec!["request-type-changed breaking /io/input/properties/a"]),
        ("in type widened", input(&obj("a: {type: integer}", "")), input(&obj("a: {type: number}", "")), vec!["request-type-widened non-breaking /io/input/properties/a"]),
        ("in type narrowed", input(&obj("a: {type: number}", "")), input(&obj("a: {type: integer}", "")), vec!["request-type-changed breaking /io/input/properties/a"]),
        ("in enum removed", input(&obj("a: {enum: [x, y]}", "")), input(&obj("a: {enum: [x]}", "")), vec!["request-enum-value-removed breaking /io/input/properties/a"]),
        ("in enum added", input(&obj("a: {enum: [x]}", "")), input(&obj("a: {enum: [x, y]}", "")), vec!["request-enum-value-added non-breaking /io/input/properties/a"]),
        ("in nullable removed", input(&obj("a: {type: [string, 'null']}", "")), input(&obj("a: {type: string}", "")), vec!["request-nullable-removed breaking /io/input/properties/a"]),
        ("in nullable added", input(&obj("a: {type: string}", "")), input(&obj("a: {type: [string, 'null']}", "")), vec!["request-nullable-added non-breaking /io/input/properties/a"]),
        ("in format added", input(&obj("a: {type: string}", "")), input(&obj("a: {type: string, format: email}", "")), vec!["request-format-changed breaking /io/input/properties/a"]),
        ("in format removed", input(&obj("a: {type: string, format: uri}", "")), input(&obj("a: {type: string}", "")), vec!["request-format-removed non-breaking /io/input/properties/a"]),
        ("in tightened", input(&obj("a: {type: string, maxLength: 10}", "")), input(&obj("a: {type: string, maxLength: 5}", "")), vec!["request-constraint-tightened breaking /io/input/properties/a"]),
        ("in pattern added", input(&obj("a: {type: string}", "")), input(&obj("a: {type: string, pattern: '^a'}", "")), vec!["request-constraint-tightened breaking /io/input/properties/a"]),
        ("in loosened", input(&obj("a: {type: integer, minimum: 5}", "")), input(&obj("a: {type: integer, minimum: 1}", "")), vec!["request-constraint-loosened non-breaking /io/input/properties/a"]),
        ("in variant added", input("{oneOf: [{type: string}]}"), input("{oneOf: [{type: string}, {type: integer}]}"), vec!["request-variant-added non-breaking /io/input/oneOf/1"]),
        ("in variant removed", input("{anyOf: [{type: string}, {type: integer}]}"), input("{anyOf: [{type: string}]}"), vec!["request-variant-removed breaking /io/input/anyOf"]),
        ("in variant changed", input("{oneOf: [{type: string}]}"), input("{oneOf: [{type: boolean}]}"), vec!["request-type-changed breaking /io/input/oneOf/0"]),
        ("in allOf added", input("{allOf: [{required: [a]}]}"), input("{allOf: [{required: [a]}, {required: [b]}]}"), vec!["request-constraint-tightened breaking /io/input/allOf"]),
        ("in closed", input("{type: object}"), input("{type: object, additionalProperties: false}"), vec!["request-additional-properties-closed breaking /io/input"]),
        (
            "in nested array",
            input(&obj("items: {type: array, items: {type: object, properties: {sku: {type: string}}}}", "")),
            input(&obj("items: {type: array, items: {type: object, required: [qty], properties: {sku: {type: string}, qty: {type: integer}}}}", "")),
            vec!["request-required-property-added breaking /io/input/properties/items/items/properties/qty"],
        ),
        (
            "path param type",
            cmd("io:\n  params: {type: object, properties: {id: {type: string}}}\n"),
            cmd("io:\n  params: {type: object, properties: {id: {type: integer}}}\n"),
            vec!["request-type-changed breaking /io/params/properties/id"],
        ),
        (
            "query param required",
            cmd("io:\n  query: {type: object, properties: {q: {type: string}}}\n"),
            cmd("io:\n  query: {type: object, required: [q], properties: {q: {type: string}}}\n"),
            vec!["request-property-became-required breaking /io/query/properties/q"],
        ),
        (
            "header added",
            cmd(""),
            cmd("io:\n  headers: {type: object, required: [X-Tenant], properties: {X-Tenant: {type: string}}}\n"),
            vec!["request-required-property-added breaking /io/headers/properties/X-Tenant"],
        ),
        // ---- response schemas
        ("out prop added", output(&obj("a: {type: string}", "")), output(&obj("a: {type: string}, b: {type: string}", "")), vec!["response-property-added non-breaking /io/output/properties/b"]),
        ("out prop removed", output(&obj("a: {type: string}, b: {}", "")), output(&obj("a: {type: string}", "")), vec!["response-property-removed breaking /io/output/properties/b"]),
        ("out became optional", output(&obj("a: {type: string}", "a")), output(&obj("a: {type: string}", "")), vec!["response-property-became-optional breaking /io/output/properties/a"]),
        ("out became required", output(&obj("a: {type: string}", "")), output(&obj("a: {type: string}", "a")), vec!["response-property-became-required non-breaking /io/output/properties/a"]),
        ("out type changed", output(&obj("a: {type: integer}", "")), output(&obj("a: {type: string}", "")), vec!["response-type-changed breaking /io/output/properties/a"]),
        ("out type widened", output(&obj("a: {type: integer}", "")), output(&obj("a: {type: number}", "")), vec!["response-type-changed breaking /io/output/properties/a"]),
        ("out type narrowed", output(&obj("a: {type: number}", "")), output(&obj("a: {type: integer}", "")), vec!["response-type-narrowed non-breaking /io/output/properties/a"]),
        ("out enum added", output(&obj("a: {enum: [x]}", "")), output(&obj("a: {enum: [x, y]}", "")), vec!["response-enum-value-added breaking /io/output/properties/a"]),
        ("out enum removed", output(&obj("a: {enum: [x, y]}", "")), output(&obj("a: {enum: [x]}", "")), vec!["response-enum-value-removed non-breaking /io/output/properties/a"]),
        ("out nullable added", output(&obj("a: {type: string}", "")), output(&obj("a: {type: string, nullable: true}", "")), vec!["response-nullable-added breaking /io/output/properties/a"]),
        ("out nullable removed", output(&obj("a: {type: [string, 'null']}", "")), output(&obj("a: {type: string}", "")), vec!["response-nullable-removed non-breaking /io/output/properties/a"]),
        ("out format changed", output(&obj("a: {type: string, format: date}", "")), output(&obj("a: {type: string, format: date-time}", "")), vec!["response-format-changed breaking /io/output/properties/a"]),
        ("out format added", output(&obj("a: {type: string}", "")), output(&obj("a: {type: string, format: uuid}", "")), vec!["response-format-added non-breaking /io/output/properties/a"]),
        ("out loosened", output(&obj("a: {type: string, maxLength: 5}", "")), output(&obj("a: {type: string}", "")), vec!["response-constraint-loosened breaking /io/output/properties/a"]),
        ("out tightened", output(&obj("a: {type: array, minItems: 0}", "")), output(&obj("a: {type: array, minItems: 1}", "")), vec!["response-constraint-tightened non-breaking /io/output/properties/a"]),
        ("out variant added", output("{oneOf: [{type: string}]}"), output("{oneOf: [{type: string}, {type: integer}]}"), vec!["response-variant-added breaking /io/output/oneOf/1"]),
        ("out variant removed", output("{oneOf: [{type: string}, {type: integer}]}"), output("{oneOf: [{type: string}]}"), vec!["response-variant-removed non-breaking /io/output/oneOf"]),
        (
            "out nested enum",
            output(&obj("status: {type: object, properties: {code: {enum: [ok]}}}", "")),
            output(&obj("status: {type: object, properties: {code: {enum: [ok, late]}}}", "")),
            vec!["response-enum-value-added breaking /io/output/properties/status/properties/code"],
        ),
        ("ref changed", output("{$ref: ./a.json}"), output("{$ref: ./b.json}"), vec!["schema-ref-changed info /io/output"]),
        // ---- events
        (
            "payload field removed",
            event("payload: {type: object, properties: {id: {type: string}, email: {type: string}}}\npii: [/email]\n"),
            event("payload: {type: object, properties: {id: {type: string}}}\n"),
            vec!["response-property-removed breaking /payload/properties/email", "pii-changed info /pii"],
        ),
        // ---- integrations
        (
            "auth methods",
            integ("supportedAuthMethods: [{type: api-key, headerName: X-Key}]\n"),
            integ("supportedAuthMethods: [{type: bearer}]\n"),
            vec!["auth-method-removed breaking /supportedAuthMethods", "auth-method-added non-breaking /supportedAuthMethods"],
        ),
        (
            "transports",
            integ("transports: [{type: rest, baseUrl: 'https://a.example.com'}]\n"),
            integ("transports: [{type: sdk, packageName: acme}]\n"),
            vec!["transport-removed breaking /transports", "transport-added non-breaking /transports"],
        ),
        (
            "modes",
            integ("supportedModes: [managed]\n"),
            integ("supportedModes: [byok]\n"),
            vec!["mode-removed breaking /supportedModes", "mode-added non-breaking /supportedModes"],
        ),
        (
            "base url",
            integ("transports: [{type: rest, baseUrl: 'https://a.example.com'}]\n"),
            integ("transports: [{type: rest, baseUrl: 'https://b.example.com'}]\n"),
            vec!["base-url-changed info /transports/0/baseUrl"],
        ),
        (
            "webhook signing",
            integ("transports: [{type: webhook, inbound: {signatureHeader: X-Sig, signingAlgorithm: hmac-sha256, scheme: hmac-hex}}]\n"),
            integ("transports: [{type: webhook, inbound: {signatureHeader: X-Sig, signingAlgorithm: hmac-sha256, scheme: hmac-base64}}]\n"),
            vec!["webhook-signing-changed breaking /transports/0/inbound"],
        ),
        (
            "version policy",
            integ("versionPolicy: {currentVersion: '2', supportedVersions: [{version: '1', status: stable}, {version: '2', status: stable}, {version: '0', status: deprecated}]}\n"),
            integ("versionPolicy: {currentVersion: '3', supportedVersions: [{version: '1', status: deprecated}, {version: '2', status: sunset}, {version: '3', status: stable}]}\n"),
            vec![
                "api-version-deprecated info /versionPolicy/supportedVersions",
                "api-version-removed breaking /versionPolicy/supportedVersions",
                "api-version-added non-breaking /versionPolicy/supportedVersions",
                "api-version-current-sunset breaking /versionPolicy/supportedVersions",
                "api-version-current-changed info /versionPolicy/currentVersion",
            ],
        ),
        (
            "capabilities",
            integ("capabilities: {provides: [payments.psp], requires: [{key: platform.webhooks}, {key: platform.queue, optional: true}]}\n"),
            integ("capabilities: {provides: [payments.payouts], requires: [{key: platform.queue}]}\n"),
            vec![
                "capability-provided-removed breaking /capabilities/provides",
                "capability-provided-added non-breaking /capabilities/provides",
                "capability-required-removed non-breaking /capabilities/requires",
                "capability-required-added breaking /capabilities/requires",
            ],
        ),
        (
            "rate limits",
            integ("constraints: {rateLimit: {rpm: 100, rph: 1000}}\n"),
            integ("constraints: {rateLimit: {rpm: 50, rph: 2000}}\n"),
            vec!["rate-limit-lowered breaking /constraints/rateLimit/rpm", "rate-limit-raised non-breaking /constraints/rateLimit/rph"],
        ),
        (
            "health check",
            integ("healthCheck: {method: ping, timeoutMs: 5000}\n"),
            integ("healthCheck: {method: list, timeoutMs: 5000}\n"),
            vec!["health-check-changed info /healthCheck"],
        ),
        (
            "config and secrets",
            integ("configSchema: {schema: {type: object, properties: {region: {type: string}}}}\nsecretSchema: {schema: {type: object, required: [apiKey], properties: {apiKey: {type: string}}}}\n"),
            integ("configSchema: {schema: {type: object, required: [accountId], properties: {region: {type: string}, accountId: {type: string}}}}\nsecretSchema: {schema: {type: object, required: [apiKey, webhookSecret], properties: {apiKey: {type: string}, webhookSecret: {type: string}}}}\n"),
            vec![
                "config-required-field-added breaking /configSchema/schema/properties/accountId",
                "secret-required-field-added breaking /secretSchema/schema/properties/webhookSecret",
            ],
        ),
        (
            "config enum",
            integ("configSchema: {schema: {type: object, properties: {region: {enum: [us, eu]}}}}\n"),
            integ("configSchema: {schema: {type: object, properties: {region: {enum: [us]}}}}\n"),
            vec!["request-enum-value-removed breaking /configSchema/schema/properties/region"],
        ),
        // ---- features and capabilities
        (
            "feature",
            "kind: feature\nmeta: {key: shop.cart, version: 1.0.0, description: D, owners: [a], tags: [], stability: stable}\noperations: [shop.cart.update]\nevents: [shop.cart.updated]\n".to_string(),
            "kind: feature\nmeta: {key: shop.cart, version: 1.0.0, description: D, owners: [a], tags: [], stability: stable}\noperations: [shop.cart.update, shop.cart.get]\n".to_string(),
            vec!["feature-member-added non-breaking /operations", "feature-member-removed breaking /events"],
        ),
        (
            "capability",
            "kind: capability\nmeta: {key: shop.carts, version: 1.0.0, description: D, owners: [a], tags: [], stability: stable}\nprovides: [{surface: operation, key: shop.cart.update}]\n".to_string(),
            "kind: capability\nmeta: {key: shop.carts, version: 1.0.0, description: D, owners: [a], tags: [], stability: stable}\nprovides: [{surface: event, key: shop.cart.updated}]\n".to_string(),
            vec!["capability-surface-removed breaking /provides", "capability-surface-added non-breaking /provides"],
        ),
        ("unchanged", cmd("io:\n  input: {type: object}\n"), cmd("io:\n  input: {type: object}\n"), vec![]),
    ]
}

#[test]
fn every_pair_is_classified_exactly() {
    let mut failures = Vec::new();
    for (name, before, after, expected) in cases() {
        let got = changes(&before, &after);
        if got != expected {
            failures.push(format!(
                "{name}:\n  expected {expected:?}\n  got      {got:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_change_rule_has_a_pair() {
    let mut seen: BTreeSet<String> = cases()
        .into_iter()
        .flat_map(|(_, _, _, e)| e)
        .map(|e| e.split(' ').next().unwrap_or_default().to_string())
        .collect();
    // Added and removed contracts are workspace-level: see tests/workspace.rs.
    seen.insert("contract-added".into());
    seen.insert("contract-removed".into());
    let missing: Vec<&str> = rules::RULES
        .iter()
        .map(|r| r.id)
        .filter(|id| !seen.contains(*id))
        .collect();
    assert_eq!(missing, Vec::<&str>::new());
}
