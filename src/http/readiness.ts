/** Readiness: named checks, each saying why it is not ready (or nothing when it is). */
export type ReadinessCheck = () => string | undefined | Promise<string | undefined>;

export interface ReadinessStatus {
  ready: boolean;
  /** One line per failing check, "name: reason". */
  reasons: string[];
}

export class Readiness {
  readonly #checks = new Map<string, ReadinessCheck>();

  /** Registers (or replaces) a check; an adapter still connecting registers one that says so. */
  set(name: string, check: ReadinessCheck): void {
    this.#checks.set(name, check);
  }

  async status(): Promise<ReadinessStatus> {
    const reasons: string[] = [];
    for (const [name, check] of this.#checks) {
      try {
        const reason = await check();
        if (reason) reasons.push(`${name}: ${reason}`);
      } catch (error) {
        reasons.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return { ready: reasons.length === 0, reasons };
  }
}
