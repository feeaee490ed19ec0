/** Text made safe for HTML text and quoted attribute values: the server's one escaper. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * The start of an HTML document in `t`'s language and direction, up to and into its open
 * `<head>`: the caller adds its title and what else the head needs, then the body.
 */
export function documentStart(t: {readonly locale: string; readonly dir: string}): string {
  return `<!doctype html><html lang="${t.locale}" dir="${t.dir}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`;
}

/** An email's HTML: `body` in a readable column, in `t`'s language and direction. */
export function emailDocument(t: {readonly locale: string; readonly dir: string}, body: string): string {
  return `${documentStart(t)}</head>
<body style="font-family:system-ui,sans-serif;line-height:1.5;max-width:40em;margin:0 auto;padding:1em">${body}</body></html>`;
}
