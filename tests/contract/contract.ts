/**
 * The contract suite: one set of scenarios every WorkflowEngine adapter must pass, run against the embedded
 * adapter in-process and against the camunda adapter over the real gRPC and REST protocols.
 */
import {
  EngineError,
  type ActivatedJob,
  type JobOutcome,
  type WorkflowEngine,
} from '../../engine/src/client/port';
import {
  errorModel,
  messageModel,
  serviceModel,
  straightModel,
  timerModel,
  userTaskModel,
  type Model,
} from './models';

/** An engine under contract, with a way to move its clock. */
export interface ContractTarget {
  engine: WorkflowEngine;
  /** Moves the engine clock forward and lets everything due fire. */
  advanceClock(ms: number): Promise<void>;
  close(): Promise<void>;
}

/** Polls `check` until it returns a value other than undefined (engine work is asynchronous over the wire). */
export async function eventually<T>(
  check: () => Promise<T | undefined>,
  what: string,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'OK';
  } catch (e) {
    return e instanceof EngineError ? e.code : `not an EngineError: ${String(e)}`;
  }
}

/** Defines the scenarios for one adapter; `makeEngine` is called once for the file. */
export function defineContract(name: string, makeEngine: () => Promise<ContractTarget>): void {
  describe(`WorkflowEngine contract: ${name}`, () => {
    let target: ContractTarget;
    let engine: WorkflowEngine;
    beforeAll(async () => {
      target = await makeEngine();
      engine = target.engine;
    });
    afterAll(async () => {
      await target?.close();
    });

    const deploy = async (model: Model) =>
      (await engine.deployResources([{ name: `${model.id}.bpmn`, content: model.xml }])).processes[0]!;
    const start = async (model: Model, variables: Record<string, unknown> = {}) => {
      await deploy(model);
      return (await engine.createProcessInstance({ bpmnProcessId: model.id, variables })).processInstanceKey;
    };
    const stateOf = async (key: string) => (await engine.getProcessInstance(key)).state;
    const reaches = (key: string, state: string) =>
      eventually(
        async () => ((await stateOf(key)) === state ? state : undefined),
        `instance ${key} to be ${state}`,
      );
    const oneJob = (type: string) =>
      eventually(
        async () =>
          (
            await engine.activateJobs({
              type,
              worker: 'contract',
              timeoutMs: 60_000,
              maxJobsToActivate: 1,
              requestTimeoutMs: 500,
            })
          )[0],
        `a job of ${type}`,
      );
    const withWorker = async (
      type: string,
      handler: (job: ActivatedJob) => Promise<JobOutcome>,
      body: () => Promise<void>,
    ) => {
      const worker = engine.createWorker({ type, handler, pollTimeoutMs: 1_000, timeoutMs: 30_000 });
      try {
        await body();
      } finally {
        await worker.close();
      }
    };

    it('should deploy a process when the BPMN is valid', async () => {
      // given
      const model = serviceModel();
      // when
      const deployed = await deploy(model);
      // then
      expect(deployed).toMatchObject({
        bpmnProcessId: model.id,
        version: 1,
        resourceName: `${model.id}.bpmn`,
      });
      expect(deployed.processDefinitionKey).toMatch(/^\d+$/);
      const definitions = await engine.listProcessDefinitions(model.id);
      expect(definitions.map((d) => d.processDefinitionKey)).toContain(deployed.processDefinitionKey);
    });

    it('should start an active instance when the process is deployed', async () => {
      // given / when
      const key = await start(serviceModel(), { dossier: 'D-1' });
      // then
      expect(key).toMatch(/^\d+$/);
      expect(await stateOf(key)).toBe('ACTIVE');
    });

    it('should complete the instance with the worker variables when a service task job is completed', async () => {
      // given
      const model = serviceModel();
      const key = await start(model, { amount: 5 });
      // when
      await withWorker(
        model.type,
        async (job) => ({ outcome: 'complete', variables: { doubled: Number(job.variables.amount) * 2 } }),
        async () => {
          await reaches(key, 'COMPLETED');
        },
      );
      // then
      const vars = Object.fromEntries((await engine.getVariables(key, key)).map((v) => [v.name, v.value]));
      expect(vars).toMatchObject({ amount: 5, doubled: 10 });
    });

    it('should retry the job with one retry less when a worker fails it', async () => {
      // given
      const model = serviceModel();
      const key = await start(model);
      const retriesSeen: number[] = [];
      // when
      await withWorker(
        model.type,
        async (job) => {
          retriesSeen.push(job.retries);
          return retriesSeen.length === 1
            ? { outcome: 'fail', errorMessage: 'first try fails' }
            : { outcome: 'complete' };
        },
        async () => {
          await reaches(key, 'COMPLETED');
        },
      );
      // then
      expect(retriesSeen).toEqual([3, 2]);
    });

    it('should hold the job back until the back-off has passed when a job fails with a retry back-off', async () => {
      // given
      const model = serviceModel();
      await start(model);
      const job = await oneJob(model.type);
      // when
      await engine.failJob({
        jobKey: job.key,
        retries: 2,
        errorMessage: 'try later',
        retryBackOffMs: 60_000,
      });
      // then
      expect(
        await engine.activateJobs({
          type: model.type,
          worker: 'contract',
          timeoutMs: 1_000,
          maxJobsToActivate: 1,
        }),
      ).toEqual([]);
      await target.advanceClock(61_000);
      const again = await oneJob(model.type);
      expect(again).toMatchObject({ key: job.key, retries: 2 });
    });

    it('should raise an incident and continue after updateJobRetries and resolveIncident when retries run out', async () => {
      // given
      const model = serviceModel();
      const key = await start(model);
      const job = await oneJob(model.type);
      // when
      await engine.failJob({ jobKey: job.key, retries: 0, errorMessage: 'registry offline' });
      const incident = await eventually(
        async () => (await engine.searchIncidents({ processInstanceKey: key, state: 'ACTIVE' })).items[0],
        'an incident',
      );
      // then
      expect(incident).toMatchObject({
        errorType: 'JOB_NO_RETRIES',
        errorMessage: 'registry offline',
        elementId: 'work',
        jobKey: job.key,
      });
      await engine.updateJobRetries({ jobKey: job.key, retries: 1 });
      await engine.resolveIncident(incident.incidentKey);
      const retried = await oneJob(model.type);
      await engine.completeJob({ jobKey: retried.key });
      await reaches(key, 'COMPLETED');
    });

    it('should take the error boundary path when the worker throws a BPMN error', async () => {
      // given
      const model = errorModel();
      const key = await start(model);
      const job = await oneJob(model.type);
      // when
      await engine.throwError({
        jobKey: job.key,
        errorCode: 'REJECTED',
        errorMessage: 'documents missing',
        variables: { reason: 'missing' },
      });
      // then
      const after = await oneJob(model.afterType);
      expect(after.processInstanceKey).toBe(key);
      expect(after.variables).toMatchObject({ reason: 'missing' });
    });

    it('should correlate a buffered message when the instance subscribes within the time to live', async () => {
      // given
      const model = messageModel();
      await deploy(model);
      await engine.publishMessage({
        name: model.message,
        correlationKey: 'order-7',
        timeToLiveMs: 60_000,
        variables: { paid: true },
      });
      // when
      const { processInstanceKey } = await engine.createProcessInstance({
        bpmnProcessId: model.id,
        variables: { orderId: 'order-7' },
      });
      // then
      await reaches(processInstanceKey, 'COMPLETED');
      const vars = Object.fromEntries(
        (await engine.getVariables(processInstanceKey, processInstanceKey)).map((v) => [v.name, v.value]),
      );
      expect(vars).toMatchObject({ paid: true });
    });

    it('should reject with ALREADY_EXISTS when a message id is published twice', async () => {
      // given
      const model = messageModel();
      const message = {
        name: model.message,
        correlationKey: 'order-8',
        timeToLiveMs: 60_000,
        messageId: `${model.id}-once`,
      };
      await engine.publishMessage(message);
      // when / then
      expect(await codeOf(engine.publishMessage(message))).toBe('ALREADY_EXISTS');
    });

    it('should fire the timer when the clock is moved past its due time', async () => {
      // given
      const key = await start(timerModel());
      expect(await stateOf(key)).toBe('ACTIVE');
      // when
      await target.advanceClock(60 * 60_000 + 1_000);
      // then
      await reaches(key, 'COMPLETED');
    });

    it('should find, assign and complete a user task with variables', async () => {
      // given
      const key = await start(userTaskModel());
      const task = await eventually(
        async () => (await engine.searchUserTasks({ processInstanceKey: key, state: 'CREATED' })).items[0],
        'a user task',
      );
      expect(task).toMatchObject({ elementId: 'review', candidateGroups: ['officers'] });
      expect(
        (await engine.searchUserTasks({ candidateGroups: ['officers'], processInstanceKey: key })).total,
      ).toBe(1);
      // when
      await engine.assignUserTask({ userTaskKey: task.userTaskKey, assignee: 'officer.an' });
      expect((await engine.getUserTask(task.userTaskKey)).assignee).toBe('officer.an');
      await engine.completeUserTask({ userTaskKey: task.userTaskKey, variables: { approved: true } });
      // then
      await reaches(key, 'COMPLETED');
      const vars = Object.fromEntries((await engine.getVariables(key, key)).map((v) => [v.name, v.value]));
      expect(vars).toMatchObject({ approved: true });
    });

    it('should terminate the instance when it is cancelled, and answer NOT_FOUND for a second cancel', async () => {
      // given
      const key = await start(serviceModel());
      // when
      await engine.cancelProcessInstance(key);
      // then
      await reaches(key, 'TERMINATED');
      expect(await codeOf(engine.cancelProcessInstance(key))).toBe('NOT_FOUND');
    });

    it('should answer with the final variables when an instance is created with result', async () => {
      // given
      const model = straightModel();
      await deploy(model);
      // when
      const result = await engine.createProcessInstanceWithResult({
        bpmnProcessId: model.id,
        variables: { a: 1, b: 'x' },
      });
      // then
      expect(result).toMatchObject({ bpmnProcessId: model.id, version: 1, variables: { a: 1, b: 'x' } });
      expect(await stateOf(result.processInstanceKey)).toBe('COMPLETED');
    });

    it('should answer NOT_FOUND when the process or the job does not exist', async () => {
      // given / when / then
      expect(await codeOf(engine.createProcessInstance({ bpmnProcessId: 'no_such_process_anywhere' }))).toBe(
        'NOT_FOUND',
      );
      expect(await codeOf(engine.completeJob({ jobKey: '2251799813685999' }))).toBe('NOT_FOUND');
    });
  });
}
