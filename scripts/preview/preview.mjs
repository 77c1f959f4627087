#!/usr/bin/env node
// `npm start`: builds the components, bundles the preview page, and serves it on 127.0.0.1 until Ctrl-C.
// Edits under lwc-ts/ rebuild the components and the page; reload the browser to see them.
//
//   PREVIEW_FIXTURES=dir   scenes to show (default: scripts/preview/fixtures)
//   PREVIEW_PORT=3100      port (0 picks a free one)
import { existsSync, watch as watchFiles } from 'node:fs';
import path from 'node:path';
import { ROOT, SOURCE_DIR } from '../lib/lwc-bundles.mjs';
import { buildLwc } from '../build-lwc.mjs';
import { watchPreview } from './bundle.mjs';
import { startPreviewServer, DEFAULT_FIXTURES } from './server.mjs';

const APP_DIR = path.join(ROOT, 'build', 'preview');

async function main() {
    const fixturesDir = path.resolve(process.env.PREVIEW_FIXTURES ?? DEFAULT_FIXTURES);
    if (!existsSync(fixturesDir)) {
        console.error(`✗ PREVIEW_FIXTURES: ${fixturesDir} does not exist`);
        process.exit(1);
    }
    await buildLwc();
    let ready;
    const firstBuild = new Promise((resolve) => (ready = resolve));
    const watcher = watchPreview(APP_DIR, (event) => {
        if (event.code === 'END') {
            ready();
        } else if (event.code === 'BUNDLE_END') {
            console.log(`preview bundled in ${event.duration} ms`);
        } else if (event.code === 'ERROR') {
            console.error(`✗ preview build failed: ${event.error.message}`);
            ready();
        }
    });
    await firstBuild;
    let timer;
    const sourceWatcher = watchFiles(SOURCE_DIR, { recursive: true }, () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
            buildLwc().catch((error) => console.error(`✗ ${error.message}`));
        }, 200);
    });
    const port = Number(process.env.PREVIEW_PORT ?? 3100);
    const server = await startPreviewServer({ appDir: APP_DIR, fixturesDir, port });
    console.log(`Comm100 for Salesforce preview: ${server.url}`);
    console.log(`scenes from ${path.relative(process.cwd(), fixturesDir) || '.'}; Ctrl-C stops`);
    const stop = async () => {
        sourceWatcher.close();
        await watcher.close();
        await server.close();
        process.exit(0);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
}

main().catch((error) => {
    console.error(`✗ ${error.stack ?? error.message}`);
    process.exit(1);
});
