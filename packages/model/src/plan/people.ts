import * as Y from 'yjs';
import { applyRenumber, attachMap, childMap, topMap } from '../doc/docMaps.js';
import { asPersonId, newId } from '../doc/ids.js';
import { compareOrdered, planOrder } from '../doc/order.js';
import { findIn, readAll, readPerson } from '../doc/records.js';
import { done, fail, ok } from '../doc/result.js';
import { LIMITS, personFields, personIdSchema } from '../doc/schema.js';
import { commit, type OpOptions, prepare } from '../doc/transact.js';
import type { Actor, ParticipantId, PersonId, PersonKind, Result } from '../doc/types.js';
import { z } from '../doc/zod.js';

/**
 * The people of the case (issue 14, docs/SPEC.md [AC46]): each child of the family, by the name the
 * family uses and their age, and anyone else a score is recorded for because they have no device.
 * Staff keep the list; scores and the child's tools name people by id.
 */
export interface PersonFields {
  readonly name?: string;
  readonly kind?: PersonKind;
  readonly age?: number | null;
  /** The participant they have joined as (their own device), or null. */
  readonly participantId?: ParticipantId | null;
}

const newPersonFields = z.object({
  ...personFields.shape,
  name: z.nonoptional(personFields.shape.name),
});

/** Adds a person at the end of the list: a name is required; a child unless said otherwise. */
export function addPerson(
  doc: Y.Doc,
  actor: Actor,
  fields: PersonFields,
  opts?: OpOptions,
): Result<{ personId: PersonId }> {
  const op = prepare(newPersonFields, actor, fields, opts);
  if (!op.ok) return op;
  const { input, origin } = op.value;
  const people = Object.values(readAll(doc, 'people', readPerson)).sort(compareOrdered);
  if (people.length >= LIMITS.people) return fail('invalid-input', `at most ${LIMITS.people} people`);
  const personId = commit(doc, origin, () => {
    const map = topMap(doc, 'people');
    const plan = planOrder(people, people.length);
    applyRenumber(map, plan);
    const id = asPersonId(newId());
    const person = attachMap(map, id);
    person.set('id', id);
    person.set('name', input.name.trim());
    person.set('kind', input.kind ?? 'child');
    person.set('age', input.age ?? null);
    person.set('order', plan.order);
    person.set('participantId', input.participantId ?? null);
    return id;
  });
  return ok({ personId });
}

/** Changes the given details of a person; omitted details are left as they are. */
export function updatePerson(
  doc: Y.Doc,
  actor: Actor,
  personId: PersonId,
  changes: PersonFields,
  opts?: OpOptions,
): Result<void> {
  const schema = z.object({ personId: personIdSchema, changes: personFields });
  const op = prepare(schema, actor, { personId, changes }, opts);
  if (!op.ok) return op;
  const { input, origin } = op.value;
  const person = findIn(doc, 'people', input.personId, readPerson);
  if (person === null) return fail('not-found', `person ${input.personId}`);
  const wanted = { ...input.changes, name: input.changes.name?.trim() };
  const updates = Object.entries(wanted).filter(
    ([key, value]) => value !== undefined && person.map.get(key) !== value,
  );
  if (updates.length === 0) return done;
  commit(doc, origin, () => {
    for (const [key, value] of updates) person.map.set(key, value);
  });
  return done;
}

/** Removes a person and every score recorded for them, in one change. */
export function removePerson(doc: Y.Doc, actor: Actor, personId: PersonId, opts?: OpOptions): Result<void> {
  const op = prepare(z.object({ personId: personIdSchema }), actor, { personId }, opts);
  if (!op.ok) return op;
  const { input, origin } = op.value;
  if (findIn(doc, 'people', input.personId, readPerson) === null) {
    return fail('not-found', `person ${input.personId}`);
  }
  commit(doc, origin, () => {
    topMap(doc, 'people').delete(input.personId);
    for (const scale of topMap(doc, 'scales').values()) {
      if (!(scale instanceof Y.Map)) continue;
      const ratings = childMap(scale as Y.Map<unknown>, 'ratings');
      if (ratings?.has(input.personId)) ratings.delete(input.personId);
    }
  });
  return done;
}
