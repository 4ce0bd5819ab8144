package se.medborgarloften.reporting.rebuild;

import java.util.List;
import java.util.Map;

/** A read model that can be dropped and built again from the beginning of its source topics. */
public interface RebuildableReadModel {

    /** Every source topic with what applies its records, in the order a replay reads them: agreements before the work. */
    Map<String, SourceRecords> bySourceTopic();

    /** The collections that hold nothing but what these events built. */
    List<String> collections();

    /**
     * Called once the replay has read every source topic to where it ends: a model that leaves part of its work to
     * the background finishes it here, so that a rebuild is only done when every figure is.
     */
    default void caughtUp() {}
}
