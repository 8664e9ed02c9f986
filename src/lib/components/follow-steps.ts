/**
 * "Follow the steps", the DOM half: after each step action, select the first
 * cell it computed (NotebookState.lastStep, step-computed.ts) and scroll it
 * into view below the pinned header and above a docked formula bar. One
 * attachment for the whole page, not one per cell. Keyboard focus stays on
 * the button pressed: selecting a cell never focuses it, and scrolling does
 * not move focus. Smooth unless the user prefers reduced motion.
 */
import { tick, untrack } from 'svelte';
import type { Attachment } from 'svelte/attachments';
import type { NotebookState } from '$lib/state/notebook.svelte.ts';
import type { Computed } from '$lib/state/step-computed.ts';

/** Frames to wait for a windowed table to draw the cell after it scrolled its pane to it. */
const DRAW_FRAMES = 10;
/** Instant scrolls after the first, at most, while sections coming on screen change size. */
const CORRECTIONS = 4;
/** Longest wait for a smooth scroll to end before checking where it landed. */
const SETTLE_MS = 1200;

const TEXT_INPUTS = new Set(['text', 'number', 'search', 'email', 'url', 'tel', 'password']);

type Bars = () => readonly (Element | null | undefined)[];

/**
 * Attach to the element holding the sections. `bars` are the elements pinned
 * over the page (the sticky header, the formula bar docked at the top or at
 * the bottom): the cell is kept clear of them.
 */
export function followSteps(sheet: NotebookState, bars: Bars): Attachment {
	return (root) => {
		const step = sheet.lastStep; // the one thing this re-runs on: a new step
		if (!step) return;
		let cancelled = false;
		untrack(() => {
			if (!sheet.preferences.follow || typing()) return;
			sheet.select(step.address);
			void reveal(root, step, bars, () => cancelled);
		});
		// A newer step takes over: this one's scroll stops where it is.
		return () => (cancelled = true);
	};
}

/** Whether the user is typing into a field (a cell's editor, a form): the page must not move under them. */
function typing(): boolean {
	const el = document.activeElement;
	if (el instanceof HTMLTextAreaElement || (el instanceof HTMLElement && el.isContentEditable))
		return true;
	return el instanceof HTMLInputElement && TEXT_INPUTS.has(el.type);
}

async function reveal(root: Element, step: Computed, bars: Bars, cancelled: () => boolean) {
	await tick(); // the selection drawn: a windowed table has scrolled its pane to the cell
	let el = find(root, step);
	for (let n = 0; !el && n < DRAW_FRAMES && !cancelled(); n++) {
		await frame();
		el = find(root, step);
	}
	if (!el || cancelled()) return;
	const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
	if (clear(el, bars)) return;
	scrollClear(el, bars, reduce ? 'instant' : 'smooth');
	await settled();
	// Sections on the way were skipped (content-visibility) and take their real size once on screen,
	// which moves the cell: scroll again until it stays put.
	for (let n = 0; n < CORRECTIONS && !cancelled() && el.isConnected && !clear(el, bars); n++) {
		scrollClear(el, bars, 'instant');
		await frame();
		await frame();
	}
}

/** The cell in its pass's section (a Train step's bias is Train's view of it, not its home in Forward). */
function find(root: Element, { address, pass }: Computed): HTMLElement | null {
	const escaped = CSS.escape(address);
	return (
		root.querySelector<HTMLElement>(
			`#${pass} :is([data-cell="${escaped}"], [data-ref="${escaped}"])`
		) ?? root.querySelector<HTMLElement>(`[data-cell="${escaped}"]`)
	);
}

/** How much of the window's top and bottom the pinned bars cover. */
function covered(bars: Bars): { top: number; bottom: number } {
	let top = 0;
	let bottom = 0;
	for (const bar of bars()) {
		const box = bar?.getBoundingClientRect();
		if (!box || box.height === 0) continue;
		if (box.top < innerHeight / 2) top = Math.max(top, box.bottom);
		else bottom = Math.max(bottom, innerHeight - box.top);
	}
	return { top, bottom };
}

/** Whether `el` shows whole: clear of the bars, and not clipped by a scrolling table around it. */
function clear(el: HTMLElement, bars: Bars): boolean {
	const box = el.getBoundingClientRect();
	const { top, bottom } = covered(bars);
	if (box.top < top || box.bottom > innerHeight - bottom || box.left < 0 || box.right > innerWidth)
		return false;
	for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
		const style = getComputedStyle(up);
		if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
		const clip = up.getBoundingClientRect();
		if (box.top < clip.top - 1 || box.bottom > clip.bottom + 1) return false;
		if (box.left < clip.left - 1 || box.right > clip.right + 1) return false;
	}
	return true;
}

/**
 * Centres `el` in the part of the window the bars leave free (and in any
 * scrolling table around it). The margins count in the scroll as part of the
 * cell, which shifts the centre below the header and above the dock; they are
 * read when the scroll starts, so they are taken off again at once.
 */
function scrollClear(el: HTMLElement, bars: Bars, behavior: ScrollBehavior) {
	const { top, bottom } = covered(bars);
	el.style.scrollMarginTop = `${top}px`;
	el.style.scrollMarginBottom = `${bottom}px`;
	el.scrollIntoView({ block: 'center', inline: 'nearest', behavior });
	el.style.scrollMarginTop = '';
	el.style.scrollMarginBottom = '';
}

const frame = () => new Promise<void>((done) => requestAnimationFrame(() => done()));

/** Resolves when the window's scroll ends (a table's scrollend does not bubble), or after SETTLE_MS. */
function settled(): Promise<void> {
	return new Promise((done) => {
		const finish = () => {
			clearTimeout(timer);
			removeEventListener('scrollend', finish);
			done();
		};
		const timer = setTimeout(finish, SETTLE_MS);
		addEventListener('scrollend', finish);
	});
}
