//! A throwaway PostgreSQL cluster for a test or bench run: initialised in a temp directory,
//! listening only on a loopback port, removed when dropped.
//!
//! PostgreSQL refuses to run as root, so as root the cluster belongs to the `postgres` user
//! that Debian's package creates; as anyone else it runs as that user.

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::Command;

use crate::cmd::{Result, command, exec};
use crate::setup::is_root;

pub struct Cluster {
    dir: PathBuf,
    bin: PathBuf,
    /// `postgres://postgres@127.0.0.1:PORT/postgres`: the admin database, in which tests
    /// create one database each.
    pub url: String,
}

/// Debian's server binaries (`/usr/lib/postgresql/<major>/bin`), newest major first.
pub fn bin_dir() -> Option<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path().join("bin")))
        .filter(|p| p.join("initdb").exists() && p.join("pg_ctl").exists())
        .collect();
    dirs.sort();
    dirs.pop()
}

impl Cluster {
    pub fn start() -> Result<Self> {
        let bin = bin_dir().ok_or("PostgreSQL is not installed (cargo xtask setup installs it)")?;
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map_err(|e| format!("no free loopback port: {e}"))?
            .port();
        let dir = std::env::temp_dir().join(format!("sportello-pg-{}-{port}", std::process::id()));
        if dir.exists() {
            std::fs::remove_dir_all(&dir).map_err(|e| format!("cannot clear {}: {e}", dir.display()))?;
        }
        std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        if is_root() {
            exec(command("chown").args(["postgres:postgres"]).arg(&dir))?;
        }
        let cluster = Self {
            url: format!("postgres://postgres@127.0.0.1:{port}/postgres"),
            dir,
            bin,
        };
        let data = cluster.dir.join("data");
        exec(
            cluster
                .pg("initdb")
                .args([
                    "--auth=trust",
                    "--username=postgres",
                    "--encoding=UTF8",
                    "--no-instructions",
                    "-D",
                ])
                .arg(&data),
        )?;
        let options = format!(
            "-p {port} -c listen_addresses=127.0.0.1 -k {} -c max_connections=200",
            cluster.dir.display()
        );
        exec(
            cluster
                .pg("pg_ctl")
                .args(["-w", "-t", "60", "-D"])
                .arg(&data)
                .arg("-l")
                .arg(cluster.dir.join("server.log"))
                .args(["-o", &options, "start"]),
        )?;
        Ok(cluster)
    }

    /// A command from the cluster's binaries, run as `postgres` when we are root.
    fn pg(&self, program: &str) -> Command {
        let path = self.bin.join(program);
        if is_root() {
            let mut c = command("runuser");
            c.args(["-u", "postgres", "--"]).arg(path);
            c
        } else {
            Command::new(path)
        }
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let _ = self
            .pg("pg_ctl")
            .args(["-w", "-m", "immediate", "-D"])
            .arg(self.dir.join("data"))
            .arg("stop")
            .output();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
