/** The explicit registry of element processors: adding an element type is one file plus one line here. */
import type { ElementType } from '../../model/types.js';
import {
  callActivityProcessor,
  eventSubProcessProcessor,
  processProcessor,
  subProcessProcessor,
} from './containers.js';
import {
  boundaryEventProcessor,
  endEventProcessor,
  intermediateCatchEventProcessor,
  intermediateThrowEventProcessor,
  startEventProcessor,
} from './events.js';
import {
  eventBasedGatewayProcessor,
  exclusiveGatewayProcessor,
  inclusiveGatewayProcessor,
  parallelGatewayProcessor,
} from './gateways.js';
import { multiInstanceBodyProcessor } from './multi-instance.js';
import type { ElementProcessor } from './processor.js';
import {
  jobTaskProcessor,
  passThroughProcessor,
  receiveTaskProcessor,
  scriptTaskProcessor,
  userTaskProcessor,
} from './tasks.js';

const registry: Record<ElementType | 'multiInstanceBody', ElementProcessor> = {
  process: processProcessor,
  subProcess: subProcessProcessor,
  eventSubProcess: eventSubProcessProcessor,
  callActivity: callActivityProcessor,
  multiInstanceBody: multiInstanceBodyProcessor,
  startEvent: startEventProcessor,
  endEvent: endEventProcessor,
  intermediateThrowEvent: intermediateThrowEventProcessor,
  intermediateCatchEvent: intermediateCatchEventProcessor,
  boundaryEvent: boundaryEventProcessor,
  serviceTask: jobTaskProcessor,
  sendTask: jobTaskProcessor,
  businessRuleTask: jobTaskProcessor,
  scriptTask: scriptTaskProcessor,
  userTask: userTaskProcessor,
  receiveTask: receiveTaskProcessor,
  manualTask: passThroughProcessor,
  task: passThroughProcessor,
  exclusiveGateway: exclusiveGatewayProcessor,
  inclusiveGateway: inclusiveGatewayProcessor,
  parallelGateway: parallelGatewayProcessor,
  eventBasedGateway: eventBasedGatewayProcessor,
};

/** The processor of an element type. */
export function processorFor(type: ElementType | 'multiInstanceBody'): ElementProcessor {
  const p = registry[type];
  if (!p) throw new Error(`No processor for element type ${type}`);
  return p;
}
