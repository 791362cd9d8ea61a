//! The light entry for `/`: only the home page and the page chrome, so a first visit paints
//! and works without downloading the whole app. Any other route it is asked for is loaded
//! from the server, which serves the whole app there (see `app::HomeApp`).

fn main() {
    sportello::start(sportello::HomeApp);
}
