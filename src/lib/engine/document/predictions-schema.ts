/**
 * The notebook file's optional `predictions` field (practice by prediction):
 * the cells a teacher asks learners to predict, and the learner's own
 * predictions of one iteration, each with the engine's number once a step has
 * checked it. notebook-schema.ts checks its shape with the other fields and
 * its addresses against the net (`predictionsProblem`).
 *
 *   "predictions": {
 *     "ask": ["layers.0.neurons.0.total"],
 *     "iteration": 0,
 *     "guesses": { "layers.0.neurons.0.value": { "guess": 0.39, "engine": 0.3712 } }
 *   }
 */
import * as v from 'valibot';
import { addressExists, parameterPlaceOf, parseAddress } from '../maths/addresses.ts';
import { isComputedKind } from '../maths/cells/kinds.ts';

/** One prediction: what the learner typed, and the engine's number once the step that computes it has run. */
export interface Guess {
	readonly guess: number;
	readonly engine?: number;
}

export interface NotebookPredictions {
	/** Cells marked "predict this" (a teacher's), by address; a parameter's means its number after Train. */
	readonly ask?: readonly string[];
	/** The iteration (iterations completed before it) that `guesses` are for. */
	readonly iteration?: number;
	/** The learner's predictions, by address. */
	readonly guesses?: Readonly<Record<string, Guess>>;
}

const isRecord = (x: unknown): x is Record<string, unknown> =>
	typeof x === 'object' && x !== null && !Array.isArray(x);

const record = <T extends v.GenericSchema>(item: T) =>
	v.pipe(
		v.custom<Record<string, unknown>>(isRecord, 'must be an object'),
		v.record(v.string(), item, 'must be an object')
	);

const NUMBER = v.number('must be a number');

export const PredictionsSchema = v.pipe(
	v.custom<Record<string, unknown>>(isRecord, 'must be an object'),
	v.looseObject(
		{
			ask: v.optional(v.array(v.string('must be text'), 'must be a list of addresses')),
			iteration: v.optional(
				v.pipe(
					NUMBER,
					v.check((n) => Number.isSafeInteger(n) && n >= 0, 'must be a whole number from 0')
				)
			),
			guesses: v.optional(
				record(
					v.pipe(
						v.custom<Record<string, unknown>>(isRecord, 'must be an object'),
						v.looseObject({ guess: NUMBER, engine: v.optional(NUMBER) }, 'must be an object')
					)
				)
			)
		},
		'must be an object'
	)
);

/** Whether `key` names a cell a step computes in a net of `sizes` (a parameter: its number after Train). */
function isPredictCell(key: string, sizes: readonly number[]): boolean {
	const a = parseAddress(key);
	if (!a || !addressExists(a, sizes)) return false;
	return parameterPlaceOf(a) !== undefined || isComputedKind(a.kind);
}

const NOT_A_CELL = 'which is not the address of a cell a step computes in this network';

/** What is wrong with the addresses of `predictions` for a net of `sizes`, or undefined. */
export function predictionsProblem(
	predictions: NotebookPredictions,
	sizes: readonly number[]
): string | undefined {
	const quote = (key: string) => JSON.stringify(key.length > 60 ? `${key.slice(0, 60)}…` : key);
	for (const [i, key] of (predictions.ask ?? []).entries())
		if (!isPredictCell(key, sizes)) return `predictions.ask.${i} is ${quote(key)}, ${NOT_A_CELL}`;
	for (const key of Object.keys(predictions.guesses ?? {}))
		if (!isPredictCell(key, sizes)) return `predictions.guesses has ${quote(key)}, ${NOT_A_CELL}`;
	return undefined;
}
