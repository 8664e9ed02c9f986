/** The worker the page trains in. Vite sees this `new Worker(new URL(…))` and bundles the file as a worker of its own. */
export const spawnTrainWorker = (): Worker =>
	new Worker(new URL('./train.worker.ts', import.meta.url), { type: 'module' });

/** The worker that makes an .xlsx file (xlsx.worker.ts), one per export. */
export const spawnXlsxWorker = (): Worker =>
	new Worker(new URL('./xlsx.worker.ts', import.meta.url), { type: 'module' });

/** The worker a big net's learned map is computed in (grid.worker.ts), one per map. */
export const spawnGridWorker = (): Worker =>
	new Worker(new URL('./grid.worker.ts', import.meta.url), { type: 'module' });
