// The preview page: lists the scenes of the fixture folder and renders the chosen one with the real,
// compiled component, its Salesforce modules answered from the scene's fixture data.
import { LightningElement } from 'lwc';
import { setScene } from 'preview/mockContext';
import registry from 'preview/registry';

const MAX_EVENTS = 20;

function sceneIdFromHash() {
    const match = window.location.hash.match(/^#\/(.+)$/);
    return match ? decodeURIComponent(match[1]) : undefined;
}

async function fetchJson(url) {
    const response = await fetch(url, { cache: 'no-store' });
    const body = await response.json().catch(() => undefined);
    if (!response.ok) {
        throw new Error(body?.error ?? `${url} answered ${response.status}`);
    }
    return body;
}

export default class App extends LightningElement {
    scenes = [];
    fixturesLabel = '';
    loadError;
    scene;
    sceneError;
    componentCtor;
    componentProps = {};
    events = [];
    eventCount = 0;

    connectedCallback() {
        this.onHashChange = () => this.showScene(sceneIdFromHash());
        this.onPreviewEvent = (event) => this.addEvent(event.detail.kind, event.detail.detail);
        this.onToast = (event) => {
            const { title = '', message = '', variant = 'info' } = event.detail ?? {};
            this.addEvent(`toast (${variant})`, [title, message].filter(Boolean).join(' — '));
        };
        window.addEventListener('hashchange', this.onHashChange);
        window.addEventListener('preview:event', this.onPreviewEvent);
        window.addEventListener('lightning__showtoast', this.onToast);
        this.loadScenes();
    }

    disconnectedCallback() {
        window.removeEventListener('hashchange', this.onHashChange);
        window.removeEventListener('preview:event', this.onPreviewEvent);
        window.removeEventListener('lightning__showtoast', this.onToast);
    }

    async loadScenes() {
        try {
            const index = await fetchJson('/fixtures/scenes.json');
            this.fixturesLabel = index.folder;
            this.scenes = index.scenes;
            const requested = sceneIdFromHash();
            const first = this.scenes[0]?.id;
            if (requested) {
                await this.showScene(requested);
            } else if (first) {
                window.location.hash = `#/${encodeURI(first)}`;
            }
        } catch (error) {
            this.loadError = error.message;
        }
    }

    async showScene(id) {
        this.componentCtor = undefined;
        this.sceneError = undefined;
        this.events = [];
        if (!id) {
            this.scene = undefined;
            return;
        }
        try {
            const scene = await fetchJson(`/fixtures/scene/${encodeURIComponent(id)}`);
            const ctor = registry[scene.component];
            if (!ctor) {
                throw new Error(
                    `The scene names component "${scene.component}", which is not built. Known: ${Object.keys(registry).join(', ')}`
                );
            }
            setScene(scene);
            this.scene = scene;
            this.componentProps = scene.props ?? {};
            this.componentCtor = ctor;
        } catch (error) {
            this.scene = { id, title: id };
            this.sceneError = error.message;
        }
    }

    addEvent(kind, text) {
        this.eventCount++;
        this.events = [{ key: this.eventCount, kind, text }, ...this.events].slice(0, MAX_EVENTS);
    }

    get navItems() {
        const current = this.scene?.id;
        return this.scenes.map((scene) => ({
            ...scene,
            // Not a bare '#…' fragment: LWC scopes fragment links to its own ids under synthetic shadow.
            href: `/#/${encodeURI(scene.id)}`,
            ariaCurrent: scene.id === current ? 'page' : 'false',
            className: `slds-nav-vertical__item${scene.id === current ? ' slds-is-active' : ''}`
        }));
    }

    get hasScenes() {
        return this.scenes.length > 0;
    }

    get hasEvents() {
        return this.events.length > 0;
    }
}
