/**
 * The English words of the worries-and-goals rows drawn on the canvas;
 * merged into the one catalogue in ../lib/messages.ts.
 */
export const canvasMessages = {
  'analysis.title': 'The worries and goals, side by side',
  'analysis.prompt': 'Each worry with the goal that answers it, and how safe things are now, from 0 to 10',
  'analysis.empty': 'No worry has its goal yet. Choose a danger statement and press “Add its safety goal”.',
  'analysis.inRow_one': '{count} is in the worries and goals row below',
  'analysis.inRow_other': '{count} are in the worries and goals row below',
  'analysis.scaleHeading': 'Worry {number}: how safe is the child now?',
  'analysis.anchor0': '0: cannot live at home',
  'analysis.anchor10': '10: safe enough to close',
  'analysis.private': 'Collecting privately: {progress}',
  'analysis.median': 'Middle score {median}  ·  {progress}',
  'analysis.more_one': '+{count} more at {value}',
  'analysis.more_other': '+{count} more at {value}',
  // The scales drawn on the map (the scaling view's own words load with it).
  'scale.scoredCount_one': '{count} of {total} has scored',
  'scale.scoredCount_other': '{count} of {total} have scored',
  'scale.someone': 'Someone',
  'scale.nobodyYet': 'Nobody has scored yet.',
  'card.badgeAgree_one': '{count} agree',
  'card.badgeAgree_other': '{count} agree',
  'card.badgeDispute_one': '{count} disagrees',
  'card.badgeDispute_other': '{count} disagree',
  'card.agreeBy': 'Agree: {names}',
  'card.by': 'Written by {name}',
  // The child's words on a card (issue 14, [AC52]): under the text, beside a child icon.
  'card.quote': '{name}’s words',
  'card.quoteFrom': '{name}’s words, from {place}',
  'card.quoteChild': 'A child’s words',
  'card.quoteChildFrom': 'A child’s words, from {place}',
  'quote.area.worries': 'the house of worries',
  'quote.area.good': 'the house of good things',
  'quote.area.dreams': 'the house of dreams',
  'quote.area.inside': 'inside the Safety House',
  'quote.area.path': 'the path to the Safety House',
  'quote.area.outside': 'outside the Safety House',
  'quote.area.roof': 'the roof of the Safety House',
} as const;
