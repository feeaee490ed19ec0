// `npm run build:wordpress-plugin`: builds Colloquy (`npm run build`), then lays out the
// WordPress plugin as a site owner installs it — integrations/wordpress/ plus the
// script-tag bundle (dist/cdn, without source maps) in its dist/ folder — at
// dist/wordpress-plugin/colloquy/, with its translations compiled (languages/*.mo, see
// scripts/wordpress-plugin-translations.mjs), and zips that as
// dist/wordpress-plugin/colloquy-<version>.zip (Plugins → Add New → Upload Plugin). `--no-build` reuses an existing dist/cdn.
import {spawnSync} from 'node:child_process';
import {cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {join, relative, sep} from 'node:path';
import {fileURLToPath} from 'node:url';
import {crc32, deflateRawSync} from 'node:zlib';
import {check as checkTranslations, writeMoFiles} from './wordpress-plugin-translations.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const source = join(root, 'integrations', 'wordpress');
const bundle = join(root, 'dist', 'cdn');
const out = join(root, 'dist', 'wordpress-plugin');
const SLUG = 'colloquy';

/** The plugin's version, which its header, constant and readme must agree on. */
function pluginVersion() {
  const main = readFileSync(join(source, 'colloquy.php'), 'utf8');
  const readme = readFileSync(join(source, 'readme.txt'), 'utf8');
  const versions = {
    header: /^\s*\*\s*Version:\s*(\S+)/m.exec(main)?.[1],
    constant: /define\(\s*'COLLOQUY_VERSION',\s*'([^']+)'/.exec(main)?.[1],
    'readme stable tag': /^Stable tag:\s*(\S+)/m.exec(readme)?.[1],
  };
  const distinct = new Set(Object.values(versions));
  if (distinct.size !== 1 || distinct.has(undefined)) {
    throw new Error(`The plugin's versions disagree: ${JSON.stringify(versions)}`);
  }
  return versions.header;
}

function filesUnder(folder) {
  const files = [];
  for (const name of readdirSync(folder).sort()) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) files.push(...filesUnder(path));
    else files.push(path);
  }
  return files;
}

/** A zip archive (stored with deflate), written by hand: no dependency for 60 lines. */
function zip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  // 1 January 2026, 00:00 in MS-DOS format: the archive is the same for the same files.
  const dosTime = 0;
  const dosDate = ((2026 - 1980) << 9) | (1 << 5) | 1;
  for (const {name, data} of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const packed = deflateRawSync(data, {level: 9});
    const checksum = crc32(data);
    // The fields the local header and the central directory share, from `at` in each.
    const describe = (header, at) => {
      header.writeUInt16LE(0x0800, at); // names in UTF-8
      header.writeUInt16LE(8, at + 2); // deflate
      header.writeUInt16LE(dosTime, at + 4);
      header.writeUInt16LE(dosDate, at + 6);
      header.writeUInt32LE(checksum, at + 8);
      header.writeUInt32LE(packed.length, at + 12);
      header.writeUInt32LE(data.length, at + 16);
      header.writeUInt16LE(nameBytes.length, at + 20);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    describe(local, 6);
    locals.push(local, nameBytes, packed);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made on Unix, so the modes below count
    central.writeUInt16LE(20, 6);
    describe(central, 8);
    central.writeUInt32LE((0o100644 << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const version = pluginVersion();
if (!process.argv.includes('--no-build')) {
  const result = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], {stdio: 'inherit', cwd: root});
  if (result.status !== 0) process.exit(result.status || 1);
}
if (!existsSync(join(bundle, 'colloquy.js')) || !existsSync(join(bundle, 'sign-in-callback-page.js'))) {
  console.error('dist/cdn has no bundle: run `npm run build` first (or leave out --no-build).');
  process.exit(1);
}

const staged = join(out, SLUG);
rmSync(out, {recursive: true, force: true});
mkdirSync(staged, {recursive: true});
cpSync(source, staged, {recursive: true});
cpSync(bundle, join(staged, 'dist'), {recursive: true, filter: (path) => !path.endsWith('.map')});
const translationProblems = checkTranslations();
if (translationProblems.length) {
  console.error(`The plugin's translations are not ready:\n${translationProblems.join('\n')}`);
  process.exit(1);
}
writeMoFiles(join(staged, 'languages'));

const entries = filesUnder(staged).map((path) => ({
  name: `${SLUG}/${relative(staged, path).split(sep).join('/')}`,
  data: readFileSync(path),
}));
const archive = join(out, `${SLUG}-${version}.zip`);
writeFileSync(archive, zip(entries));
console.log(`WordPress plugin ${version}: ${relative(root, staged)}/ and ${relative(root, archive)} (${entries.length} files, ${(statSync(archive).size / 1024).toFixed(0)} KB).`);
