package nl.loket.kit.http;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import io.smallrye.mutiny.Uni;

/** {@link RunsToEnd}: the outermost wrapper of a resource method's {@code Uni}. */
@RunsToEnd
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE)
public class RunsToEndInterceptor {

    @AroundInvoke
    Object runToEnd(InvocationContext invocation) throws Exception {
        Object result = invocation.proceed();
        return result instanceof Uni<?> work ? Detached.untilDone(work) : result;
    }
}
