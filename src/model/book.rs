//! The person's own assessments: a book of named, dated responses, and the one reducer through which
//! it changes.
//!
//! Every change is an [`Action`] applied by [`Book::apply`]; the UI applies each action to the latest
//! stored book and saves at once, so that two tabs on the same assessment never lose each other's
//! answers. Stored shapes are versioned ([`BOOK_SCHEMA`]); [`Book::from_stored`] reads every shape ever
//! shipped, guarded by frozen fixtures in `tests/fixtures/storage/`. Pure: no browser crate; the time
//! and new ids come in with the actions.

use std::collections::{BTreeMap, HashSet};

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::engine::error::AnswerError;
use crate::engine::instrument::{Field, InstrumentVersion, INSTRUMENT};
use crate::engine::json_format::AssessmentInfo;
use crate::engine::response::{is_iso8601_date_or_datetime, AnswerAction, Answers, Response};
use crate::model::actions::{Plan, PlanEdit};
use crate::model::invite::Invitation;

/// Storage name of the book (the key is namespaced by the storage adapter).
pub const BOOK_NAME: &str = "assessments";
/// The shape written now. 1: the first shape; 2: an assessment may hold an action plan (`plan`,
/// absent when empty, so that a shape 1 book reads as a shape 2 book without one).
pub const BOOK_SCHEMA: u32 = 2;
/// Storage name of what could not be read from the book, kept so that nothing is ever dropped.
pub const SET_ASIDE_NAME: &str = "assessments.set-aside";
/// The longest name an assessment may have, in characters: long enough for any real name, short
/// enough to fit a heading on a phone and a file name.
pub const MAX_NAME_CHARS: usize = 120;

/// One self-assessment.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Assessment {
    /// The person's name for it ("Assessment 29 November 2026" unless renamed).
    pub name: String,
    /// ISO 8601 date-time it was started.
    pub created_at: String,
    /// ISO 8601 date-time of the last change.
    pub updated_at: String,
    /// When the person last finished it (all required answers given and results seen).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completed_at: Option<String>,
    /// The slug of the page the person was last on, to resume there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<String>,
    /// The answers; `response.id` is the assessment's id.
    pub response: Response,
    /// What the person plans to do about their results (shape 2), as stored: read it with
    /// [`Assessment::plan`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<StoredPlan>,
    /// The round this assessment answers, when it was started from an invitation link, as stored:
    /// read it with [`Assessment::invitation`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invitation: Option<StoredInvitation>,
}

/// An assessment's round as stored: its JSON text. Like [`StoredPlan`], the whole app reads it
/// ([`Assessment::invitation`]) and the questionnaire build keeps it as it is, so that its first load
/// carries none of the invitation's code and never drops a round it cannot read.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(transparent)]
pub struct StoredInvitation(Box<RawValue>);

impl PartialEq for StoredInvitation {
    fn eq(&self, other: &Self) -> bool {
        self.0.get() == other.0.get()
    }
}

impl StoredInvitation {
    /// The stored form of `invitation`.
    pub fn of(invitation: &Invitation) -> StoredInvitation {
        StoredInvitation(
            serde_json::value::to_raw_value(invitation).expect("an invitation always serialises"),
        )
    }

    /// The invitation, if it reads and every field is one a link may carry.
    fn read(&self) -> Option<Invitation> {
        serde_json::from_str::<Invitation>(self.0.get())
            .ok()
            .filter(|i| i.check().is_ok())
    }
}

/// An assessment's action plan as stored: its JSON text. The whole app reads it
/// ([`Assessment::plan`]); the questionnaire build keeps it as it is, so that its first load carries
/// none of the plan's code and never drops a plan it cannot read.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(transparent)]
pub struct StoredPlan(Box<RawValue>);

impl PartialEq for StoredPlan {
    fn eq(&self, other: &Self) -> bool {
        self.0.get() == other.0.get()
    }
}

impl StoredPlan {
    /// The stored form of `plan`: none for an empty plan, so that a book without plans is stored
    /// as before.
    pub fn of(plan: &Plan) -> Option<StoredPlan> {
        (!plan.is_empty()).then(|| {
            StoredPlan(serde_json::value::to_raw_value(plan).expect("a plan always serialises"))
        })
    }

    /// The plan, read strictly.
    fn read(&self) -> Result<Plan, serde_json::Error> {
        serde_json::from_str(self.0.get())
    }
}

impl Assessment {
    /// The assessment's id.
    pub fn id(&self) -> &str {
        &self.response.id
    }

    /// The answers as they are exported (JSON, CSV, a group): without answers hidden by the q1
    /// branch, and submitted when the person last finished it.
    pub fn exported_response(&self) -> Response {
        let mut response = self.response.without_hidden_answers();
        if let Some(done) = self
            .completed_at
            .as_ref()
            .filter(|_| self.response.is_complete())
        {
            response.submitted_at = Some(done.clone());
        }
        response
    }

    /// The assessment as its JSON export: its answers (without those hidden by the q1 branch), its
    /// name and dates, and its action plan when it has one.
    pub fn export_json(&self) -> String {
        crate::engine::json_format::assessment_with_plan_to_json(
            &self.exported_response(),
            &self.info(),
            self.plan().to_json().as_deref(),
        )
    }

    /// The action plan (empty when there is none; a stored plan that cannot be read was set aside
    /// when the book was read, see [`Book::read_stored`]).
    pub fn plan(&self) -> Plan {
        self.plan
            .as_ref()
            .and_then(|p| p.read().ok())
            .unwrap_or_default()
    }

    /// The round this assessment answers, if it was started from an invitation this version can
    /// read (one it cannot is kept as stored, untouched).
    pub fn invitation(&self) -> Option<Invitation> {
        self.invitation.as_ref().and_then(StoredInvitation::read)
    }

    /// What an export says about the assessment beside its answers.
    pub fn info(&self) -> AssessmentInfo {
        AssessmentInfo {
            name: self.name.clone(),
            started_at: Some(self.created_at.clone()),
            completed_at: self.completed_at.clone(),
        }
    }
}

/// All the person's assessments, newest last, and which one is open.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Book {
    pub assessments: Vec<Assessment>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current: Option<String>,
}

/// A change to the book.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Start a new assessment and open it.
    Create {
        id: String,
        name: String,
        now: String,
    },
    /// Start a new assessment for a round, from its invitation link, and open it.
    Join {
        id: String,
        name: String,
        now: String,
        invitation: Box<Invitation>,
    },
    /// Open an assessment.
    Open { id: String },
    /// Rename an assessment.
    Rename {
        id: String,
        name: String,
        now: String,
    },
    /// Delete one assessment.
    Delete { id: String },
    /// Delete every assessment.
    DeleteAll,
    /// Change one answer.
    Answer {
        id: String,
        action: AnswerAction,
        now: String,
    },
    /// Tick (`on`) or untick an option of a multiple-choice field; unlike a toggle, applying it twice
    /// is harmless, so a change made in another tab meanwhile is never undone.
    Tick {
        id: String,
        field: Field,
        code: String,
        on: bool,
        now: String,
    },
    /// Remember the page the person is on.
    Visit { id: String, page: String },
    /// Mark the assessment finished (its answers are complete).
    Complete { id: String, now: String },
    /// Add a response brought in from a file (an export from this or another device). It is kept
    /// under its own id; one already in the book is refused as a duplicate. The export's details
    /// (`info`), when it has them, give its name and dates; otherwise `name` is used, it counts as
    /// started when it was submitted, and a complete response is marked finished then (or `now`).
    Import {
        response: Response,
        name: String,
        info: Option<Box<AssessmentInfo>>,
        now: String,
    },
    /// Change the assessment's action plan.
    Plan {
        id: String,
        edit: PlanEdit,
        now: String,
    },
}

/// Why an action could not be applied; nothing changed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum BookError {
    #[error("That assessment no longer exists in this browser; it may have been deleted in another tab.")]
    NoSuchAssessment,
    #[error("An assessment with that id already exists.")]
    DuplicateId,
    #[error("A name is needed.")]
    EmptyName,
    #[error("A name can be at most {MAX_NAME_CHARS} characters long.")]
    NameTooLong,
    #[error("This can only be done once the rest of the app has loaded.")]
    Unsupported,
    #[error("The assessment still has questions to answer.")]
    Incomplete,
    #[error(transparent)]
    Answer(#[from] AnswerError),
    /// A plan's edit refused, in the plan's words (kept as text, so that the questionnaire build,
    /// which shows a book's errors, carries none of the plan's).
    #[error("{0}")]
    Plan(String),
}

/// Why stored data could not be read as a book.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum StoredBookError {
    #[error("it was saved by a newer version of this app (format {0})")]
    Newer(u32),
    #[error("it is not in a format this app knows: {0}")]
    Unreadable(String),
}

impl Book {
    /// Reads a stored book of any shipped shape.
    pub fn from_stored(schema: u32, data: &str) -> Result<Book, StoredBookError> {
        match schema {
            // Shape 2 only adds the optional plan: one reader serves both.
            1 | 2 => {
                serde_json::from_str(data).map_err(|e| StoredBookError::Unreadable(e.to_string()))
            }
            newer if newer > BOOK_SCHEMA => Err(StoredBookError::Newer(newer)),
            other => Err(StoredBookError::Unreadable(format!(
                "unknown format {other}"
            ))),
        }
    }

    /// The assessment with this id.
    pub fn get(&self, id: &str) -> Option<&Assessment> {
        self.assessments.iter().find(|a| a.id() == id)
    }

    /// The open assessment.
    pub fn current(&self) -> Option<&Assessment> {
        self.current.as_deref().and_then(|id| self.get(id))
    }

    fn get_mut(&mut self, id: &str) -> Result<&mut Assessment, BookError> {
        self.assessments
            .iter_mut()
            .find(|a| a.id() == id)
            .ok_or(BookError::NoSuchAssessment)
    }

    /// Applies one action; on error nothing changes.
    pub fn apply(&mut self, action: Action) -> Result<(), BookError> {
        match action {
            Action::Rename { id, name, now } => {
                let name = checked_name(&name)?;
                let a = self.get_mut(&id)?;
                a.name = name;
                a.updated_at = now;
            }
            Action::Delete { id } => {
                self.get_mut(&id)?;
                self.assessments.retain(|a| a.id() != id);
                if self.current.as_deref() == Some(id.as_str()) {
                    self.current = None;
                }
            }
            Action::DeleteAll => *self = Book::default(),
            Action::Import {
                response,
                name,
                info,
                now,
            } => {
                if self.get(&response.id).is_some() {
                    return Err(BookError::DuplicateId);
                }
                let info = info.map(|i| *i).unwrap_or_default();
                // A file's own name may be longer than a name typed here: it is cut, not refused.
                let name = [info.name.as_str(), name.as_str()]
                    .into_iter()
                    .map(|n| cut_name(n.trim()))
                    .find(|n| !n.is_empty())
                    .ok_or(BookError::EmptyName)?;
                // The dates were checked on the way in (`engine::intake::check` for `submitted_at`,
                // `json_format` for the export's details), as for every route in.
                let created = info
                    .started_at
                    .or_else(|| response.submitted_at.clone())
                    .unwrap_or_else(|| now.clone());
                let completed_at = response.is_complete().then(|| {
                    info.completed_at
                        .or_else(|| response.submitted_at.clone())
                        .unwrap_or_else(|| now.clone())
                });
                self.assessments.push(Assessment {
                    name,
                    created_at: created,
                    updated_at: now,
                    completed_at,
                    page: None,
                    response,
                    plan: None,
                    invitation: None,
                });
            }
            // Only the whole app shows an invitation (`Route::in_questionnaire`), so the
            // questionnaire's reducer, and its first load, do without this.
            Action::Join {
                id,
                name,
                now,
                invitation,
            } => self.create(id, name, now, Some(StoredInvitation::of(&invitation)))?,
            Action::Plan { id, edit, now } => {
                let a = self.get_mut(&id)?;
                let mut plan = a.plan();
                if plan
                    .edit(edit)
                    .map_err(|e| BookError::Plan(e.to_string()))?
                {
                    a.plan = StoredPlan::of(&plan);
                    a.updated_at = now;
                }
            }
            answering => return self.answer(answering),
        }
        Ok(())
    }

    /// Applies an action of answering (creating, opening, answering, finishing an assessment), the
    /// only kind the questionnaire build makes: it applies actions with this instead of
    /// [`Book::apply`], so that its first load carries none of the code that renames, deletes or
    /// imports. Any other action is refused ([`BookError::Unsupported`]); on error nothing changes.
    pub fn answer(&mut self, action: Action) -> Result<(), BookError> {
        match action {
            Action::Create { id, name, now } => self.create(id, name, now, None)?,
            Action::Open { id } => {
                self.get_mut(&id)?;
                self.current = Some(id);
            }
            Action::Answer { id, action, now } => {
                let a = self.get_mut(&id)?;
                let mut response = a.response.clone();
                response.apply(action)?;
                if response != a.response {
                    a.response = response;
                    a.updated_at = now;
                }
            }
            Action::Tick {
                id,
                field,
                code,
                on,
                now,
            } => {
                let a = self.get_mut(&id)?;
                let ticked = a.response.answers().is_stored(field)
                    && matches!(
                        a.response.answers().stored(field),
                        Some(crate::engine::response::AnswerRef::Choices(ref options))
                            if options.iter().any(|o| o.code == code)
                    );
                if ticked != on {
                    a.response.toggle(field, &code)?;
                    a.updated_at = now;
                }
            }
            Action::Visit { id, page } => {
                self.get_mut(&id)?.page = Some(page);
            }
            Action::Complete { id, now } => {
                let a = self.get_mut(&id)?;
                if !a.response.is_complete() {
                    return Err(BookError::Incomplete);
                }
                a.completed_at = Some(now);
            }
            Action::Rename { .. }
            | Action::Join { .. }
            | Action::Delete { .. }
            | Action::DeleteAll
            | Action::Import { .. }
            | Action::Plan { .. } => return Err(BookError::Unsupported),
        }
        Ok(())
    }
}

impl Book {
    /// Starts a new assessment (for a round, when `invitation` is given) and opens it.
    fn create(
        &mut self,
        id: String,
        name: String,
        now: String,
        invitation: Option<StoredInvitation>,
    ) -> Result<(), BookError> {
        if self.get(&id).is_some() {
            return Err(BookError::DuplicateId);
        }
        let name = checked_name(&name)?;
        self.assessments.push(Assessment {
            name,
            created_at: now.clone(),
            updated_at: now,
            completed_at: None,
            page: None,
            response: Response::new(id.clone()),
            plan: None,
            invitation,
        });
        self.current = Some(id);
        Ok(())
    }
}

/// A name as given, trimmed, or why it cannot be used.
fn checked_name(name: &str) -> Result<String, BookError> {
    let name = name.trim();
    if name.is_empty() {
        Err(BookError::EmptyName)
    } else if name.chars().count() > MAX_NAME_CHARS {
        Err(BookError::NameTooLong)
    } else {
        Ok(name.to_string())
    }
}

/// The first [`MAX_NAME_CHARS`] characters of a name.
fn cut_name(name: &str) -> String {
    name.chars().take(MAX_NAME_CHARS).collect()
}

impl Book {
    /// A name for a new assessment started on `date` ("29 November 2026") that no other assessment
    /// has, so that two started on one day can be told apart in every list and file name.
    pub fn new_name(&self, date: &str) -> String {
        let base = format!("Assessment of {date}");
        let taken = |name: &str| self.assessments.iter().any(|a| a.name == name);
        if !taken(&base) {
            return base;
        }
        (2..)
            .map(|n| format!("{base} ({n})"))
            .find(|name| !taken(name))
            .expect("some number is free")
    }
}

/// The file name (without extension) of an assessment's download: its name, cut to a length every
/// file system and mail program keeps, and a short mark of its id, so that two assessments never
/// download under one name even when their names begin alike.
pub fn export_file_stem(name: &str, id: &str) -> String {
    let cut = crate::model::format::cut(&crate::model::format::slug(name), 40);
    let mark = crate::model::format::mark(id, 6);
    if cut.is_empty() {
        format!("collaboration-readiness-{mark}")
    } else {
        format!("collaboration-readiness-{cut}-{mark}")
    }
}

/// Something from the stored book that this version could not read: kept exactly as it was stored,
/// never dropped, so that the person can download it or try to restore it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SetAside {
    /// The assessment's name, when it could be read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The answers (column codes) left out of an assessment that was kept; empty when the whole
    /// assessment was set aside.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub answers: Vec<String>,
    /// True when the action plan of an assessment that was kept, or part of it, was left out.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub plan: bool,
    /// Why it could not be read, as the reader reported it (for whoever looks into the file).
    pub detail: String,
    /// The stored JSON text, exactly as it was.
    pub stored: String,
}

impl SetAside {
    /// True when the whole assessment was set aside (not only some of its answers or its plan).
    pub fn is_whole(&self) -> bool {
        self.answers.is_empty() && !self.plan
    }
}

/// A stored book as read: everything that could be read, and what was set aside.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StoredRead {
    /// Every assessment that could be read, with every answer that could be read.
    pub book: Book,
    /// What could not be read.
    pub set_aside: Vec<SetAside>,
    /// Names of assessments whose id another stored assessment already had, given a new id.
    pub new_ids: Vec<String>,
}

impl StoredRead {
    /// True when the book read is not exactly what was stored, so that it must be saved again
    /// (after what was set aside is kept) before anything else reads it.
    pub fn changed(&self) -> bool {
        !self.set_aside.is_empty() || !self.new_ids.is_empty()
    }
}

/// A stored book with each assessment still as text, so that one that cannot be read does not stop
/// the others from being read.
#[derive(Deserialize)]
struct BookParts {
    assessments: Vec<Box<RawValue>>,
    #[serde(default)]
    current: Option<Box<RawValue>>,
}

/// An assessment with its answers still as text, to read them one by one.
#[derive(Deserialize)]
struct AssessmentParts {
    name: String,
    created_at: String,
    updated_at: String,
    #[serde(default)]
    completed_at: Option<String>,
    #[serde(default)]
    page: Option<String>,
    response: ResponseParts,
    #[serde(default)]
    plan: Option<Box<RawValue>>,
    /// Kept as text: an unreadable invitation must not make the answers unreadable.
    #[serde(default)]
    invitation: Option<Box<RawValue>>,
}

#[derive(Deserialize)]
struct ResponseParts {
    id: String,
    #[serde(default)]
    submitted_at: Option<String>,
    #[serde(default)]
    instrument_version: InstrumentVersion,
    #[serde(default)]
    answers: BTreeMap<String, Box<RawValue>>,
}

/// Reads answers one by one: those that read, and the columns of those that do not.
fn answers_one_by_one(parts: &BTreeMap<String, Box<RawValue>>) -> (Answers, Vec<String>) {
    let mut good = Vec::new();
    let mut bad = Vec::new();
    for (column, value) in parts {
        let one = format!("{{{}:{}}}", json_string(column), value.get());
        match serde_json::from_str::<Answers>(&one) {
            Ok(_) => good.push(one[1..one.len() - 1].to_string()),
            Err(_) => bad.push(column.clone()),
        }
    }
    let answers = serde_json::from_str(&format!("{{{}}}", good.join(",")))
        .expect("answers that read one by one read together");
    (answers, bad)
}

fn json_string(text: &str) -> String {
    serde_json::to_string(text).expect("a string always serialises")
}

/// Builds a response from its parts and answers already read.
fn response_from(parts: ResponseParts, answers: &Answers) -> Response {
    let text = format!(
        "{{\"id\":{},\"submitted_at\":{},\"instrument_version\":{},\"answers\":{}}}",
        json_string(&parts.id),
        serde_json::to_string(&parts.submitted_at).expect("serialises"),
        serde_json::to_string(&parts.instrument_version).expect("serialises"),
        serde_json::to_string(answers).expect("serialises"),
    );
    serde_json::from_str(&text).expect("a response rebuilt from read parts reads")
}

impl Book {
    /// Reads a stored book, keeping every assessment that reads, and of one that does not, every
    /// answer that reads. What cannot be read is returned to be kept aside, never dropped. Of two
    /// assessments with one id, the second is given a new id from `new_id`, so that both can be
    /// opened. A newer or unknown shape, or data that is not a book at all, is refused whole.
    pub fn read_stored(
        schema: u32,
        data: &str,
        mut new_id: impl FnMut() -> String,
    ) -> Result<StoredRead, StoredBookError> {
        match schema {
            1 | 2 => {}
            newer if newer > BOOK_SCHEMA => return Err(StoredBookError::Newer(newer)),
            other => {
                return Err(StoredBookError::Unreadable(format!(
                    "unknown format {other}"
                )))
            }
        }
        let parts: BookParts =
            serde_json::from_str(data).map_err(|e| StoredBookError::Unreadable(e.to_string()))?;
        let mut read = StoredRead::default();
        let mut ids = HashSet::new();
        for raw in parts.assessments {
            let mut assessment = match serde_json::from_str::<Assessment>(raw.get()) {
                Ok(mut a) => {
                    // Its plan is only text so far: a plan that does not read keeps what does,
                    // and the rest is kept aside.
                    if let Some(Err(error)) = a.plan.as_ref().map(StoredPlan::read) {
                        let stored = a.plan.as_ref().map(|p| p.0.get().to_string());
                        let (plan, _) = Plan::read_lenient(stored.as_deref().unwrap_or_default());
                        read.set_aside.push(SetAside {
                            name: Some(a.name.clone()),
                            answers: Vec::new(),
                            plan: true,
                            detail: error.to_string(),
                            stored: raw.get().to_string(),
                        });
                        a.plan = StoredPlan::of(&plan);
                    }
                    a
                }
                Err(error) => match serde_json::from_str::<AssessmentParts>(raw.get()) {
                    Ok(p) => {
                        let (answers, bad) = answers_one_by_one(&p.response.answers);
                        let (plan, plan_lost) =
                            p.plan.as_ref().map_or((Plan::default(), false), |raw| {
                                Plan::read_lenient(raw.get())
                            });
                        if bad.is_empty() && !plan_lost {
                            // The parts read but the whole did not: nothing to keep of it.
                            read.set_aside.push(SetAside {
                                name: Some(p.name),
                                answers: Vec::new(),
                                plan: false,
                                detail: error.to_string(),
                                stored: raw.get().to_string(),
                            });
                            continue;
                        }
                        read.set_aside.push(SetAside {
                            name: Some(p.name.clone()),
                            answers: bad,
                            plan: plan_lost,
                            detail: error.to_string(),
                            stored: raw.get().to_string(),
                        });
                        Assessment {
                            name: p.name,
                            created_at: p.created_at,
                            updated_at: p.updated_at,
                            completed_at: p.completed_at,
                            page: p.page,
                            response: response_from(p.response, &answers),
                            plan: StoredPlan::of(&plan),
                            // Kept as stored, whether or not this version can read it.
                            invitation: p.invitation.map(StoredInvitation),
                        }
                    }
                    Err(_) => {
                        read.set_aside.push(SetAside {
                            name: name_in(raw.get()),
                            answers: Vec::new(),
                            plan: false,
                            detail: error.to_string(),
                            stored: raw.get().to_string(),
                        });
                        continue;
                    }
                },
            };
            if !ids.insert(assessment.id().to_string()) {
                let id = std::iter::repeat_with(&mut new_id)
                    .find(|id| !ids.contains(id))
                    .expect("new ids are eventually new");
                ids.insert(id.clone());
                assessment.response.id = id;
                read.new_ids.push(assessment.name.clone());
            }
            read.book.assessments.push(assessment);
        }
        read.book.current = parts
            .current
            .and_then(|c| serde_json::from_str::<String>(c.get()).ok())
            .filter(|id| read.book.get(id).is_some());
        Ok(read)
    }

    /// Tries to bring back assessments that were set aside whole: each one's name, dates, id and
    /// every answer that reads are taken; a missing or unreadable name or date is replaced (the
    /// name by "Restored assessment", dates by `now`), and a missing or taken id by a new one.
    /// Returns the items that could not be restored, which stay set aside.
    pub fn restore(
        &mut self,
        items: Vec<SetAside>,
        now: &str,
        mut new_id: impl FnMut() -> String,
    ) -> Vec<SetAside> {
        let mut left = Vec::new();
        for item in items {
            match self.restore_one(&item, now, &mut new_id) {
                Some(a) => self.assessments.push(a),
                None => left.push(item),
            }
        }
        left
    }

    fn restore_one(
        &self,
        item: &SetAside,
        now: &str,
        new_id: &mut impl FnMut() -> String,
    ) -> Option<Assessment> {
        if !item.is_whole() {
            return None;
        }
        let object: BTreeMap<String, Box<RawValue>> = serde_json::from_str(&item.stored).ok()?;
        let text = |key: &str| -> Option<String> {
            object
                .get(key)
                .and_then(|v| serde_json::from_str::<String>(v.get()).ok())
        };
        let date = |key: &str| text(key).filter(|d| is_iso8601_date_or_datetime(d));
        let response: BTreeMap<String, Box<RawValue>> = object
            .get("response")
            .and_then(|r| serde_json::from_str(r.get()).ok())
            .unwrap_or_default();
        let field = |key: &str| -> Option<String> {
            response
                .get(key)
                .and_then(|v| serde_json::from_str::<String>(v.get()).ok())
        };
        let id = field("id")
            .map(|id| id.trim().to_string())
            .filter(|id| !id.is_empty() && self.get(id).is_none())
            .unwrap_or_else(|| {
                std::iter::repeat_with(&mut *new_id)
                    .find(|id| self.get(id).is_none())
                    .expect("new ids are eventually new")
            });
        let answers: BTreeMap<String, Box<RawValue>> = response
            .get("answers")
            .and_then(|a| serde_json::from_str(a.get()).ok())
            .unwrap_or_default();
        let (answers, _) = answers_one_by_one(&answers);
        let instrument_version = response
            .get("instrument_version")
            .and_then(|v| serde_json::from_str(v.get()).ok())
            .unwrap_or_else(InstrumentVersion::current);
        let parts = ResponseParts {
            id,
            submitted_at: field("submitted_at").filter(|d| is_iso8601_date_or_datetime(d)),
            instrument_version,
            answers: BTreeMap::new(),
        };
        let name = text("name")
            .map(|n| cut_name(n.trim()))
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| "Restored assessment".to_string());
        let response = response_from(parts, &answers);
        let completed_at = date("completed_at").filter(|_| response.is_complete());
        let plan = object
            .get("plan")
            .map_or_else(Plan::default, |raw| Plan::read_lenient(raw.get()).0);
        let invitation = object.get("invitation").cloned().map(StoredInvitation);
        Some(Assessment {
            name,
            created_at: date("created_at").unwrap_or_else(|| now.to_string()),
            updated_at: now.to_string(),
            completed_at,
            page: None,
            response,
            plan: StoredPlan::of(&plan),
            invitation,
        })
    }
}

/// The `name` of a stored assessment that could not be read otherwise, for the notice.
fn name_in(stored: &str) -> Option<String> {
    #[derive(Deserialize)]
    struct Named {
        name: String,
    }
    serde_json::from_str::<Named>(stored).ok().map(|n| n.name)
}

/// The file "Download what was set aside" gives: each item with its stored text, for whoever helps
/// the person recover it.
pub fn set_aside_file(items: &[SetAside]) -> String {
    #[derive(Serialize)]
    struct File<'a> {
        format: &'static str,
        items: &'a [SetAside],
    }
    serde_json::to_string_pretty(&File {
        format: "collaboration-readiness/set-aside",
        items,
    })
    .expect("set-aside items always serialise")
}

/// What the person is told about what was set aside, in words: which assessments, and which of
/// their answers (by question) could not be read.
pub fn set_aside_summary(items: &[SetAside]) -> String {
    let quoted = |name: &Option<String>| match name {
        Some(n) => format!("\u{201c}{n}\u{201d}"),
        None => "an assessment without a readable name".to_string(),
    };
    let mut parts = Vec::new();
    for item in items {
        if item.is_whole() {
            parts.push(format!("{} could not be read at all", quoted(&item.name)));
        } else if item.answers.is_empty() {
            parts.push(format!(
                "in {}, part of the action plan could not be read; the rest of it is here",
                quoted(&item.name)
            ));
        } else {
            let questions: Vec<String> = item
                .answers
                .iter()
                .map(|column| match Field::from_column(column) {
                    Some(f) => {
                        let q = INSTRUMENT.question(f.question());
                        format!("{} (\u{201c}{}\u{201d})", column, q.text)
                    }
                    None => column.clone(),
                })
                .collect();
            let answers = if questions.len() == 1 {
                "the answer to"
            } else {
                "the answers to"
            };
            let plan = if item.plan {
                " and part of the action plan"
            } else {
                ""
            };
            parts.push(format!(
                "in {}, {answers} {}{plan} could not be read; the rest of it is here",
                quoted(&item.name),
                questions.join(" and ")
            ));
        }
    }
    parts.join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::instrument::{Factor, Measure};

    const NOW: &str = "2026-11-29T10:00:00Z";
    const LATER: &str = "2026-11-29T11:00:00Z";

    fn book_with(id: &str) -> Book {
        let mut book = Book::default();
        book.apply(Action::Create {
            id: id.into(),
            name: "Mine".into(),
            now: NOW.into(),
        })
        .unwrap();
        book
    }

    fn answer(id: &str, field: Field, code: &str) -> Action {
        Action::Answer {
            id: id.into(),
            action: AnswerAction::Choose {
                field,
                code: code.into(),
            },
            now: LATER.into(),
        }
    }

    #[test]
    fn creating_opens_the_new_assessment() {
        let book = book_with("a");
        assert_eq!(book.current().unwrap().name, "Mine");
        assert_eq!(book.current().unwrap().created_at, NOW);
    }

    #[test]
    fn actions_that_cannot_apply_change_nothing() {
        let book = book_with("a");
        let cases = [
            (
                Action::Create {
                    id: "a".into(),
                    name: "x".into(),
                    now: NOW.into(),
                },
                BookError::DuplicateId,
            ),
            (
                Action::Create {
                    id: "b".into(),
                    name: "  ".into(),
                    now: NOW.into(),
                },
                BookError::EmptyName,
            ),
            (
                Action::Open { id: "zz".into() },
                BookError::NoSuchAssessment,
            ),
            (
                Action::Rename {
                    id: "a".into(),
                    name: "".into(),
                    now: NOW.into(),
                },
                BookError::EmptyName,
            ),
            (
                Action::Delete { id: "zz".into() },
                BookError::NoSuchAssessment,
            ),
            (answer("zz", Field::Q1, "yes"), BookError::NoSuchAssessment),
            (
                Action::Complete {
                    id: "a".into(),
                    now: NOW.into(),
                },
                BookError::Incomplete,
            ),
        ];
        for (action, error) in cases {
            let mut changed = book.clone();
            assert_eq!(changed.apply(action.clone()), Err(error), "{action:?}");
            assert_eq!(changed, book, "{action:?} changed the book");
        }
        let mut changed = book.clone();
        assert!(matches!(
            changed.apply(answer("a", Field::Q1, "maybe")),
            Err(BookError::Answer(_))
        ));
        assert_eq!(changed, book);
    }

    #[test]
    fn answers_change_the_response_and_its_date() {
        let mut book = book_with("a");
        book.apply(answer("a", Field::Q1, "yes")).unwrap();
        let a = book.get("a").unwrap();
        assert!(a.response.answers().is_answered(Field::Q1));
        assert_eq!(a.updated_at, LATER);
    }

    #[test]
    fn ticks_are_idempotent_so_a_second_tab_cannot_undo_them() {
        let mut book = book_with("a");
        let tick = |on| Action::Tick {
            id: "a".into(),
            field: Field::Q17,
            code: "housing".into(),
            on,
            now: LATER.into(),
        };
        book.apply(tick(true)).unwrap();
        book.apply(tick(true)).unwrap();
        assert!(
            book.get("a")
                .unwrap()
                .response
                .answers()
                .q17()
                .iter()
                .count()
                == 1
        );
        book.apply(tick(false)).unwrap();
        book.apply(tick(false)).unwrap();
        assert!(book.get("a").unwrap().response.answers().q17().is_empty());
    }

    #[test]
    fn changes_from_two_tabs_applied_to_the_latest_book_are_all_kept() {
        // Tab A and tab B each apply their change to what is stored at that moment.
        let mut stored = book_with("a");
        stored.apply(answer("a", Field::Q1, "yes")).unwrap(); // tab A
        stored
            .apply(answer(
                "a",
                Field::Score(Measure::Importance, Factor::Places),
                "3",
            ))
            .unwrap(); // tab B
        let answers = stored.get("a").unwrap().response.answers();
        assert!(answers.is_answered(Field::Q1));
        assert!(answers.is_answered(Field::Score(Measure::Importance, Factor::Places)));
    }

    #[test]
    fn deleting_the_open_assessment_closes_it_and_delete_all_empties_the_book() {
        let mut book = book_with("a");
        book.apply(Action::Create {
            id: "b".into(),
            name: "Second".into(),
            now: NOW.into(),
        })
        .unwrap();
        book.apply(Action::Delete { id: "b".into() }).unwrap();
        assert_eq!(book.current, None);
        assert_eq!(book.assessments.len(), 1);
        book.apply(Action::DeleteAll).unwrap();
        assert_eq!(book, Book::default());
    }

    #[test]
    fn imported_responses_keep_their_id_and_are_refused_twice() {
        let v1 = include_str!("../../tests/fixtures/storage/book-v1.json");
        let envelope: serde_json::Value = serde_json::from_str(v1).unwrap();
        let stored = Book::from_stored(1, &envelope["data"].to_string()).unwrap();
        let complete = stored.assessments[1].response.clone();
        let partial = stored.assessments[0].response.clone();

        let mut book = Book::default();
        let import = |r: &Response| Action::Import {
            response: r.clone(),
            name: "From a file".into(),
            info: None,
            now: NOW.into(),
        };
        book.apply(import(&complete)).unwrap();
        book.apply(import(&partial)).unwrap();
        assert_eq!(
            book.get(&complete.id).unwrap().completed_at.as_deref(),
            Some(NOW)
        );
        assert_eq!(book.get(&partial.id).unwrap().completed_at, None);
        assert_eq!(book.current, None, "importing does not change what is open");
        let before = book.clone();
        assert_eq!(book.apply(import(&complete)), Err(BookError::DuplicateId));
        assert_eq!(book, before);
    }

    #[test]
    fn stored_books_of_every_shipped_schema_load() {
        let v1 = include_str!("../../tests/fixtures/storage/book-v1.json");
        let envelope: serde_json::Value = serde_json::from_str(v1).unwrap();
        let book = Book::from_stored(
            envelope["schema"].as_u64().unwrap() as u32,
            &envelope["data"].to_string(),
        )
        .unwrap();
        assert_eq!(book.assessments.len(), 2);
        let first = &book.assessments[0];
        assert_eq!(first.name, "Team away day");
        assert_eq!(first.page.as_deref(), Some("involvement"));
        assert!(first.response.answers().is_answered(Field::Q1));
        assert!(book.assessments[1].completed_at.is_some());
        assert!(book.assessments[1].response.is_complete());
        assert_eq!(book.current.as_deref(), Some(first.id()));
    }

    #[test]
    fn stored_data_of_a_newer_or_unknown_shape_is_refused_not_guessed() {
        assert_eq!(
            Book::from_stored(BOOK_SCHEMA + 1, "null"),
            Err(StoredBookError::Newer(BOOK_SCHEMA + 1))
        );
        assert!(matches!(
            Book::from_stored(0, "null"),
            Err(StoredBookError::Unreadable(_))
        ));
        assert!(matches!(
            Book::from_stored(1, r#"{"assessments": "nope"}"#),
            Err(StoredBookError::Unreadable(_))
        ));
    }
    /// The frozen v1 fixture's data, as stored.
    fn fixture_data() -> serde_json::Value {
        let v1 = include_str!("../../tests/fixtures/storage/book-v1.json");
        let envelope: serde_json::Value = serde_json::from_str(v1).unwrap();
        envelope["data"].clone()
    }

    fn counter() -> impl FnMut() -> String {
        let mut n = 0;
        move || {
            n += 1;
            format!("new-{n}")
        }
    }

    #[test]
    fn defect_02_one_bad_answer_sets_aside_only_that_answer() {
        let mut data = fixture_data();
        // The complete assessment (26 answers) gets one answer no version ever wrote.
        data["assessments"][1]["response"]["answers"]["q4"] = "99".into();
        let complete = data["assessments"][1]["response"]["id"]
            .as_str()
            .unwrap()
            .to_string();
        assert!(
            Book::from_stored(1, &data.to_string()).is_err(),
            "the strict read refuses it"
        );

        let read = Book::read_stored(1, &data.to_string(), counter()).unwrap();
        assert_eq!(read.book.assessments.len(), 2, "every assessment is kept");
        let kept = read.book.get(&complete).unwrap();
        assert!(
            kept.response.is_complete(),
            "the complete assessment still has its answers"
        );
        assert_eq!(kept.name, "Before the restructure");
        assert_eq!(read.set_aside.len(), 1);
        let aside = &read.set_aside[0];
        assert_eq!(aside.answers, ["q4"]);
        assert!(!aside.is_whole());
        assert!(
            aside.stored.contains("\"q4\":\"99\""),
            "kept exactly as stored"
        );
        assert!(read.changed());
        let summary = set_aside_summary(&read.set_aside);
        assert!(
            summary.contains("\u{201c}Before the restructure\u{201d}"),
            "{summary}"
        );
        assert!(summary.contains("q4 (\u{201c}"), "{summary}");
        assert!(summary.contains("the rest of it is here"), "{summary}");
        // The first assessment is untouched and still open.
        assert_eq!(
            read.book.current.as_deref(),
            Some(read.book.assessments[0].id())
        );
    }

    fn round() -> Invitation {
        crate::model::invite::read(
            &Invitation::new(
                "Round 2027 — Northshire",
                "k3x9",
                "a@b.org",
                "2027-03-31",
                true,
            )
            .unwrap()
            .fragment(),
        )
        .unwrap()
    }

    fn joined() -> Book {
        let mut book = Book::default();
        book.apply(Action::Join {
            id: "j".into(),
            name: "For the round".into(),
            now: NOW.into(),
            invitation: Box::new(round()),
        })
        .unwrap();
        book
    }

    #[test]
    fn an_assessment_started_from_an_invitation_is_tagged_and_kept_with_its_round() {
        let mut book = joined();
        assert_eq!(book.current.as_deref(), Some("j"));
        assert_eq!(book.get("j").unwrap().invitation(), Some(round()));
        book.apply(answer("j", Field::Q1, "no")).unwrap();
        let stored = serde_json::to_string(&book).unwrap();
        let back = Book::from_stored(BOOK_SCHEMA, &stored).unwrap();
        assert_eq!(back, book, "saved and read back with its round");
        // An old book (no invitation anywhere) still reads, untagged.
        let old = fixture_data().to_string();
        let read = Book::from_stored(1, &old).unwrap();
        assert!(read.assessments.iter().all(|a| a.invitation.is_none()));
        // A second join under a taken id changes nothing.
        let before = book.clone();
        let again = book.apply(Action::Join {
            id: "j".into(),
            name: "x".into(),
            now: NOW.into(),
            invitation: Box::new(round()),
        });
        assert_eq!(again, Err(BookError::DuplicateId));
        assert_eq!(book, before);
        // The questionnaire build never shows an invitation, so its reducer refuses to join.
        let refused = Book::default().answer(Action::Join {
            id: "q".into(),
            name: "x".into(),
            now: NOW.into(),
            invitation: Box::new(round()),
        });
        assert_eq!(refused, Err(BookError::Unsupported));
    }

    #[test]
    fn the_salvage_path_keeps_the_round_and_an_unreadable_round_does_not_lose_the_answers() {
        let mut book = joined();
        book.apply(answer("j", Field::Q1, "no")).unwrap();
        let mut data: serde_json::Value = serde_json::to_value(&book).unwrap();
        // One bad answer: the assessment is kept with its round, the answer set aside.
        data["assessments"][0]["response"]["answers"]["q4"] = "99".into();
        let read = Book::read_stored(BOOK_SCHEMA, &data.to_string(), counter()).unwrap();
        let kept = read.book.get("j").unwrap();
        assert_eq!(kept.invitation(), Some(round()));
        assert_eq!(read.set_aside[0].answers, ["q4"]);
        // An invitation no version wrote: the answers are kept, and the invitation as it was stored
        // (this version reads no round from it).
        data["assessments"][0]["invitation"] = serde_json::json!({"group": 5});
        let read = Book::read_stored(BOOK_SCHEMA, &data.to_string(), counter()).unwrap();
        let kept = read.book.get("j").unwrap();
        assert_eq!(kept.invitation(), None);
        assert_eq!(
            serde_json::to_value(&kept.invitation).unwrap(),
            serde_json::json!({"group": 5})
        );
        assert!(kept.response.answers().is_stored(Field::Q1));
        assert!(read.set_aside[0].stored.contains("\"group\":5"));
        // Restoring an assessment set aside whole brings its round back too.
        let mut whole = serde_json::to_value(&book).unwrap()["assessments"][0].clone();
        whole["name"] = serde_json::Value::Null;
        let mut empty = Book::default();
        let left = empty.restore(
            vec![SetAside {
                name: None,
                answers: Vec::new(),
                plan: false,
                detail: "x".into(),
                stored: whole.to_string(),
            }],
            NOW,
            counter(),
        );
        assert!(left.is_empty());
        assert_eq!(empty.assessments[0].invitation(), Some(round()));
    }

    #[test]
    fn defect_02_an_unreadable_assessment_is_set_aside_whole_and_can_be_restored() {
        let mut data = fixture_data();
        let original = data["assessments"][1].clone();
        data["assessments"][1]["name"] = serde_json::Value::Null;
        data["assessments"][1]["created_at"] = 7.into();
        let read = Book::read_stored(1, &data.to_string(), counter()).unwrap();
        assert_eq!(read.book.assessments.len(), 1, "the readable one is kept");
        assert_eq!(read.set_aside.len(), 1);
        assert!(read.set_aside[0].is_whole());
        assert!(set_aside_summary(&read.set_aside).contains("could not be read at all"));

        let mut book = read.book;
        let left = book.restore(read.set_aside, NOW, counter());
        assert!(left.is_empty());
        let restored = book.assessments.last().unwrap();
        assert_eq!(restored.name, "Restored assessment");
        assert_eq!(restored.created_at, NOW);
        assert_eq!(restored.id(), original["response"]["id"].as_str().unwrap());
        assert!(restored.response.is_complete(), "every answer came back");
        assert_eq!(
            restored.completed_at.as_deref(),
            original["completed_at"].as_str()
        );

        // Something that is not an assessment at all stays set aside.
        let junk = SetAside {
            name: None,
            answers: Vec::new(),
            plan: false,
            detail: "x".into(),
            stored: "[1, 2]".into(),
        };
        assert_eq!(book.restore(vec![junk.clone()], NOW, counter()), vec![junk]);
    }

    #[test]
    fn defect_02_a_newer_book_is_refused_untouched_and_a_non_book_is_unreadable() {
        assert_eq!(
            Book::read_stored(BOOK_SCHEMA + 1, "{}", counter()),
            Err(StoredBookError::Newer(BOOK_SCHEMA + 1))
        );
        assert!(matches!(
            Book::read_stored(1, r#"{"assessments": "nope"}"#, counter()),
            Err(StoredBookError::Unreadable(_))
        ));
        let clean = Book::read_stored(1, &fixture_data().to_string(), counter()).unwrap();
        assert!(!clean.changed());
        assert_eq!(
            clean.book,
            Book::from_stored(1, &fixture_data().to_string()).unwrap()
        );
    }

    #[test]
    fn defect_08_duplicate_ids_in_storage_get_a_new_id_on_load() {
        let mut data = fixture_data();
        let first = data["assessments"][0]["response"]["id"].clone();
        data["assessments"][1]["response"]["id"] = first.clone();
        let read = Book::read_stored(1, &data.to_string(), counter()).unwrap();
        let ids: Vec<&str> = read.book.assessments.iter().map(|a| a.id()).collect();
        assert_eq!(ids, [first.as_str().unwrap(), "new-1"]);
        assert_eq!(read.new_ids, ["Before the restructure"]);
        assert!(read.changed());
        // Both open: each id finds its own assessment.
        assert_eq!(
            read.book.get("new-1").unwrap().name,
            "Before the restructure"
        );
        assert_eq!(
            read.book.get(first.as_str().unwrap()).unwrap().name,
            "Team away day"
        );
    }

    #[test]
    fn defect_09_names_are_limited_and_file_names_short_and_distinct() {
        let mut book = book_with("a");
        let long = "x".repeat(MAX_NAME_CHARS + 1);
        let rename = |name: &str| Action::Rename {
            id: "a".into(),
            name: name.into(),
            now: LATER.into(),
        };
        assert_eq!(book.apply(rename(&long)), Err(BookError::NameTooLong));
        assert_eq!(
            BookError::NameTooLong.to_string(),
            "A name can be at most 120 characters long."
        );
        book.apply(rename(&"é".repeat(MAX_NAME_CHARS))).unwrap();

        let name = "Partnership review of the northern services and their many partners";
        let one = export_file_stem(name, "a-1");
        let two = export_file_stem(name, "a-2");
        assert_ne!(one, two, "two assessments never share a file name");
        assert_eq!(
            export_file_stem(name, "a-1"),
            one,
            "one assessment keeps its name"
        );
        assert!(one.starts_with("collaboration-readiness-partnership-review-of-the-northern-"));
        assert!(
            one.len() <= "collaboration-readiness-".len() + 40 + 7,
            "{one}"
        );
        let same_day = [
            export_file_stem("Assessment of 1 December 2026", "a-1"),
            export_file_stem("Assessment of 1 December 2026 (2)", "a-2"),
        ];
        assert_ne!(same_day[0], same_day[1]);
        assert!(export_file_stem("¿?", "a").starts_with("collaboration-readiness-"));
        assert_eq!(export_file_stem(&"y".repeat(90), "a").len(), 24 + 40 + 7);
    }

    #[test]
    fn defect_27_default_names_of_one_day_are_distinct() {
        let mut book = Book::default();
        for id in ["a", "b", "c"] {
            let name = book.new_name("1 December 2026");
            book.apply(Action::Create {
                id: id.into(),
                name,
                now: NOW.into(),
            })
            .unwrap();
        }
        let names: Vec<&str> = book.assessments.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Assessment of 1 December 2026",
                "Assessment of 1 December 2026 (2)",
                "Assessment of 1 December 2026 (3)"
            ]
        );
    }

    #[test]
    fn defect_24_exports_carry_completion_and_imports_keep_name_and_dates() {
        let data = fixture_data();
        let stored = Book::from_stored(1, &data.to_string()).unwrap();
        let done = &stored.assessments[1];
        let exported = done.exported_response();
        assert_eq!(
            exported.submitted_at, done.completed_at,
            "CSV and JSON say when"
        );
        let unfinished = stored.assessments[0].exported_response();
        assert_eq!(unfinished.submitted_at, None);

        let mut book = Book::default();
        book.apply(Action::Import {
            response: exported.clone(),
            name: "Imported: file".into(),
            info: Some(Box::new(done.info())),
            now: NOW.into(),
        })
        .unwrap();
        let imported = book.get(done.id()).unwrap();
        assert_eq!(imported.name, done.name);
        assert_eq!(
            imported.created_at, done.created_at,
            "Started is not the import time"
        );
        assert_eq!(imported.completed_at, done.completed_at);

        // A file without details (an earlier export) starts when it was submitted.
        let mut book = Book::default();
        book.apply(Action::Import {
            response: exported,
            name: "Imported: file".into(),
            info: None,
            now: NOW.into(),
        })
        .unwrap();
        let imported = book.get(done.id()).unwrap();
        assert_eq!(imported.name, "Imported: file");
        assert_eq!(imported.created_at, done.completed_at.clone().unwrap());
        // An over-long name in a file is cut, not refused.
        let mut book = Book::default();
        book.apply(Action::Import {
            response: Response::new("z"),
            name: "n".repeat(300),
            info: None,
            now: NOW.into(),
        })
        .unwrap();
        assert_eq!(book.get("z").unwrap().name.chars().count(), MAX_NAME_CHARS);
    }

    /// The frozen v2 fixture's data (shape 2: the second assessment has an action plan).
    fn fixture_v2() -> (u32, serde_json::Value) {
        let v2 = include_str!("../../tests/fixtures/storage/book-v2.json");
        let envelope: serde_json::Value = serde_json::from_str(v2).unwrap();
        (
            envelope["schema"].as_u64().unwrap() as u32,
            envelope["data"].clone(),
        )
    }

    fn plan_edit(id: &str, edit: PlanEdit) -> Action {
        Action::Plan {
            id: id.into(),
            edit,
            now: LATER.into(),
        }
    }

    #[test]
    fn a_shape_2_book_with_a_plan_loads_and_a_shape_1_book_has_none() {
        use crate::model::actions::{Status, Topic};
        let (schema, data) = fixture_v2();
        assert_eq!(schema, 2);
        let book = Book::from_stored(schema, &data.to_string()).unwrap();
        let plan = &book.assessments[1].plan();
        assert_eq!(
            plan.topics,
            [
                Topic::from_id("area:leadership").unwrap(),
                Topic::from_id("factor:places").unwrap()
            ]
        );
        let statuses: Vec<Status> = plan.actions.iter().map(|a| a.status).collect();
        assert_eq!(statuses, [Status::Started, Status::Planned, Status::Done]);
        assert_eq!(plan.actions[0].by.as_deref(), Some("2027-01-31"));
        assert!(book.assessments[0].plan.is_none());
        // Written back, it is the fixture again: nothing is lost or added on the way.
        assert_eq!(serde_json::to_value(&book).unwrap(), data);
        // The same book as shape 1 (what every earlier version wrote) loads without plans, and is
        // written back as it was: an empty plan is not written.
        let v1 = Book::from_stored(1, &fixture_data().to_string()).unwrap();
        assert!(v1.assessments.iter().all(|a| a.plan.is_none()));
        assert_eq!(serde_json::to_value(&v1).unwrap(), fixture_data());
        let read = Book::read_stored(1, &fixture_data().to_string(), counter()).unwrap();
        assert!(!read.changed());
        let read = Book::read_stored(2, &data.to_string(), counter()).unwrap();
        assert!(!read.changed());
        assert_eq!(read.book, book);
        // A book of a newer shape than this version writes is refused, by both readers.
        assert_eq!(
            Book::from_stored(3, &data.to_string()),
            Err(StoredBookError::Newer(3))
        );
        assert_eq!(
            Book::read_stored(3, &data.to_string(), counter()),
            Err(StoredBookError::Newer(3))
        );
    }

    #[test]
    fn the_plan_changes_through_the_reducer_and_two_tabs_keep_each_others_actions() {
        use crate::model::actions::{Draft, PlanError, Status, Topic};
        let places = Topic::from_id("factor:places").unwrap();
        let draft = |what: &str| Draft {
            topic: Some(places),
            what: what.into(),
            ..Draft::default()
        };
        let mut stored = book_with("a");
        // Tab A adds one action, tab B another, each to the book as stored at that moment.
        stored
            .apply(plan_edit(
                "a",
                PlanEdit::Add {
                    id: "p1".into(),
                    draft: draft("From tab A"),
                },
            ))
            .unwrap();
        stored
            .apply(plan_edit(
                "a",
                PlanEdit::Add {
                    id: "p2".into(),
                    draft: draft("From tab B"),
                },
            ))
            .unwrap();
        let a = stored.get("a").unwrap();
        assert_eq!(a.plan().actions.len(), 2);
        assert_eq!(a.updated_at, LATER);
        // Tab A removed p1; tab B, not knowing, sets its status: refused, nothing changes.
        stored
            .apply(plan_edit("a", PlanEdit::Remove { id: "p1".into() }))
            .unwrap();
        let before = stored.clone();
        assert_eq!(
            stored.apply(plan_edit(
                "a",
                PlanEdit::SetStatus {
                    id: "p1".into(),
                    status: Status::Done
                }
            )),
            Err(BookError::Plan(PlanError::NoSuchAction.to_string()))
        );
        assert_eq!(stored, before);
        assert_eq!(
            stored.apply(plan_edit("gone", PlanEdit::Remove { id: "p2".into() })),
            Err(BookError::NoSuchAssessment)
        );
        // An invalid action is refused with the editor's words.
        let refused = stored.apply(plan_edit(
            "a",
            PlanEdit::Add {
                id: "p3".into(),
                draft: draft(" "),
            },
        ));
        assert_eq!(refused.unwrap_err().to_string(), "Say what will be done.");
        // The questionnaire build leaves plans to the whole app.
        assert_eq!(
            stored.answer(plan_edit("a", PlanEdit::Remove { id: "p2".into() })),
            Err(BookError::Unsupported)
        );
        assert_eq!(stored, before);
    }

    #[test]
    fn a_damaged_plan_is_set_aside_and_the_rest_of_the_assessment_kept() {
        let (schema, mut data) = fixture_v2();
        // One action no version ever wrote (an unknown status), one topic that is not one.
        data["assessments"][1]["plan"]["actions"][1]["status"] = "finished".into();
        data["assessments"][1]["plan"]["topics"][1] = 42.into();
        // The questionnaire build's strict reader keeps the plan exactly as stored, unread.
        let strict = Book::from_stored(schema, &data.to_string()).unwrap();
        assert_eq!(
            serde_json::to_value(&strict.assessments[1].plan).unwrap(),
            data["assessments"][1]["plan"]
        );
        assert!(strict.assessments[1].plan().is_empty());
        let read = Book::read_stored(schema, &data.to_string(), counter()).unwrap();
        assert_eq!(read.book.assessments.len(), 2);
        let kept = &read.book.assessments[1];
        assert!(kept.response.is_complete(), "every answer is kept");
        let kept_plan = kept.plan();
        let ids: Vec<&str> = kept_plan.actions.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["p-1", "p-3"], "every action that reads is kept");
        assert_eq!(read.set_aside.len(), 1);
        let aside = &read.set_aside[0];
        assert!(aside.plan && aside.answers.is_empty() && !aside.is_whole());
        assert!(
            aside.stored.contains("\"finished\""),
            "kept exactly as stored"
        );
        assert!(read.changed());
        assert_eq!(
            set_aside_summary(&read.set_aside),
            "in \u{201c}Before the restructure\u{201d}, part of the action plan could not be read; \
             the rest of it is here"
        );
        // A bad answer and a bad plan in one assessment: both are named.
        data["assessments"][1]["response"]["answers"]["q4"] = "99".into();
        let read = Book::read_stored(schema, &data.to_string(), counter()).unwrap();
        assert!(set_aside_summary(&read.set_aside)
            .contains(" and part of the action plan could not be read"));
        assert_eq!(read.book.assessments[1].plan().actions.len(), 2);
        // A plan that is not a plan at all: the answers are kept, the plan set aside.
        let (_, mut data) = fixture_v2();
        data["assessments"][1]["plan"] = "lost".into();
        let read = Book::read_stored(schema, &data.to_string(), counter()).unwrap();
        assert!(read.book.assessments[1].plan.is_none());
        assert!(read.book.assessments[1].response.is_complete());
        assert!(read.set_aside[0].plan);
    }

    #[test]
    fn the_json_export_carries_the_plan_and_an_earlier_file_without_one_still_imports() {
        use crate::engine::json_format::{import_json, read_document};
        let (schema, data) = fixture_v2();
        let book = Book::from_stored(schema, &data.to_string()).unwrap();
        let with_plan = &book.assessments[1];
        let text = with_plan.export_json();
        let doc = read_document(&text).unwrap();
        assert!(text.contains("\"schema_version\": 4"), "{text}");
        assert_eq!(doc.responses, vec![with_plan.exported_response()]);
        let carried = Plan::from_json(doc.plan.unwrap().0.get()).unwrap();
        assert_eq!(carried, with_plan.plan());
        // Without a plan the file is what earlier versions wrote (version 3, no plan).
        let text = book.assessments[0].export_json();
        assert!(text.contains("\"schema_version\": 3") && !text.contains("\"plan\""));
        // Imported elsewhere, the answers and then the plan come back.
        let import = import_json(&with_plan.export_json()).unwrap();
        let mut elsewhere = Book::default();
        elsewhere
            .apply(Action::Import {
                response: import.responses[0].clone(),
                name: "x".into(),
                info: import.assessment.map(Box::new),
                now: NOW.into(),
            })
            .unwrap();
        let plan = Plan::from_json(import.plan.unwrap().0.get()).unwrap();
        elsewhere
            .apply(plan_edit(with_plan.id(), PlanEdit::Merge(plan)))
            .unwrap();
        assert_eq!(elsewhere.assessments[0].plan(), with_plan.plan());
        assert_eq!(elsewhere.assessments[0].name, "Before the restructure");
    }

    #[test]
    fn an_assessment_restored_whole_keeps_its_plan() {
        let (schema, mut data) = fixture_v2();
        data["assessments"][1]["created_at"] = 7.into();
        data["assessments"][1]["name"] = serde_json::Value::Null;
        let read = Book::read_stored(schema, &data.to_string(), counter()).unwrap();
        assert!(read.set_aside[0].is_whole());
        let mut book = read.book;
        assert!(book.restore(read.set_aside, NOW, counter()).is_empty());
        assert_eq!(book.assessments.last().unwrap().plan().actions.len(), 3);
    }

    #[test]
    fn the_questionnaire_reducer_answers_as_apply_does_and_refuses_the_rest() {
        let mut by_apply = Book::default();
        let mut by_answer = Book::default();
        let actions = [
            Action::Create {
                id: "a".into(),
                name: "Mine".into(),
                now: NOW.into(),
            },
            answer("a", Field::Q1, "yes"),
            Action::Visit {
                id: "a".into(),
                page: "involvement".into(),
            },
            Action::Open { id: "a".into() },
        ];
        for action in actions {
            assert_eq!(by_apply.apply(action.clone()), by_answer.answer(action));
        }
        assert_eq!(by_apply, by_answer);
        for action in [
            Action::Rename {
                id: "a".into(),
                name: "New".into(),
                now: LATER.into(),
            },
            Action::Delete { id: "a".into() },
            Action::DeleteAll,
        ] {
            assert_eq!(by_answer.answer(action), Err(BookError::Unsupported));
        }
        assert_eq!(by_apply, by_answer, "nothing changed");
    }
}
