import { estimateWaitSeconds, pollSeconds } from './estimate.ts';
import type { LoadProbe } from './load-monitor.ts';
import { TICKET_MAX_AGE_MS, type AdmissionStore, type QueueMode } from './store.ts';
import type { AdmissionClaim, Ticket } from './tokens.ts';

export type AdmissionSettings = { mode: QueueMode; maxCheckouts: number; maxEventLoopDelayMs: number; sessionMinutes: number };

export type Clock = { now(): number };
export const systemClock: Clock = { now: () => Date.now() };

export type Queued = {
  admitted: false;
  ticket: Ticket;
  /** A new ticket was handed out (first visit, or a used or unreadable one replaced). */
  issued: boolean;
  /** The ticket shown had already been turned into an admission: refused, and a new one issued at the back. */
  reused: boolean;
  position: number;
  estimatedWaitSeconds: number;
  pollSeconds: number;
};
export type Entry = { admitted: true; admission: AdmissionClaim; fromTicket: boolean } | Queued;

export type QueueStatus =
  | { state: 'ready' }
  | { state: 'none' }
  | { state: 'waiting'; position: number; estimatedWaitSeconds: number; pollSeconds: number };

export type AdmissionSnapshot = {
  mode: QueueMode;
  configuredMode: QueueMode;
  capacity: number;
  active: number;
  waiting: number;
  admittedLastMinute: number;
  loopDelayP99Ms: number;
  overloaded: boolean;
  /** What a shopper joining the line now is told (0 with nobody waiting). */
  estimatedWaitSeconds: number;
};

/**
 * The policy over the store: which mode applies, how many places are open (none when the event loop
 * lags past its limit), whether a ticket is still honoured, and what a waiting shopper is told.
 */
export class AdmissionController {
  /** Replaceable by tests, which move time forward instead of waiting. */
  clock: Clock = systemClock;

  constructor(
    readonly store: AdmissionStore,
    readonly settings: AdmissionSettings,
    public load: LoadProbe,
  ) {}

  get sessionMs(): number {
    return this.settings.sessionMinutes * 60_000;
  }

  async mode(): Promise<QueueMode> {
    return (await this.store.modeOverride()) ?? this.settings.mode;
  }

  /** The merchant's switch; choosing the configured mode clears the override. */
  async setMode(mode: QueueMode): Promise<void> {
    await this.store.setModeOverride(mode === this.settings.mode ? null : mode);
  }

  overloaded(): boolean {
    return this.load.p99Ms() > this.settings.maxEventLoopDelayMs;
  }

  /** Places open to new shoppers right now. */
  capacity(mode: QueueMode): number {
    if (mode === 'off') return Number.POSITIVE_INFINITY;
    return this.overloaded() ? 0 : this.settings.maxCheckouts;
  }

  /** A ticket of this store's epoch, issued within its lifetime; anything else is as good as none. */
  honoured(ticket: Ticket | null): Ticket | null {
    if (!ticket || ticket.epoch !== this.store.epoch) return null;
    const age = this.clock.now() - ticket.issuedAt;
    return age <= TICKET_MAX_AGE_MS && age >= -60_000 ? ticket : null;
  }

  /** A shopper without an admission asks to enter checkout. */
  async enter(claim: Ticket | null, admissionId: string): Promise<Entry> {
    const now = this.clock.now();
    const mode = await this.mode();
    const ticket = this.honoured(claim);
    const admission = { id: admissionId, until: now + this.sessionMs };
    const r = await this.store.enter({ now, mode, capacity: this.capacity(mode), ticket, admission });
    if (r.admitted) return { admitted: true, admission, fromTicket: r.fromTicket };
    const { estimatedWaitSeconds, pollSeconds } = await this.waitFor(r.position, now);
    return { admitted: false, ticket: { ...r.ticket, epoch: this.store.epoch }, issued: r.issued, reused: r.reused, position: r.position, estimatedWaitSeconds, pollSeconds };
  }

  /** An admitted shopper came back: the admission lasts another session from now. */
  async renew(id: string, create: boolean): Promise<AdmissionClaim | null> {
    const now = this.clock.now();
    const until = now + this.sessionMs;
    return (await this.store.renew(id, until, now, create)) ? { id, until } : null;
  }

  /** A waiting shopper whose cart sold out stops holding up the line (and keeps their number for later). */
  async stepAside(claim: Ticket | null): Promise<void> {
    const ticket = this.honoured(claim);
    if (ticket) await this.store.stepAside(ticket);
  }

  release(id: string): Promise<void> {
    return this.store.release(id);
  }

  /** What the waiting page shows; `ready` means the next checkout request will get in. */
  async status(claim: Ticket | null): Promise<QueueStatus> {
    const ticket = this.honoured(claim);
    if (!ticket) return { state: 'none' };
    const now = this.clock.now();
    const { position, active } = await this.store.ticketStatus(ticket, now);
    if (position === null) return { state: 'none' };
    const mode = await this.mode();
    if (position <= this.capacity(mode) - active) return { state: 'ready' };
    return { state: 'waiting', position, ...(await this.waitFor(position, now)) };
  }

  async snapshot(): Promise<AdmissionSnapshot> {
    const now = this.clock.now();
    const [mode, stats] = await Promise.all([this.mode(), this.store.stats(now)]);
    return {
      mode,
      configuredMode: this.settings.mode,
      capacity: this.settings.maxCheckouts,
      ...stats,
      loopDelayP99Ms: Math.round(this.load.p99Ms()),
      overloaded: this.overloaded(),
      estimatedWaitSeconds: stats.waiting ? this.estimate(stats.waiting + 1, stats.admittedLastMinute) : 0,
    };
  }

  stop(): void {
    this.load.stop();
  }

  private async waitFor(position: number, now: number) {
    const { admittedLastMinute } = await this.store.stats(now);
    const estimatedWaitSeconds = this.estimate(position, admittedLastMinute);
    return { estimatedWaitSeconds, pollSeconds: pollSeconds(estimatedWaitSeconds) };
  }

  private estimate(position: number, admittedLastMinute: number): number {
    return estimateWaitSeconds({ position, admittedLastMinute, capacity: this.settings.maxCheckouts, sessionSeconds: this.settings.sessionMinutes * 60 });
  }
}
