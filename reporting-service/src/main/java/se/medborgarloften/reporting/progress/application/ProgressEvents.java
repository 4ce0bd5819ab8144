package se.medborgarloften.reporting.progress.application;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import se.medborgarloften.contracts.Topics;
import se.medborgarloften.contracts.activity.ActivityEvent;
import se.medborgarloften.contracts.promise.AgreementEvent;
import se.medborgarloften.platform.messaging.events.EventReader;
import se.medborgarloften.reporting.rebuild.RebuildableReadModel;

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

    public void activityEvent(byte[] value) {
        projector.on(EventReader.read(value, ActivityEvent.class).data());
    }

    @Override
    public Map<String, Consumer<byte[]>> bySourceTopic() {
        Map<String, Consumer<byte[]>> routes = new LinkedHashMap<>();
        routes.put(Topics.PROMISE_EVENTS, this::promiseEvent);
        routes.put(Topics.ACTIVITY_EVENTS, this::activityEvent);
        return routes;
    }

    @Override
    public List<String> collections() {
        return List.of(
                ReportingViews.AGREEMENTS, ReportingViews.ACTIVITIES, ActivityDays.COLLECTION, ProgressBook.COLLECTION);
    }
}
