/**
 * The office relay's command line: `npm run relay -- <command>`. Today it serves the built
 * app; the relay issue adds sync, accounts, backups and import.
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { startStaticServer } from './static-server';

const HELP = `Clientela relay

Usage: npm run relay -- <command> [options]

Commands:
  serve     Serve the app on this machine (npm start runs this).
              --port P    port to listen on (default 8080, env PORT)
              --host H    address to bind (default 0.0.0.0)
              --app DIR   built app folder (default dist)
  help      Show this text.
`;

async function main(argv: string[]): Promise<number> {
  const [command = 'help', ...rest] = argv;
  if (command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(HELP);
    return 0;
  }
  if (command !== 'serve') {
    process.stderr.write(`Unknown command "${command}".\n\n${HELP}`);
    return 2;
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      port: { type: 'string', default: process.env.PORT ?? '8080' },
      host: { type: 'string', default: '0.0.0.0' },
      app: { type: 'string', default: 'dist' },
      data: { type: 'string' },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`--port must be a number from 0 to 65535, got "${values.port}".\n`);
    return 2;
  }
  const { port: bound } = await startStaticServer({ root: resolve(values.app!), port, host: values.host });
  log('listening', { url: `http://localhost:${bound}/`, port: bound });
  process.stdout.write(`\nClientela is running: open http://localhost:${bound}/ in Chromium or Chrome.\n\n`);
  return -1;
}

function log(event: string, fields: Record<string, unknown>): void {
  process.stdout.write(JSON.stringify({ time: new Date().toISOString(), event, ...fields }) + '\n');
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
