// Runs the project's Salesforce CLI offline, without telemetry, update checks or background self-updates.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './lwc-bundles.mjs';

const SF_BIN = path.join(ROOT, 'node_modules', '.bin', 'sf');

const SF_ENV = {
    SF_DISABLE_TELEMETRY: 'true',
    SF_SKIP_NEW_VERSION_CHECK: 'true',
    SF_DISABLE_AUTOUPDATE: 'true',
    SF_AUTOUPDATE_DISABLE: 'true',
    SF_USE_PROGRESS_BAR: 'false'
};

/** Reads sf's `--json` answer. */
function outcome(status, stdout, stderr) {
    let parsed;
    try {
        parsed = JSON.parse(stdout);
    } catch {
        return { ok: false, result: undefined, message: (stderr || stdout).trim() };
    }
    const ok = status === 0 && parsed.status === 0;
    return { ok, result: parsed.result, message: ok ? '' : (parsed.message ?? stderr).trim() };
}

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
        env: { ...process.env, ...SF_ENV }
    });
    if (run.error) {
        return { ok: false, result: undefined, message: `could not run sf: ${run.error.message}` };
    }
    return outcome(run.status, run.stdout, run.stderr);
}

/**
 * Like `sf`, without blocking, so several sf commands can run side by side.
 * @param {string[]} args sf arguments (`--json` is added)
 * @param {string} cwd the Salesforce DX project to run in
 * @returns {Promise<{ ok: boolean, result: any, message: string }>}
 */
export function sfAsync(args, cwd) {
    return new Promise((resolve) => {
        const child = spawn(SF_BIN, [...args, '--json'], { cwd, env: { ...process.env, ...SF_ENV } });
        let stdout = '';
        let stderr = '';
        child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
        child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
        child.on('error', (error) =>
            resolve({ ok: false, result: undefined, message: `could not run sf: ${error.message}` })
        );
        child.on('close', (status) => resolve(outcome(status, stdout, stderr)));
    });
}
