package nl.loket.routing.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import nl.loket.routing.eval.RoutingEvaluator;
import nl.loket.routing.knowledge.KnowledgeSnapshot;

/**
 * The bundled example contacts ({@value #RESOURCE}): citizen texts as they reach a municipality — web forms, e-mails,
 * agents' notes of calls, reports typed into an app — each labelled with the team that should get it, as
 * {@code text,channel,expected_team,provenance}. Every row is {@code authored} (written for this project from the
 * teams' descriptions, see the provenance column and the routing README), none is a real citizen's contact. They teach
 * the first model version how contacts are phrased before the platform has settled any of its own; the settled
 * contacts come on top with every training round. Only rows of teams the knowledge knows are used.
 */
public final class ExampleContacts {

    public static final String RESOURCE = "training/example-contacts.csv";

    private static final List<RoutingEvaluator.Row> ROWS = load();

    private ExampleContacts() {
    }

    /** Every bundled row, in file order. */
    public static List<RoutingEvaluator.Row> rows() {
        return ROWS;
    }

    /** Training examples from every bundled row of a team the knowledge knows. */
    public static List<TrainingExample> of(KnowledgeSnapshot k) {
        return of(k, provenance -> true);
    }

    /**
     * Training examples from the rows whose provenance passes {@code use} (a cross-validation leaves one set out); the
     * key is the row's place in the file, so the same file gives the same examples.
     */
    public static List<TrainingExample> of(KnowledgeSnapshot k, Predicate<String> use) {
        return of(k, use, 1.0);
    }

    /** As {@link #of(KnowledgeSnapshot, Predicate)}, each example with this weight. */
    public static List<TrainingExample> of(KnowledgeSnapshot k, Predicate<String> use, double weight) {
        List<TrainingExample> out = new ArrayList<>();
        for (int i = 0; i < ROWS.size(); i++) {
            RoutingEvaluator.Row r = ROWS.get(i);
            if (use.test(r.provenance()) && k.knowsTeam(r.expected())) {
                out.add(new TrainingExample(TrainingExample.EXAMPLE + String.format("%05d", i), r.text(),
                        r.expected(), weight));
            }
        }
        return out;
    }

    private static List<RoutingEvaluator.Row> load() {
        try (InputStream in = ExampleContacts.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            return List.copyOf(RoutingEvaluator.read(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
