/**
 * "Follow the steps", the DOM half: after each step action, select the first
 * cell it computed (NotebookState.lastStep, step-computed.ts) and scroll it
 * into view below the pinned header and above a docked formula bar. One
 * attachment for the whole page, not one per cell. Keyboard focus stays on
 * the button pressed: selecting a cell never focuses it, and the scrolling
 * is by offsets (see scrollClear). Smooth unless the user prefers reduced
 * motion; never while the user types in a field. A cell the user chose from
 * a list (a pin) is gone to the same way, whether or not steps are followed.
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

const USER_EVENTS = ['wheel', 'touchstart', 'pointerdown', 'keydown'] as const;
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
		const scroll = { smooth: false };
		const listening = new AbortController();
		const stop = () => {
			cancelled = true;
			listening.abort();
		};
		// The user's own scrolling, clicking or typing wins: no correction pulls the page back, and a
		// smooth scroll still going stops where it is, so nothing moves under their pointer.
		const giveWay = () => {
			if (scroll.smooth) window.scrollTo({ top: scrollY, behavior: 'instant' });
			stop();
		};
		untrack(() => {
			const wanted = () => step.chosen || sheet.preferences.follow;
			if (!wanted() || typing()) return;
			for (const type of USER_EVENTS)
				addEventListener(type, giveWay, { capture: true, passive: true, signal: listening.signal });
			// The step's own numbers are painted first; the selection (formula bar, marks) and the
			// scroll follow in the next frame, so a click shows its result as fast as without following.
			void nextFrame()
				.then(() => {
					if (cancelled || !wanted() || typing()) return;
					sheet.select(step.address);
					return reveal(root, step, bars, scroll, () => cancelled);
				})
				.finally(() => listening.abort());
		});
		// A newer step takes over: this one's scroll stops where it is.
		return stop;
	};
}

/** Whether the user is typing into a field (a cell's editor, a form): the page must not move under them. */
function typing(): boolean {
	const el = document.activeElement;
	if (el instanceof HTMLTextAreaElement || (el instanceof HTMLElement && el.isContentEditable))
		return true;
	return el instanceof HTMLInputElement && TEXT_INPUTS.has(el.type);
}

async function reveal(
	root: Element,
	step: Computed,
	bars: Bars,
	scroll: { smooth: boolean },
	cancelled: () => boolean
) {
	await tick(); // the selection drawn: a windowed table has scrolled its pane to the cell
	let el = await drawn(root, step, cancelled);
	if (!el && !cancelled()) {
		// Its table is in a section scrolled far off, which skips layout, so the table cannot draw
		// the cell: bring the section on screen, and the table draws it there.
		const section = document.getElementById(step.pass);
		if (section) window.scrollTo({ top: scrollY + section.getBoundingClientRect().top });
		el = await drawn(root, step, cancelled);
	}
	if (!el || cancelled()) return;
	const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
	if (clear(el, bars)) return;
	scroll.smooth = !reduce;
	scrollClear(el, bars, reduce ? 'instant' : 'smooth');
	await settled();
	scroll.smooth = false;
	// Sections on the way were skipped (content-visibility) and take their real size once on screen,
	// which moves the cell: scroll again until it stays put.
	for (let n = 0; n < CORRECTIONS && !cancelled() && el.isConnected && !clear(el, bars); n++) {
		scrollClear(el, bars, 'instant');
		await frame();
		await frame();
	}
}

/** The cell once drawn, waiting a few frames for a windowed table to draw it; null if it is not. */
async function drawn(root: Element, step: Computed, cancelled: () => boolean) {
	let el = find(root, step);
	for (let n = 0; !el && n < DRAW_FRAMES && !cancelled(); n++) {
		await frame();
		el = find(root, step);
	}
	return el;
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
 * Brings `el` into any scrolling table around it, then centres it in the
 * part of the window the bars leave free. By scroll offsets, not
 * scrollIntoView: that would also move the browser’s starting point for Tab
 * to the cell, and a keyboard user whose button was just disabled (Forward
 * once its pass is done) would Tab into the tables instead of on to Backward.
 */
function scrollClear(el: HTMLElement, bars: Bars, behavior: ScrollBehavior) {
	for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
		const style = getComputedStyle(up);
		if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
		const box = el.getBoundingClientRect();
		const clip = up.getBoundingClientRect();
		up.scrollLeft += nearest(box.left, box.right, clip.left, clip.left + up.clientWidth);
		up.scrollTop += nearest(box.top, box.bottom, clip.top, clip.top + up.clientHeight);
	}
	const box = el.getBoundingClientRect();
	const { top, bottom } = covered(bars);
	const middle = top + (innerHeight - bottom - top) / 2;
	const to = scrollY + (box.top + box.bottom) / 2 - middle;
	window.scrollTo({ top: Math.max(0, to), behavior });
}

/** How far to scroll so that [start, end] shows within [from, to], as little as it can. */
function nearest(start: number, end: number, from: number, to: number): number {
	if (start < from || end - start > to - from) return start - from;
	return end > to ? end - to : 0;
}

const frame = () => new Promise<void>((done) => requestAnimationFrame(() => done()));

/** Resolves just before the frame after the one now being drawn. */
const nextFrame = () =>
	new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));

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
