/**
 * Background scheduler: fires due timers, times out jobs and expires messages, then sleeps until the next due
 * time (at most 500 ms, so work due from other engine processes is seen), or until time is moved or a timer
 * is created in this process.
 */
import type { EngineCore } from '../runtime/engine-core.js';

export class Scheduler {
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;

  constructor(
    private readonly core: EngineCore,
    private readonly tick: () => Promise<number>,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    const onChange = () => this.wake?.();
    this.core.on('timers', onChange);
    const unsubscribe = this.core.clock.onChange(onChange);
    this.loop = (async () => {
      while (this.running) {
        try {
          await this.tick();
        } catch {
          // a failed tick (e.g. database restarting) is retried on the next round
        }
        if (!this.running) break;
        const sleep = await this.untilNextDue().catch(() => 500);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, sleep);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
      this.core.off('timers', onChange);
      unsubscribe();
    })();
  }

  private async untilNextDue(): Promise<number> {
    const r = await this.core.pool.query<{ next: string | null }>(
      `SELECT least((SELECT min(due_at) FROM engine.timer), (SELECT min(deadline) FROM engine.job WHERE state = 'ACTIVATED'),
                    (SELECT min(expires_at) FROM engine.message))::text AS next`,
    );
    const next = r.rows[0]?.next;
    if (next === null || next === undefined) return 500;
    return Math.min(500, Math.max(0, Number(next) - this.core.clock.now()));
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }
}
