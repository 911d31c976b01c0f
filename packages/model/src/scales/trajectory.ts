import { may } from '../access/policy.js';
import { ownValue } from '../doc/idRecord.js';
import { OVERALL_SCALE_ID } from '../doc/ids.js';
import type { BoardState, ParticipantState, PersonState, Role, ScaleState } from '../doc/types.js';
import type {
  Trajectory,
  TrajectoryGroup,
  TrajectoryLine,
  TrajectoryPoint,
  TrajectoryScale,
} from '../history/versionTypes.js';

/**
 * The scaling over the life of the case: for each scale (overall first, then each danger
 * statement / safety goal pair), one line per person who ever scored it and one mean line per
 * group, across the saved meetings (and "now"). Only revealed scores count: a scale collecting
 * privately shows no value at that moment.
 */

export interface TrajectoryMoment {
  /** The version the board comes from, or null for the board as it is now. */
  readonly versionId: string | null;
  readonly at: number;
  readonly label: string;
  readonly board: BoardState;
}

const GROUPS: readonly TrajectoryGroup[] = ['family', 'network', 'professionals'];

/** The group whose mean each role counts towards; viewers do not score and count nowhere. */
const ROLE_GROUP: Readonly<Record<Role, TrajectoryGroup | null>> = {
  facilitator: 'professionals',
  practitioner: 'professionals',
  family: 'family',
  network: 'network',
  viewer: null,
};

/** The group whose mean a role counts towards, or null. */
export function groupOfRole(role: Role): TrajectoryGroup | null {
  return ROLE_GROUP[role];
}

/** A revealed score at one moment, or null. */
function valueAt(board: BoardState, scaleId: string, participantId: string): number | null {
  const scale: ScaleState | undefined = ownValue(board.scales, scaleId);
  if (scale === undefined || scale.mode !== 'revealed') return null;
  return ownValue(scale.ratings, participantId)?.value ?? null;
}

/** Whoever a score belongs to: a participant, or a person of the case it was recorded for. */
interface Scorer {
  readonly label: string;
  readonly role: Role | null;
  readonly group: TrajectoryGroup | null;
  /** Viewers never rate ([AC8]): they have no line. */
  readonly rates: boolean;
}

const participantScorer = (person: ParticipantState): Scorer => ({
  label: person.displayName,
  role: person.role,
  group: groupOfRole(person.role),
  rates: may(person.role, 'AC8'),
});

/**
 * A person of the case scored without a device (issue 14): a child counts towards the family's
 * mean, as the child of the family; anyone else has their own line only.
 */
const personScorer = (person: PersonState): Scorer => ({
  label: person.name,
  role: null,
  group: person.kind === 'child' ? 'family' : null,
  rates: true,
});

/** Each person as the latest board that knows them describes them. */
function latestPeople(moments: readonly TrajectoryMoment[]): Map<string, Scorer> {
  const people = new Map<string, Scorer>();
  for (const moment of moments) {
    for (const person of Object.values(moment.board.participants))
      people.set(person.id, participantScorer(person));
    for (const person of Object.values(moment.board.people)) people.set(person.id, personScorer(person));
  }
  return people;
}

/** Scale ids: the overall one, then pairs in the order they first appear (then by creation, id). */
function scaleIds(moments: readonly TrajectoryMoment[]): string[] {
  const seen = new Map<string, { first: number; createdAt: number }>();
  moments.forEach((moment, index) => {
    for (const pair of Object.values(moment.board.pairs)) {
      if (!seen.has(pair.id)) seen.set(pair.id, { first: index, createdAt: pair.createdAt });
    }
  });
  const pairs = [...seen.entries()].sort(
    ([a, x], [b, y]) => x.first - y.first || x.createdAt - y.createdAt || (a < b ? -1 : a > b ? 1 : 0),
  );
  return [OVERALL_SCALE_ID, ...pairs.map(([id]) => id)];
}

/** The danger statement's words from the latest moment that has the pair. */
function titleOf(moments: readonly TrajectoryMoment[], scaleId: string): string {
  for (let i = moments.length - 1; i >= 0; i--) {
    const board = moments[i]?.board;
    const pair = board === undefined ? undefined : ownValue(board.pairs, scaleId);
    if (board !== undefined && pair !== undefined)
      return ownValue(board.cards, pair.dangerStatementId)?.text ?? '';
  }
  return '';
}

const mean = (values: readonly number[]): number =>
  Math.round((values.reduce((sum, value) => sum + value, 0) / values.length) * 10) / 10;

/** Orders people's lines: family, network, professionals, then anyone unknown; by name, then id. */
const rank = (group: TrajectoryGroup | null): number =>
  group === null ? GROUPS.length : GROUPS.indexOf(group);
const byPerson = (
  a: { group: TrajectoryGroup | null; label: string; key: string },
  b: { group: TrajectoryGroup | null; label: string; key: string },
): number => rank(a.group) - rank(b.group) || a.label.localeCompare(b.label) || (a.key < b.key ? -1 : 1);

/** The ids of everyone who has a revealed score on any scale, in line order: their series numbers. */
function seriesOf(
  moments: readonly TrajectoryMoment[],
  people: ReadonlyMap<string, Scorer>,
): Map<string, number> {
  const raters = new Set<string>();
  for (const moment of moments) {
    for (const scale of Object.values(moment.board.scales)) {
      if (scale.mode === 'revealed') for (const id of Object.keys(scale.ratings)) raters.add(id);
    }
  }
  const ordered = [...raters]
    .filter((key) => {
      const person = people.get(key);
      return person === undefined || person.rates;
    })
    .map((key) => {
      const person = people.get(key);
      return { key, label: person?.label ?? '', group: person?.group ?? null };
    })
    .sort(byPerson);
  return new Map(ordered.map(({ key }, index) => [key, index]));
}

function scaleLines(
  moments: readonly TrajectoryMoment[],
  scaleId: string,
  people: ReadonlyMap<string, Scorer>,
  series: ReadonlyMap<string, number>,
): TrajectoryLine[] {
  const raters = new Set<string>();
  for (const moment of moments) {
    const scale = ownValue(moment.board.scales, scaleId);
    if (scale?.mode === 'revealed') for (const id of Object.keys(scale.ratings)) raters.add(id);
  }
  const persons: TrajectoryLine[] = [];
  for (const id of raters) {
    const person = people.get(id);
    // Only people who rate have a line ([AC8]: not viewers).
    if (person !== undefined && !person.rates) continue;
    const points = moments.map(
      (moment): TrajectoryPoint => ({
        versionId: moment.versionId,
        at: moment.at,
        value: valueAt(moment.board, scaleId, id),
      }),
    );
    const group = person?.group ?? null;
    persons.push({
      key: id,
      kind: 'person',
      label: person?.label ?? '',
      role: person?.role ?? null,
      group,
      series: series.get(id) ?? 0,
      points,
    });
  }
  persons.sort(byPerson);
  const groups: TrajectoryLine[] = [];
  for (const group of GROUPS) {
    const members = persons.filter((line) => line.group === group);
    if (members.length === 0) continue;
    const points = moments.map((moment, i): TrajectoryPoint => {
      const values = members
        .map((line) => line.points[i]?.value ?? null)
        .filter((v): v is number => v !== null);
      return { versionId: moment.versionId, at: moment.at, value: values.length === 0 ? null : mean(values) };
    });
    groups.push({
      key: `group:${group}`,
      kind: 'average',
      label: group,
      role: null,
      group,
      series: GROUPS.indexOf(group),
      points,
    });
  }
  return [...persons, ...groups];
}

/**
 * The trajectory over `moments` (sorted oldest first here). A person's label is their display
 * name on the latest board that knows them ('' if none does); an average's label is its group's
 * key word ('family', 'network', 'professionals') for the view to translate. Group means are
 * rounded to one decimal. Each person's `series` is the same on every scale; no two people share one.
 * @example trajectory([{ versionId: v1.id, at: v1.createdAt, label: 'Initial conference', board }])
 */
export function trajectory(moments: readonly TrajectoryMoment[]): Trajectory {
  const sorted = [...moments].sort((a, b) => a.at - b.at);
  const people = latestPeople(sorted);
  const series = seriesOf(sorted, people);
  const scales: TrajectoryScale[] = scaleIds(sorted).map((scaleId) => ({
    scaleId,
    title: scaleId === OVERALL_SCALE_ID ? '' : titleOf(sorted, scaleId),
    lines: scaleLines(sorted, scaleId, people, series),
  }));
  return {
    moments: sorted.map(({ versionId, at, label }) => ({ versionId, at, label })),
    scales,
  };
}
