//! The portable file a citizen can keep, move to another browser or bring to the CPI on a
//! USB stick: one draft as versioned JSON, with its evidence files optionally embedded.
//!
//! The shape is committed as a JSON Schema (`docs/schema/libretto-export.schema.json`),
//! generated from these types and checked by a test. Older versions stay readable:
//! - version 1: `{formato, versione: 1, bozza}`, the draft as Sportello stored it before
//!   entries had ids (format version 1), never with files;
//! - version 2 (current): adds `file`, the embedded evidence files.
//!
//! Import never trusts the file: JSON errors name the line, shape errors name the field,
//! embedded files are checked against their SHA-256, and a newer version is refused with a
//! message rather than half-read.

use base64::Engine as _;
use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::FileRef;
use crate::content_hash::sha256_hex;
use crate::draft::Draft;

pub const EXPORT_FORMAT: &str = "sportello-libretto";
pub const EXPORT_VERSION: u32 = 2;

/// One exported draft.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct LibrettoExport {
    /// Always "sportello-libretto".
    pub formato: String,
    pub versione: u32,
    pub esportato_il: DateTime<Utc>,
    pub bozza: Draft,
    /// Evidence files, when the citizen chose to include them.
    #[serde(default)]
    pub file: Vec<EmbeddedFile>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct EmbeddedFile {
    #[serde(flatten)]
    pub meta: FileRef,
    /// The bytes, standard base64 with padding.
    pub base64: String,
}

/// A file read back from an export, its bytes checked against its hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedFile {
    pub meta: FileRef,
    pub bytes: Vec<u8>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    pub draft: Draft,
    pub files: Vec<ImportedFile>,
    /// The export version the file was written with.
    pub from_version: u32,
}

/// Why a file cannot be imported; each variant maps to one message for the citizen.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("not JSON (line {line}, column {column})")]
    NotJson { line: usize, column: usize },
    #[error("not XML (line {line}, column {column})")]
    NotXml { line: usize, column: usize },
    #[error("larger than any CV or Libretto file")]
    TooLarge,
    /// A PDF, but not one with a Europass CV inside (only the Europass editor's PDFs carry
    /// their XML; a CV's printed text is never scraped).
    #[error("a PDF without a Europass CV inside")]
    PdfWithoutCv,
    #[error("not a Sportello Libretto export")]
    NotAnExport,
    #[error("made by a newer Sportello (version {found})")]
    NewerVersion { found: u64 },
    #[error("a field is not valid (line {line}, column {column}): {message}")]
    Invalid {
        line: usize,
        column: usize,
        message: String,
    },
    #[error("the embedded file {name} is damaged")]
    FileDamaged { name: String },
    /// Whatever it claims, its bytes are not a PDF, PNG or JPEG (an HTML page or an SVG
    /// would otherwise be opened as a same-origin page).
    #[error("the embedded file {name} is not a PDF, PNG or JPEG")]
    FileNotAllowed { name: String },
}

/// Builds the export of a draft, embedding the given files (already read from the store).
pub fn export(draft: &Draft, files: &[(FileRef, Vec<u8>)], now: DateTime<Utc>) -> LibrettoExport {
    LibrettoExport {
        formato: EXPORT_FORMAT.into(),
        versione: EXPORT_VERSION,
        esportato_il: now,
        bozza: draft.clone(),
        file: files
            .iter()
            .map(|(meta, bytes)| EmbeddedFile {
                meta: meta.clone(),
                base64: base64::engine::general_purpose::STANDARD.encode(bytes),
            })
            .collect(),
    }
}

/// What identifies an export, read before the rest.
#[derive(Deserialize)]
struct Header {
    formato: Option<String>,
    versione: Option<u64>,
}

/// Reads an export of any supported version and brings its draft up to the current shape.
///
/// A field that does not fit is reported by line and column, not by its path: reading with a
/// path tracker compiles every type's deserialiser again, which cost the app ~120 KB of wasm.
pub fn import(json: &str) -> Result<Imported, ImportError> {
    let header: Header = serde_json::from_str(json).map_err(|e| {
        if e.is_syntax() || e.is_eof() {
            ImportError::NotJson {
                line: e.line(),
                column: e.column(),
            }
        } else {
            ImportError::NotAnExport
        }
    })?;
    if header.formato.as_deref() != Some(EXPORT_FORMAT) {
        return Err(ImportError::NotAnExport);
    }
    let found = header.versione.ok_or(ImportError::NotAnExport)?;
    let version = u32::try_from(found)
        .ok()
        .filter(|v| *v <= EXPORT_VERSION)
        .ok_or(ImportError::NewerVersion { found })?;
    let export: LibrettoExport = serde_json::from_str(json).map_err(|e| ImportError::Invalid {
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })?;
    let mut draft = export.bozza;
    draft.upgrade();
    let files = export
        .file
        .into_iter()
        .map(|f| {
            let damaged = || ImportError::FileDamaged {
                name: f.meta.nome.clone(),
            };
            let bytes = base64::engine::general_purpose::STANDARD
                .decode(f.base64.as_bytes())
                .map_err(|_| damaged())?;
            if sha256_hex(&bytes) != f.meta.sha256 || bytes.len() as u64 != f.meta.dimensione {
                return Err(damaged());
            }
            let kind = crate::evidence::sniff(&bytes).ok_or_else(|| ImportError::FileNotAllowed {
                name: f.meta.nome.clone(),
            })?;
            let mut meta = f.meta;
            meta.tipo_mime = kind.mime_type().to_owned();
            Ok(ImportedFile { meta, bytes })
        })
        .collect::<Result<Vec<_>, _>>()?;
    // The draft's own references carry the type found in the bytes too, never the claimed one.
    for e in &mut draft.libretto.evidenze {
        if let Some(file) = e.file.as_mut()
            && let Some(found) = files.iter().find(|f| f.meta.sha256 == file.sha256)
        {
            file.tipo_mime = found.meta.tipo_mime.clone();
        }
    }
    Ok(Imported {
        draft,
        files,
        from_version: version,
    })
}

/// The JSON Schema of the current export version, as committed under `docs/schema/`.
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(LibrettoExport);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::libretto::{Evidenza, ItemId};

    fn at(s: &str) -> DateTime<Utc> {
        s.parse().expect("timestamp")
    }

    fn with_file() -> (Draft, Vec<(FileRef, Vec<u8>)>) {
        let mut d = Draft::new("Anna", at("2026-11-01T10:00:00Z"));
        let bytes = b"%PDF-1.4 attestato".to_vec();
        let meta = FileRef {
            sha256: sha256_hex(&bytes),
            nome: "attestato.pdf".into(),
            tipo_mime: "application/pdf".into(),
            dimensione: bytes.len() as u64,
        };
        d.libretto.evidenze.push(Evidenza {
            id: ItemId("e1".into()),
            titolo: "Attestato".into(),
            file: Some(meta.clone()),
            ..Default::default()
        });
        (d, vec![(meta, bytes)])
    }

    #[test]
    fn export_then_import_gives_back_the_same_draft_and_bytes() {
        let (d, files) = with_file();
        let json = serde_json::to_string(&export(&d, &files, at("2026-11-02T10:00:00Z"))).expect("ser");
        let back = import(&json).expect("import");
        assert_eq!(back.draft, d);
        assert_eq!(back.files.len(), 1);
        assert_eq!(back.files[0].bytes, files[0].1);
        assert_eq!(back.from_version, EXPORT_VERSION);
    }

    #[test]
    fn a_file_is_kept_only_as_what_its_bytes_are() {
        let html = b"<html><script>alert(document.domain)</script></html>".to_vec();
        let (mut d, _) = with_file();
        let meta = FileRef {
            sha256: sha256_hex(&html),
            nome: "attestato.pdf".into(),
            tipo_mime: "application/pdf".into(),
            dimensione: html.len() as u64,
        };
        d.libretto.evidenze[0].file = Some(meta.clone());
        let json =
            serde_json::to_string(&export(&d, &[(meta, html)], at("2026-11-02T10:00:00Z"))).expect("ser");
        assert_eq!(
            import(&json),
            Err(ImportError::FileNotAllowed {
                name: "attestato.pdf".into()
            })
        );

        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        let meta = FileRef {
            sha256: sha256_hex(&png),
            nome: "scansione.pdf".into(),
            tipo_mime: "text/html".into(),
            dimensione: png.len() as u64,
        };
        d.libretto.evidenze[0].file = Some(meta.clone());
        let json =
            serde_json::to_string(&export(&d, &[(meta, png)], at("2026-11-02T10:00:00Z"))).expect("ser");
        let back = import(&json).expect("a PNG is welcome, whatever it claims");
        assert_eq!(back.files[0].meta.tipo_mime, "image/png");
        let reference = back.draft.libretto.evidenze[0]
            .file
            .as_ref()
            .map(|f| f.tipo_mime.as_str());
        assert_eq!(reference, Some("image/png"));
    }

    #[test]
    fn a_damaged_file_is_named() {
        let (d, mut files) = with_file();
        files[0].1[0] ^= 1;
        let json = serde_json::to_string(&export(&d, &files, at("2026-11-02T10:00:00Z"))).expect("ser");
        assert_eq!(
            import(&json),
            Err(ImportError::FileDamaged {
                name: "attestato.pdf".into()
            })
        );
    }

    #[test]
    fn errors_say_where() {
        assert_eq!(
            import("{\n  \"formato\": "),
            Err(ImportError::NotJson { line: 2, column: 13 })
        );
        assert_eq!(import(r#"{"name":"cv"}"#), Err(ImportError::NotAnExport));
        assert_eq!(
            import(r#"{"formato":"sportello-libretto","versione":9}"#),
            Err(ImportError::NewerVersion { found: 9 })
        );
        assert_eq!(
            import(r#"{"formato":"sportello-libretto","versione":4294967298}"#),
            Err(ImportError::NewerVersion { found: 4294967298 }),
            "a version that would wrap to 2 is still newer"
        );
        let (d, _) = with_file();
        let mut v = serde_json::to_value(export(&d, &[], at("2026-11-02T10:00:00Z"))).expect("ser");
        v["bozza"]["libretto"]["esperienze_lavorative"] = serde_json::json!([{"inizio": "2019-13"}]);
        match import(&v.to_string()) {
            Err(ImportError::Invalid { message, .. }) => {
                assert!(message.contains("2019-13"), "{message}");
            }
            other => panic!("{other:?}"),
        }
        // Where it is wrong, for the message: the id that is not a text ends at column 66.
        match import(r#"{"formato": "sportello-libretto", "versione": 2, "bozza": {"id": 5}}"#) {
            Err(ImportError::Invalid { line, column, .. }) => assert_eq!((line, column), (1, 66)),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn version_1_files_are_read_and_migrated() {
        let json = include_str!("../../tests/fixtures/export-v1.json");
        let back = import(json).expect("v1 import");
        assert_eq!(back.from_version, 1);
        assert_eq!(back.draft.format_version, crate::draft::DRAFT_FORMAT_VERSION);
        assert_eq!(back.draft.libretto.titoli_istruzione.len(), 1);
        assert!(!back.draft.libretto.titoli_istruzione[0].id.is_empty());
        assert_eq!(back.draft.libretto.dati_personali.residenza.comune, "Pistoia");
    }

    #[test]
    fn the_committed_schema_matches_the_types() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../docs/schema/libretto-export.schema.json"
        );
        let generated = json_schema();
        if std::env::var_os("UPDATE_SCHEMA").is_some() {
            std::fs::write(path, &generated).expect("write schema");
        }
        let committed = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            committed == generated,
            "docs/schema/libretto-export.schema.json is out of date: run `UPDATE_SCHEMA=1 cargo test -p sportello-core schema`"
        );
    }
}
