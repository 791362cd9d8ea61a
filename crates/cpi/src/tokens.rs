//! Status tokens: proof that the caller is the one who sent a submission.
//!
//! A token is HMAC-SHA256(server secret, submission id), 256 bits, base64url. Deriving it
//! instead of drawing it lets a retried submission get its first answer back byte for byte
//! while the database holds only the token's SHA-256: whoever reads the database cannot
//! forge a token without the secret, which lives outside it (a file in the data directory,
//! or `SPORTELLO_TOKEN_SECRET` for several servers sharing one PostgreSQL).

use std::path::Path;

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

#[derive(Clone)]
pub struct TokenKey([u8; 32]);

impl std::fmt::Debug for TokenKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TokenKey(…)")
    }
}

const SECRET_FILE: &str = "token-secret";

impl TokenKey {
    /// The secret from `SPORTELLO_TOKEN_SECRET` (64 hex digits) if set, else from the data
    /// directory's `token-secret` file, created at random (mode 0600) on first start.
    pub fn load(data_dir: &Path) -> Result<Self, String> {
        if let Ok(hex) = std::env::var("SPORTELLO_TOKEN_SECRET") {
            return Self::from_hex(hex.trim())
                .ok_or_else(|| "SPORTELLO_TOKEN_SECRET must be 64 hex digits".into());
        }
        let path = data_dir.join(SECRET_FILE);
        match std::fs::read_to_string(&path) {
            Ok(hex) => Self::from_hex(hex.trim())
                .ok_or_else(|| format!("{} is damaged: it must hold 64 hex digits", path.display())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let key: [u8; 32] = rand::random();
                let hex: String = key.iter().map(|b| format!("{b:02x}")).collect();
                write_private(&path, &hex).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
                Ok(Self(key))
            }
            Err(e) => Err(format!("cannot read {}: {e}", path.display())),
        }
    }

    fn from_hex(hex: &str) -> Option<Self> {
        if hex.len() != 64 {
            return None;
        }
        let mut key = [0u8; 32];
        for (i, byte) in key.iter_mut().enumerate() {
            *byte = u8::from_str_radix(hex.get(2 * i..2 * i + 2)?, 16).ok()?;
        }
        Some(Self(key))
    }

    pub fn token(&self, submission_id: &str) -> String {
        self.derive(b"sportello status token\0", submission_id)
    }

    /// A desk session's CSRF token: derived from the session token, so it needs no storage,
    /// cannot be computed without the secret, and dies with the session.
    pub fn csrf(&self, session_token: &str) -> String {
        self.derive(b"sportello csrf token\0", session_token)
    }

    fn derive(&self, label: &[u8], input: &str) -> String {
        // A key of any length is accepted by HMAC; the error branch cannot happen.
        let mut mac = match Hmac::<Sha256>::new_from_slice(&self.0) {
            Ok(m) => m,
            Err(_) => return String::new(),
        };
        mac.update(label);
        mac.update(input.as_bytes());
        URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes())
    }
}

/// What the database keeps of a token.
pub fn hash(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A new random secret (a desk session's token): 256 bits, base64url.
pub fn random() -> String {
    URL_SAFE_NO_PAD.encode(rand::random::<[u8; 32]>())
}

/// Compares two tokens in constant time.
pub fn same(a: &str, b: &str) -> bool {
    a.as_bytes().ct_eq(b.as_bytes()).into()
}

/// Compares a presented token with a stored hash in constant time.
pub fn matches(presented: &str, stored_hash: &str) -> bool {
    hash(presented).as_bytes().ct_eq(stored_hash.as_bytes()).into()
}

fn write_private(path: &Path, contents: &str) -> std::io::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(path)?;
    file.write_all(contents.as_bytes())?;
    file.sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_per_submission_and_checked_by_hash() {
        let dir = tempfile::tempdir().expect("dir");
        let key = TokenKey::load(dir.path()).expect("new key");
        let again = TokenKey::load(dir.path()).expect("same key");
        let a = key.token("a");
        assert_eq!(a, again.token("a"));
        assert_ne!(a, key.token("b"));
        assert!(a.len() >= 43, "256 bits in base64url");
        assert!(matches(&a, &hash(&a)));
        assert!(!matches(&key.token("b"), &hash(&a)));
        assert!(!matches("", &hash(&a)));
        let session = random();
        assert_ne!(session, random());
        assert_ne!(
            key.csrf(&session),
            key.token(&session),
            "labels keep the two apart"
        );
        assert!(same(&key.csrf(&session), &again.csrf(&session)));
    }
}
