/**
 * Wraps words from the board (names, card text) in Unicode first-strong isolates, so an Arabic
 * name inside an English sentence keeps its own direction and does not reorder the sentence.
 * @example isolate('سارة') // '\u2068سارة\u2069'
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}
