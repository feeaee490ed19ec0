import {spawnSync} from 'node:child_process';
import {createWriteStream, mkdtempSync, rmSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {once} from 'node:events';
import {openDatabase} from '../db/database.js';
import {migrate} from '../db/migrations.js';
import {importFile} from './importer.js';
import {DISQUS_HEADER, disqusPost, disqusThread, wxrHeader, wxrItem, WXR_FOOTER, type WpComment} from './sample-exports.js';

// `npm run bench:import`: writes a 50,000-comment WordPress export and a Disqus export of the
// same size (and a 5,000-comment WXR, to show memory does not grow with the file), imports
// each into a fresh embedded database in its own process, and prints time and peak memory.
// Figures, not tests: nothing is asserted. `--write wxr|disqus <path> [n]` writes one file only.

const COMMENTS = Number(process.env['BENCH_IMPORT_COMMENTS'] ?? 50_000);
const PER_THREAD = 25;
const HEAP_CAP_MB = 64;

async function writeLines(path: string, lines: Iterable<string>): Promise<void> {
  const out = createWriteStream(path);
  for (const line of lines) if (!out.write(line)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

const date = (n: number) => new Date(Date.UTC(2015, 0, 1) + n * 60_000);
const wpDate = (n: number) => date(n).toISOString().slice(0, 19).replace('T', ' ');
const body = (n: number) => `<p>Comment ${n}: a few sentences as people write them &amp; a <a href="https://example.com/${n}">link</a>.</p>\n<p>Second paragraph ✓ — ${'words '.repeat(n % 40)}</p>`;

/** In threes: a top-level comment, a reply to it, a reply to that (depth 2); 2% held, 1% spam. */
function* wxrFile(comments: number): Generator<string> {
  yield wxrHeader('https://bench.example');
  for (let post = 0; post * PER_THREAD < comments; post++) {
    const list: WpComment[] = [];
    for (let i = 0; i < PER_THREAD && post * PER_THREAD + i < comments; i++) {
      const n = post * PER_THREAD + i + 1;
      list.push({
        id: n, parent: i > 0 && i % 3 !== 0 ? n - 1 : 0, author: `Reader ${n % 997}`, email: `reader${n % 997}@example.com`, ip: '192.0.2.1',
        date: wpDate(n), content: body(n), approved: n % 50 === 0 ? '0' : n % 100 === 1 ? 'spam' : '1',
      });
    }
    yield wxrItem({title: `Post ${post}`, link: `https://bench.example/${post}/`, postId: post + 1, comments: list});
  }
  yield WXR_FOOTER;
}

function* disqusFile(comments: number): Generator<string> {
  yield DISQUS_HEADER;
  const threads = Math.ceil(comments / PER_THREAD);
  for (let t = 0; t < threads; t++) yield disqusThread({id: `t${t}`, identifier: `post-${t}`, link: `https://bench.example/${t}/`, title: `Post ${t}`});
  for (let n = 1; n <= comments; n++) {
    const i = (n - 1) % PER_THREAD;
    yield disqusPost({
      id: `p${n}`, thread: `t${Math.floor((n - 1) / PER_THREAD)}`, ...(i > 0 && i % 3 !== 0 ? {parent: `p${n - 1}`} : {}),
      message: body(n), createdAt: date(n).toISOString().replace('.000', ''), name: `Reader ${n % 997}`, username: `reader${n % 997}`,
      ...(n % 100 === 1 ? {spam: true} : {}),
    });
  }
  yield '</disqus>\n';
}

/** The child: one import into a fresh PGlite, memory sampled every 50 ms, figures as JSON. */
async function measure(file: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'colloquy-import-bench-db-'));
  const db = await openDatabase({dataDir: dir});
  try {
    await migrate(db);
    const before = process.memoryUsage();
    let peakRss = before.rss;
    let peakHeap = before.heapUsed;
    const sampler = setInterval(() => {
      const now = process.memoryUsage();
      peakRss = Math.max(peakRss, now.rss);
      peakHeap = Math.max(peakHeap, now.heapUsed);
    }, 50);
    // `--spam skip`, as the README's figures were taken.
    const summary = await importFile(db, {file, threadFrom: 'path', spam: 'skip', maxTextLength: 65_535});
    clearInterval(sampler);
    console.log(JSON.stringify({
      seconds: summary.seconds, imported: summary.imported, threads: summary.threads.created,
      rssBeforeMB: before.rss / 2 ** 20, peakRssMB: peakRss / 2 ** 20, heapBeforeMB: before.heapUsed / 2 ** 20, peakHeapMB: peakHeap / 2 ** 20,
    }));
  } finally {
    await db.close();
    rmSync(dir, {recursive: true, force: true});
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'colloquy-import-bench-'));
  try {
    const runs = [
      {label: `WXR, ${(COMMENTS / 10).toLocaleString('en')} comments`, path: join(dir, 'small.xml'), lines: wxrFile(COMMENTS / 10)},
      {label: `WXR, ${COMMENTS.toLocaleString('en')} comments`, path: join(dir, 'wordpress.xml'), lines: wxrFile(COMMENTS)},
      {label: `Disqus, ${COMMENTS.toLocaleString('en')} comments`, path: join(dir, 'disqus.xml'), lines: disqusFile(COMMENTS)},
    ];
    console.log(`Each import in its own process with a ${HEAP_CAP_MB} MB JavaScript heap limit (--max-old-space-size).\n`);
    console.log('| file | size | time | comments/s | peak RSS (before the import) | peak JS heap (before) | imported: approved / held / placeholders, threads |');
    console.log('|---|---|---|---|---|---|---|');
    for (const run of runs) {
      await writeLines(run.path, run.lines);
      // A small heap cap: the import must fit in it whatever the file's size.
      const child = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_CAP_MB}`, '--import', 'tsx', new URL(import.meta.url).pathname, '--measure', run.path], {encoding: 'utf8'});
      if (child.status !== 0) throw new Error(`${run.label}: ${child.stderr}`);
      const r = JSON.parse(child.stdout.trim().split('\n').at(-1)!);
      const total = r.imported.approved + r.imported.pending + r.imported.placeholders;
      const mb = (value: number) => `${Math.round(value)} MB`;
      console.log(`| ${run.label} | ${(statSync(run.path).size / 2 ** 20).toFixed(1)} MB | ${r.seconds.toFixed(1)} s | ${Math.round(total / r.seconds)} | ` +
        `${mb(r.peakRssMB)} (${mb(r.rssBeforeMB)}) | ${mb(r.peakHeapMB)} (${mb(r.heapBeforeMB)}) | ${r.imported.approved} / ${r.imported.pending} / ${r.imported.placeholders}, ${r.threads} |`);
    }
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}

// `--write wxr|disqus <path> [comments]`: only writes a sample export, to try the importer on.
const [mode, a, b, c] = process.argv.slice(2);
if (mode === '--measure') await measure(a!);
else if (mode === '--write') await writeLines(b!, a === 'disqus' ? disqusFile(Number(c ?? COMMENTS)) : wxrFile(Number(c ?? COMMENTS)));
else await main();
