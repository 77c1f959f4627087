import { LightningElement, api } from 'lwc';
import { reduceErrors } from 'c/ldsUtils';
import DEFAULT_MESSAGE from '@salesforce/label/c.Comm100_Error_Default_Message';
import DETAILS_LABEL from '@salesforce/label/c.Comm100_Error_Details';

/** How the panel presents itself: an inline alert (default) or a warning. */
export type ErrorPanelVariant = 'error' | 'warning';

/**
 * Shows an error to a person: a short message in their words and, below it, the
 * readable reasons reduced from whatever the wire, Apex or script produced.
 * The panel is a live region (`role="alert"`), so screen readers announce it.
 *
 * @example
 * <c-error-panel errors={error} friendly-message="The chats could not be loaded."></c-error-panel>
 */
export default class ErrorPanel extends LightningElement {
    /** The error or errors to reduce: LDS, Apex, JavaScript or a string. */
    @api errors: unknown;

    /** A sentence saying what failed, in the user's terms; a generic one is used when empty. */
    @api friendlyMessage: string | undefined;

    /** `error` (default) or `warning`. */
    @api variant: ErrorPanelVariant | undefined;

    readonly detailsLabel = DETAILS_LABEL;

    get messages(): string[] {
        return reduceErrors(this.errors);
    }

    get hasMessages(): boolean {
        return this.messages.length > 0;
    }

    get headline(): string {
        const message = this.friendlyMessage?.trim();
        return message ? message : DEFAULT_MESSAGE;
    }

    get isWarning(): boolean {
        return this.variant === 'warning';
    }

    get containerClass(): string {
        return `slds-notify slds-notify_alert slds-theme_alert-texture ${
            this.isWarning ? 'slds-alert_warning' : 'slds-alert_error'
        } error-panel`;
    }

    get iconName(): string {
        return this.isWarning ? 'utility:warning' : 'utility:error';
    }

    get iconText(): string {
        return this.isWarning ? 'Warning' : 'Error';
    }

    get iconVariant(): string {
        return this.isWarning ? 'warning' : 'inverse';
    }
}
