import type { Participant } from './fixtures.js';
import { MapPage } from './pages/MapPage.js';

/** The facilitator creates a board and lands on its map. */
export async function startBoard(
  openParticipant: (label: string) => Promise<Participant>,
  caseLabel: string,
): Promise<{ facilitator: Participant; map: MapPage }> {
  const facilitator = await openParticipant('facilitator');
  await facilitator.landing.goto();
  await facilitator.landing.createBoard(caseLabel);
  return { facilitator, map: new MapPage(facilitator.page) };
}

/** Someone opens an invitation link, joins under `name` and lands on the map. */
export async function joinAs(
  openParticipant: (label: string) => Promise<Participant>,
  link: string,
  name: string,
): Promise<MapPage> {
  const person = await openParticipant(name);
  await person.board.open(link);
  await person.board.join(name);
  return new MapPage(person.page);
}
