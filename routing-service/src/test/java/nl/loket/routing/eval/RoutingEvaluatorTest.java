package nl.loket.routing.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import nl.loket.routing.eval.RoutingEvaluator.Decision;
import nl.loket.routing.eval.RoutingEvaluator.Report;
import nl.loket.routing.eval.RoutingEvaluator.Row;

/** The evaluator's figures on hand-counted rows, without a service. */
class RoutingEvaluatorTest {

    private static Row row(String text, String expected) {
        return new Row(text, "WEB_FORM", expected, "test");
    }

    // expected a a a b b c; routed a a b b a kcc
    private static final List<Row> ROWS = List.of(row("1", "a"), row("2", "a"), row("3", "a"), row("4", "b"),
            row("5", "b"), row("6", "c"));
    private static final Map<String, String> ROUTED = Map.of("1", "a", "2", "a", "3", "b", "4", "b", "5", "a", "6", "kcc");

    @Test
    void macroF1IsTheMeanF1OverTheExpectedTeamsPresent() {
        Report report = RoutingEvaluator.evaluate(ROWS, r -> ROUTED.get(r.text()));

        assertThat(report.accuracy()).isCloseTo(3 / 6.0, within(1e-9));
        // a: p 2/3 r 2/3 f1 2/3; b: p 1/2 r 1/2 f1 1/2; c: f1 0; kcc is not expected and does not count
        assertThat(report.macroF1Teams()).containsExactly("a", "b", "c");
        assertThat(report.decision().f1("kcc")).isNaN();
        assertThat(report.macroF1()).isCloseTo((2 / 3.0 + 0.5 + 0) / 3, within(1e-9));
        String text = report.format(true);
        assertThat(text).contains("rows 6, correct 3, accuracy 0.500, macro-F1 0.389")
                .contains("mean F1 over the 3 expected teams present (a, b, c)").contains("precision")
                .contains("recall").contains("confusion matrix").contains("misses")
                .doesNotContain("per signal").doesNotContain("rules vs model");
    }

    @Test
    void perSignalAndRulesAgainstModelCountOnlyTheRowsCarryingTheField() {
        Map<String, Decision> answers = Map.of(
                "1", new Decision("a", "MODEL", "kcc", "a", 3),
                "2", new Decision("a", "RULES", "a", "b", 3),
                "3", new Decision("b", "MODEL", "a", "b", 3),
                "4", new Decision("b", "EXPLICIT", null, null, 3),
                "5", new Decision("a", "RULES", "a", null, 3),
                "6", new Decision("kcc", "RULES", "kcc", "c", 3));
        Report report = RoutingEvaluator.evaluateDecisions(ROWS, r -> answers.get(r.text()));

        assertThat(report.bySignal().keySet()).containsExactly("EXPLICIT", "MODEL", "RULES");
        assertThat(report.bySignal().get("MODEL").rows()).isEqualTo(2);
        assertThat(report.bySignal().get("MODEL").accuracy()).isCloseTo(0.5, within(1e-9));
        assertThat(report.bySignal().get("RULES").correct()).isEqualTo(1);
        // rules alone on rows 1,2,3,5,6: kcc a a a kcc vs a a a b c -> 2 of 5
        assertThat(report.rulesOnly().rows()).isEqualTo(5);
        assertThat(report.rulesOnly().accuracy()).isCloseTo(2 / 5.0, within(1e-9));
        // model alone on rows 1,2,3,6: a b b c vs a a a c -> 2 of 4
        assertThat(report.model().rows()).isEqualTo(4);
        assertThat(report.model().accuracy()).isCloseTo(0.5, within(1e-9));
        // expected among those rows: a and c (b's rows carry no model); a: tp1 fp0 fn2 -> f1 0.5; c: tp1 -> 1
        assertThat(report.model().expectedTeams()).containsExactly("a", "c");
        assertThat(report.model().macroF1()).isCloseTo(0.75, within(1e-9));
        assertThat(report.format(false)).contains("per signal").contains("MODEL").contains("rules vs model")
                .contains("model version consulted: 3")
                .contains("rules and model disagree on 4 rows: rules right 2, model right 2, neither 0");

        String json = report.json();
        assertThat(json).startsWith("{").endsWith("}").doesNotContain("\n")
                .contains("\"accuracy\":0.5000").contains("\"macroF1\":")
                .contains("\"perSignal\":{\"EXPLICIT\":{\"rows\":1,\"correct\":1,\"accuracy\":1.0000}")
                .contains("\"rulesOnly\":{\"rows\":5,\"correct\":2,\"accuracy\":0.4000")
                .contains("\"model\":{\"rows\":4,\"correct\":2,\"accuracy\":0.5000,\"macroF1\":0.7500}")
                .contains("\"modelVersions\":[3]");
        assertThat(RoutingEvaluator.Json.parse(json)).isInstanceOf(Map.class);
    }

    @Test
    void readsThePreviewAnswerWhateverTheOrderOfItsFields() {
        Decision d = Decision.fromJson("""
                {"model":{"teamId":"omgeving","confidence":0.83,"version":3,"terms":["dak\\"kapel","vergunning"]},
                 "tier":2,"teamId":"kcc","reason":{"code":"x","args":[1,2.5e0,true,null]},"signal":"RULES",
                 "rulesOnly":{"teamId":"kcc","rule":"low-confidence"},"modelVersion":3,"productName":"caf\\u00e9"}""");
        assertThat(d).isEqualTo(new Decision("kcc", "RULES", "kcc", "omgeving", 3));
        assertThat(Decision.fromJson("{\"teamId\":\"kcc\",\"confidence\":0.4}"))
                .isEqualTo(Decision.of("kcc"));
        assertThatThrownBy(() -> Decision.fromJson("{\"title\":\"unknown model\"}"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void compareCountsAndShowsTheRowsThatChangedTeam() {
        String longText = "x".repeat(120);
        List<Row> rows = List.of(row("same", "a"), row(longText, "a"), row("worse", "b"), row("both wrong", "c"));
        var comparison = RoutingEvaluator.compare(rows, "3", "none",
                r -> Decision.of(r.text().equals(longText) ? "b" : r.text().equals("both wrong") ? "d" : r.expected()),
                r -> Decision.of(switch (r.text()) {
                    case "worse" -> "a";
                    case "both wrong" -> "kcc";
                    default -> r.expected();
                }));
        assertThat(comparison.changed()).isEqualTo(3);
        String text = comparison.format();
        assertThat(text).contains("A=3").contains("B=none").contains("accuracy").contains("macro-F1")
                .contains("per-team F1")
                .contains("rows that changed team: 3 of 4 (B right where A was wrong 1, A right where B is wrong 1,"
                        + " both wrong 1)")
                .contains("x".repeat(79) + "…").doesNotContain("x".repeat(81));
        assertThat(comparison.json()).contains("\"compare\":{\"a\":\"3\",\"b\":\"none\"}").contains("\"changed\":3");
    }

    @Test
    void optionsMayComeAnywhereBesideTheOldPositionalArguments() {
        var o = RoutingEvaluator.Options.parse(new String[] {"--json", "f.csv", "--compare", "3", "none",
                "http://h:1", "p"});
        assertThat(o.file).isEqualTo("f.csv");
        assertThat(o.url).isEqualTo("http://h:1");
        assertThat(o.policy).isEqualTo("p");
        assertThat(o.compare).containsExactly("3", "none");
        assertThat(o.json).isTrue();
        assertThat(RoutingEvaluator.Options.parse(new String[] {"f.csv"}).url).isEqualTo("http://localhost:8082");
        assertThatThrownBy(() -> RoutingEvaluator.Options.parse(new String[] {"f.csv", "--compare", "3", "x"}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RoutingEvaluator.Options.parse(new String[] {"f.csv", "--model", "3", "--compare",
                "1", "2"})).isInstanceOf(IllegalArgumentException.class);
    }
}
