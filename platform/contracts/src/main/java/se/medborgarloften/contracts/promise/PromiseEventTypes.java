package se.medborgarloften.contracts.promise;

/** CloudEvent types that promise-service publishes on {@code promise.events.v1}. */
public final class PromiseEventTypes {

    public static final String SOURCE = "/medborgarloften/promise-service";
    private static final String PREFIX = "se.medborgarloften.promise.";

    public static final String AGREEMENT_CREATED = PREFIX + "agreement-created.v1";
    public static final String PROMISE_ADDED = PREFIX + "promise-added.v1";
    public static final String PROMISE_CHANGED = PREFIX + "promise-changed.v1";
    public static final String PROMISE_REMOVED = PREFIX + "promise-removed.v1";
    public static final String AGREEMENT_SIGNED = PREFIX + "agreement-signed.v1";
    public static final String ASSESSMENT_RECORDED = PREFIX + "assessment-recorded.v1";
    public static final String AGREEMENT_CLOSED = PREFIX + "agreement-closed.v1";

    private PromiseEventTypes() {}
}
