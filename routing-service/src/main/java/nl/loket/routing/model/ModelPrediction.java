package nl.loket.routing.model;

import java.util.List;

/**
 * What the team model says about a text: its best team, how sure (0–1, over the teams that may receive it), the
 * model version, and the citizen's words that weighed most for that team (for the explanation).
 */
public record ModelPrediction(String teamId, double confidence, int version, List<String> terms) {
}
