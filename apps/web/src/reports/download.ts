import { type ApiResult, apiRequest, type Fetch } from '../lib/api';

/**
 * Downloads go through fetch rather than a plain link, so a refusal or a server failure is shown
 * in words on the page instead of being saved as a file holding an error.
 */

export interface DownloadedFile {
  readonly blob: Blob;
  readonly fileName: string;
}

/** Characters a file name must not carry to the disk (path separators, controls, reserved on Windows). */
const UNSAFE = /[\\/:*?"<>|\p{Cc}]+/gu;

function safeName(name: string): string {
  const cleaned = name.replace(UNSAFE, '-').replace(/^\.+/, '').trim().slice(0, 120);
  return cleaned === '' ? '' : cleaned;
}

/**
 * The file name a `Content-Disposition` header gives (RFC 6266: `filename*` wins over
 * `filename`), made safe for a disk; `fallback` when there is none.
 * @example fileNameFrom('attachment; filename="kinmap-b1-v3.pdf"', 'x.pdf') // 'kinmap-b1-v3.pdf'
 */
export function fileNameFrom(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (extended?.[1]) {
    try {
      const name = safeName(decodeURIComponent(extended[1].trim()));
      if (name) return name;
    } catch {
      // A malformed escape: fall through to the plain name.
    }
  }
  const plain = /filename\s*=\s*(?:"([^"]*)"|([^;]+))/.exec(disposition);
  const name = safeName((plain?.[1] ?? plain?.[2] ?? '').trim());
  return name || fallback;
}

/** Fetches a file with the session cookie; a failure value when the server refuses or fails. Never throws. */
export async function fetchFile(
  url: string,
  fallbackName: string,
  doFetch: Fetch = fetch,
): Promise<ApiResult<DownloadedFile>> {
  try {
    const response = await doFetch(url, { credentials: 'same-origin' });
    // Errors come back as JSON; apiRequest reads them into the usual failure value.
    if (!response.ok) {
      const failure = await apiRequest(url, {}, () => Promise.resolve(response));
      return failure.ok ? { ok: false, reason: 'failed' } : failure;
    }
    const blob = await response.blob();
    return {
      ok: true,
      value: { blob, fileName: fileNameFrom(response.headers.get('Content-Disposition'), fallbackName) },
    };
  } catch {
    return { ok: false, reason: 'failed' };
  }
}

/** Hands a file to the browser's downloads, as if a download link had been clicked. */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has started reading the blob by now; keep it a little for slow disks.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
