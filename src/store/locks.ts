/**
 * Named locks held across instances: a PostgreSQL session advisory lock on a connection of its own, so the
 * lock lives exactly as long as its holder (a dead process's connection drops and the lock with it). On
 * SQLite there is one process, so a lock is only refused to a second holder in this process.
 */
export interface LockHandle {
  readonly name: string;
  /** Lets go of the lock (idempotent). */
  release(): Promise<void>;
  /** Resolves if the lock is lost without release() (its connection died): stop the guarded work. */
  readonly lost: Promise<void>;
}

export interface Locks {
  /** Takes the lock when nobody holds it; null at once when someone does. */
  tryHold(name: string): Promise<LockHandle | null>;
  /** Releases every lock this store holds (on close). */
  releaseAll(): Promise<void>;
}

export function localLocks(): Locks {
  const held = new Map<string, () => void>();
  return {
    async tryHold(name) {
      if (held.has(name)) return null;
      let lose = () => {};
      const lost = new Promise<void>((resolve) => (lose = resolve));
      held.set(name, lose);
      return {
        name,
        lost,
        async release() {
          held.delete(name);
        },
      };
    },
    async releaseAll() {
      held.clear();
    },
  };
}
