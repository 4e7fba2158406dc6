package nl.loket.intake.rest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.regex.Pattern;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * The {@code Idempotency-Key} header: at most 200 printable ASCII characters without spaces. A violation is
 * reported under the header's name ({@code errors[].field = "Idempotency-Key"}), not under the Java parameter.
 */
@Documented
@Constraint(validatedBy = IdempotencyKeyHeader.Validator.class)
@Target({ElementType.PARAMETER, ElementType.FIELD})
@Retention(RetentionPolicy.RUNTIME)
public @interface IdempotencyKeyHeader {

    String NAME = "Idempotency-Key";
    int MAX_LENGTH = 200;

    String message() default "must be at most 200 printable ASCII characters without spaces";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<IdempotencyKeyHeader, String> {

        private static final Pattern PRINTABLE = Pattern.compile("[\\x21-\\x7E]*");

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            String problem = value.length() > MAX_LENGTH ? "must be at most " + MAX_LENGTH + " characters"
                    : PRINTABLE.matcher(value).matches() ? null : "must be printable ASCII without spaces";
            if (problem == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(problem).addPropertyNode(NAME).addConstraintViolation();
            return false;
        }
    }
}
