import type { ChildToolKind } from '@kinmap/model';

/** The names of the child's tools and of their parts, in words for the child (PDFs and the record). */

export const TOOL_TITLES: Readonly<Record<ChildToolKind, string>> = {
  'three-houses': 'Three Houses',
  'wizards-fairies': 'Wizards and Fairies',
  'safety-house': 'My Safety House',
  'words-pictures': 'Words and Pictures',
  'child-safety-plan': 'My safety plan',
};

/** Each area's heading, in words for the child. */
export const AREA_TITLES: Readonly<Record<ChildToolKind, Readonly<Record<string, string>>>> = {
  'three-houses': {
    worries: 'The house of worries',
    good: 'The house of good things',
    dreams: 'The house of dreams',
  },
  'wizards-fairies': {
    worries: 'The Grey Wizard: what worries me',
    good: 'The White Wizard: what is good',
    dreams: 'The Fairy: my wishes and dreams',
  },
  'safety-house': {
    inside: 'Inside my house: the people who help keep me safe',
    path: 'The path: where I am on the way to being safe',
    outside: 'Outside: people who must not be there, or must change',
    roof: 'The roof: the rules that keep me safe',
  },
  'words-pictures': {
    worried: 'Who is worried, and why',
    happened: 'What happened',
    now: 'What is happening now',
  },
  'child-safety-plan': {
    helpers: 'The people who keep me safe',
    different: 'What will be different',
    tell: 'If I am worried, I can tell',
  },
};
