//! The review desk's wire types (`/api/v1/desk`): signing in an orientatore and the office's
//! queue of submissions. The session itself travels in an `HttpOnly` cookie the app never
//! reads; what the app keeps is the CSRF token it must send back on every change.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::review::Review;
use crate::draft::LifecycleState;
use crate::libretto::{FileRef, Libretto};

/// The header carrying the session's CSRF token on every desk call that changes something.
pub const CSRF_HEADER: &str = "X-CSRF-Token";

/// The shortest password an orientatore account takes.
pub const MIN_PASSWORD_CHARS: usize = 12;

/// `POST /api/v1/desk/session`.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SignInRequest {
    pub email: String,
    pub password: String,
}

impl std::fmt::Debug for SignInRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SignInRequest")
            .field("email", &self.email)
            .field("password", &"…")
            .finish()
    }
}

/// Who is signed in, and the token to send in [`CSRF_HEADER`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DeskSession {
    pub email: String,
    pub office_id: String,
    pub office_name: String,
    pub csrf_token: String,
    /// When the session ends whatever is done (it also ends after a while without use).
    pub expires_at: DateTime<Utc>,
}

/// One submission in the office's queue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QueueItem {
    pub submission_id: String,
    pub receipt_code: String,
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub status: LifecycleState,
    /// Versions of one Libretto share its draft id.
    pub draft_id: String,
    pub version: u32,
    pub received_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// The programme the citizen asked about, when they said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub interest: Option<super::Interest>,
}

/// `GET /api/v1/desk/submissions`: one page of the queue, oldest waiting first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QueuePage {
    pub items: Vec<QueueItem>,
    /// Matching submissions in all pages.
    pub total: u64,
    /// From 1.
    pub page: u32,
    pub page_size: u32,
}

/// An e-mail address as accounts are keyed: trimmed and lower-case; `None` if it is not
/// shaped like one (one `@`, something on both sides, a dot in the domain, no spaces).
pub fn normalise_email(input: &str) -> Option<String> {
    let email = input.trim().to_lowercase();
    let (local, domain) = email.split_once('@')?;
    let shaped = !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains('@')
        && email.len() <= 254
        && !email.chars().any(char::is_whitespace);
    shaped.then_some(email)
}

/// One evidence file of a submission, and whether its bytes have arrived.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EvidenceOnFile {
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub file: FileRef,
    pub received: bool,
}

/// Another version of the same Libretto sent to the same office.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VersionRef {
    pub submission_id: String,
    pub version: u32,
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub status: LifecycleState,
    pub received_at: DateTime<Utc>,
}

/// `GET /api/v1/desk/submissions/{id}`: one version with everything the desk shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SubmissionDetail {
    pub item: QueueItem,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub libretto: Libretto,
    pub evidence: Vec<EvidenceOnFile>,
    /// Every version of this Libretto at this office, oldest first (this one included).
    pub versions: Vec<VersionRef>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<Review>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_addresses_are_trimmed_lowered_and_checked() {
        assert_eq!(
            normalise_email("  Anna.Rossi@CPI.Toscana.it ").as_deref(),
            Some("anna.rossi@cpi.toscana.it")
        );
        for bad in [
            "",
            "anna",
            "@cpi.it",
            "anna@",
            "anna@cpi",
            "anna@.it",
            "anna@cpi.",
            "a b@cpi.it",
            "a@b@cpi.it",
        ] {
            assert_eq!(normalise_email(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn a_sign_in_request_never_prints_its_password() {
        let r = SignInRequest {
            email: "a@b.it".into(),
            password: "segreto-lungo-123".into(),
        };
        assert!(!format!("{r:?}").contains("segreto"));
    }
}
