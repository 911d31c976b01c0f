import type { ChildToolKind } from '@kinmap/model';
import { BookOpen, House, type LucideIcon, ShieldCheck, WandSparkles } from 'lucide-react';

/** The picture beside each kind of tool in a list: a house, a wand, a book, a shield. */
export const TOOL_ICONS: Readonly<Record<ChildToolKind, LucideIcon>> = {
  'three-houses': House,
  'wizards-fairies': WandSparkles,
  'safety-house': House,
  'words-pictures': BookOpen,
  'child-safety-plan': ShieldCheck,
};
