/**
 * Injected faults (POST /sandbox/faults): a status answer, added latency, or a dropped connection before
 * or after the request commits. Each matching request uses one of a fault's `times`.
 */
import { z } from 'zod';
import { compileGlob } from './glob';

export const faultKinds = ['status', 'latency', 'drop_before_commit', 'drop_after_commit'] as const;
export type FaultKind = (typeof faultKinds)[number];

export const faultRequestSchema = z
  .object({
    method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', '*']).default('*'),
    path: z.string().min(1).max(500),
    kind: z.enum(faultKinds),
    status: z.number().int().min(400).max(599).optional(),
    latency_ms: z.number().int().min(0).max(120_000).optional(),
    times: z.number().int().min(1).optional(),
  })
  .superRefine((f, ctx) => {
    if (f.kind === 'status' && f.status === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['status'],
        message: 'required for kind status',
        params: { msg: 'required' },
      });
    }
    if (f.kind === 'latency' && f.latency_ms === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['latency_ms'],
        message: 'required for kind latency',
        params: { msg: 'required' },
      });
    }
  });

export type FaultRequest = z.output<typeof faultRequestSchema>;

export interface Fault {
  id: number;
  method: FaultRequest['method'];
  path: string;
  kind: FaultKind;
  status?: number;
  latencyMs?: number;
  /** Matching requests left; null = unlimited. */
  remaining: number | null;
  pattern: RegExp;
  hits: number;
}

/** What applies to one request: total latency first, then at most one terminal fault. */
export interface FaultPlan {
  latencyMs: number;
  terminal: Fault | null;
}

export class FaultRegistry {
  private faults: Fault[] = [];
  private nextId = 1;

  add(req: FaultRequest): Fault {
    const fault: Fault = {
      id: this.nextId++,
      method: req.method,
      path: req.path,
      kind: req.kind,
      status: req.status,
      latencyMs: req.latency_ms,
      remaining: req.times ?? null,
      pattern: compileGlob(req.path),
      hits: 0,
    };
    this.faults.push(fault);
    return fault;
  }

  list(): readonly Fault[] {
    return this.faults;
  }

  clear(): void {
    this.faults = [];
  }

  isEmpty(): boolean {
    return this.faults.length === 0;
  }

  /** Finds and consumes the faults matching this request. */
  plan(method: string, path: string): FaultPlan {
    const result: FaultPlan = { latencyMs: 0, terminal: null };
    if (this.faults.length === 0) return result;
    for (const fault of this.faults) {
      if (fault.remaining === 0) continue;
      if (fault.method !== '*' && fault.method !== method) continue;
      if (!fault.pattern.test(path)) continue;
      if (fault.kind === 'latency') {
        result.latencyMs += fault.latencyMs ?? 0;
      } else if (result.terminal === null) {
        result.terminal = fault;
      } else {
        continue;
      }
      fault.hits++;
      if (fault.remaining !== null) fault.remaining--;
    }
    this.faults = this.faults.filter((f) => f.remaining !== 0);
    return result;
  }
}
