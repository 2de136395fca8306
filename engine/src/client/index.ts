/** The WorkflowEngine port and its adapters. The application depends on this entry point only. */
export * from './port.js';
export { createEmbeddedEngine, EmbeddedEngine, type EmbeddedEngineOptions } from './embedded.js';
export { SystemClock, ControlledClock, type Clock } from '../runtime/clock.js';
export { createCamundaEngine, CamundaEngine, type CamundaEngineOptions } from './camunda/index.js';
