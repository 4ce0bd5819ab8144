package se.medborgarloften.dialogue.dialogue.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A citizen dialogue and the feedback raised in it, kept together so that a dialogue and its feedback change in one
 * step. Free text is masked on construction: no instance ever holds a personal identity number, phone number or
 * e-mail address. Every method returns the dialogue after the change.
 */
public record Dialogue(
        String id,
        String municipalityCode,
        String area,
        Instant heldAt,
        DialogueFormat format,
        Organiser organiser,
        String targetGroup,
        int participants,
        String summary,
        Instant recordedAt,
        List<Feedback> feedback) {

    /** Keeps one dialogue's document far below MongoDB's 16 MB limit. */
    public static final int MAX_FEEDBACK = 500;

    /** A dialogue is recorded once it is held; a day ahead allows for clocks and offsets that disagree. */
    public static final Duration MAX_AHEAD = Duration.ofDays(1);

    private static final Pattern MUNICIPALITY_CODE = Pattern.compile("\\d{4}");

    public Dialogue {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(heldAt, "heldAt");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(organiser, "organiser");
        if (municipalityCode == null
                || !MUNICIPALITY_CODE.matcher(municipalityCode).matches()) {
            throw new IllegalArgumentException("municipalityCode must be four digits");
        }
        if (area == null || area.isBlank()) {
            throw new IllegalArgumentException("area must not be blank");
        }
        if (participants < 0) {
            throw new IllegalArgumentException("participants must not be negative");
        }
        area = PersonalDataMasker.mask(area);
        targetGroup = PersonalDataMasker.mask(targetGroup);
        summary = PersonalDataMasker.mask(summary);
        feedback = feedback == null ? List.of() : List.copyOf(feedback);
    }

    public static Dialogue record(DialogueDraft draft, Instant now) {
        if (draft.heldAt() != null && draft.heldAt().isAfter(now.plus(MAX_AHEAD))) {
            throw new IllegalArgumentException(
                    "heldAt must not be more than a day in the future: a dialogue is recorded" + " once it is held");
        }
        return new Dialogue(
                "d-" + UUID.randomUUID(),
                draft.municipalityCode(),
                draft.area().strip(),
                draft.heldAt(),
                draft.format(),
                draft.organiser(),
                blankToNull(draft.targetGroup()),
                draft.participants(),
                blankToNull(draft.summary()),
                now,
                List.of());
    }

    public Dialogue submitFeedback(FeedbackDraft draft, Instant now) {
        if (feedback.size() >= MAX_FEEDBACK) {
            throw new IllegalStateException("A dialogue holds at most " + MAX_FEEDBACK + " feedback items");
        }
        List<Feedback> all = new ArrayList<>(feedback);
        all.add(Feedback.raised(newFeedbackId(), draft, area, now));
        return withFeedback(all);
    }

    public Dialogue route(String feedbackId, Routing routing) {
        return replace(feedbackId, item -> item.routedTo(routing));
    }

    public Dialogue link(String feedbackId, String promiseId) {
        if (promiseId == null || promiseId.isBlank()) {
            throw new IllegalArgumentException("promiseId must not be blank");
        }
        return replace(feedbackId, item -> item.linkedTo(promiseId));
    }

    public Dialogue retract(String feedbackId) {
        return replace(feedbackId, Feedback::retract);
    }

    public Feedback feedback(String feedbackId) {
        return feedback.stream()
                .filter(item -> item.id().equals(feedbackId))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("No feedback " + feedbackId + " in dialogue " + id));
    }

    /** The item a submission added: the last one. */
    public Feedback latestFeedback() {
        if (feedback.isEmpty()) {
            throw new NoSuchElementException("Dialogue " + id + " has no feedback");
        }
        return feedback.get(feedback.size() - 1);
    }

    public long activeFeedbackCount() {
        return feedback.stream().filter(item -> !item.retracted()).count();
    }

    private Dialogue replace(String feedbackId, UnaryOperator<Feedback> change) {
        Feedback current = feedback(feedbackId);
        return withFeedback(feedback.stream()
                .map(item -> item == current ? change.apply(item) : item)
                .toList());
    }

    private Dialogue withFeedback(List<Feedback> changed) {
        return new Dialogue(
                id,
                municipalityCode,
                area,
                heldAt,
                format,
                organiser,
                targetGroup,
                participants,
                summary,
                recordedAt,
                changed);
    }

    private String newFeedbackId() {
        Set<String> taken = feedback.stream().map(Feedback::id).collect(Collectors.toSet());
        String candidate;
        do {
            candidate = "f-" + UUID.randomUUID().toString().substring(0, 8);
        } while (taken.contains(candidate));
        return candidate;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
