#!/usr/bin/env node
// Every relative link of the project's pages resolves. Reads README.md, CONTRIBUTING.md and docs/**/*.md and,
// in each, every
//   inline link or image        [text](path), [text](path#anchor), [text](#anchor), ![alt](path "title")
//   reference-style link        [text][label], [text][] and the definitions [label]: path
//   HTML link or image          <img src="path">, <a href="path">
// A link must name a file or folder of the repository (relative to its page, or to the repository root when it
// starts with /) that git does not ignore: the patterns of the .gitignore files on its way, read as git reads
// them (*, ?, [..], **, a leading or inner / anchoring a pattern to its folder, a trailing / for folders only,
// ! taking a path back; a path inside an ignored folder cannot be taken back), and .git/. An #anchor into a
// Markdown page must be one of that page's heading anchors as GitHub makes them or an id/name attribute of its
// HTML. GitHub slugs a heading's text as github-slugger does ("generate a slug just like GitHub does for
// markdown headings": lowercase, every character but letters, marks, numbers, connector punctuation such as _,
// hyphen and space removed, each space a hyphen, a repeated heading -1, -2 …), from the plain text a reader
// sees: code spans keep their text as written (`__c` stays __c), emphasis, links, tags and entities are
// resolved around them. Headings count inside blockquotes and list items (> ## X, - ## X), not inside code
// blocks or HTML comments. A query string is allowed (file.md?plain=1); #L<n> and #L<n>-L<m> are line anchors:
// on a file that is not Markdown, or on a Markdown page shown as source (?plain=1), the lines must exist (GitHub
// accepts any line number but then highlights nothing); other anchors on files that are not Markdown are not
// checked (GitHub ignores them). A reference-style link must have its definition. Links inside code spans,
// fenced code blocks and HTML comments are not links; http(s), mailto and other links with a scheme are not
// fetched. Pages git ignores are not read.
//
//   node scripts/check-links.mjs [PROJECT_DIR]
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './lib/lwc-bundles.mjs';
import { findFiles, parseArgs, runMain } from './lib/files.mjs';

/** A glob of a .gitignore line as a regular expression source, as git matches it (wildmatch with WM_PATHNAME). */
function globSource(glob) {
    let source = '';
    for (let i = 0; i < glob.length; i++) {
        const c = glob[i];
        if (c === '*' && glob[i + 1] === '*' && (i === 0 || glob[i - 1] === '/')) {
            if (glob[i + 2] === '/') {
                source += '(?:.*/)?';
                i += 2;
            } else if (i + 2 === glob.length) {
                source += '.*';
                i += 1;
            } else {
                source += '[^/]*';
                i += 1;
            }
        } else if (c === '*') {
            source += '[^/]*';
        } else if (c === '?') {
            source += '[^/]';
        } else if (c === '[' && glob.indexOf(']', i + 2) > 0) {
            const close = glob.indexOf(']', i + 2);
            const inside = glob.slice(i + 1, close).replace(/\\/g, '\\\\');
            source += `[${inside[0] === '!' ? `^${inside.slice(1)}` : inside}]`;
            i = close;
        } else if (c === '\\' && i + 1 < glob.length) {
            source += glob[i + 1].replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
            i++;
        } else {
            source += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
        }
    }
    return source;
}

/**
 * The patterns of one .gitignore file: `{ negate, dirOnly, regex, pattern }`, regex matching a path relative to
 * the file's folder.
 * @param {string} text
 */
function gitignorePatterns(text) {
    const patterns = [];
    for (const raw of text.split(/\r?\n/)) {
        let line = raw.replace(/(?<!\\)\s+$/, '');
        if (line === '' || line.startsWith('#')) {
            continue;
        }
        const negate = line.startsWith('!');
        if (negate) {
            line = line.slice(1);
        } else if (line.startsWith('\\!') || line.startsWith('\\#')) {
            line = line.slice(1);
        }
        const dirOnly = line.endsWith('/');
        const body = dirOnly ? line.slice(0, -1) : line;
        const anchored = body.includes('/');
        const glob = body.startsWith('/') ? body.slice(1) : body;
        if (glob === '') {
            continue;
        }
        const regex = new RegExp(`^${anchored ? '' : '(?:.*/)?'}${globSource(glob)}$`);
        patterns.push({ negate, dirOnly, regex, pattern: raw.trim() });
    }
    return patterns;
}

/**
 * What git ignores in a project: a function from a path (relative to the project, with /) to undefined, or to
 * `{ path, file, pattern }`: the ignored path (the path itself or the folder it lies in), the .gitignore and
 * its line. Every .gitignore from the project down to the path's folder applies, a deeper one and a later line
 * winning; a path inside an ignored folder stays ignored (git does not look into it). .git/ is always ignored.
 * @param {string} projectDir
 * @returns {(relative: string) => { path: string, file?: string, pattern: string } | undefined}
 */
export function gitIgnore(projectDir) {
    const root = path.resolve(projectDir);
    const files = new Map();
    const patternsIn = (folder) => {
        if (!files.has(folder)) {
            const file = path.join(root, folder, '.gitignore');
            files.set(folder, existsSync(file) ? gitignorePatterns(readFileSync(file, 'utf8')) : []);
        }
        return files.get(folder);
    };
    const isDirectory = (relative) => {
        try {
            return statSync(path.join(root, relative)).isDirectory();
        } catch {
            return false;
        }
    };
    /** The last pattern that decides one path (not its folders), or undefined. */
    const decide = (relative, directory) => {
        const parts = relative.split('/');
        let found;
        for (let depth = 0; depth < parts.length; depth++) {
            const folder = parts.slice(0, depth).join('/');
            const below = parts.slice(depth).join('/');
            for (const pattern of patternsIn(folder)) {
                if ((!pattern.dirOnly || directory) && pattern.regex.test(below)) {
                    found = { ...pattern, file: folder === '' ? '.gitignore' : `${folder}/.gitignore` };
                }
            }
        }
        return found;
    };
    return (relative) => {
        const parts = relative.split('/').filter((part) => part !== '' && part !== '.');
        for (let length = 1; length <= parts.length; length++) {
            const at = parts.slice(0, length).join('/');
            const directory = length < parts.length || isDirectory(at);
            if (parts[length - 1] === '.git') {
                return { path: at, file: undefined, pattern: '.git' };
            }
            const found = decide(at, directory);
            if (found && !found.negate) {
                return { path: at, file: found.file, pattern: found.pattern };
            }
        }
        return undefined;
    };
}

/** A line anchor of GitHub's file view: #L5, #L5-L9 (a column, C3, may follow a line number). */
const LINE_ANCHOR = /^L(\d+)(?:C\d+)?(?:-L(\d+)(?:C\d+)?)?$/;

/** The number of lines of a file (a last line without a newline counts). */
function lineCount(file) {
    const text = readFileSync(file, 'utf8');
    if (text === '') {
        return 0;
    }
    return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

/** Characters GitHub's heading slugs drop: everything but letters, marks, numbers, connectors (_), hyphen, space. */
const SLUG_DROPPED = /[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu;

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text) {
    return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name) => {
        if (name[0] === '#') {
            const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
            return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
        }
        return ENTITIES[name.toLowerCase()] ?? whole;
    });
}

/**
 * The anchor GitHub gives a heading with this (already plain) text, before duplicates are numbered.
 * @param {string} text
 * @returns {string}
 */
export function githubSlug(text) {
    return text.toLowerCase().replace(SLUG_DROPPED, '').replace(/ /g, '-');
}

/**
 * The text a reader sees of a heading's Markdown: code spans first, their text kept as written (set aside while
 * the rest is read, so no emphasis, escape or entity rule touches it), then links, images, emphasis, HTML tags,
 * escapes and entities resolved around them.
 * @param {string} markdown
 * @returns {string}
 */
export function headingText(markdown) {
    const codes = [];
    const outside = markdown.replace(/(?<!`)(`+)(?!`)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g, (_, __, code) => {
        codes.push(/^ [\s\S]*[^ ][\s\S]* $/.test(code) ? code.slice(1, -1) : code);
        return `\u0000${codes.length - 1}\u0000`;
    });
    return decodeEntities(
        outside
            .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
            .replace(/\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])/g, '$1')
            .replace(/<\/?[A-Za-z][^>]*>/g, '')
            .replace(/\\([!-/:-@[-`{-~])/g, '$1')
            .replace(/\*+/g, '')
            .replace(/(^|[^\p{L}\p{N}])_+|_+(?=[^\p{L}\p{N}]|$)/gu, '$1')
    )
        .replace(/\u0000(\d+)\u0000/g, (_, index) => codes[Number(index)])
        .trim();
}

/** A blockquote marker, and a list item's marker, at the start of a line. */
const QUOTE_MARKER = /^ {0,3}> ?/;
const LIST_MARKER = /^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+/;

/** A line without the blockquote markers (and, with `lists`, the list item markers) it starts with. */
function insideContainers(line, lists = true) {
    let rest = line;
    for (;;) {
        const marker = QUOTE_MARKER.exec(rest) ?? (lists ? LIST_MARKER.exec(rest) : null);
        if (!marker) {
            return rest;
        }
        rest = rest.slice(marker[0].length);
    }
}

const FENCE_OPEN = /^\s*(`{3,}|~{3,})(.*)$/;

/**
 * Which lines are inside fenced code blocks (the fence lines included).
 * @param {string[]} lines
 * @returns {boolean[]}
 */
function fencedLines(lines) {
    const fenced = [];
    let fence;
    for (const whole of lines) {
        const line = insideContainers(whole);
        if (fence) {
            fenced.push(true);
            const close = /^\s*(`{3,}|~{3,})\s*$/.exec(line);
            if (close && close[1][0] === fence[0] && close[1].length >= fence.length) {
                fence = undefined;
            }
            continue;
        }
        const open = FENCE_OPEN.exec(line);
        if (open && !(open[1][0] === '`' && open[2].includes('`'))) {
            fence = open[1];
            fenced.push(true);
        } else {
            fenced.push(false);
        }
    }
    return fenced;
}

const blank = (text) => text.replace(/[^\n]/g, ' ');

/** The lines of a page with fenced code blocks and HTML comments blanked (code spans kept). */
function withoutCodeBlocksAndComments(lines, fenced) {
    return lines
        .map((line, i) => (fenced[i] ? blank(line) : line))
        .join('\n')
        .replace(/<!--[\s\S]*?-->/g, blank)
        .split('\n');
}

/**
 * The page with everything that is not prose blanked out, character for character (so offsets and line
 * numbers stay): fenced code blocks, HTML comments and code spans. A code span ends at the next run of as
 * many backticks, within its paragraph; an unmatched run is literal text.
 * @param {string} markdown
 * @returns {string}
 */
export function proseOnly(markdown) {
    const lines = markdown.split('\n');
    const text = withoutCodeBlocksAndComments(lines, fencedLines(lines)).join('\n');
    let out = '';
    let i = 0;
    while (i < text.length) {
        if (text[i] === '\\' && text[i + 1] === '`') {
            out += '\\`';
            i += 2;
            continue;
        }
        if (text[i] !== '`') {
            out += text[i];
            i++;
            continue;
        }
        let run = 1;
        while (text[i + run] === '`') {
            run++;
        }
        const paragraphEnd = text.slice(i + run).search(/\n[ \t]*\n/);
        const limit = paragraphEnd < 0 ? text.length : i + run + paragraphEnd;
        const closer = new RegExp(`(?<!\`)\`{${run}}(?!\`)`, 'g');
        closer.lastIndex = i + run;
        const close = closer.exec(text);
        if (close && close.index < limit) {
            const end = close.index + run;
            out += blank(text.slice(i, end));
            i = end;
        } else {
            out += text.slice(i, i + run);
            i += run;
        }
    }
    return out;
}

/**
 * The anchors a page offers: one per heading (ATX and Setext, also inside blockquotes and list items; none
 * inside code blocks or HTML comments), numbered as GitHub numbers repeats, plus every id or name attribute of
 * its HTML.
 * @param {string} markdown
 * @returns {Set<string>}
 */
export function pageAnchors(markdown) {
    const raw = markdown.split('\n');
    const fenced = fencedLines(raw);
    const visible = withoutCodeBlocksAndComments(raw, fenced);
    const lines = visible.map((line) => insideContainers(line));
    const quoted = visible.map((line) => insideContainers(line, false));
    const prose = proseOnly(markdown).split('\n');
    const anchors = new Set();
    const seen = new Map();
    const add = (text) => {
        const base = githubSlug(headingText(text));
        let slug = base;
        while (seen.has(slug)) {
            const next = seen.get(base) + 1;
            seen.set(base, next);
            slug = `${base}-${next}`;
        }
        seen.set(slug, 0);
        anchors.add(slug);
    };
    for (let i = 0; i < lines.length; i++) {
        if (fenced[i]) {
            continue;
        }
        const atx = /^ {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/.exec(lines[i]);
        if (atx) {
            add(atx[1] ?? '');
            continue;
        }
        const previous = quoted[i - 1];
        if (
            i > 0 &&
            !fenced[i - 1] &&
            /^ {0,3}(=+|-+)[ \t]*$/.test(quoted[i]) &&
            previous.trim() !== '' &&
            !/^ {0,3}([#>|]|[-*+][ \t]|\d+[.)][ \t]|(=+|-+)[ \t]*$)/.test(previous)
        ) {
            add(previous.trim());
        }
    }
    for (const line of prose) {
        for (const match of line.matchAll(/<[a-z][^>]*?\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)) {
            anchors.add(match[1] ?? match[2]);
        }
    }
    return anchors;
}

function lineOf(starts, offset) {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
        const mid = (low + high + 1) >> 1;
        if (starts[mid] <= offset) {
            low = mid;
        } else {
            high = mid - 1;
        }
    }
    return low + 1;
}

/** From the `[` of a link text, backwards from its `]`: the index of the matching `[`, or -1. */
function openingBracket(text, close) {
    let depth = 0;
    for (let i = close; i >= 0; i--) {
        if (text[i - 1] === '\\') {
            continue;
        }
        if (text[i] === ']') {
            depth++;
        } else if (text[i] === '[') {
            depth--;
            if (depth === 0) {
                return i;
            }
        } else if (text[i] === '\n' && text[i - 1] === '\n') {
            return -1;
        }
    }
    return -1;
}

/** An inline link's destination after its `(`: `{ target, end }` (end just after the `)`), or undefined. */
function inlineDestination(text, start) {
    let i = start;
    while (text[i] === ' ' || text[i] === '\t' || (text[i] === '\n' && text[i + 1] !== '\n')) {
        i++;
    }
    let target = '';
    if (text[i] === '<') {
        const close = text.indexOf('>', i);
        if (close < 0 || text.slice(i, close).includes('\n')) {
            return undefined;
        }
        target = text.slice(i + 1, close);
        i = close + 1;
    } else {
        let depth = 0;
        while (i < text.length && !/\s/.test(text[i])) {
            if (text[i] === '\\' && i + 1 < text.length) {
                target += text[i + 1];
                i += 2;
                continue;
            }
            if (text[i] === '(') {
                depth++;
            } else if (text[i] === ')') {
                if (depth === 0) {
                    break;
                }
                depth--;
            }
            target += text[i];
            i++;
        }
    }
    const rest = /^\s*(?:(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\((?:[^()\\]|\\.)*\))\s*)?\)/.exec(text.slice(i));
    return rest ? { target, end: i + rest[0].length } : undefined;
}

const normaliseLabel = (label) => label.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * Every link of a page that names a target: `{ line, kind, text, target }`, kind one of 'link', 'image',
 * 'definition' (a reference-style link's `[label]: target`, checked once for all its uses) and 'html'; plus
 * `{ line, kind: 'undefined-reference', text, label }` for a reference-style link whose label has no
 * definition (label '' for a collapsed `[text][]`).
 * @param {string} markdown
 * @returns {{ line: number, kind: string, text: string, target?: string, label?: string }[]}
 */
export function extractLinks(markdown) {
    const text = proseOnly(markdown);
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
        if (text[i] === '\n') {
            starts.push(i + 1);
        }
    }
    const links = [];
    const definitions = new Map();
    const definitionPattern = /^ {0,3}\[((?:[^\[\]\\\n]|\\.)+)\]:[ \t]*(?:\n[ \t]*)?(<[^>\n]*>|\S+)/gm;
    for (const match of text.matchAll(definitionPattern)) {
        const raw = match[2];
        const target = raw.startsWith('<') ? raw.slice(1, -1) : raw;
        const label = normaliseLabel(match[1]);
        if (!definitions.has(label)) {
            definitions.set(label, target);
        }
        links.push({ line: lineOf(starts, match.index), kind: 'definition', text: match[1], target });
    }
    const definitionLines = new Set(links.map((link) => link.line));

    for (let i = text.indexOf(']('); i >= 0; i = text.indexOf('](', i + 1)) {
        if (text[i - 1] === '\\') {
            continue;
        }
        const open = openingBracket(text, i);
        if (open < 0) {
            continue;
        }
        const destination = inlineDestination(text, i + 2);
        if (!destination) {
            continue;
        }
        const image = text[open - 1] === '!' && text[open - 2] !== '\\';
        links.push({
            line: lineOf(starts, open),
            kind: image ? 'image' : 'link',
            text: markdown.slice(open + 1, i),
            target: destination.target
        });
    }

    const referencePattern = /(?<![\]\\])(!?)\[((?:[^\[\]\\\n]|\\.)*)\]\[((?:[^\[\]\\\n]|\\.)*)\]/g;
    for (const match of text.matchAll(referencePattern)) {
        const line = lineOf(starts, match.index);
        if (definitionLines.has(line) && /^ {0,3}\[[^\]]+\]:/.test(text.slice(starts[line - 1]))) {
            continue;
        }
        // A defined label is checked once, at its definition.
        if (!definitions.has(normaliseLabel(match[3] === '' ? match[2] : match[3]))) {
            links.push({ line, kind: 'undefined-reference', text: match[2], label: match[3] });
        }
    }

    const htmlPattern = /<(img|a|source)\b[^>]*?\s(src|href|srcset)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))/gi;
    for (const match of text.matchAll(htmlPattern)) {
        const value = match[3] ?? match[4] ?? match[5];
        const target = match[2].toLowerCase() === 'srcset' ? value.trim().split(/\s+/)[0] : value;
        links.push({
            line: lineOf(starts, match.index),
            kind: 'html',
            text: `<${match[1]} ${match[2]}>`,
            target: decodeEntities(target)
        });
    }
    return links.sort((a, b) => a.line - b.line);
}

/** A link as the page writes it, for messages. */
function shown(link) {
    switch (link.kind) {
        case 'image':
            return `![${link.text}](${link.target})`;
        case 'definition':
            return `[${link.text}]: ${link.target}`;
        case 'html':
            return `${link.text.slice(0, -1)}="${link.target}">`;
        default:
            return `[${link.text}](${link.target})`;
    }
}

/** The Markdown pages the check reads: README.md, CONTRIBUTING.md and every .md under docs/ git does not ignore. */
export function pagesOf(projectDir, ignored = gitIgnore(projectDir)) {
    return [
        ...['README.md', 'CONTRIBUTING.md']
            .map((name) => path.join(projectDir, name))
            .filter((file) => existsSync(file)),
        ...findFiles([path.join(projectDir, 'docs')], (name) => /\.md$/i.test(name))
    ].filter((file) => ignored(path.relative(projectDir, file).split(path.sep).join('/')) === undefined);
}

/**
 * Checks every relative link of the project's pages.
 * @param {string} projectDir
 * @returns {{ problems: { file: string, line: number, message: string }[], pages: number, links: number }}
 */
export function checkLinks(projectDir) {
    const root = path.resolve(projectDir);
    const ignored = gitIgnore(root);
    const pages = pagesOf(root, ignored);
    const anchorCache = new Map();
    const anchorsOf = (file) => {
        if (!anchorCache.has(file)) {
            anchorCache.set(file, pageAnchors(readFileSync(file, 'utf8')));
        }
        return anchorCache.get(file);
    };
    const problems = [];
    let checked = 0;
    for (const page of pages) {
        const relativePage = path.relative(root, page).split(path.sep).join('/');
        for (const link of extractLinks(readFileSync(page, 'utf8'))) {
            const report = (message) => problems.push({ file: relativePage, line: link.line, message });
            if (link.kind === 'undefined-reference') {
                const label = link.label === '' ? link.text : link.label;
                report(
                    `[${link.text}][${link.label}] needs a link definition [${label}]: …, which the page does not have`
                );
                continue;
            }
            const target = link.target.trim();
            if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//')) {
                continue;
            }
            checked++;
            if (target === '') {
                report(`${shown(link)} has an empty target`);
                continue;
            }
            const hash = target.indexOf('#');
            const beforeHash = hash < 0 ? target : target.slice(0, hash);
            const question = beforeHash.indexOf('?');
            const rawPath = question < 0 ? beforeHash : beforeHash.slice(0, question);
            const source = question >= 0 && new URLSearchParams(beforeHash.slice(question + 1)).get('plain') === '1';
            const rawAnchor = hash < 0 ? undefined : target.slice(hash + 1);
            let filePart;
            let anchor;
            try {
                filePart = decodeURIComponent(rawPath);
                anchor = rawAnchor === undefined ? undefined : decodeURIComponent(rawAnchor);
            } catch {
                report(`${shown(link)} is not a valid address (a % not followed by two hex digits)`);
                continue;
            }
            const resolved =
                filePart === ''
                    ? page
                    : filePart.startsWith('/')
                      ? path.join(root, filePart)
                      : path.resolve(path.dirname(page), filePart);
            const inRepo = path.relative(root, resolved).split(path.sep).join('/');
            if (inRepo.startsWith('..') || path.isAbsolute(inRepo)) {
                report(`${shown(link)} points outside the repository`);
                continue;
            }
            const ignoredBy = inRepo === '' ? undefined : ignored(inRepo);
            if (ignoredBy !== undefined) {
                const where =
                    ignoredBy.path === inRepo && !(existsSync(resolved) && statSync(resolved).isDirectory())
                        ? `points to ${inRepo}`
                        : `points into ${ignoredBy.path}/`;
                const why =
                    ignoredBy.file === undefined ? "git's own folder" : `${ignoredBy.file}: ${ignoredBy.pattern}`;
                report(`${shown(link)} ${where}, which is not part of the repository (${why})`);
                continue;
            }
            if (!existsSync(resolved)) {
                report(`${shown(link)}: there is no file ${inRepo}`);
                continue;
            }
            if (anchor === undefined || anchor === '' || statSync(resolved).isDirectory()) {
                continue;
            }
            const markdown = /\.md$/i.test(resolved);
            const lines = LINE_ANCHOR.exec(anchor);
            if (!markdown || source) {
                if (lines) {
                    const count = lineCount(resolved);
                    const last = Math.max(Number(lines[1]), Number(lines[2] ?? 0));
                    if (Number(lines[1]) < 1 || last > count) {
                        report(
                            `${shown(link)}: ${inRepo} has ${count} line${count === 1 ? '' : 's'}, so no line ${last}`
                        );
                    }
                } else if (markdown) {
                    const count = lineCount(resolved);
                    report(
                        `${shown(link)}: with ?plain=1 GitHub shows the source of ${inRepo}, whose anchors are lines ` +
                            `(#L1 … #L${count}), not headings`
                    );
                }
                continue;
            }
            const anchors = anchorsOf(resolved);
            if (!anchors.has(anchor)) {
                const lower = anchor.toLowerCase();
                const hint = anchors.has(lower)
                    ? ` (anchors are lowercase: #${lower})`
                    : anchors.has(githubSlug(headingText(anchor)))
                      ? ` (did you mean #${githubSlug(headingText(anchor))}?)`
                      : '';
                const where = resolved === page ? 'this page has' : `${inRepo} has`;
                report(`${shown(link)}: ${where} no heading whose anchor is #${anchor}${hint}`);
            }
        }
    }
    return { problems, pages: pages.length, links: checked };
}

runMain(import.meta.url, () => {
    const { positional } = parseArgs(process.argv.slice(2));
    const projectDir = path.resolve(positional[0] ?? ROOT);
    const { problems, pages, links } = checkLinks(projectDir);
    for (const p of problems) {
        console.error(`✗ ${p.file}:${p.line}: ${p.message}`);
    }
    if (problems.length > 0) {
        console.error(`${problems.length} broken link(s) in ${pages} page(s)`);
        return 1;
    }
    console.log(`✓ ${links} relative link(s) in ${pages} page(s) (README.md, CONTRIBUTING.md, docs/) resolve`);
    return 0;
});
