package se.medborgarloften.dialogue.dialogue.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;
import se.medborgarloften.contracts.dialogue.DialogueEventTypes;
import se.medborgarloften.dialogue.dialogue.domain.Dialogue;
import se.medborgarloften.dialogue.dialogue.domain.DialogueDraft;
import se.medborgarloften.dialogue.dialogue.domain.FeedbackDraft;
import se.medborgarloften.dialogue.dialogue.domain.Routing;
import se.medborgarloften.dialogue.dialogue.events.DialogueEventFactory;
import se.medborgarloften.platform.messaging.outbox.AggregateStore;
import se.medborgarloften.platform.messaging.outbox.AggregateStores;
import se.medborgarloften.platform.messaging.outbox.Versioned;

/** Every change to a dialogue: load, apply the domain rule, store the new state with its one event. */
@Service
public class DialogueService {

    /** Staff submitting feedback to the same dialogue at once do not need to know of each other. */
    private static final int ATTEMPTS_WITHOUT_IF_MATCH = 3;

    private final AggregateStore<Dialogue> dialogues;
    private final DialogueEventFactory events;
    private final Clock clock;

    public DialogueService(AggregateStores stores, DialogueEventFactory events, Clock clock) {
        this.dialogues = stores.store("dialogues", Dialogue.class);
        this.events = events;
        this.clock = clock;
    }

    public Versioned<Dialogue> record(DialogueDraft draft) {
        Dialogue dialogue = Dialogue.record(draft, clock.instant());
        dialogues.create(
                dialogue.id(), dialogue, events.event(DialogueEventTypes.DIALOGUE_RECORDED, dialogue, 1, null));
        return new Versioned<>(dialogue, 1);
    }

    public Versioned<Dialogue> get(String id) {
        return dialogues.find(id).orElseThrow(() -> new NoSuchElementException("No dialogue " + id));
    }

    /** Dialogues held in [from, to), latest first. */
    public Page<Dialogue> list(
            Collection<String> municipalityCodes,
            Optional<String> area,
            Optional<Instant> from,
            Optional<Instant> to,
            PageRequest page) {
        Criteria criteria =
                Criteria.where(AggregateStore.field("municipalityCode")).in(municipalityCodes);
        area.ifPresent(name -> criteria.and(AggregateStore.field("area")).is(name));
        if (from.isPresent() || to.isPresent()) {
            Criteria heldAt = criteria.and(AggregateStore.field("heldAt"));
            from.ifPresent(heldAt::gte);
            to.ifPresent(heldAt::lt);
        }
        PageRequest sorted =
                page.withSort(Sort.by(Sort.Order.desc(AggregateStore.field("heldAt")), Sort.Order.asc("_id")));
        return new PageImpl<>(dialogues.findAll(criteria, sorted), sorted, dialogues.count(criteria));
    }

    public Versioned<Dialogue> submitFeedback(String id, Optional<Long> ifMatch, FeedbackDraft draft) {
        return change(
                id,
                ifMatch,
                DialogueEventTypes.FEEDBACK_SUBMITTED,
                dialogue -> dialogue.submitFeedback(draft, clock.instant()),
                changed -> changed.latestFeedback().id());
    }

    public Versioned<Dialogue> route(String id, String feedbackId, Optional<Long> ifMatch, Routing routing) {
        return change(
                id, ifMatch, DialogueEventTypes.FEEDBACK_ROUTED, d -> d.route(feedbackId, routing), d -> feedbackId);
    }

    public Versioned<Dialogue> link(String id, String feedbackId, Optional<Long> ifMatch, String promiseId) {
        return change(
                id, ifMatch, DialogueEventTypes.FEEDBACK_LINKED, d -> d.link(feedbackId, promiseId), d -> feedbackId);
    }

    public Versioned<Dialogue> retract(String id, String feedbackId, Optional<Long> ifMatch) {
        return change(id, ifMatch, DialogueEventTypes.FEEDBACK_RETRACTED, d -> d.retract(feedbackId), d -> feedbackId);
    }

    /**
     * With If-Match the caller answers for what it saw, so a concurrent change is theirs to resolve (412). Without it
     * the rule is simply applied again to the newer state, a few times at most.
     */
    private Versioned<Dialogue> change(
            String id,
            Optional<Long> ifMatch,
            String eventType,
            UnaryOperator<Dialogue> rule,
            Function<Dialogue, String> concernedFeedback) {
        int attemptsLeft = ifMatch.isPresent() ? 1 : ATTEMPTS_WITHOUT_IF_MATCH;
        while (true) {
            try {
                return changeOnce(id, ifMatch, eventType, rule, concernedFeedback);
            } catch (OptimisticLockingFailureException e) {
                if (--attemptsLeft == 0) {
                    throw e;
                }
            }
        }
    }

    private Versioned<Dialogue> changeOnce(
            String id,
            Optional<Long> ifMatch,
            String eventType,
            UnaryOperator<Dialogue> rule,
            Function<Dialogue, String> concernedFeedback) {
        Versioned<Dialogue> loaded = get(id);
        if (ifMatch.isPresent() && ifMatch.get() != loaded.version()) {
            throw new OptimisticLockingFailureException(
                    "Dialogue " + id + " is at version " + loaded.version() + ", not " + ifMatch.get());
        }
        Dialogue changed = rule.apply(loaded.state());
        long version = loaded.nextVersion();
        dialogues.update(
                id, loaded, changed, events.event(eventType, changed, version, concernedFeedback.apply(changed)));
        return new Versioned<>(changed, version);
    }
}
