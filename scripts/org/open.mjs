// npm run org:open — opens the scratch org in the browser at the Comm100 Setup tab (lightning/n/Comm100_Setup;
// with --namespace, the installed package's <namespace>__Comm100_Setup).
//
// Options:
//   --target-org <alias>  the scratch org (default: env COMM100_ORG, else comm100)
//   --namespace <ns>      the installed managed package's namespace (when the package was installed, not deployed)
//   --path <path>         another page to open, such as lightning/setup/SetupOneHome/home
//   --url-only            print the URL instead of opening a browser (it logs you in: keep it to yourself)
//
// Needs: the Salesforce CLI on the PATH (npm run puts node_modules/.bin there) and the org (npm run org:create).
import { TARGET_ORG_OPTION, done, main, parseOptions, requireOrg, sf, step, targetOrg } from './lib.mjs';

/** The Comm100 Setup tab (force-app/main/default/tabs/Comm100_Setup.tab-meta.xml). */
const SETUP_TAB = 'Comm100_Setup';

await main(async () => {
    const options = parseOptions({
        usage: 'npm run org:open --',
        options: {
            'target-org': TARGET_ORG_OPTION,
            namespace: { type: 'string', description: "the installed managed package's namespace" },
            path: { type: 'string', description: 'another page to open (default: the Comm100 Setup tab)' },
            'url-only': { type: 'boolean', description: 'print the URL instead of opening a browser' }
        }
    });
    const alias = targetOrg(options);
    const tab = options.namespace ? `${options.namespace}__${SETUP_TAB}` : SETUP_TAB;
    const page = options.path ?? `lightning/n/${tab}`;
    step(`Checking the org '${alias}'`);
    await requireOrg(alias);
    step(`Opening '${alias}' at ${page}`);
    const args = ['org', 'open', '--target-org', alias, '--path', page];
    if (options['url-only']) args.push('--url-only');
    const result = await sf(args);
    if (options['url-only']) {
        console.log(result?.url ?? '');
    } else {
        done(`opened ${page} in '${alias}' as ${result?.username ?? 'the org user'}`);
    }
});
