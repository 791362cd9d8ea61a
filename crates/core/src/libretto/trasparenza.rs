//! The *Documento di trasparenza* of a consolidated Libretto: the minimum blocks of the IVC
//! procedure (DI 30/06/2015, art. 6; `domain-libretto.md` §7) — the person, the competences
//! with the experiences they were acquired in and the documents that support them — and who
//! released it. Always in Italian, the official language, whatever the screen's: it is what
//! the citizen takes to another office or to a validation.

use crate::Lang;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::{Libretto, Vocabulary};

pub const TITOLO: &str = "Documento di trasparenza";
pub const RIFERIMENTO: &str = "D.I. 30 giugno 2015, art. 6";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentoTrasparenza {
    pub documento: String,
    pub riferimento_normativo: String,
    pub persona: Persona,
    pub competenze: Vec<CompetenzaTrasparenza>,
    pub rilascio: Rilascio,
}

/// Block a): who the person is and how to reach them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Persona {
    pub nome: String,
    pub cognome: String,
    pub codice_fiscale: String,
    pub data_nascita: Option<NaiveDate>,
    pub luogo_nascita: String,
    pub cittadinanza: String,
    pub telefono: String,
    pub email: String,
}

/// Block b), with c) (the experiences it was acquired in) and the documents supporting it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompetenzaTrasparenza {
    pub descrizione: String,
    pub tipologia: Option<String>,
    pub contesto: Option<String>,
    pub stato: String,
    pub esperienze: Vec<String>,
    pub evidenze: Vec<EvidenzaTrasparenza>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvidenzaTrasparenza {
    pub titolo: String,
    pub categoria: Option<String>,
    pub emesso_da: String,
    /// As written on the document ("12/2020", "2020").
    pub data: Option<String>,
    pub file: Option<String>,
}

/// Who released the document, and which version of the Libretto it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rilascio {
    pub ente: String,
    pub provincia: String,
    pub regione: String,
    pub codice_ricevuta: String,
    pub versione: u32,
    pub consolidato_il: DateTime<Utc>,
}

pub fn documento_trasparenza(l: &Libretto, rilascio: Rilascio) -> DocumentoTrasparenza {
    let p = &l.dati_personali;
    let experiences = l.experiences(Lang::It);
    let competenze = l
        .competenze
        .iter()
        .map(|c| CompetenzaTrasparenza {
            descrizione: c.descrizione.trim().to_owned(),
            tipologia: c.tipologia.map(|t| t.label(Lang::It).to_owned()),
            contesto: c.contesto.map(|t| t.label(Lang::It).to_owned()),
            stato: c.stato.label(Lang::It).to_owned(),
            esperienze: c
                .esperienze
                .iter()
                .filter_map(|id| experiences.iter().find(|(x, _, _)| x == id))
                .map(|(_, _, name)| name.clone())
                .collect(),
            evidenze: c
                .evidenze
                .iter()
                .filter_map(|id| l.evidenze.iter().find(|e| &e.id == id))
                .map(|e| EvidenzaTrasparenza {
                    titolo: e.titolo.trim().to_owned(),
                    categoria: e.categoria.map(|k| k.label(Lang::It).to_owned()),
                    emesso_da: e.emesso_da.trim().to_owned(),
                    data: e.data.map(|d| d.italian()),
                    file: e.file.as_ref().map(|f| f.nome.clone()),
                })
                .collect(),
        })
        .collect();
    DocumentoTrasparenza {
        documento: TITOLO.to_owned(),
        riferimento_normativo: RIFERIMENTO.to_owned(),
        persona: Persona {
            nome: p.nome.trim().to_owned(),
            cognome: p.cognome.trim().to_owned(),
            codice_fiscale: p.codice_fiscale.trim().to_owned(),
            data_nascita: p.data_nascita,
            luogo_nascita: p.luogo_nascita.trim().to_owned(),
            cittadinanza: p.cittadinanza.trim().to_owned(),
            telefono: p.telefono.trim().to_owned(),
            email: p.email.trim().to_owned(),
        },
        competenze,
        rilascio,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::libretto::{Competenza, EsperienzaLavorativa, Evidenza, ItemId};

    #[test]
    fn each_competence_carries_its_experiences_and_documents_by_name() {
        let mut l: Libretto =
            serde_json::from_str(include_str!("../../tests/fixtures/libretto-anna.json")).expect("fixture");
        let job = l.add_entry::<EsperienzaLavorativa>();
        l.esperienze_lavorative[0].datore = "Biblioteca San Giorgio".into();
        l.esperienze_lavorative[0].professione.descrizione = "Bibliotecaria".into();
        let doc = l.add_entry::<Evidenza>();
        l.evidenze[0].titolo = "Lettera di referenze".into();
        l.evidenze[0].emesso_da = "Comune di Pistoia".into();
        l.add_entry::<Competenza>();
        l.competenze[0].descrizione = " Sa catalogare un fondo librario ".into();
        l.competenze[0].esperienze = vec![job, ItemId("sparita".into())];
        l.competenze[0].evidenze = vec![doc];
        let when: DateTime<Utc> = "2026-12-01T10:00:00Z".parse().expect("time");
        let d = documento_trasparenza(
            &l,
            Rilascio {
                ente: "Centro per l'Impiego di Pistoia".into(),
                provincia: "PT".into(),
                regione: "toscana".into(),
                codice_ricevuta: "ABCD-EFGH-JKLM".into(),
                versione: 2,
                consolidato_il: when,
            },
        );
        assert_eq!(d.persona.nome, l.dati_personali.nome.trim());
        assert_eq!(d.competenze.len(), 1);
        let c = &d.competenze[0];
        assert_eq!(c.descrizione, "Sa catalogare un fondo librario");
        assert_eq!(
            c.esperienze.len(),
            1,
            "a link to an entry that is gone is left out"
        );
        assert!(
            c.esperienze[0].contains("Biblioteca San Giorgio"),
            "{:?}",
            c.esperienze
        );
        assert_eq!(c.evidenze[0].titolo, "Lettera di referenze");
        assert_eq!(c.evidenze[0].emesso_da, "Comune di Pistoia");
        assert_eq!(d.rilascio.versione, 2);
        let json = serde_json::to_value(&d).expect("json");
        assert_eq!(json["documento"], TITOLO);
        assert_eq!(json["rilascio"]["consolidato_il"], "2026-12-01T10:00:00Z");
    }
}
