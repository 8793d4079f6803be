/**
 * The server bundle's entry (`dist-server/agora.js`): `agora [serve]` runs the
 * server; the other subcommands look after its database. npm scripts call it
 * through src/server/launch.mjs, which builds the bundle first when it is missing.
 */
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { createModerator } from './commands/create-moderator';
import { backup } from './commands/backup';
import { sendDigestsCommand } from './commands/send-digests';
import { exportForum, importForum } from './commands/transfer';
import { type Config, UsageError, readConfig } from './config';
import { startServer } from './main';
import { jsonLog } from './node/log';
import { TransferError } from './store/transfer';

const USAGE = `Usage: agora [command]
  serve (default)     run the server (PORT, HOST, DATA_DIR, AGORA_DEMO, PUBLIC_ORIGIN,
                      DATABASE_URL and DATABASE_POOL_SIZE for PostgreSQL instead of the SQLite file)
  create-moderator    --email E --name N [--organisation O]; password from standard input, or generated
  backup FILE         a consistent copy of the SQLite file, taken while the server runs (PostgreSQL: pg_dump)
  export FILE         the whole forum as gzipped JSON lines
  import FILE         an export into an empty database
  send-digests        mails the daily digests of notifications that are due (SMTP_URL); the server also does hourly`;

async function serve(config: Config): Promise<void> {
  // A server keeps little from one request to the next, and V8 otherwise lets its heap
  // grow to several times that under load: favouring size keeps the garbage of a burst
  // small for a little more time in collection. Set here, as a process starts to serve,
  // since the flags that would size the heap from the command line (--max-semi-space-size)
  // do nothing once V8 has started; this one takes effect at the next collections.
  setFlagsFromString('--optimize-for-size');
  const log = jsonLog();
  // The bundle sits in dist-server/, beside the client's dist/.
  const clientDir = fileURLToPath(new URL('../dist/', import.meta.url));
  const server = await startServer({ config, clientDir, log }).catch((error: unknown) => {
    if (error instanceof Error && 'code' in error && error.code === 'EADDRINUSE') {
      throw new UsageError(`${config.host}:${config.port} is in use: set PORT to a free port.`);
    }
    throw error;
  });
  log.info(`Agora listens on ${server.url}`, {
    url: server.url,
    database: config.database,
    demo: config.demo,
    // Since the process started, module loading included.
    ms: Math.round(performance.now()),
  });
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('Agora stops', { signal });
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error(error, { during: 'shutdown' });
        process.exit(1);
      },
    );
  };
  // A crash still leaves one JSON line on standard error, like every other error.
  process.on('uncaughtException', (error) => {
    log.error(error, { fatal: true });
    process.exit(1);
  });
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

const commands: Record<string, (config: Config, args: string[]) => Promise<void>> = {
  serve,
  'create-moderator': createModerator,
  backup,
  export: exportForum,
  import: importForum,
  'send-digests': (config, args) => sendDigestsCommand(config, args),
};

export async function runCli(argv: string[]): Promise<number> {
  const [name = 'serve', ...args] = argv;
  if (name === 'help' || name === '--help' || name === '-h') {
    console.log(USAGE);
    return 0;
  }
  const command = commands[name];
  if (!command) {
    console.error(`agora: there is no command "${name}".\n${USAGE}`);
    return 2;
  }
  try {
    await command(readConfig(), args);
    return 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof TransferError) {
      console.error(`agora: ${error.message}`);
      return 1;
    }
    if (
      error instanceof TypeError &&
      'code' in error &&
      error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION'
    ) {
      console.error(`agora: ${error.message}`);
      return 2;
    }
    console.error(error);
    return 1;
  }
}

// A running server holds the process open until a signal; every other command ends by itself.
process.exitCode = await runCli(process.argv.slice(2));
