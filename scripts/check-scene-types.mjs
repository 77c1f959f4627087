// Type-checks the preview scenes against the Apex contract: every Apex answer (`data`) must be a value of
// the method's declared return type and every `when` a part of its parameters, as declared in
// lwc-ts/types/apex/. A scene that names an undeclared method, or answers with the wrong shape, fails
// here, so a change of the Apex contract breaks the build rather than the preview. The scene's own format
// (scripts/preview/scene-format.mjs: no unknown key, one of data and error per answer…) is checked too.
//
//   node scripts/check-scene-types.mjs [fixtures folder]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { ROOT } from './lib/lwc-bundles.mjs';
import { findFiles } from './lib/files.mjs';
import { sceneProblems } from './preview/scene-format.mjs';

const DEFAULT_FIXTURES = path.join(ROOT, 'scripts', 'preview', 'fixtures');

/** The TypeScript source that assigns one scene's answers to their declared types. */
export function sceneSource(scene) {
    const lines = [];
    let n = 0;
    for (const [method, configured] of Object.entries(scene.apex ?? {})) {
        const answers = Array.isArray(configured) ? configured : [configured];
        const name = `m${n++}`;
        lines.push(`import ${name} from ${JSON.stringify(`@salesforce/apex/${method}`)};`);
        lines.push(`type ${name}Result = Awaited<ReturnType<typeof ${name}>>;`);
        lines.push(`type ${name}Params = Parameters<typeof ${name}> extends [infer P] ? Partial<P> : never;`);
        answers.forEach((answer, i) => {
            if (answer.data !== undefined) {
                lines.push(`export const ${name}Data${i}: ${name}Result = ${JSON.stringify(answer.data)};`);
            }
            if (answer.when !== undefined) {
                lines.push(`export const ${name}When${i}: ${name}Params = ${JSON.stringify(answer.when)};`);
            }
        });
    }
    return `${lines.join('\n')}\n`;
}

/**
 * @param {string} fixturesDir
 * @returns {{ files: number, problems: string[] }}
 */
export function checkSceneTypes(fixturesDir) {
    const scenes = findFiles([fixturesDir], (name) => name.endsWith('.json'));
    const configFile = ts.readConfigFile(path.join(ROOT, 'tsconfig.json'), ts.sys.readFile);
    const parsed = ts.parseJsonConfigFileContent(configFile.config, ts.sys, ROOT);
    const virtual = new Map();
    const problems = [];
    for (const file of scenes) {
        let scene;
        try {
            scene = JSON.parse(readFileSync(file, 'utf8'));
        } catch (error) {
            problems.push(`${path.relative(ROOT, file)}: not JSON (${error.message})`);
            continue;
        }
        for (const problem of sceneProblems(scene)) {
            problems.push(`${path.relative(ROOT, file)}: ${problem}`);
        }
        // Placed beside the sources so that the project's paths and declarations apply.
        const name = path.join(
            ROOT,
            'lwc-ts',
            '__scenes__',
            `${path.relative(fixturesDir, file).replace(/[\\/]/g, '__')}.ts`
        );
        virtual.set(name, { source: sceneSource(scene), scene: file });
    }
    const host = ts.createCompilerHost(parsed.options);
    const readFile = host.readFile.bind(host);
    const fileExists = host.fileExists.bind(host);
    const getSourceFile = host.getSourceFile.bind(host);
    host.readFile = (f) => virtual.get(path.resolve(f))?.source ?? readFile(f);
    host.fileExists = (f) => virtual.has(path.resolve(f)) || fileExists(f);
    host.getSourceFile = (f, languageVersion, ...rest) => {
        const entry = virtual.get(path.resolve(f));
        return entry
            ? ts.createSourceFile(f, entry.source, languageVersion, true)
            : getSourceFile(f, languageVersion, ...rest);
    };
    const declarations = parsed.fileNames.filter((f) => f.endsWith('.d.ts'));
    const program = ts.createProgram(
        [...declarations, ...virtual.keys()],
        { ...parsed.options, noUnusedLocals: false },
        host
    );
    for (const [name, entry] of virtual) {
        const sourceFile = program.getSourceFile(name);
        for (const diagnostic of ts.getPreEmitDiagnostics(program, sourceFile)) {
            if (diagnostic.file && path.resolve(diagnostic.file.fileName) !== name) {
                continue;
            }
            const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
            const line = diagnostic.file
                ? entry.source.split('\n')[diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line]
                : '';
            const where = line.match(/^(?:import|export const) (m\d+)(\w*)/);
            const method = where ? methodOf(entry.source, where[1]) : '';
            problems.push(
                `${path.relative(ROOT, entry.scene)}: ${method ? `${method}${describePart(where[2])}: ` : ''}${text}`
            );
        }
    }
    return { files: scenes.length, problems };
}

function methodOf(source, name) {
    return source.match(new RegExp(`import ${name} from "@salesforce/apex/([\\w.]+)"`))?.[1] ?? name;
}

function describePart(suffix) {
    const data = suffix.match(/^Data(\d+)$/);
    if (data) {
        return ` answer ${Number(data[1]) + 1}`;
    }
    const when = suffix.match(/^When(\d+)$/);
    return when ? ` "when" of answer ${Number(when[1]) + 1}` : '';
}

if (import.meta.url === `file://${process.argv[1]}`) {
    const dir = path.resolve(process.argv[2] ?? DEFAULT_FIXTURES);
    const { files, problems } = checkSceneTypes(dir);
    for (const problem of problems) {
        console.error(`✗ ${problem}`);
    }
    if (problems.length > 0) {
        console.error(`${problems.length} problem(s) in the Apex answers of ${files} preview scene(s)`);
        process.exit(1);
    }
    console.log(`✓ the Apex answers of ${files} preview scene(s) match the declared Apex contract`);
}
