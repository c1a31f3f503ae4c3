import * as Comlink from 'comlink';
import { acousticKey, planAcousticKey, sonicationKey } from '../engine/acoustic-key.ts';
import { SpotClaims } from '../engine/spot-claims.ts';
import type { SpotAcoustics } from '../physics/whole-path/spot-acoustics.ts';
import type {
  Estimate,
  EstimateRequest,
  PlanningBeamRequest,
  PlanningBeamTrace,
  PlanOutcome,
  PlanRequest,
  SpotGridRequest,
} from './plan-protocol.ts';
import {
  type CaseSummary,
  type SimWorkerApi,
  SONICATION_FIELD_SHARE,
  type SonicateRequest,
  type SonicationOutcome,
  type SonicationProgress,
  type SonicationSnapshot,
  type SpotLayout,
} from './protocol.ts';
import { raiseStop, sharedStopWord } from './stop-word.ts';
import { spotAcousticsTransfer } from './transfer.ts';

export class SimulationCancelled extends Error {
  override name = 'SimulationCancelled';
  constructor() {
    super('The sonication was cancelled.');
  }
}

export class WorkerCrashed extends Error {
  override name = 'WorkerCrashed';
}

/** One worker of the pool and its API. */
interface Member {
  worker: Worker;
  api: Comlink.Remote<SimWorkerApi>;
  /** resolves when the worker holds the current case */
  ready: Promise<unknown>;
  /** `ready` has resolved: a call can be posted at once, not a microtask later (behind the page's own work) */
  isReady: boolean;
  /** sonications and preparations sent to it and not yet answered */
  busy: number;
  /** the acoustic key (engine/acoustic-key.ts) of the field it keeps, or is computing, for sonications */
  field: string | undefined;
  /** the sonication key (engine/acoustic-key.ts) of the sonication it keeps, or is computing, ahead */
  ahead?: string | undefined;
  /** the sonication it is computing ahead, if any: how far it is, and the sonications waiting for it */
  preparing?: Preparation;
  /** its stop word (stop-word.ts) where memory is shared: a cancel then stops its calls instead of ending it */
  stop: Int32Array | undefined;
  /** the last ticket posted to it (stoppable calls are numbered in the order they are posted) */
  tickets: number;
  /** the tickets of its stoppable calls not yet settled */
  open: Set<number>;
  /** its calls numbered up to this one were stopped */
  stopped: number;
}

/** A sonication being computed ahead: its keys, its progress (0..1) and who else shows that progress. */
interface Preparation {
  /** acoustic key: a Sonicate of the same beams waits for its field */
  readonly key: string;
  /** sonication key: a Sonicate of the same request waits for all of it */
  readonly whole: string;
  fraction: number;
  readonly listeners: Set<SonicationProgress>;
}

/** Most workers a pool starts (the engine's memory per worker is ≈ 100–400 MB on the bundled cases). */
const MAX_POOL = 4;

/**
 * How long a stopped call may go on before its worker is ended after all [ms]: the engine reads the stop word at
 * every progress report (tens of ms apart), so a worker still busy after this is stuck outside its loops.
 */
export const STOP_GRACE_MS = 3000;

/** How the pool stops its computations: the stop word of each worker, and the grace before it ends them. */
export interface StopOptions {
  /** makes one worker's stop word, or undefined where memory is not shared (default: sharedStopWord) */
  stopWord?: () => Int32Array | undefined;
  /** [ms] (default STOP_GRACE_MS) */
  graceMs?: number;
}

/**
 * Whether a member is free for a sonication: nothing sent to it is pending, or all that is pending was stopped (it
 * ends at its next progress report, and the worker's code for sonications is warm, unlike the live estimate's).
 */
function isFree(member: Member): boolean {
  if (member.busy === 0) return true;
  const open = [...member.open];
  return open.length === member.busy && open.every((ticket) => ticket <= member.stopped);
}

/** Stops every call posted to `member` so far, where it has a stop word. */
function stopCalls(member: Member): void {
  if (!member.stop) return;
  member.stopped = member.tickets;
  raiseStop(member.stop, member.tickets);
}

/** Follows a member's `ready`: `isReady` while it is the current one and has resolved. */
function watchReady(member: Member, ready: Promise<unknown>): void {
  member.isReady = false;
  ready.then(
    () => {
      if (member.ready === ready) member.isReady = true;
    },
    // A failed load is reported by loadCase's caller; the member itself must not leave an unhandled rejection.
    () => {},
  );
}

/**
 * Workers to start: one per core the browser reports, at most MAX_POOL, at least one.
 * @returns the pool size
 */
export function defaultPoolSize(): number {
  const cores = typeof navigator === 'undefined' ? 1 : (navigator.hardwareConcurrency ?? 1);
  return Math.max(1, Math.min(MAX_POOL, cores));
}

/** A plan's spots marched ahead on the first worker while the user reviews them (SimClient.preparePlan). */
interface PlanAhead {
  /** planAheadKey of the plan */
  readonly key: string;
  /** who marches which spot, from the first (undefined until the spots the first worker keeps are known) */
  claims?: SpotClaims<SpotAcoustics>;
  /** no more spots are taken (the plan runs, or changed) */
  stopped: boolean;
}

/**
 * What a plan's fields marched ahead were computed for: its acoustic identity and each spot's power. A spot's field
 * is linear in its drive and the run takes a field it is handed as it is, so a power changed after the march needs
 * the march again (the run's own helpers march with the run's request).
 */
function planAheadKey(request: PlanRequest): string {
  return `${planAcousticKey(request)}\n${request.spots.map((spot) => spot.acousticPower).join(',')}`;
}

/**
 * The app's promise API to the simulation workers: a pool of one per core, each holding the case. Sonications run
 * on the first (or on the worker that computed them ahead or keeps the field of their beams, or on a free one while
 * the first computes ahead for settings the user has left: sonicationWorker); a plan shares its spots' acoustics out
 * over the pool and runs its heat on the first; the live estimate and beam traces go to the last, so a drag keeps
 * its pace while a sonication computes. The numeric core runs synchronous loops, so a worker cannot read a cancel
 * message mid-run: where the page is cross-origin isolated, cancelling raises each worker's stop word in shared memory
 * (stop-word.ts) and the computations end within a progress report while the workers live on, warm; elsewhere it
 * terminates the pool at once and starts a fresh one with the same case re-sent. The same restart recovers from a
 * crashed worker, and from one that goes on computing after it was stopped.
 */
export class SimClient {
  private members: Member[] = [];
  private planAhead: PlanAhead | undefined;
  private caseBytes: { bytes: ArrayBuffer; title: string } | undefined;
  private abortRunning: ((error: Error) => void) | undefined;
  private readonly restartListeners = new Set<() => void>();

  /**
   * @param createWorker - makes one worker
   * @param size - workers in the pool (default: one per core, defaultPoolSize)
   */
  constructor(
    private readonly createWorker: () => Worker,
    readonly size = defaultPoolSize(),
    private readonly stopping: StopOptions = {},
  ) {
    this.start();
  }

  private start(): void {
    this.members = Array.from({ length: Math.max(1, this.size) }, () => this.member());
  }

  private member(): Member {
    const worker = this.createWorker();
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.abortRunning?.(new WorkerCrashed(`The simulation worker crashed: ${event.message || 'unknown error'}`));
      this.restart();
    });
    const api = Comlink.wrap<SimWorkerApi>(worker);
    const stop = (this.stopping.stopWord ?? sharedStopWord)();
    // Posted before anything else, so every call finds it.
    if (stop) void api.shareStopWord(stop);
    const c = this.caseBytes;
    // Each worker keeps its own copy: send a copy so ours survives the transfer.
    const ready = c ? api.loadCase(c.bytes.slice(0), c.title) : Promise.resolve();
    const member: Member = {
      worker,
      api,
      ready,
      isReady: false,
      busy: 0,
      field: undefined,
      stop,
      tickets: 0,
      open: new Set(),
      stopped: 0,
    };
    watchReady(member, ready);
    return member;
  }

  private restart(): void {
    this.dropPlanAhead();
    for (const m of this.members) {
      m.api[Comlink.releaseProxy]();
      m.worker.terminate();
    }
    this.start();
    for (const listener of this.restartListeners) listener();
  }

  /**
   * Calls `listener` each time the pool is replaced by fresh workers (a cancel, a crash): their JIT is cold again.
   * @returns the function that stops calling it
   */
  onRestart(listener: () => void): () => void {
    this.restartListeners.add(listener);
    return () => this.restartListeners.delete(listener);
  }

  /** The worker that runs sonications and plans. */
  private get primary(): Member {
    return this.members[0] as Member;
  }

  /** The worker for quick calls (the estimate while dragging, beam traces): the last, so not the busy primary. */
  private get quick(): Member {
    return this.members[this.members.length - 1] as Member;
  }

  /** Sends a case (GLB bytes) to the worker; resolves with what it found in it. */
  async loadCase(bytes: ArrayBuffer, title: string): Promise<CaseSummary> {
    this.caseBytes = { bytes: bytes.slice(0), title };
    this.dropPlanAhead();
    const loads = this.members.map((m) => {
      // A new case: no worker keeps a field of it yet, nor a sonication.
      m.field = undefined;
      m.ahead = undefined;
      const summary = m.api.loadCase(bytes.slice(0), title);
      m.ready = summary;
      watchReady(m, summary);
      return summary;
    });
    return loads[0] as Promise<CaseSummary>;
  }

  /** Runs one sonication off the main thread. Rejects with SimulationCancelled when `signal` aborts. */
  async sonicate(
    request: SonicateRequest,
    onProgress: SonicationProgress,
    signal?: AbortSignal,
  ): Promise<SonicationOutcome> {
    const key = acousticKey(request);
    const whole = sonicationKey(request);
    this.stopLeftAhead(key);
    const member = this.sonicationWorker(key, whole);
    // The bar only moves forward. What the run already knows always passes.
    let shown = 0;
    const report = (fraction: number, snapshot?: SonicationSnapshot) => {
      if (fraction <= shown && !snapshot) return;
      shown = Math.max(shown, fraction);
      onProgress(shown, snapshot);
    };
    // A sonication being computed ahead shows its progress here: all of it when it is this very request, else its
    // field (the first part of the bar) when the beams are the same and only the heat will differ.
    const preparation = member.preparing?.key === key ? member.preparing : undefined;
    const relay: SonicationProgress =
      preparation?.whole === whole ? report : (fraction) => report(Math.min(fraction, SONICATION_FIELD_SHARE));
    if (preparation) {
      preparation.listeners.add(relay);
      relay(preparation.fraction);
    }
    try {
      const outcome = await this.cancellable(
        () =>
          this.busyWith(member, key, async () =>
            this.stoppable(member, (ticket) => member.api.sonicate(request, Comlink.proxy(report), ticket)),
          ),
        signal,
      );
      // Handed over from ahead: done before the click, or still computing when it came (the user waited for it).
      return outcome.computedAhead && preparation?.whole === whole
        ? { ...outcome, computedAhead: 'finished' }
        : outcome;
    } finally {
      preparation?.listeners.delete(relay);
      // The worker hands over what it computed ahead, or lets it go for another request.
      member.ahead = undefined;
    }
  }

  /**
   * Where a sonication goes: to the worker that keeps (or is computing) this very sonication ahead; else to the one
   * that keeps the field of these beams, so it runs the heat alone; else to the first if it is free (or only ends a
   * stopped computation); else to any free worker, so a click never waits behind a sonication computed ahead for
   * settings the user has since changed; else to the first.
   */
  private sonicationWorker(key: string, whole: string): Member {
    return (
      this.members.find((m) => m.ahead === whole) ??
      this.members.find((m) => m.field === key) ??
      (isFree(this.primary) ? this.primary : undefined) ??
      this.members.find(isFree) ??
      this.primary
    );
  }

  /** Runs a call on `member`, counted as busy, with `key` as the field it will keep. */
  private async busyWith<T>(member: Member, key: string, call: () => Promise<T>): Promise<T> {
    member.busy++;
    member.field = key;
    try {
      await member.ready;
      return await call();
    } catch (error) {
      if (member.field === key) member.field = undefined;
      throw error;
    } finally {
      member.busy--;
    }
  }

  /**
   * Asks a worker to compute the sonication of `request` ahead (while the user is still deciding): the worker that
   * keeps its beams' field if it is free and not the live estimate's, else the first. A Sonicate of the same request
   * sent meanwhile waits for it and takes its outcome; one of the same beams waits for its field and then runs the
   * heat alone. Resolves true when something was computed; a cancel or crash of the pool drops it.
   */
  async prepareSonication(request: SonicateRequest): Promise<boolean> {
    const key = acousticKey(request);
    const whole = sonicationKey(request);
    if (this.members.some((m) => m.ahead === whole)) return false;
    this.stopLeftAhead(key);
    // Never on the worker of the live estimate: a drag's estimates would queue behind it.
    const member = this.members.find((m) => m.field === key && m.busy === 0 && m !== this.quick) ?? this.primary;
    const preparation: Preparation = { key, whole, fraction: 0, listeners: new Set() };
    member.preparing = preparation;
    // The worker keeps one sonication ahead: this one replaces any other.
    member.ahead = whole;
    const progress = (fraction: number, snapshot?: SonicationSnapshot) => {
      preparation.fraction = fraction;
      for (const listener of preparation.listeners) listener(fraction, snapshot);
    };
    let ticket: number | undefined;
    try {
      const computed = await this.busyWith(member, key, () =>
        this.stoppable(member, (t) => {
          ticket = t;
          return member.api.prepareSonication(request, Comlink.proxy(progress), t);
        }),
      );
      if (ticket !== undefined && member.stopped >= ticket) {
        // Stopped: neither the sonication nor perhaps its field is kept.
        if (member.ahead === whole) member.ahead = undefined;
        if (member.field === key) member.field = undefined;
      }
      return computed;
    } catch (error) {
      if (member.ahead === whole) member.ahead = undefined;
      throw error;
    } finally {
      if (member.preparing === preparation) delete member.preparing;
    }
  }

  /**
   * Stops the sonications being computed ahead for settings the user has left (another sonication is asked for, of
   * other beams), where memory is shared and the preparation is all its worker is doing: the core it holds is
   * wanted now. One of the same beams goes on, since the new sonication takes its field.
   */
  private stopLeftAhead(key: string): void {
    for (const m of this.members) {
      // Other beams (then the whole request differs too); the preparation alone in flight.
      const left = m.preparing !== undefined && m.preparing.key !== key;
      if (left && m.busy === 1 && m.open.size === 1) stopCalls(m);
    }
  }

  async traceBeamsForPlanning(request: PlanningBeamRequest): Promise<PlanningBeamTrace> {
    const m = this.quick;
    await m.ready;
    return m.api.traceBeamsForPlanning(request);
  }

  /** The live estimate while dragging (tens of ms in the worker): posted at once when the worker is ready. */
  async estimate(request: EstimateRequest): Promise<Estimate> {
    const m = this.quick;
    if (!m.isReady) await m.ready;
    return m.api.estimate(request);
  }

  /** Spots covering the lesion: centres in delivery order [m], their spacing and the count before the cap. */
  async spotLayout(request: SpotGridRequest): Promise<SpotLayout> {
    const m = this.quick;
    await m.ready;
    return m.api.spotLayout(request);
  }

  /** Whether a plan runs over the pool (else on the first worker alone). */
  private pools(request: PlanRequest): boolean {
    return (
      this.members.length > 1 &&
      request.spots.length > 1 &&
      (request.freeBeams?.length ?? 0) === 0 &&
      request.fieldModel !== 'focal-ray'
    );
  }

  /**
   * Marches a plan's spots ahead, in its order, one spot a call on the first worker (the worker a plan starts on;
   * the live estimate's stays free for a drag), while the user reviews the spots before Run plan: the run then takes
   * the fields marched so far and shares the rest out over the pool. Stops when the plan runs, its spots, powers or
   * beams change (another preparePlan), the case changes or the pool restarts; a spot that fails is marched again by
   * the run. Only for a plan the pool would share out.
   * @returns the spots marched
   */
  async preparePlan(request: PlanRequest): Promise<number> {
    const key = planAheadKey(request);
    if (!this.pools(request) || this.planAhead?.key === key) return 0;
    this.dropPlanAhead();
    const primary = this.primary;
    const ahead: PlanAhead = { key, stopped: false };
    this.planAhead = ahead;
    primary.busy++;
    try {
      await primary.ready;
      // The spots the first worker keeps from its last run of this plan need no one.
      const kept = new Set(await primary.api.keptPlanSpots(request));
      if (ahead.stopped) return 0;
      const ids = request.spots.map((spot) => spot.id).filter((id) => !kept.has(id));
      const claims = new SpotClaims<SpotAcoustics>(ids, 0);
      ahead.claims = claims;
      // No progress shown: none posted (each report would be a message and a reply through the page).
      const marchOne = (id: string) =>
        this.stoppable(primary, (ticket) => primary.api.planAcoustics(request, [id], true, undefined, ticket)).then(
          (found) => found[id],
          // The run marches it again.
          () => undefined,
        );
      let marched = 0;
      while (!ahead.stopped) {
        const field = claims.takeNext(marchOne);
        if (!field) break;
        if (await field) marched++;
      }
      return marched;
    } finally {
      primary.busy--;
    }
  }

  /** Stops marching a plan ahead and lets its fields go. */
  dropPlanAhead(): void {
    if (this.planAhead) this.planAhead.stopped = true;
    this.planAhead = undefined;
  }

  /** Runs a plan off the main thread. Rejects with SimulationCancelled when `signal` aborts (stopAll or restart). */
  async runPlan(request: PlanRequest, onProgress: SonicationProgress, signal?: AbortSignal): Promise<PlanOutcome> {
    return this.cancellable(() => this.pooledPlan(request, onProgress), signal);
  }

  /**
   * A plan over the pool, in a pipeline: the primary runs the plan spot by spot and asks for each spot's acoustics as
   * it reaches it; the other workers ("helpers") march the spots ahead of it, one spot a call, in the order the plan
   * needs them, and each field goes to the primary as it is asked for. The primary marches the first spot itself
   * (the helpers start on the next ones) and any spot no helper has taken yet, so no core waits while there is a
   * field to march: heat and fields overlap; the spots marched ahead (preparePlan) are taken as they are. One worker,
   * free beams or the focal-ray model: the primary alone.
   */
  private async pooledPlan(request: PlanRequest, onProgress: SonicationProgress): Promise<PlanOutcome> {
    const members = this.members;
    // A plan's workers let their sonications computed ahead go (worker ops runPlan, planAcoustics).
    for (const m of members) m.ahead = undefined;
    // The spots marched ahead for this very plan are this run's; any other plan's are let go.
    const ahead = this.planAhead?.key === planAheadKey(request) ? this.planAhead : undefined;
    this.dropPlanAhead();
    const primary = this.primary;
    await primary.ready;
    if (!this.pools(request)) {
      return this.stoppable(primary, (ticket) =>
        primary.api.runPlan(request, Comlink.proxy(onProgress), undefined, ticket),
      );
    }
    const helpers = members.filter((m) => m !== primary);
    // The spots the primary keeps from its last run of this plan (only powers or times changed) need no one.
    const kept = new Set(await primary.api.keptPlanSpots(request));
    const claims =
      ahead?.claims ??
      new SpotClaims<SpotAcoustics>(request.spots.map((spot) => spot.id).filter((id) => !kept.has(id)));
    let finished = false;
    const march = async (helper: Member): Promise<void> => {
      await helper.ready;
      // A helper's progress is not shown (the primary's bar counts each field when it is given), so none is posted.
      const marchOne = (id: string) =>
        this.stoppable(helper, (ticket) => helper.api.planAcoustics(request, [id], true, undefined, ticket)).then(
          (found) => found[id],
        );
      while (!finished) {
        const field = claims.takeNext(marchOne);
        if (!field) break;
        await field;
      }
      await helper.api.releasePlan();
    };
    // A helper's failure reaches the plan through the field the primary waits for (or a worker crash restarts all).
    for (const helper of helpers) march(helper).catch(() => {});
    const fieldOf = async (id: string): Promise<SpotAcoustics | undefined> => {
      const acoustics = await claims.forPrimary(id);
      return acoustics && Comlink.transfer(acoustics, spotAcousticsTransfer({ [id]: acoustics }));
    };
    try {
      return await this.stoppable(primary, (ticket) =>
        primary.api.runPlan(request, Comlink.proxy(onProgress), Comlink.proxy(fieldOf), ticket),
      );
    } finally {
      finished = true;
    }
  }

  /**
   * Posts a call that a cancel may stop on `member`: numbered with the next ticket (where it has a stop word) and
   * followed until it settles.
   * @param call - posts the call with its ticket (undefined: it cannot be stopped, only ended with the worker)
   */
  private stoppable<T>(member: Member, call: (ticket: number | undefined) => Promise<T>): Promise<T> {
    if (!member.stop) return call(undefined);
    const ticket = ++member.tickets;
    member.open.add(ticket);
    const settled = () => {
      member.open.delete(ticket);
    };
    const result = call(ticket);
    result.then(settled, settled);
    return result;
  }

  /**
   * Stops every computation in flight, leaving the workers alive, when every worker has a stop word; one still busy
   * with a stopped call after the grace is ended with the rest (restart).
   * @returns false when memory is not shared: the caller ends the workers instead
   */
  private stopAll(): boolean {
    const members = this.members;
    if (!members.every((m) => m.stop)) return false;
    // As a restart would: the plan marched ahead stops with the rest.
    this.dropPlanAhead();
    for (const m of members) stopCalls(m);
    setTimeout(() => {
      const stuck = members.some((m) => [...m.open].some((ticket) => ticket <= m.stopped));
      if (stuck && this.members === members) this.restart();
    }, this.stopping.graceMs ?? STOP_GRACE_MS);
    return true;
  }

  /**
   * Runs a long worker call that `signal` can cancel: aborting stops the computations in shared memory (stopAll) or,
   * where memory is not shared, terminates the workers at once and starts fresh ones with the case re-sent (the
   * core's loops are synchronous); a crash rejects with WorkerCrashed.
   */
  private async cancellable<T>(call: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) throw new SimulationCancelled();
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => {
        finish();
        reject(new SimulationCancelled());
        if (!this.stopAll()) this.restart();
      };
      const finish = () => {
        signal?.removeEventListener('abort', onAbort);
        this.abortRunning = undefined;
      };
      this.abortRunning = (error) => {
        finish();
        reject(error);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      call().then(
        (outcome) => {
          finish();
          resolve(outcome);
        },
        (error: unknown) => {
          finish();
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  }

  dispose(): void {
    for (const m of this.members) {
      m.api[Comlink.releaseProxy]();
      m.worker.terminate();
    }
  }
}
