// Runs the project's Salesforce CLI offline, without telemetry, update checks or background self-updates.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './lwc-bundles.mjs';

const SF_BIN = path.join(ROOT, 'node_modules', '.bin', 'sf');

/**
 * @param {string[]} args sf arguments (`--json` is added)
 * @param {string} cwd the Salesforce DX project to run in
 * @returns {{ ok: boolean, result: any, message: string }}
 */
export function sf(args, cwd) {
    const run = spawnSync(SF_BIN, [...args, '--json'], {
        cwd,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
        env: {
            ...process.env,
            SF_DISABLE_TELEMETRY: 'true',
            SF_SKIP_NEW_VERSION_CHECK: 'true',
            SF_DISABLE_AUTOUPDATE: 'true',
            SF_AUTOUPDATE_DISABLE: 'true',
            SF_USE_PROGRESS_BAR: 'false'
        }
    });
    if (run.error) {
        return { ok: false, result: undefined, message: `could not run sf: ${run.error.message}` };
    }
    let parsed;
    try {
        parsed = JSON.parse(run.stdout);
    } catch {
        return { ok: false, result: undefined, message: (run.stderr || run.stdout).trim() };
    }
    const ok = run.status === 0 && parsed.status === 0;
    return { ok, result: parsed.result, message: ok ? '' : (parsed.message ?? run.stderr).trim() };
}
