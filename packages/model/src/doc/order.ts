/** A record's place in a list: ascending `order`, ties broken by id. */
export interface Ordered {
  readonly id: string;
  readonly order: number;
}

/** Where a new or moved record goes; `renumber` lists siblings that must move to make room. */
export interface OrderPlan {
  readonly order: number;
  readonly renumber: readonly Ordered[];
}

/**
 * A fractional position between two neighbours (null = no neighbour on that side).
 * When there is no room (equal neighbours, inverted neighbours, or floating-point precision
 * exhausted) the result is not strictly between them; `planOrder` detects that and renumbers.
 * @example orderBetween(1, 2) // 1.5
 * @example orderBetween(null, 0) // -1
 */
export function orderBetween(before: number | null, after: number | null): number {
  if (before === null && after === null) return 0;
  if (before === null) return (after as number) - 1;
  if (after === null) return before + 1;
  if (before >= after) return before;
  return before + (after - before) / 2;
}

function fitsBetween(order: number, before: number | null, after: number | null): boolean {
  return Number.isFinite(order) && (before === null || order > before) && (after === null || order < after);
}

/** Sorts by order, then id: the one ordering every replica agrees on. */
export function compareOrdered(a: Ordered, b: Ordered): number {
  if (a.order !== b.order) return a.order < b.order ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Plans an insertion at `index` among `siblings` (already sorted with `compareOrdered`; an
 * index past the end means the end). Usually one fractional order and no renumbering; when
 * the neighbours leave no room, siblings are spread out to whole numbers with a gap at `index`.
 */
export function planOrder(siblings: readonly Ordered[], index: number): OrderPlan {
  const at = Math.max(0, Math.min(Math.trunc(index), siblings.length));
  const before = siblings[at - 1]?.order ?? null;
  const after = siblings[at]?.order ?? null;
  const order = orderBetween(before, after);
  if (fitsBetween(order, before, after)) return { order, renumber: [] };

  const renumber: Ordered[] = [];
  siblings.forEach((sibling, i) => {
    const spread = i < at ? i : i + 1;
    if (sibling.order !== spread) renumber.push({ id: sibling.id, order: spread });
  });
  return { order: at, renumber };
}
