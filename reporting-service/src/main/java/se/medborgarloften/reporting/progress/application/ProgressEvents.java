package se.medborgarloften.reporting.progress.application;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import se.medborgarloften.contracts.Topics;
import se.medborgarloften.contracts.activity.ActivityEvent;
import se.medborgarloften.contracts.promise.AgreementEvent;
import se.medborgarloften.platform.messaging.events.EventReader;
import se.medborgarloften.platform.messaging.events.MalformedRecordException;
import se.medborgarloften.reporting.rebuild.RebuildableReadModel;
import se.medborgarloften.reporting.rebuild.SourceRecords;

/** What the progress views are built from: the record values of each source topic, read and projected. */
@Component
public class ProgressEvents implements RebuildableReadModel {

    private final ProgressProjector projector;

    public ProgressEvents(ProgressProjector projector) {
        this.projector = projector;
    }

    public void promiseEvent(byte[] value) {
        projector.on(EventReader.read(value, AgreementEvent.class).data());
    }

    public void activityEvents(List<ActivityEvent> events) {
        projector.on(events);
    }

    @Override
    public Map<String, SourceRecords> bySourceTopic() {
        Map<String, SourceRecords> routes = new LinkedHashMap<>();
        routes.put(Topics.PROMISE_EVENTS, SourceRecords.eachOf(this::promiseEvent));
        routes.put(Topics.ACTIVITY_EVENTS, SourceRecords.batchesOf(ProgressEvents::activity, this::activityEvents));
        return routes;
    }

    /** An activity event with what counting it needs: its type, municipality and time. */
    public static ActivityEvent activity(byte[] value) {
        ActivityEvent activity = EventReader.read(value, ActivityEvent.class).data();
        if (activity.activityType() == null || activity.municipalityCode() == null || activity.occurredAt() == null) {
            throw new MalformedRecordException("activity event without type, municipality or time");
        }
        return activity;
    }

    @Override
    public List<String> collections() {
        return List.of(
                ReportingViews.AGREEMENTS, ReportingViews.ACTIVITIES, ActivityDays.COLLECTION, ProgressBook.COLLECTION);
    }
}
