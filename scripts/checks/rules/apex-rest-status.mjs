// Apex REST answers only the HTTP statuses RestResponse documents: "If you set the RestResponse.statusCode
// property to a value that's not listed in the table, then an HTTP status of 500 is returned with the error
// message 'Invalid status code for HTTP response: nnn'." No Apex test can see it: the status is replaced after
// Apex returns.
//   Apex Reference, RestResponse Class, statusCode —
//   https://developer.salesforce.com/docs/atlas.en-us.apexref.meta/apexref/apex_methods_system_restresponse.htm
// Checked: a whole-number literal assigned to a statusCode property, and the status a Comm100 API refusal or
// outcome is built with (Comm100ApiException.refusal, Comm100Api.error, new Comm100Api.Outcome), which
// Comm100Api.respond writes to RestResponse.statusCode.
const VALID = new Set([
    200, 201, 202, 204, 206, 300, 301, 302, 304, 400, 401, 403, 404, 405, 406, 409, 410, 412, 413, 414, 415, 417, 500,
    503
]);
const STATUS =
    /(?:\bstatusCode\s*=|\brefusal\(|\bComm100Api\.error\(|\berror\(|\bnew\s+(?:Comm100Api\.)?Outcome\()\s*(\d{3})\b/g;

/** Apex source without comments and string literals, line breaks kept, so nothing in them is read as code. */
function codeOnly(text) {
    return text.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*|'(?:\\.|[^'\\\n])*'/g, (m) => m.replace(/[^\n]/g, ' '));
}

export default {
    name: 'apex-rest-status',
    group: 'apex',
    description:
        'HTTP statuses written to RestResponse.statusCode, or given to a Comm100 API refusal or outcome, are ones Apex REST can answer (a 422 becomes a plain-text 500)',
    check(model, report) {
        for (const { file, text } of model.classes.values()) {
            const code = codeOnly(text);
            for (const match of code.matchAll(STATUS)) {
                const status = Number(match[1]);
                if (!VALID.has(status)) {
                    const line = code.slice(0, match.index).split('\n').length;
                    report(
                        file,
                        `line ${line}: HTTP status ${status} is not one Apex REST can answer: the caller gets 500 "Invalid status code for HTTP response: ${status}" (use one of ${[...VALID].join(', ')})`
                    );
                }
            }
        }
    }
};
