package nl.loket.intake.rest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import nl.loket.intake.domain.TextRule;

/** Text without NUL characters and without unpaired UTF-16 surrogates ({@link TextRule}); null is fine. */
@Documented
@Constraint(validatedBy = StorableText.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface StorableText {

    String message() default "must not contain NUL characters (U+0000) or unpaired UTF-16 surrogates";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<StorableText, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return TextRule.isStorable(value);
        }
    }
}
