//! The files the user loaded and the rules for changing them. Every change (add a file, append
//! one to its dataset, replace one, remove one, read one as another dataset, answer its date
//! order, choose its code page, open a shared bundle) gives one [`Plan`]: the files that stay as they are, and the
//! ordered reads that rebuild the datasets they touch. Carrying a plan out ([`Rebuild`]) hands
//! each read its [`ReadOptions`] (with the keys of what precedes it, when it is appended) and
//! builds the [`Workspace`] and the file list from the finished reads. The browser only reads
//! the bytes.
//!
//! ```
//! use pipelens_engine::file_set::{FileRead, FileSet};
//! use pipelens_engine::ingest::{read_file, DatasetKind};
//! let a = b"owner,month,quota\nAnn,2024-01,1000\n";
//! let plan = FileSet::default().add(FileRead::auto(1, "a.csv", DatasetKind::Quotas, vec![]), false);
//! let set = plan.start().run(|read, _| read_file(read.kind, &read.name, a, None)).unwrap();
//! assert_eq!(set.files.len(), 1);
//! assert_eq!(set.workspace.rows(DatasetKind::Quotas), Some(1));
//! ```

use crate::error::ImportError;
use crate::ingest::{CodePage, DatasetKind, DateOrder, ImportReport, Imported, KnownKeys, ReadOptions};
use crate::share::BundledFile;
use crate::workspace::Workspace;

/// A file the user loaded, and how it was read.
#[derive(Clone, Debug, PartialEq)]
pub struct LoadedFile {
    /// Id of its handle, kept by whoever holds the bytes (opaque here).
    pub id: u64,
    /// File name.
    pub name: String,
    /// The dataset it was read as.
    pub kind: DatasetKind,
    /// The column of each field of `kind.fields()`.
    pub mapping: Vec<Option<usize>>,
    /// Whether the columns were recognised by their names (nobody chose them by hand).
    pub auto: bool,
    /// The user's answer for date columns that cannot tell day-first from month-first.
    pub date_order: Option<DateOrder>,
    /// The code page the user chose for it (`None`: detected).
    pub code_page: Option<CodePage>,
    /// Its data-quality report.
    pub report: ImportReport,
}

/// One read of a plan: which file, as which dataset, with which columns and date order.
#[derive(Clone, Debug, PartialEq)]
pub struct FileRead {
    /// Id of the file's handle.
    pub id: u64,
    /// File name.
    pub name: String,
    /// The dataset to read it as.
    pub kind: DatasetKind,
    /// The column of each field of `kind.fields()`.
    pub mapping: Vec<Option<usize>>,
    /// Whether the columns were recognised by their names.
    pub auto: bool,
    /// The user's answer for ambiguous dates.
    pub date_order: Option<DateOrder>,
    /// The code page the user chose (`None`: detected).
    pub code_page: Option<CodePage>,
    /// Whether the reader maps the headers itself (a file read for the first time whose
    /// columns were all recognised) instead of using `mapping`.
    pub map_headers: bool,
}

impl FileRead {
    /// A file read for the first time, its columns recognised by their names (`mapping` is what
    /// the preview recognised): the reader maps its headers itself.
    pub fn auto(id: u64, name: &str, kind: DatasetKind, mapping: Vec<Option<usize>>) -> FileRead {
        FileRead {
            id,
            name: name.to_owned(),
            kind,
            mapping,
            auto: true,
            date_order: None,
            code_page: None,
            map_headers: true,
        }
    }

    /// A file read with the columns given (chosen by the user, or by a shared view); `auto` when
    /// they are the ones its names suggest.
    pub fn mapped(id: u64, name: &str, kind: DatasetKind, mapping: Vec<Option<usize>>, auto: bool) -> FileRead {
        FileRead {
            id,
            name: name.to_owned(),
            kind,
            mapping,
            auto,
            date_order: None,
            code_page: None,
            map_headers: false,
        }
    }

    /// A file of a shared bundle, kept under `id`: read with its dataset, columns and date order.
    pub fn bundled(id: u64, file: &BundledFile) -> FileRead {
        FileRead {
            date_order: file.date_order,
            ..FileRead::mapped(id, &file.name, file.kind, file.mapping.clone(), false)
        }
    }

    /// A loaded file, read again as it was.
    fn again(file: &LoadedFile) -> FileRead {
        FileRead {
            date_order: file.date_order,
            code_page: file.code_page,
            ..FileRead::mapped(file.id, &file.name, file.kind, file.mapping.clone(), file.auto)
        }
    }

    /// With the answer for ambiguous dates.
    pub fn with_date_order(self, date_order: Option<DateOrder>) -> FileRead {
        FileRead { date_order, ..self }
    }

    /// With the code page the user chose (`None`: detect it).
    pub fn with_code_page(self, code_page: Option<CodePage>) -> FileRead {
        FileRead { code_page, ..self }
    }
}

/// Why a change cannot be planned.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum FileSetError {
    /// The file to change is no longer loaded (removed meanwhile).
    #[error("{name} is no longer loaded.")]
    NotLoaded {
        /// The name of the file the change was for.
        name: String,
    },
}

/// The files loaded and the workspace read from them.
#[derive(Clone, Debug, Default)]
pub struct FileSet {
    /// The datasets.
    pub workspace: Workspace,
    /// The files, in the order they were loaded.
    pub files: Vec<LoadedFile>,
}

/// A deals file that looks like an earlier (or later) export of the deals loaded before it: most
/// of its rows repeat their ids, so appending it dropped them. The notice offers to read it as
/// [`DatasetKind::EarlierDeals`] ([`FileSet::as_earlier_export`]).
#[derive(Clone, Debug, PartialEq)]
pub struct SnapshotHint {
    /// Id of the file's handle.
    pub id: u64,
    /// Its name.
    pub name: String,
    /// The deals file(s) it repeats, by name.
    pub repeats: String,
    /// Its rows whose id was already loaded, over its rows read (0..1).
    pub share: f64,
}

/// [`FileSet::snapshot_hint`] over a file list, `has_earlier` telling whether an earlier export
/// is loaded already (then there is nothing to suggest).
pub fn snapshot_hint(files: &[LoadedFile], has_earlier: bool) -> Option<SnapshotHint> {
    if has_earlier {
        return None;
    }
    let deals: Vec<&LoadedFile> = files.iter().filter(|f| f.kind == DatasetKind::Deals).collect();
    deals.iter().enumerate().skip(1).find_map(|(i, f)| {
        let repeated = f
            .report
            .rejected
            .iter()
            .filter(|r| matches!(&r.reason, crate::ingest::Rejection::DuplicateKey { field: "deal_id", .. }))
            .count();
        let share = repeated as f64 / f.report.rows_read.max(1) as f64;
        let repeats = deals.iter().take(i).map(|d| d.name.as_str()).collect::<Vec<_>>().join(", ");
        (share >= crate::change::LIKELY_SNAPSHOT_SHARE).then(|| SnapshotHint {
            id: f.id,
            name: f.name.clone(),
            repeats,
            share,
        })
    })
}

/// A place in the file list after a change: a file that stays, or one to read.
#[derive(Clone, Debug, PartialEq)]
enum Slot {
    Keep(LoadedFile),
    Read(FileRead),
}

/// A change of the file set as the reads that carry it out (see the module docs).
#[derive(Clone, Debug)]
pub struct Plan {
    /// The datasets that stay as they are.
    base: Workspace,
    /// The file list after the change, in order.
    slots: Vec<Slot>,
}

impl Plan {
    /// Reads every file in turn into an empty workspace: a shared bundle, or files read afresh.
    /// Files of one dataset join each other.
    pub fn read_all(reads: Vec<FileRead>) -> Plan {
        Plan { base: Workspace::default(), slots: reads.into_iter().map(Slot::Read).collect() }
    }

    /// The reads, in order.
    pub fn reads(&self) -> impl Iterator<Item = &FileRead> {
        self.slots.iter().filter_map(|s| match s {
            Slot::Read(r) => Some(r),
            Slot::Keep(_) => None,
        })
    }

    /// The files that stay as they are.
    pub fn kept(&self) -> impl Iterator<Item = &LoadedFile> {
        self.slots.iter().filter_map(|s| match s {
            Slot::Keep(f) => Some(f),
            Slot::Read(_) => None,
        })
    }

    /// Starts carrying the plan out.
    pub fn start(self) -> Rebuild {
        Rebuild {
            set: FileSet { workspace: self.base, files: Vec::new() },
            slots: self.slots.into_iter(),
            current: None,
        }
    }
}

impl FileSet {
    /// The files loaded for `kind`.
    pub fn files_of(&self, kind: DatasetKind) -> impl Iterator<Item = &LoadedFile> {
        self.files.iter().filter(move |f| f.kind == kind)
    }

    /// Adds a file: appended to its dataset when `append` and the dataset is loaded, else in
    /// place of the dataset's files.
    pub fn add(&self, read: FileRead, append: bool) -> Plan {
        let kind = read.kind;
        let append = append && self.workspace.rows(kind).is_some();
        let mut base = self.workspace.clone();
        if !append {
            base.remove(kind);
        }
        let mut slots: Vec<Slot> =
            self.files.iter().filter(|f| append || f.kind != kind).cloned().map(Slot::Keep).collect();
        slots.push(Slot::Read(read));
        Plan { base, slots }
    }

    /// Puts `read` in the place of the loaded file `old` (keeping its date order unless `read`
    /// has one); the other files of both datasets involved are read again, in order, so nothing
    /// is counted twice.
    pub fn replace(&self, old: u64, read: FileRead) -> Result<Plan, FileSetError> {
        let Some(position) = self.files.iter().position(|f| f.id == old) else {
            return Err(FileSetError::NotLoaded { name: read.name });
        };
        let old_kind = self.files.get(position).map_or(read.kind, |f| f.kind);
        let date_order = read.date_order.or(self.files.get(position).and_then(|f| f.date_order));
        let kind = read.kind;
        let mut read = Some(read.with_date_order(date_order));
        let mut base = self.workspace.clone();
        base.remove(old_kind);
        base.remove(kind);
        let slots = self
            .files
            .iter()
            .enumerate()
            .filter_map(|(i, f)| {
                Some(if i == position {
                    Slot::Read(read.take()?)
                } else if f.kind == old_kind || f.kind == kind {
                    Slot::Read(FileRead::again(f))
                } else {
                    Slot::Keep(f.clone())
                })
            })
            .collect();
        Ok(Plan { base, slots })
    }

    /// Reads the loaded file `id` again as `kind` with `mapping` (in its place).
    pub fn read_as(
        &self,
        id: u64,
        kind: DatasetKind,
        mapping: Vec<Option<usize>>,
        auto: bool,
    ) -> Result<Plan, FileSetError> {
        let name = self.files.iter().find(|f| f.id == id).map_or_else(String::new, |f| f.name.clone());
        self.replace(id, FileRead::mapped(id, &name, kind, mapping, auto))
    }

    /// Reads the loaded file `id` again with the user's answer for ambiguous dates.
    pub fn set_date_order(&self, id: u64, order: DateOrder) -> Result<Plan, FileSetError> {
        let Some(f) = self.files.iter().find(|f| f.id == id) else {
            return Err(FileSetError::NotLoaded { name: String::new() });
        };
        self.replace(id, FileRead::again(f).with_date_order(Some(order)))
    }

    /// The deals file most of whose rows repeat the ids of the deals files loaded before it
    /// (at least [`crate::change::LIKELY_SNAPSHOT_SHARE`] of them): two exports of the same
    /// deals, appended by mistake. `None` while no earlier export is loaded and none fits.
    pub fn snapshot_hint(&self) -> Option<SnapshotHint> {
        snapshot_hint(&self.files, self.workspace.earlier.is_some())
    }

    /// Reads the loaded deals file `id` again as the earlier export of the deals (the notice's
    /// one-click action, and the Data panel's choice).
    pub fn as_earlier_export(&self, id: u64) -> Result<Plan, FileSetError> {
        let Some(f) = self.files.iter().find(|f| f.id == id) else {
            return Err(FileSetError::NotLoaded { name: String::new() });
        };
        self.read_as(id, DatasetKind::EarlierDeals, f.mapping.clone(), f.auto)
    }

    /// Swaps the roles of the current deals files and the earlier export (when the earlier one
    /// turns out to be the later): every file of both is read again with the other role.
    /// `None` when either is not loaded.
    pub fn swap_snapshots(&self) -> Option<Plan> {
        self.workspace.deals.as_ref()?;
        self.workspace.earlier.as_ref()?;
        let mut base = self.workspace.clone();
        base.remove(DatasetKind::Deals);
        base.remove(DatasetKind::EarlierDeals);
        base.as_of = crate::workspace::AsOf { earlier: base.as_of.later, later: base.as_of.earlier };
        let swapped = |f: &LoadedFile, kind: DatasetKind| Slot::Read(FileRead { kind, ..FileRead::again(f) });
        let slots = self
            .files
            .iter()
            .map(|f| match f.kind {
                DatasetKind::Deals => swapped(f, DatasetKind::EarlierDeals),
                DatasetKind::EarlierDeals => swapped(f, DatasetKind::Deals),
                _ => Slot::Keep(f.clone()),
            })
            .collect();
        Some(Plan { base, slots })
    }

    /// Reads the loaded file `id` again in the code page the user chose (its columns, dataset
    /// and date order kept; when they were recognised by name, recognised again in the new
    /// text, whose headers may only now be readable).
    pub fn set_code_page(&self, id: u64, code_page: CodePage) -> Result<Plan, FileSetError> {
        let Some(f) = self.files.iter().find(|f| f.id == id) else {
            return Err(FileSetError::NotLoaded { name: String::new() });
        };
        let read = FileRead { map_headers: f.auto, ..FileRead::again(f) }.with_code_page(Some(code_page));
        self.replace(id, read)
    }

    /// Removes the loaded file `id` and reads the other files of its dataset again; `None`
    /// when it is not loaded.
    pub fn remove(&self, id: u64) -> Option<Plan> {
        let kind = self.files.iter().find(|f| f.id == id)?.kind;
        let mut base = self.workspace.clone();
        base.remove(kind);
        let slots = self
            .files
            .iter()
            .filter(|f| f.id != id)
            .map(|f| if f.kind == kind { Slot::Read(FileRead::again(f)) } else { Slot::Keep(f.clone()) })
            .collect();
        Some(Plan { base, slots })
    }
}

/// A plan being carried out: ask for the next read, read it, hand back what it gave; then
/// [`Rebuild::finish`] gives the workspace and the file list.
pub struct Rebuild {
    set: FileSet,
    slots: std::vec::IntoIter<Slot>,
    /// The read handed out and not yet finished.
    current: Option<FileRead>,
}

impl Rebuild {
    /// The next file to read and how to read it (appended to what precedes it of its dataset,
    /// whose keys it must not repeat); `None` when every read is done. Asked again before
    /// [`Rebuild::finished`], it gives the same read.
    pub fn next_read(&mut self) -> Option<(&FileRead, ReadOptions)> {
        if self.current.is_none() {
            loop {
                match self.slots.next()? {
                    Slot::Keep(f) => self.set.files.push(f),
                    Slot::Read(r) => {
                        self.current = Some(r);
                        break;
                    }
                }
            }
        }
        let read = self.current.as_ref()?;
        let ws = &self.set.workspace;
        let known = ws.rows(read.kind).is_some().then(|| KnownKeys {
            keys: ws.keys(read.kind).into_iter().map(str::to_owned).collect(),
            from: self.set.files_of(read.kind).map(|f| f.name.as_str()).collect::<Vec<_>>().join(", "),
        });
        let options = ReadOptions {
            kind: read.kind,
            mapping: (!read.map_headers).then(|| read.mapping.clone()),
            date_order: read.date_order,
            known,
            code_page: read.code_page,
        };
        Some((read, options))
    }

    /// The read [`Rebuild::next_read`] gave is done: its rows join the workspace (appended to
    /// its dataset when that is loaded) and the file joins the list.
    pub fn finished(&mut self, imported: Imported) {
        let Some(read) = self.current.take() else { return };
        let append = self.set.workspace.rows(read.kind).is_some();
        self.set.workspace.insert_as(read.kind, imported.data, append);
        self.set.files.push(LoadedFile {
            id: read.id,
            name: read.name,
            kind: read.kind,
            mapping: read.mapping,
            auto: read.auto,
            date_order: read.date_order,
            code_page: read.code_page,
            report: imported.report,
        });
    }

    /// The workspace and the file list the plan builds (files that stay after the last read
    /// join in their places).
    pub fn finish(mut self) -> FileSet {
        self.set.files.extend(self.slots.filter_map(|s| match s {
            Slot::Keep(f) => Some(f),
            Slot::Read(_) => None,
        }));
        self.set
    }

    /// Carries the whole plan out with `read`, which reads one file as told: natively, and in
    /// tests. The first read that fails stops it.
    pub fn run(
        mut self,
        mut read: impl FnMut(&FileRead, ReadOptions) -> Result<Imported, ImportError>,
    ) -> Result<FileSet, ImportError> {
        while let Some((file, options)) = self.next_read() {
            let imported = read(file, options)?;
            self.finished(imported);
        }
        Ok(self.finish())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::read_in_slices;
    use std::collections::HashMap;

    const A: &[u8] =
        b"deal_id,amount,stage,created_date,close_date\nA1,1,Won,2024-01-01,2024-02-01\nX,2,Open,2024-01-02,\n";
    const B: &[u8] =
        b"deal_id,amount,stage,created_date,close_date\nB1,5,Won,2024-01-03,2024-02-01\nX,6,Open,2024-01-04,\n";
    const C: &[u8] = b"deal_id,amount,stage,created_date,close_date\nC1,7,Won,2024-01-05,2024-02-01\n";
    const Q: &[u8] = b"owner,month,quota\nAnn,2024-01,1000\n";
    const D: &[u8] = b"deal_id,amount,stage,created_date,close_date\nD1,1,Won,03/04/2024,05/06/2024\n";

    /// The bytes of each test file, by handle id.
    fn disk() -> HashMap<u64, &'static [u8]> {
        HashMap::from([(1, A), (2, B), (3, C), (4, Q), (5, D)])
    }

    /// Carries a plan out, reading every file in slices of 5 bytes as the browser would.
    fn run(plan: Plan) -> FileSet {
        let disk = disk();
        plan.start().run(|r, o| read_in_slices(&r.name, disk.get(&r.id).copied().unwrap_or_default(), 5, o)).unwrap()
    }

    fn deal_ids(set: &FileSet) -> Vec<&str> {
        set.workspace.keys(DatasetKind::Deals)
    }

    fn names(set: &FileSet) -> Vec<(&str, DatasetKind)> {
        set.files.iter().map(|f| (f.name.as_str(), f.kind)).collect()
    }

    /// The columns the preview recognises in a test file for `kind`.
    fn columns(id: u64, kind: DatasetKind) -> Vec<Option<usize>> {
        let bytes = disk().get(&id).copied().unwrap_or_default();
        crate::ingest::preview("t.csv", bytes, 1, Some(kind)).unwrap().mapping
    }

    fn deals(id: u64, name: &str) -> FileRead {
        FileRead::auto(id, name, DatasetKind::Deals, columns(id, DatasetKind::Deals))
    }

    /// a.csv, b.csv appended (its X rejected), and quotas.
    fn loaded() -> FileSet {
        let set = run(FileSet::default().add(deals(1, "a.csv"), false));
        let set = run(set.add(deals(2, "b.csv"), true));
        run(set.add(FileRead::auto(4, "q.csv", DatasetKind::Quotas, columns(4, DatasetKind::Quotas)), true))
    }

    #[test]
    fn append_rejects_repeated_ids_naming_the_file_they_came_from() {
        let set = loaded();
        assert_eq!(deal_ids(&set), ["A1", "X", "B1"]);
        let b = &set.files[1];
        assert_eq!(b.report.rejected.len(), 1);
        assert_eq!(b.report.rejected[0].line, 3);
        assert!(
            b.report.rejected[0].reason.to_string().contains("already loaded from a.csv"),
            "{}",
            b.report.rejected[0].reason
        );
        assert_eq!(
            names(&set),
            [("a.csv", DatasetKind::Deals), ("b.csv", DatasetKind::Deals), ("q.csv", DatasetKind::Quotas)]
        );
    }

    #[test]
    fn adding_without_append_replaces_the_dataset_and_keeps_the_others() {
        let plan = loaded().add(deals(3, "c.csv"), false);
        assert_eq!(plan.reads().map(|r| r.name.as_str()).collect::<Vec<_>>(), ["c.csv"]);
        let set = run(plan);
        assert_eq!(deal_ids(&set), ["C1"]);
        assert_eq!(names(&set), [("q.csv", DatasetKind::Quotas), ("c.csv", DatasetKind::Deals)]);
        assert_eq!(set.workspace.rows(DatasetKind::Quotas), Some(1));
    }

    #[test]
    fn append_to_a_dataset_not_loaded_is_a_plain_add() {
        let set = run(FileSet::default().add(deals(2, "b.csv"), true));
        assert_eq!(deal_ids(&set), ["B1", "X"]);
        assert!(set.files[0].report.rejected.is_empty());
    }

    #[test]
    fn remove_reads_the_other_files_of_its_dataset_again() {
        let set = loaded();
        let plan = set.remove(1).unwrap();
        assert_eq!(plan.reads().map(|r| r.name.as_str()).collect::<Vec<_>>(), ["b.csv"]);
        assert_eq!(plan.kept().map(|f| f.name.as_str()).collect::<Vec<_>>(), ["q.csv"]);
        let set = run(plan);
        // b.csv's X is no longer a repeat: it is kept now.
        assert_eq!(deal_ids(&set), ["B1", "X"]);
        assert!(set.files[0].report.rejected.is_empty());
        assert_eq!(names(&set), [("b.csv", DatasetKind::Deals), ("q.csv", DatasetKind::Quotas)]);
        assert!(set.remove(99).is_none());
        let set = run(set.remove(2).unwrap());
        assert_eq!(set.workspace.rows(DatasetKind::Deals), None);
        assert_eq!(names(&set), [("q.csv", DatasetKind::Quotas)]);
    }

    #[test]
    fn replace_takes_the_place_and_reads_its_dataset_again_in_order() {
        let set = loaded();
        let plan = set.replace(1, deals(3, "c.csv")).unwrap();
        assert_eq!(plan.reads().map(|r| r.name.as_str()).collect::<Vec<_>>(), ["c.csv", "b.csv"]);
        let set = run(plan);
        assert_eq!(deal_ids(&set), ["C1", "B1", "X"]);
        assert!(set.files[1].report.rejected.is_empty());
        assert_eq!(
            names(&set),
            [("c.csv", DatasetKind::Deals), ("b.csv", DatasetKind::Deals), ("q.csv", DatasetKind::Quotas)]
        );
        assert_eq!(set.replace(42, deals(3, "c.csv")).unwrap_err().to_string(), "c.csv is no longer loaded.");
    }

    #[test]
    fn reading_a_file_as_another_dataset_rereads_both_datasets() {
        let set = loaded();
        // b.csv read as quotas (owner: deal_id, month: created_date, quota: amount): the deals
        // (a.csv) and the quotas (b.csv, q.csv) are read again, in the list's order.
        let plan = set.read_as(2, DatasetKind::Quotas, vec![Some(0), Some(3), Some(1)], false).unwrap();
        let reads: Vec<(&str, DatasetKind)> = plan.reads().map(|r| (r.name.as_str(), r.kind)).collect();
        assert_eq!(
            reads,
            [("a.csv", DatasetKind::Deals), ("b.csv", DatasetKind::Quotas), ("q.csv", DatasetKind::Quotas)]
        );
        let set = run(plan);
        assert_eq!(deal_ids(&set), ["A1", "X"]);
        assert_eq!(set.workspace.rows(DatasetKind::Quotas), Some(3));
        assert_eq!((set.files[1].kind, set.files[1].auto), (DatasetKind::Quotas, false));
    }

    #[test]
    fn the_date_order_answer_reads_the_file_again_with_it_and_keeps_it() {
        let set = run(FileSet::default().add(deals(5, "d.csv"), false));
        let day = |s: &FileSet| s.workspace.deals.as_ref().map(|d| d.created.get(0));
        assert_eq!(day(&set), Some(crate::day::Day::from_ymd(2024, 3, 4)));
        let set = run(set.set_date_order(5, DateOrder::DayFirst).unwrap());
        assert_eq!(day(&set), Some(crate::day::Day::from_ymd(2024, 4, 3)));
        assert_eq!(set.files[0].date_order, Some(DateOrder::DayFirst));
        // Another change of the same file keeps the answer.
        let set = run(set.read_as(5, DatasetKind::Deals, set.files[0].mapping.clone(), true).unwrap());
        assert_eq!(set.files[0].date_order, Some(DateOrder::DayFirst));
        assert!(set.set_date_order(9, DateOrder::MonthFirst).is_err());
    }

    #[test]
    fn a_bundle_reads_every_file_in_order_joining_files_of_one_dataset() {
        let bundle: Vec<BundledFile> =
            [("a.csv", 1, DatasetKind::Deals), ("b.csv", 2, DatasetKind::Deals), ("q.csv", 4, DatasetKind::Quotas)]
                .into_iter()
                .map(|(name, id, kind)| BundledFile {
                    name: name.to_owned(),
                    kind,
                    mapping: columns(id, kind),
                    date_order: None,
                    bytes: disk().get(&id).copied().unwrap_or_default().to_vec(),
                })
                .collect();
        let reads = bundle.iter().zip([1, 2, 4]).map(|(f, id)| FileRead::bundled(id, f)).collect();
        let set = run(Plan::read_all(reads));
        assert_eq!(deal_ids(&set), ["A1", "X", "B1"]);
        assert!(set.files[1].report.rejected[0].reason.to_string().contains("already loaded from a.csv"));
        assert!(set.files.iter().all(|f| !f.auto));
        assert_eq!(
            names(&set),
            [("a.csv", DatasetKind::Deals), ("b.csv", DatasetKind::Deals), ("q.csv", DatasetKind::Quotas)]
        );
    }

    #[test]
    fn a_plan_built_natively_equals_the_one_read_in_slices() {
        let disk = disk();
        let whole = loaded()
            .remove(1)
            .unwrap()
            .start()
            .run(|r, o| read_in_slices(&r.name, disk.get(&r.id).copied().unwrap_or_default(), usize::MAX, o));
        let sliced = run(loaded().remove(1).unwrap());
        let whole = whole.unwrap();
        assert_eq!(whole.files, sliced.files);
        assert_eq!(deal_ids(&whole), deal_ids(&sliced));
    }

    #[test]
    fn a_failed_read_stops_the_plan() {
        let plan = Plan::read_all(vec![deals(1, "a.csv"), FileRead::auto(9, "gone.csv", DatasetKind::Deals, vec![])]);
        let disk = disk();
        let mut calls = 0;
        let err = plan
            .start()
            .run(|r, o| {
                calls += 1;
                read_in_slices(&r.name, disk.get(&r.id).copied().unwrap_or_default(), 3, o)
            })
            .unwrap_err();
        assert_eq!(calls, 2);
        assert_eq!(err, ImportError::Empty { file: "gone.csv".into() });
        let plan = Plan::read_all(vec![FileRead::auto(9, "gone.csv", DatasetKind::Deals, vec![]), deals(1, "a.csv")]);
        let err = plan.start().run(|r, o| read_in_slices(&r.name, b"", 3, o)).unwrap_err();
        assert_eq!(err, ImportError::Empty { file: "gone.csv".into() });
    }

    #[test]
    fn a_second_export_of_the_same_deals_is_offered_as_the_earlier_one() {
        let later = b"deal_id,amount,stage,created_date\nD1,10,Won,2024-01-01\nD2,20,Proposal,2024-01-02\nD3,5,Proposal,2024-02-01\n";
        let earlier = b"deal_id,amount,stage,created_date\nD1,10,Proposal,2024-01-01\nD2,15,Proposal,2024-01-02\n";
        let bytes = |id: u64| if id == 1 { &later[..] } else { &earlier[..] };
        let read = |r: &FileRead, o: ReadOptions| read_in_slices(&r.name, bytes(r.id), 64, o);
        let headers: Vec<String> = ["deal_id", "amount", "stage", "created_date"].map(String::from).to_vec();
        let auto =
            |id: u64, name: &str| FileRead::auto(id, name, DatasetKind::Deals, DatasetKind::Deals.auto_map(&headers));
        let set = FileSet::default().add(auto(1, "now.csv"), false);
        let set = set.start().run(read).unwrap();
        assert_eq!(set.snapshot_hint(), None);
        // Every row of the earlier export repeats a loaded id: the read fails, and says so.
        let all_repeat = set.add(auto(2, "then.csv"), true).start().run(read);
        assert!(all_repeat.unwrap_err().repeats_loaded_deals());
        let earlier = b"deal_id,amount,stage,created_date\nD1,10,Proposal,2024-01-01\nD2,15,Proposal,2024-01-02\nD0,1,Lost,2023-12-01\n";
        let bytes = |id: u64| if id == 1 { &later[..] } else { &earlier[..] };
        let read = |r: &FileRead, o: ReadOptions| read_in_slices(&r.name, bytes(r.id), 64, o);
        let set = set.add(auto(2, "then.csv"), true).start().run(read).unwrap();
        let hint = set.snapshot_hint().unwrap();
        assert_eq!(
            (hint.id, hint.name.as_str(), hint.repeats.as_str(), hint.share),
            (2, "then.csv", "now.csv", 2.0 / 3.0)
        );
        let set = set.as_earlier_export(2).unwrap().start().run(read).unwrap();
        assert_eq!(set.snapshot_hint(), None);
        assert_eq!(
            (set.workspace.rows(DatasetKind::Deals), set.workspace.rows(DatasetKind::EarlierDeals)),
            (Some(3), Some(3))
        );
        assert_eq!(set.files_of(DatasetKind::EarlierDeals).map(|f| f.id).collect::<Vec<_>>(), [2]);
        assert!(set.as_earlier_export(9).is_err());
        let swapped = set.swap_snapshots().unwrap().start().run(read).unwrap();
        assert_eq!(
            (swapped.workspace.rows(DatasetKind::Deals), swapped.workspace.rows(DatasetKind::EarlierDeals)),
            (Some(3), Some(3))
        );
        assert_eq!(swapped.files_of(DatasetKind::Deals).map(|f| f.id).collect::<Vec<_>>(), [2]);
        assert_eq!(swapped.workspace.deals.as_ref().map(|d| d.deal_id.get(2)), Some("D0"));
        assert!(FileSet::default().swap_snapshots().is_none());
    }
}
