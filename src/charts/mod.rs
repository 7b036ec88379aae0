//! Charts: drawing functions generic over the plotters backend ([`draw`]), and the canvas
//! component that runs them in the page ([`canvas`]).

pub mod canvas;
pub mod draw;
