//! `sportello-cpi [--dist DIR] [--data DIR] [--addr HOST:PORT] [--offices FILE]`
//! `sportello-cpi user add --office ID --email ADDRESS [--data DIR] [--offices FILE]`
//! `sportello-cpi user password --email ADDRESS [--data DIR]`
//!
//! Stores in `DIR/cpi.sqlite3`, or in PostgreSQL when `DATABASE_URL` is set. Passwords are
//! read from a prompt that does not echo them, or from the first line of standard input when
//! it is not a terminal — never from an argument, which other users of the machine can see.

use std::path::PathBuf;
use std::process::ExitCode;

use sportello_cpi::Config;

const USAGE: &str = "usage: sportello-cpi [--dist DIR] [--data DIR] [--addr HOST:PORT] [--offices FILE]\n       sportello-cpi user add --office ID --email ADDRESS [--data DIR] [--offices FILE]\n       sportello-cpi user password --email ADDRESS [--data DIR]\n(DATABASE_URL=postgres://… to store in PostgreSQL; the password is asked for, or read from stdin)";

/// What the command line asks for.
enum Command {
    Serve(Config),
    AddUser {
        config: Config,
        office: String,
        email: String,
    },
    SetPassword {
        config: Config,
        email: String,
    },
}

fn parse_args() -> Result<Command, String> {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) != Some("user") {
        return parse_config(args.into_iter()).map(Command::Serve);
    }
    args.remove(0);
    let action = if args.is_empty() {
        String::new()
    } else {
        args.remove(0)
    };
    let mut office = None;
    let mut email = None;
    let mut rest = Vec::new();
    let mut it = args.into_iter();
    while let Some(flag) = it.next() {
        match flag.as_str() {
            "--office" => office = it.next(),
            "--email" => email = it.next(),
            "--password" => {
                return Err("the password is never an argument: it is asked for, or read from stdin".into());
            }
            _ => rest.push(flag),
        }
    }
    let config = parse_config(rest.into_iter())?;
    let email = email.ok_or_else(|| format!("--email is needed\n{USAGE}"))?;
    match action.as_str() {
        "add" => Ok(Command::AddUser {
            config,
            office: office.ok_or_else(|| format!("--office is needed\n{USAGE}"))?,
            email,
        }),
        "password" => Ok(Command::SetPassword { config, email }),
        other => Err(format!("unknown user action {other:?}\n{USAGE}")),
    }
}

fn parse_config(args: impl Iterator<Item = String>) -> Result<Config, String> {
    let mut config = Config {
        dist: PathBuf::from("dist"),
        data_dir: PathBuf::from("data"),
        addr: ([127, 0, 0, 1], 8080).into(),
        database_url: std::env::var("DATABASE_URL").ok().filter(|u| !u.is_empty()),
        offices: None,
    };
    let mut args = args;
    while let Some(flag) = args.next() {
        let mut value = || {
            args.next()
                .ok_or_else(|| format!("{flag} needs a value\n{USAGE}"))
        };
        match flag.as_str() {
            "--dist" => config.dist = value()?.into(),
            "--data" => config.data_dir = value()?.into(),
            "--offices" => config.offices = Some(value()?.into()),
            "--addr" => {
                let v = value()?;
                config.addr = v.parse().map_err(|e| format!("--addr {v}: {e}\n{USAGE}"))?;
            }
            "-h" | "--help" => return Err(USAGE.to_owned()),
            other => return Err(format!("unknown argument {other}\n{USAGE}")),
        }
    }
    Ok(config)
}

#[tokio::main]
async fn main() -> ExitCode {
    let command = match parse_args() {
        Ok(c) => c,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    let result = match command {
        Command::Serve(config) => sportello_cpi::serve(config).await,
        Command::AddUser {
            config,
            office,
            email,
        } => add_user(&config, &office, &email).await,
        Command::SetPassword { config, email } => set_password(&config, &email).await,
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("sportello-cpi: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn add_user(config: &Config, office: &str, email: &str) -> Result<(), Box<dyn std::error::Error>> {
    let offices = sportello_cpi::load_offices(config)?;
    let password = read_password()?;
    let db = sportello_cpi::open_db(config).await?;
    let account = sportello_cpi::accounts::add(&db, &offices, office, email, &password).await?;
    println!(
        "orientatore {} added to office {}",
        account.email, account.office_id
    );
    Ok(())
}

async fn set_password(config: &Config, email: &str) -> Result<(), Box<dyn std::error::Error>> {
    let password = read_password()?;
    let db = sportello_cpi::open_db(config).await?;
    sportello_cpi::accounts::set_password(&db, email, &password).await?;
    println!("password changed; every session of {email} has ended");
    Ok(())
}

/// From a prompt that does not echo (asked twice), or the first line of a piped stdin.
fn read_password() -> Result<String, String> {
    use std::io::IsTerminal as _;
    if std::io::stdin().is_terminal() {
        let first = rpassword::prompt_password("Password: ").map_err(|e| e.to_string())?;
        let again = rpassword::prompt_password("Password again: ").map_err(|e| e.to_string())?;
        if first != again {
            return Err("the two passwords differ".into());
        }
        return Ok(first);
    }
    let mut line = String::new();
    std::io::stdin().read_line(&mut line).map_err(|e| e.to_string())?;
    Ok(line.trim_end_matches(['\r', '\n']).to_owned())
}
