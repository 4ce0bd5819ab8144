package se.medborgarloften.reporting.situation.domain;

import java.util.Comparator;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The small-count rule of every public view: a concern category backed by fewer than {@link #LIMIT} citizens is
 * shown as "fewer than 3", without its number, so that no one can tell who raised it.
 *
 * <p>A municipality's total of a category is published next to its areas (in the municipality's picture and in each
 * area's own picture), so one suppressed area could be worked out by subtraction. When exactly one area of a category
 * is below the limit, the next smallest area of that category is suppressed with it, everywhere it is published.
 */
public final class SmallCounts {

    public static final int LIMIT = 3;

    private SmallCounts() {}

    public static boolean shown(long citizens) {
        return citizens >= LIMIT;
    }

    /** The areas whose count of one category is withheld, given that category's citizens per area. */
    public static Set<String> suppressedAreas(Map<String, Long> citizensByArea) {
        Set<String> suppressed = new HashSet<>();
        citizensByArea.forEach((area, citizens) -> {
            if (!shown(citizens)) {
                suppressed.add(area);
            }
        });
        if (suppressed.size() == 1) {
            citizensByArea.entrySet().stream()
                    .filter(entry -> !suppressed.contains(entry.getKey()))
                    .min(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                    .ifPresent(next -> suppressed.add(next.getKey()));
        }
        return suppressed;
    }

    /** Shown counts first, most first; withheld ones after, by name, so their order tells nothing of their size. */
    public static <T> Comparator<T> publicOrder(Function<T, Long> shownCount, Function<T, String> name) {
        Comparator<T> shownFirst = Comparator.comparing(item -> shownCount.apply(item) == null);
        return shownFirst
                .thenComparing(
                        item -> Optional.ofNullable(shownCount.apply(item)).orElse(0L), Comparator.reverseOrder())
                .thenComparing(name);
    }
}
