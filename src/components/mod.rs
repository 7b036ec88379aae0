//! The building blocks of the page.

pub mod column_mapper;
pub mod data_panel;
pub mod export;
pub mod filter_bar;
pub mod import_report;
pub mod kpi_table;
pub mod kpi_tile;
pub mod link_prompt;
pub mod missing_data;
pub mod share_panel;
pub mod sheet_picker;
pub mod snapshot_hint;
pub mod sparkline;
pub mod sql_box;
pub mod stage_editor;
pub mod upload;
pub mod when_open;
