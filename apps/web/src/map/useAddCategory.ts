import type { Category } from '@kinmap/model';
import { useEffect, useState } from 'react';
import type { BoardLayout } from '../canvas/boardLayout';

/**
 * The current section: where "Add card" (and N, and the phone's Add) puts a new card. It follows
 * the chosen card; on a phone, the page shown (a column) is where Add goes: its first section,
 * until a card is chosen.
 */
export function useAddCategory(
  selectedCategory: Category | undefined,
  layout: BoardLayout | null,
  page: number,
): [Category, (category: Category) => void] {
  const [category, setCategory] = useState<Category>('harm');
  useEffect(() => {
    if (selectedCategory) setCategory(selectedCategory);
  }, [selectedCategory]);
  const pageColumn = layout?.stacked ? layout.columns[page]?.column : undefined;
  const pageCategory = pageColumn
    ? layout?.sections.find((x) => x.column === pageColumn)?.category
    : undefined;
  useEffect(() => {
    if (pageCategory) setCategory(pageCategory);
  }, [pageCategory]);
  return [category, setCategory];
}
