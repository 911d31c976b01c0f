import { describe, expect, it } from 'vitest';
import { boardPath, parseRoute } from './router';

describe('parseRoute', () => {
  it('knows the landing page and a board page', () => {
    expect(parseRoute('/')).toEqual({ name: 'landing' });
    expect(parseRoute('/b/abc_DEF-123')).toEqual({ name: 'board', boardId: 'abc_DEF-123' });
    expect(parseRoute('/b/abc/')).toEqual({ name: 'board', boardId: 'abc' });
  });

  it('knows the sign-in, first-run and invite pages, with or without a trailing slash', () => {
    expect(parseRoute('/signin')).toEqual({ name: 'signIn' });
    expect(parseRoute('/setup')).toEqual({ name: 'setup' });
    expect(parseRoute('/join')).toEqual({ name: 'join' });
    expect(parseRoute('/join/')).toEqual({ name: 'join' });
    expect(parseRoute('/staff')).toEqual({ name: 'staff' });
  });

  it('treats anything else as not found', () => {
    expect(parseRoute('/b/')).toEqual({ name: 'notFound' });
    expect(parseRoute('/b/a%20b')).toEqual({ name: 'notFound' });
    expect(parseRoute('/b/a/b')).toEqual({ name: 'notFound' });
    expect(parseRoute('/admin')).toEqual({ name: 'notFound' });
    expect(parseRoute('/join/abc')).toEqual({ name: 'notFound' });
    expect(parseRoute('/constructor')).toEqual({ name: 'notFound' });
  });

  it('builds the board path it parses', () => {
    expect(parseRoute(boardPath('xyz'))).toEqual({ name: 'board', boardId: 'xyz' });
    const wall = new URL(boardPath('xyz', { projector: true }), 'http://localhost');
    expect(parseRoute(wall.pathname)).toEqual({ name: 'board', boardId: 'xyz' });
    expect(wall.searchParams.has('projector')).toBe(true);
  });
});
