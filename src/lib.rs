//! pipelens in the browser: a thin Leptos (client-side rendered) UI over `pipelens_engine`.
//! Everything that computes lives in the engine; this crate reads files, keeps state and draws.

pub mod app;
pub mod charts;
pub mod components;
pub mod i18n;
pub mod io;
pub mod load;
pub mod pages;
pub mod route;
pub mod share;
pub mod state;
pub mod theme;

pub use app::App;
