//! Snapshots of what people read: the human rendering of a broken file, and the generated
//! Markdown page of the seed contract. The snapshots were reviewed line by line; the
//! assertions next to them say what must hold whatever the snapshot.

mod common;

use common::{charter, examples, seed_with, Ws};

#[test]
fn human_rendering_of_a_broken_file() {
    let ws = Ws::new();
    let broken = seed_with(
        "    algorithm: hmac-sha256\n    signatureHeader: stripe-signature",
        "    algorithm: hmac-sha256\n    signatureHeader: x-stripe-sig",
    );
    let broken = broken
        .replacen(
            "baseUrl: https://api.stripe.com",
            "baseUrl: http://api.stripe.com",
            1,
        )
        .replacen("rph: 20000", "rph: 60001", 1);
    ws.file("contracts/payments.stripe.yaml", broken);
    let r = ws.run(&["--color", "never", "validate", "."]);
    assert_eq!(r.code, 1);
    assert_eq!(r.stdout, "");
    assert!(!r.stderr.contains('\u{1b}'), "no colour codes");
    assert!(r
        .stderr
        .ends_with("1 file, 1 contract: 2 errors, 1 warning\n"));
    insta::assert_snapshot!("human_broken_stripe", r.stderr);
}

#[test]
fn human_rendering_of_a_syntax_error() {
    let ws = Ws::new();
    ws.file(
        "contracts/broken.yaml",
        "kind: event\nmeta:\n  key: a.b\n  tags: [x, y\n  owners: [me]\n",
    );
    let r = ws.run(&["--color", "never", "validate", "."]);
    assert_eq!(r.code, 1);
    insta::assert_snapshot!("human_syntax_error", r.stderr);
}

#[test]
fn generated_docs_page_for_payments_stripe() {
    let out = tempfile::tempdir().expect("temp dir");
    let out_arg = out.path().to_str().expect("utf-8 path");
    let r = charter(&examples(), &["generate", "docs", "--out", out_arg]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let page =
        std::fs::read_to_string(out.path().join("docs/integration/payments.stripe@1.0.0.md"))
            .expect("the page of payments.stripe");

    // What the seed page got wrong, and what it must show.
    assert!(!page.contains(".label"), "raw label keys leaked");
    assert!(!page.contains("field."), "raw label keys leaked");
    for needle in [
        "# Stripe Payments\n",
        "Stripe integration for payment processing, charges, and payouts.",
        "| Key | `payments.stripe` |",
        "| Type | Integration |",
        "| Version | 1.0.0 |",
        "| Stability | Stable |",
        "| Category | payments |",
        "| Owners | platform.payments |",
        "| Tags | payments, psp |",
        "| File | `contracts/integrations/payments.stripe.yaml` |",
        "## Source definition\n\n```yaml\n",
    ] {
        assert!(page.contains(needle), "missing {needle:?}");
    }
    // The source definition is the file, whole.
    assert!(page.ends_with(&format!("```yaml\n{}\n```\n", common::seed().trim_end())));
    // Enum values are shown as written in contracts, not as Rust names.
    assert!(page.contains("| oauth2 | authorization_code; scopes read_write |"));
    assert!(!page.contains("AuthorizationCode"));

    insta::assert_snapshot!("docs_payments_stripe", page);
}
