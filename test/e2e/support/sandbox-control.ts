/** Calls the sandbox's /sandbox control API (clock, outbox, ledgers, faults). */
export type SandboxControl = (method: string, path: string, body?: unknown) => Promise<unknown>;

/** sandboxUrl is read on every call, so a test may create the control before the core starts. */
export function sandboxControl(sandboxUrl: () => string): SandboxControl {
  return async (method, path, body) => {
    const response = await fetch(`${sandboxUrl()}/sandbox${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`sandbox ${method} ${path}: ${response.status}`);
    return text ? (JSON.parse(text) as unknown) : null;
  };
}
