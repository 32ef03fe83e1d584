/**
 * The restart a manager asks for after changing the Flexiti environment: the answer goes back first,
 * the core closes its databases, then Electron starts a fresh instance on the saved settings.
 */
import { app } from 'electron';

export function relaunchAfter(close: () => Promise<void>): void {
  setTimeout(() => {
    void close()
      .catch(() => undefined)
      .finally(() => {
        app.relaunch();
        app.exit(0);
      });
  }, 200);
}
