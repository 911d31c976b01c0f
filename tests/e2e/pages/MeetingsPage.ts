import { expect, type Locator } from '@playwright/test';
import type { E2ECard } from '../bridge.js';
import { BoardPage } from './BoardPage.js';
import { openView } from './chrome.js';

/** The "Meetings" view: running a meeting, the saved versions, reading and comparing them. */
export class MeetingsPage extends BoardPage {
  async openMeetings(): Promise<void> {
    await this.openView('Meetings');
    await expect(this.page.getByRole('heading', { name: 'Meetings and versions' })).toBeVisible();
  }

  /** One of the board's view tabs ("Map", "Outline", "Meetings"…). */
  async openView(name: string): Promise<void> {
    await openView(this.page, name);
  }

  /** Reading a version: as the map ("Map") or as the outline ("Outline"). */
  async showVersionAs(how: 'Map' | 'Outline'): Promise<void> {
    const toggle = this.page
      .getByRole('group', { name: 'Show the version as' })
      .getByRole('button', { name: how });
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  }

  /** The card with these words, once the board has it (a new card reaches the state a moment later). */
  async waitForCard(text: string): Promise<E2ECard> {
    await expect.poll(async () => (await this.cardWithText(text))?.id ?? null).not.toBeNull();
    const card = await this.cardWithText(text);
    if (!card) throw new Error(`no card reading "${text}"`);
    return card;
  }

  /** Back from a version or a comparison to the meetings and the list of versions. */
  async backToList(): Promise<void> {
    await this.page.getByRole('button', { name: 'Back to the live board' }).click();
    await expect(this.page.getByRole('heading', { name: 'Meetings and versions' })).toBeVisible();
  }

  async startMeeting(type: string): Promise<void> {
    await this.page.getByLabel('Type of meeting').selectOption({ label: type });
    await this.page.getByRole('button', { name: 'Start the meeting' }).click();
    await expect(this.page.getByText(/the meeting is open\.$/)).toBeVisible();
  }

  get attendance(): Locator {
    return this.page.getByRole('group', { name: 'Who took part' });
  }

  async tick(personLabel: string): Promise<void> {
    await this.attendance.getByRole('checkbox', { name: personLabel }).check();
  }

  async addPersonInRoom(name: string, role: string): Promise<void> {
    await this.attendance.getByLabel('Their name').fill(name);
    await this.attendance.getByLabel('Relationship or role').fill(role);
    await this.attendance.getByRole('button', { name: 'Add this person' }).click();
  }

  async addApologies(name: string): Promise<void> {
    await this.attendance.getByLabel('Name of someone who sent apologies').fill(name);
    await this.attendance.getByRole('button', { name: 'Add apologies' }).click();
  }

  async writeDecision(text: string): Promise<void> {
    await this.page.getByLabel('Decision or outcome').fill(text);
  }

  async saveNotes(): Promise<void> {
    await this.page.getByRole('button', { name: 'Save the meeting notes' }).click();
    await expect(this.page.getByRole('status').filter({ hasText: 'Meeting notes saved.' })).toBeVisible();
  }

  /** Closes the open meeting (answering the question) and returns the saved version's number. */
  async closeMeeting(): Promise<number> {
    await this.page.getByRole('button', { name: 'Close the meeting' }).click();
    await this.page.getByRole('button', { name: 'Yes, close and save' }).click();
    const said = this.page.getByRole('status').filter({ hasText: 'Meeting closed.' });
    await expect(said).toBeVisible();
    const number = /version (\d+)/.exec((await said.textContent()) ?? '')?.[1];
    if (!number) throw new Error('no version number after closing the meeting');
    return Number(number);
  }

  /** A row of the table of versions. */
  versionRow(number: number): Locator {
    return this.page.locator(`tr[data-version="${number}"]`);
  }

  async compareWithNow(number: number): Promise<void> {
    await this.page.getByRole('button', { name: `Compare version ${number} with now` }).click();
    await expect(this.page.getByRole('heading', { name: 'Differences in words' })).toBeVisible();
  }

  /** The readable list of differences. */
  get differences(): Locator {
    return this.page.getByRole('region', { name: 'Differences in words' });
  }

  /** A card's entry in one group of the list ("New cards", "Changed cards", "Removed cards"). */
  diffEntry(group: string, cardId: string): Locator {
    return this.differences.getByRole('region', { name: group }).locator(`li[data-card="${cardId}"]`);
  }

  /** How the compared canvas marks a card, read from what Konva drew. */
  highlightOf(cardId: string): Promise<string | null> {
    return this.page.evaluate((id) => window.__kinmap?.cardHighlight(id) ?? null, cardId);
  }
}
