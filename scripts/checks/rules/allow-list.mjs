// Chatbot allow-list records: what the type's validation rules enforce in an org, checked before any deploy.
export default {
    name: 'allow-list',
    group: 'metadata',
    description:
        'records with Can Read / Can Write flags (the chatbot allow-list) allow at least one of them, write only fields of the record itself (no Parent.Field) and name at most one relationship',
    check(model, report) {
        for (const { file, values } of model.records) {
            if (!('Can_Read__c' in values) && !('Can_Write__c' in values)) {
                continue;
            }
            const field = values.Salesforce_Field__c ?? '';
            if (values.Can_Read__c !== 'true' && values.Can_Write__c !== 'true') {
                report(file, `${field || 'the entry'} allows neither reading nor writing`);
            }
            if (values.Can_Write__c === 'true' && field.includes('.')) {
                report(file, `${field} is a parent field: it can only be read, not written`);
            }
            if (field.split('.').length > 2) {
                report(file, `${field} goes through more than one relationship`);
            }
        }
    }
};
