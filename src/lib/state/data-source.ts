/**
 * Where a moment's iterations take their samples from, as pure functions:
 * the sample of iteration k, a new source swapped in, and the open notebook
 * written back as a file (which starts the next iteration's sample once this
 * one is done).
 */
import { sampleAt, type DataSource } from '$lib/engine/fast/data.ts';
import type { Sample } from '$lib/engine/maths/model.ts';
import { dataSourceOf, type Notebook } from '$lib/engine/document/notebook.ts';
import { createSnapshot } from '$lib/engine/maths/snapshot.ts';
import { withTrainedEdits, type Moment } from './moment.ts';

/** The data fields a source is made of. */
export type SourceFields = Pick<Notebook, 'samples' | 'dataset' | 'labels'>;

/** The sample of iteration k: the source's, or for a fixed sample the inputs as last edited. */
export function sampleFor(moment: Moment, source: DataSource, k: number): Sample {
	const { start } = moment;
	return source.kind === 'fixed'
		? { inputs: start.inputs, targets: start.targets }
		: sampleAt(source, k);
}

/** Whether the iteration has computed anything yet. */
function begun(moment: Moment): boolean {
	const { pass, layer, neuron, line } = moment.snapshot.cursor;
	return pass !== 'forward' || layer !== 0 || neuron !== 0 || (line ?? 0) > 0;
}

/**
 * The moment with its data fields replaced (absent ones dropped). An
 * iteration that has computed nothing yet starts from the new source's
 * sample, so the inputs shown are always the sample the source gives; a
 * begun one keeps its inputs, and the new source supplies the next iteration.
 */
export function withSource(moment: Moment, fields: SourceFields): Moment {
	const { samples: _s, dataset: _d, labels: _l, ...rest } = moment.notebook;
	const defined = Object.entries(fields).filter(([, value]) => value !== undefined);
	const notebook: Notebook = { ...rest, ...Object.fromEntries(defined) };
	const source = dataSourceOf(notebook);
	if (begun(moment) || source.kind === 'fixed') return { ...moment, notebook };
	const { start, trainedEdits } = moment;
	const sample = sampleAt(source, start.iteration);
	const fresh = createSnapshot({
		...start,
		net: start.startNet,
		inputs: sample.inputs,
		targets: sample.targets
	});
	return { notebook, start: fresh, snapshot: withTrainedEdits(fresh, trainedEdits), trainedEdits };
}

/** The moment as a notebook file: at the start of the next iteration once this one is done. */
export function notebookNow(moment: Moment, source: DataSource): Notebook {
	const { notebook, snapshot } = moment;
	const done = snapshot.cursor.pass === 'done';
	const sample = done ? sampleFor(moment, source, snapshot.iteration + 1) : snapshot;
	const { overrides: _, ...rest } = notebook;
	return {
		...rest,
		learningRate: snapshot.learningRate,
		inputs: sample.inputs,
		targets: sample.targets,
		layers: snapshot.net.layers.map((layer, l) => ({
			...notebook.layers[l],
			neurons: layer.neurons.map((n) => ({ bias: n.bias, weights: n.weights }))
		})),
		...(Object.keys(snapshot.overrides).length > 0 ? { overrides: snapshot.overrides } : {}),
		iteration: snapshot.iteration + (done ? 1 : 0)
	};
}
