/**
 * The sandbox CLI: one ready line with the real port (also for --port 0), then a clean stop on SIGTERM/SIGINT.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..', '..');

function startCli(args: string[]): {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
} {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/sandbox/cli.ts'), ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.setEncoding('utf8');
  child.stdout?.on('data', (chunk: string) => (out += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

async function waitForLine(output: () => string, timeoutMs = 30_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const text = output();
    if (text.includes('\n')) return text.split('\n')[0] as string;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the sandbox CLI printed nothing');
}

describe('sandbox CLI', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`prints exactly one ready line with the real port for --port 0, serves, and stops on ${signal}`, async () => {
      const cli = startCli(['--port', '0']);
      const line = await waitForLine(cli.output);
      const match = /^Flexiti sandbox listening on http:\/\/127\.0\.0\.1:(\d+)$/.exec(line);
      expect(match, line).not.toBeNull();
      const port = Number(match?.[1]);
      expect(port).toBeGreaterThan(0);
      const health = await fetch(`http://127.0.0.1:${port}/sandbox/health`);
      expect(health.status).toBe(200);
      cli.child.kill(signal);
      expect(await cli.exited).toBe(0);
      expect(cli.output()).toBe(`${line}\n`);
      await expect(fetch(`http://127.0.0.1:${port}/sandbox/health`)).rejects.toThrow();
    });
  }

  it('refuses an invalid port', async () => {
    const cli = startCli(['--port', 'abc']);
    expect(await cli.exited).toBe(2);
  });
});
