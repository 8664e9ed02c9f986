import { parameterValues } from '../../src/lib/engine/maths/model.ts';

/** Every bias and weight of a net, in the trainer's flat order (the engine's one order). */
export const paramsOf = parameterValues;
