package se.medborgarloften.reporting.situation.application;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;
import se.medborgarloften.contracts.Topics;
import se.medborgarloften.contracts.reporting.SituationPicture;
import se.medborgarloften.contracts.reporting.SituationPicture.PerceivedSafety;
import se.medborgarloften.contracts.reporting.SituationPicture.SafetyTrend;
import se.medborgarloften.platform.messaging.events.DomainEvents;
import se.medborgarloften.platform.messaging.outbox.AggregateStore;
import se.medborgarloften.platform.messaging.outbox.AggregateStores;
import se.medborgarloften.platform.messaging.outbox.Versioned;
import se.medborgarloften.reporting.situation.domain.SituationWindow;

/**
 * The published situation pictures, one per topic key. A changed picture is written together with its snapshot for
 * the compacted topic {@code reporting.situation-picture.v1}, through the same outbox as every domain event; an
 * unchanged one (the same figures, whenever computed) is not written again, so a redelivered event publishes nothing.
 * A stored change is also told in-process as {@link SituationChanged}, for the live stream.
 */
@Component
public class SituationBook {

    static final String COLLECTION = "situation_pictures";

    private static final int ATTEMPTS = 5;

    private final AggregateStore<SituationPicture> pictures;
    private final ApplicationEventPublisher changes;
    private final Clock clock;

    public SituationBook(AggregateStores stores, ApplicationEventPublisher changes, Clock clock) {
        this.pictures = stores.store(COLLECTION, SituationPicture.class);
        this.changes = changes;
        this.clock = clock;
    }

    public Optional<SituationPicture> find(String key) {
        return pictures.find(key).map(Versioned::state);
    }

    /** The areas of a municipality that have a published picture of their own. */
    public List<String> publishedAreas(String municipalityCode) {
        return pictures
                .findAll(
                        where(AggregateStore.field("municipalityCode"))
                                .is(municipalityCode)
                                .and(AggregateStore.field("area"))
                                .ne(null),
                        Pageable.unpaged())
                .stream()
                .map(SituationPicture::area)
                .toList();
    }

    /** Every municipality with a published picture. */
    public List<String> municipalities() {
        return pictures.findAll(where(AggregateStore.field("area")).is(null), Pageable.unpaged()).stream()
                .map(SituationPicture::municipalityCode)
                .toList();
    }

    /**
     * Draws the pictures of {@code keys} and stores those that changed. The stored versions are read before drawing
     * and each write is guarded by its version: when two draw the same key at once (the refresher and a rebuild) the
     * later write fails and that key is drawn again from the newer views, so a picture from older views never
     * overwrites a newer one.
     *
     * @param draw the pictures of the keys asked for, drawn from the views as they are when it is called
     */
    public void record(Collection<String> keys, Function<Collection<String>, Map<String, SituationPicture>> draw) {
        Collection<String> pending = keys;
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            Map<String, Optional<Versioned<SituationPicture>>> stored = new LinkedHashMap<>();
            pending.forEach(key -> stored.put(key, pictures.find(key)));
            Map<String, SituationPicture> latest = draw.apply(pending);
            List<String> raced = new ArrayList<>();
            for (String key : pending) {
                try {
                    write(key, stored.get(key), latest.get(key));
                } catch (OptimisticLockingFailureException | DuplicateKeyException race) {
                    if (attempt == ATTEMPTS) {
                        throw race;
                    }
                    raced.add(key);
                }
            }
            pending = raced;
        }
    }

    private void write(String key, Optional<Versioned<SituationPicture>> stored, SituationPicture latest) {
        var snapshot = DomainEvents.snapshot(Topics.SITUATION_PICTURE, key, latest, clock.instant());
        if (stored.isEmpty()) {
            pictures.create(key, latest, snapshot);
        } else if (sameFigures(stored.get().state(), latest)) {
            return;
        } else {
            pictures.update(key, stored.get(), latest, snapshot);
        }
        changes.publishEvent(new SituationChanged(key, latest));
    }

    /** Equal but for when each was computed; times are compared as instants, as the store keeps them. */
    static boolean sameFigures(SituationPicture a, SituationPicture b) {
        return comparable(a).equals(comparable(b));
    }

    private static SituationPicture comparable(SituationPicture picture) {
        PerceivedSafety safety = picture.perceivedSafety();
        SafetyTrend trend = safety.trend();
        return new SituationPicture(
                picture.municipalityCode(),
                picture.area(),
                local(picture.from()),
                local(picture.to()),
                picture.smallCountLimit(),
                picture.activities(),
                picture.concerns(),
                new PerceivedSafety(
                        safety.mean(),
                        safety.answers(),
                        safety.fewerThan(),
                        new SafetyTrend(
                                local(trend.previousFrom()),
                                local(trend.previousTo()),
                                trend.previousMean(),
                                trend.previousAnswers(),
                                trend.change(),
                                trend.direction())),
                picture.surveyIndicators(),
                picture.youSaidWeDid(),
                null);
    }

    private static OffsetDateTime local(OffsetDateTime time) {
        return SituationWindow.local(time.toInstant());
    }
}
