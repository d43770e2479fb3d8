//! The typed contract model (DESIGN 1.1–1.3). Field names follow the seed (camelCase).
//! Structural rules live in the types (unknown fields are refused); value rules that need
//! the whole workspace or a message with advice live in `charter-check`.

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};
use serde_json::Value as Json;

use crate::tagged_enum;

/// A JSON Schema (2020-12) kept as JSON.
pub type Schema = Json;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Integration,
    Operation,
    Event,
    Capability,
    Feature,
}

impl Kind {
    pub const ALL: [Kind; 5] = [
        Kind::Integration,
        Kind::Operation,
        Kind::Event,
        Kind::Capability,
        Kind::Feature,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Integration => "integration",
            Kind::Operation => "operation",
            Kind::Event => "event",
            Kind::Capability => "capability",
            Kind::Feature => "feature",
        }
    }
    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

impl std::fmt::Display for Kind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Lifecycle of a contract, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stability {
    Idea,
    InCreation,
    Experimental,
    Beta,
    Stable,
    Deprecated,
}

impl Stability {
    pub const ALL: [Stability; 6] = [
        Stability::Idea,
        Stability::InCreation,
        Stability::Experimental,
        Stability::Beta,
        Stability::Stable,
        Stability::Deprecated,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            Stability::Idea => "idea",
            Stability::InCreation => "in_creation",
            Stability::Experimental => "experimental",
            Stability::Beta => "beta",
            Stability::Stable => "stable",
            Stability::Deprecated => "deprecated",
        }
    }
    pub fn parse(s: &str) -> Option<Stability> {
        Stability::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

impl std::fmt::Display for Stability {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Integration categories (DESIGN 1.1).
pub const CATEGORIES: &[&str] = &[
    "payments",
    "email",
    "calendar",
    "sms",
    "messaging",
    "health",
    "ai-llm",
    "ai-voice-tts",
    "ai-voice-stt",
    "ai-voice-conversational",
    "ai-image",
    "analytics",
    "vector-db",
    "storage",
    "accounting",
    "crm",
    "helpdesk",
    "project-management",
    "open-banking",
    "meeting-recorder",
    "database",
    "custom",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OperationKind {
    Command,
    Query,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Meta {
    pub key: String,
    pub version: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    pub description: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain: Option<String>,
    pub owners: Vec<String>,
    pub tags: Vec<String>,
    pub stability: Stability,
    /// Integrations only; checked against [`CATEGORIES`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// Operations only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<OperationKind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goal: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub docs_url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doc_id: Option<String>,
}

impl Meta {
    /// `domain`, or the first segment of the key.
    pub fn domain(&self) -> &str {
        self.domain
            .as_deref()
            .unwrap_or_else(|| self.key.split('.').next().unwrap_or(&self.key))
    }
    pub fn title(&self) -> &str {
        self.title.as_deref().unwrap_or(&self.key)
    }
}

/// `{key, version?}`, or the shorthand `key` / `key@version`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Ref {
    pub key: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
}

impl std::fmt::Display for Ref {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.version {
            Some(v) => write!(f, "{}@{}", self.key, v),
            None => f.write_str(&self.key),
        }
    }
}

impl Ref {
    pub fn parse(s: &str) -> Ref {
        match s.split_once('@') {
            Some((k, v)) => Ref {
                key: k.to_string(),
                version: Some(v.to_string()),
            },
            None => Ref {
                key: s.to_string(),
                version: None,
            },
        }
    }
}

impl<'de> Deserialize<'de> for Ref {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Ref, D::Error> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Full {
            key: String,
            #[serde(default)]
            version: Option<String>,
        }
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Ref;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a reference: `key`, `key@version` or {key, version}")
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Ref, E> {
                Ok(Ref::parse(s))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Ref, A::Error> {
                let full = Full::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
                Ok(Ref {
                    key: full.key,
                    version: full.version,
                })
            }
        }
        d.deserialize_any(V)
    }
}

// ---------------------------------------------------------------- integration

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    Managed,
    Byok,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Integration {
    pub meta: Meta,
    #[serde(default)]
    pub supported_modes: Vec<Mode>,
    #[serde(default)]
    pub transports: Vec<Transport>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preferred_transport: Option<String>,
    #[serde(default)]
    pub supported_auth_methods: Vec<AuthMethod>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version_policy: Option<VersionPolicy>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capabilities: Option<Capabilities>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub config_schema: Option<SchemaWithExample>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secret_schema: Option<SchemaWithExample>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub health_check: Option<HealthCheck>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub docs_url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub constraints: Option<Constraints>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub byok_setup: Option<ByokSetup>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Transport {
    Rest(RestTransport),
    Webhook(WebhookTransport),
    Sdk(SdkTransport),
    Mcp(McpTransport),
}

tagged_enum!(Transport, "transport", "type", {
    "rest" => Rest(RestTransport),
    "webhook" => Webhook(WebhookTransport),
    "sdk" => Sdk(SdkTransport),
    "mcp" => Mcp(McpTransport),
});

impl Transport {
    pub fn type_name(&self) -> &'static str {
        match self {
            Transport::Rest(_) => "rest",
            Transport::Webhook(_) => "webhook",
            Transport::Sdk(_) => "sdk",
            Transport::Mcp(_) => "mcp",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RestTransport {
    pub base_url: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_version_header: Option<String>,
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub default_headers: IndexMap<String, String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate_limit_headers: Option<RateLimitHeaders>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub accept_content_types: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RateLimitHeaders {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remaining: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reset: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct WebhookTransport {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inbound: Option<WebhookInbound>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outbound: Option<WebhookOutbound>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SigningAlgorithm {
    HmacSha256,
    HmacSha1,
    Ed25519,
}

impl SigningAlgorithm {
    pub fn as_str(self) -> &'static str {
        match self {
            SigningAlgorithm::HmacSha256 => "hmac-sha256",
            SigningAlgorithm::HmacSha1 => "hmac-sha1",
            SigningAlgorithm::Ed25519 => "ed25519",
        }
    }
}

/// How a webhook signature is built.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SignatureScheme {
    Stripe,
    StandardWebhooks,
    Github,
    Slack,
    Twilio,
    HmacHex,
    HmacBase64,
    SharedToken,
}

impl SignatureScheme {
    pub fn as_str(self) -> &'static str {
        match self {
            SignatureScheme::Stripe => "stripe",
            SignatureScheme::StandardWebhooks => "standard-webhooks",
            SignatureScheme::Github => "github",
            SignatureScheme::Slack => "slack",
            SignatureScheme::Twilio => "twilio",
            SignatureScheme::HmacHex => "hmac-hex",
            SignatureScheme::HmacBase64 => "hmac-base64",
            SignatureScheme::SharedToken => "shared-token",
        }
    }

    /// The scheme a signature header name implies when `scheme` is not written.
    pub fn infer(header: &str) -> Option<SignatureScheme> {
        match header.to_ascii_lowercase().as_str() {
            "stripe-signature" => Some(SignatureScheme::Stripe),
            "webhook-signature" => Some(SignatureScheme::StandardWebhooks),
            "x-hub-signature-256" | "x-hub-signature" => Some(SignatureScheme::Github),
            "x-slack-signature" => Some(SignatureScheme::Slack),
            "x-twilio-signature" => Some(SignatureScheme::Twilio),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct WebhookInbound {
    pub signature_header: String,
    pub signing_algorithm: SigningAlgorithm,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scheme: Option<SignatureScheme>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timestamp_header: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tolerance_ms: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registration_supported: Option<bool>,
}

impl WebhookInbound {
    /// `scheme`, or the one the header name implies.
    pub fn effective_scheme(&self) -> Option<SignatureScheme> {
        self.scheme
            .or_else(|| SignatureScheme::infer(&self.signature_header))
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct WebhookOutbound {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery_retries: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeout_ms: Option<u64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SdkTransport {
    pub package_name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_version: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub runtime: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum McpWire {
    Stdio,
    Http,
    Sse,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct McpTransport {
    pub transport: McpWire,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub command: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub args: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tool_prefix: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum AuthMethod {
    ApiKey(ApiKeyAuth),
    #[serde(rename = "oauth2")]
    OAuth2(OAuth2Auth),
    Bearer(BearerAuth),
    Header(HeaderAuth),
    Basic(BasicAuth),
    WebhookSigning(WebhookSigningAuth),
    ServiceAccount(ServiceAccountAuth),
}

tagged_enum!(AuthMethod, "auth method", "type", {
    "api-key" => ApiKey(ApiKeyAuth),
    "oauth2" => OAuth2(OAuth2Auth),
    "bearer" => Bearer(BearerAuth),
    "header" => Header(HeaderAuth),
    "basic" => Basic(BasicAuth),
    "webhook-signing" => WebhookSigning(WebhookSigningAuth),
    "service-account" => ServiceAccount(ServiceAccountAuth),
});

impl AuthMethod {
    pub fn type_name(&self) -> &'static str {
        match self {
            AuthMethod::ApiKey(_) => "api-key",
            AuthMethod::OAuth2(_) => "oauth2",
            AuthMethod::Bearer(_) => "bearer",
            AuthMethod::Header(_) => "header",
            AuthMethod::Basic(_) => "basic",
            AuthMethod::WebhookSigning(_) => "webhook-signing",
            AuthMethod::ServiceAccount(_) => "service-account",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ApiKeyAuth {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub header_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub query_param: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prefix: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GrantType {
    AuthorizationCode,
    ClientCredentials,
    RefreshToken,
    DeviceCode,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OAuth2Auth {
    pub grant_type: GrantType,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authorization_url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token_url: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scopes: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pkce: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revocation_url: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BearerAuth {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token_field: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct HeaderAuth {
    pub header_name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_prefix: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BasicAuth {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub username_field: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password_field: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct WebhookSigningAuth {
    pub algorithm: SigningAlgorithm,
    pub signature_header: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timestamp_header: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tolerance_ms: Option<u64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CredentialFormat {
    JsonKey,
    Pem,
    P12,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ServiceAccountAuth {
    pub credential_format: CredentialFormat,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credential_field: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct VersionPolicy {
    pub current_version: String,
    #[serde(default)]
    pub supported_versions: Vec<SupportedVersion>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version_header: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version_query_param: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version_in_path: Option<bool>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum VersionStatus {
    Stable,
    Beta,
    Deprecated,
    Sunset,
}

impl VersionStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            VersionStatus::Stable => "stable",
            VersionStatus::Beta => "beta",
            VersionStatus::Deprecated => "deprecated",
            VersionStatus::Sunset => "sunset",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SupportedVersion {
    pub version: String,
    pub status: VersionStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sunset_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub migration_guide: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub released_at: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Capabilities {
    #[serde(default)]
    pub provides: Vec<Ref>,
    #[serde(default)]
    pub requires: Vec<CapabilityRequirement>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CapabilityRequirement {
    pub key: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<Kind>,
    #[serde(default)]
    pub optional: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SchemaWithExample {
    #[serde(deserialize_with = "crate::de::json")]
    pub schema: Schema,
    #[serde(
        default,
        deserialize_with = "crate::de::json_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub example: Option<Json>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum HealthMethod {
    Ping,
    List,
    Custom,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct HealthCheck {
    pub method: HealthMethod,
    pub timeout_ms: i64,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Constraints {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate_limit: Option<RateLimit>,
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub quotas: IndexMap<String, i64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RateLimit {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rpm: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rph: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ByokSetup {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub setup_instructions: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub required_scopes: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub validation_endpoint: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_rotation_supported: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quota_tracking_supported: Option<bool>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub provisioning_steps: Vec<String>,
}

// ---------------------------------------------------------------- operation

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Operation {
    pub meta: Meta,
    #[serde(default)]
    pub io: Io,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy: Option<Policy>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub side_effects: Option<SideEffects>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transport: Option<OperationTransport>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capability: Option<Ref>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub examples: Vec<OperationExample>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Io {
    #[serde(
        default,
        deserialize_with = "crate::de::json_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub input: Option<Schema>,
    #[serde(
        default,
        deserialize_with = "crate::de::json_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub output: Option<Schema>,
    #[serde(
        default,
        deserialize_with = "crate::de::json_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub params: Option<Schema>,
    #[serde(
        default,
        deserialize_with = "crate::de::json_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub query: Option<Schema>,
    #[serde(
        default,
        deserialize_with = "crate::de::json_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub headers: Option<Schema>,
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub errors: IndexMap<String, ErrorSpec>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ErrorSpec {
    pub http: u16,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AuthLevel {
    Anonymous,
    User,
    Admin,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Policy {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auth: Option<AuthLevel>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub permissions: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate_limit: Option<RateLimit>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub idempotent: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SideEffects {
    #[serde(default)]
    pub emits: Vec<Ref>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OperationTransport {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rest: Option<RestRoute>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mcp: Option<McpTool>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum HttpMethod {
    #[serde(alias = "get")]
    Get,
    #[serde(alias = "post")]
    Post,
    #[serde(alias = "put")]
    Put,
    #[serde(alias = "patch")]
    Patch,
    #[serde(alias = "delete")]
    Delete,
    #[serde(alias = "head")]
    Head,
    #[serde(alias = "options")]
    Options,
}

impl HttpMethod {
    pub fn as_str(self) -> &'static str {
        match self {
            HttpMethod::Get => "GET",
            HttpMethod::Post => "POST",
            HttpMethod::Put => "PUT",
            HttpMethod::Patch => "PATCH",
            HttpMethod::Delete => "DELETE",
            HttpMethod::Head => "HEAD",
            HttpMethod::Options => "OPTIONS",
        }
    }
    /// Whether a request body is defined for the method.
    pub fn allows_body(self) -> bool {
        matches!(self, HttpMethod::Post | HttpMethod::Put | HttpMethod::Patch)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RestRoute {
    pub method: HttpMethod,
    pub path: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct McpTool {
    pub tool_name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OperationExample {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::de::json_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub input: Option<Json>,
    #[serde(
        default,
        deserialize_with = "crate::de::json_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub output: Option<Json>,
}

// ---------------------------------------------------------------- event, capability, feature

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Event {
    pub meta: Meta,
    #[serde(deserialize_with = "crate::de::json")]
    pub payload: Schema,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pii: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capability: Option<Ref>,
    #[serde(
        default,
        deserialize_with = "crate::de::json_vec",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub examples: Vec<Json>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Surface {
    Operation,
    Event,
    Integration,
    Capability,
    Feature,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Provided {
    pub surface: Surface,
    pub key: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Capability {
    pub meta: Meta,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub provides: Vec<Provided>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub requires: Vec<CapabilityRequirement>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extends: Option<Ref>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Feature {
    pub meta: Meta,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub operations: Vec<Ref>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<Ref>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub integrations: Vec<Ref>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub capabilities: Vec<Ref>,
}

// ---------------------------------------------------------------- contract

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Contract {
    Integration(Integration),
    Operation(Operation),
    Event(Event),
    Capability(Capability),
    Feature(Feature),
}

tagged_enum!(Contract, "contract", "kind", {
    "integration" => Integration(Integration),
    "operation" => Operation(Operation),
    "event" => Event(Event),
    "capability" => Capability(Capability),
    "feature" => Feature(Feature),
});

impl Contract {
    pub fn meta(&self) -> &Meta {
        match self {
            Contract::Integration(c) => &c.meta,
            Contract::Operation(c) => &c.meta,
            Contract::Event(c) => &c.meta,
            Contract::Capability(c) => &c.meta,
            Contract::Feature(c) => &c.meta,
        }
    }
    pub fn kind(&self) -> Kind {
        match self {
            Contract::Integration(_) => Kind::Integration,
            Contract::Operation(_) => Kind::Operation,
            Contract::Event(_) => Kind::Event,
            Contract::Capability(_) => Kind::Capability,
            Contract::Feature(_) => Kind::Feature,
        }
    }
}

impl Contract {
    /// Drops the bulky JSON bodies (schemas and examples), keeping identity, references and
    /// every other field. Used when only workspace-wide checks follow, to keep memory flat.
    pub fn strip_bodies(&mut self) {
        match self {
            Contract::Integration(c) => {
                for s in [&mut c.config_schema, &mut c.secret_schema]
                    .into_iter()
                    .flatten()
                {
                    s.schema = Json::Null;
                    s.example = None;
                }
            }
            Contract::Operation(c) => {
                c.io.input = None;
                c.io.output = None;
                c.io.params = None;
                c.io.query = None;
                c.io.headers = None;
                c.examples = Vec::new();
            }
            Contract::Event(c) => {
                c.payload = Json::Null;
                c.examples = Vec::new();
            }
            Contract::Capability(_) | Contract::Feature(_) => {}
        }
    }
}
