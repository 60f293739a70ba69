//! The facilitator's groups in this browser: loaded from storage at start, kept in a signal, saved
//! one group per storage key after every change, with the same fallbacks as the person's own
//! assessments.
//!
//! Each group has its own key, so that a group too large for the browser's storage (a national survey
//! of 100,000 responses is about 30 MB; storage holds about 5 MB) stays in memory while every other
//! group is still saved, and whatever was saved before stays as it was. Storage is reached only
//! through [`Store`]; this module never touches `localStorage` itself. It must never drop a group it
//! could not save, and never let the person believe something is saved that is not.
//!
//! Several tabs may show one group. Each change is applied to the group as storage holds it just
//! before the change (so responses another tab added meanwhile are kept), unless this tab's copy is
//! the only full one (kept in memory because storage could not take it); and a `storage` event from
//! another tab brings its changes into this tab's list ([`crate::model::groups::refresh_all`]).

use std::collections::HashSet;

use leptos::prelude::*;

use crate::model::groups::{
    put_stored, refresh_all, storage_name, Group, GROUP_NAME_PREFIX, GROUP_SCHEMA,
};
use crate::web::stores::book::Keeping;
use crate::web::stores::storage::{self, StorageError, Store};

/// What the facilitator must be told about where groups are kept.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum GroupNotice {
    #[error("This browser does not let the app keep data (storage is disabled or blocked here). Your groups are kept only while this page is open: download them (JSON or CSV, under “Export”) before you close it.")]
    Unavailable,
    #[error("“{name}” ({responses}) is too large for this browser's storage, so it is kept only while this page is open. Download it (JSON or CSV, under “Export”) to keep it. Anything saved before is unchanged.")]
    TooLarge { name: String, responses: String },
    #[error("A saved group could not be read, so it was kept aside under “{backup_key}”; the other groups are unaffected.")]
    SetAside { backup_key: String },
    #[error("A saved group could not be read and could not be kept aside either; it was left untouched.")]
    NotSetAside,
    #[error("Saving “{name}” failed ({detail}). It is kept while this page is open: download it to keep it.")]
    Other { name: String, detail: String },
}

/// The groups, provided as context by the group page.
#[derive(Clone, Copy)]
pub struct GroupStore {
    /// Every group, oldest first.
    pub groups: RwSignal<Vec<Group>>,
    /// Ids of groups whose latest state is only in memory (storage full or failing).
    pub unsaved: RwSignal<HashSet<String>>,
    /// Whether groups reach storage at all.
    pub keeping: RwSignal<Keeping>,
    /// The latest problem to show.
    pub notice: RwSignal<Option<GroupNotice>>,
    store: StoredValue<Store>,
    /// Ids of groups changed by [`GroupStore::change_saving_later`] whose save has not run yet:
    /// this tab's copy is the latest until then, whatever storage holds.
    saving: StoredValue<HashSet<String>>,
}

impl GroupStore {
    /// Loads every stored group of `namespace`, then follows the changes other tabs make to them.
    /// Unreadable ones are kept aside and reported.
    pub fn start(namespace: &str) -> GroupStore {
        let store = Store::new(namespace);
        let (groups, keeping, notice) = load(&store);
        let prefix = store.key(GROUP_NAME_PREFIX);
        let this = GroupStore {
            groups: RwSignal::new(groups),
            unsaved: RwSignal::new(HashSet::new()),
            keeping: RwSignal::new(keeping),
            notice: RwSignal::new(notice),
            store: StoredValue::new(store),
            saving: StoredValue::new(HashSet::new()),
        };
        let listener = window_event_listener(leptos::ev::storage, move |event| {
            if this.keeping.get_untracked() != Keeping::Saved {
                return;
            }
            // `key` is null when another tab cleared all storage.
            match event.key() {
                None => this.reload_all(),
                Some(key) => {
                    if let Some(id) = key.strip_prefix(&prefix) {
                        if !id.contains(".backup-") {
                            this.reload(id);
                        }
                    }
                }
            }
        });
        on_cleanup(move || {
            listener.remove();
            // Leaving the page before a later save has run: it runs now (the signals are still
            // there while their owner's cleanups run).
            for id in this.saving.try_get_value().unwrap_or_default() {
                this.save(&id);
            }
        });
        this
    }

    /// Runs `f` on the group with this id, if any, without copying it (a group can hold 100,000
    /// responses).
    pub fn with<T>(&self, id: &str, f: impl FnOnce(Option<&Group>) -> T) -> T {
        self.groups.with(|gs| f(gs.iter().find(|g| g.id == id)))
    }

    /// As [`GroupStore::with`], without making the caller follow the groups' changes.
    pub fn with_untracked<T>(&self, id: &str, f: impl FnOnce(Option<&Group>) -> T) -> T {
        self.groups
            .with_untracked(|gs| f(gs.iter().find(|g| g.id == id)))
    }

    /// Adds a new group and saves it.
    pub fn insert(&self, group: Group) {
        let id = group.id.clone();
        self.groups.update(|gs| gs.push(group));
        self.save(&id);
    }

    /// Changes one group and saves it: the group as storage holds it now (another tab may have
    /// changed it since this one last read it), or this tab's copy when only memory holds all of it.
    /// Returns what `f` returned, or `None` when the group no longer exists.
    pub fn change<T>(&self, id: &str, f: impl FnOnce(&mut Group) -> T) -> Option<T> {
        let (out, may_save) = self.change_unsaved(id, f);
        if out.is_some() && may_save {
            self.save(id);
        }
        out
    }

    /// As [`GroupStore::change`], saving in a task of its own once the page has drawn the change: an
    /// import of 10,000 responses was one task of over 250 ms, of which writing the group's JSON
    /// was 100 ms. Until that save, this tab's copy counts as the latest (a change meanwhile is made
    /// to it, and another tab's save does not replace it), so nothing the import added can be lost
    /// to a stale copy in storage.
    pub fn change_saving_later<T>(&self, id: &str, f: impl FnOnce(&mut Group) -> T) -> Option<T> {
        let (out, may_save) = self.change_unsaved(id, f);
        if out.is_some() && may_save {
            self.saving.update_value(|s| {
                s.insert(id.to_string());
            });
            let (this, id) = (*self, id.to_string());
            leptos::task::spawn_local(async move {
                crate::web::browser::yield_to_browser().await;
                // Not if a save meanwhile (another change, the page's cleanup) has written it.
                if this.saving.try_with_value(|s| s.contains(&id)) == Some(true) {
                    this.save(&id);
                }
            });
        }
        out
    }

    /// True while a group's latest state is this tab's alone: kept in memory only, or not saved yet.
    fn held_here(&self, id: &str) -> bool {
        self.unsaved.with_untracked(|u| u.contains(id))
            || self.saving.with_value(|s| s.contains(id))
    }

    /// Changes one group as [`GroupStore::change`] does, without saving it. Also says whether the
    /// change may be saved: not when storage holds something under the group's key that could be
    /// neither read nor kept aside.
    fn change_unsaved<T>(&self, id: &str, f: impl FnOnce(&mut Group) -> T) -> (Option<T>, bool) {
        let memory_only = self.keeping.get_untracked() != Keeping::Saved || self.held_here(id);
        if !memory_only {
            match self.stored(id) {
                Stored::Group(latest) => {
                    self.groups.update_untracked(|gs| {
                        put_stored(gs, latest);
                    });
                }
                // Not (or no longer) in storage: this tab's copy is all there is, and is saved anew.
                Stored::Absent => {}
                Stored::Unreadable(set_aside) => {
                    let name = storage_name(id);
                    match set_aside
                        .unwrap_or_else(|| self.store.with_value(|s| s.keep_aside(&name)))
                    {
                        StorageError::Corrupt { backup_key } => {
                            self.notice.set(Some(GroupNotice::SetAside { backup_key }));
                        }
                        // What storage holds could not be kept aside: it is not written over.
                        _ => {
                            let out = self.apply(id, f);
                            if out.is_some() {
                                self.keep_unsaved(id, GroupNotice::NotSetAside);
                            }
                            return (out, false);
                        }
                    }
                }
            }
        }
        (self.apply(id, f), true)
    }

    /// Applies `f` to this tab's copy of the group.
    fn apply<T>(&self, id: &str, f: impl FnOnce(&mut Group) -> T) -> Option<T> {
        let mut out = None;
        self.groups.update(|gs| {
            if let Some(g) = gs.iter_mut().find(|g| g.id == id) {
                out = Some(f(g));
            }
        });
        out
    }

    /// What storage holds for one group now.
    fn stored(&self, id: &str) -> Stored {
        match self.store.with_value(|s| s.load(&storage_name(id))) {
            Ok(None) | Err(StorageError::Unavailable) => Stored::Absent,
            Ok(Some(envelope)) => match Group::from_stored(envelope.schema, envelope.data.get()) {
                Ok(group) => Stored::Group(group),
                Err(_) => Stored::Unreadable(None),
            },
            Err(set_aside) => Stored::Unreadable(Some(set_aside)),
        }
    }

    /// Another tab saved or deleted this group: this tab's list follows, unless this tab holds more
    /// of the group than storage does. What cannot be read is left alone (this tab keeps its copy).
    fn reload(&self, id: &str) {
        if self.held_here(id) {
            return;
        }
        match self.stored(id) {
            Stored::Group(group) => self.groups.maybe_update(|gs| put_stored(gs, group)),
            Stored::Absent => self.groups.maybe_update(|gs| {
                let before = gs.len();
                gs.retain(|g| g.id != id);
                gs.len() != before
            }),
            Stored::Unreadable(_) => {}
        }
    }

    /// Another tab cleared storage: the list becomes what storage holds, but for the groups kept
    /// only in memory here.
    fn reload_all(&self) {
        let (stored, keeping, _) = self.store.with_value(load);
        if keeping != Keeping::Saved {
            return;
        }
        let mut kept = self.unsaved.get_untracked();
        self.saving.with_value(|s| kept.extend(s.iter().cloned()));
        self.groups
            .maybe_update(|gs| refresh_all(gs, stored, &kept));
    }

    /// Deletes a group from memory and storage.
    pub fn delete(&self, id: &str) {
        self.groups.update(|gs| gs.retain(|g| g.id != id));
        self.store.with_value(|s| s.remove(&storage_name(id)));
        self.saving.update_value(|s| {
            s.remove(id);
        });
        self.no_longer_unsaved(id);
    }

    /// True when the group's latest state is saved in this browser.
    pub fn is_saved(&self, id: &str) -> bool {
        self.keeping.get() == Keeping::Saved && !self.unsaved.with(|u| u.contains(id))
    }

    /// Marks a group as kept in memory only (storage could not take it), and says why.
    fn keep_unsaved(&self, id: &str, notice: GroupNotice) {
        self.unsaved.update(|u| {
            u.insert(id.to_string());
        });
        self.notice.set(Some(notice));
    }

    /// A group that storage cannot hold: kept in memory only, and said so.
    fn too_large(&self, id: &str, name: String, responses: usize) {
        let responses = crate::model::format::responses(responses as u64);
        self.keep_unsaved(id, GroupNotice::TooLarge { name, responses });
    }

    /// A group that is saved now, or gone: once no group is left unsaved, the notice about one goes.
    fn no_longer_unsaved(&self, id: &str) {
        self.unsaved.update(|u| {
            u.remove(id);
        });
        if self.unsaved.with_untracked(HashSet::is_empty)
            && matches!(
                self.notice.get_untracked(),
                Some(GroupNotice::TooLarge { .. } | GroupNotice::Other { .. })
            )
        {
            self.notice.set(None);
        }
    }

    /// Saves one group. Failure keeps it in memory and says so; storage keeps what it had.
    fn save(&self, id: &str) {
        // Whatever happens now, a later save of this group has nothing left to do: it would write
        // the same state again (or fail the same way, already said).
        self.saving.update_value(|s| {
            s.remove(id);
        });
        if self.keeping.get_untracked() != Keeping::Saved {
            return;
        }
        // Browsers keep about 5 million characters of localStorage per site. A group far beyond that
        // (each response is roughly 300 characters of JSON) is reported as too large at once, instead
        // of spending a long pause writing tens of megabytes of JSON only to have them refused.
        let Some((name, n, json)) = self.groups.with_untracked(|gs| {
            gs.iter().find(|g| g.id == id).map(|g| {
                let n = g.responses.len();
                let json = (n <= SURELY_TOO_LARGE)
                    .then(|| serde_json::to_string(g).expect("a group always serialises"));
                (g.name.clone(), n, json)
            })
        }) else {
            return;
        };
        let Some(json) = json else {
            return self.too_large(id, name, n);
        };
        let result = self
            .store
            .with_value(|s| s.save_json(&storage_name(id), GROUP_SCHEMA, &json));
        match result {
            Ok(()) => self.no_longer_unsaved(id),
            Err(StorageError::Unavailable) => {
                self.keeping.set(Keeping::MemoryOnly);
                self.notice.set(Some(GroupNotice::Unavailable));
            }
            Err(StorageError::Full) => self.too_large(id, name, n),
            Err(other) => self.keep_unsaved(
                id,
                GroupNotice::Other {
                    name,
                    detail: other.to_string(),
                },
            ),
        }
    }
}

/// What storage holds under one group's key.
enum Stored {
    Group(Group),
    Absent,
    /// Data that is not a group this version reads: already kept aside by the store (with what it
    /// said), or still in place (`None`: a newer version's shape, say).
    Unreadable(Option<StorageError>),
}

/// Responses beyond which a group cannot fit in localStorage in any browser (≈ 12 million characters).
const SURELY_TOO_LARGE: usize = 40_000;

/// Reads every stored group. A group that cannot be read is kept aside (never overwritten).
fn load(store: &Store) -> (Vec<Group>, Keeping, Option<GroupNotice>) {
    if !storage::available() {
        return (
            Vec::new(),
            Keeping::MemoryOnly,
            Some(GroupNotice::Unavailable),
        );
    }
    let prefix = store.key(GROUP_NAME_PREFIX);
    let mut names: Vec<String> = store
        .keys()
        .into_iter()
        // Backups of unreadable groups stay where they are, out of the list.
        .filter(|k| k.starts_with(&prefix) && !k.contains(".backup-"))
        .map(|k| k[store.key("").len()..].to_string())
        .collect();
    names.sort();
    let mut groups = Vec::new();
    let mut notice = None;
    for name in names {
        let problem = match store.load(&name) {
            Ok(None) => continue,
            Ok(Some(envelope)) => match Group::from_stored(envelope.schema, envelope.data.get()) {
                Ok(group) => {
                    groups.push(group);
                    continue;
                }
                Err(_) => store.keep_aside(&name),
            },
            Err(error) => error,
        };
        notice = Some(match problem {
            StorageError::Corrupt { backup_key } => GroupNotice::SetAside { backup_key },
            StorageError::Unavailable => GroupNotice::Unavailable,
            _ => GroupNotice::NotSetAside,
        });
    }
    groups.sort_by(|a, b| a.created_at.cmp(&b.created_at));
    (groups, Keeping::Saved, notice)
}
