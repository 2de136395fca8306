/** Regression scenarios for bugs found outside the conformance suite (one scenario per bug). */
import pg from 'pg';
import { bpmn, deploy, flow, instanceState, startHarness, uniqueId, type Harness } from '../harness';
import { testDatabase } from '../../../tests/support/database';

/** Waits (bounded) until `n` other backends of this database wait on a lock. */
async function waitForBlockedBackends(client: pg.Client, n: number): Promise<void> {
  for (let i = 0; i < 400; i++) {
    const r = await client.query<{ c: number }>(
      // pg_locks, not pg_stat_activity: the latter is snapshotted once per transaction and this client is in one
      `SELECT count(DISTINCT pid)::int AS c FROM pg_locks
       WHERE NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    );
    if (r.rows[0]!.c >= n) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`expected ${n} blocked backends`);
}

let h: Harness;
beforeAll(async () => {
  h = await startHarness('conformance_regressions');
});
afterAll(() => h.close());

describe('regressions', () => {
  it('should correlate a buffered message when it is published while the subscription is being opened', async () => {
    // given a process that waits for a message right after its start, created while the messages are published
    const id = uniqueId('race');
    await deploy(
      h.engine,
      bpmn(
        id,
        `<bpmn:startEvent id="start" />${flow('f1', 'start', 'wait')}
         <bpmn:intermediateCatchEvent id="wait"><bpmn:messageEventDefinition messageRef="msg" /></bpmn:intermediateCatchEvent>
         ${flow('f2', 'wait', 'end')}<bpmn:endEvent id="end" />`,
        `<bpmn:message id="msg" name="paid-${id}"><bpmn:extensionElements><zeebe:subscription correlationKey="=code" /></bpmn:extensionElements></bpmn:message>`,
      ),
    );
    const client = new pg.Client({ connectionString: await testDatabase('conformance_regressions') });
    await client.connect();
    try {
      // when the instance has opened its subscription but not committed yet (held at its element write), and the
      // message is published meanwhile
      await client.query('BEGIN');
      await client.query('LOCK TABLE engine.element_instance IN EXCLUSIVE MODE');
      const creating = h.engine.createProcessInstance({ bpmnProcessId: id, variables: { code: 'D-1' } });
      await waitForBlockedBackends(client, 1);
      const publishing = h.engine.publishMessage({
        name: `paid-${id}`,
        correlationKey: 'D-1',
        timeToLiveMs: 3_600_000,
      });
      // (with the lock per message key the publish waits for the instance's command; without it, it would
      // commit at once and the message would stay buffered next to a subscription that never sees it)
      await Promise.race([waitForBlockedBackends(client, 2), publishing]);
      await client.query('COMMIT');
      const [created] = await Promise.all([creating, publishing]);
      // then the instance got its message
      expect(await instanceState(h.engine, created.processInstanceKey)).toBe('COMPLETED');
    } finally {
      await client.end();
    }
  });
});
