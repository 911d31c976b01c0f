import { expect, type Locator, type Page } from '@playwright/test';
import { openView } from './chrome.js';

/** The plan as the test bridge reports it (the bridge's `state()` is the whole visible board). */
export interface E2EPlanState {
  readonly network: Readonly<
    Record<
      string,
      {
        readonly id: string;
        readonly name: string;
        readonly relationship: string;
        readonly contact: string;
        readonly agreedTo: string;
        readonly toldAboutWorries: boolean;
      }
    >
  >;
  readonly rules: Readonly<
    Record<
      string,
      {
        readonly id: string;
        readonly text: string;
        readonly responsibleMemberIds: readonly string[];
        readonly redFlags: string;
        readonly networkResponse: string;
        readonly howChildWillKnow: string;
      }
    >
  >;
  readonly plan: {
    readonly bottomLines: string;
    readonly monitoringWho: string;
    readonly monitoringHowOften: string;
    readonly reviewDate: string | null;
  };
}

export interface MemberDetails {
  readonly name: string;
  readonly relationship?: string;
  readonly contact?: string;
  readonly agreedTo?: string;
}

/** The "Safety plan" view of a board: plain HTML, so it is driven by role and label. */
export class PlanPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await openView(this.page, 'Safety plan');
    await expect(this.page.getByRole('heading', { name: 'Safety plan', level: 2 })).toBeVisible();
  }

  async state(): Promise<E2EPlanState | null> {
    const state = await this.page.evaluate(() => window.__kinmap?.state() ?? null);
    return state as unknown as E2EPlanState | null;
  }

  /** The people in the network, each a list item headed by their name. */
  get members(): Locator {
    return this.page.getByRole('list', { name: 'The network' }).getByRole('listitem');
  }

  member(name: string): Locator {
    return this.members.filter({ has: this.page.getByRole('heading', { name, exact: true }) });
  }

  get rules(): Locator {
    return this.page.getByRole('list', { name: 'Rules of the plan' }).getByRole('listitem');
  }

  rule(number: number): Locator {
    return this.rules.filter({
      has: this.page.getByRole('heading', { name: `Rule ${number}`, exact: true }),
    });
  }

  /** A labelled field inside a member or rule (labels repeat from one item to the next). */
  field(within: Locator, label: string): Locator {
    return within.getByLabel(label, { exact: true });
  }

  /** Adds a person with the button and types their details; the name field takes the caret. */
  async addMember(details: MemberDetails): Promise<void> {
    const before = await this.members.count();
    await this.page.getByRole('button', { name: 'Add a person' }).click();
    await expect(this.members).toHaveCount(before + 1);
    const added = this.members.nth(before);
    await expect(this.field(added, 'Name')).toBeFocused();
    await this.page.keyboard.type(details.name);
    const rest: Array<[string, string | undefined]> = [
      ['Relationship to the child', details.relationship],
      ['How to reach them', details.contact],
      ['What they have agreed to do', details.agreedTo],
    ];
    for (const [label, value] of rest) if (value) await this.field(added, label).fill(value);
    // Leaving the last field saves it at once rather than after the typing pause.
    await this.field(added, 'Name').focus();
    await expect(this.member(details.name)).toHaveCount(1);
  }

  /** Adds a rule, types what will happen and ticks the people who make sure it happens. */
  async addRule(text: string, people: readonly string[]): Promise<Locator> {
    const before = await this.rules.count();
    await this.page.getByRole('button', { name: 'Add a rule' }).click();
    const rule = this.rule(before + 1);
    await expect(this.field(rule, 'What will happen')).toBeFocused();
    await this.page.keyboard.type(text);
    for (const person of people) await rule.getByRole('checkbox', { name: person, exact: true }).check();
    return rule;
  }

  /** What the focused element is called: its label, or its own words for a button. */
  focusedName(): Promise<string> {
    return this.page.evaluate(() => {
      const el = document.activeElement as (HTMLElement & { labels?: NodeListOf<HTMLLabelElement> }) | null;
      if (!el || el === document.body) return '(nothing)';
      const label = el?.labels?.[0]?.textContent ?? el?.textContent ?? '';
      return label.trim();
    });
  }

  /** Presses Tab until the named control has the focus; fails after `limit` presses. */
  async tabTo(name: string, limit = 12): Promise<void> {
    const passed: string[] = [];
    for (let i = 0; i < limit; i++) {
      await this.page.keyboard.press('Tab');
      const focused = await this.focusedName();
      if (focused === name) return;
      passed.push(focused);
    }
    throw new Error(`Tab never reached "${name}"; it passed ${JSON.stringify(passed)}`);
  }
}
