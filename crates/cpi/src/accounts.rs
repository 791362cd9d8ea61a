//! Orientatore accounts: passwords kept as Argon2id hashes (the `argon2` crate's defaults,
//! OWASP's recommended 19 MiB, 2 passes), created from the command line only.

use argon2::Argon2;
use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use sportello_core::cpi::desk::MIN_PASSWORD_CHARS;

use crate::db::{Db, Orientatore, timestamp};

pub fn hash_password(password: &str) -> Result<String, String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| format!("cannot hash the password: {e}"))
}

/// `false` for a wrong password and for a stored hash that cannot be read.
pub fn verify_password(password: &str, stored: &str) -> bool {
    PasswordHash::new(stored).is_ok_and(|hash| {
        Argon2::default()
            .verify_password(password.as_bytes(), &hash)
            .is_ok()
    })
}

/// Checked against when the address has no account, so that a wrong address takes as long
/// as a wrong password and timing does not tell which addresses exist.
pub fn dummy_hash() -> &'static str {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DUMMY.get_or_init(|| hash_password("no account has this password").unwrap_or_default())
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum AccountError {
    #[error("{0:?} is not an e-mail address")]
    Email(String),
    #[error("no office {0:?} on this server")]
    Office(String),
    #[error("the password must have at least {MIN_PASSWORD_CHARS} characters")]
    ShortPassword,
    #[error("{0} already has an account")]
    Exists(String),
    #[error("{0} has no account")]
    Missing(String),
    #[error("{0}")]
    Other(String),
}

/// Creates an account (`sportello-cpi user add`).
pub async fn add(
    db: &Db,
    offices: &[sportello_core::cpi::Office],
    office: &str,
    email: &str,
    password: &str,
) -> Result<Orientatore, AccountError> {
    let email = sportello_core::cpi::desk::normalise_email(email)
        .ok_or_else(|| AccountError::Email(email.to_owned()))?;
    if !offices.iter().any(|o| o.id == office) {
        return Err(AccountError::Office(office.to_owned()));
    }
    if password.chars().count() < MIN_PASSWORD_CHARS {
        return Err(AccountError::ShortPassword);
    }
    let account = Orientatore {
        id: uuid::Uuid::new_v4().to_string(),
        office_id: office.to_owned(),
        email: email.clone(),
        password_hash: hash_password(password).map_err(AccountError::Other)?,
    };
    let now = timestamp(chrono::Utc::now());
    match db.insert_orientatore(&account, &now).await {
        Ok(true) => Ok(account),
        Ok(false) => Err(AccountError::Exists(email)),
        Err(e) => Err(AccountError::Other(e.to_string())),
    }
}

/// Replaces a password and signs the account out everywhere (`sportello-cpi user password`).
pub async fn set_password(db: &Db, email: &str, password: &str) -> Result<(), AccountError> {
    let email = sportello_core::cpi::desk::normalise_email(email)
        .ok_or_else(|| AccountError::Email(email.to_owned()))?;
    if password.chars().count() < MIN_PASSWORD_CHARS {
        return Err(AccountError::ShortPassword);
    }
    let hash = hash_password(password).map_err(AccountError::Other)?;
    let now = timestamp(chrono::Utc::now());
    match db.set_password(&email, &hash, &now).await {
        Ok(true) => Ok(()),
        Ok(false) => Err(AccountError::Missing(email)),
        Err(e) => Err(AccountError::Other(e.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_are_kept_as_argon2id_hashes_that_verify_only_the_password() {
        let hash = hash_password("una password lunga").expect("hash");
        assert!(hash.starts_with("$argon2id$"), "{hash}");
        assert!(!hash.contains("una password lunga"));
        assert!(verify_password("una password lunga", &hash));
        assert!(!verify_password("una password lunga!", &hash));
        assert!(!verify_password("una password lunga", "not a hash"));
        assert_ne!(hash, hash_password("una password lunga").expect("hash"), "salted");
    }
}
