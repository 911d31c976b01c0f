import { describe, expect, it } from 'vitest';
import { createSocketPair } from './socketPair.js';

const bytes = (...values: number[]) => new Uint8Array(values);

describe('createSocketPair', () => {
  it('delivers nothing until flush, then everything in order both ways', () => {
    const pair = createSocketPair();
    const atServer: number[] = [];
    const atClient: number[] = [];
    pair.server.onmessage = (data) => atServer.push(data[0] as number);
    pair.client.onmessage = (data) => atClient.push(data[0] as number);
    pair.client.send(bytes(1));
    pair.client.send(bytes(2));
    pair.server.send(bytes(3));
    expect([atServer, atClient]).toEqual([[], []]);
    expect(pair.pending()).toBe(3);
    expect(pair.flush()).toBe(3);
    expect([atServer, atClient]).toEqual([[1, 2], [3]]);
  });

  it('keeps flushing replies until the pair is quiet', () => {
    const pair = createSocketPair();
    pair.server.onmessage = (data) => pair.server.send(data);
    let echoes = 0;
    pair.client.onmessage = () => echoes++;
    pair.client.send(bytes(7));
    expect(pair.flush()).toBe(2);
    expect(echoes).toBe(1);
  });

  it('counts unsent bytes as bufferedAmount, and copies frames on send', () => {
    const pair = createSocketPair();
    const frame = bytes(1, 2, 3);
    pair.server.send(frame);
    frame[0] = 9;
    expect(pair.server.bufferedAmount).toBe(3);
    let received: Uint8Array | undefined;
    pair.client.onmessage = (data) => {
      received = data;
    };
    pair.flushFrom('server', 1);
    expect(received).toEqual(bytes(1, 2, 3));
    expect(pair.server.bufferedAmount).toBe(0);
  });

  it('delivers frames sent before a close, then closes both ends with its code and reason', () => {
    const pair = createSocketPair();
    const events: string[] = [];
    pair.client.onmessage = () => events.push('message');
    pair.client.onclose = ({ code, reason }) => events.push(`client closed ${code} ${reason}`);
    pair.server.onclose = ({ code }) => events.push(`server closed ${code}`);
    pair.server.send(bytes(1));
    pair.server.close(4400, 'bad');
    pair.server.send(bytes(2));
    expect(pair.server.isOpen).toBe(false);
    pair.flush();
    expect(events).toEqual(['message', 'client closed 4400 bad', 'server closed 4400']);
    expect(pair.client.closed).toEqual({ code: 4400, reason: 'bad' });
    pair.client.send(bytes(3));
    expect(pair.pending()).toBe(0);
  });
});
