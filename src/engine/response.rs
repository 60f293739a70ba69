//! One person's response: typed answers, the q1 branch, validation against the instrument and
//! completion state for a progress indicator.
//!
//! This module owns how answers are stored and changed. Answers change only through the named actions
//! of [`AnswerAction`] (or the methods that wrap them), which check codes against the instrument and
//! refuse answers to questions the branch hides. Reading goes through typed getters that already apply
//! the branch, so the scorer and aggregator cannot count a hidden answer by accident.
//!
//! It must never score, aggregate or know about file formats, and never spell a code: codes come from
//! [`super::instrument`].
//!
//! Hidden answers (q2–q6 given before q1 was changed to `no`) are kept, as `instrument.md` §2 decides,
//! so that changing q1 back restores them; they are serialised for storage but not shown, exported
//! or scored.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::error::{AnswerError, CellError};
use super::instrument::{
    codes_list, option_index, option_index_lenient, AnswerOption, Area, Choice,
    CollaborationImportance, Engagement, Extent, Extent4, Factor, Field, FieldKind,
    InstrumentVersion, Measure, OrganisationCount, Question, Region, Role, Sector, ShowWhen,
    StaffLevel, Stakeholder, Success, View, YesNo, INSTRUMENT,
};

/// A set of options of one multiple-choice question, kept in display order without repeats.
///
/// Stored as a bit set: every multiple-choice question has fewer than 32 options.
pub struct Choices<T: Choice> {
    bits: u32,
    _choice: PhantomData<T>,
}

impl<T: Choice> Choices<T> {
    /// No option chosen.
    pub fn new() -> Self {
        Choices {
            bits: 0,
            _choice: PhantomData,
        }
    }

    fn from_bits(bits: u32) -> Self {
        Choices {
            bits,
            _choice: PhantomData,
        }
    }

    /// True if the option is chosen.
    pub fn contains(&self, choice: T) -> bool {
        self.bits & (1 << choice.index()) != 0
    }

    /// Chooses an option.
    pub fn insert(&mut self, choice: T) {
        self.bits |= 1 << choice.index();
    }

    /// Un-chooses an option.
    pub fn remove(&mut self, choice: T) {
        self.bits &= !(1 << choice.index());
    }

    /// True when nothing is chosen (the question counts as unanswered).
    pub fn is_empty(&self) -> bool {
        self.bits == 0
    }

    /// Number of options chosen.
    pub fn len(&self) -> usize {
        self.bits.count_ones() as usize
    }

    /// The chosen options in display order.
    pub fn iter(&self) -> impl Iterator<Item = T> + '_ {
        T::ALL.iter().copied().filter(|c| self.contains(*c))
    }
}

impl<T: Choice> Default for Choices<T> {
    fn default() -> Self {
        Choices::new()
    }
}

impl<T: Choice> Clone for Choices<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Choice> Copy for Choices<T> {}

impl<T: Choice> PartialEq for Choices<T> {
    fn eq(&self, other: &Self) -> bool {
        self.bits == other.bits
    }
}

impl<T: Choice> Eq for Choices<T> {}

impl<T: Choice> fmt::Debug for Choices<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set()
            .entries(self.iter().map(|c| c.code()))
            .finish()
    }
}

impl<T: Choice> FromIterator<T> for Choices<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        let mut out = Choices::new();
        for c in iter {
            out.insert(c);
        }
        out
    }
}

/// The typed answers of one response. Read them through the getters (which apply the q1 branch);
/// change them through [`Response`]'s actions.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Answers {
    q1: Option<YesNo>,
    q2: Option<String>,
    q3: Choices<Stakeholder>,
    q3_other: Option<String>,
    q4: Option<OrganisationCount>,
    q5: Option<StaffLevel>,
    q6: Option<Success>,
    q7: Option<CollaborationImportance>,
    q8: Option<String>,
    q9: Option<View>,
    q10: Option<Engagement>,
    q11: Option<Extent4>,
    q12: Option<Extent4>,
    importance: [Option<Extent>; 8],
    prevalence: [Option<Extent>; 8],
    q15: Option<Role>,
    q16: Option<Sector>,
    q17: Choices<Area>,
    q18: Choices<Region>,
}

fn pick<T: Choice>(index: Option<usize>) -> Option<T> {
    index.map(|i| T::ALL[i])
}

impl Answers {
    /// q1. Always shown.
    pub fn q1(&self) -> Option<YesNo> {
        self.q1
    }

    /// True unless q1 = `no`: q2–q6 are shown (and counted) only then.
    pub fn example_shown(&self) -> bool {
        self.q1 != Some(YesNo::No)
    }

    fn when_shown<T>(&self, value: T) -> Option<T> {
        self.example_shown().then_some(value)
    }

    /// q2, if shown and answered.
    pub fn q2(&self) -> Option<&str> {
        self.when_shown(self.q2.as_deref()).flatten()
    }

    /// q3, empty when hidden.
    pub fn q3(&self) -> Choices<Stakeholder> {
        self.when_shown(self.q3).unwrap_or_default()
    }

    /// q3's "Other" text, if shown and answered.
    pub fn q3_other(&self) -> Option<&str> {
        self.when_shown(self.q3_other.as_deref()).flatten()
    }

    /// q4, if shown and answered.
    pub fn q4(&self) -> Option<OrganisationCount> {
        self.when_shown(self.q4).flatten()
    }

    /// q5, if shown and answered.
    pub fn q5(&self) -> Option<StaffLevel> {
        self.when_shown(self.q5).flatten()
    }

    /// q6, if shown and answered.
    pub fn q6(&self) -> Option<Success> {
        self.when_shown(self.q6).flatten()
    }

    /// q7.
    pub fn q7(&self) -> Option<CollaborationImportance> {
        self.q7
    }

    /// q8.
    pub fn q8(&self) -> Option<&str> {
        self.q8.as_deref()
    }

    /// q9.
    pub fn q9(&self) -> Option<View> {
        self.q9
    }

    /// q10.
    pub fn q10(&self) -> Option<Engagement> {
        self.q10
    }

    /// q11.
    pub fn q11(&self) -> Option<Extent4> {
        self.q11
    }

    /// q12.
    pub fn q12(&self) -> Option<Extent4> {
        self.q12
    }

    /// q13 (importance) for one factor.
    pub fn importance(&self, factor: Factor) -> Option<Extent> {
        self.importance[factor.index()]
    }

    /// q14 (prevalence) for one factor.
    pub fn prevalence(&self, factor: Factor) -> Option<Extent> {
        self.prevalence[factor.index()]
    }

    /// q13 or q14 for one factor.
    pub fn rating(&self, measure: Measure, factor: Factor) -> Option<Extent> {
        match measure {
            Measure::Importance => self.importance(factor),
            Measure::Prevalence => self.prevalence(factor),
        }
    }

    /// q15.
    pub fn q15(&self) -> Option<Role> {
        self.q15
    }

    /// q16.
    pub fn q16(&self) -> Option<Sector> {
        self.q16
    }

    /// q17.
    pub fn q17(&self) -> Choices<Area> {
        self.q17
    }

    /// q18.
    pub fn q18(&self) -> Choices<Region> {
        self.q18
    }

    /// True when the field is shown given q1.
    pub fn is_shown(&self, field: Field) -> bool {
        match field.shown_when() {
            ShowWhen::Always => true,
            ShowWhen::UnlessNoExample => self.example_shown(),
        }
    }

    /// True when the field holds an answer (shown or not). Empty text and an empty set of choices are
    /// no answer; "not applicable" is one.
    pub fn is_stored(&self, field: Field) -> bool {
        match field.kind() {
            FieldKind::Text { .. } => self.text(field).is_some(),
            FieldKind::Multiple(_) => self.bits(field) != 0,
            FieldKind::Single(_) | FieldKind::Scale(_) => self.choice_index(field).is_some(),
        }
    }

    /// True when the field is shown and answered.
    pub fn is_answered(&self, field: Field) -> bool {
        self.is_shown(field) && self.is_stored(field)
    }

    /// The stored answer of a field, shown or not (for storage and editing; use the typed getters
    /// for anything that counts).
    pub fn stored(&self, field: Field) -> Option<AnswerRef<'_>> {
        match field.kind() {
            FieldKind::Text { .. } => self.text(field).map(AnswerRef::Text),
            FieldKind::Multiple(options) => {
                let bits = self.bits(field);
                (bits != 0).then(|| {
                    AnswerRef::Choices(
                        options
                            .iter()
                            .enumerate()
                            .filter(|(i, _)| bits & (1 << i) != 0)
                            .map(|(_, o)| *o)
                            .collect(),
                    )
                })
            }
            FieldKind::Single(options) => self
                .choice_index(field)
                .map(|i| AnswerRef::Choice(options[i])),
            FieldKind::Scale(scale) => self
                .choice_index(field)
                .map(|i| AnswerRef::Choice(scale.options()[i])),
        }
    }

    /// The answer of a field if it is shown and answered.
    pub fn get(&self, field: Field) -> Option<AnswerRef<'_>> {
        if self.is_shown(field) {
            self.stored(field)
        } else {
            None
        }
    }

    fn choice_index(&self, field: Field) -> Option<usize> {
        match field {
            Field::Q1 => self.q1.map(Choice::index),
            Field::Q4 => self.q4.map(Choice::index),
            Field::Q5 => self.q5.map(Choice::index),
            Field::Q6 => self.q6.map(Choice::index),
            Field::Q7 => self.q7.map(Choice::index),
            Field::Q9 => self.q9.map(Choice::index),
            Field::Q10 => self.q10.map(Choice::index),
            Field::Q11 => self.q11.map(Choice::index),
            Field::Q12 => self.q12.map(Choice::index),
            Field::Score(m, f) => self.rating(m, f).map(Choice::index),
            Field::Q15 => self.q15.map(Choice::index),
            Field::Q16 => self.q16.map(Choice::index),
            Field::Q2 | Field::Q3 | Field::Q3Other | Field::Q8 | Field::Q17 | Field::Q18 => None,
        }
    }

    /// Sets a single-choice or rating field by option index. Callers dispatch on
    /// [`Field::kind`] first, so other fields never arrive here.
    fn set_choice_index(&mut self, field: Field, index: Option<usize>) {
        match field {
            Field::Q1 => self.q1 = pick(index),
            Field::Q4 => self.q4 = pick(index),
            Field::Q5 => self.q5 = pick(index),
            Field::Q6 => self.q6 = pick(index),
            Field::Q7 => self.q7 = pick(index),
            Field::Q9 => self.q9 = pick(index),
            Field::Q10 => self.q10 = pick(index),
            Field::Q11 => self.q11 = pick(index),
            Field::Q12 => self.q12 = pick(index),
            Field::Score(Measure::Importance, f) => self.importance[f.index()] = pick(index),
            Field::Score(Measure::Prevalence, f) => self.prevalence[f.index()] = pick(index),
            Field::Q15 => self.q15 = pick(index),
            Field::Q16 => self.q16 = pick(index),
            Field::Q2 | Field::Q3 | Field::Q3Other | Field::Q8 | Field::Q17 | Field::Q18 => {
                unreachable!("{field} is not a single-choice field; callers match on Field::kind")
            }
        }
    }

    fn bits(&self, field: Field) -> u32 {
        match field {
            Field::Q3 => self.q3.bits,
            Field::Q17 => self.q17.bits,
            Field::Q18 => self.q18.bits,
            _ => 0,
        }
    }

    /// Sets a multiple-choice field. Callers dispatch on [`Field::kind`] first.
    fn set_bits(&mut self, field: Field, bits: u32) {
        match field {
            Field::Q3 => self.q3 = Choices::from_bits(bits),
            Field::Q17 => self.q17 = Choices::from_bits(bits),
            Field::Q18 => self.q18 = Choices::from_bits(bits),
            _ => {
                unreachable!("{field} is not a multiple-choice field; callers match on Field::kind")
            }
        }
    }

    /// The stored text of a free-text field, shown or not (for the import checks, which judge
    /// every stored text).
    pub fn stored_text(&self, field: Field) -> Option<&str> {
        self.text(field)
    }

    fn text(&self, field: Field) -> Option<&str> {
        match field {
            Field::Q2 => self.q2.as_deref(),
            Field::Q3Other => self.q3_other.as_deref(),
            Field::Q8 => self.q8.as_deref(),
            _ => None,
        }
    }

    /// Sets a free-text field; empty text is no answer. Callers dispatch on [`Field::kind`] first.
    fn set_text(&mut self, field: Field, text: Option<String>) {
        let text = text.filter(|t| !t.is_empty());
        match field {
            Field::Q2 => self.q2 = text,
            Field::Q3Other => self.q3_other = text,
            Field::Q8 => self.q8 = text,
            _ => unreachable!("{field} is not a free-text field; callers match on Field::kind"),
        }
    }

    fn clear(&mut self, field: Field) {
        match field.kind() {
            FieldKind::Text { .. } => self.set_text(field, None),
            FieldKind::Multiple(_) => self.set_bits(field, 0),
            FieldKind::Single(_) | FieldKind::Scale(_) => self.set_choice_index(field, None),
        }
    }

    /// Reads a cell as written in a responses CSV (or a legacy JSON value): codes or labels, `;`
    /// between several choices, free text as it is. An empty cell clears the field. Does not apply the
    /// branch: the importer judges the whole row. Over-long text is kept: the length is judged by
    /// [`intake::check`](super::intake::check), as on every route in.
    pub(crate) fn set_from_cell(&mut self, field: Field, cell: &str) -> Result<(), CellError> {
        match field.kind() {
            FieldKind::Text { .. } => {
                self.set_text(field, Some(cell.to_string()));
            }
            FieldKind::Multiple(options) => {
                let mut bits = 0u32;
                for item in cell.split(';').map(str::trim).filter(|i| !i.is_empty()) {
                    let i = option_index_lenient(options, item).ok_or_else(|| {
                        CellError::NotAnOption {
                            value: item.to_string(),
                            question: field.question().id(),
                        }
                    })?;
                    bits |= 1 << i;
                }
                self.set_bits(field, bits);
            }
            FieldKind::Single(options) => {
                let value = cell.trim();
                let index = if value.is_empty() {
                    None
                } else {
                    Some(option_index_lenient(options, value).ok_or_else(|| {
                        CellError::NotAnOption {
                            value: value.to_string(),
                            question: field.question().id(),
                        }
                    })?)
                };
                self.set_choice_index(field, index);
            }
            FieldKind::Scale(scale) => {
                let value = cell.trim();
                let index = if value.is_empty() {
                    None
                } else {
                    Some(option_index_lenient(scale.options(), value).ok_or_else(|| {
                        CellError::NotOnScale {
                            value: value.to_string(),
                            field,
                            scale,
                        }
                    })?)
                };
                self.set_choice_index(field, index);
            }
        }
        Ok(())
    }

    /// The field as a CSV cell: the code, codes joined by `;`, or the text; empty when unanswered.
    /// Stored values are written whether shown or not; the exporter decides what to leave out.
    pub(crate) fn cell(&self, field: Field) -> Cow<'_, str> {
        match self.stored(field) {
            None => Cow::Borrowed(""),
            Some(AnswerRef::Text(t)) => Cow::Borrowed(t),
            Some(AnswerRef::Choice(o)) => Cow::Borrowed(o.code),
            Some(AnswerRef::Choices(os)) => {
                Cow::Owned(os.iter().map(|o| o.code).collect::<Vec<_>>().join(";"))
            }
        }
    }
}

/// A stored answer, as the UI shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AnswerRef<'a> {
    /// One option (single choice or rating).
    Choice(AnswerOption),
    /// Several options in display order.
    Choices(Vec<AnswerOption>),
    /// Free text.
    Text(&'a str),
}

impl Serialize for Answers {
    /// A map from column name to code, list of codes or text, for answered fields only (hidden ones
    /// included: this is the storage form).
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let answered = Field::ALL.iter().filter(|f| self.is_stored(**f)).count();
        let mut map = s.serialize_map(Some(answered))?;
        for field in Field::ALL {
            match self.stored(field) {
                None => {}
                Some(AnswerRef::Text(t)) => map.serialize_entry(field.column(), t)?,
                Some(AnswerRef::Choice(o)) => map.serialize_entry(field.column(), o.code)?,
                Some(AnswerRef::Choices(os)) => {
                    let codes: Vec<&str> = os.iter().map(|o| o.code).collect();
                    map.serialize_entry(field.column(), &codes)?
                }
            }
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Answers {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct AnswersVisitor;

        impl<'de> Visitor<'de> for AnswersVisitor {
            type Value = Answers;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a map from column name (q1, q13_places, …) to answer")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Answers, A::Error> {
                use serde::de::Error;
                let mut answers = Answers::default();
                while let Some(key) = map.next_key::<Cow<'de, str>>()? {
                    let field = Field::from_column(&key)
                        .ok_or_else(|| A::Error::custom(format!("unknown answer key `{key}`")))?;
                    // The field says what its value is: a list of codes, or one code or text.
                    let result = match field.kind() {
                        FieldKind::Multiple(_) => {
                            let codes: Option<Vec<String>> = map.next_value()?;
                            answers.set_stored_codes(field, codes)
                        }
                        _ => {
                            let value: Option<String> = map.next_value()?;
                            answers.set_stored_value(field, value)
                        }
                    };
                    result.map_err(A::Error::custom)?;
                }
                Ok(answers)
            }
        }

        d.deserialize_map(AnswersVisitor)
    }
}

impl Answers {
    /// Restores a multiple-choice field from its storage (JSON) form: a list of codes.
    fn set_stored_codes(&mut self, field: Field, codes: Option<Vec<String>>) -> Result<(), String> {
        let Some(codes) = codes else {
            self.clear(field);
            return Ok(());
        };
        let options = field.kind().options();
        let mut bits = 0;
        for code in &codes {
            bits |= 1 << option_index(options, code).ok_or_else(|| unknown_code(field, code))?;
        }
        self.set_bits(field, bits);
        Ok(())
    }

    /// Restores any other field from its storage (JSON) form: one code, or the text as it is.
    fn set_stored_value(&mut self, field: Field, value: Option<String>) -> Result<(), String> {
        match (field.kind(), value) {
            (_, None) => self.clear(field),
            (FieldKind::Text { .. }, Some(text)) => self.set_text(field, Some(text)),
            (kind, Some(code)) => {
                let i = option_index(kind.options(), &code)
                    .ok_or_else(|| unknown_code(field, &code))?;
                self.set_choice_index(field, Some(i));
            }
        }
        Ok(())
    }
}

/// The message for a stored code that is not one of the field's options. It names the question by
/// its code only: this reader is also the questionnaire build's, whose first load must not carry the
/// question-naming of import reports (a JSON document is refused whole with this message).
fn unknown_code(field: Field, code: &str) -> String {
    format!(
        "\u{201c}{code}\u{201d} is not an answer to {} (use one of: {})",
        field.column(),
        codes_list(field.kind().options())
    )
}

/// A named change to one answer: the only way answers change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AnswerAction {
    /// Choose the option with this code (single choice or rating).
    Choose {
        /// The field.
        field: Field,
        /// The option's code.
        code: String,
    },
    /// Tick or untick an option of a multiple-choice field.
    Toggle {
        /// The field.
        field: Field,
        /// The option's code.
        code: String,
    },
    /// Replace the options of a multiple-choice field.
    SetCodes {
        /// The field.
        field: Field,
        /// The options' codes.
        codes: Vec<String>,
    },
    /// Set free text (empty text clears it). Longer text than allowed is kept and reported by
    /// [`Response::validate`], so that nothing a person typed is lost.
    SetText {
        /// The field.
        field: Field,
        /// The text.
        text: String,
    },
    /// Remove the answer.
    Clear {
        /// The field.
        field: Field,
    },
}

/// One person's response.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Response {
    /// Unique id within a group (any non-empty text).
    pub id: String,
    /// When the response was submitted (ISO 8601 date or date-time), if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submitted_at: Option<String>,
    /// The instrument (and version) the answers were given to.
    #[serde(default)]
    pub instrument_version: InstrumentVersion,
    #[serde(default)]
    answers: Answers,
}

impl Response {
    /// An empty response to the current instrument.
    pub fn new(id: impl Into<String>) -> Response {
        Response {
            id: id.into(),
            submitted_at: None,
            instrument_version: InstrumentVersion::current(),
            answers: Answers::default(),
        }
    }

    /// The answers (typed getters apply the q1 branch).
    pub fn answers(&self) -> &Answers {
        &self.answers
    }

    /// Applies one action. On error nothing changes.
    pub fn apply(&mut self, action: AnswerAction) -> Result<(), AnswerError> {
        match action {
            AnswerAction::Choose { field, code } => self.choose(field, &code),
            AnswerAction::Toggle { field, code } => self.toggle(field, &code),
            AnswerAction::SetCodes { field, codes } => {
                let codes: Vec<&str> = codes.iter().map(String::as_str).collect();
                self.set_codes(field, &codes)
            }
            AnswerAction::SetText { field, text } => self.set_text(field, &text),
            AnswerAction::Clear { field } => {
                self.clear(field);
                Ok(())
            }
        }
    }

    fn check_shown(&self, field: Field) -> Result<(), AnswerError> {
        if self.answers.is_shown(field) {
            Ok(())
        } else {
            Err(AnswerError::HiddenByBranch { field })
        }
    }

    fn code_index(
        field: Field,
        options: &[AnswerOption],
        code: &str,
    ) -> Result<usize, AnswerError> {
        option_index(options, code).ok_or_else(|| AnswerError::UnknownCode {
            field,
            code: code.to_string(),
            expected: codes_list(options),
        })
    }

    /// Chooses the option with this code for a single-choice or rating field.
    pub fn choose(&mut self, field: Field, code: &str) -> Result<(), AnswerError> {
        match field.kind() {
            kind @ (FieldKind::Single(_) | FieldKind::Scale(_)) => {
                self.check_shown(field)?;
                let i = Self::code_index(field, kind.options(), code)?;
                self.answers.set_choice_index(field, Some(i));
                Ok(())
            }
            FieldKind::Multiple(_) => Err(AnswerError::WrongKind {
                field,
                takes: "takes several options (toggle or set the codes)",
            }),
            FieldKind::Text { .. } => Err(AnswerError::WrongKind {
                field,
                takes: "takes free text",
            }),
        }
    }

    /// Ticks the option if it is not ticked, unticks it otherwise (multiple-choice fields).
    pub fn toggle(&mut self, field: Field, code: &str) -> Result<(), AnswerError> {
        let options = match field.kind() {
            FieldKind::Multiple(options) => options,
            FieldKind::Text { .. } => {
                return Err(AnswerError::WrongKind {
                    field,
                    takes: "takes free text",
                })
            }
            FieldKind::Single(_) | FieldKind::Scale(_) => {
                return Err(AnswerError::WrongKind {
                    field,
                    takes: "takes one option (choose it)",
                })
            }
        };
        self.check_shown(field)?;
        let i = Self::code_index(field, options, code)?;
        let bits = self.answers.bits(field) ^ (1 << i);
        self.answers.set_bits(field, bits);
        Ok(())
    }

    /// Replaces the options of a multiple-choice field (an empty list clears it).
    pub fn set_codes(&mut self, field: Field, codes: &[&str]) -> Result<(), AnswerError> {
        let FieldKind::Multiple(options) = field.kind() else {
            return Err(AnswerError::WrongKind {
                field,
                takes: "does not take several options",
            });
        };
        self.check_shown(field)?;
        let mut bits = 0;
        for code in codes {
            bits |= 1 << Self::code_index(field, options, code)?;
        }
        self.answers.set_bits(field, bits);
        Ok(())
    }

    /// Sets free text (empty clears it).
    pub fn set_text(&mut self, field: Field, text: &str) -> Result<(), AnswerError> {
        let FieldKind::Text { .. } = field.kind() else {
            return Err(AnswerError::WrongKind {
                field,
                takes: "takes a choice, not free text",
            });
        };
        self.check_shown(field)?;
        self.answers.set_text(field, Some(text.to_string()));
        Ok(())
    }

    /// Removes an answer (allowed for hidden fields too, so a person can discard them).
    pub fn clear(&mut self, field: Field) {
        self.answers.clear(field);
    }

    /// Reads an imported CSV cell or a legacy JSON value into a field (see
    /// [`Answers::set_from_cell`]).
    pub(crate) fn read_cell(&mut self, field: Field, cell: &str) -> Result<(), CellError> {
        self.answers.set_from_cell(field, cell)
    }

    /// Empties the response for the next imported row, keeping its buffers: what
    /// `Response::new("")` would be.
    pub(crate) fn reset(&mut self) {
        self.id.clear();
        self.submitted_at = None;
        if !self.instrument_version.is_current() {
            self.instrument_version = InstrumentVersion::current();
        }
        self.answers = Answers::default();
    }

    /// Sets the submission time as read from a cell (already trimmed; empty is none), in `buffer`
    /// when one is given (the previous row's, so that reading a row allocates nothing).
    pub(crate) fn set_submitted_at(&mut self, at: &str, buffer: Option<String>) {
        self.submitted_at = (!at.is_empty()).then(|| {
            let mut buffer = buffer.unwrap_or_default();
            buffer.clear();
            buffer.push_str(at);
            buffer
        });
    }

    /// Sets a single-choice or rating field read from a cell by option index (the CSV importer's
    /// quick path; the branch is judged by the importer, as for [`Response::read_cell`]).
    #[inline(always)]
    pub(crate) fn set_read_index(&mut self, field: Field, index: Option<usize>) {
        // The sixteen ratings directly: they are half the cells of a row. (A match, not `pick`:
        // the size-optimised release build leaves that a call.)
        #[allow(clippy::manual_map)]
        let rating = |index: Option<usize>| match index {
            Some(i) => Some(Extent::ALL[i]),
            None => None,
        };
        match field {
            Field::Score(Measure::Importance, f) => {
                self.answers.importance[f.index()] = rating(index)
            }
            Field::Score(Measure::Prevalence, f) => {
                self.answers.prevalence[f.index()] = rating(index)
            }
            _ => self.answers.set_choice_index(field, index),
        }
    }

    /// Sets a multiple-choice field read from a cell by its options' bits.
    pub(crate) fn set_read_bits(&mut self, field: Field, bits: u32) {
        self.answers.set_bits(field, bits);
    }

    /// The fields shown given q1, in column order.
    pub fn visible_fields(&self) -> impl Iterator<Item = Field> + '_ {
        Field::ALL.into_iter().filter(|f| self.answers.is_shown(*f))
    }

    /// The questions shown given q1, in display order (q2–q6 drop out when q1 = `no`).
    pub fn visible_questions(&self) -> impl Iterator<Item = &'static Question> + '_ {
        INSTRUMENT
            .questions()
            .iter()
            .filter(|q| match q.shown_when {
                ShowWhen::Always => true,
                ShowWhen::UnlessNoExample => self.answers.example_shown(),
            })
    }

    /// A copy without answers the branch hides: what export and sharing carry.
    pub fn without_hidden_answers(&self) -> Response {
        let mut out = self.clone();
        for field in Field::ALL {
            if !out.answers.is_shown(field) {
                out.answers.clear(field);
            }
        }
        out
    }

    /// True when some hidden field still holds an answer.
    pub fn has_hidden_answers(&self) -> bool {
        Field::ALL
            .iter()
            .any(|f| !self.answers.is_shown(*f) && self.answers.is_stored(*f))
    }

    /// Everything that keeps the response from being complete and valid, plus hidden answers (which
    /// do not block results), in column order.
    pub fn validate(&self) -> Vec<ValidationIssue> {
        let mut issues = Vec::new();
        if self.id.trim().is_empty() {
            issues.push(ValidationIssue {
                field: None,
                kind: IssueKind::NoId,
            });
        }
        if !self.instrument_version.is_current() {
            issues.push(ValidationIssue {
                field: None,
                kind: IssueKind::OtherInstrument {
                    found: self.instrument_version.to_string(),
                },
            });
        }
        if let Some(at) = &self.submitted_at {
            if !is_iso8601_date_or_datetime(at) {
                issues.push(ValidationIssue {
                    field: None,
                    kind: IssueKind::BadSubmittedAt(at.clone()),
                });
            }
        }
        for field in Field::ALL {
            let shown = self.answers.is_shown(field);
            let stored = self.answers.is_stored(field);
            if !shown {
                if stored {
                    issues.push(ValidationIssue {
                        field: Some(field),
                        kind: IssueKind::HiddenByBranch,
                    });
                }
                continue;
            }
            if !stored && field.is_required() {
                issues.push(ValidationIssue {
                    field: Some(field),
                    kind: IssueKind::Missing,
                });
            }
            if let (FieldKind::Text { max_chars }, Some(text)) =
                (field.kind(), self.answers.text(field))
            {
                let len = text.chars().count();
                if len > max_chars {
                    issues.push(ValidationIssue {
                        field: Some(field),
                        kind: IssueKind::TooLong {
                            len,
                            max: max_chars,
                        },
                    });
                }
            }
        }
        issues
    }

    /// True when nothing blocks the results (hidden answers do not).
    pub fn is_complete(&self) -> bool {
        self.validate().iter().all(|i| !i.blocks_results())
    }

    /// Whether every required answer the person will see is given: the same as
    /// `completion().is_complete()`, stopping at the first one missing (the group report asks it of
    /// each of 100,000 responses whenever its filter changes).
    pub fn all_required_answered(&self) -> bool {
        let example = self.answers.example_shown();
        required_fields()
            .iter()
            .all(|&(f, needs_example)| (needs_example && !example) || self.answers.is_stored(f))
    }

    /// Progress over the required answers the person will see given q1.
    pub fn completion(&self) -> Completion {
        let mut c = Completion::default();
        for field in self.visible_fields().filter(|f| f.is_required()) {
            c.visible += 1;
            c.answered += usize::from(self.answers.is_stored(field));
        }
        for question in self.visible_questions().filter(|q| q.is_required()) {
            c.questions_visible += 1;
            let done = question
                .fields
                .iter()
                .filter(|f| f.is_required())
                .all(|f| self.answers.is_stored(*f));
            c.questions_answered += usize::from(done);
        }
        c
    }
}

/// The required fields, each with whether it is shown only when q1 is not `no`: worked out once, as
/// each field's rule is looked up in the instrument.
fn required_fields() -> &'static [(Field, bool)] {
    static FIELDS: std::sync::OnceLock<Vec<(Field, bool)>> = std::sync::OnceLock::new();
    FIELDS.get_or_init(|| {
        Field::ALL
            .into_iter()
            .filter(|f| f.is_required())
            .map(|f| (f, matches!(f.shown_when(), ShowWhen::UnlessNoExample)))
            .collect()
    })
}

/// Progress for a progress indicator, counting only what the person will see given q1.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Completion {
    /// Required answers given (each q13/q14 statement counts once).
    pub answered: usize,
    /// Required answers the person will see (30, or 26 when q1 = `no`).
    pub visible: usize,
    /// Required questions fully answered (q13 counts once, when all eight statements are rated).
    pub questions_answered: usize,
    /// Required questions the person will see (16, or 12 when q1 = `no`).
    pub questions_visible: usize,
}

impl Completion {
    /// Share of required answers given, 0–1 (1 when nothing is required).
    pub fn fraction(&self) -> f64 {
        if self.visible == 0 {
            1.0
        } else {
            self.answered as f64 / self.visible as f64
        }
    }

    /// True when every required answer the person sees is given.
    pub fn is_complete(&self) -> bool {
        self.answered == self.visible
    }
}

/// One finding of [`Response::validate`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ValidationIssue {
    /// The field concerned, or `None` for the response as a whole.
    pub field: Option<Field>,
    /// What is wrong.
    pub kind: IssueKind,
}

impl ValidationIssue {
    /// False only for hidden answers, which are kept but do not stop the results.
    pub fn blocks_results(&self) -> bool {
        !matches!(self.kind, IssueKind::HiddenByBranch)
    }
}

impl fmt::Display for ValidationIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.field {
            Some(field) => write!(f, "{field}: {}", self.kind),
            None => write!(f, "{}", self.kind),
        }
    }
}

/// The kinds of validation finding.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, thiserror::Error)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum IssueKind {
    /// A required, shown question has no answer.
    #[error("needs an answer")]
    Missing,
    /// An answer kept for a question the q1 branch hides; it is not shown, exported or scored.
    #[error("answered, but not asked while q1 is No (kept, not counted)")]
    HiddenByBranch,
    /// Free text over the limit.
    #[error("the text is {len} characters long; at most {max} are allowed")]
    TooLong {
        /// Length in characters.
        len: usize,
        /// The limit.
        max: usize,
    },
    /// The response has no id.
    #[error("the response has no id")]
    NoId,
    /// `submitted_at` is not ISO 8601.
    #[error("\u{201c}{0}\u{201d} is not a date in the form 2026-01-10 or a date and time in the form 2026-01-10T09:00:00Z")]
    BadSubmittedAt(String),
    /// Given to an instrument this app does not ask.
    #[error("the answers were given to another version of the questionnaire ({found}), not the one this app asks")]
    OtherInstrument {
        /// `id/version`.
        found: String,
    },
}

/// True for an ISO 8601 calendar date (`2026-01-10`) or date-time (`2026-01-10T09:00`,
/// `2026-01-10T09:00:00Z`, `2026-01-10 09:00:00.5+01:00`), with real calendar dates.
pub fn is_iso8601_date_or_datetime(text: &str) -> bool {
    fn digits(s: &[u8], n: usize) -> Option<u32> {
        if s.len() < n || !s[..n].iter().all(u8::is_ascii_digit) {
            return None;
        }
        Some(s[..n].iter().fold(0, |a, d| a * 10 + u32::from(d - b'0')))
    }
    let s = text.as_bytes();
    let (Some(year), Some(month), Some(day)) = (
        digits(s, 4),
        digits(s.get(5..).unwrap_or(&[]), 2),
        digits(s.get(8..).unwrap_or(&[]), 2),
    ) else {
        return false;
    };
    if s[4] != b'-' || s[7] != b'-' || !(1..=12).contains(&month) {
        return false;
    }
    let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
    let days = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    if !(1..=days).contains(&day) {
        return false;
    }
    let rest = &s[10..];
    if rest.is_empty() {
        return true;
    }
    if rest[0] != b'T' && rest[0] != b' ' {
        return false;
    }
    let t = &rest[1..];
    let (Some(hour), Some(minute)) = (digits(t, 2), digits(t.get(3..).unwrap_or(&[]), 2)) else {
        return false;
    };
    if t[2] != b':' || hour > 23 || minute > 59 {
        return false;
    }
    let mut t = &t[5..];
    if t.first() == Some(&b':') {
        match digits(&t[1..], 2) {
            Some(second) if second <= 60 => t = &t[3..],
            _ => return false,
        }
        if matches!(t.first(), Some(b'.' | b',')) {
            let frac = t[1..].iter().take_while(|b| b.is_ascii_digit()).count();
            if frac == 0 {
                return false;
            }
            t = &t[1 + frac..];
        }
    }
    match t {
        [] | [b'Z'] => true,
        [b'+' | b'-', zone @ ..] => {
            let (h, m) = match zone {
                [_, _, b':', _, _] => (digits(zone, 2), digits(&zone[3..], 2)),
                [_, _, _, _] => (digits(zone, 2), digits(&zone[2..], 2)),
                [_, _] => (digits(zone, 2), Some(0)),
                _ => return false,
            };
            matches!((h, m), (Some(h), Some(m)) if h <= 23 && m <= 59)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates() {
        let cases = [
            ("2026-01-10", true),
            ("2026-01-10T09:00:00Z", true),
            ("2026-01-10T09:00", true),
            ("2026-01-10 09:00:00.125+01:00", true),
            ("2024-02-29", true),
            ("2026-02-29", false),
            ("2026-13-01", false),
            ("2026-1-10", false),
            ("10/01/2026", false),
            ("2026-01-10T25:00", false),
            ("2026-01-10T09:00:00+0100", true),
            ("2026-01-10T09:00:00.", false),
            ("", false),
            ("2026-01-10X", false),
        ];
        for (text, ok) in cases {
            assert_eq!(is_iso8601_date_or_datetime(text), ok, "{text:?}");
        }
    }

    #[test]
    fn every_field_round_trips_through_its_own_cell() {
        for field in Field::ALL {
            let mut a = Answers::default();
            let cell = match field.kind() {
                FieldKind::Text { .. } => "text".to_string(),
                FieldKind::Multiple(o) => format!("{};{}", o[1].code, o[0].code),
                kind => kind.options()[1].code.to_string(),
            };
            a.set_from_cell(field, &cell).unwrap();
            assert!(a.is_stored(field), "{field}");
            let back = a.cell(field).into_owned();
            let mut b = Answers::default();
            b.set_from_cell(field, &back).unwrap();
            assert_eq!(a, b, "{field}");
            a.clear(field);
            assert_eq!(a, Answers::default(), "{field}");
        }
    }
}
