import { writeFile } from 'node:fs/promises';
import { expect, test } from './fixtures.js';
import { MeetingsPage } from './pages/MeetingsPage.js';
import { pngSize, ReportsPage } from './pages/ReportsPage.js';
import { ScalesPage } from './pages/ScalesPage.js';

const HARM = 'Dad shouted at Mia on Friday night';
const STRENGTH = 'Nan takes Mia to school every day';

/** Holds a meeting on the given date through the Meetings tab and closes it; the version's number. */
async function holdMeeting(meetings: MeetingsPage, type: string, date: string): Promise<number> {
  await meetings.openMeetings();
  await meetings.page.getByLabel('Date of the meeting').fill(date);
  await meetings.startMeeting(type);
  return meetings.closeMeeting();
}

test('the trajectory shows two meetings’ scores, every export downloads, and the JSON imports as a new board', async ({
  openParticipant,
}, testInfo) => {
  const chair = await openParticipant('facilitator');
  await chair.landing.goto();
  const boardId = await chair.landing.createBoard('Case 5501');
  await chair.board.addCard('Harm', HARM);
  await chair.board.addCard('Existing safety', STRENGTH);
  // The board on screen, to compare the picture's size with.
  const onScreen = await chair.page.locator('.board-surface').boundingBox();
  expect(onScreen?.width ?? 0).toBeGreaterThan(0);

  const scales = new ScalesPage(chair.page);
  const meetings = new MeetingsPage(chair.page);
  await scales.open();
  await scales.score('Overall', 3, 'The plan is new');
  const first = await holdMeeting(meetings, 'Initial child protection conference', '2025-03-12');
  await scales.open();
  await scales.score('Overall', 6, 'Nan has kept to the plan');
  const second = await holdMeeting(meetings, 'Review child protection conference', '2025-04-09');
  expect(second).toBe(first + 1);

  // The chart: both meetings and now, each with the score given then.
  const reports = new ReportsPage(chair.page);
  await reports.open();
  expect(await reports.moments('Overall')).toEqual(['Mar 12, 2025', 'Apr 9, 2025', 'Now']);
  expect(await reports.table('Overall')).toEqual({
    'Sam Chair (Facilitator)': ['3', '6', '6'],
    'Professionals (average)': ['3', '6', '6'],
  });
  // One marker per scored moment: the person's line and the professionals' average line.
  await expect(reports.points('Overall')).toHaveCount(6);
  await reports.toggle('Middle of each group', false);
  await expect(reports.points('Overall')).toHaveCount(3);
  expect(Object.keys(await reports.table('Overall'))).toEqual(['Sam Chair (Facilitator)']);
  await reports.toggle('Middle of each group', true);
  const shot = testInfo.outputPath('reports.png');
  await chair.page.screenshot({ path: shot, fullPage: true });
  await testInfo.attach('reports', { path: shot, contentType: 'image/png' });

  // Every download, made from the board as it is now.
  const family = await reports.download('Family summary (PDF)');
  expect(family.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(family.bytes.length).toBeGreaterThan(1000);
  expect(family.name).toMatch(/\.pdf$/);
  const record = await reports.download('Record for the file (PDF)');
  expect(record.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(record.bytes.length).toBeGreaterThan(family.bytes.length / 4);
  const json = await reports.download('Board data (JSON)');
  const exported = JSON.parse(json.bytes.toString('utf8')) as {
    format: string;
    formatVersion: number;
    version: unknown;
    shared: { cards: Record<string, { text: string }> };
  };
  expect(exported).toMatchObject({ format: 'kinmap.board-export', formatVersion: 1, version: null });
  expect(Object.values(exported.shared.cards).map((c) => c.text)).toEqual(
    expect.arrayContaining([HARM, STRENGTH]),
  );
  const picture = await reports.download('Picture of the map (PNG)');
  expect(picture.name).toBe(`kinmap-${boardId}.png`);
  const picturePath = testInfo.outputPath('board-picture.png');
  await writeFile(picturePath, picture.bytes);
  await testInfo.attach('board picture', { path: picturePath, contentType: 'image/png' });
  const size = pngSize(picture.bytes);
  expect(size.width).toBeGreaterThanOrEqual(2 * (onScreen?.width ?? Number.POSITIVE_INFINITY));
  expect(size.height).toBeGreaterThan(size.width / 4);

  // A saved version's family summary and data.
  await reports.chooseVersion(new RegExp(`^Version ${first}[,:]`));
  const firstFamily = await reports.download('Family summary (PDF)');
  expect(firstFamily.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const firstJson = JSON.parse((await reports.download('Board data (JSON)')).bytes.toString('utf8')) as {
    version: { number: number };
  };
  expect(firstJson.version).toMatchObject({ number: first });

  // The data file imported from the board list becomes a new board with the same cards.
  await chair.landing.goto();
  await chair.landing.importBoard(json.name, json.bytes);
  await chair.page.waitForURL(
    (url) => /^\/b\/[A-Za-z0-9_-]+$/.test(url.pathname) && !url.pathname.endsWith(boardId),
  );
  await chair.board.waitUntilSynced();
  await expect
    .poll(async () => (await chair.board.cards()).map((c) => c.text).sort())
    .toEqual([HARM, STRENGTH].sort());
  expect(await chair.board.role()).toBe('facilitator');
});

test('a file that is not a board export is refused with words, and no board is made', async ({
  openParticipant,
}) => {
  const chair = await openParticipant('facilitator', {
    // The browser logs the server's 400 for the refused import.
    expectedErrors: [/status of 400/],
  });
  await chair.landing.goto();
  await chair.landing.createBoard('Case 5502');
  await chair.landing.goto();
  await chair.landing.importBoard('notes.json', Buffer.from('{"a":1}'));
  await expect(chair.page.getByRole('alert')).toHaveText(
    'This file is not a Kinmap board data file, or it is damaged.',
  );
  await chair.landing.importBoard('notes.json', Buffer.from('not json'));
  await expect(chair.page.getByRole('alert')).toHaveText(
    'This file is not a board data file (it is not JSON).',
  );
  expect(new URL(chair.page.url()).pathname).toBe('/');
});
