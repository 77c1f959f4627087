#!/usr/bin/env node
// Apex syntax: parses every class (.cls), trigger (.trigger) and anonymous script (.apex) with
// @apexdevtools/apex-parser and fails on any lexer or parser error.
//
//   node scripts/check-apex-syntax.mjs [DIR ...]     default: the package directories and scripts/
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ApexErrorListener, ApexParserFactory } from '@apexdevtools/apex-parser';
import { ROOT } from './lib/lwc-bundles.mjs';
import { findFiles, parseArgs, runMain } from './lib/files.mjs';

const DEFAULT_DIRS = ['force-app', 'unpackaged', 'org-tests', 'scripts/apex'].map((d) => path.join(ROOT, d));

class CollectingListener extends ApexErrorListener {
    errors = [];
    apexSyntaxError(line, column, message) {
        this.errors.push({ line, column, message });
    }
}

/**
 * @param {string} file
 * @returns {{ line: number, column: number, message: string }[]}
 */
export function syntaxErrors(file) {
    const listener = new CollectingListener();
    const { parser } = ApexParserFactory.createLexerAndParser(readFileSync(file, 'utf8'), listener);
    if (file.endsWith('.trigger')) {
        parser.triggerUnit();
    } else if (file.endsWith('.apex')) {
        parser.anonymousUnit();
    } else {
        parser.compilationUnit();
    }
    return listener.errors;
}

runMain(import.meta.url, () => {
    const { positional } = parseArgs(process.argv.slice(2));
    const dirs = positional.length > 0 ? positional.map((d) => path.resolve(d)) : DEFAULT_DIRS;
    const files = findFiles(dirs, (name) => /\.(cls|trigger|apex)$/.test(name));
    let failures = 0;
    for (const file of files) {
        for (const error of syntaxErrors(file)) {
            failures++;
            const message = error.message.length > 160 ? `${error.message.slice(0, 160)}…` : error.message;
            console.error(`✗ ${path.relative(process.cwd(), file)}:${error.line}:${error.column} ${message}`);
        }
    }
    if (failures > 0) {
        console.error(`${failures} Apex syntax error(s) in ${files.length} file(s)`);
        return 1;
    }
    console.log(`✓ ${files.length} Apex file(s) parse without errors`);
    return 0;
});
