/**
 * The core's log: every structured detail passes through redactForLog first, so a token, a PIN or
 * a full account number cannot reach a log line even when a caller passes it by mistake.
 */
import { redactForLog } from '../../../shared/masking';

export type LogLevel = 'info' | 'warn' | 'error';

export interface Logger {
  info(message: string, detail?: unknown): void;
  warn(message: string, detail?: unknown): void;
  error(message: string, detail?: unknown): void;
}

export type LogSink = (level: LogLevel, line: string) => void;

const consoleSink: LogSink = (level, line) => {
  if (level === 'error') console.error(line);
  else if (level === 'warn') console.warn(line);
  else console.log(line);
};

export function createLogger(sink: LogSink = consoleSink): Logger {
  const write = (level: LogLevel, message: string, detail?: unknown): void => {
    const suffix = detail === undefined ? '' : ` ${JSON.stringify(redactForLog(detail))}`;
    sink(level, `${new Date().toISOString()} ${level} ${message}${suffix}`);
  };
  return {
    info: (message, detail) => write('info', message, detail),
    warn: (message, detail) => write('warn', message, detail),
    error: (message, detail) => write('error', message, detail),
  };
}

/** For tests that want a quiet core. */
export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
