#!/usr/bin/env python3
"""Write a deterministic synthetic Charter workspace for benchmarks.

    python3 scripts/synth_workspace.py N OUTDIR [--seed S] [--jobs J]

OUTDIR/charter.toml plus OUTDIR/contracts/<domain>/... with exactly N contracts
(a contract is one (kind, key, version) document). The mix is about 20% integrations,
45% operations, 25% events, 5% capabilities and 5% features; about 6% of keys exist in two
versions (1.0.0 and 2.0.0). Files are YAML (some with several `---` documents), with about
5% JSON and 5% TOML. Each domain folder holds 50 to 200 contracts.

Every contract is meant to be valid under docs/contract-format.md: keys, versions, owners,
stability, categories, references that resolve, https URLs, redacted secret examples,
examples that validate against their JSON Schemas (2020-12), unique MCP tool names and
unique REST method+path pairs.

The same N and seed always give byte-identical output, whatever --jobs is. Standard library
only. OUTDIR must be empty, or a workspace this script wrote before (it is then replaced).
A summary is written to OUTDIR/.synth-manifest.json (outside the scanned contracts/ folder).
"""

import argparse
import json
import math
import os
import random
import re
import shutil
import sys
import time

GENERATOR_VERSION = 1
MANIFEST = ".synth-manifest.json"
EXTERNAL_CAPABILITY = "platform.webhooks"

# --------------------------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------------------------

DOMAIN_WORDS = [
    "billing", "commerce", "payments", "identity", "messaging", "catalog", "inventory",
    "shipping", "support", "analytics", "marketing", "crm", "hr", "payroll", "scheduling",
    "documents", "search", "media", "notifications", "compliance", "risk", "ledger",
    "lending", "insurance", "travel", "booking", "fleet", "logistics", "warehouse",
    "procurement", "contracts", "legal", "health", "clinic", "pharmacy", "education",
    "courses", "events", "ticketing", "loyalty", "rewards", "subscriptions", "pricing",
    "tax", "treasury", "reporting", "observability", "security", "access", "devices",
    "telemetry", "energy", "property", "leasing", "recruiting", "learning", "community",
    "forums", "reviews", "partners",
]

RESOURCES = [
    "invoice", "order", "customer", "account", "payment", "refund", "subscription", "plan",
    "product", "price", "coupon", "shipment", "parcel", "ticket", "message", "thread",
    "document", "folder", "report", "dashboard", "user", "team", "role", "session",
    "device", "location", "vehicle", "driver", "booking", "reservation", "course", "lesson",
    "review", "campaign", "segment", "contact", "lead", "deal", "task", "project",
    "milestone", "policy", "claim", "quote", "contract", "asset", "vendor", "warehouse",
]

# (command verb, past tense for the event, target status)
ACTIONS = [
    ("cancel", "canceled"), ("archive", "archived"), ("approve", "approved"),
    ("reject", "rejected"), ("publish", "published"), ("close", "closed"),
    ("reopen", "reopened"), ("refund", "refunded"), ("assign", "assigned"),
    ("resend", "resent"), ("verify", "verified"), ("suspend", "suspended"),
    ("activate", "activated"), ("submit", "submitted"), ("complete", "completed"),
]

STATUS_SETS = [
    ["draft", "open", "paid", "void", "uncollectible"],
    ["pending", "active", "suspended", "closed"],
    ["queued", "running", "succeeded", "failed", "canceled"],
    ["new", "in_progress", "resolved", "closed"],
    ["requested", "confirmed", "fulfilled", "returned", "canceled"],
    ["draft", "in_review", "approved", "rejected", "archived"],
    ["scheduled", "live", "ended"],
]

VENDOR_A = ["pay", "mail", "cal", "text", "chat", "vita", "lingo", "voice", "echo", "pixel",
            "metric", "vector", "vault", "ledger", "client", "desk", "task", "bank", "note",
            "data", "cloud", "signal", "relay", "stream"]
VENDOR_B = ["lane", "forge", "wave", "hub", "spark", "grid", "nest", "flow", "bridge", "point",
            "works", "base", "stack", "line", "port", "kit", "loop", "craft", "dock", "pulse"]

CATEGORIES = [
    "payments", "email", "calendar", "sms", "messaging", "health", "ai-llm", "ai-voice-tts",
    "ai-voice-stt", "ai-voice-conversational", "ai-image", "analytics", "vector-db",
    "storage", "accounting", "crm", "helpdesk", "project-management", "open-banking",
    "meeting-recorder", "database", "custom",
]

CATEGORY_QUOTA = {
    "email": "emailsPerDay", "sms": "messagesPerDay", "messaging": "messagesPerDay",
    "ai-llm": "tokensPerDay", "ai-voice-tts": "charactersPerDay",
    "ai-voice-stt": "audioMinutesPerDay", "ai-image": "imagesPerDay", "storage": "gigabytesStored",
    "vector-db": "vectorsStored", "payments": "chargesPerDay",
}

CAP_WORDS = ["psp", "ledger-sync", "notifications", "search-index", "reporting", "identity",
             "file-storage", "scheduling", "approvals", "exports", "audit", "fulfilment",
             "rating", "entitlements", "messaging-core", "geo", "pricing-engine", "ingestion"]
FEATURE_WORDS = ["checkout", "onboarding", "self-service", "back-office", "mobile-app",
                 "partner-portal", "admin-console", "bulk-import", "insights", "automation",
                 "customer-portal", "reconciliation", "notifications-center", "marketplace"]

FIRST_NAMES = ["alice", "bruno", "chen", "dana", "emeka", "farah", "goran", "hana", "ivan",
               "jules", "kofi", "lena", "mateo", "nadia", "oskar", "priya", "quentin", "rosa"]
PEOPLE = [("Jane Doe", "jane.doe@example.com"), ("Ada Lovelace", "ada@example.org"),
          ("Grace Hopper", "grace.hopper@example.net"), ("Alan Turing", "alan@example.com"),
          ("Noor Haddad", "noor.haddad@example.com"), ("Kenji Sato", "kenji.sato@example.jp")]
CITIES = [("1 Market St", "San Francisco", "94105", "US"), ("10 Rue de Rivoli", "Paris", "75001", "FR"),
          ("221B Baker St", "London", "NW1 6XE", "GB"), ("Unter den Linden 5", "Berlin", "10117", "DE"),
          ("1-1 Chiyoda", "Tokyo", "100-0001", "JP")]
ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"


def plural(word):
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def camel(word):
    parts = re.split(r"[-_]", word)
    return parts[0] + "".join(p[:1].upper() + p[1:] for p in parts[1:])


def title_case(word):
    return " ".join(p[:1].upper() + p[1:] for p in re.split(r"[-_.]", word))


def header_case(vendor):
    return "-".join(p[:1].upper() + p[1:] for p in vendor.split("-"))


def ident(rng, prefix, n=14):
    return prefix + "_" + "".join(rng.choice(ALNUM) for _ in range(n))


# --------------------------------------------------------------------------------------------
# Emitters: YAML (block style with some flow), TOML, JSON
# --------------------------------------------------------------------------------------------

_RESERVED = {"true", "false", "yes", "no", "on", "off", "null", "y", "n", "~"}
_BLOCK_PLAIN = re.compile(r"[A-Za-z_/][A-Za-z0-9 _./@()+*',:-]*\Z")
_FLOW_PLAIN = re.compile(r"[A-Za-z_/][A-Za-z0-9 _./@()+*-]*\Z")
_SEMVER = re.compile(r"[0-9]+\.[0-9]+\.[0-9]+\Z")
_PLAIN_KEY = re.compile(r"[A-Za-z_$][A-Za-z0-9_$-]*\Z")


def _y_str(s, flow):
    if _SEMVER.match(s):
        return s
    rx = _FLOW_PLAIN if flow else _BLOCK_PLAIN
    if (rx.match(s) and s.lower() not in _RESERVED and not s.endswith((" ", ":"))
            and ": " not in s and " #" not in s):
        return s
    return json.dumps(s)


def _y_scalar(v, flow=False):
    if v is True:
        return "true"
    if v is False:
        return "false"
    if v is None:
        return "null"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        return repr(v)
    return _y_str(v, flow)


def _y_key(k):
    if _PLAIN_KEY.match(k) and k.lower() not in _RESERVED:
        return k
    return json.dumps(k)


def _is_scalar(v):
    return not isinstance(v, (dict, list))


def _y_flow_map(d):
    if len(d) > 3 or not all(_is_scalar(v) for v in d.values()):
        return None
    s = "{ " + ", ".join(f"{_y_key(k)}: {_y_scalar(v, True)}" for k, v in d.items()) + " }"
    return s if len(s) <= 72 else None


def _y_map(d, ind, out, first_prefix=None):
    pad = " " * ind
    first = True
    for k, v in d.items():
        p = first_prefix if first and first_prefix is not None else pad
        first = False
        ks = _y_key(k)
        if isinstance(v, dict):
            if not v:
                out.append(f"{p}{ks}: {{}}")
            else:
                flow = _y_flow_map(v)
                if flow is not None:
                    out.append(f"{p}{ks}: {flow}")
                else:
                    out.append(f"{p}{ks}:")
                    _y_map(v, ind + 2, out)
        elif isinstance(v, list):
            if not v:
                out.append(f"{p}{ks}: []")
            elif all(_is_scalar(x) for x in v):
                flow = "[" + ", ".join(_y_scalar(x, True) for x in v) + "]"
                if len(flow) <= 80:
                    out.append(f"{p}{ks}: {flow}")
                else:
                    out.append(f"{p}{ks}:")
                    _y_seq(v, ind + 2, out)
            else:
                out.append(f"{p}{ks}:")
                _y_seq(v, ind + 2, out)
        else:
            out.append(f"{p}{ks}: {_y_scalar(v)}")


def _y_seq(lst, ind, out):
    pad = " " * ind
    for item in lst:
        if isinstance(item, dict):
            if not item:
                out.append(pad + "- {}")
            else:
                _y_map(item, ind + 2, out, first_prefix=pad + "- ")
        elif isinstance(item, list):
            if not item:
                out.append(pad + "- []")
            else:
                out.append(pad + "-")
                _y_seq(item, ind + 2, out)
        else:
            out.append(pad + "- " + _y_scalar(item))


def to_yaml(doc):
    out = []
    _y_map(doc, 0, out)
    return "\n".join(out) + "\n"


_TOML_BARE = re.compile(r"[A-Za-z0-9_-]+\Z")


def _t_key(k):
    return k if _TOML_BARE.match(k) else json.dumps(k)


def _t_val(v):
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        return repr(v)
    if isinstance(v, str):
        return json.dumps(v)
    if isinstance(v, list):
        return "[" + ", ".join(_t_val(x) for x in v) + "]"
    if isinstance(v, dict):
        if not v:
            return "{}"
        return "{ " + ", ".join(f"{_t_key(k)} = {_t_val(x)}" for k, x in v.items()) + " }"
    raise TypeError(f"TOML cannot hold {v!r}")


def _t_inline_ok(d):
    return len(d) <= 4 and all(_is_scalar(v) or (isinstance(v, list) and all(_is_scalar(x) for x in v))
                               for v in d.values())


def _t_table(d, path, out):
    tables, arrays = [], []
    for k, v in d.items():
        if isinstance(v, dict) and v and not _t_inline_ok(v):
            tables.append((k, v))
        elif (isinstance(v, list) and v and all(isinstance(x, dict) and x for x in v)
              and not (all(_t_inline_ok(x) for x in v) and len(_t_val(v)) <= 100)):
            arrays.append((k, v))
        else:
            out.append(f"{_t_key(k)} = {_t_val(v)}")
    for k, v in tables:
        sub = path + [_t_key(k)]
        out.append("")
        out.append("[" + ".".join(sub) + "]")
        _t_table(v, sub, out)
    for k, v in arrays:
        sub = path + [_t_key(k)]
        for item in v:
            out.append("")
            out.append("[[" + ".".join(sub) + "]]")
            _t_table(item, sub, out)


def to_toml(doc):
    out = []
    _t_table(doc, [], out)
    return "\n".join(out) + "\n"


def to_json(doc):
    return json.dumps(doc, indent=2) + "\n"


# --------------------------------------------------------------------------------------------
# JSON Schema fragments with matching example generators
#   a "field" is (schema, gen, pii) where gen(rng) returns a value valid against schema and
#   pii is a list of JSON pointers (relative to the field) that hold personal data.
# --------------------------------------------------------------------------------------------

def _f_email():
    return ({"type": "string", "format": "email", "maxLength": 254},
            lambda r: r.choice(PEOPLE)[1], [""])


def _f_name():
    return ({"type": "string", "minLength": 1, "maxLength": 200},
            lambda r: r.choice(PEOPLE)[0], [""])


def _f_phone():
    return ({"type": "string", "pattern": r"^\+[1-9][0-9]{7,14}$", "description": "E.164 phone number."},
            lambda r: "+1415555" + str(r.randint(1000, 9999)), [""])


SIMPLE_FIELDS = {
    "email": _f_email,
    "displayName": _f_name,
    "phone": _f_phone,
    "amount": lambda: ({"type": "integer", "minimum": 0, "maximum": 99999999,
                        "description": "Amount in the smallest currency unit."},
                       lambda r: r.randint(100, 500000), []),
    "currency": lambda: ({"type": "string", "pattern": "^[a-z]{3}$", "description": "ISO 4217 code, lower case."},
                         lambda r: r.choice(["usd", "eur", "gbp", "jpy"]), []),
    "quantity": lambda: ({"type": "integer", "minimum": 1, "maximum": 10000},
                         lambda r: r.randint(1, 50), []),
    "priority": lambda: ({"type": "string", "enum": ["low", "normal", "high", "urgent"]},
                         lambda r: r.choice(["low", "normal", "high", "urgent"]), []),
    "locale": lambda: ({"type": "string", "pattern": "^[a-z]{2}(-[A-Z]{2})?$"},
                       lambda r: r.choice(["en", "en-US", "fr-FR", "de", "ja-JP"]), []),
    "website": lambda: ({"type": "string", "format": "uri", "maxLength": 2048},
                        lambda r: "https://www.example.com/" + r.choice(["a", "shop", "about", "p/42"]), []),
    "notes": lambda: ({"type": "string", "maxLength": 2000},
                      lambda r: r.choice(["Leave at the front desk.", "Call before delivery.",
                                          "VIP account, handle with care.", ""]), []),
    "dueDate": lambda: ({"type": "string", "format": "date"},
                        lambda r: f"2025-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}", []),
    "score": lambda: ({"type": "number", "minimum": 0, "maximum": 1},
                      lambda r: r.choice([0.0, 0.25, 0.5, 0.75, 0.9, 1.0]), []),
    "active": lambda: ({"type": "boolean"}, lambda r: r.random() < 0.7, []),
    "labels": lambda: ({"type": "array", "maxItems": 20, "uniqueItems": True,
                        "items": {"type": "string", "minLength": 1, "maxLength": 40}},
                       lambda r: r.sample(["vip", "beta", "internal", "trial", "priority", "eu"], r.randint(0, 3)), []),
    "reference": lambda: ({"type": "string", "pattern": "^[A-Z]{3}-[0-9]{4,10}$"},
                          lambda r: r.choice(["ORD", "REF", "INV", "TCK"]) + "-" + str(r.randint(1000, 999999)), []),
    "timezone": lambda: ({"type": "string", "minLength": 1, "maxLength": 64, "description": "IANA time zone name."},
                         lambda r: r.choice(["Europe/Paris", "America/New_York", "Asia/Tokyo", "UTC"]), []),
    "externalId": lambda: ({"type": "string", "maxLength": 64},
                           lambda r: "ext-" + str(r.randint(1, 99999)), []),
    "attempts": lambda: ({"type": "integer", "minimum": 0, "maximum": 100},
                         lambda r: r.randint(0, 5), []),
    "channel": lambda: ({"type": "string", "enum": ["email", "sms", "push", "web"]},
                        lambda r: r.choice(["email", "sms", "push", "web"]), []),
    "durationMs": lambda: ({"type": "integer", "minimum": 0},
                           lambda r: r.randint(0, 3600000), []),
    "ratio": lambda: ({"type": "number", "exclusiveMinimum": 0, "maximum": 100},
                      lambda r: r.choice([1.5, 12.0, 33.3, 99.9]), []),
}


def _obj(props, required, description=None, closed=True):
    """props: list of (name, field). Returns a field for an object."""
    schema = {"type": "object"}
    if description:
        schema["description"] = description
    if required:
        schema["required"] = list(required)
    schema["properties"] = {name: f[0] for name, f in props}
    if closed:
        schema["additionalProperties"] = False
    gens = [(name, f[1], name in required) for name, f in props]

    def gen(r):
        out = {}
        for name, g, req in gens:
            if req or r.random() < 0.6:
                out[name] = g(r)
        return out

    pii = []
    for name, f in props:
        for p in f[2]:
            pii.append("/" + name + p)
    return (schema, gen, pii)


def _nested_customer():
    return _obj([("id", ({"type": "string", "pattern": "^cus_[A-Za-z0-9]{8,32}$"},
                         lambda r: ident(r, "cus"), [])),
                 ("email", _f_email()), ("name", _f_name()), ("phone", _f_phone())],
                ["id", "email"], "The customer this record belongs to.")


def _nested_address():
    schema, _, pii = _obj([("line1", ({"type": "string", "minLength": 1, "maxLength": 200}, None, [""])),
                           ("line2", ({"type": "string", "maxLength": 200}, None, [])),
                           ("city", ({"type": "string", "minLength": 1, "maxLength": 100}, None, [])),
                           ("postalCode", ({"type": "string", "pattern": "^[A-Z0-9 -]{3,10}$"}, None, [])),
                           ("country", ({"type": "string", "pattern": "^[A-Z]{2}$",
                                         "description": "ISO 3166-1 alpha-2."}, None, []))],
                          ["line1", "city", "country"])

    def gen(r):
        line1, city, postal, country = r.choice(CITIES)
        out = {"line1": line1}
        if r.random() < 0.3:
            out["line2"] = "Floor " + str(r.randint(1, 30))
        out["city"] = city
        if r.random() < 0.8:
            out["postalCode"] = postal
        out["country"] = country
        return out
    return schema, gen, pii


def _nested_line_items():
    item = _obj([("sku", ({"type": "string", "pattern": "^[A-Z0-9-]{4,32}$"},
                          lambda r: "SKU-" + str(r.randint(1000, 99999)), [])),
                 ("description", ({"type": "string", "maxLength": 500},
                                  lambda r: r.choice(["Blue T-shirt", "Annual plan", "Setup fee"]), [])),
                 ("quantity", SIMPLE_FIELDS["quantity"]()),
                 ("unitAmount", SIMPLE_FIELDS["amount"]())],
                ["sku", "quantity", "unitAmount"])
    schema = {"type": "array", "minItems": 1, "maxItems": 100, "items": item[0]}
    return (schema, lambda r: [item[1](r) for _ in range(r.randint(1, 3))], [])


def _nested_period():
    def ts(r):
        return f"2025-{r.randint(1, 6):02d}-{r.randint(1, 28):02d}T{r.randint(0, 23):02d}:00:00Z"
    return _obj([("start", ({"type": "string", "format": "date-time"}, ts, [])),
                 ("end", ({"type": "string", "format": "date-time"},
                          lambda r: f"2025-{r.randint(7, 12):02d}-01T00:00:00Z", []))],
                ["start", "end"], "Billing or validity period.")


def _nested_owner():
    roles = ["owner", "admin", "member", "viewer"]
    return _obj([("id", ({"type": "string", "pattern": "^usr_[A-Za-z0-9]{8,32}$"}, lambda r: ident(r, "usr"), [])),
                 ("email", _f_email()),
                 ("role", ({"type": "string", "enum": roles}, lambda r: r.choice(roles), []))],
                ["id", "role"])


def _nested_metadata():
    return ({"type": "object", "maxProperties": 50,
             "description": "Free-form key/value pairs.",
             "additionalProperties": {"type": "string", "maxLength": 500}},
            lambda r: r.choice([{}, {"source": "web"}, {"campaign": "spring", "cohort": "b"}]), [])


NESTED_FIELDS = {
    "customer": _nested_customer, "billingAddress": _nested_address,
    "shippingAddress": _nested_address, "lineItems": _nested_line_items,
    "period": _nested_period, "owner": _nested_owner,
}

READ_ONLY = ("id", "object", "status", "createdAt", "updatedAt")


def _dt(r):
    return f"2024-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}T{r.randint(0, 23):02d}:{r.randint(0, 59):02d}:00Z"


class Resource:
    """A domain resource: its JSON Schema and example generator, shared by operations and events."""

    def __init__(self, rng, dom, name):
        self.name = name
        self.plural = plural(name)
        self.prefix = re.sub(r"[^a-z]", "", name)[:3] or "obj"
        self.id_param = camel(name) + "Id"
        self.statuses = rng.choice(STATUS_SETS)
        statuses = self.statuses
        prefix = self.prefix
        props = [
            ("id", ({"type": "string", "pattern": f"^{prefix}_[A-Za-z0-9]{{8,32}}$",
                     "description": f"Unique identifier of the {name}."}, lambda r: ident(r, prefix), [])),
            ("object", ({"type": "string", "const": name}, lambda r: name, [])),
            ("status", ({"type": "string", "enum": list(statuses)}, lambda r: r.choice(statuses), [])),
        ]
        simple = rng.sample(sorted(SIMPLE_FIELDS), rng.randint(4, 8))
        nested = rng.sample(sorted(NESTED_FIELDS), rng.randint(1, 2))
        for f in simple:
            props.append((f, SIMPLE_FIELDS[f]()))
        for f in nested:
            props.append((f, NESTED_FIELDS[f]()))
        if rng.random() < 0.5:
            props.append(("metadata", _nested_metadata()))
        props.append(("createdAt", ({"type": "string", "format": "date-time"}, _dt, [])))
        props.append(("updatedAt", ({"type": "string", "format": "date-time"}, _dt, [])))
        self.props = props
        self.writable = [(n, f) for n, f in props if n not in READ_ONLY]
        req_w = [n for n, _ in self.writable if rng.random() < 0.4] or [self.writable[0][0]]
        self.required_writable = req_w
        self.schema, self.gen, self.pii = _obj(props, list(READ_ONLY[:3]) + req_w + ["createdAt"],
                                               f"A {name} as returned by the API.")

    def input_field(self, partial, extra=None):
        props = list(self.writable)
        if extra:
            props.append(extra)
        if partial:
            s, g, _ = _obj(props, [])
            s = dict(s)
            s["minProperties"] = 1
            # make sure the example is never empty
            first = props[0]

            def gen(r, g=g, first=first):
                v = g(r)
                if not v:
                    v[first[0]] = first[1][1](r)
                return v
            return s, gen
        req = list(self.required_writable) + ([extra[0]] if extra else [])
        s, g, _ = _obj(props, req)
        return s, g

    def params_schema(self):
        return {"type": "object", "required": [self.id_param],
                "properties": {self.id_param: {"type": "string",
                                               "pattern": f"^{self.prefix}_[A-Za-z0-9]{{8,32}}$"}},
                "additionalProperties": False}


def list_output(res):
    schema = {"type": "object", "required": ["data", "hasMore"],
              "properties": {"data": {"type": "array", "items": res.schema},
                             "hasMore": {"type": "boolean"},
                             "nextCursor": {"type": "string", "maxLength": 128}},
              "additionalProperties": False}

    def gen(r):
        out = {"data": [res.gen(r) for _ in range(r.randint(1, 2))], "hasMore": r.random() < 0.5}
        if out["hasMore"]:
            out["nextCursor"] = ident(r, "cur", 10)
        return out
    return schema, gen


# --------------------------------------------------------------------------------------------
# Planning: domains, keys, versions. Cheap and global, so that references can cross domains.
# --------------------------------------------------------------------------------------------

KIND_SHARE = [("capability", 0.05), ("feature", 0.05), ("integration", 0.20), ("event", 0.25)]


def split_domains(n, rng):
    sizes = []
    remaining = n
    while remaining > 0:
        if remaining <= 200:
            s = remaining
        else:
            s = rng.randint(50, min(200, remaining - 50))
        sizes.append(s)
        remaining -= s
    return sizes


def domain_name(i):
    base = DOMAIN_WORDS[i % len(DOMAIN_WORDS)]
    return base if i < len(DOMAIN_WORDS) else f"{base}-{i // len(DOMAIN_WORDS) + 1}"


def plan_versions(count, rng, pair_rate):
    """Split `count` documents into keys with one version or two (1.0.0 and 2.0.0)."""
    groups = []
    left = count
    while left > 0:
        if left >= 2 and rng.random() < pair_rate:
            groups.append(["1.0.0", "2.0.0"])
            left -= 2
        else:
            groups.append([rng.choice(["1.0.0", "1.0.0", "1.0.0", "1.1.0", "1.4.2", "0.3.0", "0.9.1"])])
            left -= 1
    return groups


def plan_domain(i, size, seed):
    rng = random.Random(f"charter-synth:{seed}:plan:{i}")
    dom = domain_name(i)
    counts = {k: int(round(size * share)) for k, share in KIND_SHARE}
    if size >= 12 and counts["capability"] == 0:
        counts["capability"] = 1
    while sum(counts.values()) > size:
        for k in ("feature", "capability", "integration", "event"):
            if counts[k] and sum(counts.values()) > size:
                counts[k] -= 1
    counts["operation"] = size - sum(counts.values())

    plan = {"index": i, "domain": dom, "size": size}
    used = set()

    def unique(word):
        cand, j = word, 2
        while cand in used:
            cand = f"{word}-{j}"
            j += 1
        used.add(cand)
        return cand

    caps = []
    words = rng.sample(CAP_WORDS, len(CAP_WORDS))
    for j, vers in enumerate(plan_versions(counts["capability"], rng, 0.08)):
        caps.append({"key": f"{dom}.{unique(words[j % len(words)])}", "versions": vers})
    integ = []
    for vers in plan_versions(counts["integration"], rng, 0.05):
        vendor = unique(rng.choice(VENDOR_A) + rng.choice(VENDOR_B))
        integ.append({"key": f"{dom}.{vendor}", "vendor": vendor, "versions": vers,
                      "category": rng.choice(CATEGORIES)})
    feats = []
    words = rng.sample(FEATURE_WORDS, len(FEATURE_WORDS))
    for j, vers in enumerate(plan_versions(counts["feature"], rng, 0.03)):
        feats.append({"key": f"{dom}.{unique(words[j % len(words)])}", "versions": vers})

    op_groups = plan_versions(counts["operation"], rng, 0.06)
    ev_groups = plan_versions(counts["event"], rng, 0.05)
    n_res = max(1, math.ceil(len(op_groups) / 7), math.ceil(len(ev_groups) / 4))
    names = rng.sample(RESOURCES, len(RESOURCES))
    resources = []
    for j in range(n_res):
        base = names[j % len(names)]
        name = base if j < len(names) else f"{base}{j // len(names) + 1}"
        acts = rng.sample(ACTIONS, 4)
        resources.append({
            "name": name,
            "ops": ["create", "get", "list", "update", "delete", "search"] + [a for a, _ in acts],
            "events": ["created", "updated", "deleted"] + [p for _, p in acts],
        })
    ops, evs = [], []
    for groups, field, out, extra_words in ((op_groups, "ops", ops, [a for a, _ in ACTIONS]),
                                            (ev_groups, "events", evs, [p for _, p in ACTIONS])):
        cursor = [0] * n_res
        j = 0
        for vers in groups:
            # round-robin over resources so every resource gets its core verbs first
            for _ in range(n_res + 1):
                r = j % n_res
                j += 1
                lst = resources[r][field]
                if cursor[r] < len(lst):
                    break
                # this resource is exhausted: top it up with the remaining action verbs
                more = [w for w in extra_words if w not in lst]
                if more:
                    lst.append(more[0])
                    break
            verb = lst[cursor[r]]
            cursor[r] += 1
            res_name = resources[r]["name"]
            out.append({"key": f"{dom}.{res_name}.{verb}", "res": r, "verb": verb, "versions": vers})
    # capabilities own resources
    for r in range(n_res):
        resources[r]["cap"] = (r % len(caps)) if caps else None
    plan.update(caps=caps, integrations=integ, features=feats, operations=ops, events=evs,
                resources=resources)
    return plan


# --------------------------------------------------------------------------------------------
# Contract builders
# --------------------------------------------------------------------------------------------

def ref(rng, key, versions, style=None):
    """A reference in one of the documented forms, always resolvable."""
    style = style if style is not None else rng.random()
    if style < 0.6:
        return key
    v = rng.choice(versions)
    if style < 0.85:
        return f"{key}@{v}"
    return {"key": key, "version": v}


def stability_for(rng, version, versions):
    if len(versions) == 2:
        return "deprecated" if version == "1.0.0" else rng.choice(["stable", "stable", "beta"])
    if version.startswith("0."):
        return rng.choice(["idea", "in_creation", "experimental", "beta"])
    return rng.choice(["stable"] * 6 + ["beta", "beta", "experimental", "deprecated"])


def make_meta(rng, dom, key, version, versions, title, description, extra=None, tags_pool=()):
    meta = {"key": key, "version": version}
    if extra:
        meta.update(extra.get("head", {}))
    meta["title"] = title
    meta["description"] = description
    if rng.random() < 0.3:
        meta["domain"] = dom
    owners = [f"team.{dom}"]
    if rng.random() < 0.4:
        owners.append("@" + rng.choice(FIRST_NAMES))
    meta["owners"] = owners
    pool = [dom] + list(tags_pool)
    meta["tags"] = rng.sample(pool, min(len(pool), rng.randint(0, 3)))
    meta["stability"] = stability_for(rng, version, versions)
    if extra:
        meta.update(extra.get("tail", {}))
    if rng.random() < 0.3:
        meta["docsUrl"] = f"https://docs.example.com/{dom}/{key.split('.', 1)[1].replace('.', '/')}"
    if rng.random() < 0.05:
        meta["docId"] = f"DOC-{rng.randint(1000, 99999)}"
    return meta


WEBHOOK_SCHEMES = [  # scheme, weight
    ("stripe", 25), ("standard-webhooks", 25), ("github", 10), ("slack", 10), ("twilio", 5),
    ("hmac-hex", 15), ("hmac-base64", 10),
]


def webhook_inbound(rng, vendor):
    scheme = rng.choices([s for s, _ in WEBHOOK_SCHEMES], [w for _, w in WEBHOOK_SCHEMES])[0]
    H = header_case(vendor)
    algo, ts = "hmac-sha256", None
    if scheme == "stripe":
        sig = f"{H}-Signature"
    elif scheme == "standard-webhooks":
        sig, ts = "webhook-signature", "webhook-timestamp"
        if rng.random() < 0.1:
            algo = "ed25519"
    elif scheme == "github":
        sig = "X-Hub-Signature-256"
    elif scheme == "slack":
        sig, ts = "X-Slack-Signature", "X-Slack-Request-Timestamp"
    elif scheme == "twilio":
        sig, algo = "X-Twilio-Signature", "hmac-sha1"
    elif scheme == "hmac-hex":
        sig = f"X-{H}-Signature"
        if rng.random() < 0.5:
            ts = f"X-{H}-Timestamp"
    else:
        sig = f"X-{H}-Hmac-SHA256"
    inbound = {"signatureHeader": sig, "signingAlgorithm": algo, "scheme": scheme}
    if ts:
        inbound["timestampHeader"] = ts
    if ts or scheme == "stripe":
        inbound["toleranceMs"] = rng.choice([300000, 300000, 600000])
    inbound["registrationSupported"] = rng.random() < 0.7
    return inbound


def build_integration(rng, plan, it, version):
    dom, key, vendor, versions = plan["domain"], it["key"], it["vendor"], it["versions"]
    cat = it["category"]
    H = header_case(vendor)
    v2 = version == "2.0.0"
    name = title_case(vendor)
    host = f"{vendor}.example.com"
    meta = make_meta(rng, dom, key, version, versions, f"{name} {title_case(cat)}",
                     f"{name} integration for {cat.replace('-', ' ')} in the {dom} domain. "
                     f"Calls the {name} REST API and receives its signed webhooks.",
                     extra={"head": {"category": cat}}, tags_pool=[cat, vendor, "integration"])
    doc = {"kind": "integration", "meta": meta}
    modes = rng.choices([["managed", "byok"], ["byok"], ["managed"]], [75, 15, 10])[0]
    doc["supportedModes"] = modes
    version_header = f"{H}-Version"
    rest = {"type": "rest", "baseUrl": f"https://api.{host}" + ("/v2" if v2 else rng.choice(["", "/v1"])),
            "apiVersionHeader": version_header,
            "defaultHeaders": {"Accept": "application/json"},
            "rateLimitHeaders": {"limit": "X-RateLimit-Limit", "remaining": "X-RateLimit-Remaining",
                                 "reset": "X-RateLimit-Reset"},
            "acceptContentTypes": ["application/json"]}
    inbound = webhook_inbound(rng, vendor)
    webhook = {"type": "webhook", "inbound": inbound,
               "outbound": {"deliveryRetries": rng.randint(0, 8), "timeoutMs": rng.choice([5000, 10000, 30000])}}
    transports = [rest, webhook]
    if rng.random() < 0.5:
        transports.append({"type": "sdk", "packageName": rng.choice([vendor, f"@{vendor}/sdk", f"{vendor}-python"]),
                           "minVersion": f"{rng.randint(1, 20)}.{rng.randint(0, 9)}.0",
                           "runtime": rng.choice(["node", "python", "go", "java"])})
    if rng.random() < 0.2:
        mode = rng.choice(["stdio", "http", "sse"])
        mcp = {"type": "mcp", "transport": mode}
        if mode == "stdio":
            mcp["command"] = "npx"
            mcp["args"] = ["-y", f"@{vendor}/mcp-server"]
        else:
            mcp["url"] = f"https://mcp.{host}/" + ("sse" if mode == "sse" else "mcp")
        mcp["toolPrefix"] = vendor.replace("-", "_") + "_"
        transports.append(mcp)
    doc["transports"] = transports
    doc["preferredTransport"] = "rest"

    auth = [{"type": "api-key", "headerName": "Authorization", "prefix": "Bearer "}]
    secret_props = {"apiKey": {"type": "string", "description": f"{name} secret API key."},
                    "webhookSecret": {"type": "string", "description": "Signing secret for webhook verification."}}
    secret_example = {"apiKey": "sk_live_***", "webhookSecret": "whsec_***"}
    if rng.random() < 0.4:
        grant = rng.choice(["authorization_code", "authorization_code", "client_credentials"])
        o = {"type": "oauth2", "grantType": grant}
        if grant == "authorization_code":
            o["authorizationUrl"] = f"https://{host}/oauth/authorize"
        o["tokenUrl"] = f"https://{host}/oauth/token"
        o["scopes"] = rng.sample(["read", "write", "read_write", "offline_access", "admin"], 2)
        if grant == "authorization_code":
            o["pkce"] = rng.random() < 0.6
        if rng.random() < 0.5:
            o["revocationUrl"] = f"https://{host}/oauth/revoke"
        auth.append(o)
        secret_props["clientId"] = {"type": "string", "description": "OAuth2 client id."}
        secret_props["clientSecret"] = {"type": "string", "description": "OAuth2 client secret."}
        secret_example["clientId"] = "ci_***"
        secret_example["clientSecret"] = "cs_***"
    extra_auth = rng.random()
    if extra_auth < 0.15:
        auth.append({"type": "bearer", "tokenField": "accessToken"})
        secret_props["accessToken"] = {"type": "string", "description": "Long-lived access token."}
        secret_example["accessToken"] = "at_***"
    elif extra_auth < 0.25:
        auth.append({"type": "basic", "usernameField": "accountSid", "passwordField": "authToken"})
        secret_props["accountSid"] = {"type": "string", "description": "Account identifier used as user name."}
        secret_props["authToken"] = {"type": "string", "description": "Auth token used as password."}
        secret_example["accountSid"] = "AC***"
        secret_example["authToken"] = "***"
    elif extra_auth < 0.32:
        auth.append({"type": "header", "headerName": f"X-{H}-Key", "valuePrefix": ""})
    elif extra_auth < 0.38:
        auth.append({"type": "service-account", "credentialFormat": rng.choice(["json-key", "pem", "p12"]),
                     "credentialField": "serviceAccountJson"})
        secret_props["serviceAccountJson"] = {"type": "string", "description": "Service account credential."}
        secret_example["serviceAccountJson"] = "{***}"
    ws = {"type": "webhook-signing", "algorithm": inbound["signingAlgorithm"],
          "signatureHeader": inbound["signatureHeader"]}
    if "timestampHeader" in inbound:
        ws["timestampHeader"] = inbound["timestampHeader"]
    if "toleranceMs" in inbound:
        ws["toleranceMs"] = inbound["toleranceMs"]
    auth.append(ws)
    doc["supportedAuthMethods"] = auth

    y = rng.randint(2024, 2025) + (1 if v2 else 0)
    cur = f"{y}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    if rng.random() < 0.3:
        cur += "." + rng.choice(["acacia", "basil", "cedar", "dahlia"])
    prev = f"{y - 1}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    sv = [{"version": cur, "status": "stable", "releasedAt": cur[:10]}]
    if rng.random() < 0.6:
        sv.append({"version": prev, "status": "deprecated",
                   "sunsetDate": f"{rng.randint(2028, 2029)}-{rng.randint(1, 12):02d}-01",
                   "migrationGuide": f"https://docs.{host}/upgrades#{cur[:10]}"})
    if rng.random() < 0.2:
        sv.insert(0, {"version": f"{y + 1}-01-15.preview", "status": "beta"})
    vp = {"currentVersion": cur, "supportedVersions": sv, "versionHeader": version_header}
    if rng.random() < 0.1:
        vp["versionQueryParam"] = "api-version"
    if rng.random() < 0.1:
        vp["versionInPath"] = False
    doc["versionPolicy"] = vp

    caps = {}
    if plan["caps"]:
        c = rng.choice(plan["caps"])
        caps["provides"] = [{"key": c["key"], "version": rng.choice(c["versions"])}]
    if rng.random() < 0.6 or not caps:
        req = {"key": EXTERNAL_CAPABILITY}
        if rng.random() < 0.5:
            req["kind"] = "capability"
        req["optional"] = True
        req["reason"] = "Recommended for reliable event ingestion."
        caps["requires"] = [req]
    doc["capabilities"] = caps

    cfg_fields = [
        ("accountId", {"type": "string", "pattern": "^acct_[A-Za-z0-9]{6,32}$",
                       "description": "Connected account id."}, lambda r: ident(r, "acct", 10)),
        ("region", {"type": "string", "enum": ["us-east-1", "eu-west-1", "ap-northeast-1"],
                    "description": "Data residency region."}, lambda r: r.choice(["us-east-1", "eu-west-1"])),
        ("environment", {"type": "string", "enum": ["sandbox", "production"]}, lambda r: r.choice(["sandbox", "production"])),
        ("webhookPath", {"type": "string", "pattern": "^/[a-z0-9/_-]*$"}, lambda r: f"/hooks/{vendor}"),
        ("defaultCurrency", {"type": "string", "pattern": "^[a-z]{3}$"}, lambda r: "usd"),
        ("requestTimeoutMs", {"type": "integer", "minimum": 100, "maximum": 120000}, lambda r: 10000),
        ("maxRetries", {"type": "integer", "minimum": 0, "maximum": 10}, lambda r: r.randint(0, 5)),
        ("workspaceId", {"type": "string", "minLength": 1, "maxLength": 64}, lambda r: "ws-" + str(r.randint(1, 999))),
        ("sandboxMode", {"type": "boolean"}, lambda r: r.random() < 0.5),
    ]
    chosen = rng.sample(cfg_fields, rng.randint(2, 5))
    cfg_schema = {"type": "object"}
    req = [n for n, _, _ in chosen if rng.random() < 0.3]
    if v2:
        req = sorted(set(req) | {chosen[0][0]})
    if req:
        cfg_schema["required"] = req
    cfg_schema["properties"] = {n: s for n, s, _ in chosen}
    cfg_schema["additionalProperties"] = False
    doc["configSchema"] = {"schema": cfg_schema, "example": {n: g(rng) for n, _, g in chosen}}
    doc["secretSchema"] = {"schema": {"type": "object", "required": ["apiKey", "webhookSecret"],
                                      "properties": secret_props},
                           "example": secret_example}
    doc["healthCheck"] = {"method": rng.choices(["ping", "list", "custom"], [70, 25, 5])[0],
                          "timeoutMs": rng.choice([2000, 5000, 5000, 10000, 30000])}
    doc["docsUrl"] = f"https://docs.{host}/api"
    rpm = rng.choice([60, 100, 300, 600, 1000, 3000])
    cons = {"rateLimit": {"rpm": rpm, "rph": rpm * rng.randint(10, 60)}}
    if rng.random() < 0.5:
        cons["quotas"] = {CATEGORY_QUOTA.get(cat, "requestsPerDay"): rng.choice([1000, 10000, 100000])}
    doc["constraints"] = cons
    if "byok" in modes:
        doc["byokSetup"] = {
            "setupInstructions": f"Create a restricted {name} API key with write access and provide a webhook signing secret.",
            "requiredScopes": rng.sample(["charges:write", "customers:read", "events:read", "files:write",
                                          "messages:send", "reports:read"], 2),
            "validationEndpoint": f"https://api.{host}/v1/me",
            "keyRotationSupported": rng.random() < 0.7,
            "quotaTrackingSupported": rng.random() < 0.3,
            "provisioningSteps": [f"Sign in to the {name} dashboard.", "Create a restricted key.",
                                  "Register the webhook endpoint and copy its signing secret."],
        }
    return doc


def build_operation(rng, plan, op, version, resources, tool_names, ev_index):
    dom, key, verb, versions = plan["domain"], op["key"], op["verb"], op["versions"]
    rp = plan["resources"][op["res"]]
    res = resources[op["res"]]
    v2 = version == "2.0.0"
    query_verbs = ("get", "list", "search")
    is_query = verb in query_verbs
    coll = f"/{dom}/{res.plural}"
    item = f"{coll}/{{{res.id_param}}}"
    input_field = output_field = None
    params = query = headers = None
    errors = {}
    if verb == "create":
        method, path = "POST", coll
        extra = ("reason", ({"type": "string", "maxLength": 500}, lambda r: "Requested by customer.", [])) if v2 else None
        input_field = res.input_field(False, extra)
        output_field = (res.schema, res.gen)
        errors["VALIDATION_FAILED"] = {"http": 422, "when": f"The {res.name} is missing required fields."}
        errors["CONFLICT"] = {"http": 409, "when": f"A {res.name} with the same reference already exists."}
    elif verb == "get":
        method, path = "GET", item
        params = res.params_schema()
        query = {"type": "object", "properties": {"expand": {"type": "string", "enum": ["customer", "owner", "lineItems"]}},
                 "additionalProperties": False}
        output_field = (res.schema, res.gen)
        errors["NOT_FOUND"] = {"http": 404, "when": f"No {res.name} has this id."}
    elif verb == "list":
        method, path = "GET", coll
        query = {"type": "object",
                 "properties": {"limit": {"type": "integer", "minimum": 1, "maximum": 100, "default": 20},
                                "startingAfter": {"type": "string", "maxLength": 128},
                                "status": {"type": "string", "enum": list(res.statuses)}},
                 "additionalProperties": False}
        output_field = list_output(res)
    elif verb == "search":
        method, path = "POST", f"{coll}/search"
        statuses = list(res.statuses)
        sch = {"type": "object", "required": ["query"],
               "properties": {"query": {"type": "string", "minLength": 1, "maxLength": 256},
                              "filters": {"type": "object",
                                          "properties": {"status": {"type": "array", "items": {"type": "string", "enum": statuses}},
                                                         "createdAfter": {"type": "string", "format": "date-time"}},
                                          "additionalProperties": False},
                              "limit": {"type": "integer", "minimum": 1, "maximum": 100}},
               "additionalProperties": False}

        def sgen(r):
            v = {"query": r.choice(["acme", "overdue", "priority:high", "paris"])}
            if r.random() < 0.6:
                v["filters"] = {"status": r.sample(statuses, 2), "createdAfter": _dt(r)}
            if r.random() < 0.5:
                v["limit"] = r.randint(1, 100)
            return v
        input_field = (sch, sgen)
        output_field = list_output(res)
        errors["QUERY_INVALID"] = {"http": 400, "when": "The search query cannot be parsed."}
    elif verb == "update":
        method, path = "PATCH", item
        params = res.params_schema()
        input_field = res.input_field(True)
        output_field = (res.schema, res.gen)
        errors["NOT_FOUND"] = {"http": 404, "when": f"No {res.name} has this id."}
        errors["VALIDATION_FAILED"] = {"http": 422, "when": "A field has an invalid value."}
    elif verb == "delete":
        method, path = "DELETE", item
        params = res.params_schema()
        prefix = res.prefix
        output_field = ({"type": "object", "required": ["id", "deleted"],
                         "properties": {"id": {"type": "string"}, "deleted": {"type": "boolean", "const": True}},
                         "additionalProperties": False},
                        lambda r: {"id": ident(r, prefix), "deleted": True})
        errors["NOT_FOUND"] = {"http": 404, "when": f"No {res.name} has this id."}
    else:  # action verb
        method, path = "POST", f"{item}/{verb}"
        params = res.params_schema()
        reasons = ["requested_by_customer", "duplicate", "fraudulent", "other"]
        sch = {"type": "object",
               "properties": {"reason": {"type": "string", "enum": reasons},
                              "comment": {"type": "string", "maxLength": 1000},
                              "notify": {"type": "boolean", "default": True}},
               "additionalProperties": False}
        if v2:
            sch["required"] = ["reason"]

        def agen(r):
            v = {"reason": r.choice(reasons)}
            if r.random() < 0.5:
                v["notify"] = r.random() < 0.5
            if r.random() < 0.3:
                v["comment"] = "Handled by support."
            return v
        input_field = (sch, agen)
        output_field = (res.schema, res.gen)
        errors["NOT_FOUND"] = {"http": 404, "when": f"No {res.name} has this id."}
        errors["INVALID_STATE"] = {"http": 409, "when": f"The {res.name} cannot be {dict(ACTIONS)[verb]} in its current status."}
    if v2:
        path = "/v2" + path
    if not is_query and verb != "delete" and rng.random() < 0.5:
        headers = {"type": "object",
                   "properties": {"Idempotency-Key": {"type": "string", "minLength": 1, "maxLength": 255}},
                   "additionalProperties": True}
    if rng.random() < 0.3:
        errors["RATE_LIMITED"] = {"http": 429, "when": "Too many requests; retry after the Retry-After delay."}
    if rng.random() < 0.2:
        errors["FORBIDDEN"] = {"http": 403, "when": "The caller lacks the required permission."}

    human = f"{verb.capitalize()} {res.name}" if verb not in ("get", "list") else (
        f"Get a {res.name}" if verb == "get" else f"List {res.plural}")
    meta = make_meta(rng, dom, key, version, versions, human,
                     f"{human} in the {dom} domain. Returns the {res.name} as stored after the call."
                     if not is_query else f"{human} in the {dom} domain. Read-only.",
                     extra={"head": {"kind": "query" if is_query else "command"},
                            "tail": {"goal": f"{human} on behalf of the caller.",
                                     "context": f"Used by the {dom} app and by agents through MCP."}},
                     tags_pool=[res.name, "api", "public" if rng.random() < 0.5 else "internal"])
    # reorder: key, version, kind, goal, context, then the rest (as in the format page)
    ordered = {k: meta[k] for k in ("key", "version", "kind", "goal", "context")}
    ordered.update((k, v) for k, v in meta.items() if k not in ordered)
    doc = {"kind": "operation", "meta": ordered}
    io = {}
    if input_field:
        io["input"] = input_field[0]
    io["output"] = output_field[0]
    if params:
        io["params"] = params
    if query:
        io["query"] = query
    if headers:
        io["headers"] = headers
    if errors:
        io["errors"] = errors
    doc["io"] = io

    auth = "anonymous" if is_query and rng.random() < 0.1 else rng.choice(["user", "user", "admin"])
    pol = {"auth": auth}
    if auth != "anonymous":
        pol["roles"] = ["admin"] if auth == "admin" else rng.sample(["member", "owner", "support", "billing"], 2)
        pol["permissions"] = [f"{res.name}:{'read' if is_query else verb}"]
    rl = {"rpm": rng.choice([30, 60, 120, 600])}
    if rng.random() < 0.3:
        rl["rph"] = rl["rpm"] * rng.randint(5, 60)
    pol["rateLimit"] = rl
    pol["idempotent"] = is_query or method in ("PUT", "DELETE") or headers is not None
    doc["policy"] = pol

    if not is_query:
        past = {"create": "created", "update": "updated", "delete": "deleted"}.get(verb)
        if past is None:
            past = dict(ACTIONS).get(verb)
        emits = []
        own = ev_index.get(f"{dom}.{rp['name']}.{past}")
        if own is not None:
            emits.append(ref(rng, own["key"], own["versions"]))
        elif plan["events"] and rng.random() < 0.7:
            e = rng.choice(plan["events"])
            emits.append(ref(rng, e["key"], e["versions"]))
        if emits:
            doc["sideEffects"] = {"emits": emits}

    tr = {"rest": {"method": method, "path": path}}
    if rng.random() < 0.9:
        tool = key.replace(".", "_").replace("-", "_") + ("_v2" if v2 else "")
        tool = tool[:64]
        assert tool not in tool_names, tool
        tool_names.add(tool)
        tr["mcp"] = {"toolName": tool}
    doc["transport"] = tr
    if rp["cap"] is not None:
        c = plan["caps"][rp["cap"]]
        doc["capability"] = ref(rng, c["key"], c["versions"])

    examples = []
    for n in range(rng.randint(1, 2)):
        ex = {"name": ["typical", "minimal", "with-options"][n]}
        if input_field:
            ex["input"] = input_field[1](rng)
        out = output_field[1](rng)
        if verb in ("create", "update") and isinstance(out, dict) and "input" in ex:
            # echo the writable fields the caller sent, as a real API would
            for k, v in ex["input"].items():
                if k in res.schema["properties"]:
                    out[k] = v
        ex["output"] = out
        examples.append(ex)
    doc["examples"] = examples
    return doc


def build_event(rng, plan, ev, version, resources):
    dom, key, verb, versions = plan["domain"], ev["key"], ev["verb"], ev["versions"]
    rp = plan["resources"][ev["res"]]
    res = resources[ev["res"]]
    v2 = version == "2.0.0"
    human = f"{title_case(res.name)} {verb}"
    meta = make_meta(rng, dom, key, version, versions, human,
                     f"Emitted when a {res.name} is {verb}. The payload carries the {res.name} as it is after the change.",
                     tags_pool=[res.name, "event"])
    doc = {"kind": "event", "meta": meta}
    props = {
        "id": {"type": "string", "pattern": "^evt_[A-Za-z0-9]{8,32}$"},
        "type": {"type": "string", "const": key},
        "occurredAt": {"type": "string", "format": "date-time"},
    }
    required = ["id", "type", "occurredAt", "data"]
    if v2:
        props["schemaVersion"] = {"type": "integer", "const": 2}
        required.append("schemaVersion")
    props["data"] = res.schema
    doc["payload"] = {"type": "object", "required": required, "properties": props,
                      "additionalProperties": False}
    pii = ["/data" + p for p in res.pii]
    if pii:
        doc["pii"] = pii
    if rp["cap"] is not None:
        c = plan["caps"][rp["cap"]]
        doc["capability"] = ref(rng, c["key"], c["versions"])
    if rng.random() < 0.85:
        exs = []
        for _ in range(rng.randint(1, 2)):
            p = {"id": ident(rng, "evt", 16), "type": key, "occurredAt": _dt(rng)}
            if v2:
                p["schemaVersion"] = 2
            p["data"] = res.gen(rng)
            exs.append(p)
        doc["examples"] = exs
    return doc


def build_capability(rng, plan, cap_index, cap, version):
    dom, key, versions = plan["domain"], cap["key"], cap["versions"]
    word = key.split(".", 1)[1]
    meta = make_meta(rng, dom, key, version, versions, title_case(word),
                     f"The {title_case(word).lower()} capability of the {dom} domain: the operations and events "
                     f"that together deliver it.", tags_pool=["capability", word])
    doc = {"kind": "capability", "meta": meta}
    provides = []
    owned = [r for r, rp in enumerate(plan["resources"]) if rp["cap"] == cap_index]
    for surface, items in (("operation", plan["operations"]), ("event", plan["events"])):
        mine = [x for x in items if x["res"] in owned]
        for x in mine[: (8 if surface == "operation" else 5)]:
            p = {"surface": surface, "key": x["key"]}
            if rng.random() < 0.6:
                p["version"] = x["versions"][-1]
            provides.append(p)
    if version == "2.0.0":
        provides.extend({"surface": "integration", "key": i["key"]} for i in plan["integrations"][:1])
    doc["provides"] = provides
    requires = []
    if rng.random() < 0.3:
        requires.append({"key": EXTERNAL_CAPABILITY, "optional": True,
                         "reason": "Inbound webhooks are delivered through the platform."})
    earlier = plan["caps"][:cap_index]
    ext = None
    if earlier and rng.random() < 0.25:
        ext = rng.choice(earlier)
        doc_ext = ref(rng, ext["key"], ext["versions"], style=0.0 if rng.random() < 0.7 else 0.7)
    if earlier and rng.random() < 0.3:
        cands = [c for c in earlier if c is not ext]
        if cands:
            c = rng.choice(cands)
            r = {"key": c["key"]}
            if rng.random() < 0.5:
                r["version"] = c["versions"][-1]
            r["optional"] = False
            r["reason"] = "Needs its records to exist first."
            requires.append(r)
    if requires:
        doc["requires"] = requires
    if ext is not None:
        doc["extends"] = doc_ext
    return doc


def build_feature(rng, plan, feat, version, all_plans):
    dom, key, versions = plan["domain"], feat["key"], feat["versions"]
    word = key.split(".", 1)[1]
    meta = make_meta(rng, dom, key, version, versions, title_case(word),
                     f"The {title_case(word).lower()} feature of the {dom} domain, shipped as one unit.",
                     tags_pool=["feature", word])
    doc = {"kind": "feature", "meta": meta}

    def pick(items, lo, hi):
        if not items:
            return []
        chosen = rng.sample(items, min(len(items), rng.randint(lo, hi)))
        return [ref(rng, x["key"], x["versions"]) for x in chosen]
    ops = pick(plan["operations"], 2, 6)
    evs = pick(plan["events"], 1, 4)
    integ = pick(plan["integrations"], 1, 2)
    other = all_plans[plan["index"] - 1] if plan["index"] > 0 else None
    if other is not None and other["integrations"] and rng.random() < 0.3:
        x = rng.choice(other["integrations"])
        integ.append(ref(rng, x["key"], x["versions"]))
    caps = pick(plan["caps"], 1, 2)
    for name, lst in (("operations", ops), ("events", evs), ("integrations", integ), ("capabilities", caps)):
        if lst:
            doc[name] = lst
    return doc


# --------------------------------------------------------------------------------------------
# Domain generation and file layout
# --------------------------------------------------------------------------------------------

def generate_domain(args):
    plan, all_plans, seed, outdir = args
    dom = plan["domain"]
    rng = random.Random(f"charter-synth:{seed}:domain:{plan['index']}")
    resources = [Resource(rng, dom, rp["name"]) for rp in plan["resources"]]
    ev_index = {e["key"]: e for e in plan["events"]}
    tool_names = set()

    # groups: list of (file stem, [docs]) ; a group with several docs becomes a multi-doc YAML
    groups = []

    def add(stem, docs, multi_ok):
        if len(docs) == 2 and multi_ok and rng.random() < 0.5:
            groups.append((stem, docs))
        else:
            for d in docs:
                s = stem + (".v2" if d["meta"]["version"] == "2.0.0" and len(docs) == 2 else "")
                groups.append((s, [d]))

    for j, c in enumerate(plan["caps"]):
        add(c["key"].split(".", 1)[1], [build_capability(rng, plan, j, c, v) for v in c["versions"]], True)
    for it in plan["integrations"]:
        add(it["vendor"], [build_integration(rng, plan, it, v) for v in it["versions"]], True)

    bundles = {}
    for kind, items in (("operations", plan["operations"]), ("events", plan["events"])):
        rate = 0.15 if kind == "operations" else 0.3
        for x in items:
            if kind == "operations":
                docs = [build_operation(rng, plan, x, v, resources, tool_names, ev_index) for v in x["versions"]]
            else:
                docs = [build_event(rng, plan, x, v, resources) for v in x["versions"]]
            stem = x["key"].split(".", 1)[1]
            bkey = (kind, x["res"])
            if bkey not in bundles:
                bundles[bkey] = rng.random() < rate
            if bundles[bkey] is True:
                res_name = plan["resources"][x["res"]]["name"]
                bundles[bkey] = []
                groups.append((f"{res_name}.{kind}", bundles[bkey]))
            if bundles[bkey] is not False:
                bundles[bkey].extend(docs)
            else:
                add(stem, docs, True)
    for f in plan["features"]:
        add(f["key"].split(".", 1)[1], [build_feature(rng, plan, f, v, all_plans) for v in f["versions"]], True)

    folder = os.path.join(outdir, "contracts", dom)
    os.makedirs(folder, exist_ok=True)
    stats = {"files": 0, "contracts": 0, "yaml": 0, "json": 0, "toml": 0, "multi": 0,
             "by_kind": {}, "tools": sorted(tool_names)}
    used = set()
    for stem, docs in groups:
        if len(docs) > 1:
            fmt, ext = "yaml", ".yaml"
        else:
            x = rng.random()
            fmt, ext = ("json", ".json") if x < 0.05 else ("toml", ".toml") if x < 0.10 else \
                ("yaml", ".yml" if x < 0.15 else ".yaml")
        name = stem + ext
        j = 2
        while name in used:
            name = f"{stem}-{j}{ext}"
            j += 1
        used.add(name)
        if fmt == "json":
            text = to_json(docs[0])
        elif fmt == "toml":
            text = to_toml(docs[0])
        else:
            text = "---\n".join(to_yaml(d) for d in docs)
        with open(os.path.join(folder, name), "w", encoding="utf-8") as fh:
            fh.write(text)
        stats["files"] += 1
        stats["contracts"] += len(docs)
        stats[fmt] += 1
        if len(docs) > 1:
            stats["multi"] += 1
        for d in docs:
            stats["by_kind"][d["kind"]] = stats["by_kind"].get(d["kind"], 0) + 1
    return stats


_WORKER_STATE = {}


def _worker(i):
    s = _WORKER_STATE
    return generate_domain((s["plans"][i], s["plans"], s["seed"], s["outdir"]))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, help="number of contracts to write")
    ap.add_argument("outdir", help="workspace folder to create")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("--jobs", type=int, default=0, help="worker processes (default: CPU count)")
    a = ap.parse_args(argv)
    if a.n < 1:
        ap.error("N must be at least 1")
    t0 = time.monotonic()
    outdir = a.outdir
    if os.path.exists(outdir):
        entries = os.listdir(outdir)
        if entries:
            if MANIFEST not in entries:
                sys.exit(f"error: {outdir} is not empty and was not written by this script; "
                         f"choose an empty or new folder")
            for e in entries:
                p = os.path.join(outdir, e)
                shutil.rmtree(p) if os.path.isdir(p) and not os.path.islink(p) else os.remove(p)
    os.makedirs(os.path.join(outdir, "contracts"), exist_ok=True)

    rng = random.Random(f"charter-synth:{a.seed}:domains")
    sizes = split_domains(a.n, rng)
    plans = [plan_domain(i, s, a.seed) for i, s in enumerate(sizes)]

    with open(os.path.join(outdir, "charter.toml"), "w", encoding="utf-8") as fh:
        fh.write("# Synthetic benchmark workspace written by scripts/synth_workspace.py\n"
                 f"# n = {a.n}, seed = {a.seed}\n\n"
                 "[workspace]\n"
                 'contracts = ["contracts"]\n'
                 f'external-capabilities = ["{EXTERNAL_CAPABILITY}"]\n')

    jobs = a.jobs or os.cpu_count() or 1
    jobs = max(1, min(jobs, len(plans)))
    if jobs > 1:
        import multiprocessing
        _WORKER_STATE.update(plans=plans, seed=a.seed, outdir=outdir)
        ctx = multiprocessing.get_context("fork")
        with ctx.Pool(jobs) as pool:
            all_stats = pool.map(_worker, range(len(plans)), chunksize=1)
    else:
        all_stats = [generate_domain((p, plans, a.seed, outdir)) for p in plans]

    total = {"files": 0, "contracts": 0, "yaml": 0, "json": 0, "toml": 0, "multi": 0}
    by_kind = {}
    tools = set()
    for s in all_stats:
        for k in total:
            total[k] += s[k]
        for k, v in s["by_kind"].items():
            by_kind[k] = by_kind.get(k, 0) + v
        for t in s["tools"]:
            if t in tools:
                sys.exit(f"internal error: duplicate MCP tool name {t}")
            tools.add(t)
    assert total["contracts"] == a.n, (total["contracts"], a.n)
    manifest = {"generator": "scripts/synth_workspace.py", "generatorVersion": GENERATOR_VERSION,
                "n": a.n, "seed": a.seed, "domains": len(plans),
                "files": total["files"], "contracts": total["contracts"],
                "filesByFormat": {"yaml": total["yaml"], "json": total["json"], "toml": total["toml"]},
                "multiDocumentFiles": total["multi"],
                "contractsByKind": dict(sorted(by_kind.items()))}
    with open(os.path.join(outdir, MANIFEST), "w", encoding="utf-8") as fh:
        json.dump(manifest, fh, indent=2)
        fh.write("\n")
    dt = time.monotonic() - t0
    print(f"wrote {a.n} contracts in {total['files']} files "
          f"(yaml {total['yaml']}, json {total['json']}, toml {total['toml']}; "
          f"{total['multi']} multi-document) across {len(plans)} folders to {outdir} in {dt:.1f}s",
          file=sys.stderr)


if __name__ == "__main__":
    main()
