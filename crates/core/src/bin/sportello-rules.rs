//! `sportello-rules`: the programme rules from the command line, for batch checks.
//!
//!   sportello-rules list
//!   sportello-rules evaluate --programme ID --profile FILE.json
//!   sportello-rules evaluate --all --profile FILE.json
//!
//! Prints JSON; exits 1 with a clear message on a malformed profile, 2 on wrong usage.

use std::process::ExitCode;

use sportello_core::programmes::{self, Profile, evaluate, evaluate_all};

const USAGE: &str = "usage:
  sportello-rules list
  sportello-rules evaluate --programme ID --profile FILE.json
  sportello-rules evaluate --all --profile FILE.json";

enum Failure {
    Usage(String),
    Input(String),
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(out) => {
            println!("{out}");
            ExitCode::SUCCESS
        }
        Err(Failure::Usage(msg)) => {
            eprintln!("sportello-rules: {msg}\n{USAGE}");
            ExitCode::from(2)
        }
        Err(Failure::Input(msg)) => {
            eprintln!("sportello-rules: {msg}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &[String]) -> Result<String, Failure> {
    let catalogue = programmes::catalogue().map_err(|e| Failure::Input(e.to_string()))?;
    let today = chrono::Local::now().date_naive();
    match args.first().map(String::as_str) {
        Some("list") => {
            let mut out = String::new();
            for p in catalogue {
                let period = match (p.valid_from, p.valid_to) {
                    (Some(f), Some(t)) => format!("{f} – {t}"),
                    (Some(f), None) => format!("from {f}"),
                    (None, Some(t)) => format!("until {t}"),
                    (None, None) => "period not stated".to_owned(),
                };
                let state = if p.is_historical(today) {
                    "storico"
                } else {
                    "aperto"
                };
                out.push_str(&format!(
                    "{:<26} {:<17} {:<8} {:<26} {}\n",
                    p.id,
                    kind(p),
                    state,
                    period,
                    p.name.it
                ));
            }
            Ok(out.trim_end().to_owned())
        }
        Some("evaluate") => {
            let (mut programme, mut profile_path, mut all) = (None, None, false);
            let mut rest = args[1..].iter();
            while let Some(flag) = rest.next() {
                match flag.as_str() {
                    "--programme" => programme = rest.next().cloned(),
                    "--profile" => profile_path = rest.next().cloned(),
                    "--all" => all = true,
                    other => return Err(Failure::Usage(format!("unknown argument `{other}`"))),
                }
            }
            let path =
                profile_path.ok_or_else(|| Failure::Usage("--profile FILE.json is required".into()))?;
            let text = std::fs::read_to_string(&path)
                .map_err(|e| Failure::Input(format!("cannot read {path}: {e}")))?;
            let profile = Profile::from_json(&text).map_err(|e| Failure::Input(format!("{path}: {e}")))?;
            let json = match (programme, all) {
                (Some(id), false) => {
                    let p = programmes::find(&id).ok_or_else(|| {
                        Failure::Input(format!("no programme `{id}`; `sportello-rules list` shows them"))
                    })?;
                    serde_json::to_string_pretty(&evaluate(p, &profile, today))
                }
                (None, true) => serde_json::to_string_pretty(&evaluate_all(catalogue, &profile, today)),
                _ => return Err(Failure::Usage("give either --programme ID or --all".into())),
            };
            json.map_err(|e| Failure::Input(e.to_string()))
        }
        Some(other) => Err(Failure::Usage(format!("unknown command `{other}`"))),
        None => Err(Failure::Usage("a command is required".into())),
    }
}

fn kind(p: &programmes::Programme) -> &'static str {
    match p.kind {
        programmes::Kind::Ila => "ila",
        programmes::Kind::Voucher => "voucher",
        programmes::Kind::Dote => "dote",
        programmes::Kind::IncomeSupport => "income_support",
        programmes::Kind::HiringIncentive => "hiring_incentive",
    }
}
