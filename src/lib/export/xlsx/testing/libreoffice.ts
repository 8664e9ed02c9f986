/**
 * LibreOffice, headless, as the independent spreadsheet the export is tested
 * against: it opens each workbook, recalculates every formula on load (forced
 * by a throwaway user profile, whatever the file says), and saves it again.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const CANDIDATES = [
	'/usr/bin/soffice',
	'/usr/bin/libreoffice',
	'/usr/lib/libreoffice/program/soffice'
];

/** The soffice program, or undefined when LibreOffice is not installed. */
function findSoffice(): string | undefined {
	return [process.env.SOFFICE, ...CANDIDATES].find((path) => path && existsSync(path));
}

const ci = Boolean(process.env.CI) && process.env.CI !== 'false';

/**
 * soffice for the recalculation tests, which run when it is there and under
 * CI (where a missing LibreOffice fails them); elsewhere they are skipped,
 * with a note saying how to run them.
 */
export function sofficeForTests(): { soffice: string | undefined; run: boolean } {
	const soffice = findSoffice();
	if (!soffice && !ci)
		console.log(
			'note: LibreOffice (soffice) is not installed, so the .xlsx recalculation tests are skipped; `apt-get install libreoffice-calc-nogui` runs them'
		);
	return { soffice, run: Boolean(soffice) || ci };
}

/** soffice, or for a test run under CI without it, the error that says so. */
export function requireSoffice(soffice: string | undefined): string {
	if (!soffice)
		throw new Error('CI needs LibreOffice to test the .xlsx export: .ci/run installs it');
	return soffice;
}

/** Recalculate always on load, for Excel 2007+ files and ODF alike (0 = always). */
const PROFILE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/**
 * Each workbook in `files` (by name) opened, recalculated and saved again by
 * LibreOffice, in one run of soffice for them all.
 */
export async function recalculate(
	soffice: string,
	files: Readonly<Record<string, Uint8Array>>
): Promise<Record<string, Uint8Array>> {
	const dir = await mkdtemp(join(tmpdir(), 'gradsheet-xlsx-'));
	try {
		const profile = join(dir, 'profile');
		await mkdir(join(profile, 'user'), { recursive: true });
		await writeFile(join(profile, 'user', 'registrymodifications.xcu'), PROFILE);
		const inputs = await Promise.all(
			Object.entries(files).map(async ([name, bytes]) => {
				const path = join(dir, `${name}.xlsx`);
				await writeFile(path, bytes);
				return path;
			})
		);
		const out = join(dir, 'out');
		await promisify(execFile)(
			soffice,
			[
				`-env:UserInstallation=${pathToFileURL(profile).href}`,
				'--headless',
				'--norestore',
				'--convert-to',
				'xlsx:Calc MS Excel 2007 XML',
				'--outdir',
				out,
				...inputs
			],
			{ timeout: 180_000 }
		);
		const saved = await Promise.all(
			Object.keys(files).map(async (name) => [name, await readFile(join(out, `${name}.xlsx`))])
		);
		return Object.fromEntries(saved);
	} finally {
		await rm(dir, { recursive: true, force: true });
	}
}
