//! Run by `cargo xtask bench`: how many times per second all programmes are evaluated for
//! one profile, natively. Prints `BENCH …` lines; asserts nothing.

use std::time::Instant;

use sportello_core::programmes::{Profile, catalogue, evaluate_all};

fn main() {
    let Ok(programmes) = catalogue() else {
        eprintln!("the programme catalogue does not parse");
        std::process::exit(1);
    };
    let profile = match Profile::from_json(include_str!("../../../docs/profile.example.json")) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("example profile: {e}");
            std::process::exit(1);
        }
    };
    let on = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default();
    // Warm up, then time batches for about two seconds.
    for _ in 0..1_000 {
        std::hint::black_box(evaluate_all(programmes, &profile, on));
    }
    let mut runs = 0u64;
    let start = Instant::now();
    while start.elapsed().as_secs_f64() < 2.0 {
        for _ in 0..1_000 {
            std::hint::black_box(evaluate_all(std::hint::black_box(programmes), &profile, on));
        }
        runs += 1_000;
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "BENCH rules_all_native programmes={} evaluations_per_s={:.0} us_per_evaluation={:.2}",
        programmes.len(),
        runs as f64 / secs,
        secs * 1e6 / runs as f64
    );
}
