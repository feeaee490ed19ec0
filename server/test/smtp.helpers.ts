import {simpleParser, type ParsedMail} from 'mailparser';
import {SMTPServer} from 'smtp-server';

/** One message the SMTP server accepted, with what the tests look at. */
export interface Received {
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  /** Raw header values by lower-case name (mailparser reshapes some; tests want them as sent). */
  header(name: string): string | undefined;
  /** The first link in the text part that starts with `prefix`. */
  link(prefix: string): string;
}

/**
 * What the server does with the next message: `accept` it; `fail` it with a temporary
 * (451) or permanent (550) reply; or hand it to a function that decides when (and whether)
 * to accept, for the crash tests.
 */
export type Behaviour =
  | 'accept'
  | 'fail-temporary'
  | 'fail-permanent'
  | ((message: Received, accept: () => void, refuse: () => void) => void);

/** A local SMTP server (`smtp-server`, the real protocol) on 127.0.0.1:`port`, counting what it accepted. */
export async function startSmtp(port: number) {
  const accepted: Received[] = [];
  let behaviour: (message: Received) => Behaviour = () => 'accept';
  let refusals = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const message = toReceived(parsed);
          const decide = behaviour(message);
          const accept = () => {
            accepted.push(message);
            callback();
          };
          const refuse = (code = 451) => {
            refusals += 1;
            callback(Object.assign(new Error(code === 451 ? 'Try again later' : 'No such mailbox'), {responseCode: code}));
          };
          if (decide === 'accept') accept();
          else if (decide === 'fail-temporary') refuse(451);
          else if (decide === 'fail-permanent') refuse(550);
          else decide(message, accept, () => refuse(451));
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    url: `smtp://127.0.0.1:${port}`,
    accepted,
    get refusals() {
      return refusals;
    },
    behave(next: (message: Received) => Behaviour) {
      behaviour = next;
    },
    to(address: string) {
      return accepted.filter((message) => message.to === address);
    },
    async waitFor(match: (message: Received) => boolean, ms = 15_000): Promise<Received> {
      const deadline = Date.now() + ms;
      while (Date.now() < deadline) {
        const found = accepted.find(match);
        if (found) return found;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      throw new Error(`no such email within ${ms} ms; received: ${JSON.stringify(accepted.map((m) => [m.to, m.subject]))}`);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function toReceived(parsed: ParsedMail): Received {
  const to = Array.isArray(parsed.to) ? parsed.to[0] : parsed.to;
  const text = parsed.text ?? '';
  return {
    to: to?.value[0]?.address ?? '',
    subject: parsed.subject ?? '',
    text,
    html: typeof parsed.html === 'string' ? parsed.html : '',
    messageId: parsed.messageId ?? '',
    header(name) {
      const line = parsed.headerLines.find((h) => h.key === name.toLowerCase())?.line;
      return line?.slice(line.indexOf(':') + 1).trim();
    },
    link(prefix) {
      const found = text.split(/\s+/).find((word) => word.startsWith(prefix));
      if (!found) throw new Error(`no link starting ${prefix} in:\n${text}`);
      return found;
    },
  };
}
