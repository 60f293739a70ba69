//! The instrument as data: the *State of Collaboration* questionnaire (report Appendix 3, as fixed by
//! `instrument.md`) with its sections, verbatim wording, answer options, scales, the q1 branch,
//! required/optional rules and the eight factors.
//!
//! This module owns every question text, every answer code and every label. The UI renders from it,
//! the scorer and aggregator match on its typed enums, and the CSV/JSON formats take column names and
//! codes from it; no other module may spell a code or a question out again.
//!
//! It must never hold answers, do arithmetic on them, or know about files: it is a read-only
//! description that other modules interpret.
//!
//! Every answer option is a variant of a small enum declared with `choice!`: the variant, its code and
//! its label are written once, and `OPTIONS`/`ALL` are generated from that one line, so the typed values
//! the scorer uses and the option lists the UI shows cannot drift apart.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Identifier of this instrument; carried by every stored or exported response.
pub const INSTRUMENT_ID: &str = "state-of-collaboration";

/// Version of this instrument. Bump it whenever wording, options or codes change, because a response
/// given to different wording is not comparable (and old responses must keep saying which one they got).
pub const INSTRUMENT_VERSION: u32 = 1;

/// Longest accepted free-text answer, in characters (Unicode scalar values), per `instrument.md` §2.
pub const MAX_TEXT_CHARS: usize = 2_000;

/// One answer option: the code used in storage and files, and the label shown to people.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct AnswerOption {
    /// Stable code (`"5plus"`, `"na"`, `"3"`), used in storage, CSV and JSON.
    pub code: &'static str,
    /// Label as printed in the instrument (`"5 or more"`, `"Not applicable"`, `"A great deal"`).
    pub label: &'static str,
}

/// Behaviour shared by every answer enum: its options in display order and code/label lookup.
///
/// Implemented only through `choice!`, which keeps `ALL[i]` and `OPTIONS[i]` in step.
pub trait Choice: Copy + Eq + fmt::Debug + 'static {
    /// Options in display order.
    const OPTIONS: &'static [AnswerOption];
    /// Variants in display order (same order as `OPTIONS`).
    const ALL: &'static [Self];

    /// Position in display order.
    fn index(self) -> usize;

    /// Storage code of this answer.
    fn code(self) -> &'static str {
        Self::OPTIONS[self.index()].code
    }

    /// Label of this answer as printed in the instrument.
    fn label(self) -> &'static str {
        Self::OPTIONS[self.index()].label
    }

    /// The answer with exactly this code (storage and JSON use codes verbatim).
    fn from_code(code: &str) -> Option<Self> {
        option_index(Self::OPTIONS, code).map(|i| Self::ALL[i])
    }

    /// Reads a cell written by a person or another tool (see [`option_index_lenient`]).
    fn parse_lenient(cell: &str) -> Option<Self> {
        option_index_lenient(Self::OPTIONS, cell).map(|i| Self::ALL[i])
    }
}

/// Position of the option whose code is exactly `code`.
pub fn option_index(options: &[AnswerOption], code: &str) -> Option<usize> {
    options.iter().position(|o| o.code == code)
}

/// Position of the option a cell written by a person or another tool means: trimmed, then the code,
/// or the label, or the code in another letter case (`responses-csv.md`: labels are accepted in place
/// of codes, trimmed, case-insensitively).
///
/// Labels and codes are ASCII, so ASCII case folding is exact for them.
pub fn option_index_lenient(options: &[AnswerOption], cell: &str) -> Option<usize> {
    let cell = cell.trim();
    option_index(options, cell).or_else(|| {
        options
            .iter()
            .position(|o| o.label.eq_ignore_ascii_case(cell) || o.code.eq_ignore_ascii_case(cell))
    })
}

/// Declares an answer enum: each line is `Variant = "code", "Label";`, written once.
macro_rules! choice {
    (
        $(#[$meta:meta])*
        $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $code:literal, $label:literal; )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $( $(#[$vmeta])* #[doc = concat!("`", $code, "` ", $label)] $variant, )+
        }

        impl Choice for $name {
            const OPTIONS: &'static [AnswerOption] = &[
                $( AnswerOption { code: $code, label: $label }, )+
            ];
            const ALL: &'static [Self] = &[ $( $name::$variant, )+ ];

            fn index(self) -> usize {
                self as usize
            }
        }

        impl Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.code())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let code = std::borrow::Cow::<'de, str>::deserialize(d)?;
                <$name as Choice>::from_code(&code).ok_or_else(|| {
                    serde::de::Error::custom(format!(
                        "\u{201c}{}\u{201d} is not a code of {} (expected one of: {})",
                        code,
                        stringify!($name),
                        codes_list(<$name as Choice>::OPTIONS)
                    ))
                })
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.label())
            }
        }
    };
}

/// `"a, b, c"`: the codes of a list of options, for error messages.
pub(crate) fn codes_list(options: &[AnswerOption]) -> String {
    options
        .iter()
        .map(|o| o.code)
        .collect::<Vec<_>>()
        .join(", ")
}

choice! {
    /// q1: a collaboration example in the past 12 months.
    YesNo {
        Yes = "yes", "Yes";
        No = "no", "No";
    }
}

choice! {
    /// q3: stakeholders involved in the programme of work or project.
    Stakeholder {
        LocalAuthority = "local_authority", "Local authority";
        CommunityAssociations = "community_associations", "Community associations";
        PrivateHousingDeveloper = "private_housing_developer", "Private housing developer";
        PrivateCareProvider = "private_care_provider", "Private care provider";
        GpPractice = "gp_practice", "GP practice";
        Ccg = "ccg", "CCG";
        NhsTrust = "nhs_trust", "NHS Trust";
        Other = "other", "Other";
    }
}

choice! {
    /// q4: how many organisations were involved.
    OrganisationCount {
        Two = "2", "2";
        Three = "3", "3";
        Four = "4", "4";
        FiveOrMore = "5plus", "5 or more";
    }
}

choice! {
    /// q5: where most of the staff involved came from.
    StaffLevel {
        Frontline = "frontline", "Frontline (e.g. care workers)";
        Middle = "middle", "Middle management (e.g. service coordinators)";
        Strategic = "strategic", "Strategic (e.g. Group Directors)";
        Other = "other", "Other";
    }
}

choice! {
    /// q6: how successful the work has been so far.
    Success {
        VerySuccessful = "very_successful", "Very successful";
        SomewhatSuccessful = "somewhat_successful", "Somewhat successful";
        SomewhatUnsuccessful = "somewhat_unsuccessful", "Somewhat unsuccessful";
        VeryUnsuccessful = "very_unsuccessful", "Very unsuccessful";
        TooEarly = "too_early", "Too early to say";
    }
}

impl Success {
    /// The report's "somewhat or very successful" group (§2.1).
    pub fn is_successful(self) -> bool {
        matches!(self, Success::VerySuccessful | Success::SomewhatSuccessful)
    }
}

choice! {
    /// q7: importance of collaboration to delivering services, in ascending order
    /// (`instrument.md` §2 **\[decision\]**: Appendix 3 prints them out of order).
    CollaborationImportance {
        NotImportant = "not_important", "Not important";
        Minor = "minor", "Minor importance";
        Somewhat = "somewhat", "Somewhat important";
        Important = "important", "Important";
        Critical = "critical", "Critical";
    }
}

impl CollaborationImportance {
    /// The report's "important or critical" group (§2.1).
    pub fn is_important_or_critical(self) -> bool {
        matches!(
            self,
            CollaborationImportance::Important | CollaborationImportance::Critical
        )
    }
}

choice! {
    /// q9: which statement reflects the person's view best.
    View {
        CollaboratingBetter = "collaborating_better", "Collaborating with other organisations achieves better outcomes";
        AloneBetter = "alone_better", "My organisation working alone achieves better outcomes";
    }
}

choice! {
    /// q10: typical involvement of the public and service users, the five-step ladder of citizen
    /// engagement (§2.2), ordered inform < consult < involve < collaborate < empower.
    Engagement {
        Inform = "inform", "INFORM (told of what is planned)";
        Consult = "consult", "CONSULT (asked their response to what is planned)";
        Involve = "involve", "INVOLVE (invited to participate in deciding what to do)";
        Collaborate = "collaborate", "COLLABORATE (working in partnership to develop a plan)";
        Empower = "empower", "EMPOWER (opportunity to develop the plan themselves)";
        NotApplicable = "na", "Not applicable";
    }
}

impl Engagement {
    /// The five steps of the ladder, lowest first (without "not applicable").
    pub const STEPS: [Engagement; 5] = [
        Engagement::Inform,
        Engagement::Consult,
        Engagement::Involve,
        Engagement::Collaborate,
        Engagement::Empower,
    ];

    /// Position on the ladder (0 = inform … 4 = empower); `None` for "not applicable".
    pub fn step(self) -> Option<usize> {
        Self::STEPS.iter().position(|s| *s == self)
    }

    /// The report's "lower three steps" (inform, consult, involve; §2.2).
    pub fn is_lower_three(self) -> bool {
        matches!(self.step(), Some(0..=2))
    }
}

choice! {
    /// Scale `extent4` (q11, q12): 0–3 without "not applicable".
    Extent4 {
        NotAtAll = "0", "Not at all";
        ALittle = "1", "A little";
        Somewhat = "2", "Somewhat";
        AGreatDeal = "3", "A great deal";
    }
}

impl Extent4 {
    /// Score 0–3 ("Not at all" = 0 … "A great deal" = 3, §2.3).
    pub fn score(self) -> u8 {
        self as u8
    }
}

choice! {
    /// Scale `extent` (q13, q14): 0–3 or "not applicable", which is never scored.
    Extent {
        NotAtAll = "0", "Not at all";
        ALittle = "1", "A little";
        Somewhat = "2", "Somewhat";
        AGreatDeal = "3", "A great deal";
        NotApplicable = "na", "Not applicable";
    }
}

impl Extent {
    /// Score 0–3; `None` for "not applicable", which is excluded from every mean and count of
    /// answers (never scored as 0).
    pub fn score(self) -> Option<u8> {
        match self {
            Extent::NotApplicable => None,
            scored => Some(scored as u8),
        }
    }
}

choice! {
    /// q15: the person's role (options from Appendix 2).
    Role {
        ChiefExecutive = "chief_executive", "Chief Executive";
        DeputyChiefExecutive = "deputy_chief_executive", "Deputy Chief Executive";
        Director = "director", "Director";
        AssistantDirector = "assistant_director", "Assistant Director";
        DivisionHead = "division_head", "Division Head";
        Other = "other", "Other";
    }
}

choice! {
    /// q16: the organisation's sector.
    Sector {
        Public = "public", "Public sector";
        Private = "private", "Private sector";
        Third = "third", "Third sector";
    }
}

choice! {
    /// q17: areas the organisation works in (several allowed).
    Area {
        HealthSocialCare = "health_social_care", "Healthcare and Social Care";
        Education = "education", "Education";
        Housing = "housing", "Housing";
        TransportInfrastructure = "transport_infrastructure", "Transportation and infrastructure";
        Environmental = "environmental", "Environmental services";
        Emergency = "emergency", "Emergency services";
        CriminalJusticePolicing = "criminal_justice_policing", "Criminal Justice and Policing";
        UrbanPlanning = "urban_planning", "Urban planning";
        Other = "other", "Other";
    }
}

choice! {
    /// q18: areas of the UK the organisation works in (several allowed).
    Region {
        London = "london", "London";
        SouthEast = "south_east", "South East England";
        WestMidlands = "west_midlands", "West Midlands";
        EastMidlands = "east_midlands", "East Midlands";
        EastOfEngland = "east_of_england", "East of England";
        SouthWest = "south_west", "South West England";
        NorthWest = "north_west", "North West England";
        NorthEast = "north_east", "North East England";
        Wales = "wales", "Wales";
        YorkshireHumber = "yorkshire_humber", "Yorkshire and The Humber";
        Scotland = "scotland", "Scotland";
        NorthernIreland = "northern_ireland", "Northern Ireland";
    }
}

/// The role groups the report compares for q11/q12 (§2.1): chief and deputy chief executives vs
/// everyone else.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RoleGroup {
    /// Chief Executive or Deputy Chief Executive.
    ChiefExecutives,
    /// Every other role.
    Others,
}

impl RoleGroup {
    /// Both groups, in report order.
    pub const ALL: [RoleGroup; 2] = [RoleGroup::ChiefExecutives, RoleGroup::Others];

    /// The group a role belongs to.
    pub fn of(role: Role) -> RoleGroup {
        match role {
            Role::ChiefExecutive | Role::DeputyChiefExecutive => RoleGroup::ChiefExecutives,
            _ => RoleGroup::Others,
        }
    }

    /// Stable id used in report keys.
    pub fn id(self) -> &'static str {
        match self {
            RoleGroup::ChiefExecutives => "chief_executives",
            RoleGroup::Others => "others",
        }
    }

    /// Name shown to people.
    pub fn name(self) -> &'static str {
        match self {
            RoleGroup::ChiefExecutives => "Chief and deputy chief executives",
            RoleGroup::Others => "Everyone else",
        }
    }
}

/// An answer scale (`instrument.md` §1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Scale {
    /// 0–3 or "not applicable" (q13, q14).
    Extent,
    /// 0–3 without "not applicable" (q11, q12).
    Extent4,
}

impl Scale {
    /// Scale id as used in `instrument.md` (`extent`, `extent4`).
    pub fn id(self) -> &'static str {
        match self {
            Scale::Extent => "extent",
            Scale::Extent4 => "extent4",
        }
    }

    /// Options in display order.
    pub fn options(self) -> &'static [AnswerOption] {
        match self {
            Scale::Extent => Extent::OPTIONS,
            Scale::Extent4 => Extent4::OPTIONS,
        }
    }
}

/// The report's grouping of a 0–3 score (§2.2 charts; `instrument.md` §3 **\[decision\]**).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Band {
    /// 0–1: "A little/Not at all".
    LittleOrNone,
    /// 2: "Somewhat".
    Somewhat,
    /// 3: "A great deal".
    AGreatDeal,
}

impl Band {
    /// All bands, lowest first.
    pub const ALL: [Band; 3] = [Band::LittleOrNone, Band::Somewhat, Band::AGreatDeal];

    /// Band of a score 0–3 (scores above 3 cannot be produced by the scales).
    pub fn of(score: u8) -> Band {
        match score {
            0 | 1 => Band::LittleOrNone,
            2 => Band::Somewhat,
            _ => Band::AGreatDeal,
        }
    }

    /// Stable id.
    pub fn id(self) -> &'static str {
        match self {
            Band::LittleOrNone => "little_or_none",
            Band::Somewhat => "somewhat",
            Band::AGreatDeal => "a_great_deal",
        }
    }

    /// Name shown to people, in the report's words.
    pub fn name(self) -> &'static str {
        match self {
            Band::LittleOrNone => "A little or not at all",
            Band::Somewhat => "Somewhat",
            Band::AGreatDeal => "A great deal",
        }
    }
}

/// Whether a factor belongs to the Collaboration Readiness Index.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FactorKind {
    /// One of the six categories of the Collaboration Readiness Index.
    IndexCategory,
    /// Urgency and requirements, added after the qualitative interviews (§1.2).
    AdditionalFactor,
}

/// One factor's definition.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct FactorDef {
    /// Stable id (`"places"`), used in column names (`q13_places`) and report keys.
    pub id: &'static str,
    /// Name (`"Collaborative Places"`).
    pub name: &'static str,
    /// Index category or additional factor.
    pub kind: FactorKind,
    /// The statement people rate, verbatim.
    pub statement: &'static str,
    /// Where the statement comes from, when not simply Appendix 3.
    pub note: Option<&'static str>,
    /// The importance column (`q13_<id>`).
    pub importance_column: &'static str,
    /// The prevalence column (`q14_<id>`).
    pub prevalence_column: &'static str,
}

macro_rules! factors {
    ( $( $variant:ident = $id:literal, $name:literal, $kind:ident, $statement:literal, $note:expr; )+ ) => {
        /// The eight success factors rated in q13 (importance) and q14 (prevalence), in display order.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Factor {
            $( #[doc = $name] $variant, )+
        }

        const FACTOR_DEFS: &[FactorDef] = &[
            $( FactorDef {
                id: $id,
                name: $name,
                kind: FactorKind::$kind,
                statement: $statement,
                note: $note,
                importance_column: concat!("q13_", $id),
                prevalence_column: concat!("q14_", $id),
            }, )+
        ];

        impl Factor {
            /// All eight factors in display order.
            pub const ALL: [Factor; 8] = [ $( Factor::$variant, )+ ];
        }
    };
}

factors! {
    Behaviours = "behaviours", "Collaborative Behaviours", IndexCategory,
        "The organisation has in place development of practices and incentives to break down sector silos.",
        Some("§2.2; absent from the Appendix 3 table as printed");
    Citizens = "citizens", "Collaborative Citizens", IndexCategory,
        "People that work to deliver public services are prepared to engage and share power with citizens.",
        None;
    Systems = "systems", "Collaborative Systems", IndexCategory,
        "The organisation has a considered approach to risk-management and an ability to learn from failure in order to improve performance.",
        None;
    Services = "services", "Collaborative Services", IndexCategory,
        "The organisation understands and actively seeks to manage demand in order to ensure appropriate service delivery.",
        None;
    Places = "places", "Collaborative Places", IndexCategory,
        "The organisation actively develops deeper insights about community relationships, service structures and trends, beyond its own prescribed or statutory remits.",
        None;
    Markets = "markets", "Collaborative Markets", IndexCategory,
        "The organisation actively works with other agencies to explore new ways of working.",
        None;
    Urgency = "urgency", "Urgency", AdditionalFactor,
        "There is a sense of a 'burning platform' or urgency which encourages organisations locally to work together.",
        None;
    Requirements = "requirements", "Requirements", AdditionalFactor,
        "Requirements from central government encourage organisations to collaborate.",
        Some("[decision] The report names the factor (§1.2, §2.3) but does not print its statement.");
}

impl Factor {
    /// The six categories of the Collaboration Readiness Index, in display order.
    pub const INDEX_CATEGORIES: [Factor; 6] = [
        Factor::Behaviours,
        Factor::Citizens,
        Factor::Systems,
        Factor::Services,
        Factor::Places,
        Factor::Markets,
    ];

    /// The full definition.
    pub fn def(self) -> &'static FactorDef {
        &FACTOR_DEFS[self as usize]
    }

    /// Stable id (`"places"`).
    pub fn id(self) -> &'static str {
        self.def().id
    }

    /// Name (`"Collaborative Places"`).
    pub fn name(self) -> &'static str {
        self.def().name
    }

    /// The statement people rate, verbatim.
    pub fn statement(self) -> &'static str {
        self.def().statement
    }

    /// Index category or additional factor.
    pub fn kind(self) -> FactorKind {
        self.def().kind
    }

    /// True for the six Collaboration Readiness Index categories.
    pub fn is_index_category(self) -> bool {
        self.kind() == FactorKind::IndexCategory
    }

    /// The factor with this id.
    pub fn from_id(id: &str) -> Option<Factor> {
        Factor::ALL.iter().copied().find(|f| f.id() == id)
    }

    /// Position in display order (0–7).
    pub fn index(self) -> usize {
        self as usize
    }
}

impl Serialize for Factor {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.id())
    }
}

impl fmt::Display for Factor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// What a q13/q14 answer measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// q13: importance of the factor to successful collaboration in the area.
    Importance,
    /// q14: prevalence of the factor in the person's organisation.
    Prevalence,
}

impl Measure {
    /// Both measures, in question order.
    pub const ALL: [Measure; 2] = [Measure::Importance, Measure::Prevalence];

    /// Stable id (`"importance"`, `"prevalence"`), used as report keys.
    pub fn id(self) -> &'static str {
        match self {
            Measure::Importance => "importance",
            Measure::Prevalence => "prevalence",
        }
    }

    /// The question that asks it.
    pub fn question(self) -> QuestionId {
        match self {
            Measure::Importance => QuestionId::Q13,
            Measure::Prevalence => QuestionId::Q14,
        }
    }
}

/// The numbered questions q1–q18.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum QuestionId {
    Q1,
    Q2,
    Q3,
    Q4,
    Q5,
    Q6,
    Q7,
    Q8,
    Q9,
    Q10,
    Q11,
    Q12,
    Q13,
    Q14,
    Q15,
    Q16,
    Q17,
    Q18,
}

impl QuestionId {
    /// The question number (1–18).
    pub fn number(self) -> u8 {
        self as u8 + 1
    }

    /// Stable id (`"q4"`).
    pub fn id(self) -> &'static str {
        QUESTIONS[self as usize].code
    }

    /// The question with this id (`"q4"`).
    pub fn from_id(id: &str) -> Option<QuestionId> {
        QUESTIONS.iter().find(|q| q.code == id).map(|q| q.id)
    }
}

impl Serialize for QuestionId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.id())
    }
}

impl fmt::Display for QuestionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// One answer cell: the unit stored in a response and written as one CSV column.
///
/// Most questions fill one field; q3 fills two (the choices and the "Other" text) and q13/q14 fill one
/// per factor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    Q1,
    Q2,
    Q3,
    /// Free text that goes with q3's "Other".
    Q3Other,
    Q4,
    Q5,
    Q6,
    Q7,
    Q8,
    Q9,
    Q10,
    Q11,
    Q12,
    /// q13 (importance) or q14 (prevalence) for one factor.
    Score(Measure, Factor),
    Q15,
    Q16,
    Q17,
    Q18,
}

/// What kind of value a field holds, with its options.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldKind {
    /// Exactly one of the options.
    Single(&'static [AnswerOption]),
    /// Any number of the options (at least one to count as answered).
    Multiple(&'static [AnswerOption]),
    /// One option of a rating scale.
    Scale(Scale),
    /// Free text of at most `max_chars` characters.
    Text {
        /// Upper limit in characters.
        max_chars: usize,
    },
}

impl FieldKind {
    /// The options offered, empty for free text.
    pub fn options(self) -> &'static [AnswerOption] {
        match self {
            FieldKind::Single(o) | FieldKind::Multiple(o) => o,
            FieldKind::Scale(s) => s.options(),
            FieldKind::Text { .. } => &[],
        }
    }
}

/// When a question is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ShowWhen {
    /// Always.
    Always,
    /// Unless q1 = `no` ("Yes – continue to Q2, No – go to Q7"). While q1 is unanswered the question is
    /// still ahead of the person, so it counts as shown.
    UnlessNoExample,
}

/// The fields of [`Field::ALL`] whose kind is free text, in order. (Their number is written in the
/// type: a text field added or removed fails the build here until it is changed.)
const fn text_fields() -> [Field; 3] {
    let mut out = [Field::Q1; 3];
    let mut n = 0;
    let mut i = 0;
    while i < Field::ALL.len() {
        if matches!(Field::ALL[i].kind(), FieldKind::Text { .. }) {
            out[n] = Field::ALL[i];
            n += 1;
        }
        i += 1;
    }
    assert!(
        n == out.len(),
        "Field::TEXT's length is the number of text fields"
    );
    out
}

const fn build_fields() -> [Field; 33] {
    let head = [
        Field::Q1,
        Field::Q2,
        Field::Q3,
        Field::Q3Other,
        Field::Q4,
        Field::Q5,
        Field::Q6,
        Field::Q7,
        Field::Q8,
        Field::Q9,
        Field::Q10,
        Field::Q11,
        Field::Q12,
    ];
    let tail = [Field::Q15, Field::Q16, Field::Q17, Field::Q18];
    let mut out = [Field::Q1; 33];
    let mut i = 0;
    while i < head.len() {
        out[i] = head[i];
        i += 1;
    }
    let mut f = 0;
    while f < 8 {
        out[head.len() + f] = Field::Score(Measure::Importance, Factor::ALL[f]);
        out[head.len() + 8 + f] = Field::Score(Measure::Prevalence, Factor::ALL[f]);
        f += 1;
    }
    let mut t = 0;
    while t < tail.len() {
        out[head.len() + 16 + t] = tail[t];
        t += 1;
    }
    out
}

const fn factor_fields(measure: Measure) -> [Field; 8] {
    let mut out = [Field::Q1; 8];
    let mut f = 0;
    while f < 8 {
        out[f] = Field::Score(measure, Factor::ALL[f]);
        f += 1;
    }
    out
}

const IMPORTANCE_FIELDS: [Field; 8] = factor_fields(Measure::Importance);
const PREVALENCE_FIELDS: [Field; 8] = factor_fields(Measure::Prevalence);

impl Field {
    /// Every field in column order (the order of `responses-csv.md`).
    pub const ALL: [Field; 33] = build_fields();

    /// Column name in the responses CSV and key in JSON (`"q3_other"`, `"q13_places"`).
    pub fn column(self) -> &'static str {
        match self {
            Field::Q3Other => "q3_other",
            Field::Score(Measure::Importance, f) => f.def().importance_column,
            Field::Score(Measure::Prevalence, f) => f.def().prevalence_column,
            other => other.question().id(),
        }
    }

    /// The field with this column name (exact, lower case).
    pub fn from_column(column: &str) -> Option<Field> {
        Field::ALL.iter().copied().find(|f| f.column() == column)
    }

    /// The question this field belongs to.
    pub fn question(self) -> QuestionId {
        match self {
            Field::Q1 => QuestionId::Q1,
            Field::Q2 => QuestionId::Q2,
            Field::Q3 | Field::Q3Other => QuestionId::Q3,
            Field::Q4 => QuestionId::Q4,
            Field::Q5 => QuestionId::Q5,
            Field::Q6 => QuestionId::Q6,
            Field::Q7 => QuestionId::Q7,
            Field::Q8 => QuestionId::Q8,
            Field::Q9 => QuestionId::Q9,
            Field::Q10 => QuestionId::Q10,
            Field::Q11 => QuestionId::Q11,
            Field::Q12 => QuestionId::Q12,
            Field::Score(m, _) => m.question(),
            Field::Q15 => QuestionId::Q15,
            Field::Q16 => QuestionId::Q16,
            Field::Q17 => QuestionId::Q17,
            Field::Q18 => QuestionId::Q18,
        }
    }

    /// The kind of value and its options. This is the one place that ties a field to its options.
    pub const fn kind(self) -> FieldKind {
        match self {
            Field::Q1 => FieldKind::Single(YesNo::OPTIONS),
            Field::Q2 | Field::Q3Other | Field::Q8 => FieldKind::Text {
                max_chars: MAX_TEXT_CHARS,
            },
            Field::Q3 => FieldKind::Multiple(Stakeholder::OPTIONS),
            Field::Q4 => FieldKind::Single(OrganisationCount::OPTIONS),
            Field::Q5 => FieldKind::Single(StaffLevel::OPTIONS),
            Field::Q6 => FieldKind::Single(Success::OPTIONS),
            Field::Q7 => FieldKind::Single(CollaborationImportance::OPTIONS),
            Field::Q9 => FieldKind::Single(View::OPTIONS),
            Field::Q10 => FieldKind::Single(Engagement::OPTIONS),
            Field::Q11 | Field::Q12 => FieldKind::Scale(Scale::Extent4),
            Field::Score(..) => FieldKind::Scale(Scale::Extent),
            Field::Q15 => FieldKind::Single(Role::OPTIONS),
            Field::Q16 => FieldKind::Single(Sector::OPTIONS),
            Field::Q17 => FieldKind::Multiple(Area::OPTIONS),
            Field::Q18 => FieldKind::Multiple(Region::OPTIONS),
        }
    }

    /// The free-text fields, in column order (for checks that concern text alone).
    pub const TEXT: [Field; 3] = text_fields();

    /// Whether an answer is needed before results are shown (`instrument.md` §2 **\[decision\]**: free
    /// text is optional, everything else shown is required; "not applicable" counts as an answer).
    pub fn is_required(self) -> bool {
        !matches!(self.kind(), FieldKind::Text { .. })
    }

    /// When the field is shown: its question's rule.
    pub fn shown_when(self) -> ShowWhen {
        INSTRUMENT.question(self.question()).shown_when
    }
}

impl Serialize for Field {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.column())
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.column())
    }
}

/// The sections of the questionnaire.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SectionId {
    /// "Experience of collaboration in your current organisation and role" (q1–q6).
    Experience,
    /// "More generally…" (q7–q9).
    MoreGenerally,
    /// "Involvement" (q10–q12).
    Involvement,
    /// "Success factors for collaboration" (q13, q14).
    SuccessFactors,
    /// "About you" (q15–q18).
    AboutYou,
}

/// A section: heading, verbatim preamble and questions in display order.
#[derive(Debug, Serialize)]
pub struct Section {
    /// Which section.
    pub id: SectionId,
    /// Heading as shown.
    pub heading: &'static str,
    /// Text shown under the heading, verbatim from the instrument.
    pub preamble: Option<&'static str>,
    /// Questions in display order.
    pub questions: &'static [QuestionId],
}

/// A question: verbatim wording, the fields it fills and when it is shown.
#[derive(Debug, Serialize)]
pub struct Question {
    /// Which question.
    pub id: QuestionId,
    /// Stable id (`"q4"`).
    pub code: &'static str,
    /// Wording, verbatim.
    pub text: &'static str,
    /// The section it appears in.
    pub section: SectionId,
    /// The fields it fills, in display order (q13/q14: one per factor in [`Factor::ALL`] order).
    pub fields: &'static [Field],
    /// When it is shown.
    pub shown_when: ShowWhen,
}

impl Question {
    /// The kind of the question's main field (q3's choices, q13's scale).
    pub fn kind(&self) -> FieldKind {
        self.fields[0].kind()
    }

    /// True when the question needs an answer (some field of it is required).
    pub fn is_required(&self) -> bool {
        self.fields.iter().any(|f| f.is_required())
    }

    /// True for the q13/q14 factor grids.
    pub fn is_factor_grid(&self) -> bool {
        matches!(self.fields[0], Field::Score(..))
    }

    /// The measure of a factor grid (q13 importance, q14 prevalence).
    pub fn measure(&self) -> Option<Measure> {
        match self.fields[0] {
            Field::Score(m, _) => Some(m),
            _ => None,
        }
    }
}

const PREAMBLE_EXPERIENCE: &str = "By collaboration we mean two or more organisations working together to achieve an agreed goal. This could be two public sector organisations or could be the public sector working with the private or third sector or with the public to achieve an outcome.";
const PREAMBLE_INVOLVEMENT: &str = "Please answer the following questions with your and your organisation's experience with collaborative work in mind.";
const PREAMBLE_SUCCESS_FACTORS: &str = "The following attributes have been identified as being important to successful collaboration. Please answer the following questions about a) the importance of these factors to successful collaboration in the main geographical area or region in which your organisation operates and b) the extent to which the factor is prevalent in your own organisation. Please keep your experience of working collaboratively in mind as you answer them.";

static SECTIONS: [Section; 5] = [
    Section {
        id: SectionId::Experience,
        heading: "Experience of collaboration in your current organisation and role",
        preamble: Some(PREAMBLE_EXPERIENCE),
        questions: &[
            QuestionId::Q1,
            QuestionId::Q2,
            QuestionId::Q3,
            QuestionId::Q4,
            QuestionId::Q5,
            QuestionId::Q6,
        ],
    },
    Section {
        id: SectionId::MoreGenerally,
        heading: "More generally…",
        preamble: None,
        questions: &[QuestionId::Q7, QuestionId::Q8, QuestionId::Q9],
    },
    Section {
        id: SectionId::Involvement,
        heading: "Involvement",
        preamble: Some(PREAMBLE_INVOLVEMENT),
        questions: &[QuestionId::Q10, QuestionId::Q11, QuestionId::Q12],
    },
    Section {
        id: SectionId::SuccessFactors,
        heading: "Success factors for collaboration",
        preamble: Some(PREAMBLE_SUCCESS_FACTORS),
        questions: &[QuestionId::Q13, QuestionId::Q14],
    },
    Section {
        id: SectionId::AboutYou,
        heading: "About you",
        preamble: None,
        questions: &[
            QuestionId::Q15,
            QuestionId::Q16,
            QuestionId::Q17,
            QuestionId::Q18,
        ],
    },
];

macro_rules! question {
    ($id:ident, $code:literal, $section:ident, $shown:ident, [$($field:expr),+], $text:literal) => {
        Question {
            id: QuestionId::$id,
            code: $code,
            text: $text,
            section: SectionId::$section,
            fields: &[$($field),+],
            shown_when: ShowWhen::$shown,
        }
    };
}

static QUESTIONS: [Question; 18] = [
    question!(Q1, "q1", Experience, Always, [Field::Q1],
        "In the past 12 months, can you think of an example of a time you have worked in collaboration to achieve one of your organisation's objectives?"),
    question!(Q2, "q2", Experience, UnlessNoExample, [Field::Q2],
        "Please briefly describe the project or programme of work."),
    question!(Q3, "q3", Experience, UnlessNoExample, [Field::Q3, Field::Q3Other],
        "Which of these organisations were stakeholders and/or involved in the programme of work or project?"),
    question!(Q4, "q4", Experience, UnlessNoExample, [Field::Q4],
        "How many organisations were involved in this programme of work or project?"),
    question!(Q5, "q5", Experience, UnlessNoExample, [Field::Q5],
        "Where did most of the staff involved in the programme of work or project come from?"),
    question!(Q6, "q6", Experience, UnlessNoExample, [Field::Q6],
        "Based on progress so far, how successful has programme of work or project been in achieving its desired outcomes?"),
    question!(Q7, "q7", MoreGenerally, Always, [Field::Q7],
        "In general, to what extent (if at all) is collaboration with other providers and organisations important in your/your organisation's ability to deliver services to the public?"),
    question!(Q8, "q8", MoreGenerally, Always, [Field::Q8],
        "Why do you say that?"),
    question!(Q9, "q9", MoreGenerally, Always, [Field::Q9],
        "On balance, which of these statements reflects your view best?"),
    question!(Q10, "q10", Involvement, Always, [Field::Q10],
        "Please indicate the typical level of involvement of the public and service users in collaborative activities you have been involved in."),
    question!(Q11, "q11", Involvement, Always, [Field::Q11],
        "To what extent, if at all, does your organisation value and incentivise staff to work collaboratively with other organisations?"),
    question!(Q12, "q12", Involvement, Always, [Field::Q12],
        "To what extent, if at all, does your organisation provide you with the tools to do collaboration well?"),
    Question {
        id: QuestionId::Q13,
        code: "q13",
        text: "How important do you think this factor is to successful collaboration in your geographic area?",
        section: SectionId::SuccessFactors,
        fields: &IMPORTANCE_FIELDS,
        shown_when: ShowWhen::Always,
    },
    Question {
        id: QuestionId::Q14,
        code: "q14",
        text: "To what extent is this factor prevalent in your organisation?",
        section: SectionId::SuccessFactors,
        fields: &PREVALENCE_FIELDS,
        shown_when: ShowWhen::Always,
    },
    question!(Q15, "q15", AboutYou, Always, [Field::Q15], "What is your role?"),
    question!(Q16, "q16", AboutYou, Always, [Field::Q16],
        "What sector does your organisation work in?"),
    question!(Q17, "q17", AboutYou, Always, [Field::Q17],
        "What area does your organisation work in? (please select ALL applicable)"),
    question!(Q18, "q18", AboutYou, Always, [Field::Q18],
        "What area of the UK does your organisation work in? (select all that apply)"),
];

/// Identifies the instrument (and its version) a response was given to.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct InstrumentVersion {
    /// Instrument id ([`INSTRUMENT_ID`]).
    pub id: String,
    /// Instrument version ([`INSTRUMENT_VERSION`]).
    pub version: u32,
}

impl InstrumentVersion {
    /// The instrument this build of the app asks.
    pub fn current() -> InstrumentVersion {
        InstrumentVersion {
            id: INSTRUMENT_ID.to_string(),
            version: INSTRUMENT_VERSION,
        }
    }

    /// True when this is the instrument this build asks (and can score).
    pub fn is_current(&self) -> bool {
        self.id == INSTRUMENT_ID && self.version == INSTRUMENT_VERSION
    }

    /// Reads the `id/version` form written by [`fmt::Display`] (`state-of-collaboration/1`).
    pub fn parse(text: &str) -> Option<InstrumentVersion> {
        let (id, version) = text.trim().rsplit_once('/')?;
        let version = version.parse().ok()?;
        (!id.is_empty()).then(|| InstrumentVersion {
            id: id.to_string(),
            version,
        })
    }
}

impl Default for InstrumentVersion {
    fn default() -> Self {
        InstrumentVersion::current()
    }
}

impl fmt::Display for InstrumentVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.id, self.version)
    }
}

/// The instrument: sections and questions in display order.
#[derive(Debug)]
pub struct Instrument {
    /// [`INSTRUMENT_ID`].
    pub id: &'static str,
    /// [`INSTRUMENT_VERSION`].
    pub version: u32,
    /// Title shown to people.
    pub title: &'static str,
    /// Where the questions come from.
    pub source: &'static str,
    sections: &'static [Section],
    questions: &'static [Question],
}

/// The one definition of the questionnaire that UI, scorer, importer and exporter all read.
pub static INSTRUMENT: Instrument = Instrument {
    id: INSTRUMENT_ID,
    version: INSTRUMENT_VERSION,
    title: "State of Collaboration questionnaire",
    source: "The State of Collaboration — how ready are we to work together?, Collaborate Foundation, June 2018, Appendix 3",
    sections: &SECTIONS,
    questions: &QUESTIONS,
};

impl Instrument {
    /// Sections in display order.
    pub fn sections(&self) -> &'static [Section] {
        self.sections
    }

    /// Questions q1–q18 in display order.
    pub fn questions(&self) -> &'static [Question] {
        self.questions
    }

    /// One question.
    pub fn question(&self, id: QuestionId) -> &'static Question {
        &self.questions[id as usize]
    }

    /// The section with this id.
    pub fn section(&self, id: SectionId) -> &'static Section {
        self.sections
            .iter()
            .find(|s| s.id == id)
            .expect("every SectionId has a section in SECTIONS")
    }

    /// Every answer field in column order.
    pub fn fields(&self) -> &'static [Field] {
        &Field::ALL
    }

    /// The version responses given to this instrument carry.
    pub fn version_ref(&self) -> InstrumentVersion {
        InstrumentVersion::current()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn questions_are_in_id_order_and_sections_cover_each_once() {
        for (i, q) in INSTRUMENT.questions().iter().enumerate() {
            assert_eq!(q.id as usize, i);
            assert_eq!(q.code, format!("q{}", i + 1));
            assert_eq!(QuestionId::from_id(q.code), Some(q.id));
        }
        let mut seen: Vec<QuestionId> = INSTRUMENT
            .sections()
            .iter()
            .flat_map(|s| s.questions.iter().copied())
            .collect();
        seen.sort();
        assert_eq!(seen.len(), 18);
        seen.dedup();
        assert_eq!(seen.len(), 18);
        for s in INSTRUMENT.sections() {
            for q in s.questions {
                assert_eq!(INSTRUMENT.question(*q).section, s.id);
            }
        }
    }

    #[test]
    fn fields_belong_to_the_question_that_lists_them() {
        let mut listed = 0;
        for q in INSTRUMENT.questions() {
            for f in q.fields {
                assert_eq!(f.question(), q.id, "{f}");
                listed += 1;
            }
        }
        assert_eq!(listed, Field::ALL.len());
        for f in Field::ALL {
            assert_eq!(Field::from_column(f.column()), Some(f));
        }
    }

    #[test]
    fn factor_columns_follow_their_ids() {
        for f in Factor::ALL {
            assert_eq!(f.def().importance_column, format!("q13_{}", f.id()));
            assert_eq!(f.def().prevalence_column, format!("q14_{}", f.id()));
            assert_eq!(Factor::from_id(f.id()), Some(f));
        }
        assert_eq!(
            Factor::ALL.iter().filter(|f| f.is_index_category()).count(),
            6
        );
    }

    #[test]
    fn codes_are_unique_within_each_option_list() {
        for f in Field::ALL {
            let codes: Vec<_> = f.kind().options().iter().map(|o| o.code).collect();
            let mut dedup = codes.clone();
            dedup.sort();
            dedup.dedup();
            assert_eq!(codes.len(), dedup.len(), "{f}");
        }
    }

    #[test]
    fn lenient_parsing_accepts_codes_and_labels() {
        let cases: &[(&str, Option<Extent>)] = &[
            ("3", Some(Extent::AGreatDeal)),
            (" A great deal ", Some(Extent::AGreatDeal)),
            ("not applicable", Some(Extent::NotApplicable)),
            ("NA", Some(Extent::NotApplicable)),
            ("4", None),
            ("", None),
        ];
        for (cell, expected) in cases {
            assert_eq!(Extent::parse_lenient(cell), *expected, "{cell:?}");
        }
        assert_eq!(Sector::parse_lenient("Third sector"), Some(Sector::Third));
        assert_eq!(
            OrganisationCount::parse_lenient("5 or more"),
            Some(OrganisationCount::FiveOrMore)
        );
    }

    #[test]
    fn instrument_version_round_trips_through_text() {
        let v = InstrumentVersion::current();
        assert_eq!(InstrumentVersion::parse(&v.to_string()), Some(v));
        assert_eq!(InstrumentVersion::parse("nonsense"), None);
    }
}
