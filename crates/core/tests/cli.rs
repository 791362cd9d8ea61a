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
    assert_eq!(out.lines().count(), 18);
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
    assert_eq!(json.as_array().expect("array").len(), 18);
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

/// Writes `profile` to a file of its own and evaluates every programme on it.
fn evaluate_all(name: &str, profile: &serde_json::Value) -> serde_json::Value {
    let dir = std::env::temp_dir().join(format!("sportello-rules-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let path = dir.join(name);
    std::fs::write(&path, profile.to_string()).expect("write");
    let (code, out, err) = rules(&["evaluate", "--all", "--profile", &path.to_string_lossy()]);
    assert_eq!(code, 0, "{name}: {err}");
    serde_json::from_str(&out).expect("json")
}

fn programme<'a>(all: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    all.as_array()
        .expect("array")
        .iter()
        .find(|e| e["programme"] == id)
        .unwrap_or_else(|| panic!("{id}"))
}

#[test]
fn a_version_1_profile_still_evaluates() {
    let v1 = format!("{}/tests/fixtures/profile-v1.json", env!("CARGO_MANIFEST_DIR"));
    let (code, out, err) = rules(&["evaluate", "--all", "--profile", &v1]);
    assert_eq!(code, 0, "{err}");
    let all: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(programme(&all, "voucher-toscana-2016")["outcome"], "eligible");
    // Living in Toscana, the Lombard incentives are out whatever the hire.
    assert_eq!(programme(&all, "incentivi-dul-2021")["outcome"], "not_eligible");
    assert!(programme(&all, "ila-pistoia-2005").get("card").is_none());
}

/// Profiles that differ only in the hire's length, hours or the firm's size.
#[test]
fn the_hire_decides_the_incentive_and_its_amounts_with_the_reason_named() {
    let hire = |end: &str, hours: &str, employees: u32| {
        serde_json::json!({
            "version": 2,
            "reference_date": "2021-04-01",
            "residence_region": "lombardia",
            "sex": "F",
            "birth_date": "1960-01-01",
            "contract_type": "A.02.00",
            "contract_start": "2021-04-01",
            "contract_end": end,
            "weekly_hours": hours,
            "employees": employees,
            "workers_buyout_coop": false
        })
    };
    let base = evaluate_all("hire-12m.json", &hire("2022-03-31", "20", 49));
    let dul = programme(&base, "incentivi-dul-2021");
    assert_eq!(dul["outcome"], "eligible");
    let applying: Vec<(&str, &str)> = dul["amounts"]
        .as_array()
        .expect("amounts")
        .iter()
        .filter(|a| a["applies"] == "met")
        .map(|a| (a["id"].as_str().unwrap_or(""), a["max"].as_str().unwrap_or("")))
        .collect();
    assert_eq!(
        applying,
        [("donne_55", "9000.00"), ("piccole_imprese", "1000.00")]
    );

    let failed = |all: &serde_json::Value, id: &str| {
        let dul = programme(all, "incentivi-dul-2021");
        assert_eq!(dul["outcome"], "not_eligible", "{id}");
        let reason = dul["criteria"]
            .as_array()
            .expect("criteria")
            .iter()
            .find(|c| c["status"] == "failed")
            .expect("a failed criterion")
            .clone();
        assert_eq!(reason["id"], id);
        assert!(
            reason["source"].as_str().is_some_and(|s| s.contains("iriapa.it")),
            "{reason}"
        );
    };
    failed(
        &evaluate_all("hire-short.json", &hire("2022-03-30", "20", 49)),
        "contratto",
    );
    failed(
        &evaluate_all("hire-hours.json", &hire("2022-03-31", "19.5", 49)),
        "orario",
    );
    let big = evaluate_all("hire-big.json", &hire("2022-03-31", "20", 50));
    let extra = programme(&big, "incentivi-dul-2021")["amounts"]
        .as_array()
        .expect("amounts")
        .iter()
        .find(|a| a["id"] == "piccole_imprese")
        .expect("extra")
        .clone();
    assert_eq!(extra["applies"], "failed");
}

#[test]
fn a_card_with_2000_loaded_shows_500_more_and_its_last_day() {
    let all = evaluate_all(
        "card.json",
        &serde_json::json!({
            "version": 2,
            "reference_date": "2025-06-01",
            "ila_loaded": "2000.00",
            "ila_first_load_date": "2024-03-01",
            "ila_spent": { "corso": "1500.00" }
        }),
    );
    let card = &programme(&all, "ila-pistoia-2005")["card"];
    assert_eq!(card["can_still_load"], "500.00");
    assert_eq!(card["balance"], "500.00");
    assert_eq!(card["valid_until"], "2026-02-28");
    assert_eq!(card["lapsed"], false);
}
