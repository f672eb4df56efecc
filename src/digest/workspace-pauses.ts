/**
 * Deliveries paused for a whole workspace (Slack team) or application (Discord) because its credentials
 * fail: a revoked token is one problem with one reason, not one "gone" channel after another. Probed on
 * later ticks with one cheap call; the first success resumes every delivery through those credentials.
 */
import type { Logger } from '../logger.ts';
import type { Deliverer, DeliveryError } from './deliverer.ts';

export interface WorkspacePause {
  /** "slack:T0123" or "discord:<application id>". */
  scope: string;
  reason: string;
  /** App time of the pause, ISO. */
  since: string;
}

/** Where pauses live, so `capwatch subscriptions list` in another process shows them. */
export interface WorkspacePauseStore {
  /** True when the scope was not paused before (so the reason is logged once). */
  pause(p: WorkspacePause): Promise<boolean>;
  /** True when there was a pause to lift. */
  resume(scope: string): Promise<boolean>;
  list(): Promise<WorkspacePause[]>;
}

/** A store for one process (tests, and until the shared store holds pauses). */
export class MemoryWorkspacePauseStore implements WorkspacePauseStore {
  private readonly pauses = new Map<string, WorkspacePause>();
  async pause(p: WorkspacePause): Promise<boolean> {
    if (this.pauses.has(p.scope)) return false;
    this.pauses.set(p.scope, p);
    return true;
  }
  async resume(scope: string): Promise<boolean> {
    return this.pauses.delete(scope);
  }
  async list(): Promise<WorkspacePause[]> {
    return [...this.pauses.values()];
  }
}

export const scopeOf = (d: Deliverer): string => d.scope?.() ?? d.platform;

export function authReason(error: DeliveryError): string {
  return `credentials refused (${error.message})${error.fix ? `: ${error.fix}` : ''}`;
}

export class WorkspacePauses {
  /** Scopes known paused, as of the last refresh or change in this process. */
  private readonly paused = new Map<string, WorkspacePause>();

  private readonly store: WorkspacePauseStore;
  private readonly logger: Logger;
  private readonly now: () => Date;

  constructor(store: WorkspacePauseStore, logger: Logger, now: () => Date) {
    this.store = store;
    this.logger = logger;
    this.now = now;
  }

  isPaused(d: Deliverer): boolean {
    return this.paused.has(scopeOf(d));
  }

  /** Pauses the deliverer's scope; logs the reason once, however many sends hit the same trouble. */
  async pause(d: Deliverer, error: DeliveryError): Promise<void> {
    const scope = scopeOf(d);
    if (this.paused.has(scope)) return;
    const pause = { scope, reason: authReason(error), since: this.now().toISOString() };
    this.paused.set(scope, pause);
    if (await this.store.pause(pause)) {
      this.logger.error('digest deliveries paused for the whole workspace', { scope, reason: pause.reason });
    }
  }

  /**
   * Reloads the pauses (an operator may have resumed one) and probes each paused scope among `deliverers`:
   * a successful call resumes it. Returns the scopes resumed.
   */
  async refresh(deliverers: Deliverer[]): Promise<string[]> {
    const stored = new Map((await this.store.list()).map((p) => [p.scope, p]));
    this.paused.clear();
    for (const [scope, p] of stored) this.paused.set(scope, p);
    const resumed: string[] = [];
    for (const d of deliverers) {
      const scope = scopeOf(d);
      if (!this.paused.has(scope) || !d.probe) continue;
      try {
        await d.probe();
      } catch (error) {
        this.logger.info('digest workspace still paused', { scope, error: (error as Error).message });
        continue;
      }
      this.paused.delete(scope);
      await this.store.resume(scope);
      this.logger.info('digest deliveries resumed for the workspace: its credentials work again', { scope });
      resumed.push(scope);
    }
    return resumed;
  }
}
