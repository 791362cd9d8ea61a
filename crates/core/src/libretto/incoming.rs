//! A file the citizen chose to open, whatever it is: a Sportello Libretto file, a JSON Resume
//! CV, a Europass CV (XML, or the Europass editor's PDF with its XML inside). Told apart by
//! their bytes, not by the file's name or declared type.

use super::cv_import::CvImport;
use super::export::{ImportError, Imported};
use super::{europass, europass_pdf, export, json_resume};

#[derive(Debug, Clone, PartialEq)]
pub enum Incoming {
    /// A Sportello export: a draft as it was, with its files.
    Libretto(Imported),
    /// A CV: a new draft, with what the CV holds that the Libretto cannot.
    Cv(CvImport),
}

pub fn read(bytes: &[u8]) -> Result<Incoming, ImportError> {
    if europass_pdf::is_pdf(bytes) {
        let xml = europass_pdf::xml_in_pdf(bytes)?;
        return europass::import(&xml).map(|(_, cv)| Incoming::Cv(cv));
    }
    let text = std::str::from_utf8(bytes).map_err(|_| ImportError::NotAnExport)?;
    if europass::is_xml(text) {
        return europass::import(text).map(|(_, cv)| Incoming::Cv(cv));
    }
    match export::import(text) {
        Err(ImportError::NotAnExport) => json_resume::import(text).map(Incoming::Cv),
        other => other.map(Incoming::Libretto),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_of_file_is_told_by_its_bytes() {
        let fixture = |name: &str| {
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures")
                .join(name);
            std::fs::read(path).expect("fixture")
        };
        assert!(matches!(
            read(&fixture("export-v1.json")),
            Ok(Incoming::Libretto(_))
        ));
        assert!(
            matches!(read(&fixture("europass-v3.xml")), Ok(Incoming::Cv(cv)) if cv.name == "Giulia Ferri")
        );
        assert!(
            matches!(read(&fixture("europass-candidate.xml")), Ok(Incoming::Cv(cv)) if cv.name == "Ana Popescu")
        );
        assert!(
            matches!(read(br#"{"basics": {"name": "Ada Lovelace"}}"#), Ok(Incoming::Cv(cv)) if cv.name == "Ada Lovelace")
        );
        assert_eq!(read(br#"{"nome": "x"}"#), Err(ImportError::NotAnExport));
        assert_eq!(read(b"\xff\xfe\x00"), Err(ImportError::NotAnExport));
        assert_eq!(read(b"%PDF-1.4\n%%EOF"), Err(ImportError::PdfWithoutCv));
        assert!(matches!(
            read(b"<SkillsPassport"),
            Err(ImportError::NotXml { .. })
        ));
    }
}
