package nl.loket.chainteam.rest;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import nl.loket.chainteam.domain.CallbackStatus;
import nl.loket.chainteam.domain.HistoryAction;
import nl.loket.chainteam.domain.WorkItemStatus;
import nl.loket.contracts.events.Channel;
import nl.loket.contracts.events.Outcome;
import nl.loket.contracts.events.TermUnit;
import nl.loket.contracts.events.Tier;

/** Request and response bodies of the team API. Never entities, never events; no BSN anywhere. */
public final class ApiModels {

    static final String TEAM_ID = "^[a-z0-9]+(-[a-z0-9]+)*$";

    private ApiModels() {
    }

    public record ResolveRequest(@NotNull Outcome outcome, @Size(max = 2000) String note) {
    }

    public record TransferRequest(
            @Pattern(regexp = TEAM_ID, message = "must be a team id") @Size(max = 64) String toTeamId,
            @NotBlank @Size(max = 1000) String reason) {
    }

    public record CallbackRequest(
            @Pattern(regexp = TEAM_ID, message = "must be a team id") @Size(max = 64) String targetTeamId,
            @Size(min = 1, max = 200) String targetMember,
            Instant dueAt,
            @Size(max = 2000) String note) {
    }

    public record CompleteCallbackRequest(@NotNull Boolean reached, @Size(max = 2000) String note) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Citizen(String citizenRef, String name, String email, String phone) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Term(int days, TermUnit unit) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record WorkItemView(String contactId, String teamId, Tier tier, int hop, Channel channel,
            String municipality, WorkItemStatus status, String assignee, Instant receivedAt, Instant assignedAt,
            Instant dueAt, boolean overdue, String subject, String text, String language, Citizen citizen,
            String caseReference, String productUri, String productName, String articleId, String categoryId,
            Term handlingTerm, String routingReason, Double confidence, String previousTeamId, String transferReason,
            String followUpOf, Outcome outcome, Instant resolvedAt, Instant personalDataErasedAt) {
    }

    public record ItemPage(List<WorkItemView> items, int page, int size, long total) {
    }

    /**
     * A team's queue in figures, for the team-lead view and the live queue; no personal data. {@code open}: the items
     * the queue shows by default (OPEN, CLAIMED, CALLBACK_PENDING); {@code unassigned}: those OPEN (nobody has taken
     * them); {@code overdue}: open and past the due time; {@code dueToday}: open, due later today (Europe/Amsterdam);
     * {@code callbacksOpen}: open call-backs asked of the team or requested by it; {@code callbacksDue}: those due by
     * now. {@code version} changes whenever any of the team's unsettled items or open call-backs changes (opaque).
     */
    public record TeamSummaryView(String teamId, long open, long unassigned, long overdue, long dueToday,
            long callbacksOpen, long callbacksDue, String version) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HistoryEntryView(int seq, Instant at, HistoryAction action, String actor, String organisation,
            String teamId, Tier tier, int hop, WorkItemStatus status, String assignee, Instant dueAt, Outcome outcome,
            String note, String reason, String targetTeamId, String targetMember, String callbackId, String eventId) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CallbackView(String callbackId, String contactId, String teamId, String targetTeamId,
            String targetMember, Instant dueAt, String note, CallbackStatus status, String requestedBy,
            Instant requestedAt, Boolean reached, String completedBy, Instant completedAt, String completionNote) {
    }

    /**
     * A data-subject request (inzage or erasure) for contacts by id; an empty list (the citizen has no contacts) is
     * answered and logged like any other.
     */
    public record PrivacyRequest(@NotNull @Size(max = 1000) List<@NotBlank @Size(max = 100) String> contactIds) {
    }

    /** Inzage: everything this service holds about the contacts it knows of those asked. */
    public record InzageResponse(String service, List<InzageContact> contacts) {
    }

    /**
     * One contact: its work item's fields (contactId, team, times, status, subject, text, citizen, …; personal fields
     * absent once erased, {@code personalDataErasedAt} says when), every step of its history, its call-backs.
     */
    public record InzageContact(@JsonUnwrapped WorkItemView workItem, List<HistoryEntryView> history,
            List<CallbackView> callbacks) {
    }

    /** Erasure: every contact of those asked that this service holds; their personal fields are now erased. */
    public record ErasureResponse(String service, List<String> erased) {
    }
}
