// Another class's private members, which apex-ls lets through and the org's compiler rejects ("Method is
// not visible", "Variable is not visible", "Type is not visible"). A member or inner class with no access
// modifier is private; private means the top-level class and its inner classes, plus test classes for
// @TestVisible members.
//   Access Modifiers — https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_classes_access_modifiers.htm
//   Apex Class Definition (inner classes are private by default) — https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_classes_defining.htm
//   TestVisible Annotation — https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_classes_annotation_testvisible.htm
// Reported only where the class is certain: a project class named in the code (`Other.member`,
// `Other.Inner`), `new Other(…).member`, a cast to it, or a variable declared with it. Members inherited
// from a superclass, protected members and overridden methods without an access modifier are left alone.
import { Apex, apexIndex, expressionType, isAccessible, lineOf, walk } from '../apex.mjs';

/** Private in the sense of this rule: no access for other classes (overrides without a modifier are left out). */
function hidden(item, from) {
    if (!item.explicitAccess && item.keywords.has('override')) {
        return false;
    }
    if (item.kind === 'interface' || item.kind === 'enum') {
        if (!item.explicitAccess) {
            return false; // the docs name inner classes only as private by default
        }
    }
    return !isAccessible(item, item.top ?? item.owner.top, from); // false for anything not private
}

export default {
    name: 'apex-private-access',
    group: 'apex',
    description:
        "no class reads another class's private field or property, calls its private method or names its private inner class (no access modifier means private; @TestVisible opens a member to test classes only)",
    check(model, report) {
        const index = apexIndex(model);
        const reported = new Set();
        const reportOnce = (file, message) => {
            if (!reported.has(`${file}\n${message}`)) {
                reported.add(`${file}\n${message}`);
                report(file, message);
            }
        };
        for (const source of index.files) {
            const from = source.top; // undefined for a trigger: nothing private is visible to it
            const where = (node) => `line ${lineOf(node)}`;
            const checkTypePath = (names, node) => {
                // Other.Inner written as a type: the inner class must be visible here (Apex has no deeper inner classes).
                const outer = index.types.get(names[0]);
                const inner = outer?.inner.get(names[1]);
                if (inner && hidden(inner, from)) {
                    reportOnce(
                        source.file,
                        `${where(node)}: ${outer.name}.${inner.name} is a private inner class of ${outer.name}${inner.explicitAccess ? '' : ' (no access modifier)'}: only ${outer.name} can use it`
                    );
                }
            };
            const walkNode = (node) => {
                if (node instanceof Apex.TypeRefContext) {
                    const names = node.typeName_list().map((t) => t.id()?.getText().toLowerCase());
                    checkTypePath(names, node);
                } else if (node instanceof Apex.CreatedNameContext) {
                    checkTypePath(
                        node.idCreatedNamePair_list().map((p) => p.anyId().getText().toLowerCase()),
                        node
                    );
                } else if (node instanceof Apex.DotExpressionContext) {
                    const found = expressionType(index, node.expression());
                    const receiver = found?.type
                        ? found
                        : { value: found && index.resolveType(found.key, found.scope) };
                    const owner = receiver.type ?? receiver.value;
                    if (owner) {
                        // (this class's own members: isAccessible lets them through)
                        const call = node.dotMethodCall();
                        if (call) {
                            const name = call.anyId().getText();
                            const methods = owner.methods.get(name.toLowerCase())?.map((m) => ({ ...m, owner }));
                            if (methods?.every((m) => hidden(m, from))) {
                                const m = methods[0];
                                reportOnce(
                                    source.file,
                                    `${where(node)}: calls ${owner.fullName}.${name}(), which is private${m.explicitAccess ? '' : ' (no access modifier)'}${m.annotations.has('testvisible') ? ' and @TestVisible only for test classes' : ''}: only ${owner.top.name} can call it`
                                );
                            }
                        } else if (
                            node.anyId() &&
                            !(receiver.type && owner.inner.has(node.anyId().getText().toLowerCase()))
                        ) {
                            const name = node.anyId().getText();
                            const field = owner.fields.get(name.toLowerCase());
                            if (field && hidden({ ...field, owner }, from)) {
                                reportOnce(
                                    source.file,
                                    `${where(node)}: uses ${owner.fullName}.${name}, a private ${field.kind}${field.explicitAccess ? '' : ' (no access modifier)'}${field.annotations.has('testvisible') ? ' and @TestVisible only for test classes' : ''}: only ${owner.top.name} can use it`
                                );
                            }
                        } else if (receiver.type && node.anyId()) {
                            checkTypePath([owner.lname, node.anyId().getText().toLowerCase()], node);
                        }
                    }
                }
            };
            walk(source.tree, walkNode);
        }
    }
};
