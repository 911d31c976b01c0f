import * as Y from 'yjs';
import { type AnyMap, applyRenumber, attachMap, childMap, topMap } from '../doc/docMaps.js';
import { asNetworkMemberId, newId } from '../doc/ids.js';
import { compareOrdered, planOrder } from '../doc/order.js';
import { findIn, readAll, readNetworkMember } from '../doc/records.js';
import { done, fail, ok } from '../doc/result.js';
import { networkMemberFields, networkMemberIdSchema } from '../doc/schema.js';
import { commit, type OpOptions, prepare } from '../doc/transact.js';
import type { Actor, NetworkMemberId, Result } from '../doc/types.js';
import { z } from '../doc/zod.js';

/** The editable details of a network member: the people the family chose to help keep the child safe. */
export interface NetworkMemberFields {
  readonly name?: string;
  readonly relationship?: string;
  readonly contact?: string;
  readonly agreedTo?: string;
  readonly toldAboutWorries?: boolean;
}

const STRING_FIELDS = ['name', 'relationship', 'contact', 'agreedTo'] as const;

/** Appends a member to the network; omitted details start empty (not yet told about the worries). */
export function addNetworkMember(
  doc: Y.Doc,
  actor: Actor,
  fields: NetworkMemberFields,
  opts?: OpOptions,
): Result<{ memberId: NetworkMemberId }> {
  const op = prepare(networkMemberFields, actor, fields, opts);
  if (!op.ok) return op;
  const { input, origin } = op.value;
  const memberId = commit(doc, origin, () => {
    const network = topMap(doc, 'network');
    const members = Object.values(readAll(doc, 'network', readNetworkMember)).sort(compareOrdered);
    const plan = planOrder(members, members.length);
    applyRenumber(network, plan);
    const id = asNetworkMemberId(newId());
    const member = attachMap(network, id);
    member.set('id', id);
    for (const key of STRING_FIELDS) member.set(key, input[key] ?? '');
    member.set('toldAboutWorries', input.toldAboutWorries ?? false);
    member.set('order', plan.order);
    return id;
  });
  return ok({ memberId });
}

/** Changes the given details of a member; omitted details are left as they are. */
export function updateNetworkMember(
  doc: Y.Doc,
  actor: Actor,
  memberId: NetworkMemberId,
  changes: NetworkMemberFields,
  opts?: OpOptions,
): Result<void> {
  const schema = z.object({ memberId: networkMemberIdSchema, changes: networkMemberFields });
  const op = prepare(schema, actor, { memberId, changes }, opts);
  if (!op.ok) return op;
  const { input, origin } = op.value;
  const member = findIn(doc, 'network', input.memberId, readNetworkMember);
  if (member === null) return fail('not-found', `network member ${input.memberId}`);
  const updates = Object.entries(input.changes).filter(
    ([key, value]) => value !== undefined && member.map.get(key) !== value,
  );
  if (updates.length === 0) return done;
  commit(doc, origin, () => {
    for (const [key, value] of updates) member.map.set(key, value);
  });
  return done;
}

/** Removes a member from the network and from every rule they were responsible for. */
export function removeNetworkMember(
  doc: Y.Doc,
  actor: Actor,
  memberId: NetworkMemberId,
  opts?: OpOptions,
): Result<void> {
  const op = prepare(z.object({ memberId: networkMemberIdSchema }), actor, { memberId }, opts);
  if (!op.ok) return op;
  const { input, origin } = op.value;
  if (findIn(doc, 'network', input.memberId, readNetworkMember) === null) {
    return fail('not-found', `network member ${input.memberId}`);
  }
  commit(doc, origin, () => {
    topMap(doc, 'network').delete(input.memberId);
    for (const rule of topMap(doc, 'rules').values()) {
      const responsible = rule instanceof Y.Map ? childMap(rule as AnyMap, 'responsible') : null;
      responsible?.delete(input.memberId);
    }
  });
  return done;
}
