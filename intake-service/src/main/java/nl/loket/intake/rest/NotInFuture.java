package nl.loket.intake.rest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;
import java.time.Instant;

import org.eclipse.microprofile.config.ConfigProvider;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** Not later than now plus the configured clock skew. */
@Documented
@Constraint(validatedBy = NotInFuture.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface NotInFuture {

    String message() default "must not be in the future";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Reads the skew lazily: Bean Validation builds validators before config mappings are ready. */
    class Validator implements ConstraintValidator<NotInFuture, Instant> {

        @Override
        public boolean isValid(Instant value, ConstraintValidatorContext context) {
            Duration skew = ConfigProvider.getConfig()
                    .getOptionalValue("loket.intake.clock-skew", Duration.class).orElse(Duration.ofMinutes(2));
            return value == null || !value.isAfter(Instant.now().plus(skew));
        }
    }
}
