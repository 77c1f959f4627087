trigger Comm100EventTrigger on Comm100_Event__e(after insert) {
    new Comm100EventHandler().handle(Trigger.new);
}
