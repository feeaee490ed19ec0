import {simpleParser, type ParsedMail} from 'mailparser';
import {SMTPServer} from 'smtp-server';

/** A real SMTP server on 127.0.0.1:`port` keeping every message it receives, parsed. */
export async function startInbox(port: number) {
  const received: ParsedMail[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    onData(stream, _session, done) {
      simpleParser(stream).then((mail) => {
        received.push(mail);
        done();
      }, done);
    },
  });
  await new Promise<void>((resolve) => smtp.listen(port, '127.0.0.1', resolve));
  const to = (address: string) => received.filter((mail) => (mail.to as {text: string} | undefined)?.text === address);
  return {
    url: `smtp://127.0.0.1:${port}`,
    to,
    /** The `count`th message to `address`, waiting for it up to ten seconds. */
    async waitFor(address: string, count = 1): Promise<ParsedMail> {
      const deadline = Date.now() + 10_000;
      while (to(address).length < count) {
        if (Date.now() > deadline) throw new Error(`no mail number ${count} to ${address}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return to(address)[count - 1]!;
    },
    close: () => new Promise<void>((resolve) => smtp.close(() => resolve())),
  };
}

/** The sign-in link in a sign-in mail's text. */
export const signInLinkIn = (mail: ParsedMail) => /https?:\/\/\S+\/auth\/providers\/email\/callback\?token=[\w-]+/.exec(mail.text ?? '')![0];
