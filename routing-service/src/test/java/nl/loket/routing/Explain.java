package nl.loket.routing;

import java.time.Instant;
import java.util.Set;

import nl.loket.contracts.events.Channel;
import nl.loket.routing.domain.ContactFacts;
import nl.loket.routing.knowledge.KnowledgeSnapshot;
import nl.loket.routing.service.PolicyRegistry;
import nl.loket.routing.service.ReasonTexts;
import nl.loket.routing.service.RoutingEngine;

/** Development aid: prints tokens, intent, matches and decision for texts given as arguments. */
public final class Explain {
    public static void main(String[] args) {
        KnowledgeSnapshot k = KnowledgeFixture.view().snapshot();
        RoutingEngine engine = new RoutingEngine();
        for (String text : args) {
            ContactFacts f = new ContactFacts("x", "GM0363", Channel.EMAIL, Instant.now(), null, text, "nl", null, null,
                    null, null, null);
            var a = engine.analyse(f, k, Set.of());
            System.out.println(text + "\n  tokens " + k.text().searchTokens(text) + "\n  intent " + a.intent());
            a.matches().stream().limit(6).forEach(m -> System.out.println("  " + m));
            var d = engine.decide(f, PolicyRegistry.loadAll().get("chain-specialised-kcc"), k);
            System.out.println("  -> " + d);
            System.out.println("  nl: " + ReasonTexts.DUTCH.render(d.reason()));
            System.out.println("  en: " + ReasonTexts.ENGLISH.render(d.reason()));
        }
    }
}
