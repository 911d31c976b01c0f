import type * as Y from 'yjs';
import { topMap } from '../doc/docMaps.js';
import { readParticipant } from '../doc/records.js';
import { done, parseWith } from '../doc/result.js';
import { participantInput } from '../doc/schema.js';
import { commit, type OpOptions, resolveOptions } from '../doc/transact.js';
import type { ParticipantId, Result, Role } from '../doc/types.js';

/**
 * Records who is on the board. An upsert by id: the display name and role are set as given;
 * `joinedAt` is kept from the first registration. Re-registering unchanged writes nothing,
 * so reconnecting clients do not grow the document.
 * @example registerParticipant(doc, { id: participantId, displayName: 'Sam (social worker)', role: 'practitioner' })
 */
export function registerParticipant(
  doc: Y.Doc,
  participant: { id: ParticipantId; displayName: string; role: Role },
  opts?: OpOptions,
): Result<void> {
  const input = parseWith(participantInput, participant);
  if (!input.ok) return input;
  const options = resolveOptions(opts);
  if (!options.ok) return options;
  const { id, displayName, role } = input.value;
  const participants = topMap(doc, 'participants');
  const existing = readParticipant(participants.get(id), id);
  if (existing?.displayName === displayName && existing.role === role) return done;
  const joinedAt = existing?.joinedAt ?? options.value.now;
  commit(doc, options.value.origin, () => participants.set(id, { id, displayName, role, joinedAt }));
  return done;
}

/**
 * Is this person on the board already, with this name and role? Reads one entry, not the board:
 * the server asks on every reconnect before writing anything.
 * @example isParticipantRegistered(doc, { id, displayName: 'Alex', role: 'family' })
 */
export function isParticipantRegistered(
  doc: Y.Doc,
  participant: { id: ParticipantId; displayName: string; role: Role },
): boolean {
  const existing = readParticipant(topMap(doc, 'participants').get(participant.id), participant.id);
  return existing?.displayName === participant.displayName && existing.role === participant.role;
}
