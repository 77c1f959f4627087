// The preview's HTTP server, on 127.0.0.1 only: the page, its bundle, the SLDS assets, and the scenes
// of a fixture folder (read at each request, so edited fixtures show on reload).
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../lib/lwc-bundles.mjs';
import { findFiles } from '../lib/files.mjs';
import { PREVIEW_DIR } from './bundle.mjs';
import { sceneProblems } from './scene-format.mjs';

const SLDS_ASSETS = path.join(ROOT, 'node_modules', '@salesforce-ux', 'design-system', 'assets');
export const DEFAULT_FIXTURES = path.join(PREVIEW_DIR, 'fixtures');

const TYPES = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.map': 'application/json; charset=utf-8',
    '.json': 'application/json; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
    '.woff': 'font/woff',
    '.woff2': 'font/woff2'
};

/** A path inside `base`, or undefined when the request tries to leave it. */
function inside(base, relative) {
    const target = path.resolve(base, `.${path.sep}${relative}`);
    return target === base || target.startsWith(`${base}${path.sep}`) ? target : undefined;
}

/**
 * Reads every scene of a fixture folder. A scene is a JSON file with at least `title` and
 * `component` (the tag, for example `c-error-panel`), in the format of scene-format.mjs; a file that is
 * not one is listed with its problems.
 */
export function readScenes(fixturesDir) {
    return findFiles([fixturesDir], (name) => name.endsWith('.json')).map((file) => {
        const id = path
            .relative(fixturesDir, file)
            .replace(/\.json$/, '')
            .split(path.sep)
            .join('/');
        try {
            const scene = JSON.parse(readFileSync(file, 'utf8'));
            const problems = sceneProblems(scene);
            return problems.length > 0
                ? { id, title: `${id} (invalid)`, error: `${id}.json: ${problems.join('; ')}` }
                : { ...scene, id };
        } catch (error) {
            return { id, title: `${id} (invalid)`, error: `${id}.json is not valid JSON: ${error.message}` };
        }
    });
}

function send(response, status, type, body) {
    response.writeHead(status, {
        'content-type': type,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff'
    });
    response.end(body);
}

function sendJson(response, status, value) {
    send(response, status, TYPES['.json'], JSON.stringify(value));
}

function sendFile(response, file) {
    if (!file || !existsSync(file) || !statSync(file).isFile()) {
        sendJson(response, 404, { error: 'Not found' });
        return;
    }
    send(response, 200, TYPES[path.extname(file)] ?? 'application/octet-stream', readFileSync(file));
}

/**
 * Starts the server.
 * @param {{ appDir: string, fixturesDir: string, port?: number, host?: string }} options
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export function startPreviewServer({ appDir, fixturesDir, port = 0, host = '127.0.0.1' }) {
    const server = createServer((request, response) => {
        const url = new URL(request.url ?? '/', 'http://preview.local');
        const pathname = decodeURIComponent(url.pathname);
        if (request.method !== 'GET' && request.method !== 'HEAD') {
            sendJson(response, 405, { error: 'Only GET is served' });
        } else if (pathname === '/' || pathname === '/index.html') {
            sendFile(response, path.join(PREVIEW_DIR, 'index.html'));
        } else if (pathname === '/app.js' || pathname === '/app.js.map') {
            sendFile(response, path.join(appDir, pathname.slice(1)));
        } else if (pathname.startsWith('/assets/')) {
            sendFile(response, inside(SLDS_ASSETS, pathname.slice('/assets/'.length)));
        } else if (pathname === '/fixtures/scenes.json') {
            const scenes = readScenes(fixturesDir).map(({ id, title, component, error }) => ({
                id,
                title,
                component,
                error
            }));
            sendJson(response, 200, { folder: path.relative(ROOT, fixturesDir) || fixturesDir, scenes });
        } else if (pathname.startsWith('/fixtures/scene/')) {
            const id = pathname.slice('/fixtures/scene/'.length);
            const scene = readScenes(fixturesDir).find((s) => s.id === id);
            if (!scene) {
                sendJson(response, 404, { error: `No scene "${id}" in ${fixturesDir}` });
            } else if (scene.error) {
                sendJson(response, 422, { error: scene.error });
            } else {
                sendJson(response, 200, scene);
            }
        } else {
            sendJson(response, 404, { error: 'Not found' });
        }
    });
    return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
            const address = server.address();
            resolve({
                url: `http://${host}:${address.port}/`,
                close: () => new Promise((done) => server.close(() => done()))
            });
        });
    });
}
