import {
  addSticker,
  addStroke,
  initChildTool,
  PEN_COLOURS,
  readChildTool,
  STICKERS,
  setChildWords,
} from '@kinmap/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { ConnectionActor } from '../roomContracts.js';
import { createUpdateGuard } from './updateGuard.js';

// The room's guard on a child's tool ([AC50], [AC51]) with real Yjs updates: whatever a staff
// client sends through the model's ops is taken; any other value anywhere in the tool is refused,
// for every role, and the tool stays as it was.

const staff: ConnectionActor = { connectionId: 'c1', role: 'practitioner', canWriteDoc: true };

function tool(): Y.Doc {
  const doc = new Y.Doc();
  initChildTool(doc, { kind: 'safety-house', toolId: 't1', personId: 'jo', createdAt: 1 });
  return doc;
}

function updateFrom(server: Y.Doc, change: (client: Y.Doc) => void): Uint8Array {
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  const before = Y.encodeStateVector(client);
  change(client);
  return Y.encodeStateAsUpdate(client, before);
}

const area = fc.constantFrom('inside', 'path', 'outside', 'roof');
const unit = fc.double({ min: 0, max: 1, noNaN: true });
const op = fc.oneof(
  fc.record({ kind: fc.constant('words' as const), area, words: fc.string({ maxLength: 60 }) }),
  fc.record({
    kind: fc.constant('stroke' as const),
    area,
    colour: fc.constantFrom(...PEN_COLOURS),
    width: fc.double({ min: 0.002, max: 0.06, noNaN: true }),
    points: fc.array(fc.tuple(unit, unit), { minLength: 1, maxLength: 30 }),
  }),
  fc.record({
    kind: fc.constant('sticker' as const),
    area,
    sticker: fc.constantFrom(...STICKERS),
    x: unit,
    y: unit,
  }),
);

describe("the room's guard on a child's tool", () => {
  it('takes every update staff make through the ops, and the room converges on the client', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 12 }), (ops) => {
        const server = tool();
        const guard = createUpdateGuard(server, 'child');
        const client = new Y.Doc();
        Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
        for (const o of ops) {
          const before = Y.encodeStateVector(client);
          if (o.kind === 'words') setChildWords(client, o.area, o.words);
          else if (o.kind === 'stroke')
            addStroke(client, o.area, { colour: o.colour, width: o.width, points: o.points.flat() });
          else addSticker(client, o.area, { sticker: o.sticker, x: o.x, y: o.y });
          const update = Y.encodeStateAsUpdate(client, before);
          expect(guard.check(update, staff)).toEqual({ ok: true });
          Y.applyUpdate(server, update);
        }
        expect(readChildTool(server)).toEqual(readChildTool(client));
      }),
      { numRuns: 60 },
    );
  });

  it('refuses any other value pushed into a stroke or a picture list, and the next good update still passes', () => {
    fc.assert(
      fc.property(
        area,
        fc.constantFrom('strokes', 'stickers'),
        fc.jsonValue({ maxDepth: 3 }),
        (where, list, value) => {
          const server = tool();
          const guard = createUpdateGuard(server, 'child');
          const bad = updateFrom(server, (client) =>
            ((client.getMap('areas').get(where) as Y.Map<unknown>).get(list) as Y.Array<unknown>).push([
              value,
            ]),
          );
          expect(guard.check(bad, staff)).toMatchObject({ ok: false, rule: 'AC51' });
          const good = updateFrom(server, (client) => setChildWords(client, where, 'still fine'));
          expect(guard.check(good, staff)).toEqual({ ok: true });
        },
      ),
      { numRuns: 80 },
    );
  });

  it('refuses family, network and viewers even with a good update', () => {
    const server = tool();
    const guard = createUpdateGuard(server, 'child');
    const update = updateFrom(server, (client) => setChildWords(client, 'inside', 'Nana'));
    for (const role of ['family', 'network', 'viewer'] as const) {
      expect(guard.check(update, { connectionId: 'c2', role, canWriteDoc: true })).toMatchObject({
        ok: false,
        rule: 'AC50',
      });
    }
    expect(guard.check(update, { connectionId: 'c3', role: 'facilitator', canWriteDoc: true })).toEqual({
      ok: true,
    });
  });
});
