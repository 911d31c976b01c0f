import { seriousViolations } from './axe.js';
import { expect, test } from './fixtures.js';
import { MeetingsPage } from './pages/MeetingsPage.js';

test('a closed meeting saves a version; compared with now, the changes are listed and highlighted, and a card comes back', async ({
  openParticipant,
}, testInfo) => {
  const facilitator = await openParticipant('facilitator');
  await facilitator.landing.goto();
  await facilitator.landing.createBoard('Case 8001');
  const meetings = new MeetingsPage(facilitator.page);
  await meetings.addCard('Harm', 'Dad pushed Mia');
  await meetings.addCard('Existing strengths', 'Nan takes Mia to school');
  await meetings.addCard('Complicating factors', 'Mum works nights');
  const harm = await meetings.waitForCard('Dad pushed Mia');
  const strength = await meetings.waitForCard('Nan takes Mia to school');
  const factor = await meetings.waitForCard('Mum works nights');

  // The meeting: started, attendance and decision written, closed with a confirmation.
  await meetings.openMeetings();
  await meetings.startMeeting('Review child protection conference');
  await meetings.tick('Sam Chair (Facilitator)');
  await meetings.addPersonInRoom('Nan', 'Grandmother');
  await meetings.addApologies('GP');
  await meetings.writeDecision('Mia stays on a child protection plan.');
  await meetings.saveNotes();
  expect(await seriousViolations(facilitator.page, testInfo, 'meeting-open')).toEqual([]);
  const number = await meetings.closeMeeting();
  expect(number).toBe(1);
  await expect(meetings.versionRow(1)).toContainText('Review child protection conference');
  await expect(meetings.versionRow(1)).toContainText('Sam Chair');
  expect(await seriousViolations(facilitator.page, testInfo, 'versions-list')).toEqual([]);

  // After the meeting: a card edited, one added, one deleted, on the map.
  await meetings.openView('Map');
  await meetings.appendToCard(harm.id, ' on Friday');
  await meetings.addCard('Next steps', 'Nan visits on Sunday');
  const added = await meetings.waitForCard('Nan visits on Sunday');
  await meetings.clickCard(factor.id);
  await facilitator.page.getByRole('button', { name: 'Delete card' }).click();
  await expect.poll(async () => (await meetings.state())?.cards[factor.id]).toBeUndefined();

  // Compare version 1 with now: the list says it in words, the canvas marks each card.
  await meetings.openMeetings();
  await meetings.compareWithNow(1);
  await expect(meetings.differences).toContainText('3 differences');
  const changed = meetings.diffEntry('Changed cards', harm.id);
  await expect(changed.locator('ins')).toHaveText(['added: on Friday']);
  await expect(changed.locator('del')).toHaveCount(0);
  await expect(changed).toContainText('Dad pushed Mia');
  await expect(meetings.diffEntry('New cards', added.id)).toContainText('Nan visits on Sunday');
  await expect(meetings.diffEntry('Removed cards', factor.id)).toContainText('Mum works nights');
  await expect.poll(() => meetings.highlightOf(harm.id)).toBe('changed');
  expect(await meetings.highlightOf(added.id)).toBe('added');
  expect(await meetings.highlightOf(factor.id)).toBe('removed');
  expect(await meetings.highlightOf(strength.id)).toBeNull();
  // The removed card is drawn as a ghost in its old section.
  expect(await meetings.cardDrawnAtItsPlace(factor.id)).toBe(factor.id);
  expect(await seriousViolations(facilitator.page, testInfo, 'compare')).toEqual([]);

  // Bring the edited card back: its old words are live again, and the comparison shows it.
  await changed.getByRole('button', { name: 'Bring back this card as it was in version 1' }).click();
  await expect(facilitator.page.getByRole('status').filter({ hasText: 'The card is back' })).toBeVisible();
  await expect.poll(async () => (await meetings.state())?.cards[harm.id]?.text).toBe('Dad pushed Mia');
  await expect(changed).toHaveCount(0);
  await expect.poll(() => meetings.highlightOf(harm.id)).toBeNull();
  await expect(meetings.differences).toContainText('2 differences');

  // The version itself opens read-only, on the canvas and as the outline.
  await meetings.backToList();
  await facilitator.page.getByRole('button', { name: 'Open version 1' }).click();
  await expect(facilitator.page.getByRole('heading', { name: /^Version 1 — .*, read-only$/ })).toBeVisible();
  await expect.poll(() => meetings.cardDrawnAtItsPlace(factor.id)).toBe(factor.id);
  expect(await meetings.highlightOf(factor.id)).toBeNull();
  await meetings.showVersionAs('Outline');
  const outline = facilitator.page.getByRole('main', { name: 'Outline of the board' });
  await expect(outline).toContainText('Mum works nights');
  await expect(outline.getByRole('button', { name: /^Edit/ })).toHaveCount(0);
  expect(await seriousViolations(facilitator.page, testInfo, 'version-outline')).toEqual([]);
});
