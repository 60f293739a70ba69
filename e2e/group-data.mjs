// Test data for the group report specs, made on the fly (nothing large is kept in git): responses
// CSV files of any size and JSON exports of single responses, with a deterministic generator.
import { existsSync, mkdirSync, renameSync, writeFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FACTORS as FACTOR_NAMES } from './pages/questionnaire.mjs';

const FACTORS = FACTOR_NAMES.map(([id]) => id);
export const HEADER = [
  'response_id', 'submitted_at', 'q1', 'q2', 'q3', 'q3_other', 'q4', 'q5', 'q6', 'q7', 'q8', 'q9', 'q10', 'q11', 'q12',
  ...FACTORS.map((f) => `q13_${f}`), ...FACTORS.map((f) => `q14_${f}`), 'q15', 'q16', 'q17', 'q18',
];

/** A small deterministic generator (mulberry32), so every run writes the same file. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One response as a map of column to cell; `overrides` replace cells. */
export function responseCells(index, random = rng(index + 1), overrides = {}) {
  const pick = (xs) => xs[Math.floor(random() * xs.length)];
  const rating = () => (random() < 0.08 ? 'na' : String(Math.floor(random() * 4)));
  const yes = random() < 0.85;
  const cells = {
    response_id: `gen-${String(index).padStart(6, '0')}`,
    submitted_at: '2026-03-01T09:00:00Z',
    q1: yes ? 'yes' : 'no',
    q2: yes ? pick(['Shared hub', 'Pilot, phase 2', 'Joint "discharge" team']) : '',
    q3: yes ? pick(['local_authority', 'nhs_trust;ccg', 'gp_practice;local_authority']) : '',
    q3_other: '',
    q4: yes ? pick(['2', '3', '4', '5plus']) : '',
    q5: yes ? pick(['frontline', 'middle', 'strategic', 'other']) : '',
    q6: yes ? pick(['very_successful', 'somewhat_successful', 'somewhat_unsuccessful', 'very_unsuccessful', 'too_early']) : '',
    q7: pick(['not_important', 'minor', 'somewhat', 'important', 'critical']),
    q8: '',
    q9: pick(['collaborating_better', 'alone_better']),
    q10: pick(['inform', 'consult', 'involve', 'collaborate', 'empower', 'na']),
    q11: String(Math.floor(random() * 4)),
    q12: String(Math.floor(random() * 4)),
    q15: pick(['chief_executive', 'deputy_chief_executive', 'director', 'assistant_director', 'division_head', 'other']),
    q16: pick(['public', 'private', 'third']),
    q17: pick(['health_social_care', 'education;housing', 'emergency']),
    q18: pick(['london', 'wales;scotland', 'north_west']),
  };
  for (const f of FACTORS) {
    cells[`q13_${f}`] = rating();
    cells[`q14_${f}`] = rating();
  }
  return { ...cells, ...overrides };
}

function csvCell(text) {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A responses CSV of the given rows (maps of column to cell). */
export function csvOf(rows) {
  return [HEADER.join(','), ...rows.map((r) => HEADER.map((h) => csvCell(r[h] ?? '')).join(','))].join('\r\n') + '\r\n';
}

/** A JSON export of one response (the app's schema version 2). */
export function jsonExportOf(cells) {
  const answers = {};
  for (const [k, v] of Object.entries(cells)) {
    if (['response_id', 'submitted_at'].includes(k) || v === '') continue;
    answers[k] = ['q3', 'q17', 'q18'].includes(k) ? v.split(';') : v;
  }
  return JSON.stringify({
    format: 'collaboration-readiness/responses',
    schema_version: 2,
    response: {
      id: cells.response_id,
      instrument_version: { id: 'state-of-collaboration', version: 1 },
      answers,
    },
  }, null, 2);
}

/**
 * The path of a generated CSV of `n` valid responses in the system's temporary folder, written once
 * (streamed in chunks, so that 100,000 rows never sit in memory as one string).
 */
export function generatedCsv(n) {
  const dir = join(tmpdir(), 'collaboration-readiness-e2e');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `group-${n}.csv`);
  if (existsSync(path) && statSync(path).size > 0) return path;
  const random = rng(2026);
  const chunks = [HEADER.join(',') + '\r\n'];
  for (let i = 1; i <= n; i++) {
    const cells = responseCells(i, random);
    chunks.push(HEADER.map((h) => csvCell(cells[h])).join(',') + '\r\n');
  }
  // Written aside and renamed, so a run stopped half-way never leaves a short file to be reused.
  writeFileSync(`${path}.part`, chunks.join(''));
  renameSync(`${path}.part`, path);
  return path;
}
