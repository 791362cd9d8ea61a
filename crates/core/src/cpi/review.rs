//! The orientatore's review of one submitted version: a verdict or a comment per item of the
//! Libretto, and an outcome. The checks live here so that the desk refuses before saving
//! exactly what the server would refuse after.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::libretto::document::document;
use crate::libretto::{ItemId, Libretto, Section};

/// The longest comment on one item.
pub const MAX_COMMENT_CHARS: usize = 2000;

/// What the orientatore found for one item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Checked against a document or a database.
    Verificato,
    /// The citizen must add or fix a document for it.
    ServeDocumento,
}

/// A note on one item: an entry of a repeated section (`item`), or a single-form section
/// such as the personal data (`item` absent).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Annotation {
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub section: Section,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub item: Option<ItemId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verdict: Option<Verdict>,
    /// Plain text, shown as text to the citizen.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub comment: String,
}

/// How a review ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReviewOutcome {
    /// The citizen is asked to change the Libretto and send it again.
    ModificheRichieste,
    /// The Libretto is consolidated: read-only from now on.
    Consolidata,
}

/// `PUT /api/v1/desk/submissions/{id}/review`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReviewRequest {
    /// The revision of the review this one replaces: 0 for the first save. Another
    /// orientatore's save in between makes this one a conflict, never a silent overwrite.
    pub revision: u32,
    pub annotations: Vec<Annotation>,
    /// Absent while the review is still being written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<ReviewOutcome>,
}

/// A saved review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Review {
    pub revision: u32,
    pub annotations: Vec<Annotation>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<ReviewOutcome>,
    /// The orientatore who saved it last.
    pub reviewer: String,
    pub updated_at: DateTime<Utc>,
}

/// What the citizen sees of a review (with the status of the submission): its outcome and
/// notes, once there is an outcome — notes still being written stay on the desk — and not who
/// wrote them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReviewForCitizen {
    pub outcome: ReviewOutcome,
    pub annotations: Vec<Annotation>,
    pub updated_at: DateTime<Utc>,
}

impl Review {
    pub fn for_citizen(&self) -> Option<ReviewForCitizen> {
        Some(ReviewForCitizen {
            outcome: self.outcome?,
            annotations: self.annotations.clone(),
            updated_at: self.updated_at,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReviewError {
    #[error("no item {item:?} in section {section:?} of this Libretto")]
    UnknownItem { section: Section, item: Option<ItemId> },
    #[error("two annotations on the same item ({section:?} {item:?})")]
    Duplicate { section: Section, item: Option<ItemId> },
    #[error("an annotation needs a verdict or a comment")]
    Empty,
    #[error("a comment is longer than {MAX_COMMENT_CHARS} characters")]
    CommentTooLong,
    #[error("asking for changes needs at least one item marked `serve_documento` or commented")]
    NoReasonForChanges,
}

impl ReviewError {
    /// The stable code of the API's error answer.
    pub fn code(&self) -> &'static str {
        match self {
            Self::UnknownItem { .. } => "unknown_item",
            Self::Duplicate { .. } => "duplicate_annotation",
            Self::Empty => "empty_annotation",
            Self::CommentTooLong => "comment_too_long",
            Self::NoReasonForChanges => "no_reason_for_changes",
        }
    }
}

/// The items of a Libretto a review can annotate: one per block of its document.
pub fn annotatable(l: &Libretto) -> Vec<(Section, Option<ItemId>)> {
    document(l, crate::Lang::It)
        .into_blocks()
        .map(|(section, b)| (section, b.item))
        .collect()
}

pub fn check_review(l: &Libretto, r: &ReviewRequest) -> Result<(), ReviewError> {
    let targets = annotatable(l);
    let mut seen = std::collections::HashSet::new();
    for a in &r.annotations {
        let target = (a.section, a.item.clone());
        if !targets.contains(&target) {
            return Err(ReviewError::UnknownItem {
                section: a.section,
                item: a.item.clone(),
            });
        }
        if !seen.insert(target) {
            return Err(ReviewError::Duplicate {
                section: a.section,
                item: a.item.clone(),
            });
        }
        if a.verdict.is_none() && a.comment.trim().is_empty() {
            return Err(ReviewError::Empty);
        }
        if a.comment.chars().count() > MAX_COMMENT_CHARS {
            return Err(ReviewError::CommentTooLong);
        }
    }
    let has_reason = r
        .annotations
        .iter()
        .any(|a| a.verdict == Some(Verdict::ServeDocumento) || !a.comment.trim().is_empty());
    if r.outcome == Some(ReviewOutcome::ModificheRichieste) && !has_reason {
        return Err(ReviewError::NoReasonForChanges);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Anna's personal data and one work experience.
    fn anna() -> Libretto {
        let mut l: Libretto =
            serde_json::from_str(include_str!("../../tests/fixtures/libretto-anna.json")).expect("fixture");
        l.add_entry::<crate::libretto::EsperienzaLavorativa>();
        l
    }

    fn note(section: Section, item: Option<ItemId>, verdict: Option<Verdict>, comment: &str) -> Annotation {
        Annotation {
            section,
            item,
            verdict,
            comment: comment.into(),
        }
    }

    #[test]
    fn every_entry_and_single_form_can_be_annotated_and_nothing_else() {
        let l = anna();
        let targets = annotatable(&l);
        let experience = l.esperienze_lavorative[0].id.clone();
        assert!(targets.contains(&(Section::DatiPersonali, None)));
        assert!(targets.contains(&(Section::EsperienzeLavorative, Some(experience.clone()))));
        let ok = ReviewRequest {
            revision: 0,
            annotations: vec![
                note(Section::DatiPersonali, None, Some(Verdict::Verificato), ""),
                note(
                    Section::EsperienzeLavorative,
                    Some(experience.clone()),
                    None,
                    "Manca il contratto",
                ),
            ],
            outcome: Some(ReviewOutcome::ModificheRichieste),
        };
        assert_eq!(check_review(&l, &ok), Ok(()));

        let mut wrong_section = ok.clone();
        wrong_section.annotations[1].section = Section::TitoliIstruzione;
        assert_eq!(
            check_review(&l, &wrong_section).map_err(|e| e.code()),
            Err("unknown_item")
        );
        let mut unknown = ok.clone();
        unknown.annotations[1].item = Some(ItemId("nonesiste".into()));
        assert_eq!(
            check_review(&l, &unknown).map_err(|e| e.code()),
            Err("unknown_item")
        );
        let mut twice = ok.clone();
        twice.annotations.push(twice.annotations[0].clone());
        assert_eq!(
            check_review(&l, &twice).map_err(|e| e.code()),
            Err("duplicate_annotation")
        );
        let mut empty = ok.clone();
        empty.annotations[1].comment = "   ".into();
        assert_eq!(
            check_review(&l, &empty).map_err(|e| e.code()),
            Err("empty_annotation")
        );
        let mut long = ok.clone();
        long.annotations[1].comment = "a".repeat(MAX_COMMENT_CHARS + 1);
        assert_eq!(
            check_review(&l, &long).map_err(|e| e.code()),
            Err("comment_too_long")
        );
        long.annotations[1].comment = "à".repeat(MAX_COMMENT_CHARS);
        assert_eq!(check_review(&l, &long), Ok(()), "characters, not bytes");
    }

    #[test]
    fn asking_for_changes_needs_a_reason_consolidating_does_not() {
        let l = anna();
        let verified_only = ReviewRequest {
            revision: 3,
            annotations: vec![note(Section::DatiPersonali, None, Some(Verdict::Verificato), "")],
            outcome: Some(ReviewOutcome::ModificheRichieste),
        };
        assert_eq!(
            check_review(&l, &verified_only),
            Err(ReviewError::NoReasonForChanges)
        );
        let consolidate = ReviewRequest {
            outcome: Some(ReviewOutcome::Consolidata),
            ..verified_only.clone()
        };
        assert_eq!(check_review(&l, &consolidate), Ok(()));
        let draft = ReviewRequest {
            outcome: None,
            annotations: vec![],
            ..verified_only
        };
        assert_eq!(check_review(&l, &draft), Ok(()));
    }
}
