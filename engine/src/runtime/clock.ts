/**
 * The engine's notion of time. Every engine decision (timers, job deadlines, back-offs, message TTL) reads
 * this clock, never the database's, so tests move time forward instead of sleeping.
 */

/** A source of the current time in epoch milliseconds. */
export interface Clock {
  now(): number;
  /** Called whenever time is moved by hand, so schedulers can re-check what is due. */
  onChange(listener: () => void): () => void;
}

/** Wall-clock time. */
export class SystemClock implements Clock {
  now(): number {
    return Date.now();
  }
  onChange(): () => void {
    return () => {};
  }
}

/** A clock that tests pin and move (Camunda's clock endpoint maps onto it too). */
export class ControlledClock implements Clock {
  private current: number;
  private pinned = true;
  private offset = 0;
  private readonly listeners = new Set<() => void>();

  constructor(start: number = Date.now()) {
    this.current = start;
  }

  now(): number {
    return this.pinned ? this.current : Date.now() + this.offset;
  }

  /** Pins the clock at `epochMs`. */
  pin(epochMs: number): void {
    this.pinned = true;
    this.current = epochMs;
    this.emit();
  }

  /** Moves the clock forward by `ms`. */
  advance(ms: number): void {
    if (this.pinned) this.current += ms;
    else this.offset += ms;
    this.emit();
  }

  /** Lets the clock run with wall time again (from the current reading). */
  reset(): void {
    this.offset = 0;
    this.pinned = false;
    this.emit();
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }
}
