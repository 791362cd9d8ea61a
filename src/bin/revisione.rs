//! The orientatore's review desk (see `app::DeskApp`): used at the CPI, on another computer,
//! so none of its code rides in a citizen's page.

fn main() {
    sportello::start(sportello::DeskApp);
}
