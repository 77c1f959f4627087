import { createElement } from 'lwc';
import VisitorSection from 'c/visitorSection';
import type { Section } from 'c/visitorModel';
import { flush, guardConsole, root } from '../../visitorModel/__tests__/data/helpers';

interface SectionElement extends HTMLElement {
    section: Section | undefined;
}

const VISITOR: Section = {
    id: 'visitor',
    title: 'Visitor',
    headingId: 'visitor-panel-visitor',
    empty: 'Nothing is known about the visitor yet.',
    note: '',
    hasFields: true,
    fields: [
        { key: 'name', label: 'Name', value: '<b>Maria</b> Lopez', url: null, external: false },
        {
            key: 'email',
            label: 'Email',
            value: 'maria.lopez@example.com',
            url: 'mailto:maria.lopez@example.com',
            external: false
        },
        {
            key: 'page',
            label: 'Landing Page URL',
            value: 'https://www.example.com/pricing',
            url: 'https://www.example.com/pricing',
            external: true
        }
    ]
};

function render(section: Section | undefined): SectionElement {
    const element = createElement('c-visitor-section', { is: VisitorSection }) as unknown as SectionElement;
    element.section = section;
    document.body.appendChild(element);
    return element;
}

function toggle(element: HTMLElement): HTMLButtonElement {
    return root(element).querySelector<HTMLButtonElement>('h3 button')!;
}

function content(element: HTMLElement): HTMLElement {
    return root(element).querySelector<HTMLElement>('.slds-section__content')!;
}

describe('c-visitor-section', () => {
    guardConsole();

    it('shows the labelled values as text, with email addresses in place and web addresses in a new tab', async () => {
        const element = render(VISITOR);
        await flush();

        const section = root(element).querySelector<HTMLElement>('section')!;
        expect(section.dataset.section).toBe('visitor');
        expect(section.className).toBe('slds-section visitor-panel__section slds-is-open');
        const heading = section.querySelector('h3')!;
        expect(heading.textContent).toBe('Visitor');
        expect(section.getAttribute('aria-labelledby')).toBe(heading.id);
        // The engine scopes ids to the component (a -<n> suffix); the name before it is the panel's.
        expect(heading.id.replace(/-\d+$/, '')).toBe('visitor-panel-visitor');
        const terms = Array.from(section.querySelectorAll('dt'));
        expect(terms.map((term) => [term.textContent, term.nextElementSibling!.textContent])).toEqual([
            ['Name', '<b>Maria</b> Lopez'],
            ['Email', 'maria.lopez@example.com'],
            ['Landing Page URL', 'https://www.example.com/pricing']
        ]);
        expect(section.querySelector('dd b')).toBeNull();
        const links = Array.from(section.querySelectorAll<HTMLAnchorElement>('dd a'));
        expect(links.map((link) => [link.getAttribute('href'), link.target, link.rel])).toEqual([
            ['mailto:maria.lopez@example.com', '', ''],
            ['https://www.example.com/pricing', '_blank', 'noopener noreferrer']
        ]);
        expect(root(element).querySelector('.visitor-panel__empty')).toBeNull();
        expect(root(element).querySelector('.visitor-panel__note')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('collapses and expands from its heading button, which says whether it is open', async () => {
        const element = render(VISITOR);
        await flush();
        const button = toggle(element);
        expect(button.getAttribute('aria-expanded')).toBe('true');
        expect(button.getAttribute('aria-controls')).toBe(content(element).id);
        expect(content(element).hidden).toBe(false);

        button.click();
        await flush();
        expect(button.getAttribute('aria-expanded')).toBe('false');
        expect(content(element).hidden).toBe(true);
        expect(root(element).querySelector('section')!.classList.contains('slds-is-open')).toBe(false);
        await expect(element).toBeAccessible();

        button.click();
        await flush();
        expect(button.getAttribute('aria-expanded')).toBe('true');
        expect(content(element).hidden).toBe(false);
        await expect(element).toBeAccessible();
    });

    it('says when the section has no values, and shows its note', async () => {
        const element = render({
            ...VISITOR,
            id: 'pre-chat',
            title: 'Pre-chat form',
            headingId: 'visitor-panel-pre-chat',
            fields: [],
            hasFields: false,
            empty: 'Every answer is shown under Visitor: Name, Email.'
        });
        await flush();
        expect(root(element).querySelector('dl')).toBeNull();
        expect(root(element).querySelector('.visitor-panel__empty')!.textContent).toBe(
            'Every answer is shown under Visitor: Name, Email.'
        );
        await expect(element).toBeAccessible();
    });

    it('shows a note under the values', async () => {
        const element = render({ ...VISITOR, note: 'Shown under Visitor: Name.' });
        await flush();
        expect(root(element).querySelector('.visitor-panel__note')!.textContent).toBe('Shown under Visitor: Name.');
        expect(root(element).querySelectorAll('dt')).toHaveLength(3);
        await expect(element).toBeAccessible();
    });

    it('renders nothing without a section', async () => {
        const element = render(undefined);
        await flush();
        expect(root(element).querySelector('section')).toBeNull();
        await expect(element).toBeAccessible();
    });
});
