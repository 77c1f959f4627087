// check:links: every relative link of README.md, CONTRIBUTING.md and docs/**/*.md resolves to a file of the
// repository and every #anchor to a heading of its page. The valid fixture holds a good link of every kind
// (and links the check must leave alone: in code, in comments, external); the broken fixture holds one broken
// link of every kind, each of which must be reported with its page and line, and nothing else.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { assertMentions, fixture, node } from './lib/harness.mjs';
import { checkLinks, extractLinks, githubSlug, headingText, pageAnchors, proseOnly } from '../check-links.mjs';

describe('check:links: heading anchors as GitHub makes them', () => {
    test('lowercase, punctuation dropped, each space a hyphen; underscores, hyphens, letters and digits kept', () => {
        assert.equal(githubSlug('Running user, system mode and failures'), 'running-user-system-mode-and-failures');
        assert.equal(
            githubSlug('Sync policy (Comm100 Sync Policy: Chat_Ended and Offline_Message)'),
            'sync-policy-comm100-sync-policy-chat_ended-and-offline_message'
        );
        assert.equal(githubSlug('Packaging (managed 2GP)'), 'packaging-managed-2gp');
        assert.equal(githubSlug('ingest → identify → map'), 'ingest--identify--map');
        assert.equal(githubSlug('Straße für Ärzte'), 'straße-für-ärzte');
        assert.equal(githubSlug('Two  spaces'), 'two--spaces');
    });

    test("a heading's text is what a reader sees: code, links, emphasis, tags and entities resolved", () => {
        assert.equal(headingText('What `npm test` checks'), 'What npm test checks');
        assert.equal(headingText('POST /comm100/v1/hooks/&lt;key&gt;'), 'POST /comm100/v1/hooks/<key>');
        assert.equal(headingText('The [API](docs/API.md) and **bold** _words_'), 'The API and bold words');
        assert.equal(headingText('Chat_Ended <sup>new</sup>'), 'Chat_Ended new');
        assert.equal(headingText('An escaped \\# sign'), 'An escaped # sign');
    });

    test('a repeated heading gets -1, -2; headings in code blocks are not headings; HTML ids count', () => {
        const anchors = pageAnchors(
            [
                '# Setup',
                '## Setup',
                '### Setup ###',
                'A Setext heading',
                '================',
                '```sh',
                '# not a heading',
                '```',
                '<a name="kept"></a> <span id="also-kept"></span>',
                '#not-a-heading-either'
            ].join('\n')
        );
        assert.deepEqual([...anchors], ['setup', 'setup-1', 'setup-2', 'a-setext-heading', 'kept', 'also-kept']);
    });
});

describe('check:links: what counts as a link', () => {
    test('code spans, fenced blocks and comments are blanked character for character', () => {
        const page = 'a `[x](y)` b\n```\n[x](y)\n```\n<!-- [x](y) -->\n``two `ticks` [x](y)``';
        const prose = proseOnly(page);
        assert.equal(prose.length, page.length);
        assert.equal(prose.split('\n').length, page.split('\n').length);
        assert.ok(!prose.includes('[x](y)'), prose);
        assert.deepEqual(extractLinks(page), []);
    });

    test('an unmatched backtick is literal text, so a link after it is still found', () => {
        assert.deepEqual(extractLinks('it costs 5` and [more](docs/MORE.md)'), [
            { line: 1, kind: 'link', text: 'more', target: 'docs/MORE.md' }
        ]);
    });

    test('every kind: inline, image, title, angle brackets, nested image, definitions, undefined references, HTML', () => {
        const links = extractLinks(
            [
                '[a](one.md) ![b](two.png "title") [c](<three four.md>) [![d](five.svg)](six.md#x)',
                '[e][ref] [F][] [g][missing] [h][]',
                '',
                '[ref]: seven.md#y',
                '[f]: <eight.md>',
                '<img alt="i" src="nine.png"> <a href=\'ten.md#z\'>j</a>',
                'not a link: \\[k\\](eleven.md) and [l] (twelve.md)'
            ].join('\n')
        );
        assert.deepEqual(
            links.map(({ line, kind, target, label }) => [line, kind, target ?? `[${label}]`]),
            [
                [1, 'link', 'one.md'],
                [1, 'image', 'two.png'],
                [1, 'link', 'three four.md'],
                [1, 'image', 'five.svg'],
                [1, 'link', 'six.md#x'],
                [2, 'undefined-reference', '[missing]'],
                [2, 'undefined-reference', '[]'],
                [4, 'definition', 'seven.md#y'],
                [5, 'definition', 'eight.md'],
                [6, 'html', 'nine.png'],
                [6, 'html', 'ten.md#z']
            ]
        );
    });
});

describe('check:links on projects', () => {
    test('passes a project whose every kind of relative link resolves, ignoring external links and code', () => {
        const { code, out } = node('check-links.mjs', [fixture('links', 'valid')]);
        assert.equal(code, 0, out);
        assertMentions(out, ['✓ 27 relative link(s) in 4 page(s)']);
    });

    test('reports each kind of broken link with its page and line, and nothing else', () => {
        const { code, out } = node('check-links.mjs', [fixture('links', 'broken')]);
        assert.equal(code, 1, out);
        const expected = [
            'README.md:3: [guide](docs/MISSING.md): there is no file docs/MISSING.md',
            'README.md:4: [policy](docs/GUIDE.md#sync-policies): docs/GUIDE.md has no heading whose anchor is #sync-policies',
            'README.md:5: [top](#broken-link): this page has no heading whose anchor is #broken-link',
            'README.md:6: [setup](docs/GUIDE.md#Setup): docs/GUIDE.md has no heading whose anchor is #Setup (anchors are lowercase: #setup)',
            'README.md:7: ![diagram](docs/images/missing.svg): there is no file docs/images/missing.svg',
            'README.md:8: <img src="docs/images/missing.png">: there is no file docs/images/missing.png',
            'README.md:9: <a href="docs/GUIDE.md#nowhere">: docs/GUIDE.md has no heading whose anchor is #nowhere',
            'README.md:11: [the guide][no such label] needs a link definition [no such label]: …, which the page does not have',
            'README.md:12: [Nowhere][] needs a link definition [Nowhere]: …, which the page does not have',
            'README.md:13: [elsewhere](../../outside.md) points outside the repository',
            'README.md:14: [report](build/report.html) points into build/, which is not part of the repository (git ignores it)',
            'README.md:15: [nothing]() has an empty target',
            'README.md:16: [setup](docs/GUIDE.md#setup-3): docs/GUIDE.md has no heading whose anchor is #setup-3',
            'README.md:17: [fenced](docs/GUIDE.md#not-a-heading): docs/GUIDE.md has no heading whose anchor is #not-a-heading',
            'README.md:18: [bad](docs/%zz.md) is not a valid address (a % not followed by two hex digits)',
            'README.md:20: [old]: docs/OLD-GUIDE.md: there is no file docs/OLD-GUIDE.md',
            'CONTRIBUTING.md:3: [README](README.md#nope): README.md has no heading whose anchor is #nope',
            'docs/GUIDE.md:15: [nope](../docs/NOPE.md): there is no file docs/NOPE.md'
        ];
        const reported = out.split('\n').filter((line) => line.startsWith('✗ '));
        assert.deepEqual(
            reported,
            expected.map((line) => `✗ ${line}`)
        );
        assertMentions(out, [`${expected.length} broken link(s) in 3 page(s)`]);
    });

    test('a reference-style link to a missing page is reported once, at its definition', () => {
        const { problems } = checkLinks(fixture('links', 'broken'));
        assert.deepEqual(
            problems.filter((p) => p.message.includes('OLD-GUIDE')).map((p) => `${p.file}:${p.line}`),
            ['README.md:20']
        );
    });
});
