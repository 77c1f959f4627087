// Stands in for `lightning/platformShowToastEvent`: the preview page listens for the event and shows the toast.
export class ShowToastEvent extends CustomEvent {
    constructor(detail) {
        super('lightning__showtoast', { bubbles: true, composed: true, cancelable: true, detail });
    }
}
