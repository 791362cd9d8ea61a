//! One module per route, named as the route is (`/libretto` → `libretto.rs`).

pub mod dote;
pub mod home;
pub mod ila;
pub mod impostazioni;
pub mod invii;
pub mod libretto;
pub mod not_found;
pub mod revisione;
pub mod ricevuta;
pub mod trasparenza;
