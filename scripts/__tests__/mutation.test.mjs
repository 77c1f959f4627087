// The mutation score printed by `npm run test:mutation`: detected over valid mutants, per file and overall,
// and the minimums it holds the project to.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { scores, shortfalls, table, FILE_MINIMUM, OVERALL_MINIMUM } from '../mutation/run.mjs';

const mutants = (counts) =>
    Object.entries(counts).flatMap(([status, n]) => Array.from({ length: n }, () => ({ status })));

const reports = [
    {
        files: {
            'lwc-ts/b.ts': { mutants: mutants({ Killed: 6, Timeout: 1, Survived: 2, NoCoverage: 1, CompileError: 5 }) },
            'lwc-ts/a.ts': { mutants: mutants({ Killed: 3, Ignored: 2 }) }
        }
    },
    { files: { 'scripts/checks/rules/x.mjs': { mutants: mutants({ Killed: 2, Survived: 4, RuntimeError: 1 }) } } }
];

describe('mutation score', () => {
    test('is detected (killed or timed out) over valid (detected, survived, not covered), per file and overall', () => {
        const result = scores(reports);
        assert.deepEqual(
            result.files.map((f) => [f.file, f.detected, f.survived, f.noCoverage, f.valid, f.score]),
            [
                ['lwc-ts/a.ts', 3, 0, 0, 3, 100],
                ['lwc-ts/b.ts', 7, 2, 1, 10, 70],
                ['scripts/checks/rules/x.mjs', 2, 4, 0, 6, 33.3]
            ]
        );
        assert.equal(result.detected, 12);
        assert.equal(result.valid, 19);
        assert.equal(result.score, 63.1);
    });

    test('a file with nothing to detect scores 100', () => {
        assert.equal(scores([{ files: { 'x.ts': { mutants: mutants({ CompileError: 2 }) } } }]).files[0].score, 100);
    });

    test('names each file under the file minimum and an overall score under the overall minimum', () => {
        assert.equal(FILE_MINIMUM, 70);
        assert.equal(OVERALL_MINIMUM, 80);
        assert.deepEqual(shortfalls(scores(reports)), [
            'scripts/checks/rules/x.mjs: 33.3 % is under 70 %',
            'overall: 63.1 % is under 80 %'
        ]);
        assert.deepEqual(shortfalls(scores([{ files: { 'lwc-ts/a.ts': reports[0].files['lwc-ts/a.ts'] } }])), []);
        const atTheEdges = { score: 80, files: [{ file: 'edge.ts', score: 70 }] };
        assert.deepEqual(shortfalls(atTheEdges), []);
        assert.deepEqual(shortfalls({ score: 79.9, files: [{ file: 'edge.ts', score: 69.9 }] }), [
            'edge.ts: 69.9 % is under 70 %',
            'overall: 79.9 % is under 80 %'
        ]);
    });

    test('prints one row a file and the overall row', () => {
        const lines = table(scores(reports)).split('\n');
        assert.equal(lines.length, 5);
        assert.match(lines[0], /^file\s+score %\s+detected\s+survived\s+no cover\s+valid$/);
        assert.match(lines[2], /^lwc-ts\/b\.ts\s+70\.0\s+7\s+2\s+1\s+10$/);
        assert.match(lines[4], /^overall\s+63\.1\s+12\s+19$/);
    });
});
