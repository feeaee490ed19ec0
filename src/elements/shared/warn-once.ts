const warned = new Set<string>();

/**
 * Tells the developer about a misconfiguration in the console, once per message however
 * many elements share it and however often they retry.
 */
export function warnOnce(message: string, element?: Element): void {
  if (warned.has(message)) return;
  warned.add(message);
  if (element) console.warn(message, element);
  else console.warn(message);
}
