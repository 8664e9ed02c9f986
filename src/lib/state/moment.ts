/**
 * A moment: everything undo restores and autosave keeps. The snapshot is
 * derived from the start by replaying to its cursor (plus any parameters
 * typed after Train), so a moment can be stored as a notebook and a cursor.
 */
import { parameterPlaceOf, parseAddress } from '$lib/engine/maths/addresses.ts';
import { withParameter } from '$lib/engine/maths/model.ts';
import { netOf, type Notebook } from '$lib/engine/document/notebook.ts';
import { replayTo } from '$lib/engine/maths/passes.ts';
import { createSnapshot, type Cursor, type Snapshot } from '$lib/engine/maths/snapshot.ts';

export interface Moment {
	/** The file-level fields (labels, samples, dataset, seed, unknown fields) */
	readonly notebook: Notebook;
	/** The current iteration's start: what edits change and replay from */
	readonly start: Snapshot;
	/** What the page shows */
	readonly snapshot: Snapshot;
	/** Parameters typed after Train updated them: they stand for the next iteration. */
	readonly trainedEdits: Readonly<Record<string, number>>;
}

/** A notebook opened at the start of its iteration. */
export function momentOf(notebook: Notebook): Moment {
	const start = createSnapshot({
		net: netOf(notebook),
		inputs: notebook.inputs,
		targets: notebook.targets,
		learningRate: notebook.learningRate,
		iteration: notebook.iteration ?? 0,
		overrides: notebook.overrides
	});
	return { notebook, start, snapshot: start, trainedEdits: {} };
}

/** The moment of `notebook` replayed to `cursor`, with parameters typed after Train put back. */
export function momentAt(
	notebook: Notebook,
	cursor: Cursor,
	trainedEdits: Readonly<Record<string, number>> = {}
): Moment {
	const { start } = momentOf(notebook);
	return {
		notebook,
		start,
		snapshot: withTrainedEdits(replayTo(start, cursor), trainedEdits),
		trainedEdits
	};
}

/** The iteration's start as a notebook file: with `momentAt`, a moment round-trips exactly. */
export function startNotebook(moment: Moment): Notebook {
	const { notebook, start } = moment;
	const { overrides: _, ...rest } = notebook;
	return {
		...rest,
		learningRate: start.learningRate,
		inputs: start.inputs,
		targets: start.targets,
		layers: start.startNet.layers.map((layer, l) => ({
			...notebook.layers[l],
			activation: layer.activation,
			neurons: layer.neurons.map((n) => ({ bias: n.bias, weights: n.weights }))
		})),
		...(Object.keys(start.overrides).length > 0 ? { overrides: start.overrides } : {}),
		iteration: start.iteration
	};
}

/** `s` with parameters typed after Train put back over what the replay trained. */
export function withTrainedEdits(s: Snapshot, edits: Readonly<Record<string, number>>): Snapshot {
	let net = s.net;
	for (const [address, value] of Object.entries(edits)) {
		const p = parameterPlaceOf(parseAddress(address));
		if (p) net = withParameter(net, p.layer, p.neuron, p.index, value);
	}
	return net === s.net ? s : { ...s, net };
}
