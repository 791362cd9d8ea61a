//! Every text core shows comes in all six languages, and a glossary term named in the
//! Italian text is named, in Italian, in every translation.

use sportello_core::Lang;
use sportello_core::lang::glossary_terms;
use sportello_core::programmes::{self, Text, dote};

fn check(place: &str, text: &Text, problems: &mut Vec<String>) {
    let terms = glossary_terms(&text.it);
    for lang in Lang::ALL {
        let t = text.pick(lang);
        if t.trim().is_empty() {
            problems.push(format!("{place}: no {} text", lang.code()));
        }
        for term in &terms {
            if !glossary_terms(t).contains(term) {
                problems.push(format!(
                    "{place}: the {} text does not name «{term}»: {t}",
                    lang.code()
                ));
            }
        }
    }
}

fn texts_in(value: &serde_json::Value, place: &str, out: &mut Vec<(String, Text)>) {
    match value {
        serde_json::Value::Object(map) if map.contains_key("it") && map.contains_key("ar") => {
            if let Ok(text) = serde_json::from_value(value.clone()) {
                out.push((place.to_owned(), text));
            }
        }
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                texts_in(v, &format!("{place}.{k}"), out);
            }
        }
        serde_json::Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                texts_in(v, &format!("{place}[{i}]"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn every_programme_text_in_six_languages_with_the_glossary() {
    let catalogue = programmes::catalogue().expect("catalogue loads");
    let mut texts = Vec::new();
    for p in catalogue {
        let value = serde_json::to_value(p).expect("serialises");
        texts_in(&value, &p.id, &mut texts);
    }
    for f in dote::fasce() {
        texts.push((format!("fascia {}", f.id), f.name.clone()));
        texts.push((format!("fascia {} meaning", f.id), f.meaning.clone()));
    }
    for s in dote::services() {
        texts.push((format!("service {}", s.id), s.name.clone()));
    }
    assert!(texts.len() > 150, "the walk found only {} texts", texts.len());
    let mut problems = Vec::new();
    for (place, text) in &texts {
        check(place, text, &mut problems);
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
