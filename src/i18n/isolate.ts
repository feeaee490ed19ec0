/** The isolate controls: LRI, RLI, FSI and PDI. */
const isolateControls = /[\u2066-\u2069]/g;

/**
 * Wraps text from the backend that goes inside a translated sentence in Unicode isolates
 * (FSI…PDI), so a Hebrew title in an English heading, or a Latin name in an Arabic one,
 * keeps the sentence in order. Isolate controls inside the text are dropped: a stray PDI
 * would end the isolate early and let the rest of the text reorder the sentence.
 */
export function isolate(text: string): string {
  return `\u2068${text.replace(isolateControls, '')}\u2069`;
}
