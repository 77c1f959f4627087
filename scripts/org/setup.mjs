// npm run org:setup — a scratch org ready to use, in one command: org:create → org:deploy → org:permsets →
// org:site → org:data → org:duplicate-rules → org:test → org:open, stopping at the first step that fails (its
// message says what to do; rerun from that step with --from <step>). org:site comes before org:data, which posts the
// sample chats through the Site; org:test runs every local Apex test with the coverage gates, after the
// duplicate-rule tests are deployed as in the scratch-org workflow, so the gates mean the same here and in CI
// (--no-test leaves both out).
//
// Options:
//   --target-org <alias>      the scratch org (default: env COMM100_ORG, else comm100)
//   --target-dev-hub <alias>  the Dev Hub, for create (default: the CLI's configured target-dev-hub)
//   --duration-days <n>       days before the org expires, for create (default 7)
//   --set-default             make the org the CLI's default target-org, for create
//   --from <step>             start at this step (create, deploy, permsets, site, data, duplicate-rules, test, open)
//   --no-test                 do not deploy the duplicate-rule tests nor run the Apex tests
//   --no-open                 do not open the browser at the end
//
// Needs: the Salesforce CLI on the PATH (npm run puts node_modules/.bin there) and a Dev Hub logged in
// (sf org login web --set-default-dev-hub --alias devhub).
import {
    TARGET_DEV_HUB_OPTION,
    TARGET_ORG_OPTION,
    done,
    fail,
    main,
    parseOptions,
    runOrgScript,
    step,
    targetOrg
} from './lib.mjs';

/** The steps, in order: each is scripts/org/<name>.mjs. */
const STEPS = ['create', 'deploy', 'permsets', 'site', 'data', 'duplicate-rules', 'test', 'open'];
/** The steps --no-test leaves out. */
const TEST_STEPS = ['duplicate-rules', 'test'];

await main(async () => {
    const options = parseOptions({
        usage: 'npm run org:setup --',
        options: {
            'target-org': TARGET_ORG_OPTION,
            'target-dev-hub': TARGET_DEV_HUB_OPTION,
            'duration-days': { type: 'number', description: 'days before the org expires', default: 7 },
            'set-default': { type: 'boolean', description: "make the org the CLI's default target-org" },
            from: { type: 'string', description: `start at this step (${STEPS.join(', ')})`, default: 'create' },
            'no-test': {
                type: 'boolean',
                description: 'do not deploy the duplicate-rule tests nor run the Apex tests'
            },
            'no-open': { type: 'boolean', description: 'do not open the browser at the end' }
        }
    });
    const alias = targetOrg(options);
    const start = STEPS.indexOf(options.from);
    if (start < 0) fail(`--from takes one of ${STEPS.join(', ')}; '${options.from}' is not one.`, 2);
    const steps = STEPS.slice(start).filter(
        (name) => !(name === 'open' && options['no-open']) && !(TEST_STEPS.includes(name) && options['no-test'])
    );

    for (const [index, name] of steps.entries()) {
        const args = ['--target-org', alias];
        if (name === 'create') {
            if (options['target-dev-hub']) args.push('--target-dev-hub', options['target-dev-hub']);
            args.push('--duration-days', String(options['duration-days']));
            if (options['set-default']) args.push('--set-default');
        }
        step(`org:${name} (${index + 1} of ${steps.length})`);
        const code = await runOrgScript(name, args);
        if (code !== 0) {
            const rest =
                STEPS.indexOf(name) > 0
                    ? ` -- --from ${name}${alias === 'comm100' ? '' : ` --target-org ${alias}`}`
                    : '';
            fail(
                `org:setup stopped at org:${name}: fix what it says above, then run \`npm run org:setup${rest}\`.`,
                code
            );
        }
    }
    done(`'${alias}' is set up: ${steps.map((name) => `org:${name}`).join(' → ')}`);
});
