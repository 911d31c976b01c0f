import { describe, expect, it } from 'vitest';
import { type ConnectionState, nextConnectionState, type ProviderEvent } from './connection';

function run(events: ProviderEvent[], from: ConnectionState = 'connecting'): ConnectionState {
  return events.reduce(nextConnectionState, from);
}

describe('nextConnectionState', () => {
  it('goes connecting, connected, synced on a normal start', () => {
    expect(run([{ type: 'status', status: 'connected' }])).toBe('connected');
    expect(
      run([
        { type: 'status', status: 'connected' },
        { type: 'sync', synced: true },
      ]),
    ).toBe('synced');
  });

  it('stays offline while reconnect attempts fail, and is synced again after a reconnect', () => {
    const lost: ProviderEvent[] = [
      { type: 'sync', synced: true },
      { type: 'sync', synced: false },
      { type: 'status', status: 'disconnected' },
      { type: 'status', status: 'connecting' },
    ];
    expect(run(lost)).toBe('offline');
    expect(run([...lost, { type: 'status', status: 'connected' }, { type: 'sync', synced: true }])).toBe(
      'synced',
    );
  });

  it('stays denied once the server refused the board for good', () => {
    expect(
      run([{ type: 'closed' }, { type: 'status', status: 'connected' }, { type: 'sync', synced: true }]),
    ).toBe('denied');
  });
});
