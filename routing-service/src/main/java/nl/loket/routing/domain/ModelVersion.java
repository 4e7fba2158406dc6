package nl.loket.routing.domain;

import java.time.Instant;

/**
 * A stored version of the trained team model and its training report.
 *
 * @param exampleContacts   bundled example contacts it learnt from (authored texts with their teams)
 * @param outcomeExamples   settled contacts it learnt from
 * @param holdout           recent outcomes held back from training to compare the new version with the live one
 * @param candidateAccuracy share of the held-back contacts this version's decisions send to the team that settled them
 * @param liveAccuracy      the same for the version (or the rules alone) that was live when it was trained
 * @param liveVersion       that live version (null: the rules alone)
 */
public record ModelVersion(int version, Status status, Instant createdAt, long seed, int knowledgeExamples,
        int exampleContacts, int outcomeExamples, int holdout, Double candidateAccuracy, Double liveAccuracy,
        Integer liveVersion, String note) {

    /** The labelled contact texts it learnt from (a policy's {@code minOutcomes} reads this). */
    public int contactExamples() {
        return exampleContacts + outcomeExamples;
    }

    public enum Status {
        /** The version routing uses (the newest LIVE, unless one is pinned by configuration). */
        LIVE,
        /** Trained, but not better than the live one on the held-back outcomes: stored and reported, not used. */
        KEPT,
        /** Was live; a newer version replaced it. Pin it by configuration to roll back. */
        RETIRED
    }
}
