//! The reference CPI server started for a test or bench run, stopped when dropped.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use crate::cmd::{Result, command};
use crate::serve::cpi_binary;

pub struct Server {
    child: Child,
    pub base_url: String,
    /// `127.0.0.1:PORT`.
    pub addr: String,
}

impl Server {
    /// Starts the server on a free loopback port with its own data directory (and its
    /// SQLite file there).
    pub fn start(data_dir: &Path) -> Result<Self> {
        Self::start_binary(&cpi_binary(), data_dir, None)
    }

    /// A given build of the server, storing in PostgreSQL when `database_url` is given.
    pub fn start_binary(binary: &str, data_dir: &Path, database_url: Option<&str>) -> Result<Self> {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map_err(|e| format!("no free loopback port: {e}"))?
            .port();
        let addr = format!("127.0.0.1:{port}");
        let mut cmd = command(binary);
        cmd.args(["--dist", "dist", "--addr", &addr, "--data"])
            .arg(data_dir)
            .env_remove("DATABASE_URL")
            .stdin(Stdio::null());
        if let Some(url) = database_url {
            cmd.env("DATABASE_URL", url);
        }
        let child = cmd
            .spawn()
            .map_err(|e| format!("cannot start the CPI server: {e}"))?;
        let server = Self {
            child,
            base_url: format!("http://{addr}"),
            addr: addr.clone(),
        };
        server.wait_healthy(&addr)?;
        Ok(server)
    }

    fn wait_healthy(&self, addr: &str) -> Result {
        let deadline = Instant::now() + Duration::from_secs(30);
        while Instant::now() < deadline {
            if healthz(addr).unwrap_or(false) {
                return Ok(());
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        Err(format!(
            "the CPI server did not answer /healthz on {addr} within 30 s"
        ))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn healthz(addr: &str) -> std::io::Result<bool> {
    let mut stream = TcpStream::connect(addr)?;
    stream.set_read_timeout(Some(Duration::from_secs(2)))?;
    stream.write_all(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")?;
    let mut response = String::new();
    stream.read_to_string(&mut response)?;
    Ok(response.starts_with("HTTP/1.1 200"))
}
