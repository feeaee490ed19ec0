/** One event of a `text/event-stream`. */
export interface ServerSentEvent {
  type: string;
  data: string;
}

/**
 * Parses a `text/event-stream` as it arrives, chunk by chunk, following the HTML
 * standard's rules (https://html.spec.whatwg.org/multipage/server-sent-events.html#parsing-an-event-stream):
 * lines end in CR, LF or CRLF; a blank line dispatches; `data` lines join with `\n`;
 * lines starting with `:` are comments (keep-alives).
 */
export class EventStreamParser {
  /** The last `id` the server sent, for `Last-Event-ID` when reconnecting. */
  lastEventId = '';
  /** The reconnection delay the server asked for with `retry`, in milliseconds. */
  retry: number | undefined;
  #buffer = '';
  #type = '';
  #data: string[] = [];
  #afterCarriageReturn = false;

  push(chunk: string): ServerSentEvent[] {
    if (chunk === '') return [];
    // A CR that ended the last chunk already ended its line; an LF opening this one is
    // the rest of that CRLF, not a second (blank) line.
    const text = this.#afterCarriageReturn && chunk.startsWith('\n') ? chunk.slice(1) : chunk;
    this.#afterCarriageReturn = chunk.endsWith('\r');
    const lines = (this.#buffer + text).split(/\r\n|\r|\n/);
    this.#buffer = lines.pop()!;
    const events: ServerSentEvent[] = [];
    for (const line of lines) {
      const event = this.#line(line);
      if (event) events.push(event);
    }
    return events;
  }

  #line(line: string): ServerSentEvent | undefined {
    if (line === '') {
      const event = this.#data.length > 0 ? {type: this.#type || 'message', data: this.#data.join('\n')} : undefined;
      this.#type = '';
      this.#data = [];
      return event;
    }
    if (line.startsWith(':')) return undefined;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.#type = value;
    else if (field === 'data') this.#data.push(value);
    else if (field === 'id' && !value.includes('\0')) this.lastEventId = value;
    else if (field === 'retry' && /^\d+$/.test(value)) this.retry = Number(value);
    return undefined;
  }
}
