/**
 * What the web app's test bridge (apps/web/src/board/testBridge.ts) exposes on `window.__kinmap`,
 * restated for the tests: the e2e suite talks to the app only through the browser.
 */
export interface E2ERect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface E2ECard {
  readonly id: string;
  readonly category: string;
  readonly text: string;
  readonly authorRole: string;
  readonly order: number;
  /** Set on the merged board of a professional (the bridge publishes the board as the views see it). */
  readonly professionalsOnly?: boolean;
  readonly marks: Readonly<Record<string, string>>;
}

export interface E2EBoardState {
  readonly meta: { readonly title: string };
  readonly cards: Readonly<Record<string, E2ECard>>;
  readonly participants: Readonly<Record<string, { readonly displayName: string; readonly role: string }>>;
}

export interface E2EBridge {
  state(): E2EBoardState | null;
  cardRect(cardId: string): E2ERect | null;
  sectionRect(category: string): E2ERect | null;
  addButtonRect(category: string): E2ERect | null;
  analysisRowRect(pairId: string): E2ERect | null;
  camera(): { x: number; y: number; scale: number } | null;
  viewRect(): E2ERect | null;
  boardSize(): { width: number; height: number; stacked: boolean } | null;
  drawnCards(): number;
  cardAt(clientX: number, clientY: number): string | null;
  /** A drawn card's text size on the screen in CSS pixels, or null when it is not drawn. */
  cardTextPx(cardId: string): number | null;
  cardHighlight(cardId: string): string | null;
  status(): string;
  readonly role: string;
  readonly participantId: string;
}

declare global {
  interface Window {
    __kinmapEnableBridge?: boolean;
    __kinmap?: E2EBridge;
  }
}

export function centre(rect: E2ERect): { x: number; y: number } {
  return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
}
