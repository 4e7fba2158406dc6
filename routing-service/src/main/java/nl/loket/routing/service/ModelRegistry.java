package nl.loket.routing.service;

import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import nl.loket.routing.config.RoutingConfig;
import nl.loket.routing.knowledge.KnowledgeView;
import nl.loket.routing.model.TeamModel;
import nl.loket.routing.model.TextFeatures;
import nl.loket.routing.repository.ModelRepository;

/**
 * Which version of the trained team model this instance routes with: the newest LIVE one in the database (every
 * instance reads it every {@code loket.routing.model.refresh}), or the one pinned by {@code loket.routing.model.version}
 * (rollback). Loaded versions are kept by number, so a pinned or compared version is read once.
 */
@ApplicationScoped
public class ModelRegistry {

    private final ModelRepository repository;
    private final KnowledgeView view;
    private final RoutingConfig.Model config;
    private final AtomicReference<TeamModel> current = new AtomicReference<>();
    private final java.util.Map<Integer, TeamModel> loaded = new java.util.concurrent.ConcurrentHashMap<>();

    public ModelRegistry(ModelRepository repository, KnowledgeView view, RoutingConfig config) {
        this.repository = repository;
        this.view = view;
        this.config = config.model();
    }

    /** The version routing uses now, or null (none live yet, or the model is switched off). */
    public TeamModel current() {
        return config.enabled() ? current.get() : null;
    }

    public boolean enabled() {
        return config.enabled();
    }

    @Scheduled(every = "${loket.routing.model.refresh:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduledRefresh() {
        if (!config.enabled()) {
            return Uni.createFrom().voidItem();
        }
        return refresh().onFailure().invoke(e -> Log.warnf("Reading the live routing model failed, retrying: %s",
                e.getMessage())).onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Reads which version is live (or the pinned one) and loads it if it is new here. */
    public Uni<TeamModel> refresh() {
        if (!view.isCaughtUp()) {
            return Uni.createFrom().item(current.get()); // the model's features need the knowledge's Dutch analysis
        }
        Uni<Integer> wanted = config.version().isPresent() ? Uni.createFrom().item(config.version().get())
                : repository.liveVersion();
        return wanted.chain(version -> {
            TeamModel have = current.get();
            if (version != null && have != null && have.version() == version) {
                return Uni.createFrom().item(have); // the bytes are read only when the version changes
            }
            if (version == null) {
                current.set(null);
                return Uni.createFrom().<TeamModel>nullItem();
            }
            return repository.version(version).chain(s -> {
                if (s == null) {
                    Log.warnf("Pinned routing model version %d does not exist; routing on the rules alone", version);
                    current.set(null);
                    return Uni.createFrom().<TeamModel>nullItem();
                }
                return load(s).invoke(m -> {
                    current.set(m);
                    Log.infof("Routing with model version %d (%s)", m.version(),
                            config.version().isPresent() ? "pinned" : "live");
                });
            });
        });
    }

    /** A stored version by number (for the preview and for comparisons), or null when there is none. */
    public Uni<TeamModel> version(int version) {
        TeamModel have = loaded.get(version);
        if (have != null) {
            return Uni.createFrom().item(have);
        }
        return repository.version(version).chain(s -> s == null ? Uni.createFrom().nullItem() : load(s));
    }

    private Uni<TeamModel> load(ModelRepository.Stored s) {
        // decoding is CPU work (a few ms): not on the event loop
        return Uni.createFrom().item(() -> TeamModel.load(s.info().version(), s.model(),
                new TextFeatures(view.snapshot().text()), s.info().contactExamples()))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .invoke(m -> loaded.put(m.version(), m));
    }
}
