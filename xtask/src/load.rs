//! The intake bench: a small load generator over plain HTTP/1.1 on loopback, bounded in
//! requests and in time, against the real server process with durable commits.
//!
//! Each worker thread keeps one connection alive and posts distinct 10 KB submissions (each
//! with its own idempotency key), so every request is a new record committed to disk before
//! its answer. The figures are throughput and p50/p99 latency; nothing here passes or fails.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::cmd::Result;

/// At most this many requests, and never longer than `TIME_LIMIT`.
pub const REQUESTS: usize = 10_000;
pub const TIME_LIMIT: Duration = Duration::from_secs(60);
pub const WORKERS: usize = 8;
const BODY_BYTES: usize = 10 * 1024;

pub struct Report {
    pub sent: usize,
    pub failed: usize,
    pub elapsed: Duration,
    pub p50: Duration,
    pub p99: Duration,
    pub body_bytes: usize,
}

impl Report {
    pub fn line(&self, engine: &str) -> String {
        format!(
            "intake {engine}: {} × {} B submissions, {} failed, {:.1} s, {:.0} req/s, p50 {:.1} ms, p99 {:.1} ms ({WORKERS} connections)",
            self.sent,
            self.body_bytes,
            self.failed,
            self.elapsed.as_secs_f64(),
            self.sent as f64 / self.elapsed.as_secs_f64(),
            self.p50.as_secs_f64() * 1000.0,
            self.p99.as_secs_f64() * 1000.0,
        )
    }
}

/// A valid submission of about 10 KB: the test fixture's personal data, padded in a free
/// text field, with a draft id of its own.
fn body(n: usize) -> String {
    let fixture = include_str!("../../crates/core/tests/fixtures/libretto-anna.json").trim();
    let libretto = fixture.strip_suffix('}').unwrap_or(fixture);
    let mut body = format!(
        r#"{{"office_id":"pistoia","draft_id":"00000000-0000-4000-8000-{n:012x}","version":1,"libretto":{libretto},"patenti":{{"categorie":["B"],"altre":""#
    );
    let pad = BODY_BYTES.saturating_sub(body.len() + 4);
    body.push_str(&"x".repeat(pad));
    body.push_str("\"}}}");
    body
}

pub fn run(addr: &str) -> Result<Report> {
    let next = Arc::new(AtomicUsize::new(0));
    let failed = Arc::new(AtomicUsize::new(0));
    let latencies = Arc::new(Mutex::new(Vec::with_capacity(REQUESTS)));
    let run_id = std::process::id();
    let start = Instant::now();
    let workers: Vec<_> = (0..WORKERS)
        .map(|_| {
            let (next, failed, latencies) = (next.clone(), failed.clone(), latencies.clone());
            let addr = addr.to_owned();
            std::thread::spawn(move || {
                let mut conn: Option<BufReader<TcpStream>> = None;
                loop {
                    let n = next.fetch_add(1, Ordering::Relaxed);
                    if n >= REQUESTS || start.elapsed() > TIME_LIMIT {
                        break;
                    }
                    let body = body(n);
                    let key = format!("bench-{run_id}-{n:08}");
                    let t = Instant::now();
                    let ok = post(&mut conn, &addr, &key, &body).unwrap_or(false);
                    let took = t.elapsed();
                    if ok {
                        if let Ok(mut l) = latencies.lock() {
                            l.push(took);
                        }
                    } else {
                        failed.fetch_add(1, Ordering::Relaxed);
                        conn = None;
                    }
                }
            })
        })
        .collect();
    for w in workers {
        w.join().map_err(|_| "a load worker panicked".to_owned())?;
    }
    let elapsed = start.elapsed();
    let mut l = latencies
        .lock()
        .map_err(|_| "latencies poisoned".to_owned())?
        .clone();
    l.sort();
    let pick = |q: f64| {
        l.get(((l.len() as f64 * q) as usize).min(l.len().saturating_sub(1)))
            .copied()
            .unwrap_or_default()
    };
    Ok(Report {
        sent: l.len(),
        failed: failed.load(Ordering::Relaxed),
        elapsed,
        p50: pick(0.50),
        p99: pick(0.99),
        body_bytes: body(0).len(),
    })
}

/// One POST on a kept-alive connection; true for a 201.
fn post(conn: &mut Option<BufReader<TcpStream>>, addr: &str, key: &str, body: &str) -> std::io::Result<bool> {
    if conn.is_none() {
        let stream = TcpStream::connect(addr)?;
        stream.set_read_timeout(Some(Duration::from_secs(30)))?;
        stream.set_nodelay(true)?;
        *conn = Some(BufReader::new(stream));
    }
    let Some(reader) = conn.as_mut() else {
        return Ok(false);
    };
    let request = format!(
        "POST /api/v1/submissions HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nIdempotency-Key: {key}\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    reader.get_mut().write_all(request.as_bytes())?;
    let mut status = String::new();
    reader.read_line(&mut status)?;
    let mut length = 0usize;
    loop {
        let mut line = String::new();
        reader.read_line(&mut line)?;
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':')
            && name.eq_ignore_ascii_case("content-length")
        {
            length = value.trim().parse().unwrap_or(0);
        }
    }
    let mut answer = vec![0; length];
    reader.read_exact(&mut answer)?;
    Ok(status.split_whitespace().nth(1) == Some("201"))
}
