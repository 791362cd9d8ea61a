//! Programme rules at their boundaries, on both sides, exactly as the sources state them;
//! cap computations in Decimal; and the catalogue's own consistency (R1–R6).

use chrono::NaiveDate;
use rust_decimal::Decimal;
use sportello_core::libretto::{Sesso, TipoContratto};
use sportello_core::programmes::{
    self, Course, CourseKind, EmploymentStatus, IlaSpend, Mark, Outcome, Profile, Status, WageIntegration,
    evaluate,
};

fn d(s: &str) -> NaiveDate {
    s.parse().expect("date")
}

fn eur(s: &str) -> Decimal {
    s.parse().expect("decimal")
}

const TODAY: &str = "2016-09-01";

/// Meets every criterion of the 2016 Tuscan voucher on 2016-09-01.
fn voucher_2016_profile() -> Profile {
    Profile {
        reference_date: Some(d(TODAY)),
        birth_date: Some(d("1980-01-01")),
        employment_status: Some(EmploymentStatus::Disoccupato),
        unemployed_since: Some(d("2016-01-15")),
        cpi_registered: Some(true),
        cpi_registered_since: Some(d("2016-01-20")),
        residence_region: Some("toscana".into()),
        foreign_citizen: Some(false),
        isee: Some(eur("12000.00")),
        receives_naspi: Some(true),
        ..Profile::default()
    }
}

fn criterion(programme: &str, id: &str, profile: &Profile) -> Status {
    let p = programmes::find(programme).unwrap_or_else(|| panic!("programme {programme}"));
    let eval = evaluate(p, profile, d(TODAY));
    eval.criteria
        .iter()
        .find(|c| c.id == id)
        .unwrap_or_else(|| panic!("criterion {id}"))
        .status
}

fn outcome(programme: &str, profile: &Profile) -> Outcome {
    evaluate(programmes::find(programme).expect("programme"), profile, d(TODAY)).outcome
}

#[test]
fn the_reference_profile_is_eligible_for_the_2016_voucher() {
    assert_eq!(
        outcome("voucher-toscana-2016", &voucher_2016_profile()),
        Outcome::Eligible
    );
}

#[test]
fn isee_50000_00_is_in_and_50000_01_is_out() {
    let mut p = voucher_2016_profile();
    p.isee = Some(eur("50000.00"));
    assert_eq!(criterion("voucher-toscana-2016", "isee", &p), Status::Met);
    p.isee = Some(eur("50000.01"));
    assert_eq!(criterion("voucher-toscana-2016", "isee", &p), Status::Failed);
    assert_eq!(outcome("voucher-toscana-2016", &p), Outcome::NotEligible);
}

#[test]
fn eighteen_on_the_birthday_not_the_day_before() {
    let mut p = voucher_2016_profile();
    p.birth_date = Some(d("1998-09-02"));
    assert_eq!(
        criterion("voucher-toscana-2016", "maggiorenne", &p),
        Status::Failed
    );
    p.birth_date = Some(d("1998-09-01"));
    assert_eq!(criterion("voucher-toscana-2016", "maggiorenne", &p), Status::Met);
}

#[test]
fn more_than_four_months_unemployed_excludes_exactly_four() {
    let mut p = voucher_2016_profile();
    p.unemployed_since = Some(d("2016-05-01")); // exactly 4 months on 2016-09-01
    assert_eq!(
        criterion("voucher-toscana-2016", "disoccupato_4_mesi", &p),
        Status::Failed
    );
    p.unemployed_since = Some(d("2016-04-30"));
    assert_eq!(
        criterion("voucher-toscana-2016", "disoccupato_4_mesi", &p),
        Status::Met
    );
}

#[test]
fn massa_carrara_needs_three_months_of_registration_not_two() {
    let mut p = voucher_2016_profile();
    p.cpi_province = Some("MS".into());
    p.cpi_registered_since = Some(d("2016-06-01")); // exactly 3 months
    assert_eq!(
        criterion("ila-massa-carrara-2013", "iscrizione_3_mesi", &p),
        Status::Met
    );
    p.cpi_registered_since = Some(d("2016-06-02")); // one day short
    assert_eq!(
        criterion("ila-massa-carrara-2013", "iscrizione_3_mesi", &p),
        Status::Failed
    );
    p.cpi_registered_since = Some(d("2016-07-01")); // 2 months
    assert_eq!(
        criterion("ila-massa-carrara-2013", "iscrizione_3_mesi", &p),
        Status::Failed
    );
}

#[test]
fn massa_carrara_excludes_earlier_vouchers() {
    let mut p = voucher_2016_profile();
    p.cpi_province = Some("MS".into());
    p.had_ila_2010 = Some(false);
    p.voucher_last_3_years = Some(false);
    assert_eq!(outcome("ila-massa-carrara-2013", &p), Outcome::Eligible);
    p.voucher_last_3_years = Some(true);
    assert_eq!(outcome("ila-massa-carrara-2013", &p), Outcome::NotEligible);
}

/// The dote's employment result: a contract of at least 180 days (lombardia.cisl.it).
#[test]
fn a_contract_of_180_days_is_a_result_and_179_is_not() {
    let dul = programmes::find("dul-fase-v").expect("programme");
    let result = |p: &Profile| {
        evaluate(dul, p, d(TODAY))
            .result
            .expect("the dote has a result rule")
    };
    // 2024 is a leap year: 1 January to 28 June is 180 days, both ends included.
    let mut hire = Profile {
        contract_type: Some(TipoContratto::A0200),
        contract_start: Some(d("2024-01-01")),
        contract_end: Some(d("2024-06-28")),
        ..Profile::default()
    };
    let met = result(&hire);
    assert_eq!(met.status, Status::Met);
    assert_eq!(met.source, "lombardia.cisl.it (15/12/2017)");
    hire.contract_end = Some(d("2024-06-27"));
    assert_eq!(result(&hire).status, Status::Failed);
    // Open-ended, with no last day: a result. Not said: unknown, and the outcome is unchanged.
    let permanent = Profile {
        contract_type: Some(TipoContratto::A0100),
        contract_start: Some(d("2024-01-01")),
        ..Profile::default()
    };
    assert_eq!(result(&permanent).status, Status::Met);
    assert_eq!(result(&Profile::default()).status, Status::Unknown);
    assert!(
        !evaluate(dul, &Profile::default(), d(TODAY))
            .missing
            .iter()
            .any(|m| m.starts_with("contract")),
        "the result is reported, never asked as a condition"
    );
}

#[test]
fn dote_2009_ages_18_to_64_inclusive() {
    let base = Profile {
        reference_date: Some(d("2009-06-01")),
        residence_region: Some("lombardia".into()),
        employment_status: Some(EmploymentStatus::Disoccupato),
        ..Profile::default()
    };
    let at = |birth: &str| {
        let p = Profile {
            birth_date: Some(d(birth)),
            ..base.clone()
        };
        outcome("dote-lavoro-2009", &p)
    };
    assert_eq!(at("1944-06-02"), Outcome::Eligible); // 64 until tomorrow
    assert_eq!(at("1944-06-01"), Outcome::NotEligible); // 65 today
    assert_eq!(at("1991-06-01"), Outcome::Eligible); // 18 today
    assert_eq!(at("1991-06-02"), Outcome::NotEligible); // 17
}

#[test]
fn dote_2009_allowance_only_without_other_benefits() {
    let mut p = Profile {
        reference_date: Some(d("2009-06-01")),
        birth_date: Some(d("1970-01-01")),
        residence_region: Some("lombardia".into()),
        employment_status: Some(EmploymentStatus::Disoccupato),
        receives_income_support: Some(false),
        ..Profile::default()
    };
    let allowance = |p: &Profile| {
        let e = evaluate(programmes::find("dote-lavoro-2009").expect("p"), p, d(TODAY));
        e.amounts
            .into_iter()
            .find(|a| a.id == "indennita")
            .expect("allowance")
    };
    assert_eq!(allowance(&p).applies, Status::Met);
    assert_eq!(allowance(&p).months, Some(10));
    assert_eq!(allowance(&p).max, eur("3000.00"));
    p.receives_income_support = Some(true);
    assert_eq!(allowance(&p).applies, Status::Failed);
}

#[test]
fn pil_isee_exactly_18000_cannot_be_determined() {
    let mut p = Profile {
        reference_date: Some(d("2016-01-01")),
        birth_date: Some(d("1970-01-01")),
        residence_region: Some("lombardia".into()),
        unemployed_since: Some(d("2012-01-01")),
        receives_income_support: Some(false),
        isee: Some(eur("17999.99")),
        ..Profile::default()
    };
    assert_eq!(outcome("pil-2015", &p), Outcome::Eligible);
    p.isee = Some(eur("18000.00"));
    assert_eq!(outcome("pil-2015", &p), Outcome::CannotDetermine);
    p.isee = Some(eur("18000.01"));
    assert_eq!(outcome("pil-2015", &p), Outcome::NotEligible);
}

#[test]
fn pil_needs_more_than_36_months() {
    let mut p = Profile {
        reference_date: Some(d("2016-01-01")),
        ..Profile::default()
    };
    p.unemployed_since = Some(d("2013-01-01")); // exactly 36 months
    assert_eq!(
        criterion_on("pil-2015", "disoccupato_36_mesi", &p),
        Status::Failed
    );
    p.unemployed_since = Some(d("2012-12-31"));
    assert_eq!(criterion_on("pil-2015", "disoccupato_36_mesi", &p), Status::Met);
}

fn criterion_on(programme: &str, id: &str, p: &Profile) -> Status {
    criterion(programme, id, p)
}

#[test]
fn dul_v_gol_exclusion_ages_30_to_54_and_under_6_months() {
    let base = Profile {
        reference_date: Some(d("2024-03-01")),
        residence_region: Some("lombardia".into()),
        employment_status: Some(EmploymentStatus::Disoccupato),
        sex: Some(Sesso::M),
        unemployed_since: Some(d("2023-12-01")),
        receives_naspi: Some(false),
        receives_reddito_cittadinanza: Some(false),
        social_services: Some(false),
        wage_integration: Some(WageIntegration::Nessuna),
        disability_l68: Some(false),
        ..Profile::default()
    };
    let with_birth = |b: &str| Profile {
        birth_date: Some(d(b)),
        ..base.clone()
    };
    assert_eq!(
        outcome("dul-fase-v", &with_birth("1994-03-01")),
        Outcome::Eligible
    ); // 30 today
    assert_eq!(
        outcome("dul-fase-v", &with_birth("1994-03-02")),
        Outcome::NotEligible
    ); // 29
    assert_eq!(
        outcome("dul-fase-v", &with_birth("1969-03-02")),
        Outcome::Eligible
    ); // 54
    assert_eq!(
        outcome("dul-fase-v", &with_birth("1969-03-01")),
        Outcome::NotEligible
    ); // 55
    let mut p = with_birth("1980-01-01");
    p.unemployed_since = Some(d("2023-09-02")); // 5 months 28 days
    assert_eq!(outcome("dul-fase-v", &p), Outcome::Eligible);
    p.unemployed_since = Some(d("2023-09-01")); // 6 months: no longer excluded from GOL
    assert_eq!(outcome("dul-fase-v", &p), Outcome::NotEligible);
    // Suspended workers on CIGS qualify at any age; CIGO does not.
    let cigs = Profile {
        wage_integration: Some(WageIntegration::Cigs),
        ..with_birth("1960-01-01")
    };
    assert_eq!(outcome("dul-fase-v", &cigs), Outcome::Eligible);
    let cigo = Profile {
        wage_integration: Some(WageIntegration::Cigo),
        ..with_birth("1960-01-01")
    };
    assert_eq!(outcome("dul-fase-v", &cigo), Outcome::NotEligible);
}

#[test]
fn incentive_2014_over_50_means_51_completed_years() {
    let base = Profile {
        reference_date: Some(d("2014-03-01")),
        unemployed_since: Some(d("2013-08-01")), // 7 months
        education_eqf: Some(4),
        ..Profile::default()
    };
    let p50 = Profile {
        birth_date: Some(d("1963-06-01")),
        ..base.clone()
    }; // 50
    let p51 = Profile {
        birth_date: Some(d("1963-03-01")),
        ..base.clone()
    }; // 51 today
    assert_eq!(outcome("incentivi-dul-2014", &p50), Outcome::NotEligible);
    assert_eq!(
        criterion_on("incentivi-dul-2014", "lavoratore", &p51),
        Status::Met
    );
    // The worker qualifies; the hire is not said yet.
    assert_eq!(outcome("incentivi-dul-2014", &p51), Outcome::CannotDetermine);
    let hired = Profile {
        contract_type: Some(TipoContratto::A0100),
        ..p51
    };
    assert_eq!(outcome("incentivi-dul-2014", &hired), Outcome::Eligible);
}

/// Lombardy, a man of 40 hired on 1 April 2021: what DUL phase IV asks of the hire.
fn hire_2021(contract: TipoContratto, end: Option<&str>, hours: &str) -> Profile {
    Profile {
        reference_date: Some(d("2021-04-01")),
        residence_region: Some("lombardia".into()),
        sex: Some(Sesso::M),
        birth_date: Some(d("1981-01-01")),
        contract_type: Some(contract),
        contract_start: Some(d("2021-04-01")),
        contract_end: end.map(d),
        weekly_hours: Some(eur(hours)),
        ..Profile::default()
    }
}

fn eval_on(programme: &str, p: &Profile) -> programmes::Evaluation {
    evaluate(programmes::find(programme).expect("programme"), p, d(TODAY))
}

fn named_reason(programme: &str, id: &str, p: &Profile) -> programmes::CriterionOutcome {
    eval_on(programme, p)
        .criteria
        .into_iter()
        .find(|c| c.id == id)
        .unwrap_or_else(|| panic!("{programme} has no criterion {id}"))
}

#[test]
fn a_fixed_term_hire_needs_twelve_months_a_day_less_is_not_enough() {
    for programme in ["incentivi-dul-2014", "incentivi-dul-2021"] {
        let twelve = hire_2021(TipoContratto::A0200, Some("2022-03-31"), "40");
        assert_eq!(
            named_reason(programme, "contratto", &twelve).status,
            Status::Met,
            "{programme}"
        );
        let short = hire_2021(TipoContratto::A0200, Some("2022-03-30"), "40");
        let reason = named_reason(programme, "contratto", &short);
        assert_eq!(reason.status, Status::Failed, "{programme}");
        assert!(!reason.source.is_empty());
        assert_eq!(
            eval_on(programme, &short).outcome,
            Outcome::NotEligible,
            "{programme}"
        );
        // Six months: the case the rules used to let through.
        let six = hire_2021(TipoContratto::A0200, Some("2021-09-30"), "40");
        assert_eq!(
            eval_on(programme, &six).outcome,
            Outcome::NotEligible,
            "{programme}"
        );
    }
    let permanent = hire_2021(TipoContratto::A0100, None, "40");
    assert_eq!(
        eval_on("incentivi-dul-2021", &permanent).outcome,
        Outcome::Eligible
    );
    // Agency, on-call and domestic work are not incentivised, however long.
    for excluded in [TipoContratto::A0601, TipoContratto::A0502, TipoContratto::A0400] {
        let p = hire_2021(excluded, Some("2023-03-31"), "40");
        assert_eq!(
            named_reason("incentivi-dul-2021", "contratto", &p).status,
            Status::Failed,
            "{excluded:?}"
        );
    }
}

#[test]
fn part_time_needs_twenty_hours_a_week() {
    let at = |hours| {
        named_reason(
            "incentivi-dul-2021",
            "orario",
            &hire_2021(TipoContratto::A0100, None, hours),
        )
    };
    assert_eq!(at("20").status, Status::Met);
    assert_eq!(at("19.5").status, Status::Failed);
    assert_eq!(
        eval_on("incentivi-dul-2021", &hire_2021(TipoContratto::A0100, None, "15")).outcome,
        Outcome::NotEligible
    );
    let mut unsaid = hire_2021(TipoContratto::A0100, None, "20");
    unsaid.weekly_hours = None;
    assert_eq!(eval_on("incentivi-dul-2021", &unsaid).missing, ["weekly_hours"]);
}

#[test]
fn the_small_firm_extra_applies_below_fifty_employees_only() {
    let extra = |p: &Profile| {
        eval_on("incentivi-dul-2021", p)
            .amounts
            .into_iter()
            .find(|a| a.id == "piccole_imprese")
            .expect("extra")
            .applies
    };
    let mut p = hire_2021(TipoContratto::A0100, None, "40");
    assert_eq!(extra(&p), Status::Unknown, "firm size not said");
    p.employees = Some(49);
    assert_eq!(extra(&p), Status::Met);
    p.employees = Some(50);
    assert_eq!(
        extra(&p),
        Status::Unknown,
        "50 employees: it depends on being a buyout cooperative"
    );
    p.workers_buyout_coop = Some(false);
    assert_eq!(extra(&p), Status::Failed);
    p.workers_buyout_coop = Some(true);
    assert_eq!(extra(&p), Status::Met, "a workers-buyout cooperative of any size");
}

#[test]
fn one_hire_gets_one_amount_never_the_fixed_term_and_the_permanent_together() {
    let worker = Profile {
        reference_date: Some(d("2014-03-01")),
        unemployed_since: Some(d("2012-12-01")),
        former_manager: Some(false),
        ..Profile::default()
    };
    let applying = |p: &Profile| -> Vec<String> {
        eval_on("incentivi-dul-2014", p)
            .amounts
            .into_iter()
            .filter(|a| a.applies == Status::Met)
            .map(|a| a.id)
            .collect()
    };
    let permanent = Profile {
        contract_type: Some(TipoContratto::A0100),
        ..worker.clone()
    };
    assert_eq!(applying(&permanent), ["tempo_indeterminato"]);
    let fixed = Profile {
        contract_type: Some(TipoContratto::A0200),
        contract_start: Some(d("2014-03-01")),
        contract_end: Some(d("2015-02-28")),
        ..worker.clone()
    };
    assert_eq!(applying(&fixed), ["tempo_determinato"]);
    let manager = Profile {
        former_manager: Some(true),
        ..fixed
    };
    assert_eq!(applying(&manager), ["tempo_determinato_dirigenti"]);
    // The hire not said: no amount is shown as applying.
    assert!(applying(&worker).is_empty());
}

fn card_profile(loaded: &str, on: &str) -> Profile {
    Profile {
        reference_date: Some(d(on)),
        ila_loaded: Some(eur(loaded)),
        ila_first_load_date: Some(d("2024-03-01")),
        ila_spent: [
            (IlaSpend::Corso, eur("1500.00")),
            (IlaSpend::Viaggio, eur("120.50")),
        ]
        .into(),
        ..Profile::default()
    }
}

#[test]
fn a_pistoia_card_with_2000_loaded_can_take_500_more_until_its_24_months_end() {
    let card = |p: &Profile| eval_on("ila-pistoia-2005", p).card.expect("card");
    let last_day = card(&card_profile("2000.00", "2026-02-28"));
    assert_eq!(last_day.can_still_load, eur("500.00"));
    assert_eq!(last_day.balance, eur("379.50"));
    assert_eq!(last_day.spent, eur("1620.50"));
    assert_eq!(last_day.valid_until, Some(d("2026-02-28")));
    assert!(!last_day.lapsed, "the last day of the 24 months still counts");
    assert!(card(&card_profile("2000.00", "2026-03-01")).lapsed);
    assert_eq!(
        card(&card_profile("2500.00", "2025-01-01")).can_still_load,
        eur("0")
    );
    // No card yet: nothing to report.
    assert!(eval_on("ila-pistoia-2005", &Profile::default()).card.is_none());
}

#[test]
fn a_tuscan_card_loads_in_500_steps() {
    let p = card_profile("2200.00", "2025-01-01");
    let card = eval_on("ila-toscana", &p).card.expect("card");
    assert_eq!(
        card.can_still_load,
        eur("0"),
        "€300 of room is less than one €500 load"
    );
    let p = card_profile("1000.00", "2025-01-01");
    assert_eq!(
        eval_on("ila-toscana", &p).card.expect("card").can_still_load,
        eur("1500.00")
    );
}

#[test]
fn adr_needs_four_months_of_naspi() {
    let mut p = Profile {
        reference_date: Some(d("2019-05-01")),
        receives_naspi: Some(true),
        naspi_since: Some(d("2019-01-01")),
        ..Profile::default()
    };
    assert_eq!(outcome("assegno-ricollocazione", &p), Outcome::Eligible);
    p.naspi_since = Some(d("2019-01-02"));
    assert_eq!(outcome("assegno-ricollocazione", &p), Outcome::NotEligible);
}

#[test]
fn a_3000_course_under_a_2500_cap_leaves_500_to_pay() {
    let mut p = voucher_2016_profile();
    p.course = Some(Course {
        kind: CourseKind::Formazione,
        cost: eur("3000.00"),
    });
    let e = evaluate(programmes::find("ila-pistoia-2005").expect("p"), &p, d(TODAY));
    let cap = &e.amounts[0];
    assert_eq!(cap.max, eur("2500.00"));
    assert_eq!(cap.covered, Some(eur("2500.00")));
    assert_eq!(cap.left_to_pay, Some(eur("500.00")));
}

#[test]
fn caps_follow_the_course_kind_and_never_pay_more_than_the_cost() {
    let mut p = voucher_2016_profile();
    let amounts =
        |p: &Profile, programme: &str| evaluate(programmes::find(programme).expect("p"), p, d(TODAY)).amounts;

    p.course = Some(Course {
        kind: CourseKind::CertificazioneCompetenze,
        cost: eur("600.00"),
    });
    let a = amounts(&p, "voucher-toscana-2016");
    let cert = a.iter().find(|a| a.id == "certificazione").expect("cap");
    assert_eq!(
        (cert.covered, cert.left_to_pay),
        (Some(eur("450.00")), Some(eur("150.00")))
    );
    let qualifica = a.iter().find(|a| a.id == "qualifica").expect("cap");
    assert_eq!(
        qualifica.covered, None,
        "a qualifica cap does not apply to a certification"
    );

    // 2017: DGR 484 raised certification to €3,000.
    let a = amounts(&p, "voucher-toscana-2017-b");
    let cert = a.iter().find(|a| a.id == "certificazione").expect("cap");
    assert_eq!(
        (cert.covered, cert.left_to_pay),
        (Some(eur("600.00")), Some(eur("0.00")))
    );

    p.course = Some(Course {
        kind: CourseKind::CorsoObbligatorio,
        cost: eur("250.01"),
    });
    let a = amounts(&p, "voucher-toscana-2016");
    let law = a.iter().find(|a| a.id == "corsi_obbligatori").expect("cap");
    assert_eq!(
        (law.covered, law.left_to_pay),
        (Some(eur("250.00")), Some(eur("0.01")))
    );

    p.course = Some(Course {
        kind: CourseKind::Coaching,
        cost: eur("1500.00"),
    });
    let a = amounts(&p, "ila-trento-2010");
    let coaching = a.iter().find(|a| a.id == "azione_2").expect("cap");
    assert_eq!(
        (coaching.covered, coaching.left_to_pay),
        (Some(eur("1200.00")), Some(eur("300.00")))
    );
}

#[test]
fn an_empty_profile_cannot_be_determined_and_says_what_is_missing() {
    let e = evaluate(
        programmes::find("voucher-toscana-2016").expect("p"),
        &Profile::default(),
        d(TODAY),
    );
    assert_eq!(e.outcome, Outcome::CannotDetermine);
    for field in [
        "receives_naspi",
        "unemployed_since",
        "birth_date",
        "residence_region",
        "isee",
        "cpi_registered",
    ] {
        assert!(
            e.missing.iter().any(|m| m == field),
            "{field} missing from {:?}",
            e.missing
        );
    }
}

#[test]
fn a_failed_criterion_decides_even_with_answers_missing() {
    let p = Profile {
        receives_naspi: Some(false),
        ..Profile::default()
    };
    let e = evaluate(programmes::find("voucher-toscana-2016").expect("p"), &p, d(TODAY));
    assert_eq!(e.outcome, Outcome::NotEligible);
    assert!(e.missing.is_empty());
}

#[test]
fn closed_schemes_are_historical() {
    let on = d("2026-11-22");
    for p in programmes::catalogue().expect("catalogue") {
        let historical = p.is_historical(on);
        match p.id.as_str() {
            "assegno-ricollocazione"
            | "pil-2015"
            | "voucher-toscana-gol"
            | "voucher-toscana-just-in-time-2026" => {}
            _ => assert!(historical, "{} should be storico on {on}", p.id),
        }
    }
}

#[test]
fn priority_groups_are_labels() {
    let p = Profile {
        sex: Some(Sesso::F),
        education_eqf: Some(6),
        ..voucher_2016_profile()
    };
    let e = evaluate(programmes::find("ila-pistoia-2005").expect("p"), &p, d(TODAY));
    assert_eq!(e.priority, vec!["donne".to_owned(), "laureati".to_owned()]);
}

#[test]
fn the_catalogue_keeps_rules_r1_to_r3() {
    let all = programmes::catalogue().expect("every programme file parses");
    assert!(all.len() >= 16);
    let mut ids: Vec<&str> = all.iter().map(|p| p.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), all.len(), "programme ids are unique");
    for p in all {
        assert!(!p.sources.is_empty(), "{}: sources", p.id);
        assert!(!p.criteria.is_empty(), "{}: criteria", p.id);
        for c in &p.criteria {
            assert!(
                !c.source.trim().is_empty(),
                "{}/{}: every criterion has a source (R3)",
                p.id,
                c.id
            );
        }
        for a in &p.amounts {
            assert!(
                !a.source.trim().is_empty(),
                "{}/{}: every figure has a source",
                p.id,
                a.id
            );
            if a.mark == Mark::U {
                assert!(
                    a.illustrative,
                    "{}/{}: an unconfirmed figure must be illustrative (R1)",
                    p.id, a.id
                );
            }
            if a.illustrative {
                assert_eq!(
                    a.mark,
                    Mark::U,
                    "{}/{}: an illustrative figure is unconfirmed",
                    p.id,
                    a.id
                );
            }
            assert!(a.max > Decimal::ZERO, "{}/{}: amounts are positive", p.id, a.id);
        }
    }
}

#[test]
fn the_examples_in_docs_profile_md_parse() {
    let text = include_str!("../../../docs/profile.example.json");
    let profile = Profile::from_json(text).expect("documented example parses");
    assert_eq!(profile.version, 2);
    assert_eq!(profile.contract_type, Some(TipoContratto::A0200));
    // A version 1 file, as written before the hire and the card existed, still reads.
    let v1 = Profile::from_json(include_str!("fixtures/profile-v1.json")).expect("version 1");
    assert_eq!(v1.version, 1);
    assert_eq!(v1.birth_date, Some(d("1980-01-01")));
}

#[test]
fn impossible_hires_and_cards_are_refused_by_name() {
    for (text, field) in [
        (
            r#"{"contract_start":"2024-05-01","contract_end":"2024-04-30"}"#,
            "contract_end",
        ),
        (r#"{"weekly_hours":"169"}"#, "weekly_hours"),
        (r#"{"contract_type":"Z.99.99"}"#, "contract_type"),
        (
            r#"{"ila_loaded":"100.00","ila_spent":{"corso":"150.00"}}"#,
            "ila_spent",
        ),
        (r#"{"ila_spent":{"gelato":"5.00"}}"#, "gelato"),
    ] {
        let err = Profile::from_json(text).expect_err(text);
        assert!(err.to_string().contains(field), "{text}: {err}");
    }
}

#[test]
fn a_malformed_profile_names_the_problem() {
    let err = Profile::from_json(r#"{"version":1,"isee":"-5"}"#).expect_err("negative ISEE");
    assert!(err.to_string().contains("isee"), "{err}");
    let err = Profile::from_json(r#"{"version":1,"eta":40}"#).expect_err("unknown field");
    assert!(err.to_string().contains("eta"), "{err}");
    let err = Profile::from_json(r#"{"version":9}"#).expect_err("future version");
    assert!(err.to_string().contains('9'), "{err}");
}

#[test]
fn every_ila_refuses_a_seventeen_year_old_with_the_age_criterion_and_its_source() {
    let ilas = [
        "ila-pistoia-2005",
        "ila-toscana",
        "ila-firenze-2012",
        "ila-lucca-2012",
        "ila-massa-carrara-2013",
        "ila-trento-2010",
    ];
    let mut p = voucher_2016_profile();
    for id in ilas {
        // 18 on 2016-09-02: the day before, still 17.
        p.birth_date = Some(d("1998-09-02"));
        let programme = programmes::find(id).unwrap_or_else(|| panic!("programme {id}"));
        let eval = evaluate(programme, &p, d(TODAY));
        let age = eval
            .criteria
            .iter()
            .find(|c| c.id == "maggiorenne")
            .unwrap_or_else(|| panic!("{id} has no age criterion"));
        assert_eq!(age.status, Status::Failed, "{id}");
        assert!(
            age.source.contains("seed 000_d79e9c3b9bdcb28e.txt"),
            "{id}: {}",
            age.source
        );
        assert_eq!(eval.outcome, Outcome::NotEligible, "{id}");
        // On the 18th birthday the criterion holds.
        p.birth_date = Some(d("1998-09-01"));
        assert_eq!(criterion(id, "maggiorenne", &p), Status::Met, "{id}");
    }
    // Every ILA in the catalogue is in the list above: a new one must say its age rule too.
    let listed = programmes::catalogue()
        .expect("catalogue")
        .iter()
        .filter(|p| p.id.starts_with("ila-"))
        .count();
    assert_eq!(listed, ilas.len());
}

/// Meets every criterion of the GOL-era Tuscan voucher: unemployed, on GOL path 1, with a
/// training action in the Patto di servizio.
fn gol_profile() -> Profile {
    Profile {
        reference_date: Some(d("2026-12-01")),
        birth_date: Some(d("1980-01-01")),
        employment_status: Some(EmploymentStatus::Disoccupato),
        wage_integration: Some(WageIntegration::Nessuna),
        residence_region: Some("toscana".into()),
        gol_path_1: Some(true),
        patto_training_action: Some(true),
        ..Profile::default()
    }
}

#[test]
fn the_gol_voucher_is_for_those_gol_cannot_train() {
    let gol = "voucher-toscana-gol";
    let mut p = gol_profile();
    assert_eq!(outcome(gol, &p), Outcome::Eligible);
    let eval = eval_on(gol, &p);
    assert!(eval.amounts.is_empty(), "no amount is confirmed, none is shown");
    assert!(!eval.historical);

    // Paths 2 and 3: only a course that is far, once its GOL editions are used up.
    p.gol_path_1 = Some(false);
    p.gol_course_far = Some(true);
    p.gol_editions_used_up = Some(false);
    let reason = named_reason(gol, "fuori_catalogo_gol", &p);
    assert_eq!(reason.status, Status::Failed);
    assert!(reason.source.contains("80 km"), "{}", reason.source);
    p.gol_editions_used_up = Some(true);
    assert_eq!(outcome(gol, &p), Outcome::Eligible);
    p.gol_course_far = Some(false);
    assert_eq!(outcome(gol, &p), Outcome::NotEligible);

    // Cassa integrazione in deroga opens it whatever the GOL path.
    p.employment_status = Some(EmploymentStatus::Occupato);
    p.wage_integration = Some(WageIntegration::Cigd);
    assert_eq!(outcome(gol, &p), Outcome::Eligible);
    p.wage_integration = Some(WageIntegration::Cigs);
    assert_eq!(outcome(gol, &p), Outcome::NotEligible);

    // Without a training action in the Patto di servizio, never.
    let mut p = gol_profile();
    p.patto_training_action = Some(false);
    assert_eq!(named_reason(gol, "patto_formazione", &p).status, Status::Failed);
    assert_eq!(outcome(gol, &p), Outcome::NotEligible);
    // Not answered: it cannot be decided, and the question is named.
    p.patto_training_action = None;
    let eval = eval_on(gol, &p);
    assert_eq!(eval.outcome, Outcome::CannotDetermine);
    assert_eq!(eval.missing, vec!["patto_training_action".to_owned()]);
}

#[test]
fn just_in_time_needs_the_cpi_selection_an_adult_and_pays_up_to_5000() {
    let jit = "voucher-toscana-just-in-time-2026";
    let mut p = Profile {
        reference_date: Some(d("2026-12-01")),
        birth_date: Some(d("2008-12-01")),
        employment_status: Some(EmploymentStatus::Inoccupato),
        residence_region: Some("toscana".into()),
        selected_for_hiring: Some(true),
        course: Some(Course {
            kind: CourseKind::Qualifica,
            cost: eur("6000.00"),
        }),
        ..Profile::default()
    };
    let eval = eval_on(jit, &p);
    assert_eq!(eval.outcome, Outcome::Eligible);
    assert_eq!(eval.amounts[0].covered, Some(eur("5000.00")));
    assert_eq!(eval.amounts[0].left_to_pay, Some(eur("1000.00")));
    // 18 tomorrow: still 17 today.
    p.birth_date = Some(d("2008-12-02"));
    assert_eq!(named_reason(jit, "maggiorenne", &p).status, Status::Failed);
    p.birth_date = Some(d("2008-12-01"));
    p.selected_for_hiring = Some(false);
    assert_eq!(named_reason(jit, "selezione_cpi", &p).status, Status::Failed);
    assert_eq!(outcome(jit, &p), Outcome::NotEligible);
}
