/**
 * `npm run sandbox -- --port 4010`: runs the sandbox until SIGINT/SIGTERM. Prints exactly one line when
 * ready, with the real port (so `--port 0` works for benchmarks and scripts).
 */
import { startSandbox } from './server';

function parsePort(argv: string[]): number {
  const i = argv.indexOf('--port');
  const raw = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--port='))?.slice('--port='.length);
  if (raw === undefined) return 4010;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    console.error(`Invalid --port: ${raw}`);
    process.exit(2);
  }
  return port;
}

function parsePendingDelay(argv: string[]): number | undefined {
  const i = argv.indexOf('--pending-delay');
  if (i < 0) return undefined;
  const value = Number(argv[i + 1]);
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}

const argv = process.argv.slice(2);
const sandbox = await startSandbox({ port: parsePort(argv), pendingDelaySeconds: parsePendingDelay(argv) });
console.log(`Flexiti sandbox listening on ${sandbox.url}`);

let stopping = false;
const stop = (): void => {
  if (stopping) return;
  stopping = true;
  sandbox.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
