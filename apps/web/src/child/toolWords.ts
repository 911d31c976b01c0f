import type { ChildAreaState, ChildToolKind, ChildToolVisibility, PersonState } from '@kinmap/model';
import { currentLanguage, t } from '../lib/messages';

/** The words around a child's tool, in one place: pure, so they can be tested without a screen. */

/** "Three Houses", "Wizards and Fairies", "The Safety House". */
export const toolName = (kind: ChildToolKind): string => t(`child.kind.${kind}`);

/** An area's title ("House of worries") and its question for the child. */
export function areaTitle(kind: ChildToolKind, area: string): string {
  return t(`child.area.${kind}.${area}` as `child.area.three-houses.worries`);
}

export function areaQuestion(kind: ChildToolKind, area: string): string {
  return t(`child.question.${kind}.${area}` as `child.question.three-houses.worries`);
}

/** "Jo, 9" or "Jo". */
export function childLabel(person: Pick<PersonState, 'name' | 'age'>): string {
  return person.age === null ? person.name : t('child.childLabel', { name: person.name, age: person.age });
}

/** "Mum, Gran and Mr Lee", in the interface's language where the browser knows it. */
export function listOfNames(names: readonly string[]): string {
  try {
    return new Intl.ListFormat(currentLanguage(), { type: 'conjunction' }).format(names);
  } catch {
    return names.join(', ');
  }
}

export interface VisibilityFacts {
  readonly visibility: ChildToolVisibility;
  /** The chosen members' ids (empty for anyone but staff). */
  readonly named: readonly string[];
  readonly workerMemberId: string;
}

/**
 * Who can see a child's tool, in plain words: "Only Jo’s worker, Sam." Names come from `nameOf`
 * (the board's members); someone no longer on the board is still counted, never silently dropped.
 * `staff` tells whether the list of chosen people is known: everyone else only reads tools they
 * were let into, so with "people I choose" they are among them.
 */
export function visibilityWords(
  facts: VisibilityFacts,
  childName: string,
  nameOf: (memberId: string) => string | null,
  staff: boolean,
): string {
  const worker = nameOf(facts.workerMemberId) ?? t('child.sees.unknownWorker');
  switch (facts.visibility) {
    case 'worker':
      return t('child.sees.worker', { child: childName, worker });
    case 'named': {
      const others = facts.named.filter((id) => id !== facts.workerMemberId);
      if (others.length === 0) {
        return staff
          ? t('child.sees.namedNobody', { child: childName, worker })
          : t('child.sees.namedYou', { child: childName, worker });
      }
      const names = others.map((id) => nameOf(id) ?? t('child.sees.unknownPerson'));
      return t('child.sees.named', { child: childName, worker, names: listOfNames(names) });
    }
    case 'meeting':
      return t('child.sees.meeting');
    case 'wall':
      return t('child.sees.wall');
  }
}

/** The choices in the child's own words, in the order the form shows them. */
export const choiceWords = (visibility: ChildToolVisibility): string => t(`child.choice.${visibility}`);

/**
 * The drawing surface's text alternative: "3 drawings, 1 picture: dog", or "nothing drawn yet".
 * Each picture's name is said once, in the order they were put in.
 */
export function drawingSummary(area: Pick<ChildAreaState, 'strokes' | 'stickers'>): string {
  const parts: string[] = [];
  if (area.strokes.length > 0) parts.push(t('child.drawn', { count: area.strokes.length }));
  if (area.stickers.length > 0) {
    const names = [...new Set(area.stickers.map((s) => s.sticker))].map((name) => t(`child.sticker.${name}`));
    parts.push(t('child.pictures', { count: area.stickers.length, names: names.join(', ') }));
  }
  return parts.length === 0 ? t('child.nothingDrawn') : parts.join(', ');
}

/** What "Read aloud" says for an area: its title, then the child's words (or that there are none). */
export function readAloudText(title: string, words: string): string {
  const said = words.trim();
  return `${title}. ${said === '' ? t('child.wordsEmpty') : said}`;
}
