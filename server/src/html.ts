/** Text made safe for HTML text and quoted attribute values: the server's one escaper. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
