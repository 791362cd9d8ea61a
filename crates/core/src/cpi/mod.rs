//! The CPI contract: what the app sends to a Centro per l'Impiego and what it gets back.
//!
//! These are the wire types of `/api/v1` (see `docs/api.md`): the app serializes them, the
//! reference server deserializes them, and intake checks ([`check_submission`]) are the same
//! code on both sides, so the browser refuses before sending exactly what the server would
//! refuse after. With the `openapi` feature the types also describe themselves for the
//! server's OpenAPI document; the app never turns it on.

pub mod desk;
pub mod monitoring;
mod offices;
mod receipt;
pub mod review;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

pub use offices::{Office, OfficeConfigError, parse_offices, preselect_office};
pub use receipt::{ReceiptCode, ReceiptCodeError};

use crate::draft::{DraftId, LifecycleState};
use crate::evidence::{self, EvidenceKind};
use crate::libretto::validation::{Severity, validate};
use crate::libretto::vocab::{Vocabulary, vocabulary};
use crate::libretto::{FileRef, Libretto, Section, SectionState};

/// The header that makes a submission safe to retry.
pub const IDEMPOTENCY_HEADER: &str = "Idempotency-Key";
/// The header that carries the status token.
pub const STATUS_TOKEN_HEADER: &str = "X-Status-Token";

/// One version of a citizen's Libretto, frozen when they confirmed the consent screen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SubmissionRequest {
    /// The CPI office chosen on the consent screen (`GET /api/v1/offices`).
    pub office_id: String,
    /// The draft this version comes from: later versions of the same Libretto share it.
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub draft_id: DraftId,
    /// 1 for the first submission of a draft, then one more for each resubmission.
    pub version: u32,
    /// The Libretto as exported (`docs/schema/libretto-export.schema.json`, `bozza.libretto`).
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub libretto: Libretto,
    /// What the citizen would like to talk about at the office, when they said; the desk
    /// filters its queue by it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub interest: Option<Interest>,
}

vocabulary! {
    /// The programme a citizen asks the office about, chosen (or not) on the consent screen.
    Interest {
        Ila = "ila", ["Un conto individuale di apprendimento (ILA)", "An individual learning account (ILA)", "Un compte individuel de formation (ILA)", "Un cont individual de învățare (ILA)", "Një llogari individuale mësimi (ILA)", "حساب تعلّم فردي (ILA)"];
        Voucher = "voucher", ["Un voucher per un corso", "A voucher for a course", "Un bon (voucher) pour un cours", "Un voucher pentru un curs", "Një kupon (voucher) për një kurs", "قسيمة (voucher) لدورة تدريبية"];
        Dote = "dote", ["La dote per tornare al lavoro", "The dote, to get back to work", "La dote, pour retrouver un emploi", "Dote, pentru a reveni la muncă", "Dote, për t'u kthyer në punë", "الـ dote، للعودة إلى العمل"];
        Orientamento = "orientamento", ["Nessuno in particolare: un colloquio di orientamento", "None in particular: a guidance interview", "Rien de précis : un entretien d'orientation", "Nimic anume: o discuție de orientare", "Asgjë e veçantë: një bisedë orientimi", "لا شيء محدد: مقابلة توجيه"];
    }
}

impl SubmissionRequest {
    /// The evidence files this submission carries: one per distinct file attached to a
    /// document of the dossier, in dossier order.
    pub fn evidence_files(&self) -> Vec<FileRef> {
        self.libretto.evidence_files()
    }
}

/// The answer to an accepted submission. The status token appears here and nowhere else.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SubmissionReceipt {
    pub submission_id: String,
    /// What the citizen reads out at the desk, e.g. `7K3M-9QXA-2RBD`.
    pub receipt_code: String,
    pub office_id: String,
    /// The server's clock when the submission was stored.
    pub received_at: DateTime<Utc>,
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub status: LifecycleState,
    /// Proves the holder sent this submission: sent back in `X-Status-Token` to upload its
    /// files and to read its status. The server keeps only its hash.
    pub status_token: String,
    /// The SHA-256 of each evidence file the server still expects.
    pub evidence_expected: Vec<String>,
}

/// The answer to `GET /api/v1/submissions/{id}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SubmissionStatus {
    pub submission_id: String,
    pub receipt_code: String,
    pub office_id: String,
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub status: LifecycleState,
    pub received_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub evidence_received: Vec<String>,
    pub evidence_missing: Vec<String>,
    /// The orientatore's outcome and notes, once given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<review::ReviewForCitizen>,
}

/// The answer to an evidence upload.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EvidenceReceipt {
    pub sha256: String,
    /// The type found in the file's bytes, whatever the upload declared.
    pub mime_type: String,
    pub size: u64,
}

/// Every error answer: a stable `code` for programs, a `message` for people.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApiError {
    pub code: String,
    pub message: String,
}

/// Why a submission cannot be accepted, whoever checks it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IntakeError {
    #[error("the personal data (name, codice fiscale, residence…) are not complete")]
    PersonalDataMissing,
    #[error("the Libretto has {0} problem(s) to fix before it can be sent")]
    Invalid(usize),
    #[error("the version must be 1 or more")]
    BadVersion,
    #[error("the evidence file {0} has no valid SHA-256")]
    BadHash(String),
    #[error("the evidence file {0} is not a PDF, PNG or JPEG")]
    BadType(String),
    #[error("the evidence file {0} is larger than 10 MB")]
    FileTooLarge(String),
    #[error("the evidence files together are larger than 50 MB")]
    TotalTooLarge,
    #[error("more than {max} evidence files", max = evidence::MAX_FILES_PER_SUBMISSION)]
    TooManyFiles,
}

impl IntakeError {
    /// The stable code in API error answers.
    pub fn code(&self) -> &'static str {
        match self {
            IntakeError::PersonalDataMissing => "personal_data_missing",
            IntakeError::Invalid(_) => "libretto_invalid",
            IntakeError::BadVersion => "bad_version",
            IntakeError::BadHash(_) => "bad_evidence_hash",
            IntakeError::BadType(_) => "unsupported_evidence_type",
            IntakeError::FileTooLarge(_) => "evidence_too_large",
            IntakeError::TotalTooLarge => "submission_too_large",
            IntakeError::TooManyFiles => "too_many_evidence_files",
        }
    }
}

/// What must hold for a CPI to accept a submission: the personal data are complete, the
/// Libretto has no errors (warnings are fine: the orientatore sees them) and its files are of
/// an accepted kind and size.
pub fn check_submission(request: &SubmissionRequest, today: NaiveDate) -> Result<(), IntakeError> {
    if request.version == 0 {
        return Err(IntakeError::BadVersion);
    }
    check_libretto(&request.libretto, today)
}

/// The part of [`check_submission`] that depends on the Libretto alone, so a screen can ask
/// it of the draft it holds without building (and copying into) a request.
pub fn check_libretto(libretto: &Libretto, today: NaiveDate) -> Result<(), IntakeError> {
    let findings = validate(libretto, today);
    if libretto.section_state(Section::DatiPersonali, &findings) != SectionState::Complete {
        return Err(IntakeError::PersonalDataMissing);
    }
    let errors = findings.iter().filter(|f| f.severity == Severity::Error).count();
    if errors > 0 {
        return Err(IntakeError::Invalid(errors));
    }
    let files = libretto.evidence_files();
    if files.len() > evidence::MAX_FILES_PER_SUBMISSION {
        return Err(IntakeError::TooManyFiles);
    }
    let mut total = 0u64;
    for f in &files {
        if !evidence::is_sha256_hex(&f.sha256) {
            return Err(IntakeError::BadHash(f.nome.clone()));
        }
        if EvidenceKind::from_mime_type(&f.tipo_mime).is_none() {
            return Err(IntakeError::BadType(f.nome.clone()));
        }
        if f.dimensione > evidence::MAX_FILE_BYTES {
            return Err(IntakeError::FileTooLarge(f.nome.clone()));
        }
        total = total.saturating_add(f.dimensione);
    }
    if total > evidence::MAX_SUBMISSION_BYTES {
        return Err(IntakeError::TotalTooLarge);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::libretto::Evidenza;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 2).unwrap_or_default()
    }

    /// A Libretto whose personal data are complete and correct (the fixture the server's
    /// tests and the intake bench send too).
    pub(crate) fn valid_libretto() -> Libretto {
        serde_json::from_str(include_str!("../../tests/fixtures/libretto-anna.json")).unwrap_or_default()
    }

    fn file(n: u8, size: u64, mime: &str) -> FileRef {
        FileRef {
            sha256: format!("{:064x}", n),
            nome: format!("doc{n}.pdf"),
            tipo_mime: mime.into(),
            dimensione: size,
        }
    }

    fn request(files: Vec<FileRef>) -> SubmissionRequest {
        let mut libretto = valid_libretto();
        libretto.evidenze = files
            .into_iter()
            .map(|f| Evidenza {
                titolo: f.nome.clone(),
                categoria: Some(crate::libretto::CategoriaEvidenza::Formazione),
                file: Some(f),
                ..Default::default()
            })
            .collect();
        SubmissionRequest {
            office_id: "pistoia".into(),
            draft_id: DraftId::new_random(),
            version: 1,
            libretto,
            interest: None,
        }
    }

    #[test]
    fn a_valid_libretto_with_good_files_is_accepted() {
        let r = request(vec![file(1, 1000, "application/pdf"), file(2, 10, "image/png")]);
        let findings = validate(&r.libretto, today());
        assert_eq!(check_submission(&r, today()), Ok(()), "{findings:?}");
    }

    #[test]
    fn the_same_file_twice_is_expected_once() {
        let r = request(vec![
            file(1, 1000, "application/pdf"),
            file(1, 1000, "application/pdf"),
        ]);
        assert_eq!(r.evidence_files().len(), 1);
    }

    #[test]
    fn an_empty_libretto_is_refused_for_its_personal_data() {
        let mut r = request(vec![]);
        r.libretto = Libretto::default();
        assert_eq!(
            check_submission(&r, today()),
            Err(IntakeError::PersonalDataMissing)
        );
    }

    #[test]
    fn a_libretto_with_an_error_is_refused_with_its_problem_count() {
        let mut r = request(vec![]);
        r.libretto.dati_personali.email = "not an address".into();
        assert_eq!(
            check_submission(&r, today()),
            Err(IntakeError::PersonalDataMissing)
        );
        r.libretto.dati_personali.email.clear();
        r.libretto.esperienze_lavorative.push(Default::default());
        assert!(matches!(check_submission(&r, today()), Err(IntakeError::Invalid(n)) if n > 0));
    }

    #[test]
    fn bad_files_are_refused_one_reason_each() {
        let check = |f: FileRef| check_submission(&request(vec![f]), today());
        assert_eq!(
            check(file(1, 10, "text/html")),
            Err(IntakeError::BadType("doc1.pdf".into()))
        );
        assert_eq!(
            check(file(1, evidence::MAX_FILE_BYTES + 1, "image/png")),
            Err(IntakeError::FileTooLarge("doc1.pdf".into()))
        );
        let mut f = file(1, 10, "image/png");
        f.sha256 = "../../etc/passwd".into();
        assert!(matches!(check(f), Err(IntakeError::BadHash(_))));
        let big: Vec<FileRef> = (0..6)
            .map(|n| file(n, evidence::MAX_FILE_BYTES, "image/png"))
            .collect();
        assert_eq!(
            check_submission(&request(big), today()),
            Err(IntakeError::TotalTooLarge)
        );
    }
}
