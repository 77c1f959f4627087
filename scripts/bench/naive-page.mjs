// The naive full render for `npm run bench:ui`: a page that puts one c-transcript-message per message of a
// chat into one SLDS chat list, with no window, built like the preview (same compiled components, same mocks).
import { bundlePreview } from '../preview/bundle.mjs';

// `window.benchRenderAll(messages)` renders every message at once into a scrolling SLDS chat list of the same
// height as the shipped viewer's and returns the list's scroller; `window.benchMessages()` lists the elements.
const ENTRY_SOURCE = `
import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import TranscriptMessage from 'c/transcriptMessage';
let list;
window.benchRenderAll = (messages) => {
    const section = document.createElement('section');
    section.className = 'slds-chat slds-chat_past';
    section.setAttribute('role', 'log');
    section.style.height = '28rem';
    section.style.overflowY = 'auto';
    list = document.createElement('ul');
    list.className = 'slds-chat-list';
    messages.forEach((message, index) => {
        const element = createElement('c-transcript-message', { is: TranscriptMessage });
        element.message = message;
        element.dataset.index = String(index);
        list.appendChild(element);
    });
    section.appendChild(list);
    document.getElementById('root').appendChild(section);
    return section;
};
window.benchMessages = () => (list ? list.children : []);
`;

/** Builds the naive page's bundle into outDir/app.js (the preview server serves it with the preview's page). */
export function bundleNaivePage(outDir, { mode }) {
    return bundlePreview(outDir, { mode, entry: ENTRY_SOURCE });
}
