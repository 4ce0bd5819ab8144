package se.medborgarloften.dialogue.dialogue.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.OffsetDateTime;
import se.medborgarloften.dialogue.dialogue.domain.Dialogue;

/**
 * A moment that has come, give or take {@link Dialogue#MAX_AHEAD} for clocks and offsets that disagree. Checked here as
 * well as in the domain so that the answer names the field along with every other invalid one.
 */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = AtMostADayAhead.Check.class)
@interface AtMostADayAhead {

    String message() default "must not be more than a day in the future: a dialogue is recorded once it is held";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Made by Spring's validator factory, so it tells time by the service's clock. */
    class Check implements ConstraintValidator<AtMostADayAhead, OffsetDateTime> {

        private final Clock clock;

        Check(Clock clock) {
            this.clock = clock;
        }

        @Override
        public boolean isValid(OffsetDateTime value, ConstraintValidatorContext context) {
            return value == null || !value.toInstant().isAfter(clock.instant().plus(Dialogue.MAX_AHEAD));
        }
    }
}
