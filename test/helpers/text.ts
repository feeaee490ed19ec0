/**
 * `text` without the Unicode isolates (FSI…PDI) the elements put around names and titles
 * inside sentences (src/i18n/isolate.ts), so tests can compare the words.
 */
export function withoutIsolates(text: string | null | undefined): string {
  return (text ?? '').replace(/[\u2066-\u2069]/g, '');
}
