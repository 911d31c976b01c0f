import { describe, expect, it } from 'vitest';
import { createJsonLogger } from './logger.js';

describe('createJsonLogger', () => {
  it('writes one JSON line per event with time, level, event and the fields', () => {
    const lines: string[] = [];
    const logger = createJsonLogger({ write: (line) => lines.push(line), now: () => 0 });
    logger.info('board.created', { boardId: 'b1', bytes: 42 });
    logger.error('storage.failed', { boardId: 'b1' });
    expect(lines).toHaveLength(2);
    expect(lines.every((line) => line.endsWith('\n'))).toBe(true);
    expect(JSON.parse(lines[0]!)).toEqual({
      time: '1970-01-01T00:00:00.000Z',
      level: 'info',
      event: 'board.created',
      boardId: 'b1',
      bytes: 42,
    });
    expect(JSON.parse(lines[1]!).level).toBe('error');
  });

  it('never lets a field overwrite the level or the event name', () => {
    const lines: string[] = [];
    const logger = createJsonLogger({ write: (line) => lines.push(line) });
    logger.warn('x', { level: 'info', event: 'y' });
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'warn', event: 'x' });
  });
});
