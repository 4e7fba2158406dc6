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
 * The optional {@code X-Loket-Request-Id} header that ties the processing-log entries of one data-subject request
 * across services: at most 100 printable ASCII characters without spaces. A violation is reported under the header's
 * name.
 */
@Documented
@Constraint(validatedBy = RequestIdHeader.Validator.class)
@Target({ElementType.PARAMETER, ElementType.FIELD})
@Retention(RetentionPolicy.RUNTIME)
public @interface RequestIdHeader {

    String NAME = "X-Loket-Request-Id";

    String message() default "must be at most 100 printable ASCII characters without spaces";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<RequestIdHeader, String> {

        private static final Pattern REQUEST_ID = Pattern.compile("[\\x21-\\x7E]{1,100}");

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || REQUEST_ID.matcher(value).matches()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode(NAME).addConstraintViolation();
            return false;
        }
    }
}
