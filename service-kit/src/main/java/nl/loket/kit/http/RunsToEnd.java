package nl.loket.kit.http;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * On a resource (or one of its methods): every {@code Uni} it returns runs to its end even when the caller goes away
 * ({@link Detached#untilDone}); the one mechanism for every Loket endpoint, so no endpoint leaks a pooled connection
 * when its client disconnects (hibernate-reactive#4133).
 */
@InterceptorBinding
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface RunsToEnd {
}
