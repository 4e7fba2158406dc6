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
 * The {@code contactId} path parameter: 1–100 letters, digits and hyphens. A violation is reported under the
 * parameter's name ({@code errors[].field = "contactId"}).
 */
@Documented
@Constraint(validatedBy = ContactIdParam.Validator.class)
@Target({ElementType.PARAMETER, ElementType.FIELD})
@Retention(RetentionPolicy.RUNTIME)
public @interface ContactIdParam {

    String message() default "must be a contact id (letters, digits and -, at most 100)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ContactIdParam, String> {

        private static final Pattern CONTACT_ID = Pattern.compile("[A-Za-z0-9-]{1,100}");

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || CONTACT_ID.matcher(value).matches()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("contactId").addConstraintViolation();
            return false;
        }
    }
}
