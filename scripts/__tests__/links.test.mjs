// check:links: every relative link of README.md, CONTRIBUTING.md and docs/**/*.md resolves to a file of the
// repository and every #anchor to a heading of its page. The valid fixture holds a good link of every kind
// (and links the check must leave alone: in code, in comments, external); the broken fixture holds one broken
// link of every kind, each of which must be reported with its page and line, and nothing else.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { assertMentions, copyOut, fixture, node } from './lib/harness.mjs';
import {
    checkLinks,
    extractLinks,
    githubSlug,
    gitIgnore,
    headingText,
    pageAnchors,
    proseOnly
} from '../check-links.mjs';

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

    // kills: emphasis stripped inside code spans (GitHub slugs the heading's text, and a code span's text is
    // literal: `__c` stays __c, &lt; stays &lt;)
    test("a code span's text is kept as written: underscores and asterisks at its edges, entities", () => {
        assert.equal(headingText('The `__c` suffix'), 'The __c suffix');
        assert.equal(githubSlug(headingText('The `__c` suffix')), 'the-__c-suffix');
        assert.equal(headingText('`_private_` and _emphasis_'), '_private_ and emphasis');
        assert.equal(headingText('`**not bold**` **bold**'), '**not bold** bold');
        assert.equal(headingText('`&lt;key&gt;` and &lt;key&gt;'), '&lt;key&gt; and <key>');
        assert.equal(headingText('``a `tick` inside``'), 'a `tick` inside');
        assert.equal(headingText('a < b > c'), 'a < b > c');
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

    // kills: a heading inside an HTML comment counted (and shifting the -1 numbering); a heading in a blockquote
    // or a list item missed; a heading in a code block inside a blockquote counted
    test('headings in comments are none; in blockquotes and list items they are headings', () => {
        const anchors = pageAnchors(
            [
                '<!-- # Setup -->',
                '<!--',
                '## Setup',
                'Old text',
                '======',
                '-->',
                '# Setup',
                '## Setup',
                '> ## Quoted',
                '>## Tight',
                '> > ### Nested quote',
                '- ## Listed',
                '* > # Quoted in a list',
                '12. ## Numbered',
                '> A quoted Setext heading',
                '> ---',
                '> ```',
                '> # In a quoted code block',
                '> ```',
                '- ```sh',
                '  # In a listed code block',
                '  ```'
            ].join('\n')
        );
        assert.deepEqual(
            [...anchors],
            [
                'setup',
                'setup-1',
                'quoted',
                'tight',
                'nested-quote',
                'listed',
                'quoted-in-a-list',
                'numbered',
                'a-quoted-setext-heading'
            ]
        );
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
        assertMentions(out, ['✓ 36 relative link(s) in 4 page(s)']);
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
            'README.md:14: [report](build/report.html) points into build/, which is not part of the repository (.gitignore: /build/)',
            'README.md:15: [nothing]() has an empty target',
            'README.md:16: [setup](docs/GUIDE.md#setup-3): docs/GUIDE.md has no heading whose anchor is #setup-3',
            'README.md:17: [fenced](docs/GUIDE.md#not-a-heading): docs/GUIDE.md has no heading whose anchor is #not-a-heading',
            'README.md:18: [bad](docs/%zz.md) is not a valid address (a % not followed by two hex digits)',
            'README.md:20: [old]: docs/OLD-GUIDE.md: there is no file docs/OLD-GUIDE.md',
            'README.md:22: [commented](docs/GUIDE.md#only-in-a-comment): docs/GUIDE.md has no heading whose anchor is #only-in-a-comment',
            'README.md:23: [generated](docs/generated/API.md) points into docs/generated/, which is not part of the repository (.gitignore: generated/)',
            'README.md:24: [log](docs/run.log) points to docs/run.log, which is not part of the repository (.gitignore: *.log)',
            'README.md:25: [script](docs/run.sh#L3): docs/run.sh has 2 lines, so no line 3',
            'README.md:25: [source](docs/GUIDE.md?plain=1#L99): docs/GUIDE.md has 21 lines, so no line 99',
            'README.md:26: [source](docs/GUIDE.md?plain=1#setup): with ?plain=1 GitHub shows the source of docs/GUIDE.md, whose anchors are lines (#L1 … #L21), not headings',
            'CONTRIBUTING.md:3: [README](README.md#nope): README.md has no heading whose anchor is #nope',
            'docs/GUIDE.md:21: [nope](../docs/NOPE.md): there is no file docs/NOPE.md'
        ];
        const reported = out.split('\n').filter((line) => line.startsWith('✗ '));
        assert.deepEqual(
            reported,
            expected.map((line) => `✗ ${line}`)
        );
        assertMentions(out, [`${expected.length} broken link(s) in 3 page(s)`]);
    });

    // kills: a hard-coded list of ignored folders instead of the project's .gitignore (a folder named coverage
    // that git keeps flagged, a generated/ folder git ignores passed), a pattern read otherwise than git reads it
    test('what git ignores is read from the .gitignore files as git reads them', () => {
        const project = copyOut(fixture('links', 'broken'));
        try {
            const cases = {
                'build/report.html': true,
                'docs/build/x.md': false,
                'docs/generated/API.md': true,
                'generated/x.md': true,
                'docs/run.log': true,
                'docs/GUIDE.md': false,
                'coverage/x.md': false,
                'docs/generated': true,
                'docs/generatedx/y.md': false
            };
            const ignored = gitIgnore(project);
            const git = spawnSync('git', ['init', '-q'], { cwd: project });
            assert.equal(git.status, 0, String(git.stderr));
            for (const [file, expected] of Object.entries(cases)) {
                const byGit =
                    spawnSync('git', ['check-ignore', '-q', '--no-index', file], { cwd: project }).status === 0;
                assert.equal(byGit, expected, `git: ${file}`);
                assert.equal(ignored(file) !== undefined, expected, `check:links: ${file}`);
            }
            assert.deepEqual(ignored('docs/generated/API.md'), {
                path: 'docs/generated',
                file: '.gitignore',
                pattern: 'generated/'
            });
        } finally {
            rmSync(project, { recursive: true, force: true });
        }
        const valid = gitIgnore(fixture('links', 'valid'));
        assert.equal(valid('docs/keep.log'), undefined, '!keep.log takes it back');
        assert.equal(valid('docs/other.log')?.pattern, '*.log');
        assert.equal(valid('coverage/NOTES.md'), undefined);
    });

    test('a reference-style link to a missing page is reported once, at its definition', () => {
        const { problems } = checkLinks(fixture('links', 'broken'));
        assert.deepEqual(
            problems.filter((p) => p.message.includes('OLD-GUIDE')).map((p) => `${p.file}:${p.line}`),
            ['README.md:20']
        );
    });
});
