//! The Lombardy *dote*: what ends it, its *fasce*, the services a plan (PIP) is made of, and
//! the plan's budget arithmetic.
//!
//! Almost every figure here is unconfirmed [U] in the sources (value per fascia, unit costs,
//! hour caps): they ship as illustrative defaults that the person can edit or replace with a
//! table loaded from a file, and are labelled "Valore illustrativo – non ufficiale" wherever
//! shown. The only confirmed budget is Dote Lavoro 2009's €3,000 of services.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{Amount, Mark, Text};
use crate::money::parse_eur;

/// The programme whose figures the simulator starts from: the only dote with a confirmed
/// services budget and allowance.
const FIGURES_PROGRAMME: &str = "dote-lavoro-2009";

fn figure(id: &str) -> Option<&'static Amount> {
    super::find(FIGURES_PROGRAMME)?
        .amounts
        .iter()
        .find(|a| a.id == id)
}

/// Dote Lavoro 2009's services budget (€3,000), with its source, from the programme file.
pub fn services_budget() -> Option<&'static Amount> {
    figure("servizi")
}

/// Dote Lavoro 2009's participation allowance (€3,000 over at most 10 months).
pub fn participation_allowance() -> Option<&'static Amount> {
    figure("indennita")
}

const FASCE_SOURCE: &str = "lombardia.cisl.it (15/12/2017); afolmet.it; fasi.eu";

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Fascia {
    pub id: &'static str,
    pub name: Text,
    pub meaning: Text,
    /// Maximum duration in months, where a source states it.
    pub max_months: Option<u32>,
    pub source: &'static str,
    pub mark: Mark,
}

/// The fasce di intensità di aiuto (phases I–III wording). The simulator never computes a
/// profiling score: the person or the orientatore chooses.
pub fn fasce() -> Vec<Fascia> {
    let t = Text::new;
    vec![
        Fascia {
            id: "1",
            name: t([
                "Fascia 1 – bassa",
                "Fascia 1 – low",
                "Fascia 1 – faible",
                "Fascia 1 – scăzută",
                "Fascia 1 – e ulët",
                "الفئة (fascia) 1 – منخفضة",
            ]),
            meaning: t([
                "Può trovare lavoro da solo/a o con un supporto minimo.",
                "Can find work alone or with minimal support.",
                "Peut trouver un emploi seul(e) ou avec un soutien minimal.",
                "Își poate găsi singur(ă) un loc de muncă sau cu un sprijin minim.",
                "Mund të gjejë punë vetë ose me një mbështetje minimale.",
                "يمكنه/يمكنها إيجاد عمل بمفرده أو بدعم بسيط.",
            ]),
            max_months: Some(3),
            source: FASCE_SOURCE,
            mark: Mark::C,
        },
        Fascia {
            id: "2",
            name: t([
                "Fascia 2 – media",
                "Fascia 2 – medium",
                "Fascia 2 – moyenne",
                "Fascia 2 – medie",
                "Fascia 2 – mesatare",
                "الفئة (fascia) 2 – متوسطة",
            ]),
            meaning: t([
                "Ha bisogno di servizi intensivi per essere (ri)collocato/a.",
                "Needs intensive services to be (re)placed in work.",
                "A besoin de services intensifs pour (re)trouver un emploi.",
                "Are nevoie de servicii intensive pentru a fi (re)încadrat(ă) în muncă.",
                "Ka nevojë për shërbime intensive për t'u (ri)punësuar.",
                "يحتاج إلى خدمات مكثفة للعودة إلى العمل.",
            ]),
            max_months: Some(6),
            source: FASCE_SOURCE,
            mark: Mark::C,
        },
        Fascia {
            id: "3",
            name: t([
                "Fascia 3 – alta",
                "Fascia 3 – high",
                "Fascia 3 – élevée",
                "Fascia 3 – ridicată",
                "Fascia 3 – e lartë",
                "الفئة (fascia) 3 – مرتفعة",
            ]),
            meaning: t([
                "Ha bisogno di servizi intensivi per un periodo medio-lungo e di un forte supporto individuale.",
                "Needs intensive services over a medium-to-long period and strong individual support.",
                "A besoin de services intensifs sur une période moyenne à longue et d'un fort soutien individuel.",
                "Are nevoie de servicii intensive pe o perioadă medie sau lungă și de un sprijin individual puternic.",
                "Ka nevojë për shërbime intensive për një periudhë mesatare deri të gjatë dhe për mbështetje të fortë individuale.",
                "يحتاج إلى خدمات مكثفة لفترة متوسطة إلى طويلة وإلى دعم فردي قوي.",
            ]),
            max_months: Some(6),
            source: FASCE_SOURCE,
            mark: Mark::C,
        },
        Fascia {
            id: "3plus",
            name: t([
                "Fascia 3 plus – alta, svantaggio",
                "Fascia 3 plus – high, disadvantage",
                "Fascia 3 plus – élevée, situation de désavantage",
                "Fascia 3 plus – ridicată, dezavantaj",
                "Fascia 3 plus – e lartë, disavantazh",
                "الفئة (fascia) 3 بلس – مرتفعة، وضع هشّ",
            ]),
            meaning: t([
                "Problemi occupazionali, economici e sociali: serve un forte supporto individuale ed economico. Durata non confermata.",
                "Occupational, economic and social problems: needs strong individual and economic support. Duration not confirmed.",
                "Difficultés d'emploi, économiques et sociales : un fort soutien individuel et financier est nécessaire. Durée non confirmée.",
                "Probleme de ocupare, economice și sociale: este nevoie de un sprijin individual și financiar puternic. Durată neconfirmată.",
                "Probleme punësimi, ekonomike dhe shoqërore: nevojitet mbështetje e fortë individuale dhe financiare. Kohëzgjatja e pakonfirmuar.",
                "مشاكل في العمل والمال والحياة الاجتماعية: يلزم دعم فردي ومالي قوي. المدة غير مؤكدة.",
            ]),
            max_months: None,
            source: "afolmet.it; fasi.eu",
            mark: Mark::U,
        },
        Fascia {
            id: "4",
            name: t([
                "Fascia 4 – altro aiuto / riqualificazione",
                "Fascia 4 – other help / reskilling",
                "Fascia 4 – autre aide / reconversion",
                "Fascia 4 – alt ajutor / recalificare",
                "Fascia 4 – ndihmë tjetër / rikualifikim",
                "الفئة (fascia) 4 – مساعدة أخرى / إعادة تأهيل",
            ]),
            meaning: t([
                "Persone occupate (contratti di solidarietà, CIGS…) che mantengono o aggiornano le competenze.",
                "Employed people (solidarity contracts, CIGS…) keeping or upgrading their skills.",
                "Personnes en emploi (contrats de solidarité, CIGS…) qui maintiennent ou actualisent leurs compétences.",
                "Persoane angajate (contracte de solidaritate, CIGS…) care își mențin sau își actualizează competențele.",
                "Persona të punësuar (kontrata solidariteti, CIGS…) që ruajnë ose përditësojnë aftësitë.",
                "أشخاص يعملون (عقود التضامن، CIGS…) يحافظون على مهاراتهم أو يطوّرونها.",
            ]),
            max_months: Some(6),
            source: FASCE_SOURCE,
            mark: Mark::C,
        },
    ]
}

/// One service of the catalogue a PIP is built from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Service {
    pub id: &'static str,
    pub name: Text,
    /// "ora" (per hour) or "servizio" (per service delivered).
    pub per_hour: bool,
    /// Default unit cost: illustrative, no source gives it (R1).
    pub unit_cost: Decimal,
}

/// The services catalogue (phase III baskets and the 2009 list). Unit costs are
/// illustrative round numbers with no source behind them: `basis` is empty by design.
pub fn services() -> Vec<Service> {
    let s = |id, name, per_hour, cost: i64| Service {
        id,
        name: Text::new(name),
        per_hour,
        unit_cost: Decimal::new(cost, 0),
    };
    vec![
        s(
            "colloquio",
            [
                "Colloquio di accoglienza",
                "Intake interview",
                "Entretien d'accueil",
                "Interviu de primire",
                "Bisedë pritjeje",
                "مقابلة استقبال",
            ],
            true,
            35,
        ),
        s(
            "bilancio",
            [
                "Bilancio delle competenze",
                "Skills assessment",
                "Bilan de compétences",
                "Bilanț de competențe",
                "Vlerësim i aftësive",
                "تقييم الكفاءات",
            ],
            true,
            35,
        ),
        s(
            "orientamento_individuale",
            [
                "Orientamento individuale",
                "Individual guidance",
                "Orientation individuelle",
                "Orientare individuală",
                "Orientim individual",
                "توجيه فردي",
            ],
            true,
            35,
        ),
        s(
            "orientamento_gruppo",
            [
                "Orientamento di gruppo",
                "Group guidance",
                "Orientation en groupe",
                "Orientare de grup",
                "Orientim në grup",
                "توجيه جماعي",
            ],
            true,
            15,
        ),
        s(
            "counselling",
            [
                "Counselling",
                "Counselling",
                "Accompagnement psychologique (counselling)",
                "Consiliere (counselling)",
                "Këshillim (counselling)",
                "إرشاد (counselling)",
            ],
            true,
            35,
        ),
        s(
            "formazione",
            [
                "Formazione",
                "Training",
                "Formation",
                "Formare",
                "Formim",
                "تكوين (تدريب)",
            ],
            true,
            15,
        ),
        s(
            "tirocinio",
            [
                "Tirocinio (promozione e tutoraggio)",
                "Traineeship (promotion and tutoring)",
                "Stage (mise en place et tutorat)",
                "Stagiu (promovare și tutorat)",
                "Stazh (nxitje dhe mentorim)",
                "تدريب عملي (الترويج والإشراف)",
            ],
            false,
            500,
        ),
        s(
            "accompagnamento",
            [
                "Accompagnamento al lavoro",
                "Job-search support",
                "Accompagnement vers l'emploi",
                "Sprijin pentru găsirea unui loc de muncă",
                "Shoqërim drejt punës",
                "مرافقة نحو العمل",
            ],
            true,
            35,
        ),
        s(
            "inserimento",
            [
                "Inserimento lavorativo (a risultato)",
                "Job placement (on result)",
                "Insertion professionnelle (au résultat)",
                "Inserție profesională (la rezultat)",
                "Punësim (sipas rezultatit)",
                "إدماج مهني (حسب النتيجة)",
            ],
            false,
            1000,
        ),
    ]
}

/// A plan of services within a budget.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Plan {
    pub budget: Decimal,
    pub lines: Vec<PlanLine>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanLine {
    pub service: String,
    pub quantity: u32,
    pub unit_cost: Decimal,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PlanError {
    #[error("the plan exceeds the budget by {excess}")]
    OverBudget { excess: Decimal },
}

impl Plan {
    pub fn total(&self) -> Decimal {
        self.lines
            .iter()
            .map(|l| l.unit_cost * Decimal::from(l.quantity))
            .sum()
    }

    /// Negative when the plan is over budget.
    pub fn remaining(&self) -> Decimal {
        self.budget - self.total()
    }

    /// A plan may only be kept as valid within its budget: never over it silently.
    pub fn validate(&self) -> Result<(), PlanError> {
        let remaining = self.remaining();
        if remaining < Decimal::ZERO {
            Err(PlanError::OverBudget { excess: -remaining })
        } else {
            Ok(())
        }
    }
}

/// A plan of services as a person composed it, kept to be reopened and compared.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Scenario {
    pub fascia: Option<String>,
    pub plan: Plan,
    /// The name of the unit-cost table the costs came from, if one was loaded.
    #[serde(default)]
    pub table: Option<String>,
}

impl Scenario {
    /// Every service of the catalogue at quantity 0, its illustrative cost, and the
    /// confirmed budget.
    pub fn new() -> Self {
        let lines = services()
            .into_iter()
            .map(|s| PlanLine {
                service: s.id.to_owned(),
                quantity: 0,
                unit_cost: s.unit_cost,
            })
            .collect();
        Self {
            fascia: None,
            plan: Plan {
                budget: services_budget().map_or(Decimal::ZERO, |a| a.max),
                lines,
            },
            table: None,
        }
    }
}

/// Unit costs from a table a person has (e.g. from an avviso), replacing the illustrative
/// ones: `{"name": "…", "unit_costs": {"colloquio": "40.00", …}}`.
#[derive(Debug, Clone, PartialEq)]
pub struct CostTable {
    pub name: String,
    pub unit_costs: Vec<(&'static str, Decimal)>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CostTableError {
    #[error("not JSON (line {line}, column {column})")]
    NotJson { line: usize, column: usize },
    #[error("no \"unit_costs\" object")]
    NoUnitCosts,
    #[error("unknown service {0}")]
    UnknownService(String),
    #[error("{service}: {value} is not an amount in euro")]
    BadCost { service: String, value: String },
}

impl CostTable {
    pub fn parse(text: &str) -> Result<Self, CostTableError> {
        let json: serde_json::Value = serde_json::from_str(text).map_err(|e| CostTableError::NotJson {
            line: e.line(),
            column: e.column(),
        })?;
        let costs = json
            .get("unit_costs")
            .and_then(|v| v.as_object())
            .ok_or(CostTableError::NoUnitCosts)?;
        let catalogue = services();
        let mut unit_costs = Vec::new();
        for (id, value) in costs {
            let service = catalogue
                .iter()
                .find(|s| s.id == id)
                .ok_or_else(|| CostTableError::UnknownService(id.clone()))?;
            // Text ("40,00") or a JSON number (40.5), never through a float.
            let cost = match value {
                serde_json::Value::String(s) => parse_eur(s),
                serde_json::Value::Number(n) => parse_eur(&n.to_string()),
                _ => None,
            }
            .ok_or_else(|| CostTableError::BadCost {
                service: id.clone(),
                value: value.to_string(),
            })?;
            unit_costs.push((service.id, cost));
        }
        let name = json
            .get("name")
            .and_then(|v| v.as_str())
            .unwrap_or_default()
            .trim()
            .to_owned();
        Ok(Self { name, unit_costs })
    }
}

/// The participation allowance spread over the months chosen (Dote Lavoro 2009: €3,000 in
/// at most 10 months; ≈ €300 a month is an inference [I], here it follows the months).
pub fn monthly_allowance(total: Decimal, months: u32) -> Option<Decimal> {
    (months > 0).then(|| (total / Decimal::from(months)).round_dp(2))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn eur(s: &str) -> Decimal {
        s.parse().expect("decimal")
    }

    fn plan(budget: &str, lines: &[(u32, &str)]) -> Plan {
        Plan {
            budget: eur(budget),
            lines: lines
                .iter()
                .map(|(q, c)| PlanLine {
                    service: "x".into(),
                    quantity: *q,
                    unit_cost: eur(c),
                })
                .collect(),
        }
    }

    #[test]
    fn a_plan_exactly_at_the_budget_is_valid_and_one_cent_over_is_not() {
        assert_eq!(
            plan("3000.00", &[(10, "35.00"), (176, "15.00"), (1, "10.00")]).validate(),
            Ok(())
        );
        let over = plan("3000.00", &[(10, "35.00"), (176, "15.00"), (1, "10.01")]);
        assert_eq!(over.total(), eur("3000.01"));
        assert_eq!(
            over.validate(),
            Err(PlanError::OverBudget { excess: eur("0.01") })
        );
    }

    #[test]
    fn allowance_follows_the_months() {
        assert_eq!(monthly_allowance(eur("3000"), 10), Some(eur("300.00")));
        assert_eq!(monthly_allowance(eur("3000"), 7), Some(eur("428.57")));
        assert_eq!(monthly_allowance(eur("3000"), 0), None);
    }

    #[test]
    fn only_fascia_3_plus_lacks_a_confirmed_duration() {
        for f in fasce() {
            assert_eq!(f.max_months.is_none(), f.mark == Mark::U, "{}", f.id);
        }
    }

    #[test]
    fn the_budget_and_allowance_come_from_the_programme_file() {
        let budget = services_budget().expect("servizi in dote-lavoro-2009.json");
        assert_eq!(budget.max, eur("3000.00"));
        assert_eq!(budget.mark, Mark::C);
        let allowance = participation_allowance().expect("indennita");
        assert_eq!((allowance.max, allowance.months), (eur("3000.00"), Some(10)));
        assert_eq!(Scenario::new().plan.budget, eur("3000.00"));
        assert_eq!(Scenario::new().plan.lines.len(), services().len());
    }

    #[test]
    fn a_cost_table_gives_the_costs_it_names() {
        let table = CostTable::parse(
            r#"{"name": " Avviso 2024 ", "unit_costs": {"colloquio": "40,50", "formazione": 18}}"#,
        )
        .expect("table");
        assert_eq!(table.name, "Avviso 2024");
        assert_eq!(
            table.unit_costs,
            vec![("colloquio", eur("40.50")), ("formazione", eur("18"))]
        );
    }

    #[test]
    fn a_bad_cost_table_names_its_problem() {
        assert_eq!(
            CostTable::parse("{\n  \"unit_costs\": ").err(),
            Some(CostTableError::NotJson { line: 2, column: 16 })
        );
        assert_eq!(
            CostTable::parse(r#"{"costs": {}}"#).err(),
            Some(CostTableError::NoUnitCosts)
        );
        assert_eq!(
            CostTable::parse(r#"{"unit_costs": {"massaggio": "10"}}"#).err(),
            Some(CostTableError::UnknownService("massaggio".into()))
        );
        assert_eq!(
            CostTable::parse(r#"{"unit_costs": {"colloquio": "-5"}}"#).err(),
            Some(CostTableError::BadCost {
                service: "colloquio".into(),
                value: "\"-5\"".into()
            })
        );
        assert!(matches!(
            CostTable::parse(r#"{"unit_costs": {"colloquio": true}}"#),
            Err(CostTableError::BadCost { .. })
        ));
    }
}
