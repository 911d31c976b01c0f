import { CloseCode } from '@kinmap/protocol';
import { describe, expect, it } from 'vitest';
import { t } from '../lib/messages';
import { type ConnectionState, connectionWords, nextConnectionState, type ProviderEvent } from './connection';

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
      run([
        { type: 'closed', code: 4404 },
        { type: 'status', status: 'connected' },
        { type: 'sync', synced: true },
      ]),
    ).toBe('denied');
  });

  it('is only reconnecting when the server ends the link after refusing a change (4409)', () => {
    // The client starts again from a fresh document; the board is not lost to this person.
    expect(
      run([
        { type: 'sync', synced: true },
        { type: 'closed', code: 4409 },
      ]),
    ).toBe('connecting');
    expect(
      run([
        { type: 'closed', code: 4409 },
        { type: 'status', status: 'connected' },
        { type: 'sync', synced: true },
      ]),
    ).toBe('synced');
  });

  it('says the access has ended when the server closes with 4403, and stays there', () => {
    expect(
      run([
        { type: 'sync', synced: true },
        { type: 'closed', code: CloseCode.forbidden },
      ]),
    ).toBe('ended');
    expect(
      run([
        { type: 'closed', code: 4403 },
        { type: 'status', status: 'connecting' },
        { type: 'sync', synced: true },
      ]),
    ).toBe('ended');
  });

  it('is offline, not connecting, when an attempt fails before the socket opens (a reload while offline)', () => {
    expect(run([{ type: 'status', status: 'connecting' }, { type: 'unreachable' }])).toBe('offline');
    expect(run([{ type: 'unreachable' }, { type: 'status', status: 'connecting' }])).toBe('offline');
    expect(run([{ type: 'unreachable' }], 'ended')).toBe('ended');
  });

  it('ends when the server no longer opens the board over HTTP, even while offline', () => {
    const offline: ProviderEvent[] = [
      { type: 'sync', synced: true },
      { type: 'status', status: 'disconnected' },
    ];
    expect(run([...offline, { type: 'access-ended' }, { type: 'status', status: 'connected' }])).toBe(
      'ended',
    );
  });
});

describe('connectionWords', () => {
  it('says up to date only when every change is confirmed, and saving while some are not', () => {
    expect(connectionWords('synced', 0)).toEqual({ key: 'status.synced' });
    expect(connectionWords('synced', 3)).toEqual({ key: 'offline.saving' });
    expect(connectionWords('connected', 1)).toEqual({ key: 'offline.saving' });
  });

  it('tells how many changes wait on this device while offline or connecting', () => {
    expect(connectionWords('offline', 4)).toEqual({ key: 'offline.unsaved', count: 4 });
    expect(connectionWords('connecting', 1)).toEqual({ key: 'offline.connectingUnsaved', count: 1 });
    expect(connectionWords('offline', 0)).toEqual({ key: 'status.offline' });
    expect(t('offline.unsaved', { count: 1 })).toContain('1 change is not saved yet');
    expect(t('offline.unsaved', { count: 12 })).toContain('12 changes are not saved yet');
  });

  it('keeps the final states’ own words whatever is unsaved', () => {
    expect(connectionWords('ended', 2)).toEqual({ key: 'status.ended' });
    expect(connectionWords('denied', 2)).toEqual({ key: 'status.denied' });
  });
});
