/**
 * TracerState's passes as a learner steps: the listing of the pass at hand is open, and a pass once
 * open stays drawn when a step folds it, so that stepping from pass to pass toggles listings rather
 * than rebuilding them (TracerPass draws a pass's lines while `drawn`).
 */
import { describe, expect, it } from 'vitest';
import { NotebookState } from './notebook.svelte.ts';
import { TracerState } from './tracer.svelte.ts';

function setUp() {
	const sheet = new NotebookState();
	const tracer = new TracerState(sheet);
	const pass = (name: string) => tracer.passes.find((p) => p.pass === name)!;
	return { sheet, tracer, pass };
}

describe('the tracer’s passes', () => {
	it('open the pass at hand, and keep a pass drawn once it has been open', () => {
		const { sheet, pass } = setUp();
		expect(pass('forward')).toMatchObject({ open: true, drawn: true });
		expect(pass('backward')).toMatchObject({ open: false, drawn: false });
		expect(pass('train')).toMatchObject({ open: false, drawn: false });

		sheet.forward(); // Forward ran; Backward is next
		expect(pass('backward')).toMatchObject({ open: true, drawn: true });
		sheet.backward(); // Backward ran; Train is next: Forward folds, still drawn
		expect(pass('forward')).toMatchObject({ open: false, drawn: true });
		expect(pass('train')).toMatchObject({ open: true, drawn: true });
		sheet.train();
		sheet.forward(); // the next iteration's Forward ran: Train folds, still drawn
		expect(pass('forward').open).toBe(true);
		expect(pass('train')).toMatchObject({ open: false, drawn: true });
	});

	it('keep a pass folded by hand drawn, and draw one opened by hand', () => {
		const { tracer, pass } = setUp();
		tracer.togglePass('forward');
		expect(pass('forward')).toMatchObject({ open: false, drawn: true });
		tracer.togglePass('train');
		expect(pass('train')).toMatchObject({ open: true, drawn: true });
	});
});
