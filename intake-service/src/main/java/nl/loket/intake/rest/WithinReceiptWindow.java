package nl.loket.intake.rest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;
import java.time.Instant;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Within [now − {@code loket.intake.received-at-max-age}, now + {@code loket.intake.clock-skew}]; null is fine
 * (intake uses now).
 */
@Documented
@Constraint(validatedBy = WithinReceiptWindow.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface WithinReceiptWindow {

    String message() default "must lie within the accepted window around now";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Reads the window lazily: Bean Validation builds validators before config mappings are ready. */
    class Validator implements ConstraintValidator<WithinReceiptWindow, Instant> {

        @Override
        public boolean isValid(Instant value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            Config config = ConfigProvider.getConfig();
            Duration skew = config.getOptionalValue("loket.intake.clock-skew", Duration.class).orElse(Duration.ofMinutes(2));
            Duration maxAge = config.getOptionalValue("loket.intake.received-at-max-age", Duration.class).orElse(Duration.ofDays(7));
            Instant now = Instant.now();
            String problem = null;
            if (value.isAfter(now.plus(skew))) {
                problem = "must not be in the future (at most " + skew + " ahead)";
            } else if (value.isBefore(now.minus(maxAge))) {
                problem = "must not be older than " + maxAge;
            }
            if (problem == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
            return false;
        }
    }
}
