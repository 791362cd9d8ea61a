//! A citizen's Libretto draft as the browser keeps it.
//!
//! The draft wraps the Libretto with what the browser needs to manage it (a name chosen by
//! the citizen, a revision for conflict detection between tabs, timestamps). The Libretto
//! itself grows section by section; every field added later must default, so that a draft
//! saved by an older version still loads.

use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

pub use crate::libretto::Libretto;

/// The version of the draft's serialized shape. Bump it when a change needs a migration.
/// Version 2 gave every repeated entry an id (see [`crate::libretto::migrate`]).
pub const DRAFT_FORMAT_VERSION: u32 = 2;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(transparent)]
pub struct DraftId(pub Uuid);

impl DraftId {
    pub fn new_random() -> Self {
        Self(Uuid::new_v4())
    }
}

impl std::fmt::Display for DraftId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl std::str::FromStr for DraftId {
    type Err = uuid::Error;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Uuid::parse_str(s).map(Self)
    }
}

/// Where the draft is in its life: only `Bozza` exists before the citizen submits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum LifecycleState {
    #[default]
    Bozza,
    Inviata,
    InRevisione,
    ModificheRichieste,
    Consolidata,
}

impl LifecycleState {
    pub const ALL: [Self; 5] = [
        Self::Bozza,
        Self::Inviata,
        Self::InRevisione,
        Self::ModificheRichieste,
        Self::Consolidata,
    ];

    /// The name the API, the database and the desk's filters use (as serialised).
    pub fn code(self) -> &'static str {
        match self {
            Self::Bozza => "bozza",
            Self::Inviata => "inviata",
            Self::InRevisione => "in_revisione",
            Self::ModificheRichieste => "modifiche_richieste",
            Self::Consolidata => "consolidata",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Draft {
    pub id: DraftId,
    /// Chosen by the citizen ("Libretto di Anna"), so several people can share a device.
    pub name: String,
    /// Increases by one on every save; a tab that saves over a higher revision has a conflict.
    pub revision: u64,
    pub format_version: u32,
    pub state: LifecycleState,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    #[serde(default)]
    pub libretto: Libretto,
}

impl Draft {
    pub fn new(name: impl Into<String>, now: DateTime<Utc>) -> Self {
        Self {
            id: DraftId::new_random(),
            name: name.into(),
            revision: 0,
            format_version: DRAFT_FORMAT_VERSION,
            state: LifecycleState::Bozza,
            created_at: now,
            updated_at: now,
            libretto: Libretto::default(),
        }
    }

    /// Brings a draft stored or exported by an older version to the current shape.
    pub fn upgrade(&mut self) {
        if self.format_version < DRAFT_FORMAT_VERSION {
            crate::libretto::migrate(&mut self.libretto, self.format_version);
            self.format_version = DRAFT_FORMAT_VERSION;
        }
    }

    /// Marks the draft as changed: the next stored copy supersedes every earlier one.
    pub fn touch(&mut self, now: DateTime<Utc>) {
        self.revision += 1;
        self.updated_at = now;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_state_code_is_its_serialised_name_and_reads_back() {
        for s in LifecycleState::ALL {
            assert_eq!(serde_json::to_value(s).ok(), Some(serde_json::json!(s.code())));
            assert_eq!(LifecycleState::from_code(s.code()), Some(s));
        }
        assert_eq!(LifecycleState::from_code("chiusa"), None);
    }

    fn at(s: &str) -> DateTime<Utc> {
        s.parse().expect("test timestamp")
    }

    #[test]
    fn touch_moves_revision_and_time_forward() {
        let mut d = Draft::new("Anna", at("2026-01-01T10:00:00Z"));
        d.touch(at("2026-01-01T10:05:00Z"));
        assert_eq!(d.revision, 1);
        assert_eq!(d.updated_at, at("2026-01-01T10:05:00Z"));
        assert_eq!(d.created_at, at("2026-01-01T10:00:00Z"));
    }

    #[test]
    fn a_draft_without_libretto_field_still_loads() {
        let json = r#"{"id":"67e55044-10b1-426f-9247-bb680e5fe0c8","name":"Anna","revision":3,
            "format_version":1,"state":"bozza","created_at":"2026-01-01T10:00:00Z",
            "updated_at":"2026-01-01T10:00:00Z"}"#;
        let d: Draft = serde_json::from_str(json).expect("old draft shape loads");
        assert_eq!(d.libretto, Libretto::default());
        assert_eq!(d.revision, 3);
    }

    #[test]
    fn json_round_trip_is_lossless() {
        let mut d = Draft::new("Marco", at("2026-02-03T08:00:00Z"));
        d.libretto.dati_personali.nome = "Marco".into();
        let back: Draft = serde_json::from_str(&serde_json::to_string(&d).expect("ser")).expect("de");
        assert_eq!(back, d);
    }
}
