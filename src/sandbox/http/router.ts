/**
 * Matches a path after /flexiti/pos-api/{version} to a route. Routes are indexed by segment count and
 * compiled once, so a request costs a few string comparisons, never a regex built per request.
 */
import type { RouteDef } from './route';

interface CompiledRoute {
  route: RouteDef;
  /** Literal segment, or null for a :param at that position. */
  literals: Array<string | null>;
  names: Array<string | null>;
}

export type RouteMatch =
  | { kind: 'found'; route: RouteDef; params: Record<string, string> }
  | { kind: 'method_not_allowed'; allowed: string[] }
  | { kind: 'not_found' };

/** A path segment a route may bind: no dots-only segments, no encoded slashes or control characters. */
const SAFE_SEGMENT = /^[A-Za-z0-9_\-.~]+$/;

export class Router {
  private readonly bySegments = new Map<number, CompiledRoute[]>();

  constructor(routes: readonly RouteDef[]) {
    for (const route of routes) {
      const parts = route.pattern.split('/').filter((p) => p.length > 0);
      const compiled: CompiledRoute = {
        route,
        literals: parts.map((p) => (p.startsWith(':') ? null : p)),
        names: parts.map((p) => (p.startsWith(':') ? p.slice(1) : null)),
      };
      const list = this.bySegments.get(parts.length) ?? [];
      list.push(compiled);
      this.bySegments.set(parts.length, list);
    }
  }

  /** `rest` is the path after the version, e.g. /client-id/flexitidemo/customers/lookup. */
  match(method: string, rest: string): RouteMatch {
    const segments = rest.split('/');
    // A leading '/' gives one empty first segment; any other empty segment (//, trailing /) never matches.
    if (segments[0] !== '') return { kind: 'not_found' };
    segments.shift();
    if (segments.some((s) => s.length === 0 || s === '.' || s === '..')) return { kind: 'not_found' };
    const candidates = this.bySegments.get(segments.length);
    if (!candidates) return { kind: 'not_found' };
    const allowed: string[] = [];
    for (const c of candidates) {
      const params: Record<string, string> = {};
      let ok = true;
      for (let i = 0; i < segments.length; i++) {
        const seg = segments[i] as string;
        const lit = c.literals[i];
        if (lit === null || lit === undefined) {
          if (!SAFE_SEGMENT.test(seg)) {
            ok = false;
            break;
          }
          params[c.names[i] as string] = seg;
        } else if (lit !== seg) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      if (c.route.method === method) return { kind: 'found', route: c.route, params };
      allowed.push(c.route.method);
    }
    return allowed.length > 0 ? { kind: 'method_not_allowed', allowed } : { kind: 'not_found' };
  }
}
