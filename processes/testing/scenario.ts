/**
 * Scenario driver for the procedure packages on the embedded engine. A `ScenarioEnvironment` deploys all of
 * processes/ once per test file; a `Scenario` starts one dossier, runs the stand-in worker of every job type
 * (handlers.ts) after each step, records the `dossier.status.<n>` listener jobs, completes user tasks with form
 * values, publishes messages and moves the ControlledClock (then tick()) for timers. Nothing sleeps.
 */
import type {
  ActivatedJob,
  ControlledClock,
  EmbeddedEngine,
  Incident,
  ProcessInstanceState,
  UserTask,
  Variables,
} from '@motcua/engine/client';
import {
  defaultSettings,
  handle,
  jobHandlers,
  statusCode,
  statusJobTypes,
  type HandlerSettings,
} from './handlers';
import { deployAll, startEngine, startVariables, type DeployedModels } from './environment';

const JOB_TYPES = [...statusJobTypes, ...Object.keys(jobHandlers)];
const MESSAGE_TTL_MS = 86_400_000;
const MAX_ROUNDS = 200;

export interface SeenJob {
  type: string;
  elementId: string;
  bpmnProcessId: string;
  processInstanceKey: string;
}

/** Parses an ISO-8601 duration with days, hours, minutes and seconds (PnDTnHnMnS) into milliseconds. */
export function durationMs(duration: string): number {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(duration);
  if (!m) throw new Error(`unsupported duration ${duration}`);
  const [d, h, min, s] = [m[1], m[2], m[3], m[4]].map((x) => Number(x ?? 0)) as [
    number,
    number,
    number,
    number,
  ];
  return (((d * 24 + h) * 60 + min) * 60 + s) * 1000;
}

export interface StartOptions {
  settings?: Partial<HandlerSettings>;
  /** Job types whose worker is "down": their jobs wait until `release(type)`. */
  hold?: string[];
}

export class ScenarioEnvironment {
  private readonly scenarios: Scenario[] = [];
  private serial = 0;

  private constructor(
    readonly engine: EmbeddedEngine,
    readonly clock: ControlledClock,
    readonly models: DeployedModels,
  ) {}

  /** An engine on the database `suite` with every model and form of processes/ deployed. */
  static async create(suite: string): Promise<ScenarioEnvironment> {
    const { engine, clock } = await startEngine(suite);
    return new ScenarioEnvironment(engine, clock, await deployAll(engine));
  }

  /** Starts a dossier of `pkg` (folder name) with the API's start variables plus the application fields. */
  async start(
    pkg: string,
    application: Variables,
    options: StartOptions & { variantKey?: string } = {},
  ): Promise<Scenario> {
    const { bpmnProcessId, variables } = startVariables(pkg, application, { variantKey: options.variantKey });
    return this.startProcess(bpmnProcessId, variables, options);
  }

  /** Starts any deployed process (for example a shared one on its own) with exactly these variables. */
  async startProcess(
    bpmnProcessId: string,
    variables: Variables,
    options: StartOptions = {},
  ): Promise<Scenario> {
    const created = await this.engine.createProcessInstance({ bpmnProcessId, variables });
    const settings = { ...defaultSettings, ...options.settings };
    const scenario = new Scenario(
      this,
      created.processInstanceKey,
      String(variables.dossierCode),
      settings,
      new Set(options.hold),
    );
    this.scenarios.push(scenario);
    await scenario.drain();
    return scenario;
  }

  nextSerial(prefix: string): string {
    this.serial += 1;
    return `${prefix}-${String(this.serial).padStart(5, '0')}`;
  }

  /** Cancels what the last test left running, so the next one only sees its own jobs, tasks and timers. */
  async disposeAll(): Promise<void> {
    for (const s of this.scenarios.splice(0)) {
      if ((await s.state()) === 'ACTIVE') await this.engine.cancelProcessInstance(s.rootKey);
    }
  }

  async close(): Promise<void> {
    await this.disposeAll();
    await this.engine.close();
  }
}

/**
 * Registers a test file's hooks: an environment on the database `suite`, cleaned after each test and closed at the
 * end. Returns it (valid inside tests).
 */
export function setUpScenarioEnvironment(suite: string): () => ScenarioEnvironment {
  let env: ScenarioEnvironment;
  beforeAll(async () => {
    env = await ScenarioEnvironment.create(suite);
  });
  afterEach(() => env.disposeAll());
  afterAll(() => env.close());
  return () => env;
}

export class Scenario {
  /** National status codes in the order the listeners ran. */
  readonly statuses: number[] = [];
  /** Every job the stand-in workers handled. */
  readonly jobs: SeenJob[] = [];
  private readonly roots = new Map<string, string>();

  constructor(
    private readonly env: ScenarioEnvironment,
    readonly rootKey: string,
    readonly dossierCode: string,
    readonly settings: HandlerSettings,
    private readonly held: Set<string> = new Set(),
  ) {
    this.roots.set(rootKey, rootKey);
  }

  private get engine(): EmbeddedEngine {
    return this.env.engine;
  }

  /** Job types seen so far, in order (for example to find `dossier.apology`, Mẫu 04). */
  jobTypes(): string[] {
    return this.jobs.map((j) => j.type);
  }

  /** The root instance key of a (called) process instance. */
  private async rootOf(key: string): Promise<string> {
    const known = this.roots.get(key);
    if (known) return known;
    const instance = await this.engine.getProcessInstance(key);
    const root = instance.parentProcessInstanceKey
      ? await this.rootOf(instance.parentProcessInstanceKey)
      : key;
    this.roots.set(key, root);
    return root;
  }

  private async belongs(processInstanceKey: string): Promise<boolean> {
    return (await this.rootOf(processInstanceKey)) === this.rootKey;
  }

  private async runJob(job: ActivatedJob): Promise<void> {
    if (!(await this.belongs(job.processInstanceKey))) {
      throw new Error(
        `job ${job.type} of another dossier (instance ${job.processInstanceKey}) is pending: dispose scenarios after each test`,
      );
    }
    let variables: Variables;
    try {
      variables = handle(job, {
        now: this.env.clock.now(),
        settings: this.settings,
        serial: (p) => this.env.nextSerial(p),
      });
    } catch (e) {
      await this.engine.failJob({ jobKey: job.key, retries: 0, errorMessage: (e as Error).message });
      return;
    }
    this.jobs.push({
      type: job.type,
      elementId: job.elementId,
      bpmnProcessId: job.bpmnProcessId,
      processInstanceKey: job.processInstanceKey,
    });
    const code = statusCode(job.type);
    if (code !== undefined) this.statuses.push(code);
    await this.engine.completeJob({ jobKey: job.key, variables });
  }

  /** Runs the stand-in workers until no job of any vocabulary type is left. */
  async drain(): Promise<void> {
    for (let round = 0; round < MAX_ROUNDS; round++) {
      let worked = false;
      for (const type of JOB_TYPES) {
        if (this.held.has(type)) continue;
        const jobs = await this.engine.activateJobs({
          type,
          worker: 'scenario',
          timeoutMs: 60_000,
          maxJobsToActivate: 50,
        });
        for (const job of jobs) {
          worked = true;
          await this.runJob(job);
        }
      }
      if (!worked) return;
    }
    throw new Error(`jobs kept coming after ${MAX_ROUNDS} rounds: the dossier loops`);
  }

  /** Lets the worker of a held job type run again, then runs the workers. */
  async release(type: string): Promise<void> {
    this.held.delete(type);
    await this.drain();
  }

  /** Open user tasks of this dossier (its own instance and the called processes). */
  async openTasks(): Promise<UserTask[]> {
    const page = await this.engine.searchUserTasks({ state: 'CREATED', limit: 1000 });
    const mine: UserTask[] = [];
    for (const t of page.items) if (await this.belongs(t.processInstanceKey)) mine.push(t);
    return mine;
  }

  private formIdOf(task: UserTask): string | undefined {
    return task.formKey ? this.env.models.formIdByKey.get(task.formKey) : undefined;
  }

  /** Element ids of the open user tasks. */
  async openTaskIds(): Promise<string[]> {
    return (await this.openTasks()).map((t) => t.elementId).sort();
  }

  /**
   * Completes the open user task with this element id or form id with the form values, then runs the workers.
   * Select values are checked against the form, so a test cannot send a decision code the form does not offer.
   */
  async completeTask(elementIdOrFormId: string, values: Variables): Promise<void> {
    const open = await this.openTasks();
    const matching = open.filter(
      (t) => t.elementId === elementIdOrFormId || this.formIdOf(t) === elementIdOrFormId,
    );
    if (matching.length !== 1) {
      throw new Error(
        `expected one open task ${elementIdOrFormId}, found ${matching.length}\n${await this.describe()}`,
      );
    }
    const task = matching[0]!;
    const formId = this.formIdOf(task);
    const choices = formId ? this.env.models.choicesByFormId.get(formId) : undefined;
    for (const [key, value] of Object.entries(values)) {
      const allowed = choices?.get(key);
      const given = Array.isArray(value) ? value.map(String) : [String(value)];
      if (allowed && given.some((v) => !allowed.has(v))) {
        throw new Error(
          `form ${formId} offers ${key} = ${[...allowed].join(' | ')}, not ${given.join(', ')}`,
        );
      }
    }
    await this.engine.completeUserTask({ userTaskKey: task.userTaskKey, variables: values });
    await this.drain();
  }

  /** Publishes a message (correlation key: the dossier code unless given) with a TTL, then runs the workers. */
  async publish(
    name: string,
    variables: Variables = {},
    correlationKey: string = this.dossierCode,
  ): Promise<void> {
    await this.engine.publishMessage({ name, correlationKey, variables, timeToLiveMs: MESSAGE_TTL_MS });
    await this.drain();
  }

  /** Moves the clock forward (ISO duration or ms), fires what is due, then runs the workers. */
  async advance(by: string | number): Promise<void> {
    this.env.clock.advance(typeof by === 'number' ? by : durationMs(by));
    await this.env.engine.tick();
    await this.drain();
  }

  async state(): Promise<ProcessInstanceState> {
    return (await this.engine.getProcessInstance(this.rootKey)).state;
  }

  /** Variables of the root instance. */
  async variables(): Promise<Variables> {
    const vars = await this.engine.getVariables(this.rootKey, this.rootKey);
    return Object.fromEntries(vars.map((v) => [v.name, v.value]));
  }

  /** Active incidents of this dossier (its own instance and the called processes). */
  async incidents(): Promise<Incident[]> {
    const page = await this.engine.searchIncidents({ state: 'ACTIVE', limit: 1000 });
    const mine: Incident[] = [];
    for (const i of page.items) if (await this.belongs(i.processInstanceKey)) mine.push(i);
    return mine;
  }

  /** A diagnostic of where the dossier stands: state, incidents, open tasks, statuses and the last jobs. */
  async describe(): Promise<string> {
    const incidents = await this.incidents();
    const tasks = await this.openTasks();
    return [
      `dossier ${this.dossierCode} (instance ${this.rootKey}) is ${await this.state()}`,
      `statuses: ${this.statuses.join(' → ') || '-'}`,
      `open tasks: ${tasks.map((t) => `${t.bpmnProcessId}/${t.elementId}`).join(', ') || '-'}`,
      `incidents: ${incidents.map((i) => `${i.bpmnProcessId}/${i.elementId} ${i.errorType}: ${i.errorMessage}`).join('; ') || '-'}`,
      `last jobs: ${
        this.jobs
          .slice(-8)
          .map((j) => `${j.type}@${j.elementId}`)
          .join(', ') || '-'
      }`,
    ].join('\n');
  }

  /** Throws with the diagnostic unless the dossier has no incident and (when given) the root is in `state`. */
  async expectHealthy(state?: ProcessInstanceState): Promise<void> {
    const incidents = await this.incidents();
    const actual = await this.state();
    if (incidents.length > 0 || (state !== undefined && actual !== state)) {
      throw new Error(`expected ${state ?? 'no incident'}\n${await this.describe()}`);
    }
    if (state !== undefined && state !== 'ACTIVE' && (await this.openTasks()).length > 0) {
      throw new Error(`the dossier ended but user tasks are still open\n${await this.describe()}`);
    }
  }
}
