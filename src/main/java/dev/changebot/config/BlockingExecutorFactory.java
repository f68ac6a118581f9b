package dev.changebot.config;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Micronaut's blocking executor (every {@code @ExecuteOn(TaskExecutors.BLOCKING)} route, the Slack route
 * first) as a {@link MostRecentlyIdleExecutor}: as many threads as {@code micronaut.executors.blocking.n-threads}
 * says, a burst queued, and a quiet pool kept on its warmest threads and their database connections.
 */
@Factory
class BlockingExecutorFactory {

    @Singleton
    @Named(TaskExecutors.BLOCKING)
    @Replaces(bean = ExecutorService.class, named = TaskExecutors.BLOCKING)
    @Bean(preDestroy = "shutdown")
    ExecutorService blockingExecutor(@Value("${micronaut.executors.blocking.n-threads:16}") int threads) {
        return new MostRecentlyIdleExecutor(threads, namedThreads("blocking-executor-thread-"));
    }

    /**
     * Threads named as Micronaut's pool named them (the bench groups CPU by name), holding the class
     * loader that loaded the application: started lazily from a Netty thread, a thread must still find
     * the application's classes where they were loaded by another loader than the system's
     * ({@code ./mvnw exec:java}, the README's run command).
     */
    private static ThreadFactory namedThreads(String prefix) {
        var loader = BlockingExecutorFactory.class.getClassLoader();
        var count = new AtomicInteger();
        return task -> {
            var thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            thread.setContextClassLoader(loader);
            return thread;
        };
    }
}
