import { describe, expect, it } from 'vitest';
import { boardPath, parseRoute } from './router';

describe('parseRoute', () => {
  it('knows the landing page and a board page', () => {
    expect(parseRoute('/')).toEqual({ name: 'landing' });
    expect(parseRoute('/b/abc_DEF-123')).toEqual({ name: 'board', boardId: 'abc_DEF-123' });
    expect(parseRoute('/b/abc/')).toEqual({ name: 'board', boardId: 'abc' });
  });

  it('treats anything else as not found', () => {
    expect(parseRoute('/b/')).toEqual({ name: 'notFound' });
    expect(parseRoute('/b/a%20b')).toEqual({ name: 'notFound' });
    expect(parseRoute('/b/a/b')).toEqual({ name: 'notFound' });
    expect(parseRoute('/admin')).toEqual({ name: 'notFound' });
  });

  it('builds the board path it parses', () => {
    expect(parseRoute(boardPath('xyz'))).toEqual({ name: 'board', boardId: 'xyz' });
  });
});
