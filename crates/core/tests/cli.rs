//! The `sportello-rules` binary as a user runs it.

use std::process::Command;

fn rules(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_sportello-rules"))
        .args(args)
        .output()
        .expect("run sportello-rules");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn example() -> String {
    format!("{}/../../docs/profile.example.json", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn list_prints_every_programme() {
    let (code, out, _) = rules(&["list"]);
    assert_eq!(code, 0);
    assert_eq!(out.lines().count(), 16);
    assert!(out.contains("voucher-toscana-2016") && out.contains("storico"));
}

#[test]
fn evaluate_one_programme_prints_the_outcome_as_json() {
    let (code, out, err) = rules(&[
        "evaluate",
        "--programme",
        "voucher-toscana-2016",
        "--profile",
        &example(),
    ]);
    assert_eq!(code, 0, "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(json["outcome"], "eligible");
    let criteria = json["criteria"].as_array().expect("criteria");
    assert!(
        criteria
            .iter()
            .all(|c| c["id"].is_string() && c["status"].is_string() && c["source"].is_string())
    );
    assert!(json["missing"].as_array().expect("missing").is_empty());
    assert!(json["priority"].is_array());
    let qualifica = json["amounts"]
        .as_array()
        .expect("amounts")
        .iter()
        .find(|a| a["id"] == "qualifica")
        .expect("cap");
    assert_eq!(qualifica["covered"], "3000.00");
    assert_eq!(qualifica["left_to_pay"], "0.00");
}

#[test]
fn evaluate_all_prints_one_result_per_programme() {
    let (code, out, err) = rules(&["evaluate", "--all", "--profile", &example()]);
    assert_eq!(code, 0, "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(json.as_array().expect("array").len(), 16);
}

#[test]
fn a_malformed_profile_is_a_clear_error() {
    let dir = std::env::temp_dir().join(format!("sportello-rules-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let bad = dir.join("bad.json");
    std::fs::write(&bad, r#"{"version": 1, "isee": "tanti"}"#).expect("write");
    let (code, out, err) = rules(&["evaluate", "--all", "--profile", &bad.to_string_lossy()]);
    assert_eq!(code, 1);
    assert!(out.is_empty());
    assert!(err.contains("bad.json") && err.contains("isee"), "{err}");
    let (code, _, err) = rules(&["evaluate", "--all", "--profile", "/nonexistent/profile.json"]);
    assert_eq!(code, 1);
    assert!(err.contains("cannot read"), "{err}");
}

#[test]
fn wrong_usage_exits_2() {
    assert_eq!(rules(&[]).0, 2);
    assert_eq!(rules(&["evaluate", "--profile", &example()]).0, 2);
    let (code, _, err) = rules(&["evaluate", "--programme", "nessuno", "--profile", &example()]);
    assert_eq!(code, 1);
    assert!(err.contains("nessuno"));
}
