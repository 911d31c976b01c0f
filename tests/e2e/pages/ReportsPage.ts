import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page } from '@playwright/test';
import { openView } from './chrome.js';

/** A file the page handed to the browser's downloads. */
export interface Downloaded {
  readonly name: string;
  readonly bytes: Buffer;
}

/** The Reports view of a board: the scaling trajectory (SVG + table) and the downloads. */
export class ReportsPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await openView(this.page, 'Reports');
    await expect(this.page.getByRole('heading', { name: 'Reports', level: 2 })).toBeVisible();
  }

  /** One scale's chart and table, by its heading ('Overall', 'Worry 1: …'). */
  scale(heading: string | RegExp): Locator {
    return this.page.getByRole('region', { name: heading });
  }

  /** The markers drawn on a scale's chart, one per scored moment of each line shown. */
  points(heading: string | RegExp): Locator {
    return this.scale(heading).getByRole('img').locator('.trajectory-point');
  }

  /** The table alternative: each row's heading -> its cells' text, in the moments' order. */
  async table(heading: string | RegExp): Promise<Record<string, string[]>> {
    const table = this.scale(heading).getByRole('table');
    await expect(table).toBeVisible();
    const rows: Record<string, string[]> = {};
    for (const row of await table.locator('tbody tr').all()) {
      const who = (await row.getByRole('rowheader').textContent()) ?? '';
      rows[who] = (await row.getByRole('cell').allTextContents()).map((text) => text.trim());
    }
    return rows;
  }

  /** The moments' column headings of a scale's table (after "Who"). */
  async moments(heading: string | RegExp): Promise<string[]> {
    const table = this.scale(heading).getByRole('table');
    await expect(table).toBeVisible();
    const headers = await table.getByRole('columnheader').allTextContents();
    return headers.slice(1);
  }

  async toggle(name: 'Each person' | 'Middle of each group', on: boolean): Promise<void> {
    await this.page.getByRole('checkbox', { name }).setChecked(on);
  }

  /** Chooses the board the downloads are made from: 'The board as it is now' or a version's name. */
  async chooseVersion(label: string | RegExp): Promise<void> {
    const select = this.page.getByLabel('Which board');
    const options = await select.locator('option').allTextContents();
    const match = options.find((o) => (typeof label === 'string' ? o === label : label.test(o)));
    if (!match) throw new Error(`no version named ${String(label)} among ${options.length} options`);
    await select.selectOption({ label: match });
  }

  /** Clicks a download button and reads the file the browser saved. */
  async download(button: string): Promise<Downloaded> {
    const started = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: button }).click();
    const download = await started;
    const path = await download.path();
    await expect(this.page.getByRole('status').filter({ hasText: 'is downloaded' })).toBeVisible();
    return { name: download.suggestedFilename(), bytes: await readFile(path) };
  }
}

/** Width and height from a PNG's IHDR chunk (bytes 16–23, big-endian), after checking its signature. */
export function pngSize(bytes: Buffer): { width: number; height: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(0, 8).equals(signature), 'PNG signature').toBe(true);
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}
