//! The Belfiore table (`crates/core/data/belfiore.tsv`, copied into `dist/dati/`), fetched
//! from our own server the first time a screen checks a place and kept for the rest of the
//! visit: 117 KB gzip that only the personal-data screen needs, so no first load carries it.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_net::http::Request;
use sportello_core::belfiore::Table;

use super::ApiFailure;

const TABLE_URL: &str = "/dati/belfiore.tsv";

thread_local! {
    static TABLE: RefCell<Option<Rc<Table>>> = const { RefCell::new(None) };
}

pub async fn table() -> Result<Rc<Table>, ApiFailure> {
    if let Some(table) = TABLE.with(|t| t.borrow().clone()) {
        return Ok(table);
    }
    let response = Request::get(TABLE_URL)
        .send()
        .await
        .map_err(|_| ApiFailure::Network)?;
    if !response.ok() {
        return Err(ApiFailure::Refused {
            status: response.status(),
            code: "unavailable".into(),
        });
    }
    let text = response.text().await.map_err(|_| ApiFailure::BadAnswer)?;
    let table = Rc::new(Table::parse(&text).map_err(|_| ApiFailure::BadAnswer)?);
    TABLE.with(|t| *t.borrow_mut() = Some(Rc::clone(&table)));
    Ok(table)
}
