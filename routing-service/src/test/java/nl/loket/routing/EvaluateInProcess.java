package nl.loket.routing;

import java.nio.file.Path;
import java.time.Instant;

import nl.loket.contracts.events.Channel;
import nl.loket.routing.domain.ContactFacts;
import nl.loket.routing.eval.RoutingEvaluator;
import nl.loket.routing.knowledge.KnowledgeSnapshot;
import nl.loket.routing.service.PolicyRegistry;
import nl.loket.routing.service.RoutingEngine;

/** Development aid: the evaluation of a CSV in process, on the knowledge fixture (args: csv [policy]). */
public final class EvaluateInProcess {
    public static void main(String[] args) throws Exception {
        KnowledgeSnapshot knowledge = KnowledgeFixture.view().snapshot();
        var policy = PolicyRegistry.loadAll().get(args.length > 1 ? args[1] : "chain-specialised-kcc");
        RoutingEngine engine = new RoutingEngine();
        var report = RoutingEvaluator.evaluate(RoutingEvaluator.read(Path.of(args[0])), row -> engine.decide(
                new ContactFacts("eval", "GM0363", Channel.valueOf(row.channel()), Instant.now(), null, row.text(), "nl",
                        null, null, null, null, null), policy, knowledge).teamId());
        System.out.println(report.format(true));
    }
}
