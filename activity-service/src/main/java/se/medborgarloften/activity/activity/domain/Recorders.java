package se.medborgarloften.activity.activity.domain;

import java.util.EnumSet;
import java.util.Set;
import se.medborgarloften.contracts.activity.ActivityType;

/**
 * Who reports which kinds of activity (SPEC.md, Roles): police report every kind; municipal staff report the kinds the
 * municipality itself carries out. Controls, operations and police presence are police work.
 */
public final class Recorders {

    public static final Set<ActivityType> MUNICIPAL_KINDS =
            Set.copyOf(EnumSet.of(ActivityType.SAFETY_WALK, ActivityType.CONTACT_MEETING, ActivityType.OTHER));

    private Recorders() {}

    public static boolean mayRecord(boolean police, boolean municipalStaff, ActivityType type) {
        return police || (municipalStaff && MUNICIPAL_KINDS.contains(type));
    }
}
