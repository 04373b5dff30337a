package app.domus.shared.ai;

/**
 * The organisation's admin switched this task's agent off: nothing was sent to any provider. Each caller says what it
 * does instead (a fault left for its manager to triage, a chat answered that the assistant is off), never nothing.
 */
public class AiAgentOff extends RuntimeException {
    private final AiTask task;

    public AiAgentOff(AiTask task, String organisationId) {
        super("The " + task.wire() + " agent is switched off for organisation " + organisationId);
        this.task = task;
    }

    public AiTask task() {
        return task;
    }
}
