import {
  addPerson,
  type PersonFields,
  type PersonId,
  type PersonState,
  removePerson,
  updatePerson,
} from '@kinmap/model';
import type { ActionOutcome, BoardWriter } from '../editing/boardActions';
import { t } from '../lib/messages';

/** The people of the case (issue 14) through the model's ops, as the plan's other actions. */

export function addPersonTo(session: BoardWriter, fields: PersonFields): ActionOutcome<PersonId> {
  const result = addPerson(session.doc, session.actor, fields);
  return result.ok
    ? { ok: true, value: result.value.personId }
    : { ok: false, notice: 'plan.notice.addFailed' };
}

export function savePerson(
  session: BoardWriter,
  personId: PersonId,
  changes: PersonFields,
): ActionOutcome<void> {
  const result = updatePerson(session.doc, session.actor, personId, changes);
  return result.ok ? { ok: true, value: undefined } : { ok: false, notice: 'plan.notice.failed' };
}

export function removePersonFrom(session: BoardWriter, personId: PersonId): ActionOutcome<void> {
  const result = removePerson(session.doc, session.actor, personId);
  return result.ok ? { ok: true, value: undefined } : { ok: false, notice: 'plan.notice.failed' };
}

/** "Jo, child, 9" · "Jo, child" · "Grandad, scored without a device". */
export function personLabel(person: PersonState): string {
  if (person.kind === 'adult') return t('plan.person.labelAdult', { name: person.name });
  return person.age === null
    ? t('plan.person.labelChild', { name: person.name })
    : t('plan.person.labelChildAge', { name: person.name, age: person.age });
}
