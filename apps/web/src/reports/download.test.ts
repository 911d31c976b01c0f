import { describe, expect, it } from 'vitest';
import { fetchFile, fileNameFrom } from './download';

describe('fileNameFrom', () => {
  it('takes the quoted file name of an attachment', () => {
    expect(fileNameFrom('attachment; filename="kinmap-b1-v3-record.pdf"', 'x.pdf')).toBe(
      'kinmap-b1-v3-record.pdf',
    );
  });

  it('prefers the encoded name (RFC 6266) over the plain one', () => {
    expect(fileNameFrom(`attachment; filename="a.pdf"; filename*=UTF-8''kinmap%20b1.pdf`, 'x.pdf')).toBe(
      'kinmap b1.pdf',
    );
  });

  it('never lets a name climb out of the downloads folder', () => {
    for (const sent of ['../../etc/passwd', '..\\\\boot.ini', '/abs/k.pdf', 'a:b*?.pdf']) {
      const name = fileNameFrom(`attachment; filename="${sent}"`, 'x.pdf');
      expect(name, sent).not.toMatch(/[\\/:*?]/);
      expect(name.startsWith('.'), sent).toBe(false);
    }
    expect(fileNameFrom('attachment; filename="a\\\\b.pdf"', 'x.pdf')).toBe('a-b.pdf');
  });

  it('falls back when there is no usable name', () => {
    expect(fileNameFrom(null, 'x.pdf')).toBe('x.pdf');
    expect(fileNameFrom('attachment', 'x.pdf')).toBe('x.pdf');
    expect(fileNameFrom('attachment; filename=""', 'x.pdf')).toBe('x.pdf');
    expect(fileNameFrom(`attachment; filename*=UTF-8''%E0%A4%A`, 'x.pdf')).toBe('x.pdf');
  });
});

describe('fetchFile', () => {
  it('gives the body and the server’s file name', async () => {
    const file = await fetchFile(
      '/f',
      'x.pdf',
      async () =>
        new Response('%PDF-1.7', { headers: { 'Content-Disposition': 'attachment; filename="k.pdf"' } }),
    );
    expect(file.ok && file.value.fileName).toBe('k.pdf');
    expect(file.ok && (await file.value.blob.text())).toBe('%PDF-1.7');
  });

  it('turns a refusal into a failure value instead of saving the error as a file', async () => {
    const file = await fetchFile('/f', 'x.pdf', async () =>
      Response.json({ error: { code: 'forbidden' } }, { status: 403 }),
    );
    expect(file).toMatchObject({ ok: false, reason: 'forbidden', code: 'forbidden' });
  });

  it('never throws when the network fails', async () => {
    const file = await fetchFile('/f', 'x.pdf', async () => {
      throw new TypeError('network down');
    });
    expect(file).toEqual({ ok: false, reason: 'failed' });
  });
});
