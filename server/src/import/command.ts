import {existsSync, statSync} from 'node:fs';
import type {ServerConfig} from '../config.js';
import {openDatabase} from '../db/database.js';
import {migrate} from '../db/migrations.js';
import {ImportFileError, type Format} from './formats.js';
import {ImportBusyError, importFile, type ImportOptions, type ImportSummary} from './importer.js';
import type {ThreadFrom} from './stage.js';

export const IMPORT_USAGE = `Usage: colloquy-server import <file> [options]

Imports the comments of a WordPress export (WXR: Tools → Export) or a Disqus export
(Admin → Moderation → Export) into this server's database (DATABASE_URL, or the embedded
one in COLLOQUY_DATA_DIR: stop the server first). Safe to run again: comments already
imported are skipped, so a newer export brings in only what is new.

  --thread-from path|url|identifier   what becomes each thread's id (default: path)
        path        the page's path and query, e.g. /2024/08/aqim-updates/
        url         the page's full address, e.g. https://blog.example/2024/08/aqim-updates/
        identifier  WordPress: the post id (14); Disqus: the page's disqus_identifier
                    (its address when the page set none)
  --format wxr|disqus      do not guess the format from the file
  --source <name>          the site the file comes from (default: read from the file);
                           keep it the same between runs of the same site
  --spam keep|hold|skip    spam: kept as spam, listed to nobody (default); held for
                           moderation; or not imported
  --max-length <n>         cut longer comments (default 65535 characters) and report them`;

export async function runImportCommand(args: string[], config: ServerConfig): Promise<number> {
  const parsed = parseImportArgs(args);
  if (typeof parsed === 'string') {
    console.error(`${parsed}\n\n${IMPORT_USAGE}`);
    return 2;
  }
  if (!existsSync(parsed.file) || !statSync(parsed.file).isFile()) {
    console.error(`colloquy-server import: there is no file ${parsed.file}`);
    return 2;
  }
  if (!config.databaseUrl && (await serverAnswers(config))) {
    console.error(
      `colloquy-server import: a colloquy-server answers on port ${config.port}. The embedded database belongs to one process:\n` +
        'stop the server, import, then start it again (with DATABASE_URL the server may keep running).',
    );
    return 1;
  }
  const db = await openDatabase(config);
  try {
    await migrate(db);
    const summary = await importFile(db, parsed);
    console.log(formatSummary(summary, parsed));
    return 0;
  } catch (error) {
    if (error instanceof ImportFileError) {
      console.error(`colloquy-server import: ${error.message}\nNothing was imported: the file is read whole before any comment is written. Fix the file and run the same command again.`);
      return 1;
    }
    if (error instanceof ImportBusyError) {
      console.error(`colloquy-server import: ${error.message}`);
      return 1;
    }
    console.error(`colloquy-server import: ${(error as Error).message}\n` +
      'Every comment written so far was written with its import record, whole batches only: run the same command again to import the rest.');
    return 1;
  } finally {
    await db.close();
  }
}

function parseImportArgs(args: string[]): ImportOptions | string {
  let file: string | undefined;
  const options: Omit<ImportOptions, 'file'> = {threadFrom: 'path', spam: 'keep', maxTextLength: 65_535};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? args[++i] ?? '';
    switch (flag) {
      case '--thread-from': {
        const from = value();
        if (!['path', 'url', 'identifier'].includes(from)) return `--thread-from must be path, url or identifier, not "${from}".`;
        options.threadFrom = from as ThreadFrom;
        break;
      }
      case '--format': {
        const format = value();
        if (format !== 'wxr' && format !== 'disqus') return `--format must be wxr or disqus, not "${format}".`;
        options.format = format as Format;
        break;
      }
      case '--source': {
        const source = value().trim();
        if (!source || source.length > 200) return '--source needs a name of at most 200 characters.';
        options.source = source;
        break;
      }
      case '--spam': {
        const spam = value();
        if (spam !== 'keep' && spam !== 'skip' && spam !== 'hold') return `--spam must be keep, hold or skip, not "${spam}".`;
        options.spam = spam;
        break;
      }
      case '--max-length': {
        const length = Number(value());
        if (!Number.isInteger(length) || length < 100 || length > 1_000_000) return '--max-length must be a whole number from 100 to 1000000.';
        options.maxTextLength = length;
        break;
      }
      default:
        if (arg.startsWith('--') || file !== undefined) return `Unknown argument "${arg}".`;
        file = arg;
    }
  }
  if (!file) return 'Name the export file to import.';
  return {file, ...options};
}

async function serverAnswers(config: ServerConfig): Promise<boolean> {
  const host = config.host === '0.0.0.0' ? '127.0.0.1' : config.host.includes(':') ? `[${config.host}]` : config.host;
  try {
    const response = await fetch(`http://${host}:${config.port}/`, {signal: AbortSignal.timeout(1500)});
    const body = (await response.json().catch(() => ({}))) as {server?: string};
    return body.server === 'colloquy-server';
  } catch {
    return false;
  }
}

function formatSummary(summary: ImportSummary, options: ImportOptions): string {
  const names: Record<string, string> = {
    spam: 'spam', trash: 'in the trash', deleted: 'deleted', pingback: 'pingbacks and trackbacks', empty: 'empty once markup was removed',
    duplicate: 'the same id twice in the file', 'no-thread': 'on a page with no usable address/id', 'no-id': 'without an id',
  };
  const skipped = Object.entries(summary.skipped).map(([reason, n]) => `${n} ${names[reason] ?? `of ${reason}`}`);
  const lines = [
    `Imported ${options.file} (${summary.format === 'disqus' ? 'Disqus' : 'WordPress WXR'}; source "${summary.source}"; thread ids from ${options.threadFrom}) in ${summary.seconds.toFixed(1)} s`,
    `  threads:  ${summary.threads.created} created, ${summary.threads.existing} already there got comments` +
      (summary.threads.identifierFromUrl ? `; ${summary.threads.identifierFromUrl} Disqus threads had no identifier and use their address` : ''),
    `  comments: ${summary.imported.approved} approved, ${summary.imported.pending} held for moderation` +
      (summary.spamHeld ? ` (${summary.spamHeld} of them spam)` : '') +
      (summary.imported.spam ? `, ${summary.imported.spam} spam (kept, listed to nobody)` : '') +
      (summary.imported.placeholders ? `, ${summary.imported.placeholders} placeholders of removed comments that have replies` : ''),
    `  already imported before: ${summary.alreadyThere}`,
    `  not imported: ${skipped.length ? skipped.join(', ') : 'none'}`,
  ];
  if (summary.orphans.count) {
    lines.push(`  ${summary.orphans.count} replies whose parent is missing are now top-level comments (ids: ${summary.orphans.ids.join(', ')}${summary.orphans.count > summary.orphans.ids.length ? ', …' : ''})`);
  }
  if (summary.truncated.count) {
    lines.push(`  ${summary.truncated.count} comments longer than ${options.maxTextLength} characters were cut (ids: ${summary.truncated.ids.join(', ')}${summary.truncated.count > summary.truncated.ids.length ? ', …' : ''})`);
  }
  if (summary.undated) lines.push(`  ${summary.undated} comments had no date and carry the time of this import`);
  return lines.join('\n');
}
