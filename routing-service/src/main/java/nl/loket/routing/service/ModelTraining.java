package nl.loket.routing.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import nl.loket.contracts.EventJson;
import nl.loket.contracts.events.ContactReceived;
import nl.loket.routing.config.RoutingConfig;
import nl.loket.routing.domain.ModelVersion;
import nl.loket.routing.domain.Outcome;
import nl.loket.routing.knowledge.KnowledgeSnapshot;
import nl.loket.routing.knowledge.KnowledgeView;
import nl.loket.routing.model.ExampleContacts;
import nl.loket.routing.model.KnowledgeExamples;
import nl.loket.routing.model.ModelTrainer;
import nl.loket.routing.model.TeamModel;
import nl.loket.routing.model.TextFeatures;
import nl.loket.routing.model.TrainingExample;
import nl.loket.routing.repository.ModelRepository;

/**
 * The closed loop: trains a new model version from the knowledge and the routing outcomes (the team that settled a
 * contact is its label; a contact a transfer corrected weighs more), and lets it go live only if its decisions are at
 * least as good as the live version's on a held-back slice of the newest outcomes (shadow evaluation: the same
 * contacts decided twice, nothing published). Otherwise the version is kept and reported. Scheduled every
 * {@code loket.routing.model.train-every}, on demand by an operator, and once at start when no version exists yet
 * (the knowledge alone).
 */
@ApplicationScoped
public class ModelTraining {

    private final ModelRepository repository;
    private final ModelRegistry registry;
    private final KnowledgeView view;
    private final PolicyRegistry policies;
    private final RoutingConfig.Model config;
    private final RoutingEngine engine = new RoutingEngine();
    private final ObjectMapper mapper = EventJson.mapper();

    public ModelTraining(ModelRepository repository, ModelRegistry registry, KnowledgeView view,
            PolicyRegistry policies, RoutingConfig config) {
        this.repository = repository;
        this.registry = registry;
        this.view = view;
        this.policies = policies;
        this.config = config.model();
    }

    @Scheduled(every = "${loket.routing.model.train-every:6h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        if (!config.enabled() || !view.isCaughtUp()) {
            return Uni.createFrom().voidItem();
        }
        // one round per interval across restarts and instances: not when a version is younger than the interval
        java.time.Duration every = interval(config.trainEvery());
        return repository.list().chain(versions -> !versions.isEmpty() && every != null
                && versions.get(0).createdAt().isAfter(Instant.now().minus(every)) ? Uni.createFrom().voidItem()
                : scheduledRound())
                .onFailure().invoke(e -> Log.warnf("Listing the routing models failed, the next round retries: %s",
                        e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    private Uni<Void> scheduledRound() {
        return train(config.seed()).invoke(r -> Log.infof("Scheduled training: %s", r))
                .onFailure().invoke(e -> Log.warnf("Training a routing model failed, the next round retries: %s",
                        e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** {@code 6h}, {@code 30m}, {@code 45s}, {@code 1d} or an ISO-8601 duration; null for anything else. */
    static java.time.Duration interval(String every) {
        String s = every == null ? "" : every.trim().toLowerCase(java.util.Locale.ROOT);
        try {
            if (s.matches("[0-9]+[smhd]")) {
                long n = Long.parseLong(s.substring(0, s.length() - 1));
                return switch (s.charAt(s.length() - 1)) {
                    case 's' -> java.time.Duration.ofSeconds(n);
                    case 'm' -> java.time.Duration.ofMinutes(n);
                    case 'h' -> java.time.Duration.ofHours(n);
                    default -> java.time.Duration.ofDays(n);
                };
            }
            return java.time.Duration.parse(every.trim());
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The first version, from the knowledge alone, as soon as the knowledge view is ready and none exists. */
    @Scheduled(every = "${loket.routing.model.refresh:10s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> bootstrap() {
        if (!config.enabled() || !view.isCaughtUp() || registry.current() != null) {
            return Uni.createFrom().voidItem();
        }
        return repository.any().chain(any -> any ? Uni.createFrom().voidItem()
                : train(config.seed()).invoke(r -> Log.infof("First routing model: %s", r)).replaceWithVoid())
                .onFailure().invoke(e -> Log.warnf("Training the first routing model failed, retrying: %s",
                        e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Trains a new version with this seed, compares it with the live one, stores it; the report says what happened. */
    public Uni<ModelVersion> train(long seed) {
        if (!view.isCaughtUp()) {
            return Uni.createFrom().failure(new RoutingService.ViewNotReadyException());
        }
        KnowledgeSnapshot knowledge = view.snapshot();
        return registry.refresh().chain(live -> repository.settledOutcomes(config.maxOutcomes())
                .chain(outcomes -> Uni.createFrom().item(() -> trainAndCompare(knowledge, live, outcomes, seed))
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()))
                .chain(t -> repository.store(t.report(), t.model().toBytes(), t.promote(),
                        live == null ? null : live.version()))
                .call(stored -> registry.refresh()));
    }

    private Trained trainAndCompare(KnowledgeSnapshot knowledge, TeamModel live, List<Outcome> newestFirst, long seed) {
        int held = (int) Math.floor(newestFirst.size() * config.holdoutShare());
        List<Outcome> holdout = held >= config.minHoldout() ? newestFirst.subList(0, held) : List.of();
        List<Outcome> learn = newestFirst.subList(holdout.size(), newestFirst.size());

        List<TrainingExample> examples = new ArrayList<>(KnowledgeExamples.of(knowledge));
        int knowledgeExamples = examples.size();
        // the examples teach a platform without history; its own settled contacts take over as they come
        double exampleWeight = (double) config.exampleWeightHalfAt() / (config.exampleWeightHalfAt() + learn.size());
        if (config.exampleContacts()) {
            examples.addAll(ExampleContacts.of(knowledge, provenance -> true, exampleWeight));
        }
        int exampleContacts = examples.size() - knowledgeExamples;
        int outcomeExamples = 0;
        for (Outcome o : learn) {
            ContactReceived c = contact(o);
            if (c == null || !knowledge.knowsTeam(o.settledTeam())) {
                continue;
            }
            String text = RoutingService.facts(c).fullText();
            if (text == null || text.isBlank()) {
                continue;
            }
            examples.add(new TrainingExample(TrainingExample.OUTCOME + o.contactId(), text, o.settledTeam(),
                    o.corrected() ? config.correctionWeight() : 1.0));
            outcomeExamples++;
        }
        long started = System.nanoTime();
        TeamModel candidate = new ModelTrainer(new TextFeatures(knowledge.text())).train(0, examples, seed);
        long trainMs = (System.nanoTime() - started) / 1_000_000;

        Double candidateAccuracy = null;
        Double liveAccuracy = null;
        boolean promote;
        String note;
        if (holdout.isEmpty()) {
            promote = live == null;
            note = String.format(java.util.Locale.ROOT, "Trained in %d ms on %d knowledge texts, %d example contacts "
                    + "(weight %.2f) and %d settled contacts. ", trainMs, knowledgeExamples, exampleContacts,
                    exampleWeight, outcomeExamples) + (promote
                    ? "No version was live: this one goes live (too few settled contacts to compare: "
                            + newestFirst.size() + ")."
                    : "Too few settled contacts to compare with the live version (" + newestFirst.size()
                            + "; a held-back slice needs " + config.minHoldout() + "): kept.");
        } else {
            candidateAccuracy = accuracy(holdout, candidate, knowledge);
            liveAccuracy = accuracy(holdout, live, knowledge);
            promote = candidateAccuracy >= liveAccuracy;
            note = String.format(java.util.Locale.ROOT, "Trained in %d ms on %d knowledge texts, %d example contacts "
                    + "(weight %.2f) and %d settled contacts; on the %d newest settled contacts held back it routes "
                    + "%.1f%% right, %s %.1f%%: %s.", trainMs, knowledgeExamples, exampleContacts, exampleWeight,
                    outcomeExamples, holdout.size(), 100 * candidateAccuracy,
                    live == null ? "the rules alone" : "live version " + live.version(), 100 * liveAccuracy,
                    promote ? "goes live" : "kept, not live");
        }
        ModelVersion report = new ModelVersion(0, promote ? ModelVersion.Status.LIVE : ModelVersion.Status.KEPT,
                Instant.now().truncatedTo(ChronoUnit.MILLIS), seed, knowledgeExamples, exampleContacts, outcomeExamples,
                holdout.size(),
                candidateAccuracy, liveAccuracy, live == null ? null : live.version(), note);
        return new Trained(candidate, report, promote);
    }

    /** Share of the held-back contacts whose first decision with {@code model} goes to the team that settled it. */
    private double accuracy(List<Outcome> holdout, TeamModel model, KnowledgeSnapshot knowledge) {
        int right = 0;
        int counted = 0;
        for (Outcome o : holdout) {
            ContactReceived c = contact(o);
            if (c == null) {
                continue;
            }
            counted++;
            var d = engine.decide(RoutingService.facts(c), policies.forMunicipality(c.municipality()), knowledge,
                    Set.of(), model);
            if (o.settledTeam().equals(d.teamId())) {
                right++;
            }
        }
        return counted == 0 ? 0 : (double) right / counted;
    }

    private ContactReceived contact(Outcome o) {
        try {
            return mapper.readValue(o.contactJson(), ContactReceived.class);
        } catch (JsonProcessingException e) {
            Log.warnf("Stored contact %s unreadable, not used for training: %s", o.contactId(), e.getMessage());
            return null;
        }
    }

    private record Trained(TeamModel model, ModelVersion report, boolean promote) {
    }
}
