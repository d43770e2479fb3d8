//! `charter.toml` (DESIGN 1.4). Every key is optional.

use std::path::Path;

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

use charter_diagnostics::Diagnostic;
use charter_model::{de, parse, Format};

pub const FILE_NAME: &str = "charter.toml";

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    #[serde(default)]
    pub workspace: WorkspaceConfig,
    #[serde(default)]
    pub generate: GenerateConfig,
    /// Rule id -> level, or rule id -> {kind -> level}.
    #[serde(default)]
    pub rules: IndexMap<String, RuleSetting>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct WorkspaceConfig {
    #[serde(default = "default_contracts")]
    pub contracts: Vec<String>,
    #[serde(default)]
    pub external_capabilities: Vec<String>,
    #[serde(default = "default_max_file_size")]
    pub max_file_size: u64,
}

impl Default for WorkspaceConfig {
    fn default() -> Self {
        WorkspaceConfig {
            contracts: default_contracts(),
            external_capabilities: Vec::new(),
            max_file_size: default_max_file_size(),
        }
    }
}

fn default_contracts() -> Vec<String> {
    vec!["contracts".to_string()]
}

fn default_max_file_size() -> u64 {
    parse::DEFAULT_MAX_FILE_SIZE
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct GenerateConfig {
    #[serde(default = "default_out")]
    pub out: String,
    #[serde(default = "default_surfaces")]
    pub surfaces: Vec<String>,
    #[serde(default = "default_locale")]
    pub locale: String,
}

impl Default for GenerateConfig {
    fn default() -> Self {
        GenerateConfig {
            out: default_out(),
            surfaces: default_surfaces(),
            locale: default_locale(),
        }
    }
}

fn default_out() -> String {
    "generated".to_string()
}
fn default_locale() -> String {
    "en".to_string()
}
pub fn default_surfaces() -> Vec<String> {
    ["docs", "openapi", "jsonschema", "typescript", "mcp"]
        .map(String::from)
        .to_vec()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Off,
    Warn,
    Error,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum RuleSetting {
    Level(Level),
    /// Per kind (`integration = "off"`), with `default` for the others.
    PerKind(IndexMap<String, Level>),
}

impl<'de> Deserialize<'de> for RuleSetting {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<RuleSetting, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = RuleSetting;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a level (\"off\", \"warn\" or \"error\") or a table of levels by kind")
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<RuleSetting, E> {
                Level::deserialize(serde::de::value::StrDeserializer::<E>::new(s))
                    .map(RuleSetting::Level)
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<RuleSetting, A::Error> {
                IndexMap::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    .map(RuleSetting::PerKind)
            }
        }
        d.deserialize_any(V)
    }
}

impl Config {
    /// The configured level of a rule for a contract kind, if any.
    pub fn rule_level(&self, rule: &str, kind: Option<&str>) -> Option<Level> {
        match self.rules.get(rule)? {
            RuleSetting::Level(l) => Some(*l),
            RuleSetting::PerKind(map) => kind
                .and_then(|k| map.get(k))
                .or_else(|| map.get("default"))
                .copied(),
        }
    }

    /// Reads and checks a `charter.toml`. Errors carry the file position.
    pub fn load(path: &Path, display: &str) -> Result<Config, Box<Diagnostic>> {
        let bytes = std::fs::read(path).map_err(|e| {
            Box::new(Diagnostic::error(
                "io",
                format!("cannot read {display}: {e}"),
                display,
                Default::default(),
            ))
        })?;
        let fail = |code: &str, message: String, span, help: Option<String>| {
            let mut d = Diagnostic::error(code, message, display, span);
            d.help = help;
            Box::new(d)
        };
        let text = parse::decode(&bytes).map_err(|e| fail(e.code, e.message, e.span, e.help))?;
        if text.trim().is_empty() {
            return Ok(Config::default());
        }
        let docs = match parse::parse(text, Format::Toml) {
            Ok(docs) => docs,
            // Only comments: every key is optional.
            Err(e) if e.code == "empty-file" => return Ok(Config::default()),
            Err(e) => return Err(fail(e.code, e.message, e.span, e.help)),
        };
        let config: Config = de::from_node(&docs[0])
            .map_err(|e| fail(e.code, e.message, e.span.unwrap_or_default(), e.help))?;
        Ok(config)
    }
}
