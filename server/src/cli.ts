import {ConfigError, readConfig} from './config.js';

const USAGE = `colloquy-server: the Colloquy REST protocol's reference server

  colloquy-server                      start (configuration from the environment; see README)
  colloquy-server check <endpoint>     run the protocol conformance checks against any server
  colloquy-server moderate list        list held comments (needs the server running and COLLOQUY_ADMIN_TOKEN)
  colloquy-server moderate approve|reject|spam <comment-id>
  colloquy-server moderate block <comment-id> [--address] | block-range <cidr> | blocks | unblock <block-id>
  colloquy-server import <file>        import a WordPress (WXR) or Disqus export; --help for options
  colloquy-server bench                load benchmark (PGlite; and PostgreSQL with DATABASE_URL)

moderate talks to the running server at COLLOQUY_ENDPOINT (default http://127.0.0.1:$PORT/).`;

const [command, ...rest] = process.argv.slice(2);

try {
  switch (command) {
    case undefined:
    case 'serve':
      await serve();
      break;
    case 'check': {
      const {runCheckCommand} = await import('./check/command.js');
      process.exitCode = await runCheckCommand(rest, process.env['COLLOQUY_MODERATOR_TOKEN'] || undefined);
      break;
    }
    case 'moderate': {
      const {runModerateCommand} = await import('./moderate-cli.js');
      process.exitCode = await runModerateCommand(rest, readConfig());
      break;
    }
    case 'import': {
      const {IMPORT_USAGE, runImportCommand} = await import('./import/command.js');
      if (rest.includes('--help') || rest.includes('-h')) console.log(IMPORT_USAGE);
      else process.exitCode = await runImportCommand(rest, readConfig());
      break;
    }
    case 'bench': {
      const {runBench} = await import('./bench.js');
      await runBench(rest);
      break;
    }
    case 'help':
    case '--help':
    case '-h':
      console.log(USAGE);
      break;
    default:
      console.error(`Unknown command "${command}".\n\n${USAGE}`);
      process.exitCode = 2;
  }
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(`colloquy-server: ${error.message}`);
    process.exitCode = 2;
  } else {
    throw error;
  }
}

async function serve() {
  const config = readConfig();
  const {startServer} = await import('./server.js');
  const server = await startServer(config);
  const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.dataDir}`;
  console.log(`colloquy-server listening on ${server.url}  (database: ${where})`);
  if (config.smtpUrl && !config.publicUrl) {
    console.warn(`email notifications: set COLLOQUY_PUBLIC_URL; links in emails now point at ${server.url}`);
  }
  console.log(`moderation: ${config.moderation}; origins: ${config.origins.length ? config.origins.join(', ') : 'any (set COLLOQUY_ORIGINS in production)'}`);
  console.log('\nPaste this where the comments go:\n');
  console.log('<!-- colloquy.js: dist/cdn/ of the colloquy package, served by your site -->');
  console.log('<script type="module" src="/colloquy/colloquy.js"></script>');
  console.log(`<comment-thread adapter="rest" endpoint="${server.url}" thread="my-first-post">`);
  console.log('  <comment-form></comment-form>');
  console.log('</comment-thread>\n');
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`colloquy-server: ${signal}, closing`);
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}
