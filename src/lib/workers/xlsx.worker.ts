/**
 * The worker the .xlsx export runs in: the workbook's plan, exceljs's model of
 * it and its deflated bytes take seconds for a large net, and would freeze the
 * page on its own thread. One request per worker; the bytes are transferred,
 * not copied.
 */
import { iterationXlsx } from '../export/xlsx/workbook.ts';
import type { FromXlsxWorker, XlsxRequest } from '../export/xlsx/request.ts';

/** The part of DedicatedWorkerGlobalScope we use (the project's TS lib is the DOM's). */
const scope = self as unknown as {
	onmessage: ((event: MessageEvent<XlsxRequest>) => void) | null;
	postMessage(message: FromXlsxWorker, transfer?: Transferable[]): void;
};

scope.onmessage = async ({ data }) => {
	try {
		const bytes = await iterationXlsx(data);
		scope.postMessage({ type: 'done', bytes }, [bytes.buffer]);
	} catch (error) {
		scope.postMessage({
			type: 'failed',
			message: error instanceof Error ? error.message : String(error)
		});
	}
};
