/** Requests counted per endpoint (route id + method) and status, for GET /sandbox/stats. */
export class RequestStats {
  private readonly counts = new Map<
    string,
    { routeId: string; method: string; byStatus: Map<number, number> }
  >();
  private total = 0;

  record(routeId: string, method: string, status: number): void {
    const key = `${routeId} ${method}`;
    let entry = this.counts.get(key);
    if (!entry) {
      entry = { routeId, method, byStatus: new Map() };
      this.counts.set(key, entry);
    }
    entry.byStatus.set(status, (entry.byStatus.get(status) ?? 0) + 1);
    this.total++;
  }

  snapshot(): {
    total: number;
    endpoints: Array<{
      endpoint: string;
      route_id: string;
      method: string;
      count: number;
      statuses: Record<string, number>;
    }>;
  } {
    const endpoints = [...this.counts.entries()].map(([endpoint, e]) => {
      const statuses: Record<string, number> = {};
      let count = 0;
      for (const [status, n] of [...e.byStatus.entries()].sort((a, b) => a[0] - b[0])) {
        statuses[String(status)] = n;
        count += n;
      }
      return { endpoint, route_id: e.routeId, method: e.method, count, statuses };
    });
    endpoints.sort((a, b) => a.endpoint.localeCompare(b.endpoint));
    return { total: this.total, endpoints };
  }

  clear(): void {
    this.counts.clear();
    this.total = 0;
  }
}
